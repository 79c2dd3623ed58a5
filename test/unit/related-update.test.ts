import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { EXACT_SIZE_LIMIT, findRelated, lastRun, UPDATE_WINDOW, type RelatedInput, type RelatedState } from "../../src/ingest/related.ts";
import { decodeRelatedState, encodeRelatedState } from "../../src/ingest/related-state.ts";
import { mulberry32 } from "../../scripts/seeded-random.ts";

/**
 * A warm build's related-articles pass starts from the last pass's state and scores only
 * the articles whose lists can change: its lists (and the state it leaves) must be those a
 * whole pass over the same articles gives, whatever changed.
 */

const VOCABULARY = Array.from({ length: 500 }, (_, i) => `word${i}`);
const NAMES = Array.from({ length: 80 }, (_, i) => `person:Name ${i}`);
const TAGS = Array.from({ length: 50 }, (_, i) => `tag ${i}`);
const SECTIONS = ["politics", "economy", "sport", "science", undefined];

/** Zipf-like: low indexes far more often, so some words are on hundreds of articles (near the index's cap) and most on few. */
const skewed = (random: () => number, size: number) => Math.floor(size * random() ** 2.5);

function makeArticle(random: () => number, slug: string): RelatedInput {
  const terms = new Map<string, number>();
  const wordCount = 3 + Math.floor(random() * 14);
  while (terms.size < wordCount) terms.set(VOCABULARY[skewed(random, VOCABULARY.length)], 1 + Math.floor(random() * 4));
  const names = new Set<string>();
  for (let k = Math.floor(random() * 4); k > 0; k--) names.add(NAMES[skewed(random, NAMES.length)]);
  const tags = new Set<string>();
  for (let k = Math.floor(random() * 3); k > 0; k--) tags.add(TAGS[skewed(random, TAGS.length)]);
  const day = Math.floor(random() * 1500);
  return {
    slug,
    date: random() < 0.1 ? undefined : new Date(Date.UTC(2014, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    section: SECTIONS[Math.floor(random() * SECTIONS.length)],
    names: [...names],
    tags: [...tags],
    terms: { keys: [...terms.keys()], counts: [...terms.values()] },
  };
}

function makeArchive(seed: number, n: number): RelatedInput[] {
  const random = mulberry32(seed);
  const articles = Array.from({ length: n }, (_, i) => makeArticle(random, `a${String(i).padStart(5, "0")}`));
  // A few same-story pairs.
  for (let k = 0; k < n / 50; k++) {
    const x = Math.floor(random() * n);
    const y = Math.floor(random() * n);
    if (x === y) continue;
    articles[x] = { ...articles[x], sameStory: [...(articles[x].sameStory ?? []), articles[y].slug] };
    articles[y] = { ...articles[y], sameStory: [...(articles[y].sameStory ?? []), articles[x].slug] };
  }
  return articles;
}

type Change = "words" | "one-word" | "date" | "section" | "names" | "tags" | "same-story" | "delete" | "add" | "rename";
const CHANGES: Change[] = ["words", "one-word", "date", "section", "names", "tags", "same-story", "delete", "add", "rename"];

/** The archive after `changes` (each with its own seed), as a contributor's pull request would leave it. */
function applyChanges(articles: readonly RelatedInput[], changes: readonly { change: Change; seed: number }[]): RelatedInput[] {
  const out = [...articles];
  for (const { change, seed } of changes) {
    const random = mulberry32(seed);
    const at = Math.floor(random() * out.length);
    const a = out[at];
    const fresh = makeArticle(random, a.slug);
    switch (change) {
      case "words":
        out[at] = { ...a, terms: fresh.terms };
        break;
      case "one-word": {
        // What the benchmark's edit does: one more use of a word, or a new word.
        const keys = [...a.terms.keys];
        const counts = [...a.terms.counts];
        const word = VOCABULARY[skewed(random, VOCABULARY.length)];
        const k = keys.indexOf(word);
        if (k >= 0) counts[k]++;
        else keys.push(word), counts.push(1);
        out[at] = { ...a, terms: { keys, counts } };
        break;
      }
      case "date":
        out[at] = { ...a, date: fresh.date };
        break;
      case "section":
        out[at] = { ...a, section: fresh.section };
        break;
      case "names":
        out[at] = { ...a, names: fresh.names };
        break;
      case "tags":
        out[at] = { ...a, tags: fresh.tags };
        break;
      case "same-story": {
        const other = out[Math.floor(random() * out.length)];
        if (other !== a) out[at] = { ...a, sameStory: [...(a.sameStory ?? []), other.slug] };
        break;
      }
      case "delete":
        out.splice(at, 1);
        break;
      case "add":
        out.splice(at, 0, makeArticle(random, `new-${seed}`));
        break;
      case "rename":
        out[at] = { ...a, slug: `renamed-${seed}` };
        break;
    }
  }
  // The pass reads slugs, not same-story slugs of articles gone: those are simply unmatched.
  return out;
}

function wholePass(articles: readonly RelatedInput[]): { lists: string[][]; state: RelatedState } {
  let state: RelatedState | undefined;
  const lists = findRelated(articles, { helper: false, onState: (s) => (state = s) });
  return { lists, state: state! };
}

function update(articles: readonly RelatedInput[], previous: RelatedState): { lists: string[][]; state: RelatedState; updated: boolean; scored: number } {
  let state: RelatedState | undefined;
  const lists = findRelated(articles, { helper: false, previous, onState: (s) => (state = s) });
  return { lists, state: state!, updated: lastRun.updated, scored: lastRun.scored };
}

function assertSameState(actual: RelatedState, expected: RelatedState, message: string) {
  assert.deepEqual(actual.slugs, expected.slugs, message);
  assert.deepEqual(actual.signatures, expected.signatures, `${message}: signatures`);
  assert.deepEqual(actual.candidates, expected.candidates, `${message}: candidates`);
  assert.deepEqual(actual.thresholds, expected.thresholds, `${message}: thresholds`);
  assert.deepEqual(actual.results, expected.results, `${message}: results`);
  assert.deepEqual(actual.window, expected.window, `${message}: window`);
}

describe("related articles updated from the last pass", () => {
  it("give the lists and state a whole pass gives, after edits, additions, deletions and renames, twice in a row", () => {
    let updates = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        // Small archives (counted exactly: an added or deleted article moves every weight) and
        // ones past EXACT_SIZE_LIMIT (where additions and deletions are updates too).
        fc.oneof(fc.integer({ min: 20, max: 300 }), fc.integer({ min: EXACT_SIZE_LIMIT + 20, max: EXACT_SIZE_LIMIT + 400 })),
        fc.array(fc.record({ change: fc.constantFrom(...CHANGES), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ change: fc.constantFrom(...CHANGES), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }), { minLength: 1, maxLength: 4 }),
        (seed, n, first, second) => {
          const before = makeArchive(seed, n);
          const { state } = wholePass(before);
          let previous = state;
          let articles = before;
          for (const changes of [first, second]) {
            articles = applyChanges(articles, changes);
            const updated = update(articles, previous);
            const whole = wholePass(articles);
            const label = `${articles.length} articles, ${changes.map((c) => c.change).join(", ")}`;
            assert.deepEqual(updated.lists, whole.lists, label);
            assertSameState(updated.state, whole.state, label);
            runs++;
            if (updated.updated) updates++;
            previous = updated.state;
          }
        },
      ),
      { numRuns: 60 },
    );
    // Most runs must have gone through the update, not the whole pass it falls back to.
    assert.ok(updates >= runs / 3, `${updates} of ${runs} passes were updates`);
  });

  it("score again only a few articles when a word is added to one article (the benchmark's edit, a correction)", () => {
    const articles = makeArchive(7, 3000);
    const { state } = wholePass(articles);
    const scored: number[] = [];
    for (let seed = 1; seed <= 15; seed++) {
      const edited = applyChanges(articles, [{ change: "one-word", seed }]);
      const result = update(edited, state);
      assert.ok(result.updated, `edit ${seed}: updated`);
      assert.deepEqual(result.lists, wholePass(edited).lists, `edit ${seed}`);
      scored.push(result.scored);
    }
    scored.sort((x, y) => x - y);
    // Whatever an edit touches is scored again; most articles are not.
    assert.ok(scored[7] < articles.length / 20, `median articles scored again: ${scored[7]} of ${articles.length}`);
  });

  it("update an archive past EXACT_SIZE_LIMIT when an article is added or deleted (its size is counted to within 1%)", () => {
    const articles = makeArchive(21, EXACT_SIZE_LIMIT * 2);
    const { state } = wholePass(articles);
    for (const change of ["add", "delete"] as const) {
      const after = applyChanges(articles, [{ change, seed: 5 }]);
      const result = update(after, state);
      // Not the whole pass (which it would be if every weight moved with the size).
      assert.equal(result.updated, true, change);
      assert.deepEqual(result.lists, wholePass(after).lists, change);
    }
  });

  it("score again the articles of a feature that crossed the index's cap (200 articles): looked up before and not now, or the reverse", () => {
    // "pivot" is the strongest word of exactly 200 articles (the cap below 10,000 articles).
    const base = makeArchive(31, EXACT_SIZE_LIMIT + 100);
    const withPivot = (a: RelatedInput, count: number): RelatedInput => ({ ...a, terms: { keys: [...a.terms.keys, "pivot"], counts: [...a.terms.counts, count] } });
    const articles = base.map((a, i) => (i % 5 === 0 && i < 1000 ? withPivot(a, 4) : a));
    assert.equal(articles.filter((a) => a.terms.keys.includes("pivot")).length, 200);
    const { state } = wholePass(articles);
    const cases: [string, RelatedInput[]][] = [
      // 201 articles: no longer looked up.
      ["one more", articles.map((a, i) => (i === 1 ? withPivot(a, 1) : a))],
      // 199: looked up again (from 201).
      ["one fewer", articles.map((a, i) => (i === 5 ? base[5] : a))],
      // Still 200, one article now far more about it (its other words once each): it enters lists through it.
      ["about it most", articles.map((a, i) => (i === 10 ? { ...a, terms: { keys: a.terms.keys, counts: a.terms.keys.map((key) => (key === "pivot" ? 1000 : 1)) } } : a))],
    ];
    for (const [label, after] of cases) {
      const result = update(after, state);
      assert.equal(result.updated, true, label);
      assert.deepEqual(result.lists, wholePass(after).lists, label);
    }
    const over = wholePass(cases[0][1]).state;
    const back = update(cases[1][1], over);
    assert.equal(back.updated, true);
    assert.deepEqual(back.lists, wholePass(cases[1][1]).lists, "from 201 to 199");
  });

  it("run the whole pass when the last state does not fit: another archive size step, too many changes, other settings", () => {
    const articles = makeArchive(11, 400);
    const { state } = wholePass(articles);
    // Counted exactly below EXACT_SIZE_LIMIT: one article more moves every weight.
    update(applyChanges(articles, [{ change: "add", seed: 3 }]), state);
    assert.equal(lastRun.updated, false);
    // A quarter of the articles changed: the whole pass is as quick.
    const dated = (count: number) => articles.map((a, i) => (i < count ? { ...a, date: "2030-01-01" } : a));
    update(dated(articles.length / 4), state);
    assert.equal(lastRun.updated, true);
    update(dated(articles.length / 4 + 1), state);
    assert.equal(lastRun.updated, false);
    // Renamed articles (each one deleted and one added, no weight moved): past UPDATE_WINDOW
    // of those, the posting lengths may have moved too far for the window.
    const large = makeArchive(13, EXACT_SIZE_LIMIT * 3);
    const largeState = wholePass(large).state;
    const renamed = (count: number) => large.map((a, i) => (i < count ? { ...a, slug: `renamed-${a.slug}` } : a));
    const fewer = update(renamed(UPDATE_WINDOW / 2 - 1), largeState);
    assert.equal(fewer.updated, true, "fewer than UPDATE_WINDOW added and deleted");
    assert.deepEqual(fewer.lists, wholePass(renamed(UPDATE_WINDOW / 2 - 1)).lists);
    update(renamed(UPDATE_WINDOW / 2), largeState);
    assert.equal(lastRun.updated, false, "UPDATE_WINDOW added and deleted");
    // UPDATE_WINDOW articles with another set of features (a word each pair shares, new to the archive: no other weight moves).
    const paired = (count: number) => large.map((a, i) => (i < count ? { ...a, terms: { keys: [...a.terms.keys, `pair${i >> 1}`], counts: [...a.terms.counts, 1] } } : a));
    const under = update(paired(UPDATE_WINDOW - 2), largeState);
    assert.equal(under.updated, true, "fewer than UPDATE_WINDOW with other features");
    assert.deepEqual(under.lists, wholePass(paired(UPDATE_WINDOW - 2)).lists);
    update(paired(UPDATE_WINDOW), largeState);
    assert.equal(lastRun.updated, false, "UPDATE_WINDOW with other features");
    findRelated(articles, { helper: false, limit: 3, previous: state });
    assert.equal(lastRun.updated, false, "a state made with lists of 5 is not used for lists of 3");
    const same = update(articles, state);
    assert.equal(same.updated, true);
    assert.equal(same.scored, 0, "nothing changed: nothing scored");
  });

  it("survive the cache file: the state read back is the state written, and damaged bytes are refused", () => {
    const articles = makeArchive(5, 300);
    const { state } = wholePass(articles);
    const bytes = encodeRelatedState(state);
    const read = decodeRelatedState(bytes);
    assert.ok(read);
    assertSameState(read, state, "read back");
    assert.equal(decodeRelatedState(bytes.subarray(0, bytes.length - 1)), undefined, "cut short");
    assert.equal(decodeRelatedState(Buffer.from("something else\n")), undefined);
    const damaged = Buffer.from(bytes);
    // An article number out of range in the last list.
    damaged.writeInt32LE(state.n + 5, damaged.length - 4);
    assert.equal(decodeRelatedState(damaged), undefined, "an article number out of range");
    const edited = applyChanges(articles, [{ change: "words", seed: 9 }]);
    assert.deepEqual(update(edited, read).lists, wholePass(edited).lists);
  });
});
