import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { detectSource } from "../../src/ingest/source.ts";
import { extractStructure } from "../../src/ingest/structure.ts";
import type { ArticleStructure, Paragraph, RemovedItem } from "../../src/ingest/types.ts";
import type { Credits } from "../../src/ingest/credits.ts";
import { paragraphsOf as paras, seedParagraphs as seed } from "../helpers/paragraphs.ts";

function sourceOf(input: Paragraph[]) {
  const { kept, removed } = removeFurniture(input, NO_FURNITURE_EVIDENCE);
  return detectSource(extractStructure(kept), removed);
}

test("seed 002's staff credit makes the Miami Herald its source, with the credit as evidence", () => {
  assert.deepEqual(sourceOf(seed("002_b04d322f93dc3252.txt")), {
    source: "Miami Herald",
    evidence: "Miami Herald staff writer Douglas Hanks contributed to this report.",
  });
});

test("'told the Miami Herald' alone is not evidence of the publisher", () => {
  const found = sourceOf(
    paras(
      "Police Chief Speaks Out",
      "“We don’t want to be involved with anything having to do with immigration,” Pérez told the Miami Herald on Monday.",
      "He added that he would serve on a committee.",
    ),
  );
  assert.deepEqual(found, {});
});

test("seeds 001 and 004 name no publisher, so none is guessed", () => {
  assert.deepEqual(sourceOf(seed("001_5742304cf4503c0a.txt")), {});
  assert.deepEqual(sourceOf(seed("004_8f3418854753f031.txt")), {});
});

test("an agency tag in the dateline names the agency", () => {
  const reuters = sourceOf(paras("Senate Passes Bill", "WASHINGTON (Reuters) - The Senate passed the bill.", "More."));
  assert.deepEqual(reuters, { source: "Reuters", evidence: "WASHINGTON (Reuters) -" });
  const ap = sourceOf(paras("Prices Rise", "LONDON (AP) — Prices rose in March, officials said.", "More."));
  assert.equal(ap.source, "Associated Press");
});

test("Reuters' 'Reuter' sign-off names Reuters", () => {
  const found = sourceOf(paras("BAHIA COCOA REVIEW", "SALVADOR, Feb 26 - Showers continued.", "Reuter"));
  assert.deepEqual(found, { source: "Reuters", evidence: "Reuter" });
});

test("a network's possessive staff credit names the network", () => {
  const found = sourceOf(
    paras("Debate Night", "The candidates met in New York on Monday for the first debate.", "CNN's Dan Merica contributed to this report."),
  );
  assert.equal(found.source, "CNN");
});

test("a credit naming an unknown outlet gives no source", () => {
  const found = sourceOf(
    paras("Debate Night", "The candidates met in New York on Monday.", "Jane Doe of the Springfield Gazette contributed to this report."),
  );
  assert.deepEqual(found, {});
});

/** What the structure step hands on: a headline, a body, and the dateline as printed. */
function structure(dateline_raw?: string, ...body: string[]): ArticleStructure {
  return { title: "A Headline", title_source: "headline", authors: [], body: body.map((text, i) => ({ text, line: i + 3 })), removed: [], ...(dateline_raw ? { dateline_raw } : {}) };
}
const noCredits: Credits = { body: [], removed: [], lines: [] };
const removedLine = (kind: RemovedItem["kind"], text: string): RemovedItem => ({ kind, text, line: 9 });

test("a dateline's agency tag is read whatever its case and spacing, in both the modern and the 1987 wire form", () => {
  assert.deepEqual(detectSource(structure("LONDON ( REUTERS ) -"), [], noCredits), { source: "Reuters", evidence: "LONDON ( REUTERS ) -" });
  assert.deepEqual(detectSource(structure("ROME, March 13, Reuter -"), [], noCredits), { source: "Reuters", evidence: "ROME, March 13, Reuter -" });
  assert.equal(detectSource(structure("PARIS (AFP) --"), [], noCredits).source, "Agence France-Presse");
  // Retyped wire copy loses a space here and there.
  assert.equal(detectSource(structure("ROME, March 13,Reuter -"), [], noCredits).source, "Reuters");
  assert.equal(detectSource(structure("ROME, March 13, Reuter-"), [], noCredits).source, "Reuters");
  assert.equal(detectSource(structure("ROME, March 13, Reuter - "), [], noCredits).source, "Reuters");
});

test("a wire tag opening the story names its publisher, with the tag as printed for evidence", () => {
  const credits: Credits = { ...noCredits, lead: { source: "CNN", place: "Washington", text: "Washington (CNN)" } };
  assert.deepEqual(detectSource(structure(undefined, "House Speaker Paul Ryan ducked a question."), [removedLine("agency-signoff", "Reuters")], credits), { source: "CNN", evidence: "Washington (CNN)" });
});

test("a parenthesis in the dateline that names no agency is no source: the credits decide", () => {
  assert.deepEqual(detectSource(structure("HAVANA (Photo) -"), [], noCredits), {});
  const credits: Credits = { ...noCredits, lines: [{ kind: "contribution", text: "CNN's Dana Bash contributed to this report.", line: 20, names: ["Dana Bash"], publisher: "CNN" }] };
  assert.deepEqual(detectSource(structure("HAVANA (Photo) -"), [], credits), { source: "CNN", evidence: "CNN's Dana Bash contributed to this report." });
});

