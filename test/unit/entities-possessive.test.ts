import { test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

function names(...paragraphs: string[]) {
  return mentionNames(extractMentions({ title: "A story", paragraphs }));
}

test("a possessive ending a sentence is cut from the name, as it is inside one: no page for “Hillary Clinton’s”", () => {
  for (const apostrophe of ["’", "'"]) {
    const found = names(`His policies are as progressive as Hillary Clinton${apostrophe}s. She is no different, the senator said on Monday.`);
    assert.deepEqual(found.people, ["Hillary Clinton"], apostrophe);
    assert.ok(!found.people.includes("She"), "the next sentence starts after the period");
  }
  assert.deepEqual(names("The ruling was a blow to the Philippines'. Officials in Manila said they would appeal.").places.sort(), ["Manila", "Philippines"]);
  assert.deepEqual(
    names("The decision was a blow to Hillary Clinton’s campaign on Monday.").people,
    names("The decision was a blow to Hillary Clinton’s. The campaign said so on Monday.").people,
    "the same name mid-sentence and at a sentence's end",
  );
});

test("a saint's name keeps its possessive at a sentence's end (“St Mary's” is the hospital's name)", () => {
  // Read as a name other articles may confirm, as mid-paragraph capitals are.
  const mentions = extractMentions({ title: "A story", paragraphs: ["She was later treated at St Mary's. Her family thanked the nurses on Tuesday."] }).mentions.map((m) => m.name);
  assert.ok(mentions.includes("St Mary's"), JSON.stringify(mentions));
  assert.ok(!mentions.includes("St Mary"), JSON.stringify(mentions));
});
