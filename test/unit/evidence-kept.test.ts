import assert from "node:assert/strict";
import { it } from "node:test";
import fc from "fast-check";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { ingestArchive, type RawArticleInput } from "../../src/ingest/pipeline.ts";
import { tempDir } from "../helpers/temp-dir.ts";

// A warm build keeps the last furniture evidence count when the articles edited since tell
// it nothing new (countStillStands in src/publish/article-memo.ts): their short lines are
// looked up in every other article, their stems counted near the common share, their word
// uses compared. Whatever the edits, a build through the cache must give the records of a
// build without it. Random archives of forty articles or more (common stems need forty)
// share short lines and banners drawn from small pools, so the counts sit near every
// threshold: a line in two articles or three, a stem in two of forty.

const NOW = new Date("2026-11-23T00:00:00Z");
const SHORT_LINES = ["Read more harbour news", "Ferries run late.", "Share this story", "Menu", "Subscribe to our newsletter", "Photo: Harbour Gazette"];
/** Words of the stories' long paragraphs ("menu": the count looks up which texts use it, since a banner starts with it). */
const WORDS = ["quartzite", "ferry", "council", "budget", "harbour", "timetable", "school", "bridge", "market", "library", "menu", "pier", "quarry", "lighthouse", "mayor"];
/** Words each in a story or two: a stem in two stories of forty is common, in one not. */
const RARE_WORDS = ["walrus", "xylophone", "yodel", "kumquat", "gazebo", "nectar", "obelisk", "pagoda"];
/** Words of headlines, never in a story's body: what a story says of its top lines then stays as it was. */
const HEAD_WORDS = ["Zinc", "Vote", "Tide", "Gale", "Opera", "Rail"];
const BANNERS = ["Menu", "Home | News | Sport", "THE HARBOUR GAZETTE"];

interface Story {
  banner: number | null;
  headline: number[];
  /** Long paragraphs, each a few chosen words in a long sentence. */
  long: number[][];
  short: number[];
  shortFirst: boolean;
  /** A rare word in its first long paragraph, if any. */
  rare: number | null;
}

const story: fc.Arbitrary<Story> = fc.record({
  banner: fc.option(fc.nat(BANNERS.length - 1), { nil: null }),
  headline: fc.array(fc.nat(HEAD_WORDS.length - 1), { minLength: 2, maxLength: 4 }),
  long: fc.array(fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
  rare: fc.option(fc.nat(RARE_WORDS.length - 1), { nil: null, freq: 3 }),
  short: fc.array(fc.nat(SHORT_LINES.length - 1), { maxLength: 2 }),
  shortFirst: fc.boolean(),
});

function text(s: Story, n: number): string {
  const long = s.long.map((words, k) => `Paragraph ${k} of report ${n} ran long, as such reports do, and it named the ${words.map((w) => WORDS[w]).join(" and the ")}${k === 0 && s.rare !== null ? ` and the ${RARE_WORDS[s.rare]}` : ""} before it came to an end with many more words than a banner would ever have.`);
  const short = s.short.map((k) => SHORT_LINES[k]);
  const headline = `${s.headline.map((w) => HEAD_WORDS[w]).join(" ")} ${n}`;
  // Three long paragraphs of its own under the headline (what the evidence reads of the top
  // lines takes in the three lines under each): the edits mostly change what lies below them.
  const lead = [1, 2, 3].map((k) => `Lead paragraph ${k} of report ${n} is long and its own, so that what an edit changes lies under the lines a banner could be, and the top of the story stays.`);
  return [...(s.banner === null ? [] : [BANNERS[s.banner]]), headline, ...lead, ...(s.shortFirst ? [...short, ...long] : [...long, ...short])].join("\n\n");
}

const toInputs = (stories: Story[]): RawArticleInput[] => stories.map((s, n) => ({ file: `story-${String(n).padStart(3, "0")}.txt`, bytes: new TextEncoder().encode(text(s, n)) }));

/** An edit: which story, and what it becomes. */
const edit = fc.record({ at: fc.nat(), story });

async function throughCache(dir: string, inputs: RawArticleInput[]) {
  const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
  memo.retainOnly(new Set(inputs.map((i) => i.file)));
  const result = ingestArchive(inputs, { now: NOW, memo });
  await memo.save();
  return { result, kept: memo.stats.evidenceKept };
}

it("gives, after any edits of one to three articles in a row of builds, the records of a build without the cache", async () => {
  let kept = 0;
  let builds = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(story, { minLength: 40, maxLength: 44 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }), async (stories, rounds) => {
      const dir = await tempDir("evidence-kept-");
      const current = [...stories];
      await throughCache(dir, toInputs(current));
      for (const round of rounds) {
        // A change of a few words or lines of a story (the story's shape kept, or redrawn).
        for (const { at, story: next } of round) {
          const old = current[at % current.length];
          current[at % current.length] = at % 2 ? { ...old, long: next.long, rare: next.rare } : at % 3 ? { ...old, short: next.short } : next;
        }
        const inputs = toInputs(current);
        const warm = await throughCache(dir, inputs);
        builds++;
        kept += warm.kept;
        assert.deepEqual(warm.result, ingestArchive(inputs, { now: NOW }));
      }
    }),
    // No shrinking: each step is a row of builds, and the failing edit is plain in the records.
    { numRuns: 20, endOnFailure: true },
  );
  // The property reached the count that stands, not only counts made anew.
  assert.ok(kept > 0 && kept < builds, `${kept} of ${builds} warm builds kept the count`);
});
