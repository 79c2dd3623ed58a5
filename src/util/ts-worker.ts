import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running a TypeScript module (`entry`, a file URL). Worker threads do not
 * inherit tsx's loader from the thread that starts them: the new thread registers it, then
 * imports the entry.
 */
export function startTypeScriptWorker(entry: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
