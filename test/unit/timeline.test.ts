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
      // 120 runs: with 60, one seed in a hundred made fewer than 10 listings of three pages
      // (300 seeds: 8 at the least, 25 at the median); with 120, 26 at the least.
      { numRuns: 120 },
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
      "the day read from the dateline “SALVADOR, Feb 26 -”, the year from the collection's dates",
    );
    assert.equal(dateInferenceNote({ date: "1987", date_source: "folder_default", date_evidence: "reuters/_defaults.yml: year 1987" }), "the collection's dates: the article gives none");
    assert.equal(
      dateInferenceNote({ date: "2016-09", date_source: "folder_default", date_evidence: "buzzfeed/_defaults.yml: period 2016-09-19..2016-09-27" }),
      "the collection's dates: the article gives none",
      "a reader is never shown a settings file's path",
    );
    assert.equal(dateInferenceNote({ date_month_day: "03-16", date_source: "dateline", date_evidence: "HOT SPRINGS, Ark., March 16 -" }), "read from the dateline “HOT SPRINGS, Ark., March 16 -”");
    assert.equal(dateInferenceNote({ date: "2017-01-26", date_source: "front_matter" }), undefined);
    assert.equal(dateInferenceNote({ date: "2017-01-26", date_source: "file_name" }), undefined);
    assert.ok(dateInferenceNote({ date: "2017-01-26", date_source: "text", date_evidence: "x".repeat(500) })!.length < 160);
  });
});

