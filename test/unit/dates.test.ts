import { test } from "node:test";
import assert from "node:assert/strict";
import { extractPublicationDate, parseDateline, parseStamp, type DateInput, type DatePeriod } from "../../src/ingest/dates.ts";
import { MAX_EVIDENCE_CHARS } from "../../src/ingest/date-words.ts";

const NOW = new Date("2026-11-23T00:00:00Z");

function date(partial: Partial<DateInput>) {
  return extractPublicationDate({ paragraphs: [], fileName: "000_abc.txt", now: NOW, ...partial });
}

const YEAR_1987: DatePeriod = { from: "1987-01-01", to: "1987-12-31", evidence: "reuters/_defaults.yml: year 1987" };
const period = (from: string, to: string): DatePeriod => ({ from, to, evidence: `_defaults.yml: period ${from}..${to}` });

/**
 * Articles that mention old, earlier and later dates the way real ones do. None of
 * these dates is the publication's: the text alone must never date the article.
 */
const PAST_AND_FUTURE_REFERENCES: Record<string, string[]> = {
  history: [
    "Lawmakers said Sunday they would press ahead with the bill.",
    "It would let families of those killed on Sept. 11, 2001, sue foreign governments.",
  ],
  anniversary: [
    "The mayor spoke on Monday at the memorial.",
    "Last week the city marked the 15th anniversary of the September 11, 2001 attacks, when nearly 3,000 people died.",
  ],
  "a year ago": [
    "Retail prices rose 2.7 pct in February, the office said on Tuesday.",
    "That compares with 1.7 pct in February 1986 and with a level of 104.2 on Feb 26, 1986.",
  ],
  "an earlier event": [
    "The senator said Tuesday he had not changed his mind.",
    "He first voted against the measure on Tuesday, March 17, 2008, after a long debate.",
  ],
  "a quoted old date": ['He said Thursday: "On Jan. 20, 1981 Reagan took office, and nothing was the same."'],
  "a maturity": ["The company said on Monday it sold 100 mln dlrs of notes due March 1, 1997, priced at par."],
  "a future event": [
    "The candidates met on Wednesday to prepare.",
    "The first debate is scheduled for Monday, Sept. 26, 2016, at Hofstra University.",
  ],
  "an old tweet": ["Trump said Tuesday the polls were rigged.", "This election is a total sham and a travesty. — Donald J. Trump (@realDonaldTrump) November 6, 2012"],
  "a date beside a weekday it agrees with": ["On Friday, September 6, 2013, Wildstein met the governor at the memorial.", "The closures were to begin on Monday, September 9."],
};

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

