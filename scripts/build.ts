import path from "node:path";
import { fileURLToPath } from "node:url";
import { BuildFailedError, formatSummary, runBuild } from "../src/publish/build.ts";
import { CONFIG_FLAGS } from "../src/publish/config.ts";
import { createReporter } from "../src/reporter.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm run build [-- --articles DIR --output DIR --path-prefix /sub/ --no-cache --keep-going ...]
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), CONFIG_FLAGS);
const config = configFromCommandLine(root, values);
const reporter = createReporter();

try {
  const summary = await runBuild(config, { reporter, ingestInChild: true });
  reporter.info(formatSummary(summary));
  // --keep-going built the good articles; the refused ones still make the build fail.
  if (summary.refused?.length) process.exitCode = 1;
} catch (error) {
  reporter.error(error instanceof BuildFailedError ? error.message : (error as Error).stack ?? String(error));
  process.exit(1);
}
