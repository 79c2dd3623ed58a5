import path from "node:path";
import { fileURLToPath } from "node:url";
import { createReporter } from "../src/build/reporter.ts";
import { startDevServer } from "../src/dev/dev-server.ts";
import { buildNow, parseArgs } from "./cli-args.ts";

// npm start: build the archive, serve it with live reload, rebuild when articles change.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), {
  articles: "string",
  output: "string",
  content: "string",
  aliases: "string",
  port: "string",
  host: "string",
  "path-prefix": "string",
  poll: "boolean",
});
const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port / PORT must be a port number (0 picks a free one), not "${values.port ?? process.env.PORT}".`);
  process.exit(2);
}
const reporter = createReporter();
const server = await startDevServer({
  articlesDir: String(values.articles ?? path.join(root, "articles")),
  outputDir: String(values.output ?? path.join(root, "_site")),
  contentDir: String(values.content ?? path.join(root, "generated/articles")),
  aliasesFile: String(values.aliases ?? path.join(root, "data/aliases.json")),
  pathPrefix: String(values["path-prefix"] ?? process.env.ARCHIVE_PATH_PREFIX ?? "/"),
  projectRoot: root,
  now: buildNow(),
  port,
  host: values.host === undefined ? undefined : String(values.host),
  poll: values.poll === true,
  reporter,
}).catch((error: Error) => {
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
