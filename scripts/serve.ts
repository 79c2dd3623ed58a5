import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../src/build/static-server.ts";
import { parseArgs } from "./cli-args.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { dir: "string", port: "string", "path-prefix": "string" });
const server = await serveStatic({
  dir: String(values.dir ?? path.join(root, "_site")),
  port: Number(values.port ?? process.env.PORT ?? 8080),
  pathPrefix: String(values["path-prefix"] ?? process.env.ARCHIVE_PATH_PREFIX ?? "/"),
});
console.log(`Serving the archive at ${server.url} (Ctrl+C to stop)`);
