import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArticleError } from "../../src/errors.ts";
import { applyFolderDefaults, folderDefaultsLookup, parseFolderDefaults, parsePeriod, type FolderDefaultsFile } from "../../src/ingest/folder-defaults.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

const NOW = new Date("2026-11-23T00:00:00Z");
const file = (path: string, yaml: string): FolderDefaultsFile => ({ file: path, defaults: parseFolderDefaults(yaml, path) });

function refused(yaml: string): ArticleError {
  try {
    parseFolderDefaults(yaml, "wire/_defaults.yml");
  } catch (error) {
    assert.ok(error instanceof ArticleError, String(error));
    assert.equal(error.file, "wire/_defaults.yml");
    return error;
  }
  assert.fail(`accepted: ${yaml}`);
}

describe("reading a _defaults.yml", () => {
  it("reads source, year, lang and authors", () => {
    assert.deepEqual(parseFolderDefaults("source: Reuters\nyear: 1987\nlang: en\nauthors: [Wire Staff]\n", "_defaults.yml"), {
      source: "Reuters",
      year: 1987,
      lang: "en",
      authors: ["Wire Staff"],
    });
    assert.deepEqual(parseFolderDefaults('year: "1987"', "_defaults.yml"), { year: 1987 });
    assert.deepEqual(parseFolderDefaults("# nothing yet\n", "_defaults.yml"), {});
    assert.deepEqual(parseFolderDefaults(" \n", "_defaults.yml"), {});
  });

  it("reads Windows and old Mac line ends, and counts lines in them", () => {
    assert.deepEqual(parseFolderDefaults("source: Reuters\r\nyear: 1987\r\n", "_defaults.yml"), { source: "Reuters", year: 1987 });
    assert.deepEqual(parseFolderDefaults("source: Reuters\ryear: 1987\r", "_defaults.yml"), { source: "Reuters", year: 1987 });
    assert.equal(refused("source: Reuters\r\nyear: 87\r\n").line, 2);
    assert.equal(refused("source: Reuters\ryear: 87").line, 2);
    assert.equal(refused("source: Reuters\r\nauthors: [Jane Doe\r\nlang: en\r\n").line, 3);
  });

  it("reads a section by its id or its name, and refuses one that is not a section", () => {
    assert.deepEqual(parseFolderDefaults("section: Sport\n", "_defaults.yml"), { section: "sport" });
    assert.match(refused("section: gossip\n").message, /section.*politics/);
  });

  it("gives every article in the folder its section unless the article sets its own", () => {
    const lookup = folderDefaultsLookup([file("sport/_defaults.yml", "section: sport")]);
    const text = (front: string) => `${front}Senate Passes Budget Bill\n\nSenators voted after the election campaign on the budget bill, the party leaders said.\n`;
    const result = ingestArchive(
      [
        { file: "sport/a.txt", bytes: new TextEncoder().encode(text("")), defaults: lookup("sport/a.txt") },
        { file: "sport/b.txt", bytes: new TextEncoder().encode(text("---\nsection: crime\n---\n")), defaults: lookup("sport/b.txt") },
        { file: "c.txt", bytes: new TextEncoder().encode(text("")), defaults: lookup("c.txt") },
      ],
      { now: NOW },
    );
    assert.deepEqual(result.articles.map((a) => [a.record.source_file, a.record.section]), [["c.txt", "politics"], ["sport/a.txt", "sport"], ["sport/b.txt", "crime"]]);
  });

  it("names the line of a key it does not know, and lists the keys it does", () => {
    const error = refused("source: Reuters\nsorce: AP\n");
    assert.equal(error.line, 2);
    assert.equal(error.message, 'wire/_defaults.yml:2: key "sorce" cannot be set for a folder. Keys a _defaults.yml can set: source, authors, lang, section, year, period.');
    assert.match(refused("yaer: 1987\nsorce: AP\n").message, /^wire\/_defaults\.yml:1: keys "yaer", "sorce" cannot be set for a folder\./);
  });

  it("says to use year or period when a folder is given a date", () => {
    const error = refused("source: Reuters\n\ndate: 1987-03-02\n");
    assert.equal(error.line, 3);
    assert.match(error.message, /use `year: 1987` or `period: 1987-02\.\.1987-10`/);
  });

  it("names the line of bad YAML and says what the file should hold", () => {
    const error = refused("source: Reuters\nauthors: [Jane Doe\nlang: en\n");
    assert.equal(error.line, 3);
    assert.match(error.message, /is not valid YAML \(missed comma between flow collection entries\)\. Fix it on that line or just above\./);
    assert.match(error.message, /`key: value` lines/);
    assert.equal(refused('source: "Reuters\nyear: 1987').line, 2);
    assert.equal(refused("year: 1987\nyear: 1988").line, 2);
  });

  it("refuses a value of the wrong kind on its line, saying how to write it", () => {
    assert.match(refused("source: Reuters\nyear: 87").message, /^wire\/_defaults\.yml:2: "year" is 87, which is not a year of four digits.*`year: 1987`/);
    assert.match(refused("authors: Jane Doe").message, /"authors" is "Jane Doe", which is not a list of names.*\[Jane Doe, John Roe\]/);
    assert.match(refused("lang: English").message, /"lang" is "English", which is not a language tag\. Use a language tag: `lang: en`\.$/);
    assert.match(refused("source:").message, /"source" is null, which is not a publisher's name\. Write the publisher's name: `source: Reuters`\.$/);
    const period = /which is not a span of dates\. Write the first and last month or day joined by two dots: `period: 1987-02\.\.1987-10`/;
    assert.match(refused("period: 1987-13").message, /:1: "period" is "1987-13", /);
    assert.match(refused("period: 1987-13").message, period);
    assert.match(refused("period: [1987]").message, period);
    assert.match(refused("period: 1987-10..1987-02").message, period);
  });

  it("refuses year and period together: they say the same thing", () => {
    const error = refused("year: 1987\nperiod: 1987-02..1987-10");
    assert.equal(error.line, 2);
    assert.match(error.message, /both `year` and `period`; they say the same thing\. Keep one: `year: 1987` for a whole year/);
  });

  it("refuses a list or a sentence where key: value lines belong", () => {
    for (const text of ["- source: Reuters", "Reuters wire copy from 1987", "1987"]) {
      const error = refused(text);
      assert.equal(error.line, 1, text);
      assert.match(error.message, /must be a list of `key: value` lines\. A _defaults\.yml holds `key: value` lines, for example `source: Reuters`/, text);
    }
  });
});

