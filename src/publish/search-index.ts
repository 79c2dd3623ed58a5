import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform, version as esbuildVersion } from "esbuild";
import * as pagefind from "pagefind";
import { pageShard, PAGE_SHARDS } from "../site/model.ts";
import { archiveFilterCounts, DATE_ORDER_FILE, dateOrder, FILTER_COUNTS_FILE, type IndexedPage } from "../site/search-index-files.ts";
import { isIndexFile, mergePagefindIndexes, prepareBatch, type MergedIndex, type PagefindFile, type PreparedBatch } from "./pagefind-merge.ts";
import { SearchRecordStore, type SearchRecord } from "./search-records.ts";
import { linkOrCopyFilesSync, listSiteFiles, removeFiles } from "./site-folder.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";

/** Where an article's page is written, relative to the site folder. */
export function articlePagePath(slug: string): string {
  return `articles/${slug}/index.html`;
}

/** The file a page URL ("/articles/x/") is written to, relative to the site folder. */
export function pageFile(url: string): string {
  return `${url.replace(/^\//, "")}index.html`;
}

/**
 * Words per chunk of Pagefind's word index (its default is 20,000 word positions). A
 * search downloads the chunks holding its words, so smaller chunks mean less per search,
 * while every chunk adds a line to the metadata every search downloads first. Measured
 * (scripts/measure-site.ts, "oil"): at 1,000 articles 143 KB with the default, 129 KB at
 * 5,000; at 10,000 articles 194 KB and 183 KB (3,000 gave 126 KB and 185 KB).
 */
export const INDEX_CHUNK_SIZE = 5000;

export interface SearchIndexResult {
  pagesIndexed: number;
  /** Batches Pagefind read pages in, how many of them came from the cache unchanged, and how many were updated with a run over their changed pages alone. */
  batches: number;
  batchesCached: number;
  batchesUpdated: number;
  /** Of the batches from the cache, how many were read ahead (SearchBatchPreload). */
  batchesPreloaded: number;
  /** Each indexed page's Pagefind hash, URL and filters (a sharded build's merge orders and counts them across shards). */
  pages: MergedIndex["pages"];
}

/** The store lacks a page's record, or holds one of another version of the page: the cache cannot be trusted. */
export class StaleSearchRecordsError extends Error {}

/** The caller's `shouldStop` said to stop (the dev server: a rebuild started). */
export class SearchIndexCancelledError extends Error {}

/**
 * Builds the Pagefind index of the site from search records in hand (the store's records
 * of the paginated pages, and the single pages' records from this build's render), never
 * reading a page back from disk, into `siteDir/pagefind/`.
 *
 * Pagefind runs over the pages in batches (the URL's page shard decides the batch: see
 * `searchBatches`), and the batches' indexes are merged into one (src/publish/pagefind-merge.ts),
 * the index a single Pagefind run over every page gives: pages numbered by the words
 * Pagefind counts on them, then URL. A batch's Pagefind files are kept in `batchCacheDir`
 * under a hash of its pages' URLs and search records, so a warm build runs Pagefind only over
 * the batches whose pages' records changed, and over a changed batch's new and changed pages alone
 * when they are few: the batch's last index is merged with that run's, the old versions of
 * those pages (and pages gone) left out (`mergePagefindIndexes`' `exclude`). A Pagefind service holds one batch at a time, and its
 * memory grows faster than its pages: one run over 10,000 articles peaked at 1.0 GB, a
 * batch of 625 at 100 MB (measured 2026-12-01). Several services work side by side. Fails
 * loudly when Pagefind reports errors or an article page is not in the index.
 */
/**
 * Pagefind's Node API runs one service per process, and closing one index stops it for
 * all: index runs in one process (the dev server's, a test's) take turns.
 */
let previousRun: Promise<unknown> = Promise.resolve();

export function buildSearchIndex(options: Parameters<typeof buildSearchIndexNow>[0]): Promise<SearchIndexResult> {
  const run = previousRun.then(() => buildSearchIndexNow(options), () => buildSearchIndexNow(options));
  previousRun = run.catch(() => {});
  return run;
}

/** Pages of the site per batch, at most (about half of a site's pages are articles with a search record); more when MAX_SEARCH_BATCHES is reached. */
export const PAGES_PER_BATCH = 1600;

