import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { projectRoot, type BuiltSite } from "./site-build.ts";

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
  page.on("requestfailed", (request) => failures.push(`failed ${request.url()} (${request.failure()?.errorText ?? "?"})`));
  return failures;
}

/** Console messages of type error/warning (CSP violations are reported there). */
export function watchConsoleProblems(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (msg) => {
    // Chromium asks for /favicon.ico by itself; the site need not have one.
    if (msg.location().url.endsWith("/favicon.ico")) return;
    if (msg.type() === "error" || msg.type() === "warning") messages.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => messages.push(`uncaught: ${error.message}`));
  return messages;
}

// ---- Pagefind's search UI ----

export const SEARCH_INPUT = ".pagefind-ui__search-input";
export const RESULT = ".pagefind-ui__result";
export const RESULT_LINK = ".pagefind-ui__result-link";
export const RESULT_EXCERPT = ".pagefind-ui__result-excerpt";

export interface ShownResult {
  title: string;
  href: string;
  excerptHtml: string;
  excerptText: string;
}

/** The results the search page currently shows, in display order. */
export function shownResults(page: Page): Promise<ShownResult[]> {
  return page.$$eval(`${RESULT}`, (items) =>
    items.map((item) => {
      const link = item.querySelector(".pagefind-ui__result-link") as HTMLAnchorElement | null;
      const excerpt = item.querySelector(".pagefind-ui__result-excerpt");
      return {
        title: link?.textContent?.trim() ?? "",
        href: link?.href ?? "",
        excerptHtml: excerpt?.innerHTML ?? "",
        excerptText: excerpt?.textContent ?? "",
      };
    }),
  );
}

/**
 * The source file of the article each shown result names. A result's title is the
 * article's title, possibly followed by " (date)"; the longest matching title wins.
 */
export function resultSources(results: ShownResult[], records: { title: string; source_file: string }[]): string[] {
  return results.map((result) => {
    const named = records
      .filter((r) => result.title === r.title || result.title.startsWith(`${r.title} (`))
      .sort((a, b) => b.title.length - a.title.length)[0];
    return named ? named.source_file : `(no article titled ${JSON.stringify(result.title)})`;
  });
}

/**
 * Types `query` into the search box like a reader, then waits until the results
 * list has settled (Pagefind renders results in steps: count first, then each item).
 */
export async function searchFor(page: Page, query: string): Promise<ShownResult[]> {
  const input = page.locator(SEARCH_INPUT);
  await input.waitFor({ state: "visible" });
  await input.fill("");
  await input.pressSequentially(query);
  return settledResults(page);
}

/** Waits until the result list stops changing and every shown result has its title. */
export async function settledResults(page: Page, timeoutMs = 10_000): Promise<ShownResult[]> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let stableSince = Date.now();
  for (;;) {
    const results = await shownResults(page);
    const message = (await page.locator(".pagefind-ui__message").textContent().catch(() => null)) ?? "";
    const snapshot = JSON.stringify([message, results]);
    const complete = message !== "" && results.every((r) => r.title !== "");
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
  const dir = await mkdtemp(path.join(os.tmpdir(), "archive-browser-articles-"));
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
