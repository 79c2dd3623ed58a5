import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { dayNumber, findRelatedArticles, relatedKeys, type RelatedCandidate } from "../../src/site/related.ts";

function article(slug: string, fields: Partial<RelatedCandidate> = {}): RelatedCandidate {
  return { slug, people: [], organizations: [], places: [], tags: [], ...fields };
}

const slugsOf = (list: RelatedCandidate[]) => list.map((a) => a.slug);

describe("related articles", () => {
  it("ranks the article sharing the most people, organizations, places and tags first", () => {
    const base = article("base", { date: "2017-02-08", people: ["Donald Trump"], organizations: ["ICE"], places: ["Miami"], tags: ["immigration"] });
    const shareFour = article("share-four", { date: "2010-01-01", people: ["Donald Trump"], organizations: ["ICE"], places: ["Miami"], tags: ["immigration"] });
    const shareTwo = article("share-two", { date: "2017-02-08", people: ["Donald Trump"], tags: ["immigration"] });
    const shareOne = article("share-one", { date: "2017-02-09", places: ["Miami"] });
    const shareNone = article("share-none", { date: "2017-02-08", people: ["Someone Else"] });
    const related = findRelatedArticles([base, shareOne, shareNone, shareTwo, shareFour]);
    assert.deepEqual(slugsOf(related[0]), ["share-four", "share-two", "share-one"]);
  });

  it("among articles sharing as much, prefers the nearest in time, undated last", () => {
    const base = article("base", { date: "2017-02-08", tags: ["immigration"] });
    const far = article("far", { date: "2015-06-01", tags: ["immigration"] });
    const near = article("near", { date: "2017-02-10", tags: ["immigration"] });
    const undated = article("undated", { tags: ["immigration"] });
    const monthOnly = article("month-only", { date: "2017-03", tags: ["immigration"] });
    const related = findRelatedArticles([undated, far, base, near, monthOnly]);
    assert.deepEqual(slugsOf(related[2]), ["near", "month-only", "far", "undated"]);
  });

  it("never relates an article to itself and gives an article that shares nothing no related articles", () => {
    const lonely = article("lonely", { date: "2017-01-01", tags: ["unique"] });
    const a = article("a", { tags: ["shared"] });
    const b = article("b", { tags: ["shared"] });
    const related = findRelatedArticles([lonely, a, b]);
    assert.deepEqual(related[0], []);
    assert.deepEqual(slugsOf(related[1]), ["b"]);
    assert.deepEqual(slugsOf(related[2]), ["a"]);
  });

  it("keeps at most five related articles", () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`a${String(i).padStart(2, "0")}`, { date: `2017-01-${String(i + 1).padStart(2, "0")}`, tags: ["x"] }));
    for (const list of findRelatedArticles(many)) assert.equal(list.length, 5);
  });

  it("matches a person whose name is written in another case, but not a tag of the same name", () => {
    const a = article("a", { people: ["Rahm Emanuel"] });
    const b = article("b", { people: ["RAHM EMANUEL"] });
    const c = article("c", { tags: ["Rahm Emanuel"] });
    const related = findRelatedArticles([a, b, c]);
    assert.deepEqual(slugsOf(related[0]), ["b"]);
    assert.deepEqual(relatedKeys(a), ["person:rahm emanuel"]);
  });

  it("with a window as large as the archive, agrees with comparing every pair", () => {
    const names = ["A", "B", "C", "D", "E"];
    const arbArticle = fc.record({
      date: fc.option(fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2010, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)), { nil: undefined }),
      people: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 }),
      organizations: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }),
      places: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }),
      tags: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbArticle, { maxLength: 25 }), (records) => {
        const articles = records.map((r, i) => ({ ...r, slug: `s${String(i).padStart(3, "0")}` }));
        const fast = findRelatedArticles(articles, { window: articles.length });
        articles.forEach((a, i) => assert.deepEqual(slugsOf(fast[i]), slugsOf(bruteForceRelated(a, articles))));
      }),
    );
  });

  it("for a tag on every article, still finds the nearest articles in time when the window is small", () => {
    const articles = Array.from({ length: 400 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, { date: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), tags: ["news"] }));
    const related = findRelatedArticles(articles, { window: 3 });
    assert.deepEqual(slugsOf(related[200]), ["a199", "a201", "a198", "a202", "a197"]);
  });
});

/** The O(n²) definition the inverted index must reproduce. */
function bruteForceRelated(a: RelatedCandidate, all: RelatedCandidate[]): RelatedCandidate[] {
  const keys = new Set(relatedKeys(a));
  const apart = (b: RelatedCandidate) => {
    const d = Math.abs(dayNumber(a.date) - dayNumber(b.date));
    return Number.isNaN(d) ? Infinity : d;
  };
  return all
    .filter((b) => b !== a)
    .map((b) => ({ b, count: relatedKeys(b).filter((k) => keys.has(k)).length }))
    .filter((x) => x.count > 0)
    .sort((x, y) => y.count - x.count || (apart(x.b) === apart(y.b) ? (x.b.slug < y.b.slug ? -1 : 1) : apart(x.b) < apart(y.b) ? -1 : 1))
    .slice(0, 5)
    .map((x) => x.b);
}
