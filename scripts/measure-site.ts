import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync, brotliCompressSync, constants as zlibConstants } from "node:zlib";
import { chromium } from "playwright-core";
import { serveStatic } from "../src/serve/static-server.ts";
import { DEFAULTS } from "../src/publish/config.ts";
import { parseArgs } from "./cli-args.ts";

/**
 * Page weights and the bytes a first search transfers, measured on a built site:
 *   npx tsx scripts/measure-site.ts --dir _site [--query word] [--group person] [--details]
 * Weights: HTML bytes per page kind (median and largest), plus the stylesheet. Search:
 * loads /search/ in Debian's chromium (1280×800, empty cache), enters the query at once
 * (typed letter by letter on a busy machine, the search box's debounce can let a partial
 * word search too, and load its index chunk: a few KB more, varying run to run), waits
 * for the results, and sums every response from the page load on. Each response is
 * counted as a static host sends it: text (HTML, CSS, JavaScript, JSON) gzip-compressed
 * (level 6, what GitHub Pages and most servers use) and, for comparison, brotli; Pagefind's
 * index files (.pf_*, .pagefind), already gzip-compressed, as they are.
 * `--details` lists every response. Then, on a phone (375×667), the same search with a filter
 * group open (`--group`, default person): where the first result's title ends, and whether
 * that is on the first screen, and the bytes opening the group added.
 */
const { values } = parseArgs(process.argv.slice(2), { dir: "string", query: "string", details: "boolean", group: "string" });
const dir = path.resolve(String(values.dir ?? "_site"));
const query = String(values.query ?? "oil");
/** The filter group opened on a phone (375×667) to check the first result stays on the first screen. */
const group = String(values.group ?? "person");

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

/** Bytes on the wire for one response body, as a static host would send it. */
export function wireBytes(url: string, body: Buffer): { raw: number; gzip: number; brotli: number } {
  const precompressed = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/.test(new URL(url).pathname);
  if (precompressed || body.length === 0) return { raw: body.length, gzip: body.length, brotli: body.length };
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 6 }).length,
    brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const server = await serveStatic({ dir, port: 0, pathPrefix: DEFAULTS.pathPrefix });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const responses: Promise<{ url: string; raw: number; gzip: number; brotli: number }>[] = [];
  page.on("response", (response) => {
    responses.push(response.body().then((body) => ({ url: response.url(), ...wireBytes(response.url(), body) }), () => ({ url: response.url(), raw: 0, gzip: 0, brotli: 0 })));
  });
  await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  const loaded = responses.length;
  await page.locator(".pf-input").fill(query);
  await page.waitForSelector(".search-result", { timeout: 15_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  const shown = await page.locator(".search-result").count();
  const summary = (await page.locator("#search-summary").textContent())?.trim();
  const all = await Promise.all(responses);
  const sum = (xs: typeof all, k: "raw" | "gzip" | "brotli") => xs.reduce((n, x) => n + x[k], 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (values.details) {
    for (const r of all) console.log(`${kb(r.gzip).padStart(10)} gzip ${kb(r.raw).padStart(10)} raw  ${new URL(r.url).pathname}`);
  }
  const load = all.slice(0, loaded);
  const search = all.slice(loaded);
  console.log(`search page load: ${load.length} responses, ${kb(sum(load, "gzip"))} gzip (${kb(sum(load, "raw"))} uncompressed)`);
  console.log(`first search for "${query}" (${summary}; ${shown} results rendered): ${search.length} responses, ${kb(sum(search, "gzip"))} gzip`);
  console.log(`total for a first search: ${kb(sum(all, "gzip"))} gzip, ${kb(sum(all, "brotli"))} with brotli for text, ${kb(sum(all, "raw"))} uncompressed`);

  const phone = await browser.newPage({ viewport: { width: 375, height: 667 } });
  const phoneResponses: Promise<{ url: string; raw: number; gzip: number; brotli: number }>[] = [];
  phone.on("response", (response) => {
    phoneResponses.push(response.body().then((body) => ({ url: response.url(), ...wireBytes(response.url(), body) }), () => ({ url: response.url(), raw: 0, gzip: 0, brotli: 0 })));
  });
  await phone.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  await phone.locator(".pf-input").fill(query);
  await phone.waitForSelector(".search-result", { timeout: 15_000 });
  await phone.waitForLoadState("networkidle");
  const beforeGroup = phoneResponses.length;
  await phone.locator(`.filter-group[data-filter="${group}"] summary`).click();
  await phone.waitForSelector(`.filter-group[data-filter="${group}"] .filter-values, .filter-group[data-filter="${group}"] .filter-note:not(:empty)`, { timeout: 15_000 });
  await phone.waitForLoadState("networkidle");
  await phone.waitForTimeout(1000);
  const title = await phone.locator(".pf-results > li").first().locator(".search-result-title, .pf-skeleton-title").first().boundingBox();
  const groupBytes = (await Promise.all(phoneResponses.slice(beforeGroup))).reduce((n, r) => n + r.gzip, 0);
  const bottom = title ? Math.round(title.y + title.height) : NaN;
  console.log(`phone 375×667, "${query}" with the ${group} group open (${kb(groupBytes)} gzip to open it): the first result's title ends at ${bottom}px, ${bottom <= 667 ? "on" : "BELOW"} the first screen`);
} finally {
  await browser.close();
  await server.close();
}
