import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractPublicationDate, type DateInput } from "../../src/ingest/dates.ts";

const NOW = new Date("2026-11-23T00:00:00Z");
const ARTICLES = resolve(import.meta.dirname, "../../articles");

function date(partial: Partial<DateInput>) {
  return extractPublicationDate({ paragraphs: [], fileName: "000_abc.txt", now: NOW, ...partial });
}

/**
 * A seed as ingest hands it over: the non-empty lines after the title, from the first
 * body line on (002 opens with a video caption and "Up Next", which ingest removes).
 */
const FIRST_BODY_LINE: Record<string, string> = { "002": "President Donald Trump said Wednesday" };

function seed(prefix: string) {
  const file = ["000_12e87a7c7f271ebb.txt", "001_5742304cf4503c0a.txt", "002_b04d322f93dc3252.txt", "004_8f3418854753f031.txt"].find((f) =>
    f.startsWith(prefix),
  )!;
  const lines = readFileSync(join(ARTICLES, file), "utf8").split("\n");
  const paragraphs = lines.slice(1).map((l) => l.trim()).filter(Boolean);
  const first = FIRST_BODY_LINE[prefix];
  return { fileName: file, paragraphs: first ? paragraphs.slice(paragraphs.findIndex((p) => p.startsWith(first))) : paragraphs };
}

test("a contributor's front-matter date is used as written, with its precision", () => {
  assert.deepEqual(date({ frontMatterDate: "2017-02-08", fileName: "2016-01-01-x.txt" }), {
    date: "2017-02-08",
    date_precision: "day",
    date_source: "front_matter",
    date_evidence: "front matter date: 2017-02-08",
  });
  assert.equal(date({ frontMatterDate: "2017-02" }).date_precision, "month");
  assert.equal(date({ frontMatterDate: "2017" }).date_precision, "year");
});

test("a front-matter date that does not exist or lies in the future is not used", () => {
  assert.equal(date({ frontMatterDate: "2017-02-30" }).date, undefined);
  assert.equal(date({ frontMatterDate: "2027-01-01" }).date, undefined);
  assert.equal(date({ frontMatterDate: "2017-02-30", fileName: "2017-02-08-x.txt" }).date_source, "file_name");
});

test("a date in the file name dates the article in any of the usual spellings", () => {
  for (const fileName of ["2017-02-08-miami-dade.txt", "20170208_miami.txt", "2017_02_08.txt", "news/2017/02/08/miami.txt"]) {
    const result = date({ fileName });
    assert.equal(result.date, "2017-02-08", fileName);
    assert.equal(result.date_source, "file_name");
    assert.equal(result.date_evidence, fileName);
  }
});

test("seed ids, corpus numbers and hex hashes in file names are not read as dates", () => {
  for (const fileName of ["000_12e87a7c7f271ebb.txt", "00001.txt", "002_b04d322f93dc3252.txt", "a20170208.txt", "201702081.txt"]) {
    assert.equal(date({ fileName }).date, undefined, fileName);
  }
});

test("a file-name date that is not a calendar day, is in the future or is before 1800 is ignored", () => {
  assert.equal(date({ fileName: "2017-02-30-x.txt" }).date, undefined);
  assert.equal(date({ fileName: "2017-13-01-x.txt" }).date, undefined);
  assert.equal(date({ fileName: "2026-11-24-tomorrow.txt" }).date, undefined);
  assert.equal(date({ fileName: "2026-11-23-today.txt" }).date, "2026-11-23");
  assert.equal(date({ fileName: "1799-12-31-x.txt" }).date, undefined);
  assert.equal(date({ fileName: "1800-01-01-x.txt" }).date, "1800-01-01");
});

test("a dateline gets its year from a day whose printed weekday fits only one year the article names", () => {
  const result = date({
    datelineRaw: "SALVADOR, Feb 26 -",
    paragraphs: ["Showers continued, the review said on Thursday, February 19.", "Output in 1986 was 6.4 mln bags."],
  });
  // Feb 19 was a Thursday in 1987, not in 1986 or 1988: the dateline's Feb 26 follows it.
  assert.equal(result.date, "1987-02-26");
  assert.equal(result.date_source, "dateline");
  assert.match(result.date_evidence!, /SALVADOR, Feb 26 -.*Thursday, February 19/);
});

test("a dateline with no year evidence leaves the article undated", () => {
  const result = date({ datelineRaw: "SALVADOR, Feb 26 -", paragraphs: ["Arrivals for the week ended February 22 were 155,221 bags."] });
  assert.deepEqual(result, {});
});

test("a year-ago comparison does not date a dateline to the year it names", () => {
  // "February 1986" is the comparison; the current February is printed without a year.
  const result = date({
    datelineRaw: "ANKARA, March 2 -",
    paragraphs: ["Turkish retail prices rose 2.7 pct in February after 2.9 pct in January and 1.7 pct in February 1986."],
  });
  assert.equal(result.date, undefined);
});

