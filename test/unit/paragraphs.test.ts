import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { rejoinDropCaps } from "../../src/ingest/drop-caps.ts";
import { splitParagraphs } from "../../src/ingest/paragraphs.ts";
import { corpusArticles, corpusMissing } from "../helpers/corpus.ts";
import { seedText } from "../helpers/paragraphs.ts";

const articlesDir = new URL("../../articles/", import.meta.url);
const readSeed = (file: string) => seedText(file);
const seedFiles = readdirSync(articlesDir).filter((f) => f.endsWith(".txt")).sort();

/** Greedy word wrap at `width` columns, the way an editor hard-wraps a paragraph. */
function hardWrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let current = "";
  for (const w of paragraph.split(" ")) {
    if (current !== "" && current.length + 1 + w.length > width) {
      lines.push(current);
      current = w;
    } else {
      current = current === "" ? w : `${current} ${w}`;
    }
  }
  lines.push(current);
  return lines.join("\n");
}

const lettersAndDigits = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "");

// ---- One line, one paragraph ----

test("each non-empty line is one paragraph, with its 1-based line number", () => {
  assert.deepEqual(splitParagraphs("Headline\n\nFirst para.\nSecond para."), [
    { text: "Headline", line: 1 },
    { text: "First para.", line: 3 },
    { text: "Second para.", line: 4 },
  ]);
});

test("line numbers are offset by firstLine for files that had front matter", () => {
  assert.deepEqual(splitParagraphs("\nBody starts.\n\nNext.", 5), [
    { text: "Body starts.", line: 6 },
    { text: "Next.", line: 8 },
  ]);
});

test("paragraphs are trimmed and runs of spaces, tabs and non-breaking spaces become one space", () => {
  assert.deepEqual(splitParagraphs("  KPIX\u00a0 5 notes,\tthe  list \u00a0\u00a0was  long.  "), [{ text: "KPIX 5 notes, the list was long.", line: 1 }]);
});

test("lines of only whitespace, non-breaking spaces included, are dropped", () => {
  assert.deepEqual(splitParagraphs("\u00a0\n \t \nText.\n\u00a0 \n"), [{ text: "Text.", line: 3 }]);
});

test("empty text gives no paragraphs", () => {
  assert.deepEqual(splitParagraphs(""), []);
});

// ---- Hard-wrapped files ----

const wrappedArticle = [
  "Mayor reverses sanctuary policy",
  "",
  "For years, Miami-Dade County has refused to hold some undocumented",
  "immigrants in its jails for federal immigration agents. But after Trump",
  "signed an executive order threatening to withhold federal funding, the",
  "mayor changed his mind.",
  "",
  "Gimenez signed an executive order Thursday ordering the director of his",
  "corrections department to begin honoring all requests by Immigration and",
  "Customs Enforcement.",
].join("\n");

test("a hard-wrapped file has the lines of each block joined with spaces", () => {
  assert.deepEqual(splitParagraphs(wrappedArticle), [
    { text: "Mayor reverses sanctuary policy", line: 1 },
    {
      text: "For years, Miami-Dade County has refused to hold some undocumented immigrants in its jails for federal immigration agents. But after Trump signed an executive order threatening to withhold federal funding, the mayor changed his mind.",
      line: 3,
    },
    {
      text: "Gimenez signed an executive order Thursday ordering the director of his corrections department to begin honoring all requests by Immigration and Customs Enforcement.",
      line: 8,
    },
  ]);
});

test("a wrapped line ending in a hyphen is joined with a space, as the editor broke it", () => {
  const text = wrappedArticle.replace("the\nmayor", "the six-\nto eight-year-old");
  assert.match(splitParagraphs(text)[1].text, /the six- to eight-year-old changed/);
});

test("in a hard-wrapped file, list items stay separate paragraphs", () => {
  const text = `${wrappedArticle}\n\nJudge Rand Rubin said she must:\n- Spend three years on probation\n- Do 100 hours community service`;
  const texts = splitParagraphs(text).map((p) => p.text);
  assert.deepEqual(texts.slice(3), ["Judge Rand Rubin said she must:", "- Spend three years on probation", "- Do 100 hours community service"]);
});

