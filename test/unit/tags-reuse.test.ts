import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { chooseTags, extractTagCandidates, type TagCandidates } from "../../src/ingest/tags.ts";

/**
 * chooseTags keeps each article's ranked phrases between calls (the dev server chooses the
 * archive's tags again after every save) and ranks an article again only when its
 * phrases' document frequencies or the archive's size changed. After any run of saves the
 * tags must be those a fresh build chooses: otherwise a topic page keeps an article whose
 * text no longer says it, or misses one, until the server restarts.
 */

const PHRASES = ["sanctuary city", "climate change", "trade deal", "health care", "oil price", "border wall", "school board", "water supply"];
const SENTENCES = PHRASES.map((p, i) => `The ${p} debate went on for a ${["week", "month", "year", "day"][i % 4]}, and the ${p} plan was changed again.`);

const articleArb = fc.record({
  title: fc.nat({ max: PHRASES.length - 1 }),
  sentences: fc.array(fc.nat({ max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 6 }),
});
type Spec = { title: number; sentences: number[] };
const candidatesOf = (a: Spec): TagCandidates => extractTagCandidates({ title: `New ${PHRASES[a.title]} rules announced`, paragraphs: a.sentences.map((i) => SENTENCES[i]) });
/** The same candidates in new objects: nothing a previous call kept applies to them. */
const copy = (c: TagCandidates): TagCandidates => ({ keys: [...c.keys], counts: [...c.counts], inTitle: [...c.inTitle], forms: [...c.forms] });

const editArb = fc.oneof(
  fc.record({ kind: fc.constant("save" as const), at: fc.nat(), article: articleArb }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), article: articleArb }),
);

test("after any run of saves, additions and removals, the tags are a fresh build's", () => {
  let tagged = 0;
  fc.assert(
    fc.property(fc.array(articleArb, { minLength: 2, maxLength: 80 }), fc.array(editArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 12 }), (specs, edits, maxDistinct) => {
      const list = specs.map(candidatesOf);
      chooseTags(list, { maxDistinct });
      for (const edit of edits) {
        if (edit.kind === "save") list[edit.at % list.length] = candidatesOf(edit.article);
        else if (edit.kind === "remove" && list.length > 1) list.splice(edit.at % list.length, 1);
        else if (edit.kind === "add") list.push(candidatesOf(edit.article));
        const again = chooseTags(list, { maxDistinct });
        assert.deepEqual(again, chooseTags(list.map(copy), { maxDistinct }));
        tagged += again.filter((tags) => tags.length > 0).length;
      }
    }),
    { numRuns: 150 },
  );
  assert.ok(tagged > 1000, `articles drawn get tags (${tagged})`);
});

test("a save that makes a phrase shared ranks the other article's phrases again", () => {
  // "border wall" is in one article: no tag. A save gives it to a second: both get the tag.
  const one = candidatesOf({ title: 5, sentences: [5, 5] });
  const other = candidatesOf({ title: 0, sentences: [0, 0] });
  const third = candidatesOf({ title: 1, sentences: [1, 1] });
  const before = chooseTags([one, other, third]);
  assert.ok(!before[0].includes("border wall"), "a phrase of one article is no topic");
  const after = chooseTags([one, candidatesOf({ title: 5, sentences: [5, 5, 0] }), third]);
  assert.ok(after[0].includes("border wall"), `the unchanged article gains the shared topic (${after[0].join(", ")})`);
  assert.deepEqual(after, chooseTags([copy(one), candidatesOf({ title: 5, sentences: [5, 5, 0] }), copy(third)]));
});

test("an archive that grows ranks every article again, even one sharing no word with the new articles", () => {
  // "climate" is in 7 of 20 articles: more than 30% of the archive, too common to tell
  // them apart. Four articles sharing no word with them bring it under 30%.
  const climate = Array.from({ length: 7 }, (_, i) => candidatesOf({ title: 1, sentences: [1, 1, i % 2 ? 2 : 3] }));
  const others = Array.from({ length: 13 }, (_, i) => candidatesOf({ title: 2 + (i % 6), sentences: [2 + (i % 6), 2 + ((i + 1) % 6)] }));
  const unrelated = ["Farmers harvested pumpkins near Oxford yesterday.", "Pumpkins sold quickly at Oxford markets."].map((text, i) =>
    extractTagCandidates({ title: `Pumpkin harvest ${i}`, paragraphs: [text, text] }),
  );
  const small = chooseTags([...climate, ...others]);
  assert.deepEqual(small[0], [], "its words are too common in 20 articles");
  const grown = [...climate, ...others, ...unrelated, ...unrelated.map(copy)];
  const tags = chooseTags(grown);
  assert.ok(tags[0].includes("climate"), `a topic in 7 of 24 (${tags[0].join(", ")})`);
  assert.deepEqual(tags, chooseTags(grown.map(copy)));
});

test("a save that repeats every phrase of another article gives that article its topics", () => {
  // Every phrase of the harvest story changes its document frequency at once (1 → 2).
  const harvest = { title: "Pumpkin harvest festival returns", paragraphs: ["The pumpkin harvest festival drew record crowds to the county showground.", "Organisers of the pumpkin harvest festival said the county showground would host it again."] };
  const story = extractTagCandidates(harvest);
  const others = [0, 1, 2].map((i) => candidatesOf({ title: i, sentences: [i, i] }));
  const before = chooseTags([story, extractTagCandidates({ title: "Ferry timetable changes", paragraphs: ["Ferries leave earlier on Sundays from May."] }), ...others]);
  assert.deepEqual(before[0], [], "phrases of one article are no topics");
  const after = chooseTags([story, extractTagCandidates(harvest), ...others]);
  assert.ok(after[0].includes("pumpkin harvest festival") || after[0].includes("pumpkin harvest"), `the story's phrases are now shared (${after[0].join(", ")})`);
  assert.deepEqual(after, chooseTags([copy(story), extractTagCandidates(harvest), ...others.map(copy)]));
});
