import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../src/serve/static-server.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm run serve [-- --dir _site --port 8080 --path-prefix /sub/]: serve an already built site.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { dir: "string", port: "string", host: "string", "path-prefix": "string" });
const config = configFromCommandLine(root, { ...values, output: values.dir });
const server = await serveStatic({ dir: config.outputDir, port: config.server.port, pathPrefix: config.site.pathPrefix });
console.log(`Serving the archive at ${server.url} (Ctrl+C to stop)`);
