import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NEAR_DUPLICATE } from "../../src/check/check-settings.ts";
import { decodeSketches, encodeSketches, findDuplicatePairs, jaccard, normalizedWords, shingleHashes, textDigest, type SketchStore } from "../../src/check/near-duplicates.ts";

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

  it("gives each call the answer of a first call, when texts change between calls as npm start's saves change them", () => {
    const others = Array.from({ length: 30 }, (_, i) => ({ id: `n${String(i).padStart(2, "0")}.txt`, text: randomArticle(i + 100, 120) }));
    const edited = original.replace("twelve routes", "eleven routes");
    // Each call's answer, as from a first call (settings of its own, so nothing is reused).
    const fresh = (texts: { id: string; text: string }[]) => findDuplicatePairs(texts, { settings: { ...NEAR_DUPLICATE } });
    const steps = [
      [...others, { id: "a.txt", text: original }, { id: "b.txt", text: edited }],
      // b.txt rewritten: no longer a copy.
      [...others, { id: "a.txt", text: original }, { id: "b.txt", text: randomArticle(7, 120) }],
      // c.txt now holds b.txt's old text, retyped: an exact copy of nothing, a near copy of a.txt.
      [...others, { id: "a.txt", text: original }, { id: "b.txt", text: randomArticle(7, 120) }, { id: "c.txt", text: edited }],
      // The same texts under other names.
      [...others.slice(1), { id: "z.txt", text: original }, { id: "y.txt", text: edited }],
    ];
    const answers = steps.map((texts) => findDuplicatePairs(texts));
    steps.forEach((texts, i) => assert.deepEqual(answers[i], fresh(texts), `step ${i + 1}`));
    assert.deepEqual(answers.map((pairs) => pairs.map((p) => `${p.a}+${p.b}`)), [["a.txt+b.txt"], [], ["a.txt+c.txt"], ["y.txt+z.txt"]]);
    // Other settings over the same texts: short texts compared as near copies with them, not with the defaults' sketches.
    const short = randomArticle(11, 19);
    const shortEdited = short.replace(/^\S+/, "changed");
    const small = { shingleWords: 2, bands: 40, rowsPerBand: 1, threshold: 0.8, minWords: 15 };
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: short }, { id: "b.txt", text: shortEdited }]), [], "under the default minimum length");
    assert.deepEqual(
      findDuplicatePairs([{ id: "a.txt", text: short }, { id: "b.txt", text: shortEdited }], { settings: small }).map((p) => p.exact),
      [false],
      "a near copy with the smaller minimum",
    );
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

describe("duplicate detection at its edges", () => {
  const words = (n: number, seed = 11) => randomArticle(seed, n).split(" ");
  /** A text of `n` words and the same text with its last word changed. */
  const pairOf = (n: number) => {
    const w = words(n);
    return [w.join(" "), [...w.slice(0, -1), "changed"].join(" ")];
  };
  const settings = { shingleWords: 5, bands: 40, rowsPerBand: 1, threshold: 0.8, minWords: 20 };

  it("compares texts of exactly the minimum length as near copies, and shorter ones only exactly", () => {
    const [a20, b20] = pairOf(20);
    const found = findDuplicatePairs([{ id: "a.txt", text: a20 }, { id: "b.txt", text: b20 }], { settings });
    assert.deepEqual(found.map((p) => [p.a, p.b, p.exact]), [["a.txt", "b.txt", false]]);
    const [a19, b19] = pairOf(19);
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: a19 }, { id: "b.txt", text: b19 }], { settings }), []);
  });

  it("reports a pair whose similarity is exactly the threshold, and not one just below it", () => {
    const [a, b] = pairOf(40);
    const similarity = jaccard(shingleHashes(normalizedWords(a), 5), shingleHashes(normalizedWords(b), 5));
    assert.equal(similarity, 35 / 37);
    const at = findDuplicatePairs([{ id: "a.txt", text: a }, { id: "b.txt", text: b }], { settings: { ...settings, threshold: similarity } });
    assert.deepEqual(at, [{ a: "a.txt", b: "b.txt", similarity, exact: false }]);
    assert.deepEqual(findDuplicatePairs([{ id: "a.txt", text: a }, { id: "b.txt", text: b }], { settings: { ...settings, threshold: similarity + 1e-9 } }), []);
  });

  it("reports every pair among three copies, each once, in file order", () => {
    const texts = ["c.txt", "a.txt", "b.txt"].map((id) => ({ id, text: original }));
    assert.deepEqual(findDuplicatePairs(texts), [
      { a: "a.txt", b: "b.txt", similarity: 1, exact: true },
      { a: "a.txt", b: "c.txt", similarity: 1, exact: true },
      { a: "b.txt", b: "c.txt", similarity: 1, exact: true },
    ]);
  });

  it("lists pairs sorted by their first file, then their second, exact and near alike", () => {
    const long = randomArticle(5, 120);
    const texts = [
      { id: "z.txt", text: `${long} one` },
      { id: "m.txt", text: original },
      { id: "b.txt", text: `${long} two` },
      { id: "k.txt", text: original },
      { id: "d.txt", text: long },
    ];
    assert.deepEqual(findDuplicatePairs(texts).map((p) => `${p.a}-${p.b}`), ["b.txt-d.txt", "b.txt-z.txt", "d.txt-z.txt", "k.txt-m.txt"]);
  });

  it("keeps a pair when either of its files is being checked", () => {
    const texts = [{ id: "a.txt", text: original }, { id: "b.txt", text: `${original} more words here` }];
    for (const checked of ["a.txt", "b.txt"]) {
      assert.deepEqual(findDuplicatePairs(texts, { involving: new Set([checked]) }).map((p) => [p.a, p.b]), [["a.txt", "b.txt"]], checked);
    }
    assert.deepEqual(findDuplicatePairs(texts, { involving: new Set(["c.txt"]) }), []);
    assert.deepEqual(findDuplicatePairs([...texts, { id: "c.txt", text: original }], { involving: new Set(["c.txt"]) }).map((p) => [p.a, p.b, p.exact]), [["a.txt", "c.txt", true]], "a copy is reported as a copy of the first");
  });
});

