import os from "node:os";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import type { RenderSettings } from "../../.eleventy.ts";
import type { IndexedArticle } from "../site/article-index.ts";
import { loadSiteModel, PAGE_SHARDS, pagesByRound, pagesInShare, type RenderShare, type SiteModel } from "../site/model.ts";
import type { SiteSettings } from "../site/site-settings.ts";
import { writesSinglePages, type BuildShard } from "../site/build-shards.ts";
import { runInChild } from "./child-process.ts";
import { clearEleventyCompileCache } from "../site/nunjucks-compile-cache.ts";
import { feedFingerprints, pageFingerprints, pagesNotFingerprinted } from "../site/partial-render.ts";
import { searchRecordHtml, SearchRecordStore, type SearchRecord } from "./search-records.ts";

export interface RenderOptions {
  /** Folder of generated Markdown and its index. */
  contentDir: string;
  outputDir: string;
  /** Templates (Eleventy's input folder). */
  layoutsDir: string;
  site: SiteSettings;
  /** How many processes render at once (default: one per core, at most 2). */
  processes?: number;
  /** Render only the pages at these URLs (and the single pages: home, feeds, search...). */
  only?: readonly string[];
  /** The archive's index or model when the caller holds it (a render in this process uses it instead of reading the file). */
  index?: readonly IndexedArticle[];
  model?: SiteModel;
  /** Folder of the search record store to keep the rendered pages' records in (src/publish/search-records.ts). */
  searchRecords?: string;
  /** In a sharded build: render only this shard's pages (src/site/build-shards.ts). */
  buildShard?: BuildShard;
  /** Pages one Eleventy run writes at most (PAGES_PER_ROUND; tests make it small to render in many rounds). */
  pagesPerRound?: number;
  /** Garbage (bytes) rounds leave before the process collects it (RENDER_GARBAGE_BUDGET; tests change it). */
  garbageBudget?: number;
  /**
   * Whether each page's fingerprint is made (the default): what tells a warm build which
   * pages changed. A render that leaves no cache behind (a shard's) has no use for them,
   * and they cost a render process of a shard of 100,000 articles 3 s: each page is then
   * given NOT_FINGERPRINTED (src/site/partial-render.ts), and no feed a fingerprint.
   */
  fingerprints?: boolean;
}

export interface RenderResult {
  pagesWritten: number;
  /** Output paths relative to outputDir, sorted. */
  outputs: string[];
  /** Fingerprints of the paginated pages written, by URL (src/site/partial-render.ts). */
  fingerprints: [string, string][];
  /** Fingerprints of the names' feeds written, by URL (from the process that writes the single pages). */
  feedFingerprints: [string, string][];
  /** Search records of the single pages (home, search...), which every build renders: URL → record HTML. */
  singlePageRecords: [string, string][];
  /** Article pages written without a data-pagefind-body element: search would miss them. */
  articlesWithoutSearchBody: string[];
}

let renderer: Promise<{ Eleventy: typeof import("@11ty/eleventy").default; archiveSite: typeof import("../../.eleventy.ts").archiveSite }> | undefined;

/**
 * Eleventy and the site's configuration, imported on first use: importing them takes about
 * a second, which a build whose pages are all rendered by child processes never needs to
 * spend, and which a warm build spends while its ingest process works (src/publish/build.ts).
 */
export function loadRenderer(): NonNullable<typeof renderer> {
  renderer ??= Promise.all([import("@11ty/eleventy"), import("../../.eleventy.ts")]).then(([eleventy, config]) => ({ Eleventy: eleventy.default, archiveSite: config.archiveSite }));
  return renderer;
}

/** Below this many pages a second process costs more (its start-up and its own model) than it saves. */
const MIN_PAGES_PER_EXTRA_PROCESS = 2000;

/**
 * Pages one Eleventy run writes, at most: a process with more renders them in rounds, a
 * fresh Eleventy each, since Eleventy keeps what it has rendered until its run ends. Measured
 * on 2026-12-01 (one render process's 12,930 pages of a 10,000-article archive, in one
 * process): one run peaked at 781 MB and took 22.3 s; 4 rounds 478 MB, 18.6 s; 8 rounds
 * 424 MB, 19.9 s. A power of two of rounds, so that each round's pages are whole page shards.
 */
export const PAGES_PER_ROUND = 2000;

/** How many rounds a process writing `pages` pages renders them in (a power of two, at most PAGE_SHARDS / processes). */
export function renderRounds(pages: number, processes: number, perRound = PAGES_PER_ROUND): number {
  let rounds = 1;
  while (pages / rounds > perRound && processes * rounds * 2 <= PAGE_SHARDS) rounds *= 2;
  return rounds;
}

