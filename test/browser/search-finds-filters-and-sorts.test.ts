import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir, type ContentArticle } from "../../src/site/load-content.ts";
import {
  articlesWithExtra,
  DATED_FIXTURES,
  DATED_FIXTURES_WORD,
  launchBrowser,
  resultSources,
  searchFor,
  serveSite,
  settledResults,
  shownResults,
  siteUrl,
  watchConsoleProblems,
  watchFailedRequests,
} from "../helpers/browser.ts";
import { buildSite } from "../helpers/site-build.ts";

let browser: Browser;
let server: StaticServer;
let page: Page;
let records: ArticleRecord[];
let content: ContentArticle[];
let failedRequests: string[];
let consoleProblems: string[];

function containsWord(text: string, word: string): boolean {
  return new RegExp(`\\b${word}\\b`, "i").test(text);
}

async function openSearch(query?: string): Promise<void> {
  await page.goto(siteUrl(server, query ? `/search/?q=${encodeURIComponent(query)}` : "/search/"));
}

describe("searching the archive in a browser", () => {
  before(async () => {
    const articlesDir = await articlesWithExtra(DATED_FIXTURES);
    const site = await buildSite(articlesDir);
    content = await loadContentDir(site.contentDir);
    records = content.map((c) => c.record);
    server = await serveSite(site);
    browser = await launchBrowser();
    page = await browser.newPage();
    failedRequests = watchFailedRequests(page);
    consoleProblems = watchConsoleProblems(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [word, seed] of [
    ["Steinle", "000_12e87a7c7f271ebb.txt"],
    ["Trumpocalypse", "001_5742304cf4503c0a.txt"],
  ]) {
    it(`finds the one seed that mentions "${word}", showing its title and the word marked in the excerpt`, async () => {
      const mentioning = content
        .filter((c) => containsWord([c.record.title, c.record.dek ?? "", c.markdown].join("\n"), word))
        .map((c) => c.record.source_file);
      assert.deepEqual(mentioning, [seed], `the test assumes only ${seed} mentions ${word}`);
      const expected = records.find((r) => r.source_file === seed)!;

      await openSearch();
      const results = await searchFor(page, word);
      assert.deepEqual(resultSources(results, records), [seed], `results: ${JSON.stringify(results.map((r) => r.title))}`);
      assert.ok(results[0].title.startsWith(expected.title), results[0].title);
      assert.match(results[0].excerptHtml, new RegExp(`<mark>[^<]*\\b${word}\\b[^<]*</mark>`, "i"), results[0].excerptHtml);
      assert.ok(new URL(results[0].href).pathname.endsWith(`/articles/${expected.slug}/`), results[0].href);

      await page.click(".pagefind-ui__result-link");
      await page.waitForURL(`**/articles/${expected.slug}/`);
      assert.equal(await page.locator("h1").textContent(), expected.title);
    });
  }

  it("runs the search named in the address (?q=) when the page opens", async () => {
    await openSearch(DATED_FIXTURES_WORD);
    const results = await settledResults(page);
    assert.equal(await page.locator(".pagefind-ui__search-input").inputValue(), DATED_FIXTURES_WORD);
    assert.deepEqual(resultSources(results, records).sort(), Object.keys(DATED_FIXTURES).sort());
  });

  it("narrows the results to one source when that source's filter is checked", async () => {
    await openSearch();
    const all = await searchFor(page, DATED_FIXTURES_WORD);
    assert.equal(all.length, 3);
    const filterNames = await page.locator(".pagefind-ui__filter-name").allTextContents();
    const sourceBlock = page.locator(".pagefind-ui__filter-block").filter({ has: page.locator(".pagefind-ui__filter-name", { hasText: /source/i }) });
    assert.ok(
      (await sourceBlock.count()) > 0,
      `MISSING FEATURE: the search page offers no "source" filter (filters shown: ${JSON.stringify(filterNames)}); article pages need data-pagefind-filter="source"`,
    );
    if (!(await sourceBlock.first().evaluate((el) => (el as HTMLDetailsElement).open))) await sourceBlock.first().locator("summary").click();
    const option = sourceBlock.first().locator(".pagefind-ui__filter-value", { hasText: "Harbor Ledger" });
    await option.locator("input").check();
    const filtered = await settledResults(page);

    const shownBefore = resultSources(all, records);
    const expected = records.filter((r) => r.source === "Harbor Ledger" && shownBefore.includes(r.source_file)).map((r) => r.source_file).sort();
    assert.equal(expected.length, 2, "the fixtures give two Harbor Ledger articles");
    assert.deepEqual(resultSources(filtered, records).sort(), expected);
  });

  it("narrows the results to one tag when that tag's filter is checked", async () => {
    await openSearch();
    const all = await searchFor(page, DATED_FIXTURES_WORD);
    const filterNames = await page.locator(".pagefind-ui__filter-name").allTextContents();
    const tagBlock = page.locator(".pagefind-ui__filter-block").filter({ has: page.locator(".pagefind-ui__filter-name", { hasText: /^\s*tags?\b/i }) });
    assert.ok((await tagBlock.count()) > 0, `MISSING FEATURE: the search page offers no "tag" filter (filters shown: ${JSON.stringify(filterNames)})`);
    if (!(await tagBlock.first().evaluate((el) => (el as HTMLDetailsElement).open))) await tagBlock.first().locator("summary").click();
    const option = tagBlock.first().locator(".pagefind-ui__filter-value").filter({ hasText: /bridges/i });
    await option.locator("input").check();
    const filtered = await settledResults(page);
    const shownBefore = resultSources(all, records);
    const expected = records.filter((r) => r.tags.some((t) => /bridges/i.test(t)) && shownBefore.includes(r.source_file)).map((r) => r.source_file);
    assert.equal(expected.length, 1, "the fixtures give one article tagged bridges");
    assert.deepEqual(resultSources(filtered, records), expected);
  });

  it("orders the results newest first, then oldest first, when the reader sorts by date", async () => {
    await openSearch();
    await searchFor(page, DATED_FIXTURES_WORD);
    const sort = page.getByLabel(/sort|order/i);
    assert.ok((await sort.count()) > 0, "MISSING FEATURE: the search page has no control labelled “Sort” or “Order”");
    const options = await sort.first().locator("option").allTextContents();
    const newest = options.find((o) => /newest|latest|date.*(desc|new)/i.test(o));
    const oldest = options.find((o) => /oldest|earliest|date.*(asc|old)/i.test(o));
    assert.ok(newest && oldest, `the sort control should offer newest and oldest first; it offers ${JSON.stringify(options)}`);
    const fixtures = records.filter((r) => Object.keys(DATED_FIXTURES).includes(r.source_file));
    const byDate = [...fixtures].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0)).map((r) => r.source_file);

    await sort.first().selectOption({ label: newest });
    assert.deepEqual(resultSources(await settledResults(page), records), [...byDate].reverse());
    await sort.first().selectOption({ label: oldest });
    assert.deepEqual(resultSources(await settledResults(page), records), byDate);
  });

  it("says so when nothing matches", async () => {
    await openSearch();
    const results = await searchFor(page, "xylophonequark");
    assert.equal(results.length, 0);
    assert.match((await page.locator(".pagefind-ui__message").textContent()) ?? "", /no results/i);
    assert.deepEqual(await shownResults(page), []);
  });

  it("loads every asset and logs no errors while searching", () => {
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(consoleProblems, []);
  });
});
