import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface ArticleWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time before a batch of changes is handed over (editors write a file in several steps). */
  debounceMs?: number;
  /** Poll instead of fs.watch (network drives, containers where inotify events do not arrive). */
  poll?: boolean;
  pollIntervalMs?: number;
}

/**
 * Watches the articles folder (recursively) and calls `onChange` with the paths,
 * relative to the folder with `/` separators, that were added, changed or removed
 * since the last call. Changes that arrive within `debounceMs` of each other form one
 * batch. Which of them are articles is for the caller to decide.
 */
export function watchArticles(dir: string, onChange: (files: Set<string>) => void, options: WatchOptions = {}): ArticleWatcher {
  const debounceMs = options.debounceMs ?? 150;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const note = (file: string) => {
    if (closed) return;
    pending.add(file.split(path.sep).join("/"));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = pending;
      pending = new Set();
      onChange(batch);
    }, debounceMs);
  };

  let stop: () => void;
  if (options.poll) stop = pollFolder(dir, note, options.pollIntervalMs ?? 500);
  else {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: true }, (_event, filename) => {
        if (filename) note(filename.toString());
      });
    } catch {
      return watchArticles(dir, onChange, { ...options, poll: true });
    }
    watcher.on("error", () => {});
    stop = () => watcher.close();
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      stop();
    },
  };
}

/** Compares size and modification time of every file with the previous scan. */
function pollFolder(dir: string, note: (file: string) => void, intervalMs: number): () => void {
  let previous: Map<string, string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const scan = async () => {
    const current = new Map<string, string>();
    const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    await Promise.all(
      entries.map(async (rel) => {
        const info = await stat(path.join(dir, rel)).catch(() => undefined);
        if (info?.isFile()) current.set(rel, `${info.size}:${info.mtimeMs}`);
      }),
    );
    if (previous) {
      for (const [file, signature] of current) if (previous.get(file) !== signature) note(file);
      for (const file of previous.keys()) if (!current.has(file)) note(file);
    }
    previous = current;
    if (!stopped) timer = setTimeout(scan, intervalMs);
  };
  void scan();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
