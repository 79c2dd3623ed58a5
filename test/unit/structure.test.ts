import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { contentStems, extractStructure, isHeadlineLike, parseByline, parseDateline, titleFromLead } from "../../src/ingest/structure.ts";
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

test("a byline of a job title alone ('By Staff Writer') gives no author and is not the story's first line", () => {
  const s = extractStructure(paras("Harbour Board Approves New Ferry Dock", "By Staff Writer", "The harbour board approved a new ferry dock on Tuesday after months of debate.", "Work starts in spring."));
  assert.equal(s.title, "Harbour Board Approves New Ferry Dock");
  assert.deepEqual(s.authors, []);
  assert.match(s.body[0].text, /^The harbour board approved/);
  assert.ok(!s.body.some((p) => p.text === "By Staff Writer"), "the byline is not printed as the story");
});

test("story highlights without a story paragraph near them lose only their label; a long paragraph ends the search", () => {
  const plain = extractStructure(paras("Harbour Board Backs New Ferry Dock", "Story highlights The board voted for the dock", "The board met on Tuesday and members spoke for hours about the dock and its cost."));
  assert.equal(plain.dek, "The board voted for the dock");
  assert.deepEqual(plain.removed, []);
  assert.equal(plain.body[0].text, "The board met on Tuesday and members spoke for hours about the dock and its cost.");
  const long = "The board met on Tuesday, and members spoke for hours. ".repeat(5).trim();
  const beyond = extractStructure(paras("Harbour Board Backs New Ferry Dock", "STORY HIGHLIGHTS: The board voted for the dock", long, "Portland (CNN) The board backed the dock."));
  assert.equal(beyond.dek, "The board voted for the dock");
  assert.deepEqual(beyond.removed, [], "a story paragraph stands between the highlights and the wire tag");
  assert.equal(beyond.body[0].text, long);
  // Six lines down is too far for highlights; five is not.
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `Highlight number ${i + 2} of the story`);
  assert.equal(extractStructure(paras("Harbour Board Backs New Ferry Dock", "Story highlights One", ...lines(4), "Portland (CNN) The board backed the dock.")).removed.length, 4);
  assert.equal(extractStructure(paras("Harbour Board Backs New Ferry Dock", "Story highlights One", ...lines(5), "Portland (CNN) The board backed the dock.")).removed.length, 0);
  // A dateline opens the story as a wire tag does.
  assert.deepEqual(
    extractStructure(paras("Harbour Board Backs New Ferry Dock", "Story highlights One", "Two", "PORTLAND, Maine — The board backed the dock.")).removed.map((r) => r.text),
    ["Two"],
  );
});