describe("words and shingles", () => {
  it("read the same words from plain ASCII and from accented text", () => {
    assert.deepEqual(normalizedWords("Don't stop: 2017's U.S. BUDGET"), ["don", "t", "stop", "2017", "s", "u", "s", "budget"]);
    assert.deepEqual(normalizedWords("Don't stop: 2017’s U.S. BUDGET"), ["don", "t", "stop", "2017", "s", "u", "s", "budget"]);
    assert.deepEqual(normalizedWords("Naïve   résumé—ÉCOLE 42"), ["naive", "resume", "ecole", "42"]);
    assert.deepEqual(normalizedWords("  ...  "), []);
    assert.deepEqual(normalizedWords(" — "), []);
  });

  it("count word order, drop repeated shingles, and give a short text one shingle", () => {
    const w = "one two three four five six".split(" ");
    assert.equal(shingleHashes(w, 5).length, 2);
    assert.notDeepEqual(shingleHashes(w, 5), shingleHashes([...w].reverse(), 5));
    assert.notDeepEqual(shingleHashes(["a", "b"], 5), shingleHashes(["b", "a"], 5));
    assert.equal(shingleHashes(["a", "b"], 5).length, 1);
    assert.equal(shingleHashes([], 5).length, 1);
    const repeated = Array.from({ length: 30 }, (_, i) => ["x", "y", "z"][i % 3]);
    assert.equal(shingleHashes(repeated, 5).length, 3);
    const sorted = shingleHashes(normalizedWords(original), 5);
    assert.ok(sorted.every((h, i) => i === 0 || sorted[i - 1] < h));
    assert.notDeepEqual(shingleHashes(["ab"], 1), shingleHashes(["ba"], 1));
  });

  it("measure a partial overlap as shared over all", () => {
    assert.equal(jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)), 0.5);
    assert.equal(jaccard(Uint32Array.of(1, 5, 9), Uint32Array.of(2, 5, 8, 9)), 2 / 5);
    assert.equal(jaccard(Uint32Array.of(), Uint32Array.of()), 1);
    assert.equal(jaccard(Uint32Array.of(1), Uint32Array.of()), 0);
  });
});

describe("sketches kept between calls (a build's story groups)", () => {
  const texts = [
    { id: "a.txt", text: original },
    { id: "b.txt", text: original.replace("twelve routes", "eleven routes") },
    { id: "c.txt", text: randomArticle(7, 300) },
    { id: "d.txt", text: original },
    { id: "e.txt", text: "Too short to compare by shingles." },
  ];

  it("finds the same pairs with a store as without, empty or filled by an earlier call, and leaves it holding exactly these texts' sketches", () => {
    const expected = findDuplicatePairs(texts);
    assert.equal(expected.length, 2);
    const store: SketchStore = new Map();
    assert.deepEqual(findDuplicatePairs(texts, { store }), expected);
    assert.deepEqual([...store.keys()].sort(), [...new Set(texts.map((t) => textDigest(t.text)))].sort());
    // Through bytes and back, as the next build reads them.
    const again = decodeSketches(encodeSketches(store))!;
    assert.equal(again.size, store.size);
    assert.deepEqual(findDuplicatePairs(texts, { store: again }), expected);
    // A text gone from the archive leaves the store; a new one enters it.
    const next = [...texts.slice(1), { id: "f.txt", text: randomArticle(8, 300) }];
    findDuplicatePairs(next, { store: again });
    assert.deepEqual([...again.keys()].sort(), [...new Set(next.map((t) => textDigest(t.text)))].sort());
  });

  it("uses a stored sketch instead of making it again", () => {
    // A planted sketch: c.txt's text stored with a's sketch makes c an exact copy of a.
    const store: SketchStore = new Map();
    findDuplicatePairs(texts, { store });
    store.set(textDigest(texts[2].text), store.get(textDigest(original))!);
    const pairs = findDuplicatePairs(texts, { store });
    assert.ok(pairs.some((p) => p.a === "a.txt" && p.b === "c.txt" && p.exact));
  });

  it("reads back every field of every sketch, and refuses bytes cut short, lengthened, or written with other settings", () => {
    const store: SketchStore = new Map();
    findDuplicatePairs(texts, { store });
    const bytes = encodeSketches(store);
    const back = decodeSketches(bytes)!;
    assert.deepEqual([...back.entries()], [...store.entries()]);
    for (const cut of [bytes.length - 1, bytes.length - 4, Math.floor(bytes.length / 2), 30, 0]) assert.equal(decodeSketches(bytes.subarray(0, cut)), undefined, `cut to ${cut}`);
    assert.equal(decodeSketches(Buffer.concat([bytes, Buffer.alloc(4)])), undefined);
    assert.equal(decodeSketches(bytes, { ...NEAR_DUPLICATE, bands: NEAR_DUPLICATE.bands + 1 }), undefined);
    assert.equal(decodeSketches(Buffer.from("not sketches at all")), undefined);
  });
});
