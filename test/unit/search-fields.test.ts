import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { BROWSE_WORD, EAGER_FILTERS, FILTER_NAMES, searchFields, type SearchableArticle } from "../../src/site/search-fields.ts";
import { COUNTED_FILTERS } from "../../src/site/search-index-files.ts";
import { projectRoot } from "../helpers/site-build.ts";

const base: SearchableArticle = { tags: [], people: [], organizations: [], places: [], date: undefined, date_precision: undefined };
const values = (a: SearchableArticle, name: string) => searchFields(a).filters.filter((f) => f.name === name).map((f) => f.value);
const meta = (a: SearchableArticle, name: string) => searchFields(a).meta.filter((m) => m.name === name).map((m) => m.value);

describe("what an article page hands Pagefind (searchFields)", () => {
  it("gives a day-precision article its year, month and day", () => {
    const a = { ...base, date: "2017-02-08", date_label: "Wednesday, February 8, 2017" };
    assert.deepEqual([values(a, "year"), values(a, "month"), values(a, "date")], [["2017"], ["2017-02"], ["2017-02-08"]]);
    assert.deepEqual(meta(a, "date"), ["Wednesday, February 8, 2017"]);
  });

  it("gives coarser dates only what they know, and an undated article the year filter “Undated” and no month", () => {
    assert.deepEqual(values({ ...base, date: "2017-02" }, "date"), ["2017-02"]);
    assert.deepEqual(values({ ...base, date: "2017" }, "month"), []);
    assert.deepEqual(values({ ...base, date: "2017-02-08", date_precision: "month" }, "date"), ["2017-02"], "a coarser precision wins over the string");
    const undated = { ...base };
    assert.deepEqual([values(undated, "year"), values(undated, "month"), values(undated, "date")], [["Undated"], [], []]);
    assert.deepEqual(meta(undated, "date"), ["Undated"]);
    assert.deepEqual(values({ ...base, date: "2017-02-30" }, "year"), ["Undated"], "an impossible date is no date");
  });

  it("shows the date as the site shows it everywhere (inferred ones say so), and a month and day without a year as such", () => {
    assert.deepEqual(meta({ ...base, date: "2017-02-08", date_label: "Wednesday, February 8, 2017 (inferred)" }, "date"), ["Wednesday, February 8, 2017 (inferred)"]);
    const yearless = { ...base, date_label: "March 16, year unknown" };
    assert.deepEqual([meta(yearless, "date"), values(yearless, "year")], [["March 16, year unknown"], ["Undated"]]);
  });

  it("lists each name once per kind, the source and the section when there is one", () => {
    const a = { ...base, people: ["Ada Park", "Ada Park", "Bo Li"], tags: ["transit"], source: "Harbor Ledger", section: "economy" };
    assert.deepEqual(values(a, "person"), ["Ada Park", "Bo Li"]);
    // A section is shown by its name (data/sections.json), not its id.
    assert.deepEqual([values(a, "tag"), values(a, "source"), values(a, "section")], [["transit"], ["Harbor Ledger"], ["Economy, business and finance"]]);
    assert.deepEqual([meta(a, "source"), meta(a, "section")], [["Harbor Ledger"], ["Economy, business and finance"]]);
    assert.deepEqual(values(base, "section"), []);
  });

  it("gives every article the browse word, the same one the search page searches for", async () => {
    assert.deepEqual(meta(base, "browse"), [BROWSE_WORD]);
    const script = await readFile(path.join(projectRoot, "layouts/search-ui/search/pagefind.js"), "utf8");
    assert.match(script, new RegExp(`export const BROWSE_WORD = "${BROWSE_WORD}";`));
  });
});

describe("search fields, every kind", () => {
  it("lists organizations, places, events and works under their own filters, in the article's order, once each", () => {
    const a = { ...base, organizations: ["Port Authority", "Port Authority"], places: ["Miami", "Havana"], events: ["Harbor Festival"], tags: ["ferries", "storms"] };
    assert.deepEqual(searchFields(a).filters, [
      { name: "year", value: "Undated" },
      { name: "tag", value: "ferries" },
      { name: "tag", value: "storms" },
      { name: "organization", value: "Port Authority" },
      { name: "place", value: "Miami" },
      { name: "place", value: "Havana" },
      { name: "event", value: "Harbor Festival" },
    ]);
  });

  it("writes early years with four digits, so they sort and filter beside the rest", () => {
    const a = { ...base, date: "0987-03-16", date_precision: "day" as const };
    assert.deepEqual([values(a, "year"), values(a, "month"), values(a, "date")], [["0987"], ["0987-03"], ["0987-03-16"]]);
    assert.deepEqual(values({ ...base, date: "0987", date_precision: "year" as const }, "year"), ["0987"]);
  });

  it("shows a section id the taxonomy does not know as it is, in the filter and the result", () => {
    const a = { ...base, section: "obituaries" };
    assert.deepEqual([values(a, "section"), meta(a, "section")], [["obituaries"], ["obituaries"]]);
  });

  it("gives a result its date, source and section, in that order, and nothing it does not have", () => {
    assert.deepEqual(searchFields({ ...base, source: "Harbor Ledger", section: "sport", date: "2017-02-08", date_label: "Wednesday, February 8, 2017" }).meta, [
      { name: "date", value: "Wednesday, February 8, 2017" },
      { name: "source", value: "Harbor Ledger" },
      { name: "section", value: "Sport" },
      { name: "browse", value: BROWSE_WORD },
    ]);
    assert.deepEqual(searchFields(base).meta, [{ name: "date", value: "Undated" }, { name: "browse", value: BROWSE_WORD }]);
  });
});

describe("search fields, edges", () => {
  it("give an article with no names, source, section or events only its year", () => {
    assert.deepEqual(searchFields(base).filters, [{ name: "year", value: "Undated" }]);
  });

  it("cut a date to its precision, not to its string's length", () => {
    assert.deepEqual(values({ ...base, date: "2017-02-08", date_precision: "year" }, "date"), ["2017"]);
    assert.deepEqual(values({ ...base, date: "2017-02-08", date_precision: "year" }, "month"), []);
  });

  it("load with the index exactly the filters whose whole-archive counts the build writes beside it", () => {
    assert.deepEqual([...EAGER_FILTERS], [...COUNTED_FILTERS]);
    for (const name of EAGER_FILTERS) assert.ok((FILTER_NAMES as readonly string[]).includes(name), name);
  });
});
