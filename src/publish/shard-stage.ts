import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Reporter } from "../reporter.ts";
import { openArticleContentsWriter, writeArticleIndexChunks, type IndexedArticle } from "../site/article-index.ts";
import { articleShard, writesSinglePages, type BuildShard } from "../site/build-shards.ts";
import { feedCollector } from "../site/feed.ts";
import { articleUrl } from "../site/model.ts";
import { archiveFilterCounts } from "../site/search-index-files.ts";
import type { FragmentFacts } from "./pagefind-merge.ts";
import { checkSummaryInputs, makeSummaryHint, readArchiveSummary, readRawInputs, summaryIndexChunks } from "./archive-summary.ts";
import type { ArchiveConfig } from "./config.ts";
import { collectGarbageNow, runInChild } from "./child-process.ts";
import { renderSite } from "./render.ts";
import { buildSearchIndex, pageFile } from "./search-index.ts";
import { SearchRecordStore } from "./search-records.ts";
import { readShardArticles } from "./shard-articles.ts";
import { writeShardArticles } from "./shard-content.ts";
import { parseOneOfN, ShardBuildError } from "./shard-errors.ts";
import { makeSibling, replaceDir } from "./site-folder.ts";
import { buildVersions, type BuildVersions } from "./versions.ts";

/**
 * One shard of a sharded build: `npm run build -- --shard I/N --summary FILE --output DIR`.
 * From the archive summary (src/publish/archive-summary.ts) it checks that the raw
 * inputs it sees are the ones the summary was made from, turns its own articles' raw
 * files into Markdown (src/publish/shard-content.ts), renders its share of the pages
 * (src/site/build-shards.ts: its articles by slug, its share of the listing, entity,
 * timeline, source and section pages by URL; shard 1 also the single pages, feeds and
 * assets), and indexes its article pages for search. The merge
 * (src/publish/merge-stage.ts) puts the shards together.
 *
 * DIR holds `site/` (the pages, with the shard's Pagefind index in `site/pagefind/`) and
 * `shard.json` (below). It is assembled beside DIR and swapped in whole.
 */

export const SHARD_MANIFEST_FILE = "shard.json";
/** What a merge with --move-shards leaves of a shard's manifest: the shard's pages are in that merge's site. */
export const MOVED_SHARD_MANIFEST_FILE = "shard.json.moved";
export const SHARD_SITE_DIR = "site";
const SHARD_RECORDS_DIR = "search-records";
const SHARD_FORMAT = 2;
const SHARD_KIND = "news-archive shard";

/** What the merge needs to know of a shard, in DIR/shard.json. */
export interface ShardManifest {
  format: number;
  kind: typeof SHARD_KIND;
  /** 1-based, as on the command line. */
  shard: number;
  count: number;
  /** The summary it was built from: its hash, and its file as given (for messages). */
  summary: { hash: string; file: string; articles: number; now: string };
  /** BuildVersions.site: templates, site code and site settings (path prefix, site URL, title). */
  siteVersion: string;
  /** This shard's article pages' URLs, sorted. */
  articleUrls: string[];
  /** Every file the shard's render wrote, relative to `site/`, sorted (not its search index). */
  outputs: string[];
  /** Search records of the single pages (shard 1 only): URL → record HTML. */
  singlePageRecords: [string, string][];
  /**
   * Its search index's pages: Pagefind hash, URL, filters, and what else the merge would
   * read from each page's fragment file (its content's hash, its metadata fields), so the
   * merge links the fragments without opening them.
   */
  searchPages: FragmentFacts[];
  /** Every filter some page of it has a value for. */
  searchFilters: string[];
}

export interface ShardResult {
  shard: BuildShard;
  articles: number;
  pagesWritten: number;
  pagesIndexed: number;
  seconds: { read: number; articles: number; render: number; index: number; total: number };
}

