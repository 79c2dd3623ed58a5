import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { contentWords, dayNumber, findRelated, MIN_SIMILARITY, NAME_WEIGHT, OTHER_SECTION_FACTOR, RELATIVE_FLOOR, TAG_WEIGHT, timeFactor, type RelatedInput } from "../../src/ingest/related.ts";
import { linksBySlug } from "../../src/site/related.ts";

function article(slug: string, words: string, fields: Partial<RelatedInput> = {}): RelatedInput {
  const counts = new Map<string, number>();
  for (const w of words.split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { slug, names: [], tags: [], terms: [...counts].map(([key, count]) => ({ key, count })), ...fields };
}

describe("related articles", () => {
  it("relate articles about the same thing, never an article to itself", () => {
    const articles = [
      article("harbor-1", "harbor dredging silt channel ships council"),
      article("harbor-2", "harbor dredging silt channel pier council"),
      article("harbor-3", "harbor dredging channel ships pier council"),
      article("school-1", "school budget teachers pupils classrooms council"),
      article("school-2", "school budget teachers pupils buses council"),
      article("school-3", "school budget pupils buses classrooms council"),
    ];
    const related = findRelated(articles);
    for (const [i, list] of related.entries()) {
      const topic = articles[i].slug.split("-")[0];
      assert.ok(list.length > 0, articles[i].slug);
      assert.ok(!list.includes(articles[i].slug));
      for (const slug of list) assert.equal(slug.split("-")[0], topic, `${articles[i].slug} → ${slug}`);
    }
  });

  it("show none rather than an unrelated article", () => {
    const related = findRelated([
      article("a", "harbor dredging silt channel"),
      article("b", "harbor dredging silt channel"),
      article("lonely", "volcano lava ash eruption council"),
      article("c", "council budget roads potholes"),
      article("d", "council budget roads potholes"),
    ]);
    assert.deepEqual(related[2], []);
  });

  it("weigh a rare shared word above a common one", () => {
    const common = Array.from({ length: 8 }, (_, i) => article(`common-${i}`, `council meeting agenda${i} minutes${i}`));
    const related = findRelated([article("base", "council zeppelin hangar"), article("rare", "zeppelin hangar airship"), ...common]);
    assert.equal(related[0][0], "rare");
  });

  it("count a shared name or tag for more than a shared word as rare", () => {
    const base = article("base", "bridge repairs", { names: ["person:Ada Lindqvist"], tags: ["ferries"] });
    const byName = article("by-name", "lighthouse paint", { names: ["person:Ada Lindqvist"] });
    const byTag = article("by-tag", "lighthouse keeper", { tags: ["ferries"] });
    const byWord = article("by-word", "bridge lighthouse");
    const [list] = findRelated([base, byName, byTag, byWord], { minSimilarity: 0 });
    assert.ok(NAME_WEIGHT > TAG_WEIGHT && TAG_WEIGHT > 1);
    assert.deepEqual(list.slice(0, 2), ["by-name", "by-tag"], JSON.stringify(list));
  });

  it("prefer the same section, and the nearer in time", () => {
    const words = "harbor dredging silt channel";
    const same = findRelated([
      article("base", words, { section: "economy", date: "2017-02-08" }),
      article("other-section", words, { section: "sport", date: "2017-02-08" }),
      article("same-section", words, { section: "economy", date: "2017-02-08" }),
    ]);
    assert.deepEqual(same[0], ["same-section", "other-section"]);
    const time = findRelated([
      article("base", words, { date: "2017-02-08" }),
      article("years-away", words, { date: "2012-02-08" }),
      article("next-day", words, { date: "2017-02-09" }),
    ]);
    assert.equal(time[0][0], "next-day");
    assert.ok(OTHER_SECTION_FACTOR < 1);
    assert.equal(timeFactor(dayNumber("2017-02-08"), dayNumber("2017-02-08")), 1);
    assert.ok(timeFactor(dayNumber("2017-02-08"), dayNumber("2012-02-08")) < 0.55);
    assert.equal(timeFactor(dayNumber(undefined), dayNumber("2017-02-08")), 0.75);
  });

  it("keep at most five, none far below the best", () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`a${String(i).padStart(2, "0")}`, "harbor dredging silt channel"));
    for (const list of findRelated(many)) assert.equal(list.length, 5);
    const [list] = findRelated([
      article("base", "harbor dredging silt channel pier ships"),
      article("close", "harbor dredging silt channel pier ships"),
      article("weak", "harbor pier lighthouse keeper"),
      article("x", "lighthouse keeper"),
      article("y", "dredging tugboat"),
    ]);
    assert.deepEqual(list, ["close"], `a match under ${RELATIVE_FLOOR} of the best is left out`);
  });

  it("on archives small enough to look up every feature, agree with comparing every pair", () => {
    const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const arbArticle = fc.record({
      words: fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 }),
      counts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }),
      section: fc.constantFrom("politics", "sport", undefined),
      day: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbArticle, { minLength: 2, maxLength: 150 }), (rows) => {
        const articles: RelatedInput[] = rows.map((r, i) => ({
          slug: `s${String(i).padStart(3, "0")}`,
          section: r.section,
          date: r.day === undefined ? undefined : new Date(Date.UTC(2010, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
          names: [],
          tags: [],
          terms: r.words.map((key, k) => ({ key, count: r.counts[k] })),
        }));
        const fast = findRelated(articles);
        articles.forEach((a, i) => assert.deepEqual(fast[i], bruteForce(a, articles), a.slug));
      }),
      { numRuns: 30 },
    );
  });
});

