import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { HTMLElement } from "node-html-parser";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSite, listFiles, projectRoot, readPage, type BuiltSite } from "../helpers/site-build.ts";

/**
 * Dates as a reader meets them on the built site: the home page's newest articles and
 * chart, the timeline, the undated page, article pages and search data. Three
 * archives: the four seed articles in articles/ (dated by their front matter), one
 * where nothing gives a year, and one dated by its folders' _defaults.yml.
 */

const UNDATED = path.join(projectRoot, "test/fixtures/dates-undated");
const FOLDER_DEFAULTS = path.join(projectRoot, "test/fixtures/dates-folder-defaults");

const text = (el: HTMLElement | null | undefined) => el?.text.replace(/\s+/g, " ").trim() ?? "";
/** The home page's "Newest articles" section. */
const newestSection = (home: HTMLElement) => home.querySelector('section[aria-labelledby="newest-heading"]')!;

async function records(site: BuiltSite): Promise<Map<string, ArticleRecord>> {
  return new Map((await loadContentDir(site.contentDir)).map((c) => [c.record.source_file, c.record]));
}

describe("the archive in articles/ as a new user first builds it", () => {
  let site: BuiltSite;
  let bySource: Map<string, ArticleRecord>;
  before(async () => {
    site = await buildSite();
    bySource = await records(site);
  });

  it("dates every seed by its front matter, so the timeline has a 2017 page listing all four", async () => {
    assert.deepEqual(
      [...bySource.values()].map((r) => [r.source_file, r.date, r.date_source]).sort(),
      [
        ["000_12e87a7c7f271ebb.txt", "2017-01-26", "front_matter"],
        ["001_5742304cf4503c0a.txt", "2017", "front_matter"],
        ["002_b04d322f93dc3252.txt", "2017-02-08", "front_matter"],
        ["004_8f3418854753f031.txt", "2017", "front_matter"],
      ],
    );
    const timeline = await readPage(site, "/timeline/");
    assert.equal(text(timeline.querySelector(".lead-count")), "4 dated articles from 2017; 0 undated.");
    const year = await readPage(site, "/timeline/2017/");
    const listed = year.querySelectorAll("main .article-list a").map((a) => a.getAttribute("href"));
    assert.deepEqual(listed.sort(), [...bySource.values()].map((r) => `/articles/${r.slug}/`).sort());
    for (const day of ["/timeline/2017/01/26/", "/timeline/2017/02/08/"]) assert.equal(text((await readPage(site, day)).querySelector("h1")).startsWith("Articles from"), true, day);
    assert.ok(!(await listFiles(site.dir)).includes("timeline/undated/index.html"), "no undated page when every article is dated");
  });

  it("lists the newest articles by date on the home page, none marked inferred, and charts only January and February 2017", async () => {
    const home = await readPage(site, "/");
    const items = newestSection(home).querySelectorAll("li");
    assert.deepEqual(
      items.map((li) => text(li.querySelector("time"))),
      ["Wednesday, February 8, 2017", "Thursday, January 26, 2017", "2017", "2017"],
    );
    assert.equal(text(items[0].querySelector("a")), bySource.get("002_b04d322f93dc3252.txt")!.title);
    assert.doesNotMatch(text(newestSection(home)), /inferred/);
    const desc = text(home.querySelector("svg.month-chart desc"));
    assert.equal(desc, "2 articles, January 2017 to February 2017. January 2017: 1; February 2017: 1.");
  });
});

describe("an archive where nothing gives a year", () => {
  let site: BuiltSite;
  let bySource: Map<string, ArticleRecord>;
  before(async () => {
    site = await buildSite(UNDATED);
    bySource = await records(site);
  });

  it("says plainly on the home page that no article is dated, and draws no chart", async () => {
    const home = await readPage(site, "/");
    assert.equal(newestSection(home).querySelectorAll("ol li").length, 0);
    assert.equal(text(newestSection(home).querySelector(".no-dates")), "No article has a known publication date yet, so none is listed as newest.");
    assert.equal(home.querySelector("svg.month-chart"), null);
  });

  it("keeps a dateline's month and day, shows it as 'March 16, year unknown' and lists it so on the undated page", async () => {
    const bank = bySource.get("hot-springs-bank.txt")!;
    assert.equal(bank.date, undefined);
    assert.equal(bank.date_month_day, "03-16");
    const page = await readPage(site, `/articles/${bank.slug}/`);
    const time = page.querySelector(".meta time")!;
    assert.equal(time.getAttribute("datetime"), "--03-16");
    assert.equal(text(time), "March 16, year unknown (inferred)");
    assert.equal(text(page.querySelector(".date-note")), "(read from the dateline “HOT SPRINGS, Ark., March 16 -”)");

    const undated = await readPage(site, "/timeline/undated/");
    const rows = undated.querySelectorAll("main .article-list li").map((li) => `${text(li.querySelector("a"))} | ${text(li.querySelector("time"))}`);
    assert.ok(rows.includes(`${bank.title} | March 16, year unknown (inferred)`), rows.join("\n"));
    assert.equal(text((await readPage(site, "/timeline/")).querySelector(".lead-count")), "0 dated articles; 2 undated (1 with a month and day but no year).");
  });

  it("suggests in the build's output a _defaults.yml for the folder, since none of its articles is dated", () => {
    const warnings = site.log.filter((l) => l.startsWith("warning: "));
    assert.equal(warnings.length, 3, warnings.join(""));
    assert.match(warnings[2], /^warning: all 2 articles in \S*dates-undated\/ are undated\. .*say so once in \S*dates-undated\/_defaults\.yml: `year: YYYY`/);
  });

  it("does not date an article by the old dates it mentions", async () => {
    const ferry = bySource.get("ferry-notice.txt")!;
    assert.deepEqual([ferry.date, ferry.date_month_day], [undefined, undefined]);
    assert.equal(text((await readPage(site, `/articles/${ferry.slug}/`)).querySelector(".meta span")), "Undated");
  });
});