test("the headline printed again as the first line leaves the story; a lead that only starts with the headline's words stays", () => {
  const head = "BOOM! Harbour Board FINALLY Backs The Ferry Dock";
  const story = "The harbour board backed the ferry dock on Tuesday after a year of debate.";
  for (const repeat of [head, "Boom: harbour board finally backs the ferry dock!", `BREAKING NEWS: ${head}`]) {
    const s = extractStructure(paras(head, repeat, story, "More follows."));
    assert.deepEqual(s.removed, [{ kind: "repeated-headline", text: repeat, line: 2 }], repeat);
    assert.equal(s.body[0].text, story, repeat);
  }
  const kept = (second: string) => extractStructure(paras(head, second, story)).body[0].text;
  assert.equal(kept(`${head} after a year of debate, its chair said.`), `${head} after a year of debate, its chair said.`, "the headline's words and more: a lead");
  assert.equal(kept(`Breaking news today: ${head}`), `Breaking news today: ${head}`, "a kicker is in capitals");
  assert.equal(kept(`SOME MUCH LONGER KICKER TEXT HERE: ${head}`), `SOME MUCH LONGER KICKER TEXT HERE: ${head}`, "a kicker is short");
  assert.deepEqual(extractStructure(paras(head, head)).body.map((p) => p.text), [head], "a story that is only its headline keeps it");
  const underByline = extractStructure(paras(head, "By Jane Doe", head, story));
  assert.deepEqual(underByline.authors, ["Jane Doe"]);
  assert.deepEqual(underByline.removed.map((r) => r.kind), ["repeated-headline"], "under a byline too");
  assert.equal(underByline.body[0].text, story);
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
  // A byline of a job title alone names nobody.
  assert.deepEqual(parseByline("By Staff Writer"), []);
  assert.deepEqual(parseByline("BY STAFF REPORTERS"), []);
  assert.deepEqual(parseByline("By Staff Writer, Washington Correspondent"), []);
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

// ---- Boundaries and near misses (mutation testing: each case is one a planted bug got wrong) ----

/** `base`, a space and a filler word, to exactly `n` characters, then `end`. */
function padTo(base: string, n: number, end = ""): string {
  const filler = n - base.length - 1 - end.length;
  assert.ok(filler >= 2, `${base} is too long for ${n}`);
  const text = `${base} S${"o".repeat(filler - 1)}${end}`;
  assert.equal(text.length, n);
  return text;
}

const bannerStory = [
  "The county commission voted 7-6 on Friday to keep its sanctuary policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents of the policy said they would take the commission's decision to court, and the sheriff said deputies would follow it.",
];
/** The line the structure step removes as a banner over `second`, if any. */
function bannerOver(first: string, second: string, body: string[] = bannerStory): string | undefined {
  const s = extractStructure(paras(first, second, ...body));
  return s.removed.find((r) => r.kind === "banner")?.text;
}

test("a site slogan that shares nothing with the story is removed above a Title Case headline that does", () => {
  const s = extractStructure(paras("Truth Matters Most", "County Commission Keeps Sanctuary Policy In Place", ...bannerStory));
  assert.deepEqual(s.removed, [{ kind: "banner", text: "Truth Matters Most", line: 1 }]);
  assert.equal(s.title, "County Commission Keeps Sanctuary Policy In Place");
  assert.deepEqual(s.body.map((p) => p.text), bannerStory);
  // One story paragraph under the headline is enough.
  assert.equal(bannerOver("Truth Matters Most", "County Commission Keeps Sanctuary Policy In Place", bannerStory.slice(0, 1)), "Truth Matters Most");
  // A full stop inside the slogan or the headline is no sentence end.
  assert.equal(bannerOver("Truth, Justice & the U.S. Way", "County Commission Keeps Sanctuary Policy In Place"), "Truth, Justice & the U.S. Way");
  assert.equal(bannerOver("Truth Matters Most", "County Commission Keeps Sanctuary Policy Version 2.0"), "Truth Matters Most");
  assert.equal(bannerOver("Truth Matters Most", "2016 County Commission Keeps Sanctuary Policy"), "Truth Matters Most");
  // Only the top of the story is compared: the slogan's word far down the story does not save it.
  const longStory = [...bannerStory, ...Array.from({ length: 4 }, (_, i) => `Paragraph ${i + 3} of the report on the county vote.`), "The mayor called it a matter of truth."];
  assert.equal(bannerOver("Truth Matters Most", "County Commission Keeps Sanctuary Policy In Place", longStory), "Truth Matters Most");
});

test("a banner is short, unpunctuated, over a longer one-sentence Title Case headline about the story", () => {
  const headline = "County Commission Keeps Sanctuary Policy In Place";
  const slogan60 = padTo("Truth Matters Most In Every Single Day Of Every", 60);
  assert.equal(bannerOver(slogan60, padTo(headline, 90)), slogan60);
  assert.equal(bannerOver(padTo("Truth Matters Most In Every Single Day Of Every", 61), padTo(headline, 92)), undefined, "too long for a slogan");
  assert.equal(bannerOver("Truth Matters Most!", headline), undefined, "the slogan ends as a sentence");
  assert.equal(bannerOver("Truth Matters Most", `${headline}.`), undefined, "the headline ends as a sentence");
  assert.equal(bannerOver("Truth Matters Most", "Commission Votes. County Keeps Sanctuary Policy In Place"), undefined, "two sentences");
  // The headline is at least half as long again as the slogan (18 → 27), and at most 150.
  assert.equal(bannerOver("Truth Matters Most", "County Keeps Sanctuary Plan"), "Truth Matters Most");
  assert.equal(bannerOver("Truth Matters Most", "County Keeps Sanctuary Law"), undefined);
  assert.equal(bannerOver("Truth Matters Most", padTo(headline, 150)), "Truth Matters Most");
  assert.equal(bannerOver("Truth Matters Most", padTo(headline, 151)), undefined);
  assert.equal(bannerOver("Truth Matters Most", "TAMPA - County Commission Keeps Sanctuary Policy"), undefined, "a dateline");
  assert.equal(bannerOver("Truth Matters Most", "-- County Commission Keeps Sanctuary Policy In Place"), undefined, "a list item");
  assert.equal(bannerOver("Truth Matters Most", "County commission keeps its sanctuary policy in place"), undefined, "not Title Case");
  assert.equal(bannerOver("County Matters Most", headline), undefined, "the top line is about the story too");
  assert.equal(bannerOver("Truth Matters Most", "Leaders Gather For Summit In Distant Capital"), undefined, "the headline is not about the story");
});

test("what reads as a headline: short, unpunctuated, Title Case, capitals, or ending in an abbreviation", () => {
  const headlines = [
    "Trade talks between the two sides resume in the U.S.",
    "Senate Budget Passes and the work was done for now.",
    "HE IS AN EX OF A PAL.",
    "the council voted to keep the policy for another year",
    "And then the council voted to keep the policy...",
    "And then the council voted to keep the policy…",
    "The council voted to keep it.",
    "ECONOMIC SPOTLIGHT - ITALIAN BOOM",
    `${"vote ".repeat(39)}votes`,
  ];
  for (const line of headlines) assert.equal(isHeadlineLike(line), true, line);
  const sentences = [
    "",
    `${"vote ".repeat(39)}voters`,
    "WASHINGTON (Reuters) - The Senate voted on the budget",
    "ROME, March 2 - Italy booms",
    "The plan was drafted by the panel under Plan B.",
    "The U.S. team lost the final to a side from abroad.",
    "Acme Inc. said the plant would close and workers would go home.",
    "Senate Budget Passes as eBay and iPhone sales slow down.",
    "He is an ex of a pal.",
    "he is an ex of a pal and me.",
    "the council voted to keep the policy for another year.",
    "What now? The council voted to keep the policy for a year.",
    "The council... voted to keep the policy for another year.",
    "The council voted to keep it again.",
  ];
  for (const line of sentences) assert.equal(isHeadlineLike(line), false, line);
});

test("a short sentence over a paragraph half as long again is the headline, up to 100 characters", () => {
  const first100 = padTo("Council members voted on Tuesday to keep the policy in place for another year", 100, ".");
  const next150 = padTo("The county commission met for nine hours before the vote, which split the members and the public", 150, ".");
  assert.equal(extractStructure(paras(first100, next150)).title_source, "headline");
  const first101 = padTo("Council members voted on Tuesday to keep the policy in place for another year", 101, ".");
  assert.equal(extractStructure(paras(first101, `${next150} More.`)).title_source, "lead");
  // Exactly half as long again.
  const first60 = padTo("Council members voted on Tuesday to keep the policy", 60, ".");
  assert.equal(extractStructure(paras(first60, padTo("The county commission met for nine hours before", 90, "."))).title_source, "headline");
  assert.equal(extractStructure(paras(first60, padTo("The county commission met for nine hours before", 89, "."))).title_source, "lead");
  // A dateline opens the lead, not a headline.
  const dated = extractStructure(paras("MIAMI — The council voted on Tuesday to keep the policy.", next150));
  assert.equal(dated.title_source, "lead");
  assert.equal(dated.dateline, "Miami");
  assert.equal(dated.title, "The council voted on Tuesday to keep the policy");
});

test("a dek's limits: 160 characters, three words, a tenth digits, a question of 100, no full stop or quoted stop at the end", () => {
  const lead = "The council met on Tuesday night and voted to keep the policy for another year, members said.";
  const dekOf = (second: string) => extractStructure(paras("Council Keeps Policy", second, lead)).dek;
  const deks = [
    padTo("A vote that split the county and its commission", 160),
    "Two big votes",
    "A new era",
    "A vote, and a split county",
    "A vote that split 2 counties apart",
    "Budget of 25 dollars",
    padTo("Will the county keep its policy for another year after the vote", 100, "?"),
    "Who pays? the county asks, as a vote on the budget splits the council and the mayor in two over roads",
    "A vote at noon that split the county.in two",
  ];
  for (const dek of deks) assert.equal(dekOf(dek), dek, dek);
  const notDeks = [
    padTo("A vote that split the county and its commission", 161),
    padTo("Will the county keep its policy for another year after the vote", 101, "?"),
    `${padTo("Will the county keep its “sanctuary” policy for another year after the vote", 110, "?")}”`,
    "A vote that split the county in two.",
    "The mayor calls it “a new start.”",
    "A “no.” Then a walkout",
    "the vote split County Hall",
    "Votes split 2,222 counties",
  ];
  for (const notDek of notDeks) assert.equal(dekOf(notDek), undefined, notDek);
});

test("parseDateline: two letters make a place, one does not; a dateline needs text after it", () => {
  assert.equal(parseDateline("L.A. - Police said on Friday that the road was open.")?.place, "L.A.");
  assert.equal(parseDateline("A. - The list goes on."), undefined);
  assert.equal(parseDateline("MIAMI — "), undefined);
});

test("contentStems: words of four letters and more, lowercased, cut to five letters, without common words", () => {
  assert.deepEqual([...contentStems("County ELECTED an elector in the election")].sort(), ["count", "elect"]);
  assert.deepEqual([...contentStems("It is so, and we go on")], []);
  for (const word of [
    "that", "this", "with", "from", "have", "will", "what", "when", "where", "they", "them", "their", "there", "about",
    "after", "over", "into", "just", "than", "then", "been", "were", "your", "more", "most", "says", "said", "would",
    "could", "should", "does",
  ]) {
    assert.deepEqual([...contentStems(`${word} county`)], ["count"], word);
  }
});

test("parseByline: the forms that are names and the ones that are not", () => {
  assert.deepEqual(parseByline("By Jane Doe,John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseByline("By Jane Doe, John Roe, and Ann Poe"), ["Jane Doe", "John Roe", "Ann Poe"]);
  assert.deepEqual(parseByline("By Jane Doe&John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseByline("By Jane Doe,"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Mary Ann Lee Doe"), ["Mary Ann Lee Doe"]);
  assert.deepEqual(parseByline("By Jane DeLuca"), ["Jane DeLuca"]);
  assert.equal(parseByline("By Friday evening"), undefined);
  assert.equal(parseByline("By eMarketer Staff"), undefined);
  assert.equal(parseByline("By Jane Doe123"), undefined);
  assert.equal(parseByline("Photos by Jane Doe"), undefined);
  assert.equal(parseByline("By , Associated Press"), undefined);
  // 120 characters is still a byline, 121 is not.
  const names = "By Jane Doe, John Roe, Ann Poe, Bob Loe, Kim Moe, Tim Noe, Sue Koe, Ray Hoe, Lou Boe, Max Coe, Joy Foe and Zed";
  const at120 = padTo(names, 120);
  assert.equal(parseByline(at120)?.length, 12);
  assert.equal(parseByline(padTo(names, 121)), undefined);
});

test("titleFromLead: the cut, its dangling words and its trailing punctuation", () => {
  assert.equal(titleFromLead("Stocks fell on Monday"), "Stocks fell on Monday");
  assert.equal(titleFromLead("The mayor said “no.” Then he left the hall."), "The mayor said “no”");
  assert.equal(titleFromLead("Prices rose 3.5 percent on Monday. Traders cheered."), "Prices rose 3.5 percent on Monday");
  assert.equal(titleFromLead("The index rose 0.5"), "The index rose 0.5");
  assert.equal(titleFromLead("Stocks fell and fell..."), "Stocks fell and fell");
  // A short lead keeps its last word, even a little one.
  assert.equal(titleFromLead("This is what we are fighting for."), "This is what we are fighting for");
  assert.equal(titleFromLead(padTo("This is what the county commission has been fighting", 89, " for.")), padTo("This is what the county commission has been fighting", 88, " for"));
  // A lead sentence of 90 characters is not cut, so it keeps its last word, even a little one.
  const lead90 = padTo("This is what the county commission and the mayor have been fighting", 90, " for.");
  assert.equal(titleFromLead(lead90), lead90.slice(0, -1));
  // A cut of exactly 90 characters keeps its last word.
  const ninety = padTo("The county commission voted on Friday to keep its sanctuary policy in place", 90);
  assert.equal(titleFromLead(`${ninety} after a meeting that ran well past midnight.`), ninety);
  // The cut keeps three words at least, and a word with a comma after it is still dangling.
  const w1 = "Intergovernmentalization-related";
  const w2 = "counterrevolutionary-sentiment";
  const w5 = "Telecommunications-infrastructure-modernizing";
  assert.equal(titleFromLead(`${w1} ${w2} of the ${w5} plan.`), `${w1} ${w2} of`);
  assert.equal(titleFromLead(`${w1} ${w2} of the, ${w5} plan.`), `${w1} ${w2} of`);
});

test("extractStructure: the whole structure of small files, with no keys for what is absent", () => {
  assert.deepEqual(extractStructure([]), { title: "", title_source: "lead", authors: [], body: [], removed: [] });
  const lead = "The council met on Tuesday night and voted to keep the policy for another year, members said.";
  assert.deepEqual(extractStructure(paras("Council Keeps Policy", lead)), {
    title: "Council Keeps Policy",
    title_source: "headline",
    authors: [],
    body: [{ text: lead, line: 2 }],
    removed: [],
  });
  // A one-line file ending in a full stop is a lead, whatever its shape.
  const short = extractStructure(paras("Council keeps policy."));
  assert.equal(short.title_source, "lead");
  assert.equal(short.title, "Council keeps policy");
  assert.equal(extractStructure(paras("U.S. Council Keeps Policy")).title_source, "headline");
});