test("front matter wins over the dateline, the file name and the folder's year", () => {
  const result = date({ frontMatterDate: "1988-01-04", fileName: "1987-05-05-x.txt", datelineRaw: "TOKYO, March 2 -", period: YEAR_1987 });
  assert.equal(result.date, "1988-01-04");
  assert.equal(result.date_source, "front_matter");
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
    assert.equal(result.date_precision, "day", fileName);
    assert.equal(result.date_source, "file_name");
    assert.equal(result.date_evidence, fileName);
  }
  const long = `2017-02-08-${"harbor-".repeat(40)}.txt`;
  assert.equal(date({ fileName: long }).date_evidence, long.slice(0, MAX_EVIDENCE_CHARS));
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

test("a dateline that prints its year dates the article to that day", () => {
  const result = date({ datelineRaw: "WASHINGTON, Sept. 21, 2016 —", paragraphs: ["The Senate voted on Wednesday."] });
  assert.deepEqual(result, { date: "2016-09-21", date_precision: "day", date_source: "dateline", date_evidence: "WASHINGTON, Sept. 21, 2016 —" });
});

test("a dateline's printed date that lies ahead of the build, or does not exist, dates nothing", () => {
  assert.deepEqual(date({ datelineRaw: "MIAMI, Nov. 24, 2026 -" }), {}, "not even its month and day");
  assert.equal(date({ datelineRaw: "MIAMI, Nov. 23, 2026 -" }).date, "2026-11-23");
  assert.equal(date({ datelineRaw: "MIAMI, Feb. 29, 2017 -" }).date, undefined);
  assert.equal(date({ datelineRaw: "MIAMI, Feb. 29, 2016 -" }).date, "2016-02-29");
  // Century years are leap years only every 400 years.
  assert.equal(date({ datelineRaw: "MIAMI, Feb. 29, 1900 -" }).date, undefined);
  assert.equal(date({ datelineRaw: "MIAMI, Feb. 29, 2000 -" }).date, "2000-02-29");
  assert.equal(date({ datelineRaw: "MIAMI, March 1, 1900 -" }).date, "1900-03-01");
  assert.equal(date({ datelineRaw: "MIAMI, Dec. 31, 1899 -" }).date, "1899-12-31");
});

test("a dateline without a year gives the month and day only, however the text names years", () => {
  for (const [kind, paragraphs] of Object.entries({ none: ["Arrivals for the week ended February 22 were 155,221 bags."], ...PAST_AND_FUTURE_REFERENCES })) {
    assert.deepEqual(
      date({ datelineRaw: "SALVADOR, Feb 26 -", paragraphs }),
      { date_month_day: "02-26", date_source: "dateline", date_evidence: "SALVADOR, Feb 26 -" },
      kind,
    );
  }
});

test("datelines are read in the spellings wire copy uses", () => {
  assert.deepEqual(parseDateline("HOT SPRINGS, Ark., March 16 -"), { month: 3, day: 16, source: "dateline", text: "HOT SPRINGS, Ark., March 16 -" });
  assert.equal(parseDateline("La paz, march 4 -")?.month, 3);
  assert.equal(parseDateline("TOKYO, FEB 26 -")?.day, 26);
  assert.equal(parseDateline("PORTLAND, Ore., Feb 26 -")?.month, 2);
  assert.equal(parseDateline("MIAMI, Jan. 5, 2017 —")?.year, 2017);
  assert.equal(parseDateline("WASHINGTON (Reuters) -"), undefined);
  assert.equal(parseDateline("SALVADOR, Feb 30 -"), undefined);
});

test("a dateline whose date slipped to the start of the body is still the dateline", () => {
  const paragraphs = ["March 4 - Geico Corp said it named two board members."];
  const result = date({ datelineRaw: "CHEVY CHASE, Md., - ", paragraphs, period: YEAR_1987 });
  assert.equal(result.date, "1987-03-04");
  assert.equal(result.date_source, "folder_default");
  assert.equal(result.date_evidence, "“CHEVY CHASE, Md., - March 4 -” and reuters/_defaults.yml: year 1987");
  assert.deepEqual(date({ datelineRaw: "CHEVY CHASE, Md., -", paragraphs }), { date_month_day: "03-04", date_source: "dateline", date_evidence: "CHEVY CHASE, Md., - March 4 -" });
  // Without a dateline, a body that opens with a date is not one.
  assert.deepEqual(date({ paragraphs }), {});
});

test("the folder's year completes a dateline's month and day, and the evidence says so", () => {
  const result = date({ datelineRaw: "HOT SPRINGS, Ark., March 16 -", paragraphs: ["Sales rose 12 pct from a year ago."], period: YEAR_1987 });
  assert.deepEqual(result, {
    date: "1987-03-16",
    date_precision: "day",
    date_source: "folder_default",
    date_evidence: "“HOT SPRINGS, Ark., March 16 -” and reuters/_defaults.yml: year 1987",
  });
});

test("a period that is not a span of real days is ignored", () => {
  for (const bad of [period("1987-02-30", "1987-10-31"), period("1987-02-01", "1987-13-01"), period("1987-10-31", "1987-02-01"), period("1987-02-01T00:00", "1987-10-31"), period("x1987-02-01", "1987-10-31")]) {
    assert.deepEqual(date({ datelineRaw: "SALVADOR, Feb 26 -", period: bad }), { date_month_day: "02-26", date_source: "dateline", date_evidence: "SALVADOR, Feb 26 -" }, `${bad.from}..${bad.to}`);
  }
  // A period of one day is a span.
  assert.equal(date({ datelineRaw: "SALVADOR, Feb 26 -", period: period("1987-02-26", "1987-02-26") }).date, "1987-02-26");
});

test("a period pins a dateline's year from its first day to its last, and not a day beyond", () => {
  const feb = period("1987-02-26", "1987-10-20");
  assert.equal(date({ datelineRaw: "SALVADOR, Feb 26 -", period: feb }).date, "1987-02-26");
  assert.equal(date({ datelineRaw: "SALVADOR, Oct 20 -", period: feb }).date, "1987-10-20");
  assert.equal(date({ datelineRaw: "SALVADOR, March 1 -", period: feb }).date, "1987-03-01");
  assert.equal(date({ datelineRaw: "SALVADOR, Dec 31 -", period: period("1899-06-01", "1900-05-31") }).date, "1899-12-31");
  assert.equal(date({ datelineRaw: "SALVADOR, Jan 1 -", period: period("1899-06-01", "1900-05-31") }).date, "1900-01-01");
  // Outside the period the dateline contradicts the folder: only the folder's year is left.
  for (const outside of ["SALVADOR, Feb 25 -", "SALVADOR, Oct 21 -"]) {
    const result = date({ datelineRaw: outside, period: feb });
    assert.equal(result.date, "1987", outside);
    assert.equal(result.date_precision, "year", outside);
  }
});

test("a period of several years pins no year: the month and day are shown without one", () => {
  const result = date({ datelineRaw: "WASHINGTON, Sept 21 -", period: period("2013-01-01", "2017-12-31") });
  assert.equal(result.date, undefined);
  assert.equal(result.date_month_day, "09-21");
  // Unless the month and day fall in only one of its years.
  assert.equal(date({ datelineRaw: "WASHINGTON, Jan 2 -", period: period("2016-12-01", "2017-01-31") }).date, "2017-01-02");
});

test("a folder's year never dates an article after the build's today", () => {
  const thisYear = period("2026-01-01", "2026-12-31");
  assert.equal(date({ datelineRaw: "MIAMI, Nov. 23 -", period: thisYear }).date, "2026-11-23");
  const tomorrow = date({ datelineRaw: "MIAMI, Nov. 24 -", period: thisYear });
  assert.equal(tomorrow.date, "2026");
  assert.equal(tomorrow.date_precision, "year");
  // A period that has not begun says nothing yet.
  assert.deepEqual(date({ period: period("2027-01-01", "2027-12-31") }), {});
});

test("without a dateline the folder's period dates the article to its month or year", () => {
  assert.deepEqual(date({ period: period("2016-09-19", "2016-09-27") }), {
    date: "2016-09",
    date_precision: "month",
    date_source: "folder_default",
    date_evidence: "_defaults.yml: period 2016-09-19..2016-09-27",
  });
  assert.deepEqual(date({ period: YEAR_1987 }), { date: "1987", date_precision: "year", date_source: "folder_default", date_evidence: "reuters/_defaults.yml: year 1987" });
  assert.equal(date({ period: period("2016-12-01", "2017-01-31") }).date, undefined);
  assert.equal(date({ period: period("2016-01-01", "2016-12-31") }).date, "2016");
  assert.equal(date({ period: period("2016-01-01", "2017-01-01") }).date, undefined);
});

test("dates the text mentions never date the article: history, anniversaries, year-ago figures, quotes, maturities, future events", () => {
  for (const [kind, paragraphs] of Object.entries(PAST_AND_FUTURE_REFERENCES)) {
    assert.deepEqual(date({ paragraphs }), {}, kind);
    // With a folder year they change nothing either: the article keeps the folder's year.
    const withYear = date({ paragraphs, period: period("2016-01-01", "2016-12-31") });
    assert.deepEqual([withYear.date, withYear.date_precision], ["2016", "year"], kind);
  }
});

test("a 'Posted on' line opening the article dates it", () => {
  for (const line of [
    "Posted by Jane Doe on 19 Sep 2016",
    "Published: Sept. 19, 2016 at 3:15 pm",
    "Posted on Monday, September 19, 2016",
    "Date: 19 September 2016 10:30 BST",
    "Posted Mon, Sep 19, 2016",
    "First published on Monday 19 September 2016",
    "Originally published: September 19, 2016",
  ]) {
    const result = date({ paragraphs: [line, "The city council voted on Monday to close the harbor road."] });
    assert.equal(result.date, "2016-09-19", line);
    assert.equal(result.date_source, "text", line);
    assert.equal(result.date_evidence, line);
  }
  assert.equal(date({ dek: "Posted on September 19, 2016", paragraphs: ["The council voted."] }).date, "2016-09-19");
  for (const [line, day] of [["Posted on Tuesday, September 20, 2016", "2016-09-20"], ["Published Sunday, 25 September 2016", "2016-09-25"], ["Posted Thurs. Sept. 22, 2016", "2016-09-22"]]) {
    assert.equal(date({ paragraphs: [line, "The council voted."] }).date, day, line);
  }
});

test("a 'Posted' line without a year gives the month and day, and the folder's year completes it", () => {
  assert.deepEqual(date({ paragraphs: ["Posted Sept. 19", "The council voted."] }), { date_month_day: "09-19", date_source: "text", date_evidence: "Posted Sept. 19" });
  assert.equal(date({ paragraphs: ["Posted Sept. 19", "The council voted."], period: period("2016-01-01", "2016-12-31") }).date, "2016-09-19");
  // A weekday without a year cannot be checked, and does no harm.
  assert.equal(date({ paragraphs: ["Posted on Monday, Sept. 19", "The council voted."] }).date_month_day, "09-19");
});

test("lines that only look like a publication stamp are not one", () => {
  // A contradicting weekday, an update, a match's date, an embedded post further down, prose.
  assert.equal(parseStamp("Posted on Monday, September 20, 2016"), undefined);
  assert.equal(parseStamp("Updated 10:03 AM ET, Thu September 22, 2016"), undefined);
  assert.equal(parseStamp("Saturday, 26 February"), undefined);
  assert.equal(parseStamp("Posted by Jane on the board, the notice said on Sept. 19, 2016"), undefined);
  assert.equal(parseStamp(`Posted by ${"a very long name ".repeat(8)}on Sept. 19, 2016`), undefined);
  const embedded = date({ paragraphs: ["The protest grew on Wednesday.", "Many shared a video.", "Posted by Etonde Maloke on Tuesday, September 20, 2016"] });
  assert.deepEqual(embedded, {});
});

test("explicit dates before 1800 are never used", () => {
  assert.equal(date({ datelineRaw: "PALOS, Aug. 3, 1492 -" }).date, undefined);
  assert.equal(date({ paragraphs: ["Posted on Aug. 3, 1492", "They sailed."] }).date, undefined);
});

test("the evidence is the line as printed, on one line", () => {
  assert.equal(date({ datelineRaw: "WASHINGTON,  Sept. 21,\n2016  —" }).date_evidence, "WASHINGTON, Sept. 21, 2016 —");
  assert.equal(date({ datelineRaw: " MIAMI, Jan. 5, 2017 — " }).date_evidence, "MIAMI, Jan. 5, 2017 —");
  // Exactly as long as allowed: kept whole.
  const place = "P".repeat(MAX_EVIDENCE_CHARS - ", Sept. 21, 2016 -".length);
  assert.equal(date({ datelineRaw: `${place}, Sept. 21, 2016 -` }).date_evidence, `${place}, Sept. 21, 2016 -`);
});

test("the evidence stays short", () => {
  const place = "SAN JOSE DE LAS MATAS ".repeat(20);
  const result = date({ datelineRaw: `${place}, March 16 -`, period: YEAR_1987 });
  assert.equal(result.date, "1987-03-16");
  assert.ok(result.date_evidence !== undefined && result.date_evidence.length <= MAX_EVIDENCE_CHARS, `${result.date_evidence?.length} characters`);
  assert.ok(result.date_evidence.endsWith("…"));
  assert.ok(result.date_evidence.startsWith("“SAN JOSE DE LAS MATAS"));
});

test("a front-matter date is read as YYYY, YYYY-MM or YYYY-MM-DD and nothing else", () => {
  assert.deepEqual(date({ frontMatterDate: " 2017-02-08\n" }), {
    date: "2017-02-08",
    date_precision: "day",
    date_source: "front_matter",
    date_evidence: "front matter date: 2017-02-08",
  });
  for (const bad of ["circa 2017", "12017-02-08", "2017-02-08T10:00", "2017-02-08 10:00", "2017/02/08", "17-02-08", "2017-2-8", "2017-00", "2017-02-00", "2017-00-15"]) {
    assert.equal(date({ frontMatterDate: bad }).date, undefined, bad);
    // A file-name date is still used then.
    assert.equal(date({ frontMatterDate: bad, fileName: "2016-05-04-x.txt" }).date, "2016-05-04", bad);
  }
});

test("a file-name date of month 00 or day 00 is not a day", () => {
  for (const fileName of ["2017-00-15-x.txt", "2017-02-00-x.txt", "20170000.txt"]) {
    assert.equal(date({ fileName }).date, undefined, fileName);
  }
});

test("a dateline's date is read however it was spaced", () => {
  for (const raw of ["WASHINGTON, Sept.  21, 2016 -", "WASHINGTON, Sept. 21 , 2016 -", "WASHINGTON, Sept. 21,  2016 -", "WASHINGTON, Sept.\n21,\n2016 -"]) {
    const result = date({ datelineRaw: raw });
    assert.equal(result.date, "2016-09-21", raw);
    assert.equal(result.date_evidence, raw.replace(/\s+/g, " "), raw);
  }
});

test("a word before a number in the dateline is not a month: the dateline's real date is read", () => {
  assert.equal(parseDateline("LONDON, Week 12 -"), undefined);
  assert.equal(parseDateline("ANKARA, Route 66 -"), undefined);
  assert.deepEqual(parseDateline("LONDON, Week 12, March 4 -"), { month: 3, day: 4, source: "dateline", text: "LONDON, Week 12, March 4 -" });
  assert.deepEqual(date({ datelineRaw: "ANKARA, Route 66 -" }), {});
});

test("a date that slipped to the start of the body is read with its year and however it was spaced", () => {
  const dateline = "CHEVY CHASE, Md., -";
  const dated = (first: string) => date({ datelineRaw: dateline, paragraphs: [first] });
  for (const [first, slipped] of [
    ["March 4, 1987 - Geico Corp said it named two board members.", "March 4, 1987 -"],
    ["March 4,1987 - Geico Corp said it named two board members.", "March 4,1987 -"],
    ["March  4, 1987 -- Geico Corp said it named two board members.", "March 4, 1987 --"],
  ]) {
    assert.deepEqual(dated(first), { date: "1987-03-04", date_precision: "day", date_source: "dateline", date_evidence: `${dateline} ${slipped}` }, first);
  }
  assert.equal(dated("March 14 - Geico Corp said it named two board members.").date_month_day, "03-14");
  assert.equal(dated("March 14— Geico Corp said it named two board members.").date_month_day, "03-14");
});

test("a body that only mentions a date after its first words has no slipped dateline date", () => {
  for (const first of [
    "The company said on March 4 - a Tuesday - that it named two board members.",
    "Route 9 - the harbor road - closed on Tuesday.",
    "Shares of Geico, March 4, 1987 - the day of the vote - rose.",
  ]) {
    assert.deepEqual(date({ datelineRaw: "CHEVY CHASE, Md., -", paragraphs: [first] }), {}, first);
    assert.deepEqual(date({ datelineRaw: "CHEVY CHASE, Md., -", paragraphs: [first], period: YEAR_1987 }).date, "1987", first);
  }
});

test("a 'Posted' line is read with spaces around it, and a date that does not exist is no stamp", () => {
  assert.deepEqual(parseStamp("  Posted on Sept. 19, 2016\n"), { month: 9, day: 19, year: 2016, source: "text", text: "Posted on Sept. 19, 2016" });
  assert.equal(parseStamp("Posted on Feb. 30, 2016"), undefined);
  assert.equal(parseStamp("Posted on 31 June"), undefined);
  assert.equal(parseStamp("Posted on Monday, Feb. 29, 2017"), undefined);
  assert.deepEqual(date({ paragraphs: ["Posted on Feb. 30, 2016", "The council voted."] }), {});
});

test("the folder's evidence is shown on one line", () => {
  const spaced: DatePeriod = { from: "1987-01-01", to: "1987-12-31", evidence: "  reuters/_defaults.yml:\n year 1987\n" };
  assert.equal(date({ period: spaced }).date_evidence, "reuters/_defaults.yml: year 1987");
  assert.equal(date({ datelineRaw: "TOKYO, March 2 -", period: spaced }).date_evidence, "“TOKYO, March 2 -” and reuters/_defaults.yml: year 1987");
});

test("a dateline quoted in the evidence has no spaces inside its quotes", () => {
  assert.equal(parseDateline("  HOT SPRINGS, Ark., March 16 - ")?.text, "HOT SPRINGS, Ark., March 16 -");
  assert.equal(
    date({ datelineRaw: "\tHOT SPRINGS, Ark., March 16 -\n", period: YEAR_1987 }).date_evidence,
    "“HOT SPRINGS, Ark., March 16 -” and reuters/_defaults.yml: year 1987",
  );
  assert.equal(
    date({ datelineRaw: " CHEVY CHASE, Md., - ", paragraphs: ["March 4 - Geico Corp said it named two board members."], period: YEAR_1987 }).date_evidence,
    "“CHEVY CHASE, Md., - March 4 -” and reuters/_defaults.yml: year 1987",
  );
});
