import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { collectFurnitureEvidence, WordFinder, wordUsesOf } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

/**
 * The evidence count asks of every article whether its text uses each one-word prefix
 * ("menu") as a whole word: a prefix the archive's stories use as often as it opens their
 * headlines is a headline's start, not navigation. WordFinder answers for all the words in
 * one pass over the text; a wrong answer keeps navigation in headlines or cuts a story's
 * first word, so it must say exactly what a search for each word says.
 */

/** The definition: `word` at some place of `text` with no letter or digit (one UTF-16 unit each) on either side. */
function usesWord(text: string, word: string): boolean {
  const wordUnit = (unit: string | undefined) => unit !== undefined && /[\p{L}\p{N}]/u.test(unit);
  for (let at = 0; at + word.length <= text.length; at++) {
    if (text.startsWith(word, at) && !wordUnit(text[at - 1]) && !wordUnit(text[at + word.length])) return true;
  }
  return false;
}

// Letters of several scripts, digits, marks, punctuation inside words, spaces, and both
// halves of a surrogate pair (an emoji, a mathematical letter) apart and together.
const units = ["a", "b", "e", "n", "u", "m", "s", "é", "ü", "ß", "я", "д", "中", "文", "0", "7", "٣", "\u0301", "-", "'", "’", ".", " ", " ", "\n", ",", "\uD835", "\uDC00", "\uD83D", "\uDE00", "_"];
const textArb = fc.string({ unit: fc.constantFrom(...units), maxLength: 3000, size: "max" });

test("WordFinder finds exactly the words a whole-word search finds, in long texts of any script", () => {
  fc.assert(
    fc.property(
      textArb,
      fc.array(fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 6 }), { maxLength: 100, size: "max" }),
      fc.array(fc.nat(), { maxLength: 40 }),
      (text, randomWords, cuts) => {
        // Words cut out of the text itself, so that many are found, some inside longer words.
        const fromText = cuts.map((c) => text.slice(c % (text.length + 1), (c % (text.length + 1)) + 1 + (c % 7)));
        const words = [...randomWords, ...fromText].filter((w) => w.length > 0);
        const found = new WordFinder(words).find(text);
        assert.deepEqual(
          words.map((_, w) => found[w] === 1),
          words.map((word) => usesWord(text, word)),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test("WordFinder tells a whole word from the same letters inside another word or beside a digit", () => {
  const words = ["menu", "home", "e-mail", "u.s", "2016", "déjà", "menu"];
  const found = (text: string) => [...new WordFinder(words).find(text)];
  assert.deepEqual(found("the menus of home-made soup"), [0, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual(found("menu2 and menu, e-mail the u.s. in 2016"), [1, 0, 1, 1, 1, 0, 1]);
  assert.deepEqual(found("déjà vu, x2016 and emailed"), [0, 0, 0, 0, 0, 1, 0]);
  assert.deepEqual(found("𝐀menu𝐀"), [1, 0, 0, 0, 0, 0, 1], "half of a surrogate pair is neither letter nor digit, as the search counts it");
  // A Reuters dateline's city and its comma, the words the evidence asks about most.
  const cities = ["phoenix,", "london,", "rome,", "new"];
  const city = (text: string) => [...new WordFinder(cities).find(text)];
  assert.deepEqual(city("phoenix, march 3 - in london ,rome,2 and new,york"), [1, 0, 0, 1]);
  assert.deepEqual(city("phoenixes, london,, rome,x"), [0, 1, 0, 0]);
});

test("the words an article uses, as the ingest cache keeps them, are the finder's", () => {
  const article = paras("Menu Oil prices rise", "Oil prices rose on the menu of options, traders said.", "Home sales fell.");
  assert.equal(wordUsesOf(article, ["menu", "home", "oil", "prices", "traders", "sale"]), "111110");
});

test("a one-word prefix other stories use as a word is a headline's start; one they never use, navigation", () => {
  const glued = ["Harbour policy stays after vote", "Rail strike ends after nine days", "Library opens a new wing", "Ferry fares rise for summer", "Council names a new chief"].map((headline, i) =>
    paras(`Menu ${headline}`, `The story about ${headline.toLowerCase()} goes on here, number ${i}.`, "More of it follows in a second paragraph."),
  );
  const others = (word: string) =>
    Array.from({ length: 6 }, (_, i) => paras(`Market report number ${i} for the week`, `Traders read the ${word} of prices again on day ${i}.`, "Nothing else happened."));
  assert.ok(collectFurnitureEvidence([...glued, ...others("menus")]).prefixes.includes("menu"), "inside a longer word it is not used: navigation");
  assert.ok(!collectFurnitureEvidence([...glued, ...others("menu")]).prefixes.includes("menu"), "used in more stories than it opens: a word of theirs");
});
