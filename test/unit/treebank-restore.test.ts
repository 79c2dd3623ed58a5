import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { decodeArticle } from "../../src/ingest/pipeline.ts";
import { looksTreebankTokenized } from "../../src/ingest/detokenize.ts";
import { splitSentences, tokenizeParagraph, tokenizeSentence } from "../../scripts/treebank-tokenizer.ts";
import { quoteBlind, spacingErrors } from "../../scripts/measure-treebank.ts";

// The same path as scripts/measure-treebank.ts, on a fixture written for this test
// (no corpus text): tokenize like NLTK, ingest, compare with the original.
const written = readFileSync(new URL("../fixtures/treebank/written.txt", import.meta.url), "utf8");
const paragraphs = (text: string) => decodeArticle({ file: "fixture.txt", bytes: new TextEncoder().encode(text) }).paragraphs.map((p) => p.text);

test("the tokenizer follows NLTK's TreebankWordTokenizer on its documented example", () => {
  const tokens = tokenizeSentence("Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.");
  assert.deepEqual(tokens, ["Good", "muffins", "cost", "$", "3.88", "(", "roughly", "3,36", "euros", ")", "in", "New", "York.", "Please", "buy", "me", "two", "of", "them.", "Thanks", "."]);
  assert.deepEqual(tokenizeSentence(`They'll say "I can't," won't they?`), ["They", "'ll", "say", "``", "I", "ca", "n't", ",", "''", "wo", "n't", "they", "?"]);
  assert.deepEqual(tokenizeSentence("Trump’s “plan”", "nltk"), ["Trump", "’", "s", "“", "plan", "”"]);
});

test("sentences are tokenized one by one, so an abbreviation ending one prints as 'U.S .'", () => {
  assert.deepEqual(splitSentences("It ordered the U.S. It also said Mr. Lee agreed."), ["It ordered the U.S.", "It also said Mr. Lee agreed."]);
  assert.equal(tokenizeParagraph("It ordered the U.S. It also said so."), "It ordered the U.S . It also said so .");
});

for (const style of ["treebank", "nltk"] as const) {
  test(`every paragraph of the fixture comes back exactly after ${style} tokenizing, quote style aside`, () => {
    const tokenized = written.split("\n").map((line) => tokenizeParagraph(line, style)).join("\n");
    assert.ok(looksTreebankTokenized(tokenized));
    assert.notEqual(tokenized, written);
    const want = paragraphs(written);
    const got = paragraphs(tokenized);
    assert.equal(got.length, want.length);
    want.forEach((w, i) => assert.equal(quoteBlind(got[i]), quoteBlind(w)));
    // Readers get typographic quotes and apostrophes.
    assert.match(got[2], /^“We won’t be bullied,” said the chair/);
  });
}

test("spacing errors count spaces missing or extra, and nothing when other characters differ", () => {
  assert.equal(spacingErrors("a b, c", "a b , c"), 1);
  assert.equal(spacingErrors("a (b) c", "a ( b )c"), 3);
  assert.equal(spacingErrors("same", "same"), 0);
  assert.equal(spacingErrors("cannot", "can't"), undefined);
});
