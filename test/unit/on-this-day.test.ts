import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Settings } from "luxon";
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

describe("on this day, the details", () => {
  it("orders one year's articles by title, then URL, the same whatever the file order", () => {
    const same = [article("z", "2017-03-16", { title: "Beta" }), article("y", "2017-03-16", { title: "alpha" }), article("x", "2017-03-16", { title: "Beta" }), article("w", undefined, { date_month_day: "03-16", title: "Aardvark" })];
    for (const input of [same, [...same].reverse()]) {
      const page = buildOnThisDay(input).pages[0];
      assert.deepEqual(page.sections.map((s) => [s.heading, s.items.map((i) => i.url)]), [
        ["2017", ["/articles/y/", "/articles/x/", "/articles/z/"]],
        ["Year unknown", ["/articles/w/"]],
      ]);
    }
  });

  it("numbers and links a long day's pages, carrying a year's heading over a page break", () => {
    // 150 articles from 2001 and 60 from 2000: 2001 runs onto the second page.
    const many = [...Array.from({ length: 150 }, (_, i) => article(`n${String(i).padStart(3, "0")}`, "2001-07-04")), ...Array.from({ length: 60 }, (_, i) => article(`o${i}`, "2000-07-04"))];
    const pages = buildOnThisDay(many).pages;
    assert.deepEqual(pages.map((p) => [p.title, p.pageNumber, p.pageCount, p.previousUrl, p.nextUrl, p.count]), [
      ["On this day: July 4 (page 1 of 3)", 1, 3, undefined, "/on-this-day/07-04/page/2/", 210],
      ["On this day: July 4 (page 2 of 3)", 2, 3, "/on-this-day/07-04/", "/on-this-day/07-04/page/3/", 210],
      ["On this day: July 4 (page 3 of 3)", 3, 3, "/on-this-day/07-04/page/2/", undefined, 210],
    ]);
    assert.deepEqual(pages[1].sections.map((s) => [s.heading, s.items.length]), [["2001", 50], ["2000", 50]]);
    assert.deepEqual(pages.map((p) => p.label), ["July 4", "July 4", "July 4"]);
    assert.equal(pages[0].countLabel, "210 articles from July 4 of any year");
  });

  it("a single day links to no other day, says “1 article”, and a day of exactly a hundred is one page", () => {
    const one = buildOnThisDay([article("a", "2017-03-16")]);
    assert.deepEqual([one.pages[0].previousDay, one.pages[0].nextDay, one.pages[0].title], [undefined, undefined, "On this day: March 16"]);
    assert.equal(one.pages[0].countLabel, "1 article from March 16 of any year");
    assert.equal(one.index.months[0].days[0].fullLabel, "March 16: 1 article");
    assert.equal(one.index.dayCount, 1);
    assert.equal(one.home!.moreLabel, undefined);
    const hundred = buildOnThisDay(Array.from({ length: 100 }, (_, i) => article(`h${i}`, `${1900 + i}-09-09`)));
    assert.equal(hundred.pages.length, 1);
    assert.equal(hundred.pages[0].nextUrl, undefined);
  });

  it("on the home page, without a build day or with an unreadable one, shows the first day of the calendar", () => {
    const archive = [article("m", "2017-05-04"), article("j", "2016-01-02"), article("d", "2015-12-31")];
    for (const today of [undefined, "", "2026-5-4", "May 4", "abc2030-05-04", "2026-05-04T10:00"]) {
      const home = buildOnThisDay(archive, today).home!;
      assert.deepEqual([home.heading, home.url, home.count], ["Next in the calendar: January 2", "/on-this-day/01-02/", 1], String(today));
    }
    // Five articles on the day: all shown, no “more” link.
    const five = buildOnThisDay(Array.from({ length: 5 }, (_, i) => article(`f${i}`, `${2010 + i}-05-04`)), "2026-05-04").home!;
    assert.deepEqual([five.items.length, five.count, five.moreLabel], [5, 5, undefined]);
  });

  it("leaves out articles dated only to a month or a year, and a yearless date of an article that has a year", () => {
    const { pages } = buildOnThisDay([article("m", "2017-03"), article("y", "2017"), article("both", "2017", { date_month_day: "04-01" }), article("day", "2017-03-16", { date_precision: "month" })]);
    assert.deepEqual(pages, []);
  });
});

describe("on this day on a maintainer's machine set to another language", () => {
  it("still names days and months in English, as the rest of the site", () => {
    const before = Settings.defaultLocale;
    Settings.defaultLocale = "fr-FR";
    try {
      const { pages, index } = buildOnThisDay([article("a", "2017-03-16")]);
      assert.equal(pages[0].heading, "On this day: March 16");
      assert.equal(index.months[0].label, "March");
      assert.equal(index.months[0].days[0].fullLabel, "March 16: 1 article");
    } finally {
      Settings.defaultLocale = before;
    }
  });
});

describe("the on-this-day index", () => {
  it("lists every day of a month under it, in calendar order", () => {
    const { index } = buildOnThisDay([article("c", "2017-03-17"), article("a", "2016-03-16"), article("b", "2015-03-02"), article("d", "2015-04-01")]);
    assert.deepEqual(index.months.map((m) => [m.label, m.days.map((d) => d.label)]), [["March", ["2", "16", "17"]], ["April", ["1"]]]);
    assert.equal(index.dayCount, 4);
  });
});