test("a dated weekday that contradicts its date is not trusted", () => {
  // Feb 19, 1987 was a Thursday, not a Friday.
  const result = date({ datelineRaw: "SALVADOR, Feb 26 -", paragraphs: ["The review was published on Friday, February 19, 1987."] });
  assert.equal(result.date, undefined);
});

test("a month and day with no year in the article stays undated even with a weekday", () => {
  const result = date({ paragraphs: ["The mayor signed the order on Thursday, Jan. 26.", "He said Friday he had no regrets."] });
  assert.equal(result.date, undefined);
});

test("a weekday in the lead names the day after the latest explicit date", () => {
  const result = date({
    paragraphs: [
      "A South Florida mayor ordered his employees on Thursday to work with immigration authorities.",
      "Trump signed the order on Jan. 25, 2017, threatening to withhold funding.",
    ],
  });
  assert.equal(result.date, "2017-01-26"); // Jan 25, 2017 was a Wednesday
  assert.equal(result.date_source, "text");
  assert.match(result.date_evidence!, /Thursday after Jan\. 25, 2017/);
});

test("a relative span moves the publication to the weekday that many days after the event", () => {
  const result = date({
    paragraphs: [
      "President Donald Trump said Wednesday he wants local cops to work with immigration authorities.",
      "For nearly two weeks, ever since Gimenez's Jan. 26, 2017 directive, Perez has been telling anyone who will listen.",
    ],
  });
  // Ten to fourteen days after Thursday Jan 26 is Feb 5-9; its Wednesday is Feb 8.
  assert.equal(result.date, "2017-02-08");
  assert.match(result.date_evidence!, /Wednesday, For nearly two weeks after Jan\. 26, 2017/);
});

test("a year named only inside a quotation about the past does not date the article", () => {
  const result = date({
    paragraphs: [
      'He said Thursday: "On Jan. 20, 1981 Reagan took office, and nothing was the same."',
      "The vote is on Thursday, Jan. 26.",
    ],
  });
  assert.equal(result.date, undefined);
});

test("explicit dates in the future of the build are never used", () => {
  const result = date({
    now: new Date("2017-01-25T12:00:00Z"),
    paragraphs: ["Officials said Thursday the rules changed.", "The agency acted on Jan. 26, 2017."],
  });
  assert.equal(result.date, undefined);
});

test("explicit dates before 1800 are never used", () => {
  const result = date({ paragraphs: ["The crew landed on Monday.", "They had sailed on Oct. 12, 1492."] });
  assert.equal(result.date, undefined);
});

test("an explicit date that does not exist on the calendar is ignored", () => {
  const result = date({ paragraphs: ["The board met on Thursday.", "It had voted on Feb. 30, 2017."] });
  assert.equal(result.date, undefined);
});

test("a date scheduled for later does not move the publication past it", () => {
  const result = date({
    paragraphs: ["The council said Monday it would vote.", "It acted on Feb. 6, 2017; a hearing is scheduled for March 3, 2017."],
  });
  assert.equal(result.date, "2017-02-06"); // the Monday on or after Feb 6, not after March 3
});

test("the seed articles name no year their month-days can be tied to, so they stay undated", () => {
  // 000: "Jan. 25" (caption) and "coming in 2017" are unrelated; 001: weekdays only;
  // 002: Jan. 25/26 with no year (Feb 8, ~two weeks later, is a Wednesday in 2017 and 2023);
  // 004: "January 28 to February 3" with no year.
  for (const prefix of ["000", "001", "002", "004"]) {
    assert.deepEqual(extractPublicationDate({ ...seed(prefix), now: NOW }), {}, prefix);
  }
});

test("seed 002 dates to Wednesday Feb 8, 2017 once its Jan. 26 directive carries its year", () => {
  const { fileName, paragraphs } = seed("002");
  const withYear = paragraphs.map((p) => p.replace("Jan. 26 directive", "Jan. 26, 2017 directive"));
  assert.equal(extractPublicationDate({ fileName, paragraphs: withYear, now: NOW }).date, "2017-02-08");
});

test("a seed's file name or front matter dates it", () => {
  const { paragraphs } = seed("002");
  assert.equal(extractPublicationDate({ fileName: "2017-02-08-miami.txt", paragraphs, now: NOW }).date, "2017-02-08");
  assert.equal(extractPublicationDate({ fileName: "x.txt", paragraphs, frontMatterDate: "2017-02", now: NOW }).date, "2017-02");
});

test("the evidence stays short", () => {
  const long = "x".repeat(500);
  const result = date({ paragraphs: [`He said Thursday ${long}.`, `It was on Jan. 25, 2017 ${long}.`] });
  assert.ok(result.date_evidence === undefined || result.date_evidence.length < 200);
});
