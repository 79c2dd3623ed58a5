import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const headline = "Council keeps the harbour policy";
const story = [
  "The county commission voted 7-6 on Friday to keep the harbour policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents said they would take the decision to court, and the harbour master said his staff would follow the law as it stands.",
];

test("an ad plugin's empty slot and an advertisement label go, each line listed as an advertisement", () => {
  const slot = ["Your ads will be inserted here by Easy Plugin for AdSense. Please go to the plugin admin page to", "Paste your ad code OR", "Suppress this ad slot ."];
  const split = ["Your ads will be inserted here by", "Easy Plugin for AdSense."];
  const labels = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored content"];
  const { kept, removed } = removeFurniture(paras(headline, story[0], ...slot, story[1], ...split, ...labels), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), [headline, ...story]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [...slot, ...split, ...labels].map((text) => ["advertisement", text]));
});

test("sentences about advertising stay", () => {
  const real = [
    "Advertisements for the harbour ferry ran in three newspapers last week.",
    "Your ads will be inserted here by the agency, the council's contract says, for a fee of $4,000.",
    "Sponsored content made up a fifth of the paper's revenue last year.",
  ];
  assert.deepEqual(removeFurniture(paras(headline, ...story, ...real), NO_FURNITURE_EVIDENCE).kept.map((p) => p.text), [headline, ...story, ...real]);
});