test("in a hard-wrapped file, a dash that begins a wrapped line does not start a list item", () => {
  const paragraph =
    "For years, Miami-Dade County has refused to hold some undocumented immigrants in its jails - a policy that many say - was unlawful - for federal immigration agents, until the mayor changed his mind this week.";
  const width = [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72].find((w) => /\n- /.test(hardWrap(paragraph, w)));
  assert.ok(width !== undefined, "some width puts a dash at the start of a line");
  const text = `Headline\n\n${hardWrap(paragraph, width)}\n\n${hardWrap(paragraph, width)}`;
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), ["Headline", paragraph, paragraph]);
});

test("consecutive short lines of different items are not joined (seed 002's Up Next)", () => {
  const text = "Caption about a meeting with county sheriffs, cut off mid-word: He also said his governme\nUp Next\nCaption about a meeting with county sheriffs, cut off mid-word: He also said his governme\n\nBody paragraph.";
  assert.equal(splitParagraphs(text).length, 4);
});

test("a file without blank lines is never treated as hard-wrapped", () => {
  const text = wrappedArticle.replace(/\n\n/g, "\n");
  assert.equal(splitParagraphs(text).length, text.split("\n").length);
});

test("a list of headlines between blank lines is not joined", () => {
  const text = [
    "Related stories",
    "",
    "Trump asks cops to turn over bad undocumented immigrants",
    "Miami-Dade mayor orders jails to comply with Trump",
    "Sanctuary cities: what the order means for you",
    "",
    "Police chiefs say the order is troubling",
    "Boston mayor offers city hall as refuge",
  ].join("\n");
  assert.equal(splitParagraphs(text).length, 6);
});

const sentencingTerms = (first: string, second: string) =>
  [
    "The judge read out the terms of the sentence to the court on Tuesday, and",
    "said that the defendant, who pleaded guilty in March to the charge, must:",
    `${first} Spend three years on probation under the supervision of the county`,
    "and report to a probation officer in person at the county office monthly",
    `${second} Do 100 hours of community service at a food bank or at a homeless`,
    "shelter that the court approves",
  ].join("\n");
const sentencingParagraphs = (first: string, second: string) => [
  "The judge read out the terms of the sentence to the court on Tuesday, and said that the defendant, who pleaded guilty in March to the charge, must:",
  `${first} Spend three years on probation under the supervision of the county and report to a probation officer in person at the county office monthly`,
  `${second} Do 100 hours of community service at a food bank or at a homeless shelter that the court approves`,
];

test("in a hard-wrapped file, numbered items (1. and 10)) start new paragraphs even after a full line, and their wrapped lines are joined", () => {
  const texts = splitParagraphs(`${wrappedArticle}\n\n${sentencingTerms("1.", "10)")}`).map((p) => p.text);
  assert.deepEqual(texts.slice(3), sentencingParagraphs("1.", "10)"));
});

test("in a hard-wrapped file, indented dash and bullet items start new paragraphs after a full line", () => {
  for (const [first, second] of [["  -", "  -"], ["*", "•"]]) {
    const texts = splitParagraphs(`${wrappedArticle}\n\n${sentencingTerms(first, second)}`).map((p) => p.text);
    assert.deepEqual(texts.slice(3), sentencingParagraphs(first.trim(), second.trim()), first);
  }
});

test("a hard-wrapped file typed with indents, trailing spaces and space-filled blank lines comes back as the same paragraphs", () => {
  const clean = splitParagraphs(wrappedArticle).map((p) => p.text);
  const indented = wrappedArticle
    .split("\n")
    .map((l) => (l === "" ? "   " : `    ${l}  `))
    .join("\n");
  assert.deepEqual(splitParagraphs(indented).map((p) => p.text), clean);
  // Only each paragraph's first line indented, as on a typewriter.
  const firstIndented = wrappedArticle.replace(/(^|\n\n)(?=\S)/g, "$1      ");
  assert.deepEqual(splitParagraphs(firstIndented).map((p) => p.text), clean);
});

test("hard-wrapped-looking lines with no blank line between them stay one paragraph per line, even with a blank line before or after", () => {
  const paragraph =
    "For years, Miami-Dade County has refused to hold some undocumented immigrants in its jails for federal immigration agents, and the policy drew praise from advocates who said it kept families together, until the mayor changed his mind this week after the order.";
  const wrapped = hardWrap(paragraph, 72);
  const lineCount = wrapped.split("\n").length;
  assert.ok(lineCount >= 4);
  for (const text of [wrapped, `\n${wrapped}`, `${wrapped}\n`, `\n\n${wrapped}\n\n`]) {
    assert.equal(splitParagraphs(text).length, lineCount, JSON.stringify(text.slice(0, 3)));
  }
});