/**
 * Batches at most: each is a Pagefind run and an input of the merge. A power of two that
 * divides PAGE_SHARDS, so a batch is a set of whole shards (batch b: the shards s with
 * s % batches === b, the same pages whatever PAGE_SHARDS is).
 */
export const MAX_SEARCH_BATCHES = 64;

/** How many batches `pageCount` pages are indexed in (a power of two up to MAX_SEARCH_BATCHES). */
export function searchBatches(pageCount: number, pagesPerBatch = PAGES_PER_BATCH): number {
  let batches = 1;
  while (batches < MAX_SEARCH_BATCHES && pageCount / batches > pagesPerBatch) batches *= 2;
  return batches;
}

/** Bump when what a cached batch holds changes in a way its key would not notice. */
const BATCH_FORMAT = 2;
/**
 * A changed batch is updated from its last index when at most this share of its pages is
 * new or changed; above it, Pagefind reads the whole batch again (as fast, and the merge
 * would be undoing most of the last index).
 */
const UPDATE_SHARE = 0.5;
const pagefindVersion = ((): string => {
  // The package's exports leave out its package.json: it is found above its entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  for (;;) {
    const text = (() => {
      try {
        return readFileSync(path.join(dir, "package.json"), "utf8");
      } catch {
        return "{}";
      }
    })();
    const info = JSON.parse(text) as { name?: string; version?: string };
    if (info.name === "pagefind" && info.version) return info.version;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Pagefind's package.json was not found");
    dir = parent;
  }
})();

/** What every batch's cache key starts with: a batch made by another Pagefind, or in chunks of another size, is never taken. */
function batchKeyPrefix(chunkSize = Number(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? INDEX_CHUNK_SIZE)): string {
  return `batch ${BATCH_FORMAT} pagefind ${pagefindVersion} chunks ${chunkSize}\n`;
}

/**
 * Batch files read ahead, at most (bytes as cached, compressed): about 17 MB at 10,000
 * articles, 162 MB at 100,000. A warm build reads PRELOAD_EARLY_BYTES of them while its
 * ingest process starts and the rest while that process's archive-wide passes leave a
 * core idle (PreloadGate, src/publish/build.ts): read all at once, they took CPU from those
 * passes (the ingest 0.5–4.5 s slower, four builds against four); read once the passes
 * were done, they kept the build's reading of the index and its model waiting (four warm
 * builds each at 100,000, taking turns: 64.3–69.7 s wall, 63.9–69.4 s with the gate,
 * each pair 0.1–4.4 s apart, the gate's the faster). At 100,000 articles, four warm builds
 * each taking turns with the 32 MB read ahead before: the search index step 14.4–18.2 s
 * → 10.5–13.6 s, the process tree's peak 1.7–1.9 → 2.1–2.2 GB (2.3–2.5 GB since each batch
 * read ahead also has its word index read: prepareBatch). At a million articles, the
 * first sixth of the batches.
 */
export const PRELOAD_MAX_BYTES = 256 * 1024 * 1024;
/** Read ahead from the start (all of them at 10,000 articles; the first 12 of 64 batches at 100,000). */
export const PRELOAD_EARLY_BYTES = 32 * 1024 * 1024;

/**
 * The last build's search batches (the cache's `last-N.json`), read from the cache and
 * parsed (their metadata and fragments) while a warm build's ingest runs, when the build's
 * own process has nothing else to do: at 10,000 articles, reading and parsing the 15
 * unchanged batches was 0.7 s of the search index step, after the ingest. A batch is
 * taken only under the key the build asks for (its pages' URLs and fingerprints), so one
 * whose pages changed is never used; each is handed out once.
 */
export class SearchBatchPreload {
  private readonly batches = new Map<string, Promise<PreparedBatch | undefined>>();
  private readonly done: Promise<void>;

