import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareNewestFirst, formatArticleDate, isInferredDate, machineDate, precisionOf } from "../../src/site/dates.ts";
import type { ArticleRecord } from "../../src/schema.ts";

function record(slug: string, date?: string): ArticleRecord {
  return {
    source_file: `${slug}.txt`,
    title: slug,
    title_source: "headline",
    slug,
    date,
    authors: [],
    people: [],
    organizations: [],
    places: [],
    tags: [],
    summary: "",
    word_count: 1,
    removed: [],
  };
}

describe("an article's date as readers see it", () => {
  it("is written out in full, as far as it is known", () => {
    assert.equal(formatArticleDate({ date: "2017-02-08" }), "Wednesday, February 8, 2017");
    assert.equal(formatArticleDate({ date: "2017-02" }), "February 2017");
    assert.equal(formatArticleDate({ date: "2017" }), "2017");
    assert.equal(formatArticleDate({}), undefined);
  });

  it("shows no more than its stated precision, whatever the date string's shape", () => {
    assert.equal(formatArticleDate({ date: "2017-02-08", date_precision: "month" }), "February 2017");
    assert.equal(formatArticleDate({ date: "2017-02-08", date_precision: "year" }), "2017");
    assert.equal(formatArticleDate({ date: "2017-02-08", date_precision: "day" }), "Wednesday, February 8, 2017");
  });

  it("never slips a day or changes language with the machine's time zone or locale", () => {
    const saved = { TZ: process.env.TZ, LANG: process.env.LANG };
    try {
      for (const [tz, lang] of [["Pacific/Honolulu", "de_DE.UTF-8"], ["Pacific/Kiritimati", "fr_FR.UTF-8"]]) {
        process.env.TZ = tz;
        process.env.LANG = lang;
        assert.equal(formatArticleDate({ date: "2017-01-01" }), "Sunday, January 1, 2017", tz);
        assert.equal(formatArticleDate({ date: "2016-12-31" }), "Saturday, December 31, 2016", tz);
      }
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("shows a month and day known without a year as such, and nothing for an impossible one", () => {
    assert.equal(formatArticleDate({ date_month_day: "03-16" }), "March 16, year unknown");
    assert.equal(formatArticleDate({ date_month_day: "02-29" }), "February 29, year unknown");
    assert.equal(formatArticleDate({ date_month_day: "02-30" }), undefined);
  });

  it("says '(inferred)' after a date ingest read from the article or its folder, not after one a contributor or the file name gave", () => {
    for (const source of ["dateline", "text", "folder_default"] as const) {
      assert.equal(formatArticleDate({ date: "2017-02", date_source: source }), "February 2017 (inferred)", source);
      assert.equal(isInferredDate({ date: "2017-02", date_source: source }), true);
    }
    assert.equal(formatArticleDate({ date_month_day: "03-16", date_source: "dateline" }), "March 16, year unknown (inferred)");
    for (const source of ["front_matter", "file_name", undefined] as const) {
      assert.equal(formatArticleDate({ date: "2017-02", date_source: source }), "February 2017", String(source));
      assert.equal(isInferredDate({ date: "2017-02", date_source: source }), false);
    }
    assert.equal(isInferredDate({ date_source: "dateline" }), false, "no date, nothing inferred");
  });

  it("gives <time> a machine-readable date: the ISO date, or HTML's yearless --MM-DD", () => {
    assert.equal(machineDate({ date: "2017-02-08" }), "2017-02-08");
    assert.equal(machineDate({ date: "2017", date_month_day: "03-16" }), "2017");
    assert.equal(machineDate({ date_month_day: "03-16" }), "--03-16");
    assert.equal(machineDate({}), undefined);
  });

  it("tells the precision from the date's shape", () => {
    assert.deepEqual(["2017-02-08", "2017-02", "2017"].map(precisionOf), ["day", "month", "year"]);
  });
});

describe("newest-first order (the archive's lists)", () => {
  it("puts later dates first, a date known only to the month (or year) after the exact dates within it, undated articles last, and ties by slug", () => {
    const records = [record("u2"), record("b", "2017-02-08"), record("old", "2016-12-31"), record("a", "2017-02-08"), record("m", "2017-02"), record("u1"), record("y", "2017")];
    const sorted = [...records].sort(compareNewestFirst).map((r) => r.slug);
    assert.deepEqual(sorted, ["a", "b", "m", "y", "old", "u1", "u2"]);
    for (let i = 0; i < 5; i++) {
      // The same order whatever order the records come in.
      const shuffled = records.map((r, j) => records[(j + i * 3) % records.length]);
      assert.deepEqual([...shuffled].sort(compareNewestFirst).map((r) => r.slug), sorted);
    }
  });

  it("calls an article equal only to itself", () => {
    const a = record("a", "2017-02-08");
    assert.equal(compareNewestFirst(a, a), 0);
    assert.ok(compareNewestFirst(a, record("b", "2017-02-08")) < 0);
    assert.ok(compareNewestFirst(record("b", "2017-02-08"), a) > 0);
    assert.ok(compareNewestFirst(record("z"), a) > 0);
    assert.ok(compareNewestFirst(a, record("z")) < 0);
  });
});
