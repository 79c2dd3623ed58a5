import assert from "node:assert/strict";
import { test } from "node:test";
import { rejoinDropCaps } from "../../src/ingest/drop-caps.ts";
import { splitParagraphs } from "../../src/ingest/paragraphs.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const texts = (input: string[]) => rejoinDropCaps(paras(...input)).map((p) => p.text);

test("a drop cap printed as a paragraph of its own is rejoined to its word, on the letter's line", () => {
  const out = rejoinDropCaps(paras("Council Keeps Policy", "T", "he council voted on Tuesday to keep the policy.", "It meets again in May."));
  assert.deepEqual(out, [
    { text: "Council Keeps Policy", line: 1 },
    { text: "The council voted on Tuesday to keep the policy.", line: 2 },
    { text: "It meets again in May.", line: 4 },
  ]);
});

test("a drop cap split into one letter per paragraph is rejoined: C / N / N had", () => {
  assert.deepEqual(texts(["C", "N", "N had an ominous headline about the meeting today."]), [
    "CNN had an ominous headline about the meeting today.",
  ]);
  assert.deepEqual(texts(["A", "n", "nabelle Lee filed the papers on Monday."]), ["Annabelle Lee filed the papers on Monday."]);
});

test("a letter run that is a whole word keeps the space the scraper lost: S / o / why", () => {
  assert.deepEqual(texts(["S", "o", "why did the mayor change her mind?"]), ["So why did the mayor change her mind?"]);
  assert.deepEqual(texts(["W", "e", "need a plan, so we made one."]), ["We need a plan, so we made one."]);
  assert.deepEqual(texts(["I", "t", "’s a long road, and it is not over."]), ["It’s a long road, and it is not over."]);
});

test("a one-letter word stays a word: A / man walked in, but A / fter the vote and I / t was late are rejoined", () => {
  assert.deepEqual(texts(["A", "man walked into the council meeting with a petition."]), [
    "A man walked into the council meeting with a petition.",
  ]);
  assert.deepEqual(texts(["A", "fter the vote, the council went home."]), ["After the vote, the council went home."]);
  assert.deepEqual(texts(["I", "t was late when the vote was called, and it was close."]), [
    "It was late when the vote was called, and it was close.",
  ]);
});

test("an opening quote or bracket printed alone is rejoined to what it opens", () => {
  assert.deepEqual(texts(["“", "We will not comply,” the mayor said."]), ["“We will not comply,” the mayor said."]);
  assert.deepEqual(texts(["(", "Reuters) The index fell."]), ["(Reuters) The index fell."]);
});

test("a lone letter before a capitalised paragraph stays where it is (a Q before a question)", () => {
  assert.deepEqual(texts(["Q", "What did the council decide?", "It kept the policy."]), ["Q", "What did the council decide?", "It kept the policy."]);
  assert.deepEqual(texts(["5", "people were hurt."]), ["5", "people were hurt."]);
});

test("a drop cap glued to the end of the paragraph before moves back to its word", () => {
  assert.deepEqual(texts(["Rose Lee, a community activist, has died. She was 68. L", "ee died at home on Sunday, friends said."]), [
    "Rose Lee, a community activist, has died. She was 68.",
    "Lee died at home on Sunday, friends said.",
  ]);
  assert.deepEqual(texts(["Here is what he said: “M", "y name may not be on the ballot,” he said."]), [
    "Here is what he said:",
    "“My name may not be on the ballot,” he said.",
  ]);
});

test("a capital letter ending a paragraph without a sentence before it stays", () => {
  const input = ["The team finished first in Group B", "and will play again on Sunday."];
  assert.deepEqual(texts(input), input);
  // A one-letter word may end a sentence and start the next: only a known word moves.
  const pronoun = ["They asked who voted. I", "raised my hand."];
  assert.deepEqual(texts(pronoun), pronoun);
});

test("a drop cap printed with a space after it is closed up only when that makes a word", () => {
  assert.deepEqual(texts(["O ver the past months the council met weekly."]), ["Over the past months the council met weekly."]);
  const real = ["A lot of people came to the meeting."];
  assert.deepEqual(texts(real), real);
});

test("paragraph splitting rejoins drop caps in raw text", () => {
  const out = splitParagraphs("Council Keeps Policy\n\nT\n\nhe council voted on Tuesday.\n\nIt meets again in May.\n");
  assert.deepEqual(out.map((p) => [p.text, p.line]), [
    ["Council Keeps Policy", 1],
    ["The council voted on Tuesday.", 3],
    ["It meets again in May.", 7],
  ]);
});

test("text without drop caps is returned unchanged", () => {
  const input = ["Council Keeps Policy", "The council voted on Tuesday to keep the policy.", "I think so, said one member."];
  assert.deepEqual(texts(input), input);
});
