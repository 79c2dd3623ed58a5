import { spawn } from "node:child_process";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { median } from "./stats.ts";
import { sampleTreeRss } from "./rss-sampler.ts";

export interface SaveToReload {
  /** Seconds from each save to the reload event the browsers get. */
  saves: number[];
  peakRssBytes: number;
  error?: string;
}

/**
 * npm start's save → reload, as a reader editing an article sees it: starts the dev
 * server (node scripts/launch.mjs scripts/start.ts, what npm start runs) on the given folders, listens to its live-reload events
 * like a browser, then `saves` times appends a sentence to `file` and times the moment
 * from the write to the first "reload" event (the saved article's page, when the server
 * previews it). Each save waits for the last one's rebuild and search index to end. The
 * server is stopped with SIGINT.
 */
export async function measureSaveToReload(options: {
  root: string;
  articlesDir: string;
  contentDir: string;
  outputDir: string;
  cacheDir: string;
  file: string;
  saves: number;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<SaveToReload> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const child = spawn(
    process.execPath,
    ["scripts/launch.mjs", "scripts/start.ts", "--articles", options.articlesDir, "--output", options.outputDir, "--content", options.contentDir, "--cache-dir", options.cacheDir, "--port", "0"],
    { cwd: options.root, env: options.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const sampler = sampleTreeRss(child.pid!);
  let output = "";
  const waiters: { pattern: RegExp; from: number; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) {
      const m = output.slice(w.from).match(w.pattern);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  /** The first match of `pattern` in what the server printed (from the `from`th character on). */
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const m = output.slice(from).match(pattern);
      if (m) return resolve(m);
      const timer = setTimeout(() => reject(new Error(`npm start printed no ${pattern} within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`)), timeoutMs);
      // A wait given up on (the server failed first) must not keep the benchmark alive.
      timer.unref();
      waiters.push({ pattern, from, resolve: (match) => (clearTimeout(timer), resolve(match)) });
    });

  const saves: number[] = [];
  let error: string | undefined;
  const abort = new AbortController();
  try {
    const [, url] = await waitFor(/Serving the archive at (\S+)/);
    const response = await fetch(`${url}__live-reload`, { signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    // Every reload event as it arrives (a save may bring two: its page's preview, then the
    // rest of the archive), so a save is timed to the first reload sent after it.
    let events = "";
    let reloads = 0;
    let onReload: (() => void) | undefined;
    const pump = (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error("the live-reload stream closed");
        events += chunk.value;
        for (let at = events.indexOf("event: reload"); at >= 0; at = events.indexOf("event: reload")) {
          events = events.slice(at + 1);
          reloads++;
          onReload?.();
        }
      }
    })();
    pump.catch(() => {});
    const nextReload = (after: number) =>
      new Promise<void>((resolve, reject) => {
        if (reloads > after) return resolve();
        onReload = () => {
          if (reloads > after) resolve();
        };
        pump.catch(reject);
      });
    // Let the first search index finish so it does not compete with the first save.
    await waitFor(/search index: done|search index: rebuilt/);
    for (let i = 1; i <= options.saves; i++) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const printed = output.length;
      const reloadsBefore = reloads;
      const started = performance.now();
      await appendFile(path.join(options.articlesDir, options.file), `\nThe benchmark saved this file again (${i}).\n`);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([nextReload(reloadsBefore), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("no reload event")), timeoutMs)))]);
      } finally {
        // Left pending, each save's timer kept the benchmark process (and the shared bench lock) alive 10 minutes after its table was printed.
        clearTimeout(timer);
      }
      saves.push((performance.now() - started) / 1000);
      // The next save finds the server idle: this one's whole rebuild and search index done
      // (after a preview's reload, the rest of the archive was still being rebuilt).
      await waitFor(/search index: rebuilt/, printed);
    }
  } catch (e) {
    error = (e as Error).message;
  } finally {
    abort.abort();
    child.kill("SIGINT");
    await new Promise((resolve) => child.once("close", resolve));
  }
  const { peakBytes } = await sampler.stop();
  return { saves, peakRssBytes: peakBytes, error };
}

export function medianSave(run: SaveToReload): number | undefined {
  return run.saves.length ? median(run.saves) : undefined;
}