  private constructor(batchCacheDir: string, maxBytes: number, hold?: PreloadHold) {
    const cache = new BatchCache(batchCacheDir, batchKeyPrefix());
    this.done = (async () => {
      let bytes = 0;
      for (const key of await cache.lastKeys()) {
        if (hold && bytes >= hold.afterBytes) await (typeof hold.until === "function" ? hold.until() : hold.until);
        const files = await cache.load(key);
        if (!files) continue;
        bytes += files.reduce((sum, f) => sum + f.content.length, 0);
        if (bytes > maxBytes) break;
        // One batch's parsing at a time, the event loop served between them.
        await new Promise((resolve) => setImmediate(resolve));
        this.batches.set(key, Promise.resolve().then(() => prepareBatch(files)).catch(() => undefined));
        await this.batches.get(key);
      }
    })().catch(() => {});
  }

  /** Starts reading `batchCacheDir`'s last batches (up to `maxBytes` of their files; once `hold.afterBytes` are read, the rest when `hold.until` settles). */
  static start(batchCacheDir: string, maxBytes = PRELOAD_MAX_BYTES, hold?: PreloadHold): SearchBatchPreload {
    return new SearchBatchPreload(batchCacheDir, maxBytes, hold);
  }

  /** The batch cached under `key`, parsed, if it was read ahead; undefined otherwise (and for a key asked twice). */
  async take(key: string): Promise<PreparedBatch | undefined> {
    const batch = this.batches.get(key);
    this.batches.delete(key);
    return batch;
  }

  /** How many batches are read ahead now (and not yet taken). */
  get readSoFar(): number {
    return this.batches.size;
  }

  /** How many batches were read ahead (and not yet taken), once reading is done. */
  async size(): Promise<number> {
    await this.done;
    return this.batches.size;
  }
}

/**
 * When a preload pauses: once `afterBytes` are read, until `until` settles; when `until`
 * is a function, before each batch until what it returns settles (nothing: go on).
 */
export interface PreloadHold {
  afterBytes: number;
  until: Promise<unknown> | (() => Promise<unknown> | undefined);
}

/**
 * When a warm build reads the last search batches ahead (its `until`): shut at first;
 * opened while the ingest process's archive-wide passes run on one core, shut again while
 * their related-articles scoring takes every core, and opened for good once they are done
 * (src/publish/build.ts). Read only once the passes were done, the batches of 100,000
 * articles were parsed on the build process's one thread just as it read the index and
 * made the model and page fingerprints, and kept them waiting.
 */
export class PreloadGate {
  private opened = false;
  private forGood = false;
  private release = () => {};
  private shut = new Promise<void>((resolve) => (this.release = resolve));

  /** Opens the gate (for good: no `close` shuts it again). */
  open(forGood = false): void {
    this.forGood ||= forGood;
    if (this.opened) return;
    this.opened = true;
    this.release();
  }

  /** Shuts the gate, unless it was opened for good. */
  close(): void {
    if (this.forGood || !this.opened) return;
    this.opened = false;
    this.shut = new Promise<void>((resolve) => (this.release = resolve));
  }

  /** What a preload waits for before its next batch (settled while the gate is open). */
  readonly until = (): Promise<void> => this.shut;
}