/**
 * Renders the site with Eleventy and our `.eleventy.ts`. Eleventy uses one core, so for
 * a large archive the pages are shared among processes, one per core (each builds the
 * site model from the light index and writes the pages of its shards), and their file
 * lists merged. `pageEstimate`: about how many pages will be written, which decides how
 * many processes (each then counts its own pages for its rounds).
 */
export async function renderSite(options: RenderOptions, pageEstimate = Infinity): Promise<RenderResult> {
  const wanted = options.processes ?? Math.min(2, os.availableParallelism());
  const processes = Math.max(1, Math.min(wanted, Math.floor(pageEstimate / MIN_PAGES_PER_EXTRA_PROCESS)));
  // A partial render writes few pages: one round. Otherwise each process counts the pages it writes once it has the model.
  const rounds = options.only ? 1 : undefined;
  if (processes === 1) return renderSiteInProcess(options, { index: 0, count: 1 }, rounds);
  return mergeResults(await Promise.all(Array.from({ length: processes }, (_, index) => renderInChild(options, { index, count: processes }, rounds))));
}

function mergeResults(results: readonly RenderResult[]): RenderResult {
  return {
    pagesWritten: results.reduce((n, r) => n + r.pagesWritten, 0),
    outputs: results.flatMap((r) => r.outputs).sort(),
    fingerprints: results.flatMap((r) => r.fingerprints),
    feedFingerprints: results.flatMap((r) => r.feedFingerprints),
    singlePageRecords: results.flatMap((r) => r.singlePageRecords),
    articlesWithoutSearchBody: results.flatMap((r) => r.articlesWithoutSearchBody).sort(),
  };
}

async function renderInChild(options: RenderOptions, share: RenderShare, rounds: number | undefined): Promise<RenderResult> {
  const name = `render process ${share.index}/${share.count}`;
  // A render process reads the index file itself rather than get a copy through the pipe.
  const reply = await runInChild<{ result: RenderResult }>(new URL("./render-worker.ts", import.meta.url), { options: { ...options, index: undefined, model: undefined }, share, rounds }, name);
  return reply.result;
}

/**
 * Renders (this process's share of) the site with Eleventy's programmatic API, in `rounds`
 * runs one after another, each writing a share of the share (the site model is made once).
 * Without `rounds`, as many as the pages it writes need (renderRounds): counted once the
 * model is made, not estimated before. A shard of 4 of 100,000 articles was told 125,000
 * pages for its 36,723 and its two processes rendered them in 32 rounds of about 575:
 * 95.3 s; counted, 16 rounds of about 1,150: 69.5 s (8 rounds of 2,300: 66.7 s, but 70 MB
 * more in each process).
 */