test("only a sign-off that is the word Reuter or Reuters, and that furniture removal took for one, names Reuters", () => {
  assert.deepEqual(detectSource(structure(), [removedLine("agency-signoff", "REUTERS")], noCredits), { source: "Reuters", evidence: "REUTERS" });
  assert.deepEqual(detectSource(structure(), [removedLine("banner", "Reuters")], noCredits), {});
  assert.deepEqual(detectSource(structure(), [removedLine("agency-signoff", "Thomson Reuters")], noCredits), {});
  assert.deepEqual(detectSource(structure(), [removedLine("agency-signoff", "Reuters Foundation")], noCredits), {});
});

test("the first credit line that names its publisher gives the source, not the first credit line", () => {
  const credits: Credits = {
    ...noCredits,
    lines: [
      { kind: "photo", text: "Photo by Jane Roe/Getty Images", line: 4, names: ["Jane Roe"] },
      { kind: "contribution", text: "Reporting by John Doe; editing by Mary Poe", line: 30, names: ["John Doe", "Mary Poe"], publisher: "Politico" },
    ],
  };
  assert.deepEqual(detectSource(structure(), [], credits), { source: "Politico", evidence: "Reporting by John Doe; editing by Mary Poe" });
  assert.deepEqual(detectSource(structure(), [], { ...noCredits, lines: [credits.lines[0]] }), {});
});

test("a removed contributor credit introducing a known publisher's staff names it, under its usual name", () => {
  assert.deepEqual(detectSource(structure(), [removedLine("contributor-credit", "USA TODAY staff writers did the reporting.")], noCredits), {
    source: "USA Today",
    evidence: "USA TODAY staff writers did the reporting.",
  });
  assert.equal(detectSource(structure(), [removedLine("contributor-credit", "The Miami Herald's Jane Roe helped.")], noCredits).source, "Miami Herald");
  assert.equal(detectSource(structure(), [removedLine("contributor-credit", "(Reuters reporters in Kabul helped.)")], noCredits).source, "Reuters");
});

test("staff of an unknown outlet, or a publisher named in furniture that is no credit, gives no source", () => {
  assert.deepEqual(detectSource(structure(), [removedLine("contributor-credit", "Springfield Gazette staff writer Jane Roe helped.")], noCredits), {});
  assert.deepEqual(detectSource(structure(), [removedLine("author-bio", "Jane Roe is a Miami Herald staff writer.")], noCredits), {});
  assert.deepEqual(detectSource(structure(), [removedLine("signup-prompt", "Get the Miami Herald's Morning Briefing.")], noCredits), {});
  assert.deepEqual(detectSource(structure(), [removedLine("contributor-credit", "Jane Roe of USAToday.com helped.")], noCredits), {});
});

test("a copyright line under the story names its publisher, when the lists know it, and leaves the story", () => {
  const story = ["Russia's election: free sausages and fraud", "Voters queued at polling stations across Moscow on Sunday, officials said.", "The result was expected to strengthen the ruling party."];
  const run = (...end: string[]) => removeFurniture(paras(...story, ...end), NO_FURNITURE_EVIDENCE);
  const politico = run("© 2016 POLITICO SPRL", "Log in to access content and manage your profile. If you do not have a login you can register here.");
  assert.deepEqual(politico.removed.map((r) => [r.kind, r.text]), [
    ["copyright", "© 2016 POLITICO SPRL"],
    ["signup-prompt", "Log in to access content and manage your profile. If you do not have a login you can register here."],
  ]);
  assert.deepEqual(detectSource(extractStructure(politico.kept), politico.removed), { source: "Politico", evidence: "© 2016 POLITICO SPRL" });
  assert.equal(sourceOf(paras(...story, "Copyright © 2017 ABC News Internet Ventures. Yahoo! - ABC News Network")).source, "ABC News");
  assert.equal(sourceOf(paras(...story, "Copyright 2016 The Associated Press. All rights reserved.")).source, "Associated Press");
  // A publisher the lists do not know: the line goes, no source is guessed.
  const grist = run("© 1999-2016 Grist Magazine, Inc. All rights reserved.");
  assert.deepEqual(grist.removed.map((r) => r.kind), ["copyright"]);
  assert.deepEqual(detectSource(extractStructure(grist.kept), grist.removed), {});
  // Sentences that only start like one stay in the story.
  for (const last of ["Copyright infringement cases rose sharply last year.", "(c) the company shall pay the costs."]) assert.deepEqual(run(last).removed, [], last);
});

test("the writer's bio under the story names the publisher they work for", () => {
  const story = ["Attorney sees no rush to arraign suspect", "Prosecutors said on Wednesday that the suspect would be taken to Manhattan in the near future.", "The letter shows no urgency."];
  for (const [bio, source] of [
    ["Josh Gerstein is a senior reporter for POLITICO.", "Politico"],
    ["Hadas Gold is a reporter at Politico.", "Politico"],
    ["Michael Grunwald is a senior staff writer for Politico Magazine.", "Politico"],
  ]) {
    assert.deepEqual(sourceOf(paras(...story, bio)), { source, evidence: bio }, bio);
  }
  // A bio naming an outlet the lists do not know, or a place, gives none.
  assert.deepEqual(sourceOf(paras(...story, "Bill Thompson is technology correspondent for The World.")), {});
  assert.deepEqual(sourceOf(paras(...story, "Lisa Rab is a journalist in Charlotte, N.C.")), {});
});
