import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSearchIndex, minifiedPagefindScript, PreloadGate, SearchBatchPreload, SearchIndexCancelledError, searchBatches, StaleSearchRecordsError, type SearchIndexResult } from "../../src/publish/search-index.ts";
import type { PagefindFile } from "../../src/publish/pagefind-merge.ts";
import { PAGE_SHARDS, SearchRecordStore, type SearchRecord } from "../../src/publish/search-records.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * The search index is built in batches, each a Pagefind run kept in a cache under a hash
 * of its pages (src/publish/search-index.ts): a warm build runs Pagefind only over the
 * batches whose pages changed, and must give the index a build without the cache gives.
 */

const page = (i: number, extra = "") =>
  `<!doctype html><html lang="en"><head></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">Report ${i}</h1>` +
  `<p>Harbour council vote ${i % 7} on ferry fares${extra}.</p><div hidden data-pagefind-ignore><span data-pagefind-filter="year">${1990 + (i % 3)}</span></div></article></body></html>\n`;

/** A page's fingerprint as the build makes it: a hash of what the page shows. */
const fingerprint = (url: string, html: string) => createHash("sha1").update(url).update(html).digest("hex");

const URLS = Array.from({ length: 60 }, (_, i) => `/articles/report-${String(i).padStart(2, "0")}/`);
const PER_BATCH = 8;

/** Every file of an index folder, path → bytes. */
async function indexFiles(siteDir: string): Promise<Map<string, string>> {
  const dir = path.join(siteDir, "pagefind");
  const files = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const data = await readFile(path.join(dir, name)).catch(() => undefined);
    if (data) files.set(name, data.toString("base64"));
  }
  return files;
}

