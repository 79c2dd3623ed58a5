import assert from "node:assert/strict";

import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import { copyCorpusSample } from "../../src/bench/corpus-mix.ts";
import { readArticleIndex } from "../../src/site/article-index.ts";
import { describeViolations, launchBrowser, openFilterGroup, resultsFolder, runAxe, searchFor, serveSite, siteUrl, watchConsoleProblems } from "../helpers/browser.ts";
import { CORPUS_DIR, corpusMissing } from "../helpers/corpus.ts";
import { describeOverlaps, sidewaysOverflow, textOverlaps } from "../helpers/layout.ts";
import { buildSite, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { WIDE_ARCHIVE_WORD, writeWideSyntheticArchive } from "../helpers/synthetic-archive.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * The layout a reader sees, at a phone's width, a tablet's, a small laptop's and a desktop's,
 * on archives big enough to strain it (long filter lists, long names and titles): no two
 * pieces of visible text drawn over each other, nothing scrolling sideways, the search
 * page's first result on a phone's first screen with a filter group open, and no WCAG A/AA
 * violation in light or dark mode. Screenshots of every page at every width go to
 * test-results/layout/ for a person to look at.
 *
 * These checks would have caught the filter column of the search page collapsing to one
 * pixel at 768-1280 px, where "Organization" was printed over "45 results for oil".
 */

const WIDTHS = [375, 768, 1024, 1280] as const;
/** A phone's first screen (iPhone SE / 8). */
const PHONE_HEIGHT = 667;
const height = (width: number) => (width < 600 ? PHONE_HEIGHT : 900);

interface Target {
  name: string;
  path: string;
  /** Gets the page to the state to check (search: a query typed and a filter group open). */
  ready?: (page: Page) => Promise<void>;
  /** What a phone must show on its first screen (a name's page: its first article, not only charts and names). */
  firstScreen?: string;
}

const FIRST_ARTICLE = ".entity-articles > li .entry-title";

/** The whole results list filled in (results load as they scroll into view). */
async function loadEveryShownResult(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += height(page.viewportSize()!.width) / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForFunction(() => !document.querySelector(".pf-results > li[aria-hidden='true']"), undefined, { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
}

function searchTarget(query: string, group: string): Target {
  return {
    name: `search-${group}-open`,
    path: "/search/",
    ready: async (page) => {
      await searchFor(page, query);
      await openFilterGroup(page, group);
    },
  };
}

/** Checks every target at every width; returns the problems found, as lines. */
async function checkLayouts(browser: Browser, server: StaticServer, targets: readonly Target[], shots: string): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: height(width) } });
      const console = watchConsoleProblems(page);
      try {
        const response = await page.goto(siteUrl(server, target.path));
        if (response?.status() !== 200) {
          problems.push(`${target.name} ${target.path}: answers ${response?.status()}`);
          continue;
        }
        await target.ready?.(page);
        const where = `${target.name} at ${width}px`;
        if (target.name.startsWith("search")) {
          // A phone shows the first result's title on its first screen, filter group open.
          const title = await page.locator(".pf-results > li").first().locator(".search-result-title, .pf-skeleton-title").first().boundingBox();
          if (width < 600 && (!title || title.y + title.height > PHONE_HEIGHT)) problems.push(`${where}: the first result's title ends at ${title ? Math.round(title.y + title.height) : "?"}px, below the first screen (${PHONE_HEIGHT}px)`);
          await loadEveryShownResult(page);
        }
        if (target.firstScreen && width < 600) {
          const first = await page.locator(target.firstScreen).first().boundingBox();
          if (!first || first.y + first.height > PHONE_HEIGHT) problems.push(`${where}: ${target.firstScreen} ends at ${first ? Math.round(first.y + first.height) : "?"}px, below the first screen (${PHONE_HEIGHT}px)`);
        }
        // What a reader sees first, and the page down to 12,000 px (Chromium on a busy machine
        // sometimes cannot capture a page 20,000 px tall). Pictures for a person to look at:
        // one that cannot be taken is reported, not a layout failure.
        const tall = Math.min(12_000, await page.evaluate(() => document.documentElement.scrollHeight));
        for (const [file, clipHeight] of [[`${target.name}-${width}-first-screen.png`, height(width)], [`${target.name}-${width}.png`, tall]] as const) {
          await page
            .screenshot({ path: path.join(shots, file), fullPage: true, clip: { x: 0, y: 0, width, height: clipHeight } })
            .catch((error: Error) => globalThis.console.log(`# screenshot ${file} not taken: ${error.message.split("\n")[0]}`));
        }
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${where}: the page is ${overflow}px wider than the window`);
        const overlaps = await textOverlaps(page);
        if (overlaps.length) problems.push(`${where}: text drawn over text\n${describeOverlaps(overlaps)}`);
        if (console.length) problems.push(`${where}: console: ${console.join("; ")}`);
      } finally {
        await page.close();
      }
    }
  }
  return problems;
}

async function checkAxe(browser: Browser, server: StaticServer, targets: readonly Target[]): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height: height(width) }, colorScheme: scheme });
        try {
          await page.goto(siteUrl(server, target.path));
          await target.ready?.(page);
          const violations = await runAxe(page);
          if (violations.length) problems.push(`${target.name} ${scheme} ${width}px:\n${describeViolations(violations)}`);
        } finally {
          await page.close();
        }
      }
    }
  }
  return problems;
}

function layoutSuite(label: string, options: { skip?: string | false }, prepare: () => Promise<{ site: BuiltSite; targets: Target[] }>) {
  describe(`the layout of ${label}`, { skip: options.skip }, () => {
    let browser: Browser;
    let server: StaticServer;
    let targets: Target[];
    let shots: string;

    before(async () => {
      const prepared = await prepare();
      targets = prepared.targets;
      server = await serveSite(prepared.site);
      browser = await launchBrowser();
      shots = await resultsFolder(path.join("layout", label.replace(/[^a-z0-9]+/gi, "-")), { clear: true });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it(`has no text over text, nothing wider than the window, and the first search result on a phone's first screen, at ${WIDTHS.join(", ")} px`, async () => {
      const problems = await checkLayouts(browser, server, targets, shots);
      assert.deepEqual(problems, [], problems.join("\n"));
    });

    it(`has no WCAG A/AA violations at ${WIDTHS.join(", ")} px, light or dark`, async () => {
      const problems = await checkAxe(browser, server, targets);
      assert.deepEqual(problems, [], problems.join("\n"));
    });
  });
}

