import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { HTMLElement } from "node-html-parser";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSite, listFiles, projectRoot, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * The timeline as a reader finds it in the built site: pages read back from _site,
 * expectations computed from the articles' own front matter (the generated Markdown).
 */

const FIXTURE = path.join(projectRoot, "test/fixtures/timeline");
const SEEDS = path.join(projectRoot, "articles");
const ONLY_MONTH = "Date known only to the month";
const ONLY_YEAR = "Date known only to the year";

const articleUrl = (r: ArticleRecord) => `/articles/${r.slug}/`;
const monthKey = (date: string) => date.slice(0, 7);
const periodUrl = (date: string) => `/timeline/${date.replace(/-/g, "/")}/`;
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** The article links of a listing, following its "next page" links to the end. */
async function listedArticles(site: BuiltSite, url: string, sectionHeading?: string): Promise<string[]> {
  const urls: string[] = [];
  for (let next: string | undefined = url; next; ) {
    const page = await readPage(site, next);
    urls.push(...articleLinksIn(page, sectionHeading));
    next = page.querySelector('.pager a[rel="next"]')?.getAttribute("href");
  }
  return urls;
}

function articleLinksIn(page: HTMLElement, sectionHeading?: string): string[] {
  const sections = page.querySelectorAll("main .period-section").filter((s) => sectionHeading === undefined || s.querySelector("h2")?.text.trim() === sectionHeading);
  return sections.flatMap((s) => s.querySelectorAll(".article-list a").map((a) => a.getAttribute("href")!));
}

/** "February 2017: 3" pairs from the chart's text alternative. */
function chartCounts(page: HTMLElement): Map<string, number> {
  const desc = page.querySelector("svg.month-chart desc")?.text ?? "";
  return new Map([...desc.matchAll(/([A-Z][a-z]+ \d{4}): ([\d,]+)/g)].map((m) => [m[1], Number(m[2].replace(/,/g, ""))]));
}

function monthName(key: string): string {
  return new Date(`${key}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

for (const [name, dir] of [
  ["the timeline fixture", FIXTURE],
  ["the four seed articles", SEEDS],
] as const) {
  describe(`the timeline built from ${name}`, () => {
    let site: BuiltSite;
    let records: ArticleRecord[];
    const withPrecision = (p: string) => records.filter((r) => r.date && r.date_precision === p);

    before(async () => {
      site = await buildSite(dir);
      records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    });

    it("shows an article dated to the day on its year, month and day pages", async () => {
      for (const r of withPrecision("day")) {
        for (const url of [periodUrl(r.date!.slice(0, 4)), periodUrl(r.date!.slice(0, 7)), periodUrl(r.date!)]) {
          assert.ok((await listedArticles(site, url)).includes(articleUrl(r)), `${r.source_file} on ${url}`);
        }
      }
    });

    it("shows an article dated to the month in its month page's own section, and on its year page", async () => {
      for (const r of withPrecision("month")) {
        assert.ok((await listedArticles(site, periodUrl(r.date!), ONLY_MONTH)).includes(articleUrl(r)), r.source_file);
        assert.ok((await listedArticles(site, periodUrl(r.date!.slice(0, 4)))).includes(articleUrl(r)), r.source_file);
      }
    });

    it("shows an article dated to the year in its year page's own section", async () => {
      for (const r of withPrecision("year")) {
        assert.ok((await listedArticles(site, periodUrl(r.date!), ONLY_YEAR)).includes(articleUrl(r)), r.source_file);
      }
    });

    it("lists the undated articles on the undated page", async () => {
      const undated = records.filter((r) => !r.date).map(articleUrl);
      const files = await listFiles(site.dir);
      if (!undated.length) return assert.ok(!files.includes("timeline/undated/index.html"));
      assert.deepEqual(sorted(await listedArticles(site, "/timeline/undated/")), sorted(undated));
    });

    it("puts every article on exactly one day, month-only, year-only or undated listing", async () => {
      const seen = new Map<string, number>();
      const timelinePages = (await listFiles(site.dir)).filter((f) => f.startsWith("timeline/") && f.endsWith("index.html") && f !== "timeline/index.html");
      for (const file of timelinePages) {
        const rel = file.replace(/(^timeline\/|page\/\d+\/|index\.html$)/g, "");
        const depth = rel.split("/").filter(Boolean).length;
        const page = await readPage(site, file);
        const links = rel === "undated/" || depth === 3 ? articleLinksIn(page) : depth === 2 ? articleLinksIn(page, ONLY_MONTH) : articleLinksIn(page, ONLY_YEAR);
        for (const url of links) seen.set(url, (seen.get(url) ?? 0) + 1);
      }
      assert.deepEqual(sorted(seen.keys()), sorted(records.map(articleUrl)));
      for (const [url, n] of seen) assert.equal(n, 1, url);
    });

    it("charts the number of articles per month, in words as well as bars", async () => {
      const page = await readPage(site, "/timeline/");
      const expected = new Map<string, number>();
      for (const r of records) if (r.date && r.date_precision !== "year") expected.set(monthName(monthKey(r.date)), (expected.get(monthName(monthKey(r.date))) ?? 0) + 1);
      assert.deepEqual(chartCounts(page), expected);
      const svg = page.querySelector("svg.month-chart");
      if (!expected.size) return assert.equal(svg, null);
      assert.equal(svg!.getAttribute("role"), "img");
      for (const id of svg!.getAttribute("aria-labelledby")!.split(" ")) assert.ok(svg!.querySelector(`#${id}`)?.text.trim(), id);
      assert.equal(page.querySelectorAll("script").length, 0, "no script needed");
    });

    it("gives the same counts in the table, each linking to its month", async () => {
      const page = await readPage(site, "/timeline/");
      const links = page.querySelectorAll(".timeline-table td a");
      const shown = new Map(links.map((a) => [a.getAttribute("href")!, Number(a.childNodes[0].text)]));
      const expected = new Map<string, number>();
      for (const r of records) if (r.date && r.date_precision !== "year") expected.set(periodUrl(monthKey(r.date)), (expected.get(periodUrl(monthKey(r.date))) ?? 0) + 1);
      assert.deepEqual(shown, expected);
    });

    it("links each month to the nearest earlier and later months that have articles", async () => {
      const months = sorted(new Set(records.filter((r) => r.date && r.date_precision !== "year").map((r) => monthKey(r.date!))));
      for (const [i, m] of months.entries()) {
        const page = await readPage(site, periodUrl(m));
        assert.equal(page.querySelector(".previous-period")?.getAttribute("href"), i > 0 ? periodUrl(months[i - 1]) : undefined, m);
        assert.equal(page.querySelector(".next-period")?.getAttribute("href"), i + 1 < months.length ? periodUrl(months[i + 1]) : undefined, m);
      }
    });

    it("gives each day page breadcrumbs back to its month, year and the timeline", async () => {
      for (const r of withPrecision("day")) {
        const page = await readPage(site, periodUrl(r.date!));
        const crumbs = page.querySelectorAll(".breadcrumbs a").map((a) => a.getAttribute("href"));
        assert.deepEqual(crumbs, ["/timeline/", periodUrl(r.date!.slice(0, 4)), periodUrl(r.date!.slice(0, 7))]);
        assert.equal(page.querySelector('.breadcrumbs [aria-current="page"]')?.text, String(Number(r.date!.slice(8))));
      }
    });

    it("shows each article's date in words and links it to its day and month pages", async () => {
      for (const r of records.filter((x) => x.date)) {
        const page = await readPage(site, articleUrl(r));
        const time = page.querySelector(".meta time")!;
        assert.equal(time.getAttribute("datetime"), r.date);
        assert.doesNotMatch(time.text, /^\d{4}-/, "a date in words");
        const links = page.querySelectorAll(".timeline-links a").map((a) => a.getAttribute("href"));
        if (r.date_precision === "day") assert.deepEqual(links.slice(0, 2), [periodUrl(r.date!), periodUrl(r.date!.slice(0, 7))]);
        if (r.date_precision === "month") assert.equal(links[0], periodUrl(r.date!));
      }
    });

    it("says when an article's date was inferred from its text", async () => {
      for (const r of records) {
        const note = (await readPage(site, articleUrl(r))).querySelector(".date-note")?.text;
        const inferred = Boolean(r.date) && (r.date_source === "text" || r.date_source === "dateline");
        assert.equal(Boolean(note), inferred, r.source_file);
        if (inferred && r.date_evidence) assert.ok(note!.includes(r.date_evidence.replace(/\s+/g, " ").trim().slice(0, 40)), note);
      }
    });

    it("offers the timeline in every page's navigation", async () => {
      const nav = (await readPage(site, "/")).querySelectorAll(".site-header nav a").map((a) => a.getAttribute("href"));
      assert.ok(nav.includes("/timeline/"));
    });
  });
}