describe("timeline overview, as the /timeline/ page prints it", () => {
  it("sums up the archive in one sentence: how many dated, over which years, how many undated", () => {
    const many = buildTimeline([article("a", "2016-05-01"), article("b", "2017-02"), article("c", "2017"), article("n")]).overview;
    assert.equal(many.summary, "3 dated articles from 2016 to 2017; 1 undated.");
    const one = buildTimeline([article("a", "2017-02-08")]).overview;
    assert.equal(one.summary, "1 dated article from 2017; 0 undated.");
    const sameYear = buildTimeline([article("a", "2017-02-08"), article("b", "2017-11-30")]).overview;
    assert.equal(sameYear.summary, "2 dated articles from 2017; 0 undated.");
    const none = buildTimeline([article("n"), article("m")]).overview;
    assert.equal(none.summary, "0 dated articles; 2 undated.");
    assert.equal(buildTimeline([]).overview.summary, "0 dated articles; 0 undated.");
  });

  it("says how many undated articles still have a month and day, and writes large counts with separators", () => {
    const monthDay = (slug: string): TimelineArticle => ({ ...article(slug), date_month_day: "03-16" });
    const { overview } = buildTimeline([monthDay("x"), monthDay("y"), article("n"), article("a", "1987-03-16")]);
    assert.equal(overview.summary, "1 dated article from 1987; 3 undated (2 with a month and day but no year).");
    // A month and day beside a usable date is no undated article.
    const dated = buildTimeline([{ ...article("a", "1987-03-16"), date_month_day: "03-16" }]).overview;
    assert.equal(dated.summary, "1 dated article from 1987; 0 undated.");
    const big = buildTimeline(Array.from({ length: 1234 }, (_, i) => article(`a${i}`, "2017-02-08"))).overview;
    assert.equal(big.summary, "1,234 dated articles from 2017; 0 undated.");
  });

  it("gives each year a row: its link, count, year-only count and twelve month cells named and linked", () => {
    const { overview } = buildTimeline([article("a", "2016-12-30"), article("b", "2017-02-08"), article("c", "2017-02"), article("y", "2017"), article("n")]);
    assert.deepEqual(overview.monthNames, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
    assert.deepEqual(
      overview.years.map((y) => [y.label, y.url, y.count, y.yearOnly]),
      [
        ["2016", "/timeline/2016/", 1, 0],
        ["2017", "/timeline/2017/", 3, 1],
      ],
    );
    const y2017 = overview.years[1];
    assert.deepEqual(y2017.months.map((m) => m.label), overview.monthNames);
    assert.deepEqual(y2017.months[1], { label: "Feb", fullLabel: "February 2017", count: 2, url: "/timeline/2017/02/" });
    assert.deepEqual(y2017.months[11], { label: "Dec", fullLabel: "December 2017", count: 0, url: undefined });
    assert.deepEqual(overview.years[0].months[11], { label: "Dec", fullLabel: "December 2016", count: 1, url: "/timeline/2016/12/" });
    assert.deepEqual(overview.undated, { label: "Undated", url: "/timeline/undated/", count: 1 });
    assert.equal(overview.dated, 4);
  });

  it("titles the chart with the years it spans, and draws none when nothing is dated to the month", () => {
    const span = buildTimeline([article("a", "2016-12-30"), article("b", "2017-02-08")]).overview;
    assert.equal(parse(span.chartSvg).querySelector("title")!.text, "Articles per month, 2016–2017");
    // Its text alternative's ids are the timeline chart's own, apart from any other chart on a page.
    const svg = parse(span.chartSvg);
    assert.equal(svg.querySelector("title")!.getAttribute("id"), "timeline-chart-title");
    assert.equal(svg.querySelector("desc")!.getAttribute("id"), "timeline-chart-desc");
    const single = buildTimeline([article("a", "2017-02-08")]).overview;
    assert.equal(parse(single.chartSvg).querySelector("title")!.text, "Articles per month in 2017");
    const yearsOnly = buildTimeline([article("y", "2017")]).overview;
    assert.equal(yearsOnly.chartTotal, 0);
    assert.equal(yearsOnly.chartSvg, "");
  });
});

describe("timeline page texts", () => {
  const { pages } = buildTimeline([article("a", "2017-02-08"), article("b", "2017-02-08"), article("m", "2017-02"), article("c", "2017-03-01"), article("y", "2017"), article("n")]);

  it("name a year page, its months and their counts, and its sections by month", () => {
    const year = pageAt(pages, "/timeline/2017/")!;
    assert.equal(year.kind, "year");
    assert.equal(year.heading, "Articles from 2017");
    assert.equal(year.title, "Articles from 2017");
    assert.equal(year.countLabel, "5 articles");
    assert.equal(year.count, 5);
    assert.equal(year.coarseCount, 1);
    assert.equal(year.childrenLabel, "Months of 2017");
    assert.deepEqual(year.children, [
      { label: "February", url: "/timeline/2017/02/", count: 3 },
      { label: "March", url: "/timeline/2017/03/", count: 1 },
    ]);
    assert.deepEqual(year.breadcrumbs, [{ label: "Timeline", url: "/timeline/" }, { label: "2017" }]);
    assert.deepEqual(
      year.sections.map((s) => [s.heading, s.url, s.items.map((i) => i.url)]),
      [
        ["February 2017", "/timeline/2017/02/", ["/articles/a/", "/articles/b/", "/articles/m/"]],
        ["March 2017", "/timeline/2017/03/", ["/articles/c/"]],
        ["Date known only to the year", undefined, ["/articles/y/"]],
      ],
    );
    assert.deepEqual(year.pager, { previous: "Earlier articles", next: "Later articles" });
    assert.equal(year.previousUrl, undefined);
    assert.equal(year.nextUrl, undefined);
  });

  it("name a month page, its days and their counts", () => {
    const month = pageAt(pages, "/timeline/2017/02/")!;
    assert.equal(month.kind, "month");
    assert.equal(month.heading, "Articles from February 2017");
    assert.equal(month.countLabel, "3 articles");
    assert.equal(month.childrenLabel, "Days of February 2017");
    assert.deepEqual(month.children, [{ label: "8", url: "/timeline/2017/02/08/", count: 2 }]);
    assert.deepEqual(month.breadcrumbs, [{ label: "Timeline", url: "/timeline/" }, { label: "2017", url: "/timeline/2017/" }, { label: "February" }]);
    assert.equal(pageAt(pages, "/timeline/2017/03/")!.countLabel, "1 article");
  });

  it("name a day page by its weekday and date, in one unnamed section", () => {
    const day = pageAt(pages, "/timeline/2017/02/08/")!;
    assert.equal(day.kind, "day");
    assert.equal(day.heading, "Articles from Wednesday, February 8, 2017");
    assert.equal(day.title, "Articles from Wednesday, February 8, 2017");
    assert.equal(day.countLabel, "2 articles");
    assert.deepEqual(day.children, []);
    assert.equal(day.childrenLabel, "");
    assert.equal(day.coarseCount, 0);
    assert.deepEqual(day.sections.map((s) => [s.heading, s.url, s.items.length]), [[undefined, undefined, 2]]);
    assert.equal(day.calendar, undefined);
  });

  it("name the undated page and link it back to the timeline", () => {
    const undated = pageAt(pages, "/timeline/undated/")!;
    assert.equal(undated.kind, "undated");
    assert.equal(undated.heading, "Undated articles");
    assert.equal(undated.countLabel, "1 article");
    assert.deepEqual(undated.breadcrumbs, [{ label: "Timeline", url: "/timeline/" }, { label: "Undated" }]);
    assert.deepEqual(undated.children, []);
    assert.equal(undated.coarseCount, 0);
    assert.equal(undated.previousPeriod, undefined);
    assert.equal(undated.nextPeriod, undefined);
  });

  it("page the undated list in slug order", () => {
    const many = buildTimeline(Array.from({ length: 150 }, (_, i) => article(`u${String(149 - i).padStart(3, "0")}`)));
    const listing = many.pages.filter((p) => p.kind === "undated");
    assert.deepEqual(listing.map((p) => p.url), ["/timeline/undated/", "/timeline/undated/page/2/"]);
    assert.equal(listing[1].title, "Undated articles (page 2 of 2)");
    const slugs = listing.flatMap(urlsOn);
    assert.deepEqual(slugs, [...slugs].sort());
    assert.equal(slugs[0], "/articles/u000/");
  });

  it("repeat a section's heading on the next page when it runs over", () => {
    const many = buildTimeline(Array.from({ length: 130 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, i < 90 ? "2017-02-08" : "2017-02-09")));
    const month = many.pages.filter((p) => p.kind === "month");
    assert.deepEqual(month[0].sections.map((s) => [s.heading, s.items.length]), [["Wednesday, February 8", 90], ["Thursday, February 9", 10]]);
    assert.deepEqual(month[1].sections.map((s) => [s.heading, s.items.length]), [["Thursday, February 9", 30]]);
  });
});

describe("timeline order", () => {
  it("lists a year-only article after every dated day of its year, and a month-only one after the days of its month, whatever the input order", () => {
    const input = [article("y", "2017"), article("m", "2017-02"), article("d2", "2017-02-28"), article("d1", "2017-02-01"), article("j", "2017-01-31"), article("n", "2017-12-31")];
    for (const articles of [input, [...input].reverse()]) {
      const { pages } = buildTimeline(articles);
      assert.deepEqual(urlsOn(pageAt(pages, "/timeline/2017/")), ["/articles/j/", "/articles/d1/", "/articles/d2/", "/articles/m/", "/articles/n/", "/articles/y/"]);
      assert.deepEqual(pages.filter((p) => p.kind === "year" || p.kind === "month").map((p) => p.url), ["/timeline/2017/", "/timeline/2017/01/", "/timeline/2017/02/", "/timeline/2017/12/"]);
    }
  });

  it("orders articles of one day by slug, whatever the input order", () => {
    const input = [article("b", "2017-02-08"), article("c", "2017-02-08"), article("a", "2017-02-08")];
    for (const articles of [input, [...input].reverse(), [input[2], input[0], input[1]]]) {
      assert.deepEqual(urlsOn(pageAt(buildTimeline(articles).pages, "/timeline/2017/02/08/")), ["/articles/a/", "/articles/b/", "/articles/c/"]);
    }
    const undated = [article("b"), article("c"), article("a")];
    for (const articles of [undated, [...undated].reverse()]) {
      assert.deepEqual(urlsOn(pageAt(buildTimeline(articles).pages, "/timeline/undated/")), ["/articles/a/", "/articles/b/", "/articles/c/"]);
    }
  });

  it("puts years before 1000 before later ones", () => {
    const { overview, pages } = buildTimeline([article("late", "1066-10-14"), article("early", "0999-05-01")]);
    assert.deepEqual(overview.years.map((y) => y.label), ["999", "1066"]);
    assert.deepEqual(pageAt(pages, "/timeline/1066/")!.previousPeriod, { label: "999", url: "/timeline/999/" });
    // The chart runs from May 999 to October 1066, its description naming both months.
    assert.equal(overview.chartTotal, 2);
    assert.match(parse(overview.chartSvg).querySelector("desc")!.text, /^2 articles, May 0?999 to October 1066\./);
  });

  it("keeps years, months and days in time order in the period links", () => {
    const { pages } = buildTimeline([article("c", "2018-01-02"), article("a", "2017-12-31"), article("b", "2018-01-01")]);
    const days = pages.filter((p) => p.kind === "day");
    assert.deepEqual(days.map((p) => p.url), ["/timeline/2017/12/31/", "/timeline/2018/01/01/", "/timeline/2018/01/02/"]);
    assert.deepEqual(days.map((p) => [p.previousPeriod?.url, p.nextPeriod?.url]), [
      [undefined, "/timeline/2018/01/01/"],
      ["/timeline/2017/12/31/", "/timeline/2018/01/02/"],
      ["/timeline/2018/01/01/", undefined],
    ]);
  });
});

describe("reading an article's date", () => {
  it("accepts only a whole day, month or year, never a time or another ISO form", () => {
    assert.deepEqual(placeDate("2017-02-08"), { precision: "day", year: 2017, month: 2, day: 8 });
    assert.deepEqual(placeDate("2017-02"), { precision: "month", year: 2017, month: 2, day: undefined });
    assert.deepEqual(placeDate("2017"), { precision: "year", year: 2017, month: undefined, day: undefined });
    for (const other of ["2017-02-08T10:00", "2017-02-08T10", "20170208", "2017-W05-3", "2017-039", "+002017-02-08", "+002017-02", "2017-02-08T1000-05", "x2017", "2017-02-0"]) {
      assert.equal(placeDate(other), undefined, other);
    }
    assert.equal(placeDate(""), undefined);
    assert.equal(placeDate(undefined), undefined);
  });

  it("lets a coarser date_precision win, never a finer one", () => {
    assert.deepEqual(placeDate("2017-02-08", "year"), { precision: "year", year: 2017, month: undefined, day: undefined });
    assert.deepEqual(placeDate("2017-02", "year"), { precision: "year", year: 2017, month: undefined, day: undefined });
    assert.deepEqual(placeDate("2017", "day"), { precision: "year", year: 2017, month: undefined, day: undefined });
    assert.deepEqual(placeDate("2017", "month"), { precision: "year", year: 2017, month: undefined, day: undefined });
    assert.deepEqual(placeDate("2017-02-08", "day"), { precision: "day", year: 2017, month: 2, day: 8 });
    // The same date read twice, with and without a precision, is placed each time by its own.
    assert.equal(placeDate("2017-02-09")!.precision, "day");
    assert.equal(placeDate("2017-02-09", "month")!.precision, "month");
  });

  it("links a month- or year-precision article only as far as its date goes", () => {
    assert.deepEqual(articleTimelineLinks({ date: "2017-02", date_precision: "month" }), {
      year: { label: "2017", url: "/timeline/2017/" },
      month: { label: "February 2017", url: "/timeline/2017/02/" },
    });
    assert.deepEqual(articleTimelineLinks({ date: "2017-02-08", date_precision: "year" }), { year: { label: "2017", url: "/timeline/2017/" } });
    assert.equal(articleTimelineLinks({ date: "2017-02-30", date_precision: "day" }), undefined);
  });
});

describe("the inferred-date note", () => {
  it("says where the date came from when there is no evidence to quote", () => {
    assert.equal(dateInferenceNote({ date: "2017-02-08", date_source: "dateline" }), "read from the dateline");
    assert.equal(dateInferenceNote({ date: "2017-02-08", date_source: "text" }), "read from the text");
    assert.equal(dateInferenceNote({ date: "1987", date_source: "folder_default" }), "the collection's dates: the article gives none");
    assert.equal(dateInferenceNote({ date: "2017-02-08", date_source: "text", date_evidence: " \n " }), "read from the text");
  });

  it("says nothing for an article with neither a date nor a month and day", () => {
    assert.equal(dateInferenceNote({ date_source: "text", date_evidence: "Posted on Sept. 19" }), undefined);
    assert.equal(dateInferenceNote({ date_source: "dateline", date_evidence: "MIAMI -" }), undefined);
  });

  it("quotes the evidence on one line, cut with an ellipsis only past 120 characters", () => {
    assert.equal(dateInferenceNote({ date: "2016-09-19", date_source: "text", date_evidence: "  Posted\n on   Sept. 19,\t2016 " }), "read from “Posted on Sept. 19, 2016”");
    const exact = "x".repeat(120);
    assert.equal(dateInferenceNote({ date: "2016-09-19", date_source: "text", date_evidence: exact }), `read from “${exact}”`);
    assert.equal(dateInferenceNote({ date: "2016-09-19", date_source: "text", date_evidence: `${exact}y` }), `read from “${"x".repeat(119)}…”`);
  });
});
