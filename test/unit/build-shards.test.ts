import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { articleShard, inBuildShard, pageShardOf, stableHash, writesSinglePages } from "../../src/site/build-shards.ts";
import { articleUrl, inShare, selectPages, type SiteModel } from "../../src/site/model.ts";

const slugs = (n: number) => Array.from({ length: n }, (_, i) => `story-${i}-on-${["oil", "rates", "council", "rain"][i % 4]}-${(i * 7919) % 1000}`);

describe("assigning pages to the shards of a sharded build", () => {
  it("puts an article in the same shard whatever else the archive holds", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,40}$/), { minLength: 1, maxLength: 300, size: "max" }), fc.integer({ min: 1, max: 64 }), (archive, count) => {
        const before = new Map(archive.map((slug) => [slug, articleShard(slug, count)]));
        const grown = [...archive, `${archive[0]}-new`, "zz-another-new-article"];
        for (const slug of grown) {
          const shard = articleShard(slug, count);
          assert.ok(Number.isInteger(shard) && shard >= 0 && shard < count);
          if (before.has(slug)) assert.equal(shard, before.get(slug));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("shares 20,000 articles out evenly among 2, 3, 4, 7 and 20 shards", () => {
    const archive = slugs(20_000);
    for (const count of [2, 3, 4, 7, 20]) {
      const sizes = new Array(count).fill(0);
      for (const slug of archive) sizes[articleShard(slug, count)]++;
      const mean = archive.length / count;
      for (const size of sizes) assert.ok(Math.abs(size - mean) < mean * 0.08, `${count} shards: ${sizes.join(", ")}`);
    }
  });

  it("leaves each shard's pages evenly split between its render processes", () => {
    // Render processes split by FNV-1a of the URL modulo 64 (model.ts): the shard hash must not follow it.
    const urls = slugs(8_000).map(articleUrl);
    for (const count of [2, 4, 8]) {
      for (let shard = 0; shard < count; shard++) {
        const mine = urls.filter((url) => pageShardOf(url, count) === shard);
        const first = mine.filter((url) => inShare(url, { index: 0, count: 2 })).length;
        assert.ok(first > mine.length * 0.4 && first < mine.length * 0.6, `shard ${shard + 1}/${count}: ${first} of ${mine.length} in the first process`);
      }
    }
  });

  it("gives every page of the site to exactly one shard: an article by its slug, any other page by its URL", () => {
    const articles = slugs(500).map((slug) => ({ slug, url: articleUrl(slug) }));
    const people = Array.from({ length: 300 }, (_, i) => ({ url: `/people/person-${i}/` }));
    for (const count of [1, 2, 5]) {
      for (const page of [...articles.map((a) => ["articles", a] as const), ...people.map((p) => ["entityPages", p] as const)]) {
        const owners = Array.from({ length: count }, (_, index) => index).filter((index) => inBuildShard(page[0], page[1], { index, count }));
        assert.equal(owners.length, 1, `${page[1].url} in ${count} shards`);
      }
    }
    const renamedUrl = { slug: articles[0].slug, url: "/somewhere/else/" };
    assert.equal(inBuildShard("articles", renamedUrl, { index: articleShard(articles[0].slug, 5), count: 5 }), true, "an article goes by its slug");
    assert.equal(inBuildShard("entityPages", people[0], { index: pageShardOf(people[0].url, 5), count: 5 }), true);
  });

  it("selects a shard's pages from the model and keeps the archive-wide fields whole", () => {
    const articles = slugs(40).map((slug) => ({ slug, url: articleUrl(slug) }));
    const people = Array.from({ length: 30 }, (_, i) => ({ url: `/people/p-${i}/` }));
    const model = { articles, totals: { articles: 40, undated: 0 }, pages: { articles, entityPages: people } } as unknown as SiteModel;
    const shards = [0, 1, 2].map((index) => selectPages(model, { index: 0, count: 1 }, undefined, { index, count: 3 }));
    assert.deepEqual(shards.flatMap((m) => m.pages.articles.map((a) => a.slug)).sort(), articles.map((a) => a.slug).sort());
    assert.equal(shards.flatMap((m) => m.pages.entityPages).length, 30);
    for (const [index, m] of shards.entries()) {
      assert.ok(m.pages.articles.every((a) => articleShard(a.slug, 3) === index));
      assert.equal(m.articles.length, 40, "every shard keeps every article for its listings and links");
    }
  });

  it("leaves the single pages to shard 1 only", () => {
    assert.equal(writesSinglePages(undefined), true);
    assert.equal(writesSinglePages({ index: 0, count: 4 }), true);
    assert.equal(writesSinglePages({ index: 1, count: 4 }), false);
    assert.equal(writesSinglePages({ index: 3, count: 4 }), false);
  });
});

describe("the shard hash and the lists it is applied to", () => {
  // FNV-1a (32-bit) with murmur3's finaliser, written out from their published definitions:
  // a shard is fixed per slug across releases only while the hash is exactly this.
  const fnv1a = (text: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const fmix32 = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };

  it("is FNV-1a of the text, finalised: the published test vectors", () => {
    assert.equal(fnv1a("a"), 0xe40c292c);
    assert.equal(fnv1a("foobar"), 0xbf9cf968);
    for (const text of ["", "a", "foobar", "story-1-on-oil-7919", "/people/ada-park/page/2/"]) assert.equal(stableHash(text), fmix32(fnv1a(text)), text);
  });

  it("shards an article by its slug only in the articles list; every other page, even one with a slug, by its URL", () => {
    const url = "/timeline/2017/page/2/";
    const slug = "harbour-reopens";
    const count = 7;
    // Pick a slug and a URL that land in different shards, so the test can tell them apart.
    assert.notEqual(articleShard(slug, count), pageShardOf(url, count));
    for (const list of ["timelinePages", "entityPages", "articleListing"]) {
      assert.equal(inBuildShard(list, { url, slug }, { index: pageShardOf(url, count), count }), true, list);
      assert.equal(inBuildShard(list, { url, slug }, { index: articleShard(slug, count), count }), false, list);
    }
    assert.equal(inBuildShard("articles", { url }, { index: pageShardOf(url, count), count }), true, "an article item without a slug goes by its URL");
  });
});