/** The O(n²) definition the inverted index must reproduce (all features visited). */
function bruteForce(a: RelatedInput, all: RelatedInput[]): string[] {
  const n = all.length;
  const df = new Map<string, number>();
  for (const x of all) for (const t of x.terms) df.set(t.key, (df.get(t.key) ?? 0) + 1);
  const vector = (x: RelatedInput) => {
    const v = new Map<string, number>();
    for (const t of x.terms) v.set(t.key, (1 + Math.log(t.count)) * Math.log(1 + n / df.get(t.key)!));
    return v;
  };
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const va = vector(a);
  const scored = all
    .filter((b) => b !== a)
    .map((b) => {
      const vb = vector(b);
      let dot = 0;
      for (const [k, w] of va) dot += w * (vb.get(k) ?? 0);
      // Only words two articles share can match; words of one article alone still lengthen it.
      const shared = [...va.keys()].some((k) => df.get(k)! >= 2) && [...vb.keys()].some((k) => df.get(k)! >= 2);
      const cosine = shared && dot ? dot / (norm(va) * norm(vb)) : 0;
      const section = a.section && b.section && a.section !== b.section ? OTHER_SECTION_FACTOR : 1;
      return { slug: b.slug, score: cosine * section * timeFactor(dayNumber(a.date), dayNumber(b.date)) };
    })
    .filter((s) => s.score > 0 && s.score >= MIN_SIMILARITY)
    .sort((x, y) => y.score - x.score || (x.slug < y.slug ? -1 : 1));
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= RELATIVE_FLOOR * best).slice(0, 5).map((s) => s.slug);
}

describe("content words for matching", () => {
  it("count lowercase words and wire abbreviations, headline words double, never stopwords or names", () => {
    const words = new Map(contentWords({ title: "ACME SETS QUARTERLY DIVIDEND", paragraphs: ["Acme Corp said its quarterly dividend is 12 cts a share, the dividend payable in April."] }).map((w) => [w.key, w.count]));
    assert.equal(words.get("dividend"), 4);
    assert.equal(words.get("cts"), 1);
    assert.ok(!words.has("the") && !words.has("said"));
    assert.ok(!words.has("april"), "a capitalized body word is a name or a month, not content");
  });
});

describe("related links on the site", () => {
  it("turn stored slugs into links, in order, leaving out slugs no article has", () => {
    const links = linksBySlug([{ slug: "a" }, { slug: "b" }], (x) => ({ title: x.slug.toUpperCase(), url: `/articles/${x.slug}/` }));
    assert.deepEqual(links(["b", "gone", "a"]), [{ title: "B", url: "/articles/b/" }, { title: "A", url: "/articles/a/" }]);
    assert.deepEqual(links(undefined), []);
  });
});