/** Parses `--shard I/N` (1 ≤ I ≤ N); anything else is a ShardBuildError that shows the form. */
export function parseShardFlag(value: string): BuildShard {
  return parseOneOfN(value, "--shard", "shard", "--shard 2/4 builds the second of four shards");
}

export function shardLabel(shard: BuildShard): string {
  return `${shard.index + 1}/${shard.count}`;
}

/**
 * The build's day is the summary's, for every shard and the merge, even when a job runs
 * after midnight: it is printed (the home page's "on this day") and ingest read dates with it.
 */
export function onSummaryDay<T extends Pick<ArchiveConfig, "site" | "now">>(config: T, day: string): T {
  return { ...config, now: new Date(`${day}T00:00:00Z`), site: { ...config.site, today: day } };
}

export async function buildShard(
  givenConfig: ArchiveConfig,
  options: { summaryFile: string; shard: BuildShard },
  hooks: {
    reporter: Reporter;
    versions?: BuildVersions;
    processes?: number;
    /** Read the summary and write the articles in a child process (the command line's shards), whose memory is gone at its end. */
    contentInChild?: boolean;
  },
): Promise<ShardResult> {
  const { reporter } = hooks;
  const { shard } = options;
  const started = performance.now();
  const outputDir = path.resolve(givenConfig.outputDir);

  const work = await mkdtemp(path.join(os.tmpdir(), "archive-shard-"));
  let staging: string | undefined;
  try {
    const contentDir = path.join(work, "content");
    const prepared = hooks.contentInChild ? await writeShardContentInChild(givenConfig, options, hooks.versions, contentDir) : await writeShardContent(givenConfig, options, hooks, contentDir);
    const { summary, ownUrls, readSeconds, articlesSeconds } = prepared;
    const config = onSummaryDay(givenConfig, summary.now);
    const versions = prepared.versions;
    const processes = hooks.processes;
    const summaryArticles = summary.articles;

    // When the summary was read here (not in a child process), what that left is garbage
    // this process, idle through the render, would otherwise hold beside the render processes.
    collectGarbageNow();
    const renderStage = reporter.stage("render");
    staging = await makeSibling(outputDir, "staging");
    const siteDir = path.join(staging, SHARD_SITE_DIR);
    // The records feed this shard's search index only: the merge merges the indexes.
    const store = new SearchRecordStore(path.join(work, SHARD_RECORDS_DIR));
    const rendered = await renderSite(
      { contentDir, outputDir: siteDir, layoutsDir: config.layoutsDir, site: config.site, searchRecords: store.dir, buildShard: shard, processes, fingerprints: false },
      Math.ceil((summaryArticles * 5) / shard.count),
    ).catch((error: unknown) => {
      renderStage.end("failed");
      throw error;
    });
    const renderSeconds = renderStage.end(`${rendered.pagesWritten} pages`);
    const written = new Set(rendered.outputs);
    const missing = ownUrls.filter((url) => !written.has(pageFile(url)));
    if (missing.length) throw new ShardBuildError(`Shard ${shardLabel(shard)} wrote no page for ${missing.length} of its articles (${missing.slice(0, 5).join(", ")}).`);
    if (rendered.articlesWithoutSearchBody.length) {
      throw new ShardBuildError(`These articles' pages have no data-pagefind-body, so search would miss them: ${rendered.articlesWithoutSearchBody.slice(0, 10).join(", ")}`);
    }

    const indexStage = reporter.stage("search index");
    const indexed = await buildSearchIndex({
      siteDir,
      store,
      pages: new Map(rendered.fingerprints),
      singlePageRecords: rendered.singlePageRecords,
      articleUrls: new Set(ownUrls),
    }).catch((error: unknown) => {
      indexStage.end("failed");
      throw error;
    });
    const indexSeconds = indexStage.end(`${indexed.pagesIndexed} pages indexed`);

    const manifest: ShardManifest = {
      format: SHARD_FORMAT,
      kind: SHARD_KIND,
      shard: shard.index + 1,
      count: shard.count,
      summary: { hash: summary.hash, file: options.summaryFile, articles: summaryArticles, now: summary.now },
      siteVersion: versions.site,
      articleUrls: ownUrls,
      outputs: rendered.outputs,
      singlePageRecords: rendered.singlePageRecords,
      searchPages: indexed.pages.map(({ hash, url, filters, contentHash, metaKeys }) => ({ hash, url, filters, contentHash, metaKeys })),
      searchFilters: archiveFilterCounts(indexed.pages).present,
    };
    await writeFile(path.join(staging, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
    await replaceDir(staging, outputDir);
    staging = undefined;
    return {
      shard,
      articles: ownUrls.length,
      pagesWritten: rendered.pagesWritten,
      pagesIndexed: indexed.pagesIndexed,
      seconds: { read: readSeconds, articles: articlesSeconds, render: renderSeconds, index: indexSeconds, total: (performance.now() - started) / 1000 },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The read and articles stages: reads the summary (this shard's articles, and for shard 1
 * the newest, which the feeds print) and the raw files it needs, checks them against the
 * summary, and writes into `contentDir` this shard's articles as Markdown with the index of
 * the whole archive beside them (every page is made from it). What it read is garbage when
 * it returns (a function of its own, since an async function's variables live until it
 * ends: at 100,000 articles the raw files, the entries and the evidence were held beside
 * the render processes, a heap of 100 MB after collection against 78 MB now).
 */
export async function writeShardContent(
  givenConfig: ArchiveConfig,
  options: { summaryFile: string; shard: BuildShard },
  hooks: { reporter: Reporter; versions?: BuildVersions },
  contentDir: string,
): Promise<ShardContent> {
  const { reporter } = hooks;
  const { shard } = options;
  const readStage = reporter.stage("read");
  // The index of the whole archive is read again from the summary as it is written for the render processes.
  const feed = writesSinglePages(shard) ? feedCollector<IndexedArticle>() : undefined;
  const summary = await readArchiveSummary(options.summaryFile, { keep: (slug) => articleShard(slug, shard.count) === shard.index, each: feed && ((a) => feed.add(a)) });
  const config = onSummaryDay(givenConfig, summary.header.now);
  const versions = hooks.versions ?? (await buildVersions(config));
  if (summary.header.ingestVersion !== versions.ingest) {
    throw new ShardBuildError(
      `The archive summary ${options.summaryFile} was made by another version of the ingest code (or its word lists) than this one, so this shard could not read its articles as the summary did. ${makeSummaryHint(options.summaryFile)}`,
    );
  }
  const own = summary.index;
  const needed = new Map<string, IndexedArticle>([...own, ...(feed?.newest() ?? [])].map((a) => [a.source_file, a]));
  const raw = await readRawInputs(config, (file) => needed.has(file));
  checkSummaryInputs(summary, raw, config.articlesDir);
  const readSeconds = readStage.end(`${own.length} of the summary's ${summary.header.articles} articles are this shard's`);

  const articlesStage = reporter.stage("articles");
  await mkdir(contentDir);
  await writeArticleIndexChunks(contentDir, summaryIndexChunks(summary));
  // The summary job's file of this shard's articles, when it wrote one (--for-shards N);
  // otherwise each article is made again from its raw file.
  const bySlug = new Map([...needed.values()].map((a) => [a.slug, a]));
  // Taken from it, the articles' page data goes to one file (ARTICLE_CONTENTS_FILE), not a
  // Markdown file each: the render processes read it back without parsing front matter.
  let contents: Awaited<ReturnType<typeof openArticleContentsWriter>> | undefined;
  let fromFile: Awaited<ReturnType<typeof readShardArticles>>;
  try {
    fromFile = await readShardArticles(options.summaryFile, shard, bySlug, async (slug, content) => (contents ??= await openArticleContentsWriter(contentDir)).add(slug, content));
    if (fromFile && !contents) contents = await openArticleContentsWriter(contentDir);
  } finally {
    await contents?.close();
  }
  if (!fromFile) {
    await writeShardArticles(
      raw.kept.map((input) => ({ input, entry: needed.get(input.file)! })),
      { evidence: summary.header.evidence, now: config.now, articlesDir: config.articlesDir, contentDir, workers: os.availableParallelism() - 1 },
    );
  }
  const articlesSeconds = articlesStage.end(`${raw.kept.length} articles${fromFile ? ` from ${path.basename(fromFile.file)}` : " from their raw files"}`);
  return {
    versions,
    summary: { hash: summary.hash, now: summary.header.now, articles: summary.header.articles },
    ownUrls: own.map((a) => articleUrl(a.slug)).sort(),
    readSeconds,
    articlesSeconds,
  };
}

/** What the read and articles stages tell the rest of a shard's build. */
export interface ShardContent {
  versions: BuildVersions;
  /** The summary's hash, day and article count. */
  summary: { hash: string; now: string; articles: number };
  /** This shard's article pages' URLs, sorted. */
  ownUrls: string[];
  readSeconds: number;
  articlesSeconds: number;
}

/** What the child process of writeShardContentInChild answers: its result, or the ShardBuildError it refused with. */
export type ShardContentReply = { ok: true; content: ShardContent } | { ok: true; refused: string };

/**
 * writeShardContent in a child process (src/publish/shard-read-worker.ts): the memory it
 * used is given back when the child exits. Run here, it left this process, idle through
 * the render, at 280-465 MiB of RSS (a heap of 78 MB, the rest freed but kept) beside the
 * render processes of a shard of 4 of 100,000 articles; run in a child, 97 MiB. A refusal
 * comes back as the same ShardBuildError.
 */
async function writeShardContentInChild(givenConfig: ArchiveConfig, options: { summaryFile: string; shard: BuildShard }, versions: BuildVersions | undefined, contentDir: string): Promise<ShardContent> {
  const reply = await runInChild<ShardContentReply>(
    new URL("./shard-read-worker.ts", import.meta.url),
    { config: { ...givenConfig, now: givenConfig.now.toISOString() }, options, versions, contentDir },
    "shard's read process",
  );
  if ("refused" in reply) throw new ShardBuildError(reply.refused);
  return reply.content;
}

/** Reads DIR/shard.json; a folder that holds no shard is a ShardBuildError saying how to make one. */
export async function readShardManifest(dir: string): Promise<ShardManifest> {
  const file = path.join(dir, SHARD_MANIFEST_FILE);
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const manifest = text === undefined ? undefined : (JSON.parse(text) as Partial<ShardManifest>);
  if (!manifest || manifest.kind !== SHARD_KIND) {
    const build = `Build it with \`npm run build -- --shard I/N --summary FILE --output ${dir}\`.`;
    if (text === undefined && (await stat(path.join(dir, MOVED_SHARD_MANIFEST_FILE)).catch(() => undefined))) {
      throw new ShardBuildError(`${dir} holds no built shard any more: a merge with --move-shards moved its pages into its site. ${build}`);
    }
    throw new ShardBuildError(`${dir} holds no built shard (no ${SHARD_MANIFEST_FILE}). ${build}`);
  }
  if (manifest.format !== SHARD_FORMAT) throw new ShardBuildError(`${dir} was built by another version of this code (shard format ${manifest.format}). Build it again with this one.`);
  return manifest as ShardManifest;
}

export function formatShardResult(r: ShardResult): string {
  const t = r.seconds;
  return [
    `Built shard ${shardLabel(r.shard)}: ${r.articles} articles, ${r.pagesWritten} pages, ${r.pagesIndexed} pages indexed for search.`,
    `Time: read ${t.read.toFixed(2)} s, articles ${t.articles.toFixed(2)} s, render ${t.render.toFixed(2)} s, search index ${t.index.toFixed(2)} s, total ${t.total.toFixed(2)} s.`,
  ].join("\n");
}