test("a short wrapped paragraph of four lines is enough to recognise a hard-wrapped file", () => {
  const text = `Mayor reverses policy\n\n${wrappedArticle.split("\n\n")[1]}`;
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), ["Mayor reverses policy", splitParagraphs(wrappedArticle)[1].text]);
});

test("a hard-wrapped file with one unbreakable over-long line (a web address) is still joined", () => {
  const url = "https://www.example.org/news/2017/01/26/miami-dade-mayor-orders-jails-to-comply-with-trump-crackdown";
  const paragraph = `The mayor's full memo, which the county posted online on Thursday at ${url} for anyone who wants to read it, says the jails will comply with every request from federal immigration agents from now on.`;
  const wrapped = hardWrap(paragraph, 72);
  assert.ok(wrapped.split("\n").some((l) => l.length > 80));
  assert.deepEqual(splitParagraphs(`${wrappedArticle}\n\n${wrapped}`).map((p) => p.text).slice(3), [paragraph]);
});

test("a file of one-sentence lines of about the same length is not joined, though the lines look full", () => {
  const lines = [
    "The council voted six to one on Tuesday to keep the sanctuary policy.",
    "“We will not comply with an order that makes our streets less safe.”",
    "The mayor said the county would lose about $355 million in funding.",
    "“Nobody here wants a fight with Washington,” one council member said.",
    "Immigration agents made four arrests in the county the following day",
    "The sheriff said his deputies would keep honoring detainer requests.",
  ];
  const text = `Council keeps policy\n\n${lines.slice(0, 3).join("\n")}\n\n${lines.slice(3).join("\n")}`;
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), ["Council keeps policy", ...lines]);
});

test("a list of headlines where a few lines happen to be near full width is not joined", () => {
  const links = [
    "Trump asks police to turn over undocumented immigrants held in jails",
    "Miami-Dade mayor orders jails to comply",
    "Sanctuary cities: what the executive order means for your county",
    "Police chiefs say the order is troubling for community relations",
    "Boston mayor offers city hall as a refuge for families facing arrest",
    "Judge weighs the lawsuit",
    "Governors split on whether the funding threat will survive in court",
    "Sheriffs meet the president",
    "What comes next",
  ];
  const text = `Related stories\n\n${links.slice(0, 3).join("\n")}\n\n${links.slice(3, 6).join("\n")}\n\n${links.slice(6).join("\n")}`;
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), ["Related stories", ...links]);
});

test("a hard-wrapped file keeps a short line inside a block (Up Next) apart, and four full lines in five are enough to read it as wrapped", () => {
  const first = splitParagraphs(wrappedArticle)[1].text;
  const text = [
    wrappedArticle.split("\n\n").slice(0, 2).join("\n\n"),
    "",
    "Gimenez signed an executive order Thursday ordering the director of his",
    "corrections department to comply.",
    "",
    "Up Next",
    "Gimenez signed an executive order Thursday.",
  ].join("\n");
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), [
    "Mayor reverses sanctuary policy",
    first,
    "Gimenez signed an executive order Thursday ordering the director of his corrections department to comply.",
    "Up Next",
    "Gimenez signed an executive order Thursday.",
  ]);
});

// ---- Seeds ----

test("seed 000 (no blank lines) gives one paragraph per line, numbered 1 to 19", () => {
  const paragraphs = splitParagraphs(readSeed("000_12e87a7c7f271ebb.txt"));
  assert.equal(paragraphs.length, 19);
  assert.deepEqual(paragraphs.map((p) => p.line), Array.from({ length: 19 }, (_, i) => i + 1));
});

test("seed 002 keeps the caption, Up Next and the repeated caption as separate paragraphs", () => {
  const paragraphs = splitParagraphs(readSeed("002_b04d322f93dc3252.txt"));
  const upNext = paragraphs.findIndex((p) => p.text === "Up Next");
  assert.ok(upNext > 0);
  assert.equal(paragraphs[upNext].line, 6);
  assert.match(paragraphs[upNext - 1].text, /He also said his governme$/);
  assert.equal(paragraphs[upNext - 1].line, 5);
  assert.match(paragraphs[upNext + 1].text, /^President Donald Trump held a meeting/);
  assert.equal(paragraphs[upNext + 1].line, 7);
});

