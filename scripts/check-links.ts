import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findBrokenLinks, formatBrokenLink } from "../src/check/links.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// tsx scripts/check-links.ts [--dir _site] [--path-prefix /sub/]: every internal link of a built site resolves.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { dir: "string", "path-prefix": "string" });
const config = configFromCommandLine(root, { ...values, output: values.dir });
const dir = config.outputDir;
const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
  console.error(`error: ${dir} does not exist. Build the site first (npm run build).`);
  process.exit(2);
});
const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
const pages = await Promise.all(files.filter((f) => f.endsWith(".html")).map(async (f) => ({ path: f, html: await readFile(path.join(dir, f), "utf8") })));
const broken = findBrokenLinks(pages, new Set(files), config.site.pathPrefix);
for (const link of broken) console.log(formatBrokenLink(link));
console.log(`checked links in ${pages.length} pages: ${broken.length} broken`);
process.exitCode = broken.length ? 1 : 0;
