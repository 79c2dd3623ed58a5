import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { projectRoot, type BuiltSite } from "./site-build.ts";
import { tempDir } from "./temp-dir.ts";

/** Debian's chromium: the tests never download a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
/** Where screenshots and other artifacts go (gitignored). */
export const RESULTS_DIR = path.join(projectRoot, "test-results");
export const SEED_ARTICLES_DIR = path.join(projectRoot, "articles");

const require = createRequire(import.meta.url);

/** One headless chromium per test file; no network, no first-run or background work. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Serves a built site on 127.0.0.1 (a free port) under `pathPrefix`. */
export function serveSite(site: BuiltSite, pathPrefix = "/"): Promise<StaticServer> {
  return serveStatic({ dir: site.dir, port: 0, pathPrefix });
}

/** `urlPath` ("/search/") resolved against the server's prefixed root URL. */
export function siteUrl(server: StaticServer, urlPath: string): string {
  return server.url + urlPath.replace(/^\//, "");
}

/**
 * Records every response with an error status and every request that failed
 * (status and URL), so a test can say "no asset was missing".
 */
export function watchFailedRequests(page: Page): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // Leaving a page cancels what it was still loading (the search page loads its index at
    // once): that is not a missing asset, which answers 404 above.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    failures.push(`failed ${request.url()} (${request.failure()?.errorText ?? "?"})`);
  });
  return failures;
}

/** Console messages of type error/warning (CSP violations are reported there). */
export function watchConsoleProblems(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") messages.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => messages.push(`uncaught: ${error.message}`));
  return messages;
}

// ---- the search page (Pagefind's Component UI and layouts/search-ui/search.js) ----

export const SEARCH_INPUT = ".pf-input";
export const RESULT = ".search-result";
export const RESULT_LINK = ".search-result .pf-result-link";
export const RESULT_EXCERPT = ".pf-result-excerpt";
export const SUMMARY = "#search-summary";

export interface ShownResult {
  title: string;
  href: string;
  /** The date, section and source line under the title. */
  meta: string;
  excerptHtml: string;
  excerptText: string;
}

/** The results the search page currently shows, in display order (those not yet loaded are left out). */
export function shownResults(page: Page): Promise<ShownResult[]> {
  return page.$$eval(`${RESULT}`, (items) =>
    items.map((item) => {
      const link = item.querySelector(".pf-result-link") as HTMLAnchorElement | null;
      const excerpt = item.querySelector(".pf-result-excerpt");
      return {
        title: link?.textContent?.trim() ?? "",
        href: link?.href ?? "",
        meta: item.querySelector(".search-result-meta")?.textContent?.trim() ?? "",
        excerptHtml: excerpt?.innerHTML ?? "",
        excerptText: excerpt?.textContent ?? "",
      };
    }),
  );
}

/** The source file of the article each shown result names, by its title. */
export function resultSources(results: ShownResult[], records: { title: string; source_file: string }[]): string[] {
  return results.map((result) => {
    const named = records.filter((r) => result.title === r.title);
    return named.length === 1 ? named[0].source_file : `(${named.length} articles titled ${JSON.stringify(result.title)})`;
  });
}

/**
 * Types `query` into the search box like a reader, then waits until the results
 * list has settled.
 */
export async function searchFor(page: Page, query: string): Promise<ShownResult[]> {
  const input = page.locator(SEARCH_INPUT);
  await input.waitFor({ state: "visible" });
  await input.fill("");
  await input.pressSequentially(query);
  return settledResults(page);
}

/**
 * Waits until the search has answered (the summary says so) and the shown results have
 * stopped changing (each result is filled in when it scrolls into view).
 */
export async function settledResults(page: Page, timeoutMs = 10_000): Promise<ShownResult[]> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let stableSince = Date.now();
  for (;;) {
    const results = await shownResults(page);
    const summary = await page
      .locator(SUMMARY)
      .evaluate((el) => `${(el as HTMLElement).dataset.state}|${el.textContent}`)
      .catch(() => "");
    const snapshot = JSON.stringify([summary, results]);
    const complete = summary.startsWith("done|") || summary.startsWith("idle|");
    if (snapshot !== last) {
      last = snapshot;
      stableSince = Date.now();
    } else if (complete && Date.now() - stableSince >= 400) {
      return results;
    }
    if (Date.now() > deadline) throw new Error(`search results did not settle within ${timeoutMs} ms; last state: ${snapshot}`);
    await page.waitForTimeout(100);
  }
}