test("seed 004's non-breaking spaces become single plain spaces", () => {
  const paragraphs = splitParagraphs(readSeed("004_8f3418854753f031.txt"));
  const all = paragraphs.map((p) => p.text).join("\n");
  assert.doesNotMatch(all, /\u00a0|  /);
  assert.ok(all.includes("as KPIX 5 notes"));
  assert.ok(all.includes("commissioned as part of an executive order Trump signed in January —"));
});

for (const file of seedFiles) {
  test(`seed ${file}: every letter and digit survives the split, and each paragraph sits on its line`, () => {
    const raw = readSeed(file);
    const paragraphs = splitParagraphs(raw);
    assert.equal(lettersAndDigits(paragraphs.map((p) => p.text).join("")), lettersAndDigits(raw));
    const lines = raw.split("\n");
    for (const p of paragraphs) assert.equal(p.text, lines[p.line - 1].replace(/\s+/g, " ").trim());
  });

  test(`seed ${file} hard-wrapped at 72 columns splits into the same paragraphs as the original`, (t) => {
    const raw = readSeed(file);
    const wrapped = raw.split("\n").map((l) => hardWrap(l, 72)).join("\n");
    const original = splitParagraphs(raw).map((p) => p.text);
    if (!raw.includes("\n\n")) {
      // Without blank lines a wrapped file's paragraph ends cannot be told apart: lines stay separate.
      assert.equal(splitParagraphs(wrapped).length, wrapped.split("\n").filter((l) => l.trim()).length);
      t.diagnostic("no blank lines: wrapped lines are kept separate");
      return;
    }
    assert.deepEqual(splitParagraphs(wrapped).map((p) => p.text), original);
  });
}

// ---- Properties ----

const paragraphWords = fc.constantFrom("the", "mayor", "said", "Miami-Dade", "county’s", "“order”", "immigration", "police,", "agents.");
const paragraphText = fc.array(paragraphWords, { minLength: 1, maxLength: 60 }).map((ws) => ws.join(" "));
/**
 * Prose long enough to wrap onto four lines or more at 80 columns: sentences of 8 to 24
 * words, as in news copy. (Word salad where every fourth word ends a sentence is not a
 * wrapped file's shape: there most lines end at a stop, just as in a file of one-line
 * paragraphs, and the wrap detector rightly refuses to join them.)
 */
const sentenceWords = fc.constantFrom("the", "mayor", "said", "Miami-Dade", "county’s", "“order”", "immigration", "police,", "agents");
const sentence = fc.array(sentenceWords, { minLength: 7, maxLength: 23 }).map((ws) => `${ws.join(" ")} agents.`);
const longParagraphText = fc.array(sentence, { minLength: 3, maxLength: 7 }).map((ss) => ss.join(" "));

test("property: no letter or digit is ever lost, whatever the layout", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(paragraphText, fc.constantFrom("", " ", "\u00a0", "\t")), { maxLength: 30 }), (lines) => {
      const text = lines.join("\n");
      assert.equal(lettersAndDigits(splitParagraphs(text).map((p) => p.text).join("")), lettersAndDigits(text));
    }),
    { numRuns: 300 },
  );
});

test("property: blank-line-separated paragraphs hard-wrapped at 60–80 columns come back whole", () => {
  fc.assert(
    fc.property(fc.array(longParagraphText, { minLength: 2, maxLength: 8 }), fc.integer({ min: 60, max: 80 }), (paragraphs, width) => {
      const wrapped = paragraphs.map((p) => hardWrap(p, width)).join("\n\n");
      assert.deepEqual(splitParagraphs(wrapped).map((p) => p.text), paragraphs);
    }),
    { numRuns: 300 },
  );
});

// ---- Corpus (research copy, outside the repo) ----


test("no unwrapped real article in the research corpus has lines joined", { skip: corpusMissing }, () => {
  let files = 0;
  const joined: string[] = [];
  for (const [path, text] of corpusArticles()) {
    files++;
    // Each non-empty line is a paragraph, except where a drop cap split a word over two.
    const lines = text.split("\n").filter((l) => l.trim()).map((l, i) => ({ text: l.replace(/\s+/g, " ").trim(), line: i + 1 }));
    if (splitParagraphs(text).length !== rejoinDropCaps(lines).length) joined.push(path);
  }
  assert.ok(files > 20_000, `read ${files} files`);
  assert.deepEqual(joined.slice(0, 5), []);
});