describe("an archive dated by its folders' _defaults.yml", () => {
  let site: BuiltSite;
  let bySource: Map<string, ArticleRecord>;
  before(async () => {
    site = await buildSite(FOLDER_DEFAULTS);
    bySource = await records(site);
  });

  it("builds the articles only: the _defaults.yml files are settings", () => {
    assert.deepEqual([...bySource.keys()].sort(), ["notes/harbor-museum.txt", "notes/lighthouse-keeper.txt", "wire/ferry-fares.txt", "wire/grain-shipments.txt"]);
    assert.equal(site.summary.articles, 4);
  });

  it("gives every article the nearest folder's values, and its own front matter wins", () => {
    const grain = bySource.get("wire/grain-shipments.txt")!;
    assert.deepEqual([grain.date, grain.date_precision, grain.date_source, grain.source, grain.lang], ["1987-02-26", "day", "folder_default", "Harbor Wire", "en"]);
    assert.match(grain.date_evidence!, /^“PORTSMOUTH, Feb 26 -” and wire\/_defaults\.yml: period 1987-02\.\.1987-03$/);
    const museum = bySource.get("notes/harbor-museum.txt")!;
    assert.deepEqual([museum.date, museum.date_precision, museum.date_evidence], ["1987", "year", "_defaults.yml: year 1987"]);
    const keeper = bySource.get("notes/lighthouse-keeper.txt")!;
    assert.deepEqual([keeper.date, keeper.date_source], ["1987-05-04", "front_matter"]);
  });

  it("marks an inferred date as inferred on its page, in every list and in the search data, and a given date nowhere", async () => {
    const grain = bySource.get("wire/grain-shipments.txt")!;
    const keeper = bySource.get("notes/lighthouse-keeper.txt")!;
    const page = await readPage(site, `/articles/${grain.slug}/`);
    assert.equal(page.querySelector("article")!.getAttribute("lang"), "en");
    assert.equal(text(page.querySelector(".meta time")), "Thursday, February 26, 1987 (inferred)");
    assert.equal(page.querySelector(".meta time")!.getAttribute("datetime"), "1987-02-26");
    assert.equal(text(page.querySelector(".date-note")), "(the day read from the dateline “PORTSMOUTH, Feb 26 -”, the year from the collection's dates)");
    assert.equal(text(page.querySelector('[data-pagefind-meta="date"]')), "Thursday, February 26, 1987 (inferred)");

    const keeperPage = await readPage(site, `/articles/${keeper.slug}/`);
    assert.equal(text(keeperPage.querySelector(".meta time")), "Monday, May 4, 1987");
    assert.equal(keeperPage.querySelector(".date-note"), null);

    const lists = [
      newestSection(await readPage(site, "/")),
      await readPage(site, "/articles/"),
      await readPage(site, "/timeline/1987/"),
      await readPage(site, "/timeline/1987/02/26/"),
    ];
    for (const list of lists) {
      const item = list.querySelectorAll("li").find((li) => li.querySelector(`a[href="/articles/${grain.slug}/"]`));
      assert.ok(item, `${grain.slug} is listed`);
      assert.match(text(item!.querySelector("time")), /^Thursday, February 26, 1987 \(inferred\)$/);
      const keeperItem = list.querySelectorAll("li").find((li) => li.querySelector(`a[href="/articles/${keeper.slug}/"]`));
      if (keeperItem) assert.doesNotMatch(text(keeperItem), /inferred/);
    }
  });

  it("charts only the months its dates fall in", async () => {
    const desc = text((await readPage(site, "/timeline/")).querySelector("svg.month-chart desc"));
    assert.equal(desc, "3 articles, February 1987 to May 1987. February 1987: 1; March 1987: 1; May 1987: 1. Months not listed have none.");
  });
});
