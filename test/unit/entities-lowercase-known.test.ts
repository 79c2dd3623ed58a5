// Known names whose first word is not capitalized ("al-Qaeda", "al Qaeda", "14th Amendment"):
// a run of capitalized words never starts at them, so they are looked up where they stand.
// Apart from entities.test.ts so that an incremental mutation run re-tests only what this file reaches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (title: string, ...paragraphs: string[]) => mentionNames(extractMentions({ title, paragraphs }));

test("a known name with a lowercase first word is found in the body, in each of its spellings", () => {
  for (const text of ["Officials said al-Qaeda was behind the attack.", "Officials said al Qaeda was behind the attack.", "Officials said al-Qaida was behind it."]) {
    assert.deepEqual(names("", text).organizations, ["Al Qaeda"], text);
  }
  assert.deepEqual(names("", "The court cited the 14th Amendment on Monday.").events, ["Fourteenth Amendment"]);
});

test("and in a headline, where it stands anywhere in the line", () => {
  assert.deepEqual(names("Why al-Qaeda Is Back In Yemen", "Nobody knows why.").organizations, ["Al Qaeda"]);
  assert.deepEqual(names("How al Qaeda Rebuilt Its Network In Yemen", "Nobody knows why.").organizations, ["Al Qaeda"]);
});

test("the words after it are read as usual, and its first word alone or at a paragraph's end names nothing", () => {
  const found = names("", "Officials said al Qaeda Leader Dana Quill was behind it, Zorvan Quill said.");
  assert.deepEqual(found.organizations, ["Al Qaeda"]);
  // "Qaeda" is the name's, not the first word of a person's ("Qaeda Leader Dana Quill").
  assert.deepEqual(found.people, ["Dana Quill", "Zorvan Quill"]);
  assert.deepEqual(names("", "Officials said al Qaeda said so.").people, []);
  assert.deepEqual(names("", "The word al appears here, and so does al").organizations, []);
  assert.deepEqual(names("", "He wrote it on the 14th of May.").events, []);
});