describe("the fixture's known dates", () => {
  let site: BuiltSite;
  before(async () => (site = await buildSite(FIXTURE)));

  it("lists both articles of 8 February 2017 on that day, and the month-only budget story on February's page only", async () => {
    assert.equal((await listedArticles(site, "/timeline/2017/02/08/")).length, 2);
    const onlyMonth = await listedArticles(site, "/timeline/2017/02/", ONLY_MONTH);
    assert.deepEqual(onlyMonth, ["/articles/westholm-council-agrees-a-smaller-budget-for-roads/"]);
  });

  it("counts February 2017 as three articles in the chart", async () => {
    assert.equal(chartCounts(await readPage(site, "/timeline/")).get("February 2017"), 3);
  });
});

describe("a day with more articles than one page holds", () => {
  const COUNT = 105;
  let site: BuiltSite;
  before(async () => {
    const dir = await tempDir("timeline-busy-");
    const words = ["harbor", "ferry", "council", "market", "quay", "storm", "lighthouse", "budget", "crew", "cargo"];
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) => {
        const a = words[i % 10];
        const b = words[Math.floor(i / 10) % 10];
        const text = `---\ndate: 2017-02-08\n---\nNotice ${i + 1} About the ${a} and the ${b}\n\nThe ${a} notice number ${i + 1} was posted on the board by the ${b} office, and readers were asked to comment before the end of the week.\n\nOfficials said notice ${i + 1} would be reviewed with the others at the next meeting of the ${b} committee.\n`;
        return writeFile(path.join(dir, `notice-${String(i + 1).padStart(3, "0")}.txt`), text);
      }),
    );
    site = await buildSite(dir);
  });

  it("splits its listing into pages of at most 100, linked in order, each article once", async () => {
    const first = await readPage(site, "/timeline/2017/02/08/");
    assert.equal(articleLinksIn(first).length, 100);
    assert.equal(first.querySelector('.pager a[rel="next"]')?.getAttribute("href"), "/timeline/2017/02/08/page/2/");
    const second = await readPage(site, "/timeline/2017/02/08/page/2/");
    assert.equal(articleLinksIn(second).length, COUNT - 100);
    assert.equal(second.querySelector('.pager a[rel="prev"]')?.getAttribute("href"), "/timeline/2017/02/08/");
    const all = await listedArticles(site, "/timeline/2017/02/08/");
    assert.equal(new Set(all).size, COUNT);
    for (const url of ["/timeline/2017/02/", "/timeline/2017/"]) assert.equal(new Set(await listedArticles(site, url)).size, COUNT, url);
  });
});