/** The summary line above the results ("3 results for “oil”"). */
export async function searchSummary(page: Page): Promise<string> {
  return ((await page.locator(SUMMARY).textContent()) ?? "").trim();
}

/** Opens a filter group (year, person, tag, ...) and waits until its values are shown. */
export async function openFilterGroup(page: Page, key: string): Promise<void> {
  const group = page.locator(`.filter-group[data-filter="${key}"]`);
  await group.waitFor({ state: "visible" });
  if (!(await group.evaluate((el) => (el as HTMLDetailsElement).open))) await group.locator("summary").click();
  await page.waitForFunction((k) => {
    const g = document.querySelector(`.filter-group[data-filter="${k}"]`);
    return g && !g.querySelector(".filter-note")?.textContent?.startsWith("Loading") && g.querySelector(".filter-values, .filter-note");
  }, key);
}

/** The values a filter group shows, in order, with their counts. */
export function filterValues(page: Page, key: string): Promise<{ name: string; count: string; checked: boolean }[]> {
  return page.$$eval(`.filter-group[data-filter="${key}"] .filter-value`, (labels) =>
    labels.map((l) => ({
      name: l.querySelector(".filter-value-name")?.textContent ?? "",
      count: l.querySelector(".count")?.textContent ?? "",
      checked: (l.querySelector("input") as HTMLInputElement).checked,
    })),
  );
}

/** Ticks or unticks one value of a filter group (opening the group first), then waits for the results. */
export async function setFilter(page: Page, key: string, value: string, on = true): Promise<ShownResult[]> {
  await openFilterGroup(page, key);
  const box = page.locator(`.filter-group[data-filter="${key}"] .filter-value`).filter({ has: page.locator(".filter-value-name", { hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) }).locator("input");
  if (on) await box.check();
  else await box.uncheck();
  return settledResults(page);
}

// ---- axe-core ----

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page. axe is evaluated through
 * the DevTools protocol, which the site's Content-Security-Policy does not block, so
 * the page under test keeps its real CSP.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const source = await axeSource;
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!hasAxe) await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** One line per violation and node, readable in a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`).join("\n")}`)
    .join("\n");
}

// ---- keyboard ----

/** A short description of the focused element: tag, classes, accessible text. */
export function focusedElement(page: Page): Promise<{ tag: string; className: string; text: string; href: string | null } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      className: typeof el.className === "string" ? el.className : "",
      text: (el.textContent ?? "").trim() || el.getAttribute("aria-label") || el.getAttribute("placeholder") || "",
      href: el.getAttribute("href"),
    };
  });
}

// ---- fixtures ----

/**
 * Three dated articles to build next to the (undated) seeds, sharing a made-up word. Their
 * relevance order for that word (most mentions first: A, C, B) differs from their
 * newest-first order (B, C, A), so a date sort is visible.
 */
export const DATED_FIXTURES_WORD = "Quillborough";
export const DATED_FIXTURES: Record<string, string> = {
  "fixture-quillborough-a.txt": `---
title: Quillborough ferry timetable rewritten after storms
date: 2015-06-01
source: Harbor Ledger
tags: [ferries]
---
The Quillborough ferry will run on a new timetable, the harbor board said on Monday.

Quillborough residents had asked for earlier crossings. Quillborough council members agreed, and the Quillborough pier will open at six.
`,
  "fixture-quillborough-b.txt": `---
title: Valley towns weigh a second bridge
date: 2019-02-10
source: Valley Courier
tags: [ferries]
---
Planners in the valley presented three designs for a second bridge on Tuesday.

One of them would end near the old ferry landing that once served Quillborough.
`,
  "fixture-quillborough-c.txt": `---
title: Harbor board approves pier repairs
date: 2017-09-15
source: Harbor Ledger
tags: [bridges]
---
The harbor board approved repairs to two piers, including the one at Quillborough.

Work at Quillborough is expected to take eight weeks.
`,
};


/**
 * A temporary articles folder holding the seeds plus `extra` files (name → text),
 * so a test can build the real seeds together with a crafted article.
 */
export async function articlesWithExtra(extra: Record<string, string>): Promise<string> {
  const dir = await tempDir("archive-browser-articles-");
  for (const name of await readdir(SEED_ARTICLES_DIR)) await copyFile(path.join(SEED_ARTICLES_DIR, name), path.join(dir, name));
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** Creates (empty) a folder under test-results/ and returns its path. */
export async function resultsFolder(name: string, options: { clear?: boolean } = {}): Promise<string> {
  const dir = path.join(RESULTS_DIR, name);
  if (options.clear) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}
