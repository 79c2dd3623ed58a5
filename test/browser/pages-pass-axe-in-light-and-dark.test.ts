import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import {
  articlesWithExtra,
  DATED_FIXTURES,
  describeViolations,
  launchBrowser,
  resultsFolder,
  runAxe,
  serveSite,
  settledResults,
  siteUrl,
} from "../helpers/browser.ts";
import { buildSite } from "../helpers/site-build.ts";

const VIEWPORTS = [
  { name: "phone", width: 375, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
] as const;
const SCHEMES = ["light", "dark"] as const;

let browser: Browser;
let server: StaticServer;
let page: Page;
let records: ArticleRecord[];
let screenshotsDir: string;

interface PageUnderTest {
  name: string;
  /** The URL path, or how to find it (e.g. the first tag an article links to). */
  urlPath: () => Promise<string>;
  ready?: () => Promise<void>;
}

/** The first link on an article page into `/tags/…/`: a tag page a reader can reach (a topic on three articles has one). */
async function firstTagPage(): Promise<string> {
  const uses = new Map<string, number>();
  for (const r of records) for (const t of new Set(r.tags)) uses.set(t, (uses.get(t) ?? 0) + 1);
  const tagged = records.find((r) => r.tags.some((t) => uses.get(t)! >= 3));
  assert.ok(tagged, "MISSING FEATURE: no seed article has tags, so there is no tag page to check");
  await page.goto(siteUrl(server, `/articles/${tagged.slug}/`));
  const href = await page.locator("main a[href*='/tags/']").first().getAttribute("href").catch(() => null);
  assert.ok(href, `MISSING FEATURE: the article page /articles/${tagged.slug}/ links to no /tags/<slug>/ page`);
  return new URL(href, page.url()).pathname;
}

const PAGES: PageUnderTest[] = [
  { name: "home", urlPath: async () => "/" },
  { name: "article", urlPath: async () => `/articles/${records.find((r) => r.source_file === "000_12e87a7c7f271ebb.txt")!.slug}/` },
  { name: "articles", urlPath: async () => "/articles/" },
  { name: "tag", urlPath: firstTagPage },
  { name: "timeline", urlPath: async () => "/timeline/" },
  { name: "search", urlPath: async () => "/search/?q=sanctuary", ready: async () => void (await settledResults(page)) },
];

describe("accessibility (axe-core WCAG 2.1 A/AA) and screenshots of the main pages", () => {
  before(async () => {
    // The seeds are all undated; three dated articles give the timeline its chart, table and years.
    const site = await buildSite(await articlesWithExtra(DATED_FIXTURES));
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    server = await serveSite(site);
    screenshotsDir = await resultsFolder("screenshots");
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const target of PAGES) {
    it(`the ${target.name} page has no WCAG A/AA violations and no sideways scrolling, in light and dark mode, on a phone and a desktop`, async () => {
      const urlPath = await target.urlPath();
      const failures: string[] = [];
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize({ width: viewport.width, height: viewport.height });
          const response = await page.goto(siteUrl(server, urlPath));
          assert.equal(response?.status(), 200, `MISSING PAGE: ${urlPath} answers ${response?.status()}`);
          await target.ready?.();
          await page.screenshot({ path: path.join(screenshotsDir, `${target.name}-${viewport.name}-${scheme}.png`), fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) failures.push(`${scheme} ${viewport.name}: the page is ${overflow}px wider than the window`);
          const violations = await runAxe(page);
          if (violations.length) failures.push(`${scheme} ${viewport.name}:\n${describeViolations(violations)}`);
        }
      }
      assert.equal(failures.length, 0, `${urlPath}\n${failures.join("\n")}`);
    });
  }
});
