import { SECTION_NAMES } from "../../src/ingest/section-taxonomy.ts";
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
  filterValues,
  launchBrowser,
  openFilterGroup,
  RESULT_LINK,
  resultSources,
  SEARCH_INPUT,
  searchFor,
  searchSummary,
  serveSite,
  setFilter,
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

async function openSearch(query = ""): Promise<void> {
  await page.goto(siteUrl(server, `/search/${query}`));
  await settledResults(page);
}

/** The fixtures' source files, oldest first. */
function fixturesByDate(): string[] {
  return records
    .filter((r) => Object.keys(DATED_FIXTURES).includes(r.source_file))
    .sort((a, b) => (a.date! < b.date! ? -1 : 1))
    .map((r) => r.source_file);
}

const recordOf = (file: string) => records.find((r) => r.source_file === file)!;

/** An article that gives no date anywhere, beside the (dated) seeds and the dated fixtures. */
const UNDATED_FILE = "fixture-undated-marrowmere.txt";
const UNDATED_FIXTURE = `---
title: Marrowmere lighthouse keepers remember the old lamp
source: Harbor Ledger
---
Keepers of the Marrowmere lighthouse gathered to remember the oil lamp that lit the point for a century.

The lamp now stands in the town museum, where visitors can read the keepers' logbooks.
`;