layoutSuite("a wide synthetic archive", {}, async () => {
  const archive = await writeWideSyntheticArchive();
  const site = await buildSite(archive.dir);
  const index = await readArticleIndex(site.contentDir);
  const longest = [...index].sort((a, b) => b.title.length - a.title.length || (a.slug < b.slug ? -1 : 1))[0];
  return {
    site,
    targets: [
      searchTarget(WIDE_ARCHIVE_WORD, "person"),
      { name: "home", path: "/" },
      { name: "article", path: `/articles/${longest.slug}/` },
      { name: "person", path: "/people/maria-lopez/", firstScreen: FIRST_ARTICLE },
      { name: "tag", path: "/tags/ferries/", firstScreen: FIRST_ARTICLE },
      { name: "timeline", path: "/timeline/" },
      { name: "month", path: "/timeline/2017/03/" },
      { name: "on-this-day", path: "/on-this-day/" },
    ],
  };
});

layoutSuite("1,000 research corpus articles", { skip: corpusMissing }, async () => {
  const articles = await tempDir("layout-corpus-");
  await copyCorpusSample(CORPUS_DIR, articles);
  const site = await buildSite(articles);
  const index = await readArticleIndex(site.contentDir);
  const names = (a: (typeof index)[number]) => a.people.length + a.organizations.length + a.places.length + a.tags.length;
  const busiest = [...index].sort((a, b) => names(b) - names(a) || (a.slug < b.slug ? -1 : 1))[0];
  const firstOn = async (indexPath: string) => (await readPage(site, indexPath)).querySelector("main .entity-list a")!.getAttribute("href")!;
  // The month and the day of the year with the most articles (the corpus folders' _defaults.yml date them).
  const busiestOf = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const month = busiestOf(index.flatMap((a) => (a.date && a.date.length >= 7 ? [a.date.slice(0, 7)] : [])));
  const day = busiestOf(index.flatMap((a) => (a.date?.length === 10 ? [a.date.slice(5)] : [])));
  assert.ok(month && day, "the 1,000-article sample has no dated articles: did its folders lose their _defaults.yml?");
  return {
    site,
    targets: [
      searchTarget("trump", "person"),
      { name: "home", path: "/" },
      { name: "article", path: `/articles/${busiest.slug}/` },
      { name: "person", path: await firstOn("/people/"), firstScreen: FIRST_ARTICLE },
      { name: "tag", path: await firstOn("/tags/"), firstScreen: FIRST_ARTICLE },
      { name: "timeline", path: "/timeline/" },
      { name: "month", path: `/timeline/${month.replace("-", "/")}/` },
      { name: "on-this-day", path: `/on-this-day/${day}/` },
    ],
  };
});

describe("the layout check itself", () => {
  it("finds the text a collapsed filter column prints over the results", async () => {
    const archive = await writeWideSyntheticArchive(60);
    const site = await buildSite(archive.dir);
    const server = await serveSite(site);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
      await page.goto(siteUrl(server, "/search/"));
      await searchFor(page, WIDE_ARCHIVE_WORD);
      await openFilterGroup(page, "person");
      assert.deepEqual(await textOverlaps(page), []);
      // The bug of issue 14: Pagefind's Default UI laid filters and results out as flex items
      // (flex 1 and 1000), and our `min-width: 0` on the filter panel let it shrink to 1 px,
      // its text running over the results. Put that layout back for this page.
      await page.evaluate(() => {
        const style = (selector: string, rules: Partial<CSSStyleDeclaration>) => Object.assign((document.querySelector(selector) as HTMLElement).style, rules);
        style(".search-page", { display: "flex", flexWrap: "wrap", alignItems: "flex-start" });
        style(".search-bar", { flex: "1 1 100%" });
        style(".search-filters", { flex: "1", minWidth: "0" });
        style(".search-results", { flex: "1000", minWidth: "0" });
      });
      const column = await page.locator(".search-filters").evaluate((el) => el.getBoundingClientRect().width);
      assert.ok(column < 5, `the planted bug did not collapse the filter column (${column}px wide)`);
      await loadEveryShownResult(page);
      const overlaps = await textOverlaps(page);
      assert.ok(overlaps.some((o) => /John Carter|Person|Maria Lopez/.test(`${o.a} ${o.b}`)), describeOverlaps(overlaps));
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