export async function renderSiteInProcess(options: RenderOptions, share: RenderShare, rounds?: number): Promise<RenderResult> {
  if (rounds === 1) return renderRound(options, share);
  const model = options.model ?? (await loadSiteModel(options.contentDir, options.index, options.site.today));
  const count = rounds ?? renderRounds(pagesInShare(model, share, options.buildShard), share.count, options.pagesPerRound);
  if (count <= 1) return renderRound({ ...options, model }, share);
  // Each round is given its pages: Eleventy's run then picks them from those alone.
  const byRound = pagesByRound(model, share, count, options.buildShard);
  const results: RenderResult[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  // Making the model here (parsing the index) left garbage: collected before the rounds, it
  // is not counted as what the model holds, which let a shard of 4 of 100,000 articles grow
  // its render processes to 690-720 MiB before their first collection, against 540-580
  // after it (the process tree's peak 1,345-1,550 MiB against 1,261-1,282; 2026-12-06). A
  // model given ready-made (the dev server's) left none here.
  if (gc && !options.model) gc();
  let heldAfterCollection = heapUsed();
  for (let round = 0; round < count; round++) {
    results.push(await renderRound({ ...options, model: { ...model, pages: byRound[round] } }, { index: share.index + round * share.count, count: share.count * count }));
    // What the round's Eleventy held is garbage now: collected once the rounds since the
    // last collection have left RENDER_GARBAGE_BUDGET of it, not when the heap (allowed a
    // third of the machine's memory) next fills, so the process stays small.
    const used = heapUsed();
    if (gc && round < count - 1 && collectAfterRound(used, heldAfterCollection, options.garbageBudget)) {
      gc();
      heldAfterCollection = heapUsed();
    }
  }
  return mergeResults(results);
}

/**
 * Garbage (bytes) a render process lets its rounds leave before it collects it. A full
 * collection marks everything the process holds (at 100,000 articles the model: about 270
 * MB, 4.5 million objects), and its cost went well past its pauses (V8's helper threads,
 * and the collections V8 then made on its own): a shard of 4 of 100,000 articles, whose
 * two render processes write 16 rounds of about 1,150 pages each (each round leaving about
 * 75 MB), collected 21 times per process, about 5 s of pauses each. Measured on that shard
 * (2026-12-06, taking turns on a busy hour): collecting after every round, render 51.6 and
 * 52.5 s, 131-136 s of CPU, the process tree at 1,215-1,321 MiB; with 128 MiB, 47.9 and
 * 40.2 s, 115-123 s, 1,329-1,337 MiB; with 192 MiB, 46.2 and 42.1 s, up to 1,453 MiB;
 * never, 26-31 s on a quiet hour, but 2.7 GB.
 */
export const RENDER_GARBAGE_BUDGET = 128 * 1024 * 1024;

/** Whether a render process collects its garbage now: `used` bytes of heap in use, `heldAfterCollection` after its last collection. */
export function collectAfterRound(used: number, heldAfterCollection: number, budget = RENDER_GARBAGE_BUDGET): boolean {
  return used - heldAfterCollection > budget;
}

function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

/** One Eleventy run over the pages of `share`. */
async function renderRound(options: RenderOptions, share: RenderShare): Promise<RenderResult> {
  let fingerprints = new Map<string, string>();
  let feeds = new Map<string, string>();
  let articleUrls = new Set<string>();
  const otherFiles: string[] = [];
  const records = new Map<string, string | null>();
  const settings: RenderSettings = {
    contentDir: options.contentDir,
    layoutsDir: options.layoutsDir,
    site: options.site,
    share,
    buildShard: options.buildShard,
    only: options.only,
    index: options.index,
    model: options.model,
    hooks: {
      pages: (model) => {
        const fingerprinted = options.fingerprints !== false;
        fingerprints = fingerprinted ? pageFingerprints(model) : pagesNotFingerprinted(model);
        // The first share writes the single pages and the feeds (.eleventy.ts).
        if (fingerprinted && share.index === 0 && writesSinglePages(options.buildShard)) feeds = feedFingerprints(model);
        articleUrls = new Set(model.pages.articles.map((a) => a.url));
      },
      files: (written) => otherFiles.push(...written),
      html: (url, html) => {
        const record = searchRecordHtml(html) ?? null;
        if (options.searchRecords || (record === null && articleUrls.has(url))) records.set(url, record);
      },
    },
  };
  const outputDir = path.resolve(options.outputDir);
  const { Eleventy, archiveSite } = await loadRenderer();
  const eleventy = new Eleventy(options.layoutsDir, outputDir, {
    // Every setting comes in through the callback; no configuration file is looked for.
    configPath: false,
    config: archiveSite(settings),
    pathPrefix: options.site.pathPrefix,
    quietMode: true,
  });
  // [passthrough copies, templates]: each copy's `map` gives source → destination.
  const [copies, templates] = (await eleventy.write()) as unknown as [{ map?: Record<string, string> }[], { outputPath?: string | false }[]];
  // Its compiled templates would keep this run's data for the process's life.
  await clearEleventyCompileCache();
  const outputs = [...templates.map((t) => t.outputPath), ...copies.flatMap((c) => Object.values(c.map ?? {}))]
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map((p) => path.relative(outputDir, path.resolve(p)).split(path.sep).join("/"))
    .concat(otherFiles.map((f) => f.split(path.sep).join("/")))
    .sort();

  const articlesWithoutSearchBody = [...articleUrls].filter((url) => records.get(url) === null).sort();
  const singlePageRecords: [string, string][] = [];
  if (options.searchRecords) {
    const pageRecords = new Map<string, SearchRecord>();
    for (const [url, html] of records) {
      const fingerprint = fingerprints.get(url);
      // Only a page with a record is kept (an article's: only layouts/article.njk marks a
      // data-pagefind-body). The search index reads no other, and the others' nulls made an
      // edit's 818 pages at 100,000 articles touch nearly every file of the store.
      if (fingerprint !== undefined) {
        if (html !== null) pageRecords.set(url, { fingerprint, html });
      } else if (html !== null) singlePageRecords.push([url, html]);
    }
    const store = new SearchRecordStore(options.searchRecords);
    // A full render of a share rewrites that share's shard files whole (pages gone from
    // the archive leave with them); a partial one adds to them.
    const ownShards = Array.from({ length: PAGE_SHARDS }, (_, n) => n).filter((n) => n % share.count === share.index);
    await store.update(pageRecords, options.only ? {} : { replaceAll: true, shards: ownShards });
  }
  return { pagesWritten: outputs.length, outputs, fingerprints: [...fingerprints], feedFingerprints: [...feeds], singlePageRecords, articlesWithoutSearchBody };
}
