import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildEntityPages, ENTITY_INDEX_PAGE_SIZE, type EntityArticle } from "../../src/site/entity-pages.ts";
import { topEntities } from "../../src/site/home.ts";

function article(i: number, names: Partial<Pick<EntityArticle, "people" | "tags" | "places">>): EntityArticle {
  return { slug: `a${i}`, title: `T${i}`, url: `/articles/a${i}/`, date: "2017-01-01", date_precision: "day", people: names.people ?? [], organizations: [], places: names.places ?? [], tags: names.tags ?? [] };
}

describe("the home page's biggest names (topEntities)", () => {
  it("ranks one kind's names by article count, ties A–Z, with their pages, cut at the limit", () => {
    // "Zed" in 5 articles, "Amy" and "Bea" in 3, "Cal" in 2; "Zed" is also a place in 6.
    const site = buildEntityPages([
      ...[0, 1, 2, 3, 4].map((i) => article(i, { people: ["Zed", ...(i < 3 ? ["Bea", "Amy"] : [])], places: ["Zed"] })),
      article(5, { people: ["Cal"], places: ["Zed"] }),
      article(6, { people: ["Cal"] }),
    ]);
    assert.deepEqual(topEntities(site, "people", 3), [
      { name: "Zed", count: 5, url: "/people/zed/" },
      { name: "Amy", count: 3, url: "/people/amy/" },
      { name: "Bea", count: 3, url: "/people/bea/" },
    ]);
    assert.deepEqual(topEntities(site, "people", 10).map((n) => n.name), ["Zed", "Amy", "Bea", "Cal"]);
    assert.deepEqual(topEntities(site, "places", 10), [{ name: "Zed", count: 6, url: "/places/zed/" }]);
    assert.deepEqual(topEntities(site, "tags", 10), []);
  });

  it("takes the first page of a long index, never the A–Z order", () => {
    // More topics than an index page holds; topic "t0000" to "t0209", the later ones in more articles.
    const articles: EntityArticle[] = [];
    let n = 0;
    for (let t = 0; t < ENTITY_INDEX_PAGE_SIZE + 10; t++) {
      const copies = t < ENTITY_INDEX_PAGE_SIZE ? 3 : 4;
      for (let c = 0; c < copies; c++) articles.push(article(n++, { tags: [`t${String(t).padStart(4, "0")}`] }));
    }
    const top = topEntities(buildEntityPages(articles), "tags", 12);
    assert.equal(top.length, 12);
    assert.deepEqual(top.slice(0, 10).map((n) => [n.name, n.count]), Array.from({ length: 10 }, (_, i) => [`t${ENTITY_INDEX_PAGE_SIZE + i}`.replace(/^t/, "t0"), 4]));
    assert.deepEqual(top.slice(10).map((n) => [n.name, n.count]), [["t0000", 3], ["t0001", 3]]);
  });
});