describe("searching the archive in a browser", () => {
  before(async () => {
    const articlesDir = await articlesWithExtra({ ...DATED_FIXTURES, [UNDATED_FILE]: UNDATED_FIXTURE });
    const site = await buildSite(articlesDir);
    content = await loadContentDir(site.contentDir);
    records = content.map((c) => c.record);
    server = await serveSite(site);
    browser = await launchBrowser();
    // Tall enough that every result of these small searches scrolls into view (and is filled in).
    page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
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
    it(`finds the one seed that mentions "${word}", with its title, the word marked in the excerpt, and the article marking it too`, async () => {
      const mentioning = content
        .filter((c) => containsWord([c.record.title, c.record.dek ?? "", c.markdown].join("\n"), word))
        .map((c) => c.record.source_file);
      assert.deepEqual(mentioning, [seed], `the test assumes only ${seed} mentions ${word}`);
      const expected = recordOf(seed);

      await openSearch();
      const results = await searchFor(page, word);
      assert.deepEqual(resultSources(results, records), [seed], `results: ${JSON.stringify(results.map((r) => r.title))}`);
      assert.equal(results[0].title, expected.title, "the title is the article's title, nothing appended");
      assert.match(results[0].excerptHtml, new RegExp(`<mark>[^<]*\\b${word}\\b[^<]*</mark>`, "i"), results[0].excerptHtml);
      assert.equal(new URL(results[0].href).pathname, `/articles/${expected.slug}/`);

      await page.click(RESULT_LINK);
      await page.waitForURL(`**/articles/${expected.slug}/?pagefind-highlight=*`);
      assert.equal(await page.locator("h1").textContent(), expected.title);
      await page.locator("mark.pagefind-highlight").first().waitFor();
      const marked = await page.locator("[data-pagefind-body] mark.pagefind-highlight").allTextContents();
      assert.ok(marked.length > 0 && marked.every((m) => m.toLowerCase() === word.toLowerCase()), `marked on the article: ${JSON.stringify(marked)}`);
    });
  }

  it("shows each result's date, source and section under its title, not in it; undated ones say so", async () => {
    await openSearch();
    const results = await searchFor(page, DATED_FIXTURES_WORD);
    const byFile = new Map(resultSources(results, records).map((file, i) => [file, results[i]]));
    const ferry = byFile.get("fixture-quillborough-a.txt")!;
    assert.equal(ferry.title, recordOf("fixture-quillborough-a.txt").title);
    const sectionOf = (file: string) => SECTION_NAMES[recordOf(file).section!];
    assert.equal(ferry.meta, `Monday, June 1, 2015 · ${sectionOf("fixture-quillborough-a.txt")} · Harbor Ledger`);
    const undated = await searchFor(page, "Marrowmere");
    assert.deepEqual(resultSources(undated, records), [UNDATED_FILE]);
    assert.equal(undated[0].meta, `Undated · ${sectionOf(UNDATED_FILE)} · Harbor Ledger`);
    assert.equal(undated[0].title, recordOf(UNDATED_FILE).title, "nothing appended to the title");
  });

  it("runs the search named in the address (?q=) when the page opens", async () => {
    await openSearch(`?q=${DATED_FIXTURES_WORD}`);
    const results = await settledResults(page);
    assert.equal(await page.locator(SEARCH_INPUT).inputValue(), DATED_FIXTURES_WORD);
    assert.deepEqual(resultSources(results, records).sort(), Object.keys(DATED_FIXTURES).sort());
    assert.equal(await searchSummary(page), `3 results for “${DATED_FIXTURES_WORD}”`);
  });

  it("lists a filter group's values by count, hides values no result has, and narrows to the one ticked; the address keeps it, a reload too, and Back undoes it", async () => {
    await openSearch();
    await searchFor(page, DATED_FIXTURES_WORD);
    await openFilterGroup(page, "source");
    assert.deepEqual(await filterValues(page, "source"), [
      { name: "Harbor Ledger", count: "2", checked: false },
      { name: "Valley Courier", count: "1", checked: false },
    ]);
    const filtered = await setFilter(page, "source", "Harbor Ledger");
    const expected = records.filter((r) => r.source === "Harbor Ledger" && r.source_file in DATED_FIXTURES).map((r) => r.source_file).sort();
    assert.equal(expected.length, 2, "the fixtures give two Harbor Ledger articles");
    assert.deepEqual(resultSources(filtered, records).sort(), expected);
    const address = new URL(page.url());
    assert.deepEqual([address.searchParams.get("q"), address.searchParams.getAll("source")], [DATED_FIXTURES_WORD, ["Harbor Ledger"]]);

    await page.reload();
    assert.deepEqual(resultSources(await settledResults(page), records).sort(), expected, "a reload keeps the filter");
    await openFilterGroup(page, "source");
    assert.deepEqual((await filterValues(page, "source")).map((v) => [v.name, v.checked]), [["Harbor Ledger", true]]);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("source"));
    assert.equal((await settledResults(page)).length, 3, "Back returns to the search before the filter");
  });

  it("loads a long list (topics) when its group is opened, and narrows the results to the topic ticked", async () => {
    await openSearch();
    await searchFor(page, DATED_FIXTURES_WORD);
    const filterRequests: string[] = [];
    page.on("request", (r) => r.url().includes("/pagefind/filter/") && filterRequests.push(r.url()));
    await openFilterGroup(page, "tag");
    assert.equal(filterRequests.length, 1, "opening the group loads its filter index, and only that");
    assert.deepEqual((await filterValues(page, "tag")).map((v) => [v.name, v.count]), [
      ["ferries", "2"],
      ["bridges", "1"],
    ]);
    const filtered = await setFilter(page, "tag", "bridges");
    assert.deepEqual(resultSources(filtered, records), ["fixture-quillborough-c.txt"]);
  });

  it("browses by filters alone, with no words: a year gives its articles, newest first", async () => {
    await openSearch();
    assert.equal(await page.locator(".search-result").count(), 0, "nothing is listed before the reader asks");
    await openFilterGroup(page, "year");
    const years = (await filterValues(page, "year")).map((v) => `${v.name} ${v.count}`);
    const yearCount = (y: string) => records.filter((r) => (r.date ? r.date.slice(0, 4) : "Undated") === y).length;
    assert.deepEqual(years, ["2019", "2017", "2015", "Undated"].map((y) => `${y} ${yearCount(y)}`), "years newest first, “Undated” last, with the whole archive's counts");
    const inYear = await setFilter(page, "year", "2019");
    assert.deepEqual(resultSources(inYear, records), ["fixture-quillborough-b.txt"]);
    assert.equal(await searchSummary(page), "1 article matches the chosen filters");
    await setFilter(page, "year", "2019", false);
    const byDay = await setFilter(page, "source", "Harbor Ledger");
    const harbor = fixturesByDate().filter((f) => recordOf(f).source === "Harbor Ledger").reverse();
    assert.deepEqual(resultSources(byDay, records), [...harbor, UNDATED_FILE], "newest first, undated last");
  });

  it("orders the results newest first, then oldest first, when the reader sorts by date, undated articles last both ways", async () => {
    await openSearch();
    await searchFor(page, "the");
    const sort = page.getByLabel(/order/i);
    const options = await sort.locator("option").allTextContents();
    assert.deepEqual(options, ["Relevance", "Date, newest first", "Date, oldest first"]);
    const relevance = resultSources(await settledResults(page), records);
    const dated = relevance.filter((f) => recordOf(f).date);
    assert.ok(dated.length >= 5 && relevance.includes(UNDATED_FILE), `the test needs dated and undated results: ${relevance}`);
    const oldestFirst = [...dated].sort((a, b) => (recordOf(a).date! < recordOf(b).date! ? -1 : recordOf(a).date! > recordOf(b).date! ? 1 : recordOf(a).slug < recordOf(b).slug ? 1 : -1));
    for (const [label, expected] of [
      ["Date, newest first", [...oldestFirst].reverse()],
      ["Date, oldest first", oldestFirst],
    ] as const) {
      await sort.selectOption({ label });
      const shown = resultSources(await settledResults(page), records);
      assert.deepEqual(shown.slice(0, dated.length), expected, label);
      assert.ok(shown.slice(dated.length).every((f) => !recordOf(f).date), `${label}: undated after the dated ones: ${shown}`);
      assert.equal(new URL(page.url()).searchParams.get("sort"), label.includes("newest") ? "newest" : "oldest");
    }
  });

  it("narrows the results to a date range, kept in the address", async () => {
    await openSearch(`?q=${DATED_FIXTURES_WORD}`);
    await page.locator("#search-range summary").click();
    await page.selectOption("#search-from", { label: "September 2017" });
    await settledResults(page);
    await page.selectOption("#search-to", { label: "February 2019" });
    const inRange = await settledResults(page);
    assert.deepEqual(resultSources(inRange, records).sort(), ["fixture-quillborough-b.txt", "fixture-quillborough-c.txt"]);
    assert.deepEqual([new URL(page.url()).searchParams.get("from"), new URL(page.url()).searchParams.get("to")], ["2017-09", "2019-02"]);
    await page.selectOption("#search-to", { label: "September 2017" });
    assert.deepEqual(resultSources(await settledResults(page), records), ["fixture-quillborough-c.txt"]);
    assert.equal(await page.locator("#search-range summary").textContent(), "Dates (September 2017 – September 2017)");
    await page.reload();
    assert.deepEqual(resultSources(await settledResults(page), records), ["fixture-quillborough-c.txt"], "a reload keeps the range");
  });

  it("says so when nothing matches", async () => {
    await openSearch();
    const results = await searchFor(page, "xylophonequark");
    assert.equal(results.length, 0);
    assert.equal(await searchSummary(page), "0 results for “xylophonequark”");
    assert.deepEqual(await shownResults(page), []);
  });

  it("loads every asset and logs no errors while searching", () => {
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(consoleProblems, []);
  });
});
