import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { detectSource } from "../../src/ingest/source.ts";
import { extractStructure } from "../../src/ingest/structure.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
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
