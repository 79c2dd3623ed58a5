// The command line of a worker process (src/publish/child-process.ts forks them), and
// worker processes forked before the script that uses them has loaded: plain JavaScript,
// so that scripts/launch.mjs can fork one before it loads the script's bundle.
import { fork } from "node:child_process";
import os from "node:os";
import { currentBundle } from "./current-bundle.mjs";

/**
 * Node's flags for a worker process with `options` (ForkOptions in
 * src/publish/child-process.ts): a third of the machine's memory for its heap, the young
 * generation and heap growth asked for, and --expose-gc (a render process collects its
 * garbage between rounds). A limit the user set (in this process's flags or NODE_OPTIONS) is
 * left to them.
 */
export function workerFlags(options = {}, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") {
  const chosen = (flag) => [...execArgv, nodeOptions].some((a) => a.includes(flag));
  const heapArgs = chosen("--max-old-space-size") ? [] : [`--max-old-space-size=${Math.floor(os.totalmem() / 1024 / 1024 / 3)}`];
  const youngArgs = options.youngGenerationMiB && !chosen("--max-semi-space-size") ? [`--max-semi-space-size=${options.youngGenerationMiB}`] : [];
  const growingArgs = options.heapGrowingPercent && !chosen("--heap-growing-percent") ? [`--heap-growing-percent=${options.heapGrowingPercent}`] : [];
  return [...heapArgs, ...youngArgs, ...growingArgs, "--expose-gc"];
}

/** How the ingest process is started: src/publish/child-process.ts (INGEST_PROCESS) says why. */
export const INGEST_PROCESS_OPTIONS = Object.freeze({ youngGenerationMiB: 32, heapGrowingPercent: 50 });

/** How the bundle of a worker is started (forkWorker's, for a script with a current bundle). */
export function forkBundle(bundle, flags) {
  return fork(bundle, [], { execArgv: ["--enable-source-maps", ...flags], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

const EARLY = Symbol.for("news-archive.early-workers");
/** @returns {Map<string, { flags: string, child: import("node:child_process").ChildProcess }>} */
function early() {
  return (globalThis[EARLY] ??= new Map());
}

/**
 * Forks the worker `scriptPath` (a .ts file) from its current bundle now, for the script
 * about to load to take (takeEarlyWorker) instead of forking it once loaded: loading a
 * build's bundle and the packages it imports took about 0.4 s, and the ingest process's
 * own start-up waited behind it. Nothing is forked without a current bundle. Until taken,
 * the process keeps this one from exiting no longer than anything else does, and it ends
 * with this one.
 */
export function forkEarlyWorker(scriptPath, options = {}, bundleDir = undefined) {
  const bundle = currentBundle(scriptPath, bundleDir);
  if (!bundle) return undefined;
  const flags = workerFlags(options);
  const child = forkBundle(bundle, flags);
  child.on("error", () => {});
  child.unref();
  child.channel?.unref();
  process.once("exit", () => child.kill());
  early().set(scriptPath, { flags: flags.join(" "), child });
  return child;
}

/** The worker forked early for `scriptPath` with these flags, once, if it is still running; it then keeps this process running as a forked one does. */
export function takeEarlyWorker(scriptPath, flags) {
  const entry = early().get(scriptPath);
  if (!entry) return undefined;
  early().delete(scriptPath);
  const { child } = entry;
  if (entry.flags !== flags.join(" ") || child.exitCode !== null || child.signalCode !== null || !child.connected) {
    child.kill();
    return undefined;
  }
  child.ref();
  child.channel?.ref();
  return child;
}
