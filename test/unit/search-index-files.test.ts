import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { describe, it } from "node:test";
import fc from "fast-check";
import { archiveFilterCounts, dateOrder, readFragment, type IndexedPage } from "../../src/site/search-index-files.ts";

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
      fc.property(fc.array(fc.record({ date: dates, url: fc.string({ minLength: 1, maxLength: 4 }) }), { maxLength: 300 }), (specs) => {
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

describe("reading a Pagefind fragment file", () => {
  it("takes the page hash from the file name and the URL and filters from the compressed fragment", () => {
    const body = Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(JSON.stringify({ url: "/articles/a/", filters: { date: ["2017-02-08"] }, content: "…" }))]);
    assert.deepEqual(readFragment("fragment/en_1a2b3c4.pf_fragment", gzipSync(body)), { hash: "en_1a2b3c4", url: "/articles/a/", filters: { date: ["2017-02-08"] } });
    assert.equal(readFragment("index/en_1a2b3c4.pf_index", gzipSync(body)), undefined);
  });
});