describe("what a maintainer is told about a broken _defaults.yml", () => {
  it("names the line of bad YAML in a file with old Mac line ends", () => {
    const error = refused("source: Reuters\rauthors: [Jane Doe\rlang: en\r");
    assert.equal(error.line, 3);
    assert.match(error.message, /^wire\/_defaults\.yml:3: is not valid YAML \(missed comma between flow collection entries\)\. /);
  });

  it("says what is wrong in the YAML without the parser's own line and column, however far down", () => {
    const error = refused(`${"# note\n".repeat(11)}source: Reuters\n            lang: en\n`);
    assert.equal(error.line, 13);
    assert.match(error.message, /^wire\/_defaults\.yml:13: is not valid YAML \(bad indentation of a mapping entry\)\. Fix it on that line or just above\./);
    assert.doesNotMatch(error.message, /line \d|column \d/);
  });

  it("refuses YAML nested too deep to read, without a line and without crashing", () => {
    const error = refused(`source: Reuters\nauthors: ${"[".repeat(20_000)}`);
    assert.equal(error.line, undefined);
    assert.match(error.message, /^wire\/_defaults\.yml: is not valid YAML \(Maximum call stack size exceeded\)\. Fix it on that line or just above\./);
  });

  it("names the line of a misspelled key even when it holds punctuation, and no line when the key is not at a line's start", () => {
    const dotted = refused("source: Wire\nsourc.: Typo\n");
    assert.equal(dotted.line, 2);
    assert.match(dotted.message, /^wire\/_defaults\.yml:2: key "sourc\." cannot be set for a folder\./);
    const inline = refused("{source: Wire, sorce: Typo}");
    assert.equal(inline.line, undefined);
    assert.match(inline.message, /^wire\/_defaults\.yml: key "sorce" cannot be set for a folder\./);
  });

  it("ends each refusal of a value with how to write that key", () => {
    assert.match(refused("year: 87").message, /which is not a year of four digits \(1800 or later\)\. Write the year as four digits: `year: 1987`\.$/);
    assert.match(refused("year: 1799").message, /Write the year as four digits: `year: 1987`\.$/);
    // A key with no example of its own gets the file's general example.
    assert.match(refused("section: gossip\n").message, /\. A _defaults\.yml holds `key: value` lines, for example `source: Reuters`/);
  });
});

describe("periods", () => {
  it("reads a year, a month, a day, and spans of them, ends included", () => {
    assert.deepEqual(parsePeriod("1987-02..1987-10"), { from: "1987-02-01", to: "1987-10-31" });
    assert.deepEqual(parsePeriod("2016-09-19..2016-09-27"), { from: "2016-09-19", to: "2016-09-27" });
    assert.deepEqual(parsePeriod("2016-02"), { from: "2016-02-01", to: "2016-02-29" });
    assert.deepEqual(parsePeriod("2004..2005"), { from: "2004-01-01", to: "2005-12-31" });
    assert.deepEqual(parsePeriod("2017-02-08"), { from: "2017-02-08", to: "2017-02-08" });
    assert.deepEqual(parsePeriod(" 1987-02 .. 1987-10 "), { from: "1987-02-01", to: "1987-10-31" });
    assert.deepEqual(parsePeriod("1800"), { from: "1800-01-01", to: "1800-12-31" });
  });

  it("refuses what is not a span of real days", () => {
    for (const bad of ["1987-02..1987-13", "1987-13..1988", "1987-02..", "..1987-10", "2017..2016", "2017-02-30", "2017-02-00", "1987-00", "87", "1987-02..1987-10..1987-12", "1799", "spring 1987", "1987-02x", "1987-02..1987-10x"]) {
      assert.equal(parsePeriod(bad), undefined, bad);
    }
  });
});

