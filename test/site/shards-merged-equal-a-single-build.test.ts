import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { mergeShards, SEARCH_BUNDLES_META, type MergedSearch } from "../../src/publish/merge-stage.ts";
import { ShardBuildError } from "../../src/publish/shard-errors.ts";
import { readShardManifest, SHARD_SITE_DIR } from "../../src/publish/shard-stage.ts";
import { assertSameSite, recordingReporter, snapshot } from "../helpers/builds.ts";
import { buildSharded, type ShardedBuild } from "../helpers/sharded-build.ts";
import { buildSiteUncached, testConfig, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A sharded build (summary, shards, merge) publishes the same site as one build of the
 * same articles. Merged into one search index (the default), byte for byte, but for the
 * Pagefind files whose order no two builds share (as between two single builds). Merged
 * with --merged-search bundles, byte for byte but for what names the search indexes: the
 * indexes themselves (one per shard: pagefind/, pagefind-2/ ...) and the search page that
 * lists them.
 */

const isSearchIndex = (file: string) => /^pagefind(-\d+)?\//.test(file);
const SEARCH_PAGE = "search/index.html";
/** Shard and merge jobs that start after midnight still build the summary's day. */
const LATER_DAY = "2026-11-24";

let articlesDir: string;
let single: BuiltSite;
let singleFiles: Map<string, Buffer>;
const sharded = new Map<string, ShardedBuild>();
const key = (search: MergedSearch, count: number) => `${search} ${count}`;

before(async () => {
  articlesDir = (await writeSyntheticArchive()).dir;
  single = await buildSiteUncached(articlesDir);
  singleFiles = await snapshot(single.dir);
  for (const search of ["one-index", "bundles"] as const) {
    // Shards that take their articles from the summary job's files (--for-shards N), and
    // shards that make them from their raw files: one of each for either kind of search.
    sharded.set(key(search, 2), await buildSharded(articlesDir, 2, { search, shardArticles: search === "bundles" }));
    // Three shards (from a summary made of two analysis jobs' analyses, --analyze 1/2, 2/2,
    // for one index), merged by moving their pages (--move-shards), as the deploy workflow does.
    sharded.set(key(search, 3), await buildSharded(articlesDir, 3, { search, laterDay: LATER_DAY, analyses: search === "one-index" ? 2 : undefined, shardArticles: search === "one-index", move: true }));
  }
});
after(async () => {
  await rm(articlesDir, { recursive: true, force: true });
  for (const build of sharded.values()) await rm(build.work, { recursive: true, force: true });
});

for (const count of [2, 3]) {
  describe(`${count} shards merged into one search index${count === 3 ? ", built the day after their summary, made from two analysis jobs, their pages moved (--move-shards)" : ""}`, () => {
    it("are a single build's site: every page, feed, sitemap, asset and search file, byte for byte", async () => {
      const merged = await snapshot(sharded.get(key("one-index", count))!.dir);
      assert.ok([...merged.keys()].some((f) => f.startsWith("pagefind/fragment/")), "the search index is compared too");
      assertSameSite(merged, singleFiles, `${count} shards, one index`);
      const pageCount = (m: Map<string, Buffer>) => JSON.parse(m.get("pagefind/pagefind-entry.json")!.toString()).languages.en.page_count;
      assert.equal(pageCount(merged), pageCount(singleFiles));
    });

    it(count === 3 ? "took their articles from the summary job's file of each shard's articles" : "made their articles from their raw files (the summary was made without --for-shards)", () => {
      const log = sharded.get(key("one-index", count))!.log.join("");
      const fromFiles = log.match(/articles from archive-summary\.articles-\d-of-3\.jsonl/g) ?? [];
      const fromRaw = log.match(/articles from their raw files/g) ?? [];
      assert.deepEqual([fromFiles.length, fromRaw.length], count === 3 ? [3, 0] : [0, 2]);
    });

    if (count === 3) {
      it("used the shards up: their pages are gone from their folders, and merging them again is refused, saying why", async () => {
        const build = sharded.get(key("one-index", count))!;
        for (const dir of build.shardDirs) {
          const left = await snapshot(path.join(dir, SHARD_SITE_DIR)).catch(() => new Map<string, Buffer>());
          assert.deepEqual([...left.keys()].filter((f) => !isSearchIndex(f)), [], `${dir} keeps no page`);
          await assert.rejects(readShardManifest(dir), ShardBuildError);
        }
        const again = path.join(build.work, "merged-again");
        await assert.rejects(
          mergeShards(testConfig({ articlesDir, outputDir: again, contentDir: path.join(build.work, "content-again") }), build.shardDirs, { reporter: recordingReporter().reporter, move: true }),
          (error: Error) => error instanceof ShardBuildError && error.message.includes("a merge with --move-shards moved its pages"),
        );
      });

      it("took every article's analysis from the analysis jobs: the summary job analysed none", () => {
        const { summary } = sharded.get(key("one-index", count))!;
        assert.equal(summary.analyzed, 0);
        assert.equal(summary.reused, summary.articles);
      });
    }
  });
}

for (const count of [2, 3]) {
  describe(`${count} shards merged as one search index per shard (--merged-search bundles)${count === 3 ? ", built the day after their summary, their pages and indexes moved (--move-shards)" : ""}`, () => {
    let merged: Map<string, Buffer>;
    before(async () => {
      merged = await snapshot(sharded.get(key("bundles", count))!.dir);
    });

    it("hold the same pages, feeds, sitemaps and assets as a single build, byte for byte", () => {
      const names = (files: Map<string, Buffer>) => [...files.keys()].filter((f) => !isSearchIndex(f));
      assert.deepEqual(names(merged), names(singleFiles));
      const differing = names(singleFiles).filter((f) => !singleFiles.get(f)!.equals(merged.get(f)!));
      assert.deepEqual(differing, [SEARCH_PAGE], "only the search page differs");
      for (const f of ["index.html", "articles/index.html", "feed.xml", "feed.json", "sitemap.xml", "people/index.html", "assets/search/pagefind.js"]) {
        assert.ok(singleFiles.has(f), `the comparison covers ${f}`);
      }
    });

    it("differ on the search page only by the names of the other shards' search indexes", () => {
      const page = merged.get(SEARCH_PAGE)!.toString("utf8");
      const bundles = Array.from({ length: count - 1 }, (_, i) => `pagefind-${i + 2}/`).join(" ");
      const meta = `<meta name="${SEARCH_BUNDLES_META}" content="${bundles}">\n`;
      assert.ok(page.includes(meta), `the page names ${bundles}`);
      assert.equal(page.replace(meta, ""), singleFiles.get(SEARCH_PAGE)!.toString("utf8"));
    });

    it("keep one search index per shard, which together index every article once", async () => {
      const folders = [...new Set([...merged.keys()].filter(isSearchIndex).map((f) => f.split("/")[0]))].sort();
      assert.deepEqual(folders, ["pagefind", ...Array.from({ length: count - 1 }, (_, i) => `pagefind-${i + 2}`)]);
      const fragments = (folder: string) => [...merged.keys()].filter((f) => f.startsWith(`${folder}/fragment/`)).length;
      const perShard = folders.map(fragments);
      assert.equal(perShard.reduce((a, b) => a + b, 0), [...singleFiles.keys()].filter((f) => f.startsWith("pagefind/fragment/")).length);
      assert.ok(perShard.every((n) => n > 0), `every shard's index holds pages: ${perShard.join(", ")}`);
      const { manifests } = sharded.get(key("bundles", count))!;
      assert.deepEqual(manifests.map((m) => m.articleUrls.length), perShard, "each index holds exactly its shard's articles");
    });

    it("order and count search results over the whole archive, as a single build does", () => {
      const json = (files: Map<string, Buffer>, f: string) => JSON.parse(files.get(f)!.toString("utf8"));
      const counts = json(merged, "pagefind/archive-filter-counts.json");
      assert.deepEqual(counts, json(singleFiles, "pagefind/archive-filter-counts.json"));
      // Pagefind names pages by a hash of their fragment, the same in either build.
      assert.deepEqual(json(merged, "pagefind/archive-date-order.json"), json(singleFiles, "pagefind/archive-date-order.json"));
    });
  });
}

describe("the shards", () => {
  it("share the articles out evenly enough and write every archive-wide kind of page between them", async () => {
    const { manifests } = sharded.get(key("one-index", 3))!;
    const articles = manifests.map((m) => m.articleUrls.length);
    assert.equal(articles.reduce((a, b) => a + b, 0), 112);
    for (const n of articles) assert.ok(n >= 20 && n <= 55, `articles per shard: ${articles.join(", ")}`);
    const kinds = (m: (typeof manifests)[number]) => new Set(m.outputs.map((f) => f.split("/")[0]));
    // Shard 1 writes the single pages and assets; every shard writes article, listing and entity pages.
    assert.ok(kinds(manifests[0]).has("assets") && manifests[0].outputs.includes("feed.xml"));
    for (const m of manifests.slice(1)) assert.ok(!m.outputs.includes("index.html") && !m.outputs.includes("feed.xml"), `shard ${m.shard} leaves the single pages to shard 1`);
    for (const m of manifests) for (const kind of ["articles", "people"]) assert.ok(kinds(m).has(kind), `shard ${m.shard} writes ${kind} pages`);
    const read = await readFile(path.join(sharded.get(key("one-index", 3))!.dir, "sitemap.xml"), "utf8");
    assert.equal((read.match(/<loc>/g) ?? []).length, (singleFiles.get("sitemap.xml")!.toString("utf8").match(/<loc>/g) ?? []).length);
  });
});
