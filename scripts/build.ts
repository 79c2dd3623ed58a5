import path from "node:path";
import { fileURLToPath } from "node:url";
import { BuildFailedError, formatSummary, runBuild } from "../src/build/build.ts";
import { createReporter } from "../src/build/reporter.ts";
import { buildNow, parseArgs } from "./cli-args.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { articles: "string", output: "string", "path-prefix": "string", content: "string", "no-cache": "boolean" });
const reporter = createReporter();

try {
  const summary = await runBuild({
    articlesDir: String(values.articles ?? path.join(root, "articles")),
    outputDir: String(values.output ?? path.join(root, "_site")),
    contentDir: String(values.content ?? path.join(root, "generated/articles")),
    pathPrefix: String(values["path-prefix"] ?? process.env.ARCHIVE_PATH_PREFIX ?? "/"),
    aliasesFile: path.join(root, "data/aliases.json"),
    // Per-article results are reused while the file, the ingest code and the day are unchanged.
    cacheDir: values["no-cache"] ? undefined : path.join(root, ".cache/ingest"),
    projectRoot: root,
    ingestInChild: true,
    now: buildNow(),
    reporter,
  });
  reporter.info(formatSummary(summary));
} catch (error) {
  reporter.error(error instanceof BuildFailedError ? error.message : (error as Error).stack ?? String(error));
  process.exit(1);
}