describe("the search index in cached batches", () => {
  let work: string;
  const run = async (name: string, html: (i: number) => string, cache: string | undefined, extra: Partial<Parameters<typeof buildSearchIndex>[0]> = {}, urls = URLS): Promise<{ result: SearchIndexResult; files: Map<string, string>; store: SearchRecordStore }> => {
    const store = new SearchRecordStore(path.join(work, name, "records"));
    await store.update(new Map(urls.map((url, i) => [url, { fingerprint: fingerprint(url, html(i)), html: html(i) }])), { replaceAll: true });
    const siteDir = path.join(work, name, "site");
    const result = await buildSearchIndex({
      siteDir,
      store,
      pages: new Map(urls.map((url, i) => [url, fingerprint(url, html(i))])),
      singlePageRecords: [],
      articleUrls: new Set(urls),
      batchCacheDir: cache,
      pagesPerBatch: PER_BATCH,
      ...extra,
    });
    return { result, files: await indexFiles(siteDir), store };
  };
  before(async () => {
    work = await tempDir("search-batches-");
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("minifies Pagefind's script once per script: the same script again comes from the cache, a new one (another Pagefind) is minified anew", async () => {
    const script = (name: string) => [{ path: "pagefind.js", content: Buffer.from(`export async function ${name}(searchTerm) {\n  const lowered = searchTerm.toLowerCase();\n  return lowered;\n}\n`) }];
    const entries = new Map<string, PagefindFile[]>();
    const cache = { read: async (key: string) => entries.get(key), write: async (key: string, files: readonly PagefindFile[]) => void entries.set(key, [...files]) };
    const first = await minifiedPagefindScript(script("search"), cache);
    assert.ok(first && first.length < script("search")[0].content.length && first.includes("search"), first);
    assert.equal(entries.size, 1);
    // Marked, so that a second run shows where its answer came from.
    const [key] = entries.keys();
    entries.set(key, [{ path: "pagefind.js", content: Buffer.from("// from the cache") }]);
    assert.equal(await minifiedPagefindScript(script("search"), cache), "// from the cache");
    const other = await minifiedPagefindScript(script("preload"), cache);
    assert.ok(other?.includes("preload"), other);
    assert.equal(entries.size, 2);
    assert.equal(await minifiedPagefindScript([{ path: "pagefind-ui.js", content: Buffer.from("x") }], cache), undefined, "no script, nothing to write");
    assert.equal(await minifiedPagefindScript(script("search"), undefined), first, "without a cache, minified each time");
  });

  it("batches a site as a power of two of whole page shards", () => {
    assert.equal(searchBatches(100, 1600), 1);
    assert.equal(searchBatches(1601, 1600), 2);
    assert.equal(searchBatches(21_558, 1600), 16);
    assert.equal(searchBatches(10_000_000, 1600), 64, "never more batches than page shards");
  });

  it("a warm run takes unchanged batches from the cache and gives the same index as a run without it", async () => {
    const cache = path.join(work, "cache");
    const cold = await run("cold", (i) => page(i), cache);
    assert.ok(cold.result.batches > 2, `${cold.result.batches} batches`);
    assert.equal(cold.result.batchesCached, 0);
    const again = await run("again", (i) => page(i), cache);
    assert.equal(again.result.batchesCached, again.result.batches, "nothing changed: every batch from the cache");
    assert.deepEqual(again.files, cold.files);
    // Search runs in the browser only with Pagefind's WebAssembly for the index's language.
    for (const files of [cold.files, again.files]) assert.ok(files.has("wasm.en.pagefind") && files.has("pagefind.js"));

    // One page changes: only its batch is indexed again (Pagefind reads that page alone).
    const edited = (i: number) => page(i, i === 5 ? " and a new lighthouse" : "");
    const warm = await run("warm", edited, cache);
    assert.equal(warm.result.batchesCached, warm.result.batches - 1);
    assert.equal(warm.result.batchesUpdated, 1);
    const fresh = await run("fresh", edited, undefined);
    assert.deepEqual(warm.files, fresh.files, "the warm index is the index of the pages as they are now");
    assert.notDeepEqual(warm.files, cold.files);
    // Batches no build uses any more leave the cache.
    assert.equal((await readdir(cache)).filter((f) => f.endsWith(".bin") && !f.startsWith("static") && !f.startsWith("minified")).length, warm.result.batches);
  });

  it("batches read ahead while the ingest runs are taken only where their pages are unchanged, and give the index a run without them gives", async () => {
    const cache = path.join(work, "cache-preload");
    const cold = await run("preload-0", (i) => page(i), cache);
    // Nothing changed: every batch from the ones read ahead.
    const all = SearchBatchPreload.start(cache);
    assert.equal(await all.size(), cold.result.batches);
    const again = await run("preload-1", (i) => page(i), cache, { preload: all });
    assert.equal(again.result.batchesPreloaded, cold.result.batches);
    assert.deepEqual(again.files, cold.files);
    // Read ahead, then two pages change (in two batches): those batches are indexed anew.
    const preload = SearchBatchPreload.start(cache);
    assert.equal(await preload.size(), cold.result.batches);
    const edited = (i: number) => page(i, i === 5 || i === 42 ? " and a new lighthouse" : "");
    const warm = await run("preload-2", edited, cache, { preload });
    assert.equal(warm.result.batchesCached, warm.result.batches - 2);
    assert.equal(warm.result.batchesPreloaded, warm.result.batchesCached);
    assert.equal(await preload.size(), 2, "the two changed batches' old indexes are left");
    const fresh = await run("preload-fresh", edited, undefined);
    assert.deepEqual(warm.files, fresh.files, "the same index, byte for byte");
    // A batch is handed out once; a limit on what is read ahead reads less, and the index is the same.
    const limited = SearchBatchPreload.start(cache, 1);
    assert.equal(await limited.size(), 0);
    const without = await run("preload-3", edited, cache, { preload: limited });
    assert.equal(without.result.batchesPreloaded, 0);
    assert.deepEqual(without.files, fresh.files);
  });

  it("a read ahead held after its first bytes reads the rest once told to go on", async () => {
    const cache = path.join(work, "cache-hold");
    const cold = await run("hold-0", (i) => page(i), cache);
    assert.ok(cold.result.batches >= 3);
    let go = () => {};
    const until = new Promise<void>((resolve) => (go = resolve));
    const held = SearchBatchPreload.start(cache, Infinity, { afterBytes: 1, until });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(held.readSoFar, 1, "one batch read, then held");
    go();
    assert.equal(await held.size(), cold.result.batches, "every batch once told to go on");
    const again = await run("hold-1", (i) => page(i), cache, { preload: held });
    assert.equal(again.result.batchesPreloaded, cold.result.batches);
    assert.deepEqual(again.files, cold.files);
  });

  it("a read ahead at a gate holds while it is shut, reads while it is open, and once it is opened for good no close holds it", async () => {
    const cache = path.join(work, "cache-gate");
    const cold = await run("gate-0", (i) => page(i), cache);
    assert.ok(cold.result.batches >= 4);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const gate = new PreloadGate();
    const held = SearchBatchPreload.start(cache, Infinity, { afterBytes: 1, until: gate.until });
    await settle();
    assert.equal(held.readSoFar, 1, "one batch, then held at the shut gate");
    // Opened and shut again at once: the batch it was let go on, then held again.
    gate.open();
    gate.close();
    await settle();
    assert.equal(held.readSoFar, 2, "one more batch, then held again");
    gate.open(true);
    gate.close();
    const readAll = await Promise.race([held.size(), new Promise((resolve) => setTimeout(() => resolve("still held"), 10_000))]);
    assert.equal(readAll, cold.result.batches, "every batch once opened for good");
    const again = await run("gate-1", (i) => page(i), cache, { preload: held });
    assert.equal(again.result.batchesPreloaded, cold.result.batches);
    assert.deepEqual(again.files, cold.files);
  });

  it("a batch updated with its changed pages alone is the batch Pagefind reads whole: pages edited, deleted, added, with a field the others lack", async () => {
    const cache = path.join(work, "cache-update");
    await run("update-0", (i) => page(i), cache);
    // Page 5 gains a metadata field no other page has (an article with a source among ones without).
    const html = (i: number) => (i === 5 ? page(i, " and a lighthouse").replace("<p>", '<p><span data-pagefind-meta="source">The Harbour Post</span> ') : page(i, i === 20 ? " with a new ferry" : ""));
    const urls = [...URLS.filter((_, i) => i !== 7 && i !== 33), "/articles/report-new/"];
    const htmlOf = (i: number) => html(URLS.indexOf(urls[i]) >= 0 ? URLS.indexOf(urls[i]) : 99);
    const warm = await run("update-1", htmlOf, cache, {}, urls);
    const fresh = await run("update-fresh", htmlOf, undefined, {}, urls);
    assert.ok(warm.result.batchesUpdated >= 2, `${warm.result.batchesUpdated} batches updated`);
    assert.deepEqual(warm.files, fresh.files, "the same index, byte for byte");
    // And back: the field gone again, the deleted pages back.
    const back = await run("update-2", (i) => page(i), cache);
    assert.ok(back.result.batchesUpdated + back.result.batchesCached >= back.result.batches - 1);
    assert.deepEqual(back.files, (await run("update-fresh-2", (i) => page(i), undefined)).files);
  });

  it("a run told to stop between batches leaves the last index as it was (the dev server stops it when a file is saved)", async () => {
    const first = await run("stop", (i) => page(i), undefined);
    let asked = 0;
    await assert.rejects(
      run("stop", (i) => page(i, " edited"), undefined, { shouldStop: () => ++asked > 2 }),
      (error: unknown) => error instanceof SearchIndexCancelledError,
    );
    assert.ok(asked > 2);
    assert.deepEqual(await indexFiles(path.join(work, "stop", "site")), first.files);
  });

  it("a run told to stop while it merges the batches stops there, the last index left as it was", async () => {
    const first = await run("stop-merge", (i) => page(i), undefined);
    // Asked between batches, then during the merge: how often in a whole run?
    let calls = 0;
    const counted = await run("stop-merge-count", (i) => page(i, " edited"), undefined, { shouldStop: () => (calls++, false) });
    assert.ok(calls > counted.result.batches + 2, `asked ${calls} times for ${counted.result.batches} batches: the merge asks too`);
    let asked = 0;
    await assert.rejects(
      run("stop-merge", (i) => page(i, " edited"), undefined, { shouldStop: () => ++asked >= calls }),
      (error: unknown) => error instanceof SearchIndexCancelledError,
    );
    assert.deepEqual(await indexFiles(path.join(work, "stop-merge", "site")), first.files);
  });

  it("a cached batch cut short is indexed again, not trusted", async () => {
    const cache = path.join(work, "cache-cut");
    const first = await run("cut-1", (i) => page(i), cache);
    const victim = (await readdir(cache)).find((f) => !f.startsWith("static"))!;
    const data = await readFile(path.join(cache, victim));
    await writeFile(path.join(cache, victim), data.subarray(0, data.length - 100));
    const second = await run("cut-2", (i) => page(i), cache);
    assert.equal(second.result.batchesCached, second.result.batches - 1);
    assert.deepEqual(second.files, first.files);
  });

  it("takes every batch from the cache, as it was, when only pages without a search record changed (listings and name pages, after an article is added)", async () => {
    const cache = path.join(work, "cache-listings");
    const listings = Array.from({ length: 40 }, (_, i) => `/tags/topic-${String(i).padStart(2, "0")}/`);
    const build = async (name: string, listingVersion: string, articleHtml: (i: number) => string = (i) => page(i)) => {
      const store = new SearchRecordStore(path.join(work, name, "records"));
      const articles = URLS.map((url, i) => [url, fingerprint(url, articleHtml(i)), articleHtml(i)] as const);
      const records = new Map<string, SearchRecord>(articles.map(([url, version, html]) => [url, { fingerprint: version, html }]));
      for (const url of listings) records.set(url, { fingerprint: listingVersion, html: null });
      await store.update(records, { replaceAll: true });
      const siteDir = path.join(work, name, "site");
      const pages = new Map([...articles.map(([url, version]) => [url, version] as const), ...listings.map((url) => [url, listingVersion] as const)]);
      const result = await buildSearchIndex({ siteDir, store, pages, singlePageRecords: [], articleUrls: new Set(URLS), batchCacheDir: cache, pagesPerBatch: PER_BATCH });
      return { result, files: await indexFiles(siteDir) };
    };
    const first = await build("listings-1", "v1");
    assert.equal(first.result.pagesIndexed, URLS.length, "the articles are indexed, the listings are not");
    const second = await build("listings-2", "v2");
    assert.equal(second.result.batchesCached, second.result.batches, "every listing changed, no article: every batch from the cache");
    assert.equal(second.result.batchesUpdated, 0);
    assert.deepEqual(second.files, first.files);
    // An article that changes beside them still changes its batch, and the index.
    const edited = (i: number) => page(i, i === 3 ? " and a new lighthouse" : "");
    const third = await build("listings-3", "v3", edited);
    assert.equal(third.result.batchesCached, third.result.batches - 1);
    assert.deepEqual(third.files, (await run("listings-fresh", edited, undefined)).files);
  });

  it("takes a batch from the cache when its article pages were rendered again with the same search records (their related articles changed, not their text)", async () => {
    const cache = path.join(work, "cache-same-records");
    // `rendered`: which pages have a new fingerprint (the page changed outside its search record).
    const build = async (name: string, rendered: (i: number) => boolean, articleHtml: (i: number) => string = (i) => page(i)) => {
      const store = new SearchRecordStore(path.join(work, name, "records"));
      const pages = new Map(URLS.map((url, i) => [url, fingerprint(url, articleHtml(i)) + (rendered(i) ? `-${name}` : "")]));
      await store.update(new Map(URLS.map((url, i) => [url, { fingerprint: pages.get(url)!, html: articleHtml(i) }])), { replaceAll: true });
      const siteDir = path.join(work, name, "site");
      const result = await buildSearchIndex({ siteDir, store, pages, singlePageRecords: [], articleUrls: new Set(URLS), batchCacheDir: cache, pagesPerBatch: PER_BATCH });
      return { result, files: await indexFiles(siteDir) };
    };
    const first = await build("same-records-1", () => false);
    const second = await build("same-records-2", (i) => i % 3 === 0);
    assert.ok(second.result.batches > 2);
    assert.equal(second.result.batchesCached, second.result.batches, "a third of the pages rendered again, no record changed: every batch from the cache");
    assert.equal(second.result.batchesUpdated, 0);
    assert.deepEqual(second.files, first.files);
    // One record changes beside pages rendered again: its batch alone is indexed again, and
    // the index is the index of the records as they are now.
    const edited = (i: number) => page(i, i === 4 ? " and a new lighthouse" : "");
    const third = await build("same-records-3", (i) => i % 4 === 0, edited);
    assert.equal(third.result.batchesCached, third.result.batches - 1);
    assert.equal(third.result.batchesUpdated, 1);
    assert.deepEqual(third.files, (await run("same-records-fresh", edited, undefined)).files);
    // The same record under a page rendered again still comes from the store: a record the
    // store lacks for a page's new fingerprint is a stale cache, not a batch taken as it was.
    const store = new SearchRecordStore(path.join(work, "same-records-4", "records"));
    await store.update(new Map(URLS.map((url, i) => [url, { fingerprint: fingerprint(url, edited(i)), html: edited(i) }])), { replaceAll: true });
    const pages = new Map(URLS.map((url, i) => [url, fingerprint(url, edited(i)) + (i === 7 ? "-newer" : "")]));
    await assert.rejects(
      buildSearchIndex({ siteDir: path.join(work, "same-records-4", "site"), store, pages, singlePageRecords: [], articleUrls: new Set(URLS), batchCacheDir: cache, pagesPerBatch: PER_BATCH }),
      StaleSearchRecordsError,
    );
  });

  it("prunes records of pages gone from the site, unless told not to (the dev server, while a rebuild may write them)", async () => {
    const store = new SearchRecordStore(path.join(work, "prune", "records"));
    const gone = "/articles/gone/";
    const all = [...URLS, gone];
    await store.update(new Map(all.map((url, i) => [url, { fingerprint: `f${i}`, html: page(i) }])), { replaceAll: true });
    const options = { siteDir: path.join(work, "prune", "site"), store, pages: new Map(URLS.map((url, i) => [url, `f${i}`])), singlePageRecords: [], articleUrls: new Set(URLS), pagesPerBatch: PER_BATCH };
    const stored = async () => {
      const urls: string[] = [];
      for (let shard = 0; shard < PAGE_SHARDS; shard++) urls.push(...(await store.readShard(shard)).keys());
      return urls;
    };
    await buildSearchIndex({ ...options, pruneStore: false });
    assert.ok((await stored()).includes(gone));
    await buildSearchIndex(options);
    assert.ok(!(await stored()).includes(gone));
    assert.equal((await stored()).length, URLS.length);
  });
});
