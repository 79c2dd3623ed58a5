import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { extractStructure, parseByline, parseDateline, titleFromLead } from "../../src/ingest/structure.ts";
import { paragraphsOf as paras, seedParagraphs as seed } from "../helpers/paragraphs.ts";

function seedStructure(name: string) {
  return extractStructure(removeFurniture(seed(name), NO_FURNITURE_EVIDENCE).kept);
}

/** Seed 000's first lines, as the detokenizer hands them over. */
const seed000 = paras(
  "CLOSE One week in, President Trump is doing exactly what he said he would do... sort of. ███",
  "MIAMI — President Trump is hailing the first victory in his fight against “sanctuary cities” after a South Florida mayor ordered his employees on Thursday to begin working more closely with federal immigration authorities.",
  "For years, Miami-Dade County has refused to hold some undocumented immigrants in its jails for federal immigration agents. But after Trump signed an executive order threatening to withhold federal funding from sanctuary cities, Miami-Dade County Mayor Carlos Gimenez changed his mind.",
  "Gimenez signed an executive order Thursday ordering the director of his corrections department to begin honoring all requests by Immigration and Customs Enforcement (ICE) to hold immigration suspects in Miami-Dade County jails.",
);

test("seed 000 has no headline, so its title is cut from the lead and its dateline leaves the body", () => {
  const s = extractStructure(removeFurniture(seed000, NO_FURNITURE_EVIDENCE).kept);
  assert.equal(s.title_source, "lead");
  assert.equal(s.title, "President Trump is hailing the first victory in his fight against “sanctuary cities”");
  assert.ok(s.title.length <= 90);
  assert.equal(s.dateline, "Miami");
  assert.equal(s.dateline_raw, "MIAMI —");
  assert.match(s.body[0].text, /^President Trump is hailing/);
  assert.equal(s.body[0].line, 2);
  assert.equal(s.body.length, 3);
});

test("seed 001 has a headline and a question dek, and neither is left in the body", () => {
  const s = seedStructure("001_5742304cf4503c0a.txt");
  assert.equal(s.title, "Team Trump’s Fight With Sanctuary Cities Heats Up");
  assert.equal(s.title_source, "headline");
  assert.equal(s.dek, "Will Sanctuary Cities face a Trumpocalypse?");
  assert.match(s.body[0].text, /^With the president threatening/);
  assert.equal(s.dateline, undefined);
});

test("seed 002's headline keeps its curly quotes and the video title is not taken as a dek", () => {
  const s = seedStructure("002_b04d322f93dc3252.txt");
  assert.equal(s.title, "Trump asks cops to turn over ‘bad’ undocumented immigrants");
  assert.equal(s.dek, undefined);
  assert.match(s.body[0].text, /^President Donald Trump said Wednesday/);
});

test("seed 004's site slogan above the headline is removed as a banner", () => {
  const s = seedStructure("004_8f3418854753f031.txt");
  assert.equal(
    s.title,
    "Trump Admin Makes Fight Against Sanctuary Cities Personal, Releases List ‘Naming and Shaming’ Them",
  );
  // Furniture removal took it already; the structure step's own banner test agrees.
  const top = seed("004_8f3418854753f031.txt");
  assert.deepEqual(extractStructure(top).removed, [{ kind: "banner", text: "Exposing Hillary So She Won't Get Elected", line: 1 }]);
  assert.equal(s.dek, undefined);
  assert.match(s.body[0].text, /^If President Donald Trump’s stance/);
});

test("a short line above a headline that shares the body's words is not a banner", () => {
  const s = extractStructure(
    paras(
      "Ireland v USA (Sat)",
      "Saturday 20 November at Lansdowne Road",
      "The Irish coach knows a repeat of the record victory over the States in 2000 is not on the agenda against USA.",
      "Ireland expect a real test in Dublin.",
    ),
  );
  assert.equal(s.title, "Ireland v USA (Sat)");
  assert.deepEqual(s.removed, []);
});

test("a Reuters all-caps headline is kept as written and its dated dateline is read", () => {
  const s = extractStructure(
    paras(
      "BAHIA COCOA REVIEW",
      "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought.",
      "The dry period means the temporao will be late this year.",
    ),
  );
  assert.equal(s.title, "BAHIA COCOA REVIEW");
  assert.equal(s.title_source, "headline");
  assert.equal(s.dek, undefined);
  assert.equal(s.dateline, "Salvador");
  assert.equal(s.dateline_raw, "SALVADOR, Feb 26 -");
  assert.match(s.body[0].text, /^Showers continued/);
});

test("a headline shaped like 'TOPIC - SUBJECT' is not mistaken for a dateline", () => {
  const s = extractStructure(
    paras("ECONOMIC SPOTLIGHT - ITALIAN BOOM", "ROME, March 2 - Italy's strong economic revival has led some to talk of a boom.", "More follows."),
  );
  assert.equal(s.title, "ECONOMIC SPOTLIGHT - ITALIAN BOOM");
  assert.equal(s.dateline, "Rome");
});

