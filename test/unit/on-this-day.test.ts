import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildOnThisDay, type DayArticle } from "../../src/site/on-this-day.ts";

const article = (slug: string, date?: string, extra: Partial<DayArticle> = {}): DayArticle => ({ slug, title: `Title ${slug}`, url: `/articles/${slug}/`, date, ...extra });

describe("on this day (buildOnThisDay)", () => {
  const archive = [
    article("a", "2017-03-16"),
    article("b", "1987-03-16"),
    article("c", "2016-03-16"),
    article("yearless", undefined, { date_month_day: "03-16" }),
    article("month-only", "2017-03"),
    article("year-only", "2017"),
    article("leap", "2016-02-29"),
    article("december", "2015-12-31"),
    article("undated"),
  ];

  it("gives each calendar day with articles a page, newest year first and an unknown year last", () => {
    const { pages } = buildOnThisDay(archive);
    assert.deepEqual(pages.map((p) => p.url), ["/on-this-day/02-29/", "/on-this-day/03-16/", "/on-this-day/12-31/"]);
    const march = pages.find((p) => p.monthDay === "03-16")!;
    assert.equal(march.heading, "On this day: March 16");
    assert.deepEqual(march.sections.map((s) => [s.heading, s.items.map((i) => i.url)]), [
      ["2017", ["/articles/a/"]],
      ["2016", ["/articles/c/"]],
      ["1987", ["/articles/b/"]],
      ["Year unknown", ["/articles/yearless/"]],
    ]);
    assert.equal(march.countLabel, "4 articles from March 16 of any year");
    assert.deepEqual([march.previousDay?.url, march.nextDay?.url], ["/on-this-day/02-29/", "/on-this-day/12-31/"]);
    assert.equal(pages.find((p) => p.monthDay === "12-31")!.nextDay!.url, "/on-this-day/02-29/", "round the year");
  });

  it("shows on the home page the build's day, or the next day after it that has articles, round the year", () => {
    assert.equal(buildOnThisDay(archive, "2026-03-16").home!.heading, "On this day, March 16");
    assert.deepEqual(buildOnThisDay(archive, "2026-03-16").home!.items.map((i) => i.url), ["/articles/a/", "/articles/c/", "/articles/b/", "/articles/yearless/"]);
    const next = buildOnThisDay(archive, "2026-03-17").home!;
    assert.deepEqual([next.heading, next.url], ["Next in the calendar: December 31", "/on-this-day/12-31/"]);
    assert.equal(buildOnThisDay(archive, "2026-12-31").home!.url, "/on-this-day/12-31/");
    assert.equal(buildOnThisDay([article("x", "2020-06-01")], "2026-07-01").home!.url, "/on-this-day/06-01/", "after the last day, the first");
    assert.equal(buildOnThisDay([article("u"), article("m", "2017-03")], "2026-03-16").home, undefined, "nothing dated to a day");
  });

  it("offers all of a busy day's articles from the home page, and lists the days month by month", () => {
    const busy = Array.from({ length: 7 }, (_, i) => article(`d${i}`, `${2010 + i}-05-04`));
    const home = buildOnThisDay(busy, "2026-05-04").home!;
    assert.equal(home.items.length, 5);
    assert.equal(home.moreLabel, "All 7 articles from May 4");
    const { index } = buildOnThisDay(archive);
    assert.deepEqual(index.months.map((m) => [m.label, m.days.map((d) => `${d.label}:${d.count}`)]), [
      ["February", ["29:1"]],
      ["March", ["16:4"]],
      ["December", ["31:1"]],
    ]);
    assert.equal(index.months[1].days[0].fullLabel, "March 16: 4 articles");
  });

  it("splits a day of more than a hundred articles into pages", () => {
    const many = Array.from({ length: 230 }, (_, i) => article(`n${i}`, `${1900 + i}-01-01`));
    const pages = buildOnThisDay(many).pages;
    assert.deepEqual(pages.map((p) => [p.url, p.sections.reduce((n, s) => n + s.items.length, 0)]), [
      ["/on-this-day/01-01/", 100],
      ["/on-this-day/01-01/page/2/", 100],
      ["/on-this-day/01-01/page/3/", 30],
    ]);
    assert.equal(pages[0].sections[0].heading, "2129", "newest year first");
  });
});
