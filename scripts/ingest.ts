import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingestDir } from "../src/build/ingest-dir.ts";
import { createReporter } from "../src/build/reporter.ts";
import { buildNow, parseArgs } from "./cli-args.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { articles: "string", out: "string" });
const reporter = createReporter();
const result = await ingestDir({
  articlesDir: String(values.articles ?? path.join(root, "articles")),
  outDir: String(values.out ?? path.join(root, "generated/articles")),
  aliasesFile: path.join(root, "data/aliases.json"),
  now: buildNow(),
  reporter,
});
for (const w of result.warnings) reporter.warn(`${w.file}: ${w.message}`);
for (const e of result.errors) reporter.error(e.message);
reporter.info(`${result.articles.length} articles ingested, ${result.written} files written, ${result.warnings.length} warnings, ${result.errors.length} errors.`);
if (result.errors.length) process.exit(1);
