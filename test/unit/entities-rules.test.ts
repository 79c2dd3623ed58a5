// The run rules of entities.ts (lines 421 to the end) at the edges a mutation run found untested.
// Apart from entities.test.ts so that an incremental mutation run re-tests only what this file reaches.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
const mentions = (...paragraphs: string[]) =>
  extractMentions({ title: "", paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);
const headline = (title: string, ...paragraphs: string[]) =>
  extractMentions({ title, paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

describe("mentions kept", () => {
  test("a name seen twice without a cue keeps the surface it was first written with", () => {
    assert.deepEqual(mentions("Shares in Quintero Vasquez rose.", "By Quintero Vasquez Quintero Vasquez on Monday."), [
      "person:Quintero Vasquez:unsure:Quintero Vasquez",
    ]);
    assert.deepEqual(mentions("By Quintero Vasquez Quintero Vasquez on Monday.", "Shares in Quintero Vasquez rose."), [
      "person:Quintero Vasquez:unsure:Quintero Vasquez Quintero Vasquez",
    ]);
  });
});

describe("known names", () => {
  test("an acronym the lists know is its organization, in a sentence and in a headline in capitals", () => {
    assert.deepEqual(mentions("NATO troops arrived."), ["organization:North Atlantic Treaty Organization:known:NATO"]);
    assert.deepEqual(headline("NATO TALKS FAIL", "Nothing was agreed."), ["organization:North Atlantic Treaty Organization:known:NATO"]);
  });
});

describe("lone words", () => {
  test("a known place split from its bracketed state by a title is still that place, not a person cued by 'said'", () => {
    assert.deepEqual(mentions("“No,” said Paris (Texas) Mayor Ann Lee."), ["person:Ann Lee:title:Ann Lee", "place:Paris:known:Paris"]);
  });
});