describe("which defaults an article inherits", () => {
  const lookup = folderDefaultsLookup([
    file("_defaults.yml", "source: Wire Service\nlang: en\nauthors: [Desk Staff]"),
    file("reuters/_defaults.yml", "source: Reuters\nyear: 1987"),
    file("reuters/autumn/_defaults.yml", "period: 1987-09..1987-10\nlang: de"),
  ]);

  it("a nearer file wins key by key over a farther one, down any depth", () => {
    assert.deepEqual(lookup("a.txt"), { values: { source: "Wire Service", lang: "en", authors: ["Desk Staff"] } });
    assert.deepEqual(lookup("reuters/a.txt"), {
      values: { source: "Reuters", lang: "en", authors: ["Desk Staff"] },
      period: { from: "1987-01-01", to: "1987-12-31", evidence: "reuters/_defaults.yml: year 1987" },
    });
    assert.deepEqual(lookup("reuters/autumn/deep/er/a.txt"), {
      values: { source: "Reuters", lang: "de", authors: ["Desk Staff"] },
      period: { from: "1987-09-01", to: "1987-10-31", evidence: "reuters/autumn/_defaults.yml: period 1987-09..1987-10" },
    });
    assert.deepEqual(lookup("other/a.txt"), lookup("a.txt"));
  });

  it("a folder without a _defaults.yml above it inherits nothing", () => {
    const only = folderDefaultsLookup([file("reuters/_defaults.yml", "year: 1987")]);
    assert.equal(only("bbc/a.txt"), undefined);
    assert.equal(only("a.txt"), undefined);
    assert.equal(folderDefaultsLookup([])("a.txt"), undefined);
  });

  it("an article's own front matter wins over its folders", () => {
    const inherited = lookup("reuters/a.txt");
    assert.deepEqual(applyFolderDefaults(inherited, { source: "AP", title: "Own Title" }), { source: "AP", title: "Own Title", lang: "en", authors: ["Desk Staff"] });
    assert.deepEqual(applyFolderDefaults(undefined, { source: "AP" }), { source: "AP" });
  });
});

describe("ingest with folder defaults", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const reuters = folderDefaultsLookup([file("_defaults.yml", "lang: en"), file("reuters/_defaults.yml", "source: Reuters\nyear: 1987\nauthors: [Wire Desk]")]);
  const article = (path: string, text: string) => ({ file: path, bytes: bytes(text), defaults: reuters(path) });

  const result = ingestArchive(
    [
      article("reuters/cocoa.txt", "COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in the cocoa zone, the review said, and arrivals rose.\n"),
      article("reuters/own.txt", "---\nsource: Own Desk\ndate: 1988-01-04\n---\nGRAIN REPORT\n\nCHICAGO, March 3 - Grain prices rose on the day as traders bought ahead of the weekend report.\n"),
      article("reuters/no-dateline.txt", "SHIPPING NOTE\n\nThe port said ships waited longer than usual to unload grain at the harbor this week.\n"),
      article("loose.txt", "Harbor Note\n\nMIAMI, June 5 - The harbor council met again and voted to repair the old pier before summer.\n"),
    ],
    { now: NOW },
  );
  const record = (file: string) => result.articles.find((a) => a.record.source_file === file)!.record;

  it("gives each article its folders' source, language and authors", () => {
    assert.deepEqual(result.errors, []);
    const cocoa = record("reuters/cocoa.txt");
    assert.equal(cocoa.source, "Reuters");
    assert.equal(cocoa.lang, "en");
    assert.deepEqual(cocoa.authors, ["Wire Desk"]);
    assert.equal(record("loose.txt").lang, "en");
    assert.equal(record("loose.txt").source, undefined);
  });

  it("completes a dateline's month and day with the folder's year, and says where the year came from", () => {
    const cocoa = record("reuters/cocoa.txt");
    assert.equal(cocoa.date, "1987-02-26");
    assert.equal(cocoa.date_precision, "day");
    assert.equal(cocoa.date_source, "folder_default");
    assert.match(cocoa.date_evidence!, /^“SALVADOR, Feb 26 -” and reuters\/_defaults\.yml: year 1987$/);
  });

  it("lets an article's own front matter win over its folder", () => {
    const own = record("reuters/own.txt");
    assert.equal(own.source, "Own Desk");
    assert.equal(own.date, "1988-01-04");
    assert.equal(own.date_source, "front_matter");
  });

  it("dates an article without a dateline to its folder's year, and one outside any dated folder not at all", () => {
    const note = record("reuters/no-dateline.txt");
    assert.deepEqual([note.date, note.date_precision, note.date_source], ["1987", "year", "folder_default"]);
    const loose = record("loose.txt");
    assert.equal(loose.date, undefined);
    assert.equal(loose.date_month_day, "06-05");
    const warning = result.warnings.find((w) => w.file === "loose.txt")!;
    assert.equal(warning.kind, "undated");
    assert.match(warning.message, /month and day only.*`year: YYYY` to a _defaults\.yml/);
  });
});