async function buildSearchIndexNow(options: {
  siteDir: string;
  store: SearchRecordStore;
  /** URL → fingerprint of every paginated page of the site (the batches index those in `articleUrls`). */
  pages: ReadonlyMap<string, string>;
  singlePageRecords: readonly (readonly [string, string])[];
  /** The article pages: each must be in the index. */
  articleUrls: ReadonlySet<string>;
  /** Where Pagefind's files of each batch are kept between builds; none: nothing is kept. */
  batchCacheDir?: string;
  /** A site folder whose `pagefind/` this same code wrote (the last build's): files of the same name are linked from it. */
  reuseIndexFrom?: string;
  /**
   * Whether records of pages no longer in the site are deleted from the store (default).
   * Not while a build may be writing the store at the same time (the dev server indexes
   * between rebuilds): a shard file read and written back would lose the other's records.
   */
  pruneStore?: boolean;
  /** Pages of the site per batch, at most (tests make small batches). */
  pagesPerBatch?: number;
  /** Asked between batches: true stops the run with a SearchIndexCancelledError, the index left as it was. */
  shouldStop?: () => boolean;
  /** The last build's batches, read ahead (SearchBatchPreload): a batch taken from the cache is taken from here when it has it. */
  preload?: SearchBatchPreload;
}): Promise<SearchIndexResult> {
  // The batches hold the article pages alone: only an article's page has a search record
  // (layouts/article.njk alone marks a data-pagefind-body), so the other pages'
  // fingerprints say nothing of the index. Keyed on every page, a batch changed whenever a
  // listing or name page in it did: one article added to 100,000 changed 3,700 pages,
  // spread over all 64 batches, and each was merged again (40 s of the build).
  const byShard = Array.from({ length: PAGE_SHARDS }, () => [] as string[]);
  for (const url of options.pages.keys()) if (options.articleUrls.has(url)) byShard[pageShard(url)].push(url);
  const chunkSize = Number(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? INDEX_CHUNK_SIZE);
  // Pagefind reads this when it creates an index (its service process inherits the environment).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const batchCount = searchBatches(options.pages.size + options.singlePageRecords.length, options.pagesPerBatch);
  // Between batches, and inside the merges: a save stops the run (the event loop gets a turn to hear of it).
  const checkpoint = options.shouldStop
    ? async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (options.shouldStop!()) throw new SearchIndexCancelledError("the search index run was stopped");
      }
    : undefined;
  const keyPrefix = batchKeyPrefix(chunkSize);
  const cache = options.batchCacheDir ? new BatchCache(options.batchCacheDir, keyPrefix) : undefined;
  const services: PagefindService[] = [];
  let aside: string | undefined;
  try {
    let batchesCached = 0;
    let batchesUpdated = 0;
    let batchesPreloaded = 0;
    // Batch `b`'s pages (the single pages after the last batch): each page's version, the
    // key the batch is cached under, and its records. A page's version is its fingerprint and
    // a digest of its search record (`recordVersion`), and the key covers the records' digests
    // alone: a page rendered again with the same record (an article whose related articles
    // changed, not its text) leaves its batch as it was. A record is read from the store only
    // where the last build's version of its page is not this fingerprint's.
    const batchPages = async (batch: number): Promise<{ key: string; versions: Map<string, string>; records: () => Promise<[string, string][]> }> => {
      const versions = new Map<string, string>();
      const key = createHash("sha256").update(keyPrefix);
      if (batch === batchCount) {
        const records = [...options.singlePageRecords].map(([url, html]): [string, string] => [url, html]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
        for (const [url, html] of records) {
          key.update(`single ${url}\n${html}\n`);
          versions.set(url, createHash("sha256").update(html).digest("hex"));
        }
        return { key: key.digest("hex"), versions, records: async () => records };
      }
      const shards: number[] = [];
      for (let shard = batch; shard < PAGE_SHARDS; shard += batchCount) if (byShard[shard].length) shards.push(shard);
      const urls = shards.flatMap((shard) => byShard[shard]).sort();
      // The batch's shards of the store, each read once, its records checked against the pages.
      const read = new Map<number, Map<string, SearchRecord>>();
      const readShard = async (shard: number) => {
        let records = read.get(shard);
        if (!records) {
          records = await options.store.readShard(shard);
          const stale = byShard[shard].filter((url) => records!.get(url)?.fingerprint !== options.pages.get(url));
          if (stale.length) throw new StaleSearchRecordsError(`the build cache has no current search record for ${stale.length} pages (${stale.slice(0, 3).join(", ")}...)`);
          read.set(shard, records);
        }
        return records;
      };
      if (cache) {
        const last = await cache.lastVersions(batch);
        for (const url of urls) {
          const fingerprint = options.pages.get(url)!;
          const was = last?.get(url);
          const version = was !== undefined && was.startsWith(`${fingerprint} `) ? was : recordVersion(fingerprint, (await readShard(pageShard(url))).get(url)!.html);
          versions.set(url, version);
          key.update(`${url} ${recordDigest(version)}\n`);
        }
      } else {
        for (const url of urls) versions.set(url, options.pages.get(url)!);
      }
      const records = async () => {
        const found: [string, string][] = [];
        for (const shard of shards) {
          const urls = byShard[shard];
          const shardRecords = await readShard(shard);
          for (const url of urls) {
            const record = shardRecords.get(url)!;
            if (record.html !== null) found.push([url, record.html]);
          }
          // Records of pages no longer in the site leave the store with this shard.
          if (options.pruneStore !== false && shardRecords.size > urls.length) await options.store.writeShard(shard, new Map(urls.map((url) => [url, shardRecords.get(url)!])));
        }
        // And with the batch's shards that have no page left.
        if (options.pruneStore !== false) {
          for (let shard = batch; shard < PAGE_SHARDS; shard += batchCount) {
            if (byShard[shard].length === 0 && (await options.store.readShard(shard)).size > 0) await options.store.writeShard(shard, new Map());
          }
        }
        read.clear();
        return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      };
      return { key: key.digest("hex"), versions, records };
    };
    // Batches (and the single pages' records, last) go to Pagefind services side by side, one
    // batch each at a time; a batch whose key is in the cache is taken from there.
    const batchFiles: (PagefindFile[] | PreparedBatch)[] = new Array(batchCount + 1);
    let next = 0;
    let failed = false;
    let freshAssets: PagefindFile[] | undefined;
    const worker = async (n: number) => {
      let service: PagefindService | undefined;
      while (!failed && next <= batchCount) {
        if (options.shouldStop?.()) throw new SearchIndexCancelledError("the search index run was stopped");
        const batch = next++;
        const { key, versions, records: readRecords } = await batchPages(batch);
        if (versions.size === 0) continue;
        const preloaded = cache && (await options.preload?.take(key));
        if (preloaded) {
          cache.use(key);
          batchesPreloaded++;
        }
        const cached = preloaded ?? (await cache?.read(key));
        if (cached) {
          batchFiles[batch] = cached;
          batchesCached++;
          await cache!.point(batch, key, versions);
          continue;
        }
        const index = async (pages: [string, string][]) => {
          if (!service) services.push((service = await startService(n)));
          const files = await service.index(pages);
          // Pagefind's scripts, styles and WebAssembly (one module per language of the pages indexed).
          freshAssets ??= files.filter((f) => !isIndexFile(f.path));
          return files.filter((f) => isIndexFile(f.path));
        };
        const records = await readRecords();
        if (records.length === 0) continue;
        // The batch's last index, updated with a run over its new and changed pages.
        const last = await cache?.last(batch);
        // Pages whose record changed (or is new), and the last index's pages whose record changed or is gone.
        const changedRecord = (url: string, version: string | undefined) => version === undefined || recordDigest(version) !== recordDigest(versions.get(url));
        const fresh = last ? records.filter(([url]) => changedRecord(url, last.versions.get(url))) : records;
        if (last && fresh.length <= records.length * UPDATE_SHARE) {
          const leftOut = new Set([...last.versions].filter(([url, version]) => changedRecord(url, version)).map(([url]) => url));
          const parts = fresh.length ? [last.files, await index(fresh)] : [last.files];
          batchFiles[batch] = (await mergePagefindIndexes(parts, { chunkSize, exclude: [leftOut], indexOnly: true, checkpoint })).files;
          batchesUpdated++;
        } else {
          batchFiles[batch] = await index(records);
        }
        await cache?.write(key, batchFiles[batch]);
        await cache?.point(batch, key, versions);
      }
    };
    const workers = await Promise.allSettled(
      Array.from({ length: Math.min(PAGEFIND_SERVICES, batchCount + 1) }, (_, n) =>
        worker(n).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = workers.find((w) => w.status === "rejected");
    if (failure) throw (failure as PromiseRejectedResult).reason;
    const indexed = batchFiles.filter((files) => files !== undefined);
    // Pagefind's scripts, styles and WebAssembly come with every batch run; a build whose
    // batches all come from the cache takes them from there, or indexes one batch again.
    const staticKey = `static-${pagefindVersion}`;
    const cachedAssets = freshAssets ? undefined : await cache?.read(staticKey);
    let assets = freshAssets ?? cachedAssets;
    if (!assets) {
      const first = batchFiles.findIndex((files) => files !== undefined);
      const records = first < 0 ? [] : await (await batchPages(first)).records();
      if (!services.length) services.push(await startService(0));
      const files = await services[0].index(records);
      assets = files.filter((f) => !isIndexFile(f.path));
      if (indexed.length === 0) indexed.push(files.filter((f) => isIndexFile(f.path)));
    }
    if (!cachedAssets) await cache?.write(staticKey, assets);
    // Minified beside the merge (esbuild's process takes a fifth of a second to start), or
    // taken from the cache.
    const script = minifiedPagefindScript(assets, cache);
    script.catch(() => {});
    await cache?.keepOnly();

    if (options.shouldStop?.()) throw new SearchIndexCancelledError("the search index run was stopped");
    const [head, ...rest] = indexed;
    const first = Array.isArray(head) ? [...head, ...assets] : { ...head, files: [...head.files, ...assets] };
    const merged = await mergePagefindIndexes([first, ...rest], { chunkSize, checkpoint });
    const outDir = path.join(options.siteDir, "pagefind");
    // Index files are named by their content: those the last index has are linked, not written again.
    let reuse = options.reuseIndexFrom ? path.join(options.reuseIndexFrom, "pagefind") : undefined;
    if (reuse && path.resolve(reuse) === path.resolve(outDir)) {
      aside = `${outDir}.previous-${process.pid}`;
      await rm(aside, { recursive: true, force: true });
      reuse = await rename(outDir, aside).then(
        () => aside,
        () => undefined,
      );
    }
    await writeSearchIndex(outDir, merged, { reuse, pagefindScript: await script });
    const indexedUrls = new Set(merged.pages.map((p) => p.url));
    const missing = [...options.articleUrls].filter((url) => !indexedUrls.has(url));
    if (missing.length) {
      throw new Error(`Pagefind indexed ${options.articleUrls.size - missing.length} of the archive's ${options.articleUrls.size} articles; not ${missing.slice(0, 10).join(", ")}: their pages have no data-pagefind-body or were not written.`);
    }
    return { pagesIndexed: merged.pages.length, pages: merged.pages, batches: indexed.length, batchesCached, batchesUpdated, batchesPreloaded };
  } finally {
    await Promise.all(services.map((service) => service.close()));
    if (aside) await rm(aside, { recursive: true, force: true });
  }
}

/**
 * Writes a merged index into `outDir` (replacing what is there), with the date order and
 * filter counts the search page reads (src/site/search-index-files.ts). Files named by
 * their content are hard-linked from `reuse` where it has them; `pagefind.js` is
 * `pagefindScript` when given (the script minified), else the merged index's own (an
 * index merged from indexes this build wrote, whose script is minified already).
 */
export async function writeSearchIndex(outDir: string, merged: MergedIndex, options: { reuse?: string; pagefindScript?: string }): Promise<void> {
  // A folder already there (a kept previous site's, src/publish/build.ts) keeps the files
  // named by their content that the new index has too; the rest go. No file is written
  // into: they may be links to the live site's.
  const existing = new Set((await listSiteFiles(outDir)) ?? []);
  const extra = new Map<string, string>([
    [DATE_ORDER_FILE, JSON.stringify(dateOrder(merged.pages))],
    [FILTER_COUNTS_FILE, JSON.stringify(archiveFilterCounts(merged.pages))],
  ]);
  const wanted = new Set([...merged.files.map((f) => f.path), ...merged.links.map((f) => f.path), ...extra.keys()]);
  await removeFiles(outDir, [...existing].filter((f) => !wanted.has(f)));
  for (const dir of new Set([...merged.files, ...merged.links].map((f) => path.dirname(path.join(outDir, f.path))))) await mkdir(dir, { recursive: true });
  const replace = async (target: string, content: Uint8Array | string) => {
    await rm(target, { force: true });
    await writeFile(target, content);
  };
  await mapLimited(merged.files, FILE_CONCURRENCY, async (file) => {
    const target = path.join(outDir, file.path);
    if (NAMED_BY_CONTENT.test(file.path) && existing.has(file.path)) return;
    if (options.reuse && NAMED_BY_CONTENT.test(file.path) && (await link(path.join(options.reuse, file.path), target).then(() => true, () => false))) return;
    await replace(target, options.pagefindScript !== undefined && file.path === "pagefind.js" ? options.pagefindScript : file.content);
  });
  // Fragments of a merge of catalogued indexes (the shards'): linked, as the pages are.
  linkOrCopyFilesSync(merged.links.filter((file) => !existing.has(file.path)).map((file) => ({ from: file.from, to: path.join(outDir, file.path) })));
  for (const [name, text] of extra) await replace(path.join(outDir, name), text);
}

/** Pagefind files whose name is a hash of their content (src/publish/pagefind-merge.ts). */
const NAMED_BY_CONTENT = /^(?:fragment|index|filter)\/|\.pf_meta$/;

/**
 * Pagefind services run side by side, up to one per core (at most 4): each handles one
 * request at a time, and a batch is one service's work.
 */
const PAGEFIND_SERVICES = Math.max(1, Math.min(4, os.availableParallelism()));

type PagefindService = Awaited<ReturnType<typeof startService>>;

/**
 * A Pagefind service of its own: Pagefind's Node API keeps one service per instance of its
 * module, so service `n` > 0 loads the module again under another URL.
 */
async function startService(n: number) {
  const api: typeof pagefind = n === 0 ? pagefind : await import(`${import.meta.resolve("pagefind")}?service=${n}`);
  return {
    /** Pagefind's files of an index of these records (URL and HTML). */
    async index(records: readonly (readonly [string, string])[]): Promise<PagefindFile[]> {
      const { index, errors } = await api.createIndex({ forceLanguage: "en" });
      if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      try {
        await inOrder(records, async ([url, html]) => {
          const added = await index.addHTMLFile({ sourcePath: pageFile(url), content: html });
          if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
        });
        // Files are taken from Pagefind rather than written by its writeFiles, which was seen
        // to resolve before its last file was complete (a stylesheet cut at 32 KiB).
        const { files, errors: fileErrors } = await index.getFiles();
        if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join("; ")}`);
        return files.map((f) => ({ path: f.path, content: f.content }));
      } finally {
        await index.deleteIndex();
      }
    },
    close: () => api.close(),
  };
}

/** A paginated page's version in a batch: its fingerprint, then a digest of its search record ("none" for a page without one). */
function recordVersion(fingerprint: string, html: string | null): string {
  return `${fingerprint} ${html === null ? "none" : createHash("sha256").update(html).digest("hex")}`;
}

/** The record digest of a version `recordVersion` made ("none" for a page without a record); undefined for a version written before versions held digests. */
function recordDigest(version: string | undefined): string | undefined {
  const space = version?.lastIndexOf(" ") ?? -1;
  return space < 0 ? undefined : version!.slice(space + 1);
}

/**
 * Pagefind's files of each batch, one file per batch named by its key (a hash of what the
 * batch indexed): a length-prefixed JSON list of paths and sizes, then the contents.
 * A file cut short or unreadable is treated as absent.
 */
class BatchCache {
  private used = new Set<string>();
  /** `prefix`: what the batches' keys start with (Pagefind's version, the chunk size): a batch's last index is used only under the same. */
  constructor(
    readonly dir: string,
    private readonly prefix: string,
  ) {}

  private pointer(batch: number): string {
    return path.join(this.dir, `last-${batch}.json`);
  }

  /**
   * Batch `batch`'s last index (whichever key it was cached under) and the versions of the
   * pages it holds; none when it was made under another prefix or is not in the cache.
   */
  async last(batch: number): Promise<{ files: PagefindFile[]; versions: Map<string, string> } | undefined> {
    const saved = await this.lastPointer(batch);
    const files = saved && (await this.load(saved.key));
    return files && { files, versions: saved.versions };
  }

  /** The versions of the pages batch `batch`'s last index holds (made under this prefix), without reading the index; none when there is none. */
  async lastVersions(batch: number): Promise<Map<string, string> | undefined> {
    return (await this.lastPointer(batch))?.versions;
  }

  /** What `last-N.json` says of batch `batch`'s last index, when it was made under this prefix. */
  private async lastPointer(batch: number): Promise<{ key: string; versions: Map<string, string> } | undefined> {
    try {
      const saved = JSON.parse(await readFile(this.pointer(batch), "utf8")) as { prefix: string; key: string; versions: [string, string][] };
      return saved.prefix === this.prefix ? { key: saved.key, versions: new Map(saved.versions) } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records that batch `batch`'s index is the one cached under `key`, holding these versions of its pages. */
  async point(batch: number, key: string, versions: ReadonlyMap<string, string>): Promise<void> {
    const target = this.pointer(batch);
    this.used.add(path.basename(target));
    const saved = await readFile(target, "utf8").then((text) => (JSON.parse(text) as { key?: string; prefix?: string }), () => undefined);
    if (saved?.key === key && saved.prefix === this.prefix) return;
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${target}.tmp-${process.pid}`, JSON.stringify({ prefix: this.prefix, key, versions: [...versions] }));
    await rename(`${target}.tmp-${process.pid}`, target);
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.bin`);
  }

  /** Marks the batch under `key` as used by this build (kept by keepOnly), without reading it. */
  use(key: string): void {
    this.used.add(key);
  }

  /** The batch keys the last build's batches point to (`last-N.json`), in batch order. */
  async lastKeys(): Promise<string[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => /^last-\d+\.json$/.test(n));
    names.sort((a, b) => Number(a.slice(5, -5)) - Number(b.slice(5, -5)));
    const keys: string[] = [];
    for (const name of names) {
      const saved = await readFile(path.join(this.dir, name), "utf8").then((text) => JSON.parse(text) as { prefix?: string; key?: string }, () => undefined);
      if (saved?.prefix === this.prefix && saved.key) keys.push(saved.key);
    }
    return keys;
  }

  async read(key: string): Promise<PagefindFile[] | undefined> {
    this.used.add(key);
    return this.load(key);
  }

  /** The files cached under `key`, without keeping them past this build. */
  async load(key: string): Promise<PagefindFile[] | undefined> {
    const data = await readFile(this.file(key)).catch(() => undefined);
    if (!data || data.length < 4) return undefined;
    try {
      const headerLength = data.readUInt32BE(0);
      const header = JSON.parse(data.subarray(4, 4 + headerLength).toString("utf8")) as [string, number][];
      let at = 4 + headerLength;
      const files = header.map(([p, length]) => {
        const content = data.subarray(at, at + length);
        at += length;
        return { path: p, content };
      });
      return at === data.length ? files : undefined;
    } catch {
      return undefined;
    }
  }

  async write(key: string, files: readonly PagefindFile[]): Promise<void> {
    this.used.add(key);
    const header = Buffer.from(JSON.stringify(files.map((f) => [f.path, f.content.length])));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    await mkdir(this.dir, { recursive: true });
    const target = this.file(key);
    await writeFile(`${target}.tmp-${process.pid}`, Buffer.concat([length, header, ...files.map((f) => f.content)]));
    await rename(`${target}.tmp-${process.pid}`, target);
  }

  /** Deletes the batches this build did not use. */
  async keepOnly(): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!this.used.has(name) && !this.used.has(name.replace(/\.bin$/, ""))) await rm(path.join(this.dir, name), { force: true });
    }
  }
}

/** Calls `fn` for each item with up to 16 calls in flight, started in order. */
async function inOrder<T>(items: readonly T[], fn: (item: T) => Promise<void> | undefined): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const item of items) {
    const call = fn(item);
    if (!call) continue;
    const tracked = call.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= 16) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

/**
 * Pagefind's search script (`pagefind.js`, loaded by every first search, found among
 * Pagefind's `assets`), minified again: Pagefind ships it with its names and spacing left
 * in, 12.7 KB gzip-compressed, 10.9 KB minified. Same code, same behaviour (the search
 * page's browser tests run on it). Kept in the batch cache under a hash of the script and
 * esbuild's version, so a warm build does not start esbuild for it.
 */
export async function minifiedPagefindScript(assets: readonly PagefindFile[], cache: Pick<BatchCache, "read" | "write"> | undefined): Promise<string | undefined> {
  const script = assets.find((f) => f.path === "pagefind.js");
  if (!script) return undefined;
  const key = `minified-${createHash("sha256").update(`esbuild ${esbuildVersion}\n`).update(script.content).digest("hex")}`;
  const cached = await cache?.read(key);
  if (cached?.length === 1) return Buffer.from(cached[0].content).toString("utf8");
  const { code } = await transform(Buffer.from(script.content).toString("utf8"), { minify: true, format: "esm", target: "es2022", legalComments: "inline", charset: "utf8" });
  // Written while the cache deletes what this build does not use: a write that loses the race is only a miss next time.
  await cache?.write(key, [{ path: "pagefind.js", content: Buffer.from(code) }]).catch(() => {});
  return code;
}
