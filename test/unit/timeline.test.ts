import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import {
  TIMELINE_PAGE_SIZE,
  articleTimelineLinks,
  buildTimeline,
  dateInferenceNote,
  placeDate,
  type TimelineArticle,
  type TimelinePage,
} from "../../src/site/timeline.ts";

function article(slug: string, date?: string, date_precision?: "day" | "month" | "year"): TimelineArticle {
  return { slug, title: `Title ${slug}`, url: `/articles/${slug}/`, date, date_precision: date ? (date_precision ?? (date.length === 10 ? "day" : date.length === 7 ? "month" : "year")) : undefined };
}

const pageAt = (pages: TimelinePage[], url: string) => pages.find((p) => p.url === url);
const urlsOn = (page: TimelinePage | undefined) => (page ? page.sections.flatMap((s) => s.items.map((i) => i.url)) : []);
/** Every listing page of a period, all its pagination pages together. */
const periodUrls = (pages: TimelinePage[], base: string) =>
  pages.filter((p) => p.url === base || p.url.startsWith(`${base}page/`)).flatMap((p) => urlsOn(p));

describe("timeline grouping", () => {
  it("puts a day-precision article on its year, month and day pages", () => {
    const { pages } = buildTimeline([article("a", "2017-02-08")]);
    for (const url of ["/timeline/2017/", "/timeline/2017/02/", "/timeline/2017/02/08/"]) {
      assert.deepEqual(urlsOn(pageAt(pages, url)), ["/articles/a/"], url);
    }
  });

  it("lists a month-precision article in its month page's 'date known only to the month' section, and on no day page", () => {
    const { pages } = buildTimeline([article("a", "2017-02-08"), article("m", "2017-02")]);
    const month = pageAt(pages, "/timeline/2017/02/")!;
    const coarse = month.sections.find((s) => s.heading === "Date known only to the month")!;
    assert.deepEqual(coarse.items.map((i) => i.url), ["/articles/m/"]);
    assert.equal(month.coarseCount, 1);
    assert.deepEqual(urlsOn(pageAt(pages, "/timeline/2017/02/08/")), ["/articles/a/"]);
    assert.ok(urlsOn(pageAt(pages, "/timeline/2017/")).includes("/articles/m/"));
  });

  it("lists a year-precision article only on its year page, in its own section", () => {
    const { pages } = buildTimeline([article("y", "2017"), article("a", "2017-03-01")]);
    const year = pageAt(pages, "/timeline/2017/")!;
    assert.deepEqual(year.sections.at(-1)!.items.map((i) => i.url), ["/articles/y/"]);
    assert.equal(year.sections.at(-1)!.heading, "Date known only to the year");
    const elsewhere = pages.filter((p) => p.kind !== "year").flatMap(urlsOn);
    assert.ok(!elsewhere.includes("/articles/y/"));
  });

  it("sends articles with no date or an impossible one to the undated page", () => {
    const { pages, overview } = buildTimeline([article("n"), article("bad", "2017-02-30"), article("ok", "2017-02-28")]);
    assert.deepEqual(urlsOn(pageAt(pages, "/timeline/undated/")), ["/articles/bad/", "/articles/n/"]);
    assert.equal(overview.undated.count, 2);
    assert.equal(overview.dated, 1);
  });

  it("makes no undated page when every article is dated", () => {
    const { pages } = buildTimeline([article("a", "2017-02-08")]);
    assert.equal(pageAt(pages, "/timeline/undated/"), undefined);
  });

  it("trusts a coarser date_precision over the string's shape", () => {
    assert.deepEqual(placeDate("2017-02-01", "month"), { precision: "month", year: 2017, month: 2, day: undefined });
    assert.deepEqual(placeDate("2017-02", "day"), { precision: "month", year: 2017, month: 2, day: undefined });
    assert.equal(placeDate("2017-W05"), undefined);
  });

  it("lists a period's articles in date order, then by slug", () => {
    const { pages } = buildTimeline([article("c", "2017-02-09"), article("b", "2017-02-08"), article("a", "2017-02-09"), article("m", "2017-02"), article("z", "2017-01-31")]);
    assert.deepEqual(urlsOn(pageAt(pages, "/timeline/2017/")), ["/articles/z/", "/articles/b/", "/articles/a/", "/articles/c/", "/articles/m/"]);
    const month = pageAt(pages, "/timeline/2017/02/")!;
    assert.deepEqual(month.sections.map((s) => s.heading), ["Wednesday, February 8", "Thursday, February 9", "Date known only to the month"]);
    assert.equal(month.sections[0].url, "/timeline/2017/02/08/");
    assert.deepEqual(month.children.map((c) => [c.label, c.count]), [["8", 1], ["9", 2]]);
  });

  it("places every article on exactly one day, month-only, year-only or undated listing, each paged 100 at a time", () => {
    // Few distinct dates, so busy listings span several pages: the year listing of a
    // 700-article archive holds about 300 articles. Arrays up to 700 need `size: "max"`:
    // fast-check's default size stops near 10 elements whatever maxLength says.
    const dateArb = fc.oneof(
      fc.constant(undefined),
      fc.tuple(fc.integer({ min: 1987, max: 1988 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
      fc.tuple(fc.integer({ min: 1987, max: 1988 }), fc.integer({ min: 1, max: 2 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      fc.integer({ min: 1987, max: 1988 }).map(String),
    );
    let reachedThreePages = 0;
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 700, size: "max" }), (dates) => {
        const articles = dates.map((d, i) => article(`a${i}`, d));
        const { pages } = buildTimeline(articles);
        const finest = new Map<string, number>();
        const add = (url: string) => finest.set(url, (finest.get(url) ?? 0) + 1);
        for (const p of pages) {
          if (p.kind === "day" || p.kind === "undated") p.sections.forEach((s) => s.items.forEach((i) => add(i.url)));
          if (p.kind === "month") p.sections.filter((s) => s.heading === "Date known only to the month").forEach((s) => s.items.forEach((i) => add(i.url)));
          if (p.kind === "year") p.sections.filter((s) => s.heading === "Date known only to the year").forEach((s) => s.items.forEach((i) => add(i.url)));
        }
        assert.equal(finest.size, articles.length);
        for (const [url, n] of finest) assert.equal(n, 1, url);

        // Each period's listing, all its pages together, holds exactly the articles dated
        // within it (a year page: every article of that year, whatever its precision), in
        // full pages of 100 and one last page with the rest, numbered and linked in order.
        const periodOf = (url: string) => url.replace(/page\/\d+\/$/, "");
        const expected = new Map<string, string[]>();
        for (const a of articles) {
          const periods = a.date ? [`/timeline/${a.date.slice(0, 4)}/`, ...(a.date.length >= 7 ? [`/timeline/${a.date.slice(0, 4)}/${a.date.slice(5, 7)}/`] : []), ...(a.date.length === 10 ? [`/timeline/${a.date.slice(0, 4)}/${a.date.slice(5, 7)}/${a.date.slice(8, 10)}/`] : [])] : ["/timeline/undated/"];
          for (const period of periods) expected.set(period, [...(expected.get(period) ?? []), a.url]);
        }
        assert.deepEqual([...new Set(pages.map((p) => periodOf(p.url)))].sort(), [...expected.keys()].sort());
        for (const [period, urls] of expected) {
          const listing = pages.filter((p) => periodOf(p.url) === period);
          const pageCount = Math.ceil(urls.length / TIMELINE_PAGE_SIZE);
          if (pageCount >= 3) reachedThreePages++;
          assert.deepEqual(listing.map((p) => p.pageNumber), Array.from({ length: pageCount }, (_, i) => i + 1), period);
          assert.deepEqual([...periodUrls(pages, period)].sort(), [...urls].sort(), period);
          listing.forEach((p, i) => {
            const onPage = p.sections.reduce((n, s) => n + s.items.length, 0);
            assert.equal(onPage, i < pageCount - 1 ? TIMELINE_PAGE_SIZE : urls.length - TIMELINE_PAGE_SIZE * (pageCount - 1), `${p.url} holds ${onPage}`);
            assert.equal(p.pageCount, pageCount);
            assert.equal(p.count, urls.length);
            assert.equal(p.url, i === 0 ? period : `${period}page/${i + 1}/`);
            assert.equal(p.previousUrl, listing[i - 1]?.url);
            assert.equal(p.nextUrl, listing[i + 1]?.url);
            if (pageCount > 1) assert.match(p.title, new RegExp(`\\(page ${i + 1} of ${pageCount}\\)$`));
            else assert.doesNotMatch(p.title, /\(page/);
          });
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(reachedThreePages >= 10, `listings of three pages or more were generated ${reachedThreePages} times`);
  });
});

describe("timeline pages", () => {
  it("split a busy month into pages of at most 100, linked in order", () => {
    const articles = Array.from({ length: 250 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, `2017-02-${String((i % 28) + 1).padStart(2, "0")}`));
    const { pages } = buildTimeline(articles);
    const month = pages.filter((p) => p.kind === "month");
    assert.deepEqual(month.map((p) => p.url), ["/timeline/2017/02/", "/timeline/2017/02/page/2/", "/timeline/2017/02/page/3/"]);
    assert.deepEqual(month.map((p) => p.sections.reduce((n, s) => n + s.items.length, 0)), [100, 100, 50]);
    assert.equal(month[1].previousUrl, "/timeline/2017/02/");
    assert.equal(month[1].nextUrl, "/timeline/2017/02/page/3/");
    assert.equal(month[2].nextUrl, undefined);
    assert.equal(month[1].title, "Articles from February 2017 (page 2 of 3)");
    assert.equal(new Set(periodUrls(pages, "/timeline/2017/02/")).size, 250);
  });

  it("call a dated period's pages earlier and later articles, and the undated list's (alphabetical) pages just pages", () => {
    const articles = [...Array.from({ length: 120 }, (_, i) => article(`d${i}`, "2017-02-08")), ...Array.from({ length: 120 }, (_, i) => article(`u${i}`))];
    const { pages } = buildTimeline(articles);
    assert.deepEqual(pageAt(pages, "/timeline/2017/02/08/")!.pager, { previous: "Earlier articles", next: "Later articles" });
    assert.deepEqual(pageAt(pages, "/timeline/undated/")!.pager, { previous: "Previous page", next: "Next page" });
  });

  it("give a month page a calendar of its days, linking those with articles", () => {
    const { pages } = buildTimeline([article("a", "2017-02-08"), article("b", "2017-02-08"), article("c", "2017-02-20"), article("m", "2017-02")]);
    const cal = pageAt(pages, "/timeline/2017/02/")!.calendar!;
    assert.deepEqual(cal.weeks.flat().filter((c) => c?.url).map((c) => [c!.day, c!.count, c!.url]), [
      [8, 2, "/timeline/2017/02/08/"],
      [20, 1, "/timeline/2017/02/20/"],
    ]);
    assert.equal(pageAt(pages, "/timeline/2017/")!.calendar, undefined, "a year page has its months instead");
  });

  it("link each period to the nearest earlier and later periods that have articles", () => {
    const { pages } = buildTimeline([article("a", "2016-12-30"), article("b", "2017-01-05"), article("c", "2017-03-02"), article("d", "2019-07")]);
    const jan = pageAt(pages, "/timeline/2017/01/")!;
    assert.deepEqual(jan.previousPeriod, { label: "December 2016", url: "/timeline/2016/12/" });
    assert.deepEqual(jan.nextPeriod, { label: "March 2017", url: "/timeline/2017/03/" });
    const mar = pageAt(pages, "/timeline/2017/03/")!;
    assert.deepEqual(mar.nextPeriod, { label: "July 2019", url: "/timeline/2019/07/" });
    const day = pageAt(pages, "/timeline/2017/03/02/")!;
    assert.deepEqual(day.previousPeriod, { label: "Thursday, January 5, 2017", url: "/timeline/2017/01/05/" });
    assert.equal(day.nextPeriod, undefined);
    const y2017 = pageAt(pages, "/timeline/2017/")!;
    assert.deepEqual([y2017.previousPeriod?.url, y2017.nextPeriod?.url], ["/timeline/2016/", "/timeline/2019/"]);
  });

  it("give breadcrumbs from the timeline down to the current period", () => {
    const { pages } = buildTimeline([article("a", "2017-02-08")]);
    assert.deepEqual(pageAt(pages, "/timeline/2017/02/08/")!.breadcrumbs, [
      { label: "Timeline", url: "/timeline/" },
      { label: "2017", url: "/timeline/2017/" },
      { label: "February", url: "/timeline/2017/02/" },
      { label: "8" },
    ]);
  });
});

describe("timeline overview", () => {
  it("counts articles per month for the chart and the table, month-precision ones included", () => {
    const { overview } = buildTimeline([article("a", "2017-02-08"), article("b", "2017-02"), article("c", "2017-04-01"), article("y", "2017"), article("n")]);
    const row = overview.years[0];
    assert.equal(row.count, 4);
    assert.equal(row.yearOnly, 1);
    assert.deepEqual(row.months.map((m) => m.count), [0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(row.months[1].url, "/timeline/2017/02/");
    assert.equal(row.months[0].url, undefined);
    assert.equal(overview.chartTotal, 3);
    const desc = parse(overview.chartSvg).querySelector("desc")!.text;
    assert.equal(desc, "3 articles, February 2017 to April 2017. February 2017: 2; April 2017: 1. Months not listed have none.");
  });
});

describe("an article's place in the timeline", () => {
  it("links a day-precision article to its day, month and year", () => {
    assert.deepEqual(articleTimelineLinks({ date: "2017-02-08", date_precision: "day" }), {
      year: { label: "2017", url: "/timeline/2017/" },
      month: { label: "February 2017", url: "/timeline/2017/02/" },
      day: { label: "February 8, 2017", url: "/timeline/2017/02/08/" },
    });
    assert.equal(articleTimelineLinks({ date: "2017-02", date_precision: "month" })!.day, undefined);
    assert.equal(articleTimelineLinks({}), undefined);
  });

  it("says what an inferred date was read from, quoting the evidence", () => {
    assert.equal(dateInferenceNote({ date: "2016-09-19", date_source: "text", date_evidence: "Posted on Sept. 19, 2016" }), "read from “Posted on Sept. 19, 2016”");
    assert.equal(dateInferenceNote({ date: "2016-09-21", date_source: "dateline", date_evidence: "MIAMI, Sept. 21, 2016 -" }), "read from the dateline “MIAMI, Sept. 21, 2016 -”");
    assert.equal(
      dateInferenceNote({ date: "1987-02-26", date_source: "folder_default", date_evidence: "“SALVADOR, Feb 26 -” and reuters/_defaults.yml: year 1987" }),
      "from “SALVADOR, Feb 26 -” and reuters/_defaults.yml: year 1987",
    );
    assert.equal(dateInferenceNote({ date: "1987", date_source: "folder_default", date_evidence: "reuters/_defaults.yml: year 1987" }), "from reuters/_defaults.yml: year 1987");
    assert.equal(dateInferenceNote({ date_month_day: "03-16", date_source: "dateline", date_evidence: "HOT SPRINGS, Ark., March 16 -" }), "read from the dateline “HOT SPRINGS, Ark., March 16 -”");
    assert.equal(dateInferenceNote({ date: "2017-01-26", date_source: "front_matter" }), undefined);
    assert.equal(dateInferenceNote({ date: "2017-01-26", date_source: "file_name" }), undefined);
    assert.ok(dateInferenceNote({ date: "2017-01-26", date_source: "text", date_evidence: "x".repeat(500) })!.length < 160);
  });
});
