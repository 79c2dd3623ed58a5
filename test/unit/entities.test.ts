import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extractMentions, mentionNames, PARAGRAPH_LIMIT } from "../../src/ingest/entities.ts";
import { resolveEntities, loadAliasTable, EMPTY_ALIAS_TABLE } from "../../src/ingest/entity-merge.ts";
import { assertLinearGrowth } from "../helpers/scaling.ts";

/** Undoes the few Penn Treebank spacings seed 000 uses (the real detokenizer lives elsewhere). */
function detokenize(line: string): string {
  return line
    .replace(/`` ?/g, "“")
    .replace(/ ?''/g, "”")
    .replace(/ ([,.;:!?)])/g, "$1")
    .replace(/\( /g, "(")
    .replace(/ '(s)\b/g, "’$1")
    .replace(/\$ /g, "$");
}

function seedLines(name: string): string[] {
  return readFileSync(new URL(`../../articles/${name}`, import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function names(title: string, paragraphs: string[]) {
  return mentionNames(extractMentions({ title, paragraphs }));
}

/** Everything expected is found, and nothing outside expected + acceptable. */
function assertFoundExactly(actual: string[], expected: string[], acceptable: string[] = []) {
  for (const name of expected) assert.ok(actual.includes(name), `missing ${name} in ${JSON.stringify(actual)}`);
  for (const name of actual) assert.ok(expected.includes(name) || acceptable.includes(name), `unexpected ${name}`);
}

test("seed 000: the people, organizations and places a reader would list are found, and no fragments", () => {
  const lines = seedLines("000_12e87a7c7f271ebb.txt").map(detokenize);
  const found = names(lines[0], lines.slice(1));
  assertFoundExactly(found.people, ["Donald Trump", "Carlos Gimenez", "Kate Steinle", "Marty Walsh", "Tom Manger"]);
  assertFoundExactly(found.organizations, ["Immigration and Customs Enforcement", "Department of Homeland Security", "Associated Press"], ["Department of Justice"]);
  assertFoundExactly(
    found.places,
    ["Miami-Dade County", "Miami", "San Francisco", "Chicago", "New York", "Boston", "United States", "Montgomery County, Maryland"],
    ["South Florida"],
  );
});

test("seed 001: Sessions, the Center for Immigration Studies and the US Conference of Mayors are found", () => {
  const lines = seedLines("001_5742304cf4503c0a.txt");
  const found = names(lines[0], lines.slice(1));
  assertFoundExactly(found.people, ["Jeff Sessions", "Jessica Vaughan", "Trump"]);
  assertFoundExactly(found.organizations, [
    "Department of Homeland Security", "Immigration and Customs Enforcement", "US Conference of Mayors", "Department of Justice",
    "White House", "Center for Immigration Studies",
  ]);
  assertFoundExactly(found.places, ["New York", "Chicago", "Los Angeles"]);
});

test("seed 002: titles are stripped from names and counties joined by 'and' are both found", () => {
  const lines = seedLines("002_b04d322f93dc3252.txt");
  const bodyStart = lines.findIndex((line) => line.startsWith("President Donald Trump said Wednesday"));
  const found = names(lines[0], lines.slice(bodyStart));
  assertFoundExactly(found.people, ["Donald Trump", "Juan Pérez", "Carlos Gimenez", "John Kelly", "Sean Spicer", "Douglas Hanks"]);
  assertFoundExactly(
    found.organizations,
    ["Department of Homeland Security", "Immigration and Customs Enforcement", "Miami Herald", "Major Cities Chiefs Association", "Morning Consult", "Politico", "U.S. Southern Command"],
    ["White House", "Major County Sheriff’s Association"],
  );
  assertFoundExactly(found.places, [
    "Miami-Dade County", "Washington", "Doral", "Florida", "South Florida", "Broward County", "Palm Beach County", "Cincinnati", "United States",
  ]);
});

test("seed 004: a county named with its state is one place, and quoted officials are people", () => {
  const lines = seedLines("004_8f3418854753f031.txt");
  const found = names(lines[1], lines.slice(2));
  assertFoundExactly(found.people, ["Donald Trump", "Dennis Herrera", "Thomas Homan"]);
  assertFoundExactly(found.organizations, ["Department of Homeland Security", "Immigration and Customs Enforcement", "CNN", "The New York Times"], ["White House"]);
  assertFoundExactly(found.places, ["Clark County, Nevada", "Nassau County, New York", "Cook County, Illinois", "San Francisco", "United States"]);
});

test("a person title is stripped and the words before it are read as a place", () => {
  const found = names("", ["Miami-Dade County Mayor Carlos Gimenez changed his mind on Thursday."]);
  assert.deepEqual(found.people, ["Carlos Gimenez"]);
  assert.deepEqual(found.places, ["Miami-Dade County"]);
});

test("a lone surname and a possessive name the full name used in the same article", () => {
  const found = names("", ["Senator Elena Vasquez spoke first.", "Vasquez said the bill would pass.", "Vasquez’s aides agreed."]);
  assert.deepEqual(found.people, ["Elena Vasquez"]);
});

test("a first name alone is not a second person when the full name is known", () => {
  const found = names("", ["The writer Hillary Mantel won again.", "Hillary said she was pleased."]);
  assert.deepEqual(found.people, ["Hillary Mantel"]);
});

test("weekdays, months, sentence openers and ordinary words are never names", () => {
  const found = names("", [
    "But on Thursday the council met. Some members left early in January.",
    "Strong words followed. “Right decision. Strong!” The Republic stands.",
    "CLOSE Share this story.",
  ]);
  assert.deepEqual(found, { people: [], organizations: [], places: [], events: [] });
});

test("an acronym defined in parentheses is recorded with its long form and later uses resolve to it", () => {
  const article = extractMentions({ title: "", paragraphs: ["The Global Widget Council (GWC) met today.", "A GWC spokesman said little."] });
  assert.deepEqual(article.acronyms, { GWC: "Global Widget Council" });
  assert.deepEqual(mentionNames(article).organizations, ["Global Widget Council"]);
});

test("a headline in capitals only yields known places, not every capitalized word", () => {
  const found = names("BRAZIL COFFEE EXPORTS FALL AS LONDON TRADERS WAIT", ["Exports fell, traders said."]);
  assert.deepEqual(found.places, ["Brazil", "London"]);
  assert.deepEqual(found.people, []);
});

test("a long adversarial paragraph yields only the real names in it, at a cost in step with its length", () => {
  const junkOf = (scale: number) => `${"A-".repeat(500 * scale)} ${"Aa.".repeat(300 * scale)} ${"( ".repeat(200 * scale)}`;
  const junk = junkOf(100);
  const sentence = "The Federal Reserve met in Washington on Tuesday.";
  const junkOnly = extractMentions({ title: "", paragraphs: [junk] });
  const withNames = extractMentions({ title: "", paragraphs: [`${sentence} ${junk}`, junk] });
  assert.deepEqual(junkOnly.mentions, [], "runs of capitals, hyphens and brackets are no one's name");
  const found = withNames.mentions.map((m) => `${m.kind}: ${m.name}`);
  assert.ok(found.includes("organization: Federal Reserve") && found.includes("place: Washington"), found.join(", "));
  for (const m of withNames.mentions) assert.ok(sentence.includes(m.surface), `${m.surface} comes from the real sentence`);
  // Paragraphs are read up to PARAGRAPH_LIMIT characters, so the growth is measured below
  // it (about 2,300 and 18,400 characters), over 96 paragraphs, each array new so
  // that nothing is served from the last article's tokens. No wall-clock limit: see
  // test/helpers/scaling.ts.
  assert.ok(junkOf(8).length < PARAGRAPH_LIMIT);
  assertLinearGrowth("reading names in adversarial paragraphs", {
    input: (scale) => Array.from({ length: 96 }, () => `${sentence} ${junkOf(scale)}`),
    run: (paragraphs) => extractMentions({ title: "", paragraphs: [...paragraphs] }),
  });
});

test("Trump, President Trump and President Donald Trump across articles are one person named Donald Trump", () => {
  const articles = [
    extractMentions({ title: "", paragraphs: ["President Trump signed the order."] }),
    extractMentions({ title: "", paragraphs: ["President Donald Trump spoke on Monday."] }),
    extractMentions({ title: "", paragraphs: ["“We will win,” Trump said."] }),
  ];
  const resolved = resolveEntities(articles, EMPTY_ALIAS_TABLE);
  assert.deepEqual(resolved.map((r) => r.people), [["Donald Trump"], ["Donald Trump"], ["Donald Trump"]]);
});

test("an acronym and its long form are one organization, and Miami-Dade is Miami-Dade County, across articles", () => {
  const articles = [
    extractMentions({ title: "", paragraphs: ["The Global Widget Council (GWC) met in Miami-Dade County."] }),
    extractMentions({ title: "", paragraphs: ["A GWC official visited Miami-Dade on Friday.", "GWC is busy."] }),
  ];
  const resolved = resolveEntities(articles, EMPTY_ALIAS_TABLE);
  assert.deepEqual(resolved[1].organizations, ["Global Widget Council"]);
  assert.deepEqual(resolved[1].places, ["Miami-Dade County"]);
});

test("merging does not depend on the order of the articles", () => {
  const texts = [
    ["Mayor Ann Lee spoke.", "Lee said yes."],
    ["Governor Bob Lee spoke.", "Bob Lee said no."],
    ["Lee said maybe.", "It was Lee who said it."],
    ["Chief Bob Lee agreed."],
  ];
  const mentions = texts.map((paragraphs) => extractMentions({ title: "", paragraphs }));
  const forward = resolveEntities(mentions, EMPTY_ALIAS_TABLE);
  const backward = resolveEntities([...mentions].reverse(), EMPTY_ALIAS_TABLE).reverse();
  assert.deepEqual(forward, backward);
  assert.deepEqual(forward[2].people, ["Bob Lee"]);
});

test("two full names used equally often: a lone surname becomes the same one whatever the file order", () => {
  // "Ann Lee" and "Bob Lee" each name one article: the tie goes to string order, not to the last article read.
  const texts = [["Mayor Ann Lee spoke."], ["Governor Bob Lee spoke."], ["Lee said maybe."]];
  const mentions = texts.map((paragraphs) => extractMentions({ title: "", paragraphs }));
  const forward = resolveEntities(mentions, EMPTY_ALIAS_TABLE);
  const backward = resolveEntities([...mentions].reverse(), EMPTY_ALIAS_TABLE).reverse();
  assert.deepEqual(forward[2].people, ["Ann Lee"]);
  assert.deepEqual(backward[2].people, ["Ann Lee"]);
});

test("the alias file renames, keeps apart and drops names", () => {
  const aliases = loadAliasTable({ canonical: { "Associated Press": "AP" }, keep_separate: ["Trump"], ignore: ["Kate Steinle"] });
  const articles = [
    extractMentions({ title: "", paragraphs: ["President Donald Trump met Kate Steinle’s family, AP reported."] }),
    extractMentions({ title: "", paragraphs: ["President Trump left."] }),
  ];
  const resolved = resolveEntities(articles, aliases);
  assert.deepEqual(resolved[0], { people: ["Donald Trump"], organizations: ["AP"], places: [], events: [] });
  assert.deepEqual(resolved[1].people, ["Trump"]);
});

test("a bad alias file is rejected with a message naming the problem", () => {
  assert.throws(() => loadAliasTable({ canonical: { Trump: 3 } }), /aliases\.json.*canonical\.Trump/);
  assert.throws(() => loadAliasTable({ aliases: {} }), /aliases\.json/);
  assert.throws(() => loadAliasTable({ canonical: { A: "B", B: "C" } }), /final name/);
});

test("names that differ only in case or punctuation are one entity across the archive, named by the most used spelling", async () => {
    const texts = [
      "Banque Nationale de Paris said on Monday it would buy the unit, Banque Nationale de Paris officials said.",
      "Banque Nationale de Paris raised its rates, the bank said.",
      "Banque Nationale De Paris shares fell, traders said.",
    ];
    const resolved = resolveEntities(texts.map((t) => extractMentions({ title: "Bank news", paragraphs: [t] })), loadAliasTable({}));
    const all = resolved.flatMap((r) => [...r.people, ...r.organizations, ...r.places]).filter((n) => /banque/i.test(n));
    assert.ok(all.length >= 2, `found ${JSON.stringify(all)}`);
    assert.deepEqual([...new Set(all)], ["Banque Nationale de Paris"]);
  });

test("names that differ only by an apostrophe are one entity, so they never fight for one page", () => {
  const texts = [
    "Barclays Bank Plc said it would raise its base rate, Barclays Bank Plc officials said.",
    "Barclays Bank Plc cut its forecast, the bank said.",
    "Barclay's Bank Plc shares rose, dealers said.",
  ];
  const resolved = resolveEntities(texts.map((t) => extractMentions({ title: "Bank news", paragraphs: [t] })), loadAliasTable({}));
  const names = [...new Set(resolved.flatMap((r) => [...r.people, ...r.organizations, ...r.places]).filter((n) => /barclay/i.test(n)))];
  assert.deepEqual(names, ["Barclays Bank Plc"]);
});
