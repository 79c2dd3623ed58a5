import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDuplicatePairs, jaccard, normalizedWords, shingleHashes } from "../../src/check/near-duplicates.ts";

/** A deterministic pseudo-random article of `n` words drawn from a large vocabulary. */
function randomArticle(seed: number, n: number): string {
  let s = seed;
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    words.push(`w${(s >>> 8) % 5000}`);
  }
  return words.join(" ");
}

const original = [
  "The county commission voted on Tuesday to expand the bus network into the western suburbs, adding twelve routes by next spring.",
  "Officials said the plan would cost about 40 million dollars over five years, paid for by a half-cent sales tax approved by voters in 2002.",
  "Residents who spoke at the meeting were divided. Some welcomed shorter commutes; others said the money should go to road repairs first.",
  "The first new routes are expected to open in March, the transit director said, with the rest following in stages through the summer.",
].join("\n\n");

describe("duplicate detection", () => {
  it("reports the same text retyped with other case, punctuation and spacing as an exact duplicate", () => {
    const retyped = original.toUpperCase().replace(/,/g, " ,").replace(/\n\n/g, "\n");
    const pairs = findDuplicatePairs([
      { id: "b.txt", text: retyped },
      { id: "a.txt", text: original },
    ]);
    assert.deepEqual(pairs, [{ a: "a.txt", b: "b.txt", similarity: 1, exact: true }]);
  });

  it("reports a copy with one word changed as a near-duplicate with its similarity", () => {
    const edited = original.replace("twelve routes", "eleven routes");
    const [pair, ...rest] = findDuplicatePairs([
      { id: "a.txt", text: original },
      { id: "b.txt", text: edited },
    ]);
    assert.equal(rest.length, 0);
    assert.equal(pair.exact, false);
    assert.ok(pair.similarity >= 0.85 && pair.similarity < 1, `similarity ${pair.similarity}`);
  });

  it("does not refuse two short notices that differ by one figure (too few words to compare as near copies)", () => {
    // 17 words each; only the last differs, so 12 of 14 five-word shingles are shared (0.86):
    // without the minimum length they would be taken for copies of one notice.
    const first = "Acme Widget Corp said its board declared a regular quarterly dividend of 12 cts payable April 10";
    const second = "Acme Widget Corp said its board declared a regular quarterly dividend of 12 cts payable April 17";
    assert.equal(normalizedWords(first).length, 17);
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: first }, { id: "b.txt", text: second }]), []);
    // The same notice twice is still an exact duplicate.
    assert.equal(findDuplicatePairs([{ id: "a.txt", text: first }, { id: "b.txt", text: first }]).length, 1);
  });

  it("does not report two different articles on the same subject", () => {
    const other = [
      "The county commission delayed a vote on the bus network on Tuesday after residents of the western suburbs asked for more hearings.",
      "The plan, which would add routes and cost about 40 million dollars, will return to the agenda next month, the chairwoman said.",
    ].join("\n\n");
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: original }, { id: "b.txt", text: other }]), []);
  });

  it("does not report an article whose second half was rewritten", () => {
    const half = original.split("\n\n").slice(0, 2).join("\n\n");
    const rewritten = `${half}\n\n${randomArticle(7, 45)}`;
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: original }, { id: "b.txt", text: rewritten }]), []);
  });

  it("keeps only pairs that involve the files being checked", () => {
    const texts = [
      { id: "old-1.txt", text: original },
      { id: "old-2.txt", text: original },
      { id: "new.txt", text: randomArticle(1, 200) },
      { id: "old-3.txt", text: randomArticle(1, 200).replace(/^w\d+/, "changed") },
    ];
    const pairs = findDuplicatePairs(texts, { involving: new Set(["new.txt"]) });
    assert.deepEqual(pairs.map((p) => [p.a, p.b, p.exact]), [["new.txt", "old-3.txt", false]]);
  });

  it("finds the one near-duplicate pair among 3,000 distinct articles", () => {
    const texts = Array.from({ length: 3000 }, (_, i) => ({ id: `a${String(i).padStart(5, "0")}.txt`, text: randomArticle(i + 1, 150) }));
    texts.push({ id: "copy.txt", text: `${texts[1234].text} w1 w2` });
    const pairs = findDuplicatePairs(texts);
    assert.deepEqual(pairs.map((p) => [p.a, p.b]), [["a01234.txt", "copy.txt"]]);
  });

  it("gives the same answer whatever order the texts come in", () => {
    const texts = [0, 1, 2, 3].map((i) => ({ id: `f${i}.txt`, text: i % 2 ? original : `${original} extra words` }));
    assert.deepEqual(findDuplicatePairs(texts), findDuplicatePairs([...texts].reverse()));
  });
});

describe("shingles and similarity", () => {
  it("ignore accents and case in words", () => {
    assert.deepEqual(normalizedWords("Café  CRÈME, déjà-vu!"), ["cafe", "creme", "deja", "vu"]);
  });

  it("measure identical texts as 1 and disjoint texts as 0", () => {
    const a = shingleHashes(normalizedWords(original), 5);
    const b = shingleHashes(normalizedWords(randomArticle(3, 80)), 5);
    assert.equal(jaccard(a, a), 1);
    assert.equal(jaccard(a, b), 0);
  });
});
