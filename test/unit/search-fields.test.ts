import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { BROWSE_WORD, searchFields, type SearchableArticle } from "../../src/site/search-fields.ts";
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
