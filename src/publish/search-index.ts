import { readSync } from "node:fs";
import { mkdir, mkdtemp, open, rm, writeFile, type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { transformSync } from "esbuild";
import * as pagefind from "pagefind";
import { pageShard, PAGE_SHARDS } from "../site/model.ts";
import { archiveFilterCounts, DATE_ORDER_FILE, dateOrder, FILTER_COUNTS_FILE, pagefindWordCount, readFragment, type IndexedPage } from "../site/search-index-files.ts";
import { SearchRecordStore } from "./search-records.ts";

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
  /** Each indexed page's Pagefind hash, URL and filters (a sharded build's merge orders and counts them across shards). */
  pages: IndexedPage[];
}

/** The store lacks a page's record, or holds one of another version of the page: the cache cannot be trusted. */
export class StaleSearchRecordsError extends Error {}

/**
 * Builds the Pagefind index of the site from search records in hand (the store's records
 * of the paginated pages, and the single pages' records from this build's render), never
 * reading a page back from disk. Records are added in a fixed order (by the number of
 * words Pagefind will count on the page, then URL: see `pagefindWordCount`), so the same
 * pages give the same index, whichever build rendered them. The records are read shard
 * by shard and their HTML spooled to a temporary file, so memory stays flat. Files are written
 * into `siteDir/pagefind/`. Fails loudly when Pagefind reports errors or indexes a
 * different number of pages than there are articles.
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

async function buildSearchIndexNow(options: {
  siteDir: string;
  store: SearchRecordStore;
  /** URL → fingerprint of every paginated page of the site. */
  pages: ReadonlyMap<string, string>;
  singlePageRecords: readonly (readonly [string, string])[];
  /** The article pages: each must be in the index. */
  articleUrls: ReadonlySet<string>;
}): Promise<SearchIndexResult> {
  const byShard = Array.from({ length: PAGE_SHARDS }, () => [] as string[]);
  for (const url of options.pages.keys()) byShard[pageShard(url)].push(url);
  // Pagefind reads this when it creates an index (its service process inherits the environment).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  let spoolDir: string | undefined;
  let spool: FileHandle | undefined;
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    spoolDir = await mkdtemp(path.join(os.tmpdir(), "archive-search-"));
    spool = await open(path.join(spoolDir, "records"), "w+");
    const spooledHtml = spool;
    let pagesIndexed = 0;
    const articlesIndexed = new Set<string>();
    const add = async (url: string, html: string) => {
      const added = await index.addHTMLFile({ sourcePath: pageFile(url), content: html });
      if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
      pagesIndexed++;
      if (options.articleUrls.has(url)) articlesIndexed.add(url);
    };
    const queue: { url: string; words: number; offset: number; length: number }[] = [];
    let spooled = 0;
    for (let shard = 0; shard < PAGE_SHARDS; shard++) {
      const urls = byShard[shard].sort();
      if (urls.length === 0) continue;
      const records = await options.store.readShard(shard);
      const stale = urls.filter((url) => records.get(url)?.fingerprint !== options.pages.get(url));
      if (stale.length) throw new StaleSearchRecordsError(`the build cache has no current search record for ${stale.length} pages (${stale.slice(0, 3).join(", ")}...)`);
      for (const url of urls) {
        const html = records.get(url)!.html;
        if (html === null) continue;
        const bytes = Buffer.from(html, "utf8");
        await spooledHtml.write(bytes, 0, bytes.length, spooled);
        queue.push({ url, words: pagefindWordCount(html), offset: spooled, length: bytes.length });
        spooled += bytes.length;
      }
      // Records of pages no longer in the site leave the store with this shard.
      if (records.size > urls.length) await options.store.writeShard(shard, new Map(urls.map((url) => [url, records.get(url)!])));
    }
    queue.sort((a, b) => a.words - b.words || (a.url < b.url ? -1 : 1));
    // Several requests in flight keep Pagefind busy; it handles them in the order sent.
    // Each record is read synchronously so its request is sent in the queue's order.
    await inOrder(queue, ({ url, offset, length }) => {
      const bytes = Buffer.alloc(length);
      readSync(spooledHtml.fd, bytes, 0, length, offset);
      return add(url, bytes.toString("utf8"));
    });
    for (const [url, html] of [...options.singlePageRecords].sort((a, b) => (a[0] < b[0] ? -1 : 1))) await add(url, html);

    // The files are written here rather than by Pagefind's writeFiles, which was seen to
    // resolve before its last file was complete (a stylesheet cut at 32 KiB).
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join("; ")}`);
    const outDir = path.join(options.siteDir, "pagefind");
    await rm(outDir, { recursive: true, force: true });
    const pages: IndexedPage[] = [];
    for (const file of files) {
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.path === "pagefind.js" ? minifiedPagefindScript(file.content) : file.content);
      const page = readFragment(file.path, file.content);
      if (page) pages.push(page);
    }
    // Date order and the archive's filter counts for the search page (src/site/search-index-files.ts).
    await writeFile(path.join(outDir, DATE_ORDER_FILE), JSON.stringify(dateOrder(pages)));
    await writeFile(path.join(outDir, FILTER_COUNTS_FILE), JSON.stringify(archiveFilterCounts(pages)));
    if (articlesIndexed.size !== options.articleUrls.size) {
      const missing = [...options.articleUrls].filter((url) => !articlesIndexed.has(url));
      throw new Error(`Pagefind indexed ${articlesIndexed.size} of the archive's ${options.articleUrls.size} articles; not ${missing.slice(0, 10).join(", ")}: their pages have no data-pagefind-body or were not written.`);
    }
    return { pagesIndexed, pages };
  } finally {
    await pagefind.close();
    await spool?.close();
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
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
 * Pagefind's search script (`pagefind.js`, loaded by every first search), minified again:
 * Pagefind ships it with its names and spacing left in, 12.7 KB gzip-compressed, 10.9 KB
 * minified. Same code, same behaviour (the search page's browser tests run on it).
 */
function minifiedPagefindScript(content: Uint8Array): string {
  return transformSync(Buffer.from(content).toString("utf8"), { minify: true, format: "esm", target: "es2022", legalComments: "inline", charset: "utf8" }).code;
}
