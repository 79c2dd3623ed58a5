// What scripts/launch.mjs starts before it loads scripts/build.ts: the ingest process a
// build sends its articles to, which then loads beside the build's own modules (the steps
// of a sharded build start their own processes, and get none).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forkEarlyWorker, INGEST_PROCESS_OPTIONS } from "../src/util/worker-flags.mjs";

const ingestWorker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/publish/ingest-worker.ts");

/** `args`: the build's command line (after the script). */
export default function startEarly(args) {
  if (args.some((arg) => /^--(analyze|make-summary|shard|merge|help)(=|$)/.test(arg) || arg === "-h")) return;
  forkEarlyWorker(ingestWorker, INGEST_PROCESS_OPTIONS);
}
