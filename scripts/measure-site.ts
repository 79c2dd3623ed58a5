import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../src/serve/static-server.ts";
import { DEFAULTS } from "../src/publish/config.ts";
import { parseArgs } from "./cli-args.ts";

/**
 * Page weights and the bytes a first search transfers, measured on a built site:
 *   npx tsx scripts/measure-site.ts --dir _site [--query word]
 * Weights: HTML bytes per page kind (median and largest), plus the stylesheet. Search:
 * loads /search/ in Debian's chromium with an empty cache, types the query, and sums the
 * bytes of every response from the page load on, and from the first keystroke on.
 */
const { values } = parseArgs(process.argv.slice(2), { dir: "string", query: "string" });
const dir = path.resolve(String(values.dir ?? "_site"));
const query = String(values.query ?? "oil");

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const kinds: Record<string, number[]> = {};
for (const file of await htmlFiles(dir)) {
  if (file.startsWith("pagefind/")) continue;
  const kind = file === "index.html" ? "home" : file.split("/")[0].replace(/\.html$/, "");
  (kinds[kind] ??= []).push((await stat(path.join(dir, file))).size);
}
const css = (await stat(path.join(dir, "assets/site.css"))).size;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| page kind | pages | median HTML | largest HTML | largest HTML + CSS |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const [kind, sizes] of Object.entries(kinds).sort()) {
  const max = Math.max(...sizes);
  console.log(`| ${kind} | ${sizes.length} | ${(median(sizes) / 1024).toFixed(1)} KB | ${(max / 1024).toFixed(1)} KB | ${((max + css) / 1024).toFixed(1)} KB |`);
}
console.log(`stylesheet: ${(css / 1024).toFixed(1)} KB`);

const server = await serveStatic({ dir, port: 0, pathPrefix: DEFAULTS.pathPrefix });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  let phase: "load" | "search" = "load";
  const bytes = { load: 0, search: 0 };
  const requests = { load: 0, search: 0 };
  page.on("response", async (response) => {
    const at = phase;
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes[at] += body.length;
    requests[at]++;
  });
  await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  phase = "search";
  await page.locator(".pagefind-ui__search-input").pressSequentially(query);
  await page.waitForSelector(".pagefind-ui__result", { timeout: 15_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  const results = await page.locator(".pagefind-ui__result").count();
  console.log(`search page load: ${requests.load} responses, ${(bytes.load / 1024).toFixed(1)} KB`);
  console.log(`first search for "${query}" (${results} results shown): ${requests.search} responses, ${(bytes.search / 1024).toFixed(1)} KB`);
  console.log(`total for a first search: ${((bytes.load + bytes.search) / 1024).toFixed(1)} KB`);
} finally {
  await browser.close();
  await server.close();
}
