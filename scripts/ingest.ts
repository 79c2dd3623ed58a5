import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingestDir } from "../src/publish/ingest-dir.ts";
import { createReporter } from "../src/reporter.ts";
import { reportWarnings } from "../src/warning-digest.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { articles: "string", out: "string", aliases: "string", now: "string" });
const config = configFromCommandLine(root, { ...values, content: values.out });
const reporter = createReporter();
const result = await ingestDir({
  articlesDir: config.articlesDir,
  outDir: config.contentDir,
  aliasesFile: config.aliasesFile,
  now: config.now,
  reporter,
});
await reportWarnings(result.warnings, result.articles.map((a) => a.record.source_file), reporter, {
  articlesDir: config.articlesDir,
  listFile: config.cacheDir && path.join(config.cacheDir, "warnings.txt"),
});
for (const e of result.errors) reporter.error(e.message);
reporter.info(`${result.articles.length} articles ingested, ${result.written} files written, ${result.warnings.length} warnings, ${result.errors.length} errors.`);
if (result.errors.length) process.exit(1);