test("datelines name the place in normal case and keep what was printed", () => {
  const cases: [string, string, string][] = [
    ["NEW YORK — Stocks fell.", "New York", "NEW YORK —"],
    ["WASHINGTON (Reuters) - The Senate voted.", "Washington", "WASHINGTON (Reuters) -"],
    ["LONDON (AP) — Prices rose.", "London", "LONDON (AP) —"],
    ["PORTLAND, Ore., Feb 26 - Shares rose.", "Portland, Ore.", "PORTLAND, Ore., Feb 26 -"],
    ["ST. LOUIS - Rain fell.", "St. Louis", "ST. LOUIS -"],
    ["Toronto, March 12 - Oper shr 1.30 dlrs", "Toronto", "Toronto, March 12 -"],
    ["ROME, March 13, Reuter - Rates rose.", "Rome", "ROME, March 13, Reuter -"],
  ];
  for (const [text, place, raw] of cases) {
    const d = parseDateline(text);
    assert.equal(d?.place, place, text);
    assert.equal(d?.raw, raw, text);
  }
});

test("a sentence opening with a capitalised word and a dash has no dateline", () => {
  assert.equal(parseDateline("I - for one - disagree with the mayor."), undefined);
  assert.equal(parseDateline("Miami-Dade County has refused to hold some immigrants."), undefined);
  assert.equal(parseDateline("Toronto - a city of millions - votes today."), undefined);
});

test("a byline gives the authors in normal case and leaves the body", () => {
  const s = extractStructure(
    paras(
      "Council Rejects Budget",
      "By JANE DOE and JOHN ROE, Associated Press",
      "LONDON (AP) — The council rejected the budget on Tuesday after a long debate about the cost of roads.",
      "It meets again next week.",
    ),
  );
  assert.deepEqual(s.authors, ["Jane Doe", "John Roe"]);
  assert.equal(s.dek, undefined);
  assert.equal(s.dateline, "London");
  assert.equal(s.body.length, 2);
  assert.deepEqual(s.removed, []);
});

test("a sentence starting with 'By' is not a byline", () => {
  assert.equal(parseByline("By the way, Kohn is a lesbian."), undefined);
  assert.equal(parseByline("By comparison, Reagan's 1981 tax cuts were smaller."), undefined);
  assert.deepEqual(parseByline("BY Michael Crowley and Nahal Toosi"), ["Michael Crowley", "Nahal Toosi"]);
  assert.deepEqual(parseByline("By Jane Doe, John Roe and Ann Poe"), ["Jane Doe", "John Roe", "Ann Poe"]);
});

test("a lead title is cut at a word boundary, without a dangling word, a trailing stop or an open quote", () => {
  assert.equal(titleFromLead("Stocks fell sharply on Monday."), "Stocks fell sharply on Monday");
  const long =
    "The county commission voted on Friday to keep its “sanctuary policy in place for another year after a meeting that ran past midnight.";
  const title = titleFromLead(long);
  assert.ok(title.length <= 91, title);
  assert.ok(long.startsWith(title.replace(/”$/, "")), title);
  assert.doesNotMatch(title, /\b(?:a|the|after|that|for)$/);
  assert.equal((title.match(/“/g) ?? []).length, (title.match(/”/g) ?? []).length);
});

test("a lead sentence is not taken as a headline, a short headline sentence over a long paragraph is", () => {
  const lead = extractStructure(
    paras(
      "The dry period means the temporao will be late this year, traders said on Monday in Salvador.",
      "Arrivals were 155,221 bags.",
    ),
  );
  assert.equal(lead.title_source, "lead");
  const headline = extractStructure(
    paras(
      "Trump says he opposed the Iraq War. That's still false.",
      "Donald Trump once again claimed on Monday night that he opposed the Iraq War before it began, which the record does not support.",
      "More.",
    ),
  );
  assert.equal(headline.title_source, "headline");
  assert.equal(headline.title, "Trump says he opposed the Iraq War. That's still false.");
});

test("a drop cap, a table row or a lead ending in a colon under the headline is not a dek", () => {
  const lead = "The council met on Tuesday night and voted to keep the policy for another year, members said.";
  for (const second of ["R", "MAR8 -- -- MINNEAPOLIS WHEAT", "11/19/16, 3:14 PM CET", "I woke up this morning to find this headline everywhere:"]) {
    const s = extractStructure(paras("Council Keeps Policy", second, lead));
    assert.equal(s.dek, undefined, second);
    assert.equal(s.body[0].text, second);
  }
});

test("a file holding only a headline keeps it as the title, and a one-sentence file gets a lead title", () => {
  const headline = extractStructure(paras("Host Tweets Support For Law – Regrets It When America RESPONDS!"));
  assert.equal(headline.title, "Host Tweets Support For Law – Regrets It When America RESPONDS!");
  assert.equal(headline.title_source, "headline");
  // Trailing dots are a headline's, not a sentence's end.
  const trailing = extractStructure(paras("Shop Puts Senator's Photo On Floor So Every Customer Steps On It...."));
  assert.equal(trailing.title_source, "headline");
  assert.equal(trailing.body.length, 0);
  const sentence = extractStructure(paras("The council voted on Tuesday to keep the policy."));
  assert.equal(sentence.title_source, "lead");
  assert.equal(sentence.title, "The council voted on Tuesday to keep the policy");
  assert.equal(sentence.body.length, 1);
});

