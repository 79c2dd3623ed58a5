import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { readShardManifest } from "../../src/publish/shard-stage.ts";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { filterValues, launchBrowser, openFilterGroup, searchFor, searchSummary, setFilter, settledResults, siteUrl, watchConsoleProblems, watchFailedRequests } from "../helpers/browser.ts";
import { buildSharded, type ShardedBuild } from "../helpers/sharded-build.ts";
import { SYNTHETIC_COUNT, writeSyntheticArchive, type SyntheticArticle } from "../helpers/synthetic-archive.ts";

/**
 * A site merged from two shards with --merged-search bundles keeps one search index per shard; the search page merges
 * them in the browser, so a reader's search, date order and filter counts cover the
 * whole archive, whichever shard an article was built in.
 */

let browser: Browser;
let server: StaticServer;
let page: Page;
let build: ShardedBuild;
let articles: SyntheticArticle[];
let articlesDir: string;
/** Article URL path → the shard (1 or 2) that built it. */
const shardOf = new Map<string, number>();
let failedRequests: string[];
let consoleProblems: string[];

before(async () => {
  ({ dir: articlesDir, articles } = await writeSyntheticArchive());
  build = await buildSharded(articlesDir, 2, { search: "bundles" });
  for (const dir of build.shardDirs) {
    const manifest = await readShardManifest(dir);
    for (const url of manifest.articleUrls) shardOf.set(url, manifest.shard);
  }
  server = await serveStatic({ dir: build.dir, port: 0, pathPrefix: "/" });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  failedRequests = watchFailedRequests(page);
  consoleProblems = watchConsoleProblems(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(build.work, { recursive: true, force: true });
  await rm(articlesDir, { recursive: true, force: true });
});

const titleOf = (a: SyntheticArticle) => a.title;
/** Newest first, as the site orders dated articles. */
const newestFirst = (list: SyntheticArticle[]) => list.filter((a) => a.date).sort((a, b) => (a.date! < b.date! ? 1 : -1));
const shardsOf = (hrefs: string[]) => new Set(hrefs.map((href) => shardOf.get(new URL(href).pathname)));

describe("search on a site merged from shards", () => {
  it("finds every article of the archive, from every shard", async () => {
    await page.goto(siteUrl(server, "/search/"));
    const results = await searchFor(page, "council");
    assert.equal(await searchSummary(page), `${SYNTHETIC_COUNT} results for “council”`);
    assert.ok(results.length > 0);
  });

  it("orders results by date across the shards", async () => {
    await page.getByLabel(/order/i).selectOption({ label: "Date, newest first" });
    const shown = await settledResults(page);
    const expected = newestFirst(articles).slice(0, shown.length).map(titleOf);
    assert.ok(shown.length >= 5, `${shown.length} results shown`);
    assert.deepEqual(shown.map((r) => r.title), expected);
    assert.deepEqual(shardsOf(shown.map((r) => r.href)), new Set([1, 2]), "the newest articles come from both shards");
  });

  it("counts a filter's values over the whole archive and browses by one across the shards", async () => {
    await page.goto(siteUrl(server, "/search/"));
    await settledResults(page);
    await openFilterGroup(page, "source");
    const counts = Object.fromEntries((await filterValues(page, "source")).map((v) => [v.name, v.count]));
    const count = (source: string) => String(articles.filter((a) => a.source === source).length);
    assert.deepEqual(counts, { "Daily Ledger": count("Daily Ledger"), "Evening Courier": count("Evening Courier"), "Harbor Times": count("Harbor Times") });
    const harbor = await setFilter(page, "source", "Harbor Times");
    assert.deepEqual(harbor.map((r) => r.title), newestFirst(articles.filter((a) => a.source === "Harbor Times")).map(titleOf));
    assert.deepEqual(shardsOf(harbor.map((r) => r.href)).size, 2, "Harbor Times articles were built in both shards");
  });

  it("loads every shard's index without a failed request or a console error", () => {
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(consoleProblems, []);
    assert.ok(path.isAbsolute(build.dir));
  });
});
