import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FLAGS } from "../src/publish/config.ts";
import { createReporter } from "../src/reporter.ts";
import { startDevServer } from "../src/dev/dev-server.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm start: build the archive, serve it with live reload, rebuild when articles change.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), CONFIG_FLAGS);
const config = configFromCommandLine(root, values);
const reporter = createReporter();
const server = await startDevServer({ ...config, reporter }).catch((error: Error) => {
  reporter.error(error.message);
  process.exit(1);
});

let stopping = false;
const stop = async () => {
  if (stopping) process.exit(130);
  stopping = true;
  reporter.info("Stopping (waiting for a running build or search index; Ctrl+C again to quit at once)...");
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
