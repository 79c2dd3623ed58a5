// A nation's adjective before capitalized words ("Italian Treasury said", "Saudi Arabian",
// "Irish Lions"): a Reuters build made people of them, 200 such names across the corpus.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const people = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs })).people;

describe("a run that starts with a nation's adjective", () => {
  test("names no person when only things follow it, even with a verb of saying", () => {
    assert.deepEqual(people("The Italian Treasury said it would offer new certificates."), []);
    assert.deepEqual(people("Saudi Arabian output fell, Saudi Arabian officials said."), []);
    assert.deepEqual(people("The British and Irish Lions lost, but Irish Lions said they were proud."), []);
    assert.deepEqual(people("Turkish Sugar Factories said output rose by a tenth."), []);
  });

  test("is not part of the name of the person it describes", () => {
    assert.deepEqual(people("Austrian Jurgen Melzer beat the seed, and Melzer said he was tired."), ["Jurgen Melzer"]);
    assert.deepEqual(people("Italian Mario Draghi said rates would rise."), ["Mario Draghi"]);
  });

  test("alone, with a verb of saying, names nobody", () => {
    assert.deepEqual(people("An Iraqi spokesman spoke first. The Iraqi said the talks were over."), []);
  });

  test("its last word, alone later, is not a person either", () => {
    assert.deepEqual(people("Shares of American Brands rose on the news.", "Brands said its sales rose by a fifth."), []);
  });

  test("leaves given names that are also adjectives of a people alone", () => {
    assert.deepEqual(people("Norman Lamont said the pound would hold."), ["Norman Lamont"]);
  });
});
