import path from "node:path";
import { fileURLToPath } from "node:url";
import { BuildFailedError, formatSummary, runBuild } from "../src/build/build.ts";
import { createReporter } from "../src/build/reporter.ts";
import { serveStatic } from "../src/build/static-server.ts";
import { buildNow, parseArgs } from "./cli-args.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { articles: "string", output: "string", port: "string", "path-prefix": "string" });
const reporter = createReporter();
const outputDir = String(values.output ?? path.join(root, "_site"));
const pathPrefix = String(values["path-prefix"] ?? process.env.ARCHIVE_PATH_PREFIX ?? "/");
try {
  const summary = await runBuild({
    articlesDir: String(values.articles ?? path.join(root, "articles")),
    outputDir,
    contentDir: path.join(root, "generated/articles"),
    pathPrefix,
    aliasesFile: path.join(root, "data/aliases.json"),
    projectRoot: root,
    now: buildNow(),
    reporter,
  });
  reporter.info(formatSummary(summary));
} catch (error) {
  reporter.error(error instanceof BuildFailedError ? error.message : (error as Error).stack ?? String(error));
  process.exit(1);
}
const server = await serveStatic({ dir: outputDir, port: Number(values.port ?? process.env.PORT ?? 8080), pathPrefix });
reporter.info(`Serving the archive at ${server.url} (Ctrl+C to stop)`);
