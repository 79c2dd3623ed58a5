import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { archiveFilterCounts, dateOrder, type IndexedPage } from "../../src/site/search-index-files.ts";

const page = (hash: string, url: string, date?: string, filters: Record<string, string[]> = {}): IndexedPage => ({ hash, url, filters: { ...filters, ...(date ? { date: [date] } : {}) } });

describe("the date order written beside the search index", () => {
  it("puts dated pages newest first, coarse dates beside their days as the site's lists do, ties by URL, undated last by URL", () => {
    const order = dateOrder([
      page("a", "/articles/a/", "2016-05-01"),
      page("u2", "/articles/z/"),
      page("b", "/articles/b/", "2017"),
      page("c", "/articles/c/", "2017-02-08"),
      page("d", "/articles/d/", "2017-02-08"),
      page("u1", "/articles/m/"),
      page("e", "/articles/e/", "2017-02"),
    ]);
    assert.deepEqual(order, { newest: ["c", "d", "e", "b", "a"], undated: ["u1", "u2"] });
  });

  it("holds every page exactly once, the dated ones in non-increasing date order, whatever the input order", () => {
    const dates = fc.option(fc.constantFrom("1987", "1987-03", "1987-03-02", "1987-03-19", "2016-09-21", "2016-09"), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.record({ date: dates, url: fc.string({ minLength: 1, maxLength: 4 }) }), { maxLength: 300, size: "max" }), (specs) => {
        const pages = specs.map((s, i) => page(`p${i}`, s.url, s.date));
        const { newest, undated } = dateOrder(pages);
        assert.deepEqual([...newest, ...undated].sort(), pages.map((p) => p.hash).sort());
        const dateOf = new Map(pages.map((p) => [p.hash, p.filters.date?.[0]]));
        for (let i = 1; i < newest.length; i++) assert.ok(dateOf.get(newest[i - 1])! >= dateOf.get(newest[i])!);
        assert.ok(undated.every((h) => !dateOf.get(h)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the archive's filter counts written beside the search index", () => {
  it("counts the short filters' values over all pages and names every filter any page has", () => {
    const pages = [
      page("a", "/a/", "2017-02-08", { year: ["2017"], month: ["2017-02"], source: ["Ledger"], person: ["Ada"] }),
      page("b", "/b/", "2017-03-01", { year: ["2017"], month: ["2017-03"], source: ["Courier"] }),
      page("c", "/c/", undefined, { year: ["Undated"], source: ["Ledger"], tag: [] }),
    ];
    assert.deepEqual(archiveFilterCounts(pages), {
      counts: { year: { "2017": 2, Undated: 1 }, month: { "2017-02": 1, "2017-03": 1 }, section: {}, source: { Courier: 1, Ledger: 2 } },
      present: ["date", "month", "person", "source", "year"],
    });
  });
});

describe("the search index files' edges", () => {
  it("orders pages of one date by URL, then by hash, the same whatever the input order", () => {
    const pages = [page("h2", "/b/", "2017-01-01"), page("h1", "/b/", "2017-01-01"), page("h3", "/a/", "2017-01-01"), page("u2", "/z/"), page("u1", "/z/"), page("u0", "/y/")];
    for (const input of [pages, [...pages].reverse()]) assert.deepEqual(dateOrder(input), { newest: ["h3", "h1", "h2"], undated: ["u0", "u1", "u2"] });
  });

  it("counts a value listed twice on one page once, and keys the counts in code-point order", () => {
    const counts = archiveFilterCounts([page("a", "/a/", undefined, { source: ["b", "B", "b"], year: ["2017"] }), page("b", "/b/", undefined, { source: ["a"], section: ["Politics"] })]);
    assert.deepEqual(counts.counts.source, { B: 1, a: 1, b: 1 });
    assert.deepEqual(Object.keys(counts.counts.source), ["B", "a", "b"]);
    assert.deepEqual(counts.counts.section, { Politics: 1 });
    assert.deepEqual(counts.present, ["section", "source", "year"]);
    assert.deepEqual(archiveFilterCounts([]), { counts: { year: {}, month: {}, section: {}, source: {} }, present: [] });
  });
});
