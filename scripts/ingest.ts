import path from "node:path";
import { fileURLToPath } from "node:url";
import { openArticleMemo } from "../src/publish/article-memo.ts";
import { ArticleIngest } from "../src/publish/ingest-stage.ts";
import { buildVersions } from "../src/publish/versions.ts";
import { createReporter } from "../src/reporter.ts";
import { reportWarnings } from "../src/warning-digest.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm run ingest -- [--articles DIR] [--out DIR]: only the first stages of the build
// (read, ingest, Markdown), without a cache.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { articles: "string", out: "string", aliases: "string", now: "string", "keep-going": "boolean" });
const config = { ...configFromCommandLine(root, { ...values, content: values.out }), cacheDir: undefined };
const reporter = createReporter();
const { ingest: version } = await buildVersions(config);
const memo = await openArticleMemo({ version, now: config.now, oneRun: true });
const result = await new ArticleIngest(config, memo, version).run(reporter);
await reportWarnings(result.warnings, result.articles.map((a) => a.source_file), reporter, { articlesDir: config.articlesDir });
for (const e of result.refused) reporter.error(e.message);
reporter.info(`${result.articles.length} articles ingested, ${result.markdownWritten} files written, ${result.warnings.length} warnings, ${result.refused.length} files refused.`);
if (result.refused.length) process.exit(1);
