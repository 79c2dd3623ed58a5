import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { bundledScript } from "./bundle.ts";

/**
 * A worker thread running a TypeScript module (`entry`, a file URL): its bundle
 * (src/util/bundle.ts) where one can be made, else the module itself. Worker threads do
 * not inherit tsx's loader from the thread that starts them: the new thread registers it,
 * then imports the entry.
 */
export function startTypeScriptWorker(entry: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  const bundle = bundledScript(entry);
  if (bundle) return new Worker(pathToFileURL(bundle), options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
