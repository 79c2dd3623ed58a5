import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findStoryGroups, MAX_SIBLINGS } from "../../src/ingest/story-groups.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

const story = [
  "The county commission voted on Tuesday to expand the bus network into the western suburbs, adding twelve routes by next spring.",
  "Officials said the plan would cost about 40 million dollars over five years, paid for by a half-cent sales tax approved by voters in 2002.",
  "Residents who spoke at the meeting were divided. Some welcomed shorter commutes; others said the money should go to road repairs first.",
  "The first new routes are expected to open in March, the transit director said, with the rest following in stages through the summer.",
].join("\n\n");
const other = [
  "The harbor board approved repairs to the old pier on Monday after engineers found cracks in three of its wooden pilings.",
  "Work will start in April and take about six weeks, during which the ferry will use the north landing instead, the board said.",
].join("\n\n");

const bridgeStory =
  "the county board met on tuesday night to hear from residents about a plan to rebuild the old bridge over the river which has been closed to trucks since a flood damaged its piers two years ago and the engineers who inspected it said the deck could be repaired for about half the cost of a new span while others on the board asked whether the repairs would last another twenty years or only ten and the chair promised a vote next month after a second public meeting at the library where the plans will be shown";

describe("story groups", () => {
  it("join copies and near copies, transitively, and leave other stories alone", () => {
    const edited = story.replace("twelve routes", "eleven routes");
    const edited2 = edited.replace("40 million", "41 million");
    const { siblings } = findStoryGroups([
      { id: "c.txt", text: edited2 },
      { id: "a.txt", text: story },
      { id: "b.txt", text: edited },
      { id: "z.txt", text: other },
    ]);
    assert.deepEqual(siblings.get("a.txt"), ["b.txt", "c.txt"]);
    assert.deepEqual(siblings.get("c.txt"), ["a.txt", "b.txt"]);
    assert.equal(siblings.get("z.txt"), undefined);
  });

  it("report exact copies apart from near copies", () => {
    const { exact } = findStoryGroups([
      { id: "a.txt", text: story },
      { id: "b.txt", text: story.toUpperCase() },
      { id: "c.txt", text: story.replace("twelve", "eleven") },
    ]);
    assert.deepEqual(exact.map((p) => [p.a, p.b]), [["a.txt", "b.txt"]]);
  });

  it("join a chain of edits into one story though its two ends differ too much to pair, siblings listed by name", () => {
    // Each edit changes one word: the middle text is close to both ends, the ends are not close to each other.
    const words = bridgeStory.split(" ");
    const edit = (ws: string[], at: number, word: string) => ws.map((w, i) => (i === at ? word : w));
    const middle = edit(words, 30, "zebra");
    const far = edit(middle, 60, "yak");
    const texts = [
      { id: "a.txt", text: words.join(" ") },
      { id: "b.txt", text: far.join(" ") },
      { id: "c.txt", text: middle.join(" ") },
    ];
    for (const order of [texts, [...texts].reverse()]) {
      const { siblings } = findStoryGroups(order);
      assert.deepEqual(siblings.get("a.txt"), ["b.txt", "c.txt"]);
      assert.deepEqual(siblings.get("b.txt"), ["a.txt", "c.txt"]);
      assert.deepEqual(siblings.get("c.txt"), ["a.txt", "b.txt"]);
    }
  });

  it("keep two stories apart, each with its own siblings", () => {
    const { siblings } = findStoryGroups([
      { id: "d.txt", text: other },
      { id: "a.txt", text: story },
      { id: "c.txt", text: `${other} It will cost about two million dollars.` },
      { id: "b.txt", text: story.replace("twelve", "eleven") },
    ]);
    assert.deepEqual(Object.fromEntries(siblings), { "a.txt": ["b.txt"], "b.txt": ["a.txt"], "c.txt": ["d.txt"], "d.txt": ["c.txt"] });
  });

  it("list at most ten siblings", () => {
    const ids = Array.from({ length: 14 }, (_, i) => `${String(i).padStart(2, "0")}.txt`);
    // Given newest first, listed by name: the first ten names other than the article's own.
    const { siblings } = findStoryGroups([...ids].reverse().map((id) => ({ id, text: story })));
    for (const list of siblings.values()) assert.equal(list.length, MAX_SIBLINGS);
    assert.deepEqual(siblings.get("00.txt"), ids.slice(1, 11));
    assert.deepEqual(siblings.get("13.txt"), ids.slice(0, 10));
    assert.deepEqual(siblings.get("05.txt"), [...ids.slice(0, 5), ...ids.slice(6, 11)]);
  });
});

describe("ingest links articles", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const result = ingestArchive(
    [
      { file: "bus-plan.txt", bytes: bytes(`County Expands Bus Network\n\n${story}\n`) },
      { file: "bus-plan-copy.txt", bytes: bytes(`County Expands Bus Network\n\n${story}\n`) },
      { file: "bus-plan-wire.txt", bytes: bytes(`County Expands Bus Network\n\n${story.replace("twelve routes", "eleven routes")}\n`) },
      { file: "pier.txt", bytes: bytes(`Harbor Board Approves Pier Repairs\n\n${other}\n`) },
    ],
    { now: new Date("2026-01-01") },
  );
  const record = (file: string) => result.articles.find((a) => a.record.source_file === file)!.record;

  it("stores the same story's siblings as slugs in front matter, not repeated among related articles", () => {
    const plan = record("bus-plan.txt");
    assert.deepEqual([...plan.same_story!].sort(), [record("bus-plan-copy.txt").slug, record("bus-plan-wire.txt").slug].sort());
    for (const slug of plan.related ?? []) assert.ok(!plan.same_story!.includes(slug));
    assert.equal(record("pier.txt").same_story, undefined);
  });

  it("warns about an exact copy, naming both files", () => {
    const duplicates = result.warnings.filter((w) => w.kind === "duplicate");
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0].file, "bus-plan.txt");
    assert.match(duplicates[0].message, /same text as bus-plan-copy\.txt/);
  });
});
