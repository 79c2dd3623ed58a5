import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { bundledScript } from "../util/bundle.ts";
import { forkBundle, INGEST_PROCESS_OPTIONS, takeEarlyWorker, workerFlags } from "../util/worker-flags.mjs";

/**
 * Starts a worker script (render-worker.ts, ingest-worker.ts, analyze-worker.ts) in a
 * child process: its bundle (src/util/bundle.ts) with plain Node where one can be made,
 * else the TypeScript itself with tsx. Nothing else of this process's command line is
 * passed on (a test runner's --test, say).
 */
export function forkWorker(script: URL, options: ForkOptions = {}): ChildProcess {
  // A process may hold much of a large archive's index and pages: a third of the machine's
  // memory for its heap unless the user already chose a limit (src/util/worker-flags.mjs).
  const flags = workerFlags(options);
  const bundle = bundledScript(script);
  if (bundle) return forkBundle(bundle, flags);
  return fork(fileURLToPath(script), [], { execArgv: [...typeScriptLoaderArgs(), ...flags], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/**
 * The flags that load tsx: this process's own (`--import tsx`), or, in a process started
 * from a bundle, tsx found from here.
 */
function typeScriptLoaderArgs(): string[] {
  const own = process.execArgv.filter(
    (arg, i, all) => /^--(import|require|loader|experimental-loader)(=|$)/.test(arg) || /^--(import|require|loader|experimental-loader)$/.test(all[i - 1] ?? ""),
  );
  return own.length ? own : ["--import", import.meta.resolve("tsx")];
}

/**
 * A worker process's side of forkWorker: the parent's messages handled one at a time, in
 * the order they came (`handle` may wait); `{ type: "end" }` exits, and a failure is sent
 * back as `{ type: "failed", error }` before the process exits.
 */
export function serveInOrder<M extends { type: string }>(handle: (message: M) => Promise<void> | void): void {
  const queue: M[] = [];
  let working = false;
  const work = async () => {
    working = true;
    try {
      for (let message = queue.shift(); message; message = queue.shift()) {
        if (message.type === "end") process.exit(0);
        await handle(message);
      }
    } catch (error) {
      process.send!({ type: "failed", error: (error as Error).stack ?? String(error) }, () => process.exit(1));
    } finally {
      working = false;
    }
  };
  process.on("message", (message: M) => {
    queue.push(message);
    if (!working) void work();
  });
}

/** Sends `message` to the parent process, resolved once it is on its way. */
export function sendToParent(message: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

const REPLY_FILE_PREFIX = "news-archive-reply-";
/** A reply file's name (replyAndExit's): the reading process's id, the worker's, a random part. */
const REPLY_FILE = new RegExp(`^${REPLY_FILE_PREFIX}(\\d+)-\\d+-[0-9a-f-]+\\.json$`);

/**
 * Deletes the reply files in `dir` (replyAndExit's) whose reading process is gone: a build
 * killed between its ingest process's reply and its reading of it (at 100,000 articles, a
 * 9 MB file, and up to 13 s while the build made its model) left its file behind for good.
 * A running process's file is its own to read. Called once per process, as it first starts a worker.
 */
export function removeOrphanedReplies(dir = os.tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const reader = REPLY_FILE.exec(name)?.[1];
    if (reader === undefined || isRunning(Number(reader))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this id is running (one of another user's counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let orphansRemoved = false;

/** A reply longer than this (in UTF-16 units of its JSON) goes to the parent through a file (replyAndExit): a pipe holds 64 KiB. */
const REPLY_IN_FILE_LENGTH = 64 * 1024;

/**
 * A worker's reply to runInChild (`{ ok: true, ... }`), then its exit once the reply is on
 * its way. A long reply is written to a file and the file named in the message: sent down
 * the channel it stayed in this process until the parent read it all, and the ingest
 * process's (9 MB at 100,000 articles) was read by a build busy with the model and page
 * fingerprints 13 s later, the ingest process holding its 1.5 GB meanwhile.
 */
export function replyAndExit(reply: { ok: boolean } & Record<string, unknown>): void {
  const json = JSON.stringify(reply);
  let file: string | undefined;
  if (json.length > REPLY_IN_FILE_LENGTH) {
    // Named by the process that reads it (and deletes it): removeOrphanedReplies.
    file = path.join(os.tmpdir(), `${REPLY_FILE_PREFIX}${process.ppid}-${process.pid}-${randomUUID()}.json`);
    writeFileSync(file, json);
  }
  process.send!(file ? { ok: reply.ok, replyFile: file } : reply, (error: Error | null) => {
    if (error && file) rmSync(file, { force: true });
    process.exit(error ? 1 : 0);
  });
}

export interface ForkOptions {
  /**
   * A larger young generation (V8's semi-space, in MiB; 16 by default), unless the user
   * chose one. For the ingest process: it holds every article's analysis in its old
   * generation, which makes each young-generation collection dear. At 100,000 articles
   * a warm ingest took 133–137 s with 16 and 108–109 s with 32 (64 gained nothing more);
   * at 10,000 it made no difference to time, and about 30 MB more of memory.
   */
  youngGenerationMiB?: number;
  /**
   * How far (in percent of what a full collection left) the old generation may grow before
   * the next full collection, unless the user chose it; V8 lets it grow by half or more.
   * For the ingest process, whose passes each leave hundreds of megabytes of garbage on
   * top of every article's analysis. A 100,000-article summary job from its analysis
   * jobs' folders (every analysis held, the count taken from them), one run each: V8's own
   * 1,647–1,804 MiB at its peak, 56–77 s; 50: 1,468 MiB, 58 s; 30: 1,416 MiB, 64 s; 20:
   * 1,395 MiB, 65 s; 10: 1,392 MiB, 66 s. A build on one machine (INGEST_PROCESS) grows it
   * by 50: a warm build of 100,000 articles with one article edited (2026-12-06, four builds
   * each, taking turns) took 68.1–69.9 s wall with 20 and 63.8–66.5 s with 50 (its ingest
   * stage 36.0–36.7 s against 33.1–34.4 s), the process tree's peak 2,148–2,197 MiB against
   * 2,509–2,571 MiB (35: 66.8 and 69.1 s, 2,554 and 2,599 MiB).
   */
  heapGrowingPercent?: number;
}

/** The young generation the ingest process runs with (ForkOptions.youngGenerationMiB). */
export const INGEST_YOUNG_GENERATION_MIB = INGEST_PROCESS_OPTIONS.youngGenerationMiB;
/** How far the ingest process's old generation grows between full collections (ForkOptions.heapGrowingPercent). */
export const INGEST_HEAP_GROWING_PERCENT = INGEST_PROCESS_OPTIONS.heapGrowingPercent;
/** How the ingest process (INGEST_WORKER) is started. */
export const INGEST_PROCESS: ForkOptions = { youngGenerationMiB: INGEST_YOUNG_GENERATION_MIB, heapGrowingPercent: INGEST_HEAP_GROWING_PERCENT };
/**
 * How a sharded build's summary job starts its ingest process: its old generation grows
 * less between full collections than a build's on one machine (50), held to the memory a
 * sharded build's job may take (1.5 GB), and more than the 20 a build had before
 * 2026-12-06. Its peak was where it read the
 * analysis jobs' folders (every analysis, parsed, before the passes), which grows the heap
 * with what it keeps; the passes after it, where the collections cost it most (atomic
 * pauses of 0.4-0.9 s), ran below that peak. (Since the analysis jobs' facts are read
 * lazily and the related-articles pass lets go of the words, 2026-12-06, the read, the
 * scoring and the lines peak alike, 1,255-1,340 MiB for the process tree; this setting was
 * not measured again after that.) At 100,000 articles from 8 analysis folders
 * (2026-12-06, two runs each, taking turns): 20%, 53.8 and 54.5 s, the process tree's peak
 * 1,384 and 1,403 MiB; 35%, 49.9 and 50.9 s, 1,413 and 1,388 MiB; 50%, 47.7 and 50.2 s but
 * 1,496 and 1,506 MiB, its peak moved into the passes.
 */
export const SUMMARY_INGEST_PROCESS: ForkOptions = { ...INGEST_PROCESS, heapGrowingPercent: 35 };

/** The process a build reads and ingests the articles in (src/publish/ingest-worker.ts). */
export const INGEST_WORKER = new URL("./ingest-worker.ts", import.meta.url);

/**
 * A worker process started before it is needed: Node, the TypeScript loader and the
 * worker's modules take about a second to load, which then overlaps the parent's own
 * start-up instead of following it (`npm run build` starts its ingest process first
 * thing). runInChild sends it its message; one never taken is ended by `dispose`.
 */
export class EarlyWorker {
  private child: ChildProcess | undefined;
  constructor(
    readonly script: URL,
    readonly options: ForkOptions = {},
  ) {
    // Forked already by scripts/launch.mjs (the script's `.early.mjs`), if it was.
    this.child = takeEarlyWorker(fileURLToPath(script), workerFlags(options)) ?? forkWorker(script, options);
    // A process that fails to start is only not used: runInChild starts another.
    this.child.on("error", () => {});
  }

  /** The started process's id, until it is taken or ended. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The started process, once, if it is still running and is `script`'s. */
  take(script: URL): ChildProcess | undefined {
    if (script.href !== this.script.href) return undefined;
    const child = this.child;
    this.child = undefined;
    return child && child.exitCode === null && child.signalCode === null && child.connected ? child : undefined;
  }

  /** Ends the process if it was never taken. */
  dispose(): void {
    this.child?.kill();
    this.child = undefined;
  }
}

/**
 * Runs a worker script in a child process (`early`'s, when it started that script), sends
 * it one message and resolves with the reply it sends back (`{ ok: true, ... }`), or
 * rejects with its error. Messages it sends before, without `ok`, go to `onNews`.
 */
export function runInChild<T>(script: URL, message: unknown, name: string, options: ForkOptions = {}, early?: EarlyWorker, onNews?: (message: object) => void): Promise<T> {
  if (!orphansRemoved) {
    orphansRemoved = true;
    removeOrphanedReplies();
  }
  return new Promise((resolve, reject) => {
    const child = early?.take(script) ?? forkWorker(script, options);
    let settled = false;
    child.on("message", (received: { ok?: boolean; error?: string; replyFile?: string } & Record<string, unknown>) => {
      if (settled) return;
      // A message without `ok` is news on the way (onNews), not the reply.
      if (received.ok === undefined) return onNews?.(received);
      settled = true;
      let reply = received;
      if (typeof received.replyFile === "string") {
        // A long reply, in the file it names (replyAndExit).
        try {
          reply = JSON.parse(readFileSync(received.replyFile, "utf8")) as typeof received;
        } catch (error) {
          return reject(new Error(`${name} replied in ${received.replyFile}, which could not be read: ${(error as Error).message}`));
        } finally {
          rmSync(received.replyFile, { force: true });
        }
      }
      if (reply.ok) resolve(reply as T);
      else reject(new Error(`${name} failed: ${reply.error}`));
    });
    // Once its messages are all read: a worker that replies and exits at once may end before its reply is read.
    child.once("close", (code) => {
      if (!settled) reject(new Error(`${name} exited with code ${code} before finishing`));
    });
    child.send(message as object);
  });
}

/**
 * A full garbage collection now, also in a process started without --expose-gc (the
 * build's own process, started by the user): before a step whose child processes will
 * need the memory this one holds as garbage.
 */
export function collectGarbageNow(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