test("a lead title is not cut at the stop of a title or an initial: Mr. Smith, Gov. Scott, John F. Kennedy", () => {
  assert.equal(titleFromLead("Mr. Smith went to Washington on Monday. He stayed a week."), "Mr. Smith went to Washington on Monday");
  assert.equal(titleFromLead("Gov. Rick Scott signed the bill on Friday. It takes effect in July."), "Gov. Rick Scott signed the bill on Friday");
  assert.equal(titleFromLead("President John F. Kennedy spoke in Dallas. Then he left."), "President John F. Kennedy spoke in Dallas");
  const s = extractStructure(paras("Dr. Jane Doe, the county's health director, resigned on Tuesday. She had served nine years."));
  assert.equal(s.title_source, "lead");
  assert.equal(s.title, "Dr. Jane Doe, the county's health director, resigned on Tuesday");
});

test("datelines read months in any case, day before month, and a named place only with a date", () => {
  const cases: [string, string, string | undefined][] = [
    ["SALVADOR, FEb 26 - Showers fell.", "Salvador", "FEb 26"],
    ["NEW YORK, MARCH 3 - Stocks fell.", "New York", "MARCH 3"],
    ["LONDON, 3 March - Rain fell.", "London", "3 March"],
    ["PARIS, May 5, 1987 - Rain fell.", "Paris", "May 5, 1987"],
    ["Oklahoma City, March 3 - Rain fell.", "Oklahoma City", "March 3"],
    ["WINSTON-SALEM, N.C. - Rain fell.", "Winston-Salem, N.C.", undefined],
    ["CHARLOTTE, N.C. (AP) — Rain fell.", "Charlotte, N.C.", undefined],
  ];
  for (const [text, place, date] of cases) {
    const d = parseDateline(text);
    assert.equal(d?.place, place, text);
    assert.equal(d?.date, date, text);
    assert.match(d?.rest ?? "", /^\w+ fell\.$/, text);
  }
  assert.equal(parseDateline("CHARLOTTE, N.C. (AP) — Rain fell.")?.agency, "AP");
  assert.equal(parseDateline("MIAMI —"), undefined, "a dateline with nothing after it");
});

test("a byline in any of its printed forms gives the names; a name of one word or five is no byline", () => {
  assert.deepEqual(parseByline("By: Jane Doe"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Jane Doe."), ["Jane Doe"]);
  assert.deepEqual(parseByline("By JOHN MCDONALD"), ["John McDonald"]);
  assert.deepEqual(parseByline("By Jane Doe & John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseByline("By Jane Doe, Reuters"), ["Jane Doe"]);
  // A job title after the names is not an author's name.
  assert.deepEqual(parseByline("By Jane Doe, Staff Writer"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Jane Doe and John Roe, Staff Writers"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseByline("BY JANE DOE, WASHINGTON CORRESPONDENT"), ["Jane Doe"]);
  assert.equal(parseByline("By Jane"), undefined);
  assert.equal(parseByline("By Jane Mary Ann Lee Doe"), undefined);
  assert.equal(parseByline("By The Associated Press"), undefined);
  assert.equal(parseByline(`By Jane Doe${", John Roe".repeat(12)}`), undefined, "longer than a byline");
});

test("a byline is looked for in the first three paragraphs under the headline only", () => {
  const lead = "The council met on Tuesday night and voted to keep the policy for another year, members said.";
  const third = extractStructure(paras("Council Keeps Policy", "A vote that split the county", "Photo: the council chamber", "By Jane Doe", lead));
  assert.deepEqual(third.authors, ["Jane Doe"]);
  assert.ok(!third.body.some((p) => p.text === "By Jane Doe"));
  const fourth = extractStructure(paras("Council Keeps Policy", "Photo one", "Photo two", "Photo three", "By Jane Doe", lead));
  assert.deepEqual(fourth.authors, []);
});

test("a dek is a short headline-like line: not lowercase, not two sentences, not a long question, not mostly digits", () => {
  const lead = "The council met on Tuesday night and voted to keep the policy for another year, members said.";
  const dekOf = (second: string) => extractStructure(paras("Council Keeps Policy", second, lead)).dek;
  assert.equal(dekOf("A vote that split the county in two"), "A vote that split the county in two");
  assert.equal(dekOf("Will sanctuary cities face a funding cut?"), "Will sanctuary cities face a funding cut?");
  assert.equal(dekOf("Officials from Acme Inc."), "Officials from Acme Inc.");
  for (const notDek of [
    "Why would a county that has refused for years to hold immigrants now change course so quickly, and what will it cost?",
    "The 2017 budget: 355 million, 12 cuts, 4 votes",
    "the vote split the county in two",
    "Two votes",
    "A vote - and a split",
    "The vote split the county. Then it healed",
    `A ${"very ".repeat(32)}long line`,
  ]) {
    assert.equal(dekOf(notDek), undefined, notDek);
  }
});
