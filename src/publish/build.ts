import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { IngestWarning } from "../ingest/pipeline.ts";
import type { Reporter } from "../reporter.ts";
import { hashIndexEntries, readArticleIndexHashed, type IndexedArticle } from "../site/article-index.ts";
import { articleUrl, buildSiteModel, type SiteModel } from "../site/model.ts";
import { comparePageFingerprints, feedFingerprints, pageFingerprints, type PageChanges } from "../site/partial-render.ts";
import { buildSitemaps } from "../site/sitemap.ts";
import { buildWarningOptions, digestWarnings, printWarningReport, writeWarningReport } from "../warning-digest.ts";
import { collectGarbageNow, INGEST_PROCESS, INGEST_WORKER, runInChild, type EarlyWorker } from "./child-process.ts";
import type { ArchiveConfig } from "./config.ts";
import type { ArticleIngest, IngestStageResult, RefusedFile } from "./ingest-stage.ts";
import { loadRenderer, renderSite, type RenderResult } from "./render.ts";
import { buildSearchIndex, pageFile, PRELOAD_EARLY_BYTES, PRELOAD_MAX_BYTES, PreloadGate, SearchBatchPreload, StaleSearchRecordsError } from "./search-index.ts";
import { SearchRecordStore } from "./search-records.ts";
import { cleanUpAfterKilledBuilds, linkCopy, listSiteFiles, makeSibling, moveFiles, previousSiteDir, removeFiles, replaceDir, updateCopy, type SwapOperations } from "./site-folder.ts";
import { deleteManifest, feedFile, fileFingerprints, hasManifest, isGeneratedAfterRender, loadManifest, removeManifest, saveManifest, type SiteManifest } from "./site-manifest.ts";
import { buildVersions, CACHE_FORMAT, type BuildVersions } from "./versions.ts";

/**
 * The build: one staged pipeline over one state, like Hugo's single Build that takes
 * change events. `npm run build` runs it once, cold or warm (the state comes back from
 * .cache/); `npm start` keeps one and runs it again with the files that changed.
 *
 *   read → ingest → Markdown     (src/publish/ingest-stage.ts)
 *   model and page fingerprints  → which pages changed since the site on disk
 *   render                       all pages, or the changed ones (src/publish/render.ts)
 *   verify                       every article has a page, and a search body
 *   sitemaps
 *   search index                 from search records, not by reading pages back
 *   swap                         the new site replaces the old one whole
 *
 * A production build assembles the new site beside the old one (a warm build starts
 * from hard links to the old site's files) and swaps it in only when every stage
 * succeeded. The dev server ("serve" mode) updates the served folder in place, moving
 * each re-rendered file over the old one, and indexes for search after the reload.
 */

export interface BuildHooks {
  reporter: Reporter;
  /**
   * Read and ingest in a child process, so that its memory (every article's text and
   * analysis) is given back before rendering starts: the command line does this.
   */
  ingestInChild?: boolean;
  /** An ingest process started before the build was called (the command line's), used by its first ingest. */
  earlyIngest?: EarlyWorker;
  /** Test hooks: called before the new site replaces the old one; the swap's file operations; the code's versions. */
  beforeSwap?: (tempDir: string) => Promise<void>;
  swapOperations?: SwapOperations;
  versions?: BuildVersions;
}

export interface BuildSummary {
  articles: number;
  /** Pages (and other files) of the built site. */
  pagesWritten: number;
  /** Of those, written by this build (all of them when cold). */
  pagesRendered?: number;
  pagesRemoved?: number;
  undated: number;
  warnings: number;
  /** Files not built (with --keep-going; otherwise the build fails). */
  refused?: RefusedFile[];
  seconds: { ingest: number; render: number; index: number; total: number };
}

export class BuildFailedError extends Error {
  /** The lines above the message: each refused file with its error. */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.details = details;
  }
}

/** Ingest's warnings as the build prints them: a digest, with the full list in the cache folder (made by the ingest process when it ran in one). */
export async function reportIngestWarnings(ingested: Pick<IngestStageResult, "warnings" | "warningReport" | "articles">, reporter: Reporter, config: Pick<ArchiveConfig, "articlesDir" | "cacheDir">): Promise<void> {
  const report = ingested.warningReport ?? (await writeWarningReport(ingested.warnings, ingested.articles.map((a) => a.source_file), buildWarningOptions(config)));
  printWarningReport(report, reporter);
}

/** How many warnings ingest gave. */
export function warningCount(ingested: Pick<IngestStageResult, "warnings" | "warningReport">): number {
  return ingested.warningReport?.count ?? ingested.warnings.length;
}

/** Names every file ingest refused; unless --keep-going, stops with `consequence` (what was left as it was, and what to do). */
export function refuseUnlessKeepingGoing(ingested: Pick<IngestStageResult, "refused" | "inputCount">, reporter: Reporter, config: Pick<ArchiveConfig, "keepGoing">, consequence: string): void {
  for (const r of ingested.refused) reporter.error(r.message);
  if (ingested.refused.length && !config.keepGoing) {
    throw new BuildFailedError(
      `${ingested.refused.length} of ${ingested.inputCount} article files could not be built (listed above); ${consequence}`,
      ingested.refused.map((r) => r.message),
    );
  }
}

/** What one run of the pipeline did. */
export interface BuildOutcome {
  summary: BuildSummary;
  ingest: IngestStageResult;
  /** False when nothing the site shows changed, so the site folder was left as it was. */
  changed: boolean;
  renderedAll: boolean;
  pagesInSite: number;
  /** Files this run wrote into the site (pages, feeds, sitemaps), the search index aside. */
  filesWritten?: number;
  /** Pages re-rendered and removed, when only some were. */
  changedPages: string[];
  removedPages: string[];
  seconds: { read: number; ingest: number; markdown: number; compare: number; render: number; index: number; swap: number; total: number };
}

export type BuildMode = "publish" | "serve";

/** One build of the archive, cold or warm, from the state in .cache/. */
export async function runBuild(config: ArchiveConfig, hooks: BuildHooks): Promise<BuildSummary> {
  const build = new ArchiveBuild(config, hooks, "publish");
  try {
    return (await build.build()).summary;
  } finally {
    await build.dispose();
  }
}

/** The site on disk, as the last run left it (or as the cache describes it). */
interface SiteState {
  manifest: SiteManifest;
  /** Search records of the single pages, as last rendered (none when the site came from the cache). */
  singlePageRecords: [string, string][];
  articleUrls: Set<string>;
  /** Whether the folder also holds its sitemaps and search index. */
  complete: boolean;
}

/** The index a run's ingest wrote, and what changed in the site it makes (ArchiveBuild.compare). */
interface Compared {
  previous: SiteState | undefined;
  /** Every article's entry, parsed, when a model is made here. */
  index: IndexedArticle[] | undefined;
  indexed: readonly { slug: string; source_file: string }[];
  indexHash: string;
  /** Nothing the site shows changed since `previous`. */
  upToDate: boolean;
  model?: SiteModel;
  fingerprints?: Map<string, string>;
  feeds?: Map<string, string>;
  changed?: PageChanges;
  changedFeeds?: PageChanges;
}

export class ArchiveBuild {
  private versions?: BuildVersions;
  private ingest?: ArticleIngest;
  /** The site on disk as this object last left it (the dev server's runs). */
  private site?: SiteState;
  private workDir?: string;
  /** The temporary folder made for a build without a cache (--no-cache), removed by dispose(). */
  private tempDir?: string;
  /** Old sites moved aside by swaps, deleted by removeOldSites (the dev server, after a reload). */
  private readonly oldSites: string[] = [];

  constructor(
    readonly config: ArchiveConfig,
    private readonly hooks: BuildHooks,
    readonly mode: BuildMode,
  ) {}

  private get reporter(): Reporter {
    return this.hooks.reporter;
  }

  private get outputDir(): string {
    return path.resolve(this.config.outputDir);
  }

  /** Where the search records of this site version live (a temporary folder without a cache). */
  private async searchStore(): Promise<SearchRecordStore> {
    this.workDir ??= this.config.cacheDir ?? (this.tempDir = await mkdtemp(path.join(os.tmpdir(), "archive-build-")));
    return new SearchRecordStore(path.join(this.workDir, "search", this.versions!.site.slice(0, 16)));
  }

  /** Removes what a build without a cache kept in the system's temporary folder. */
  async dispose(): Promise<void> {
    if (this.tempDir) await rm(this.tempDir, { recursive: true, force: true });
    this.tempDir = this.workDir = undefined;
  }

  /**
   * Runs the pipeline. `changes`: files (relative to the articles folder) touched since
   * the last run of this object; without it every file is read. Bad input fails with
   * BuildFailedError naming every refused file, and leaves the site as it was (with
   * --keep-going the good articles are built and the refused files come back in the summary).
   */
  async build(changes?: ReadonlySet<string>, options: { fullRender?: boolean } = {}): Promise<BuildOutcome> {
    const firstRun = !this.versions;
    this.versions ??= this.hooks.versions ?? (await buildVersions(this.config));
    if (firstRun) await cleanUpAfterKilledBuilds(this.outputDir);
    // A warm production build checks the site on disk against the cache and brings a copy
    // of it up to date (the staging folder its changed pages go into) while ingest runs:
    // at 100,000 articles the copy took 10 s after the ingest. A copy the build does not
    // use (nothing changed, bad input) is kept as the previous site again.
    const early = this.mode === "publish" && !options.fullRender && !this.site;
    const siteLoad = early ? this.loadSite() : undefined;
    siteLoad?.catch(() => {});
    // And reads the last build's search batches, which the search index step takes unchanged:
    // the first ones now, the rest while the ingest's archive-wide passes leave a core idle
    // (PreloadGate), and whatever is left once they are done.
    const gate = new PreloadGate();
    const searchPreload =
      early && this.config.cacheDir ? SearchBatchPreload.start(searchBatchDir(await this.searchStore()), PRELOAD_MAX_BYTES, { afterBytes: PRELOAD_EARLY_BYTES, until: gate.until }) : undefined;
    const copy = siteLoad && new StagingCopy(siteLoad.then((site) => (site ? this.copyOfSite(site.manifest).then((dir) => ({ dir, manifest: site.manifest })) : undefined)));
    try {
      return await this.run(changes, options, firstRun, siteLoad, copy, searchPreload, gate);
    } finally {
      if (copy && !copy.taken) await this.giveBack(copy);
    }
  }

  private async run(
    changes: ReadonlySet<string> | undefined,
    options: { fullRender?: boolean },
    firstRun: boolean,
    siteLoad: Promise<SiteState | undefined> | undefined,
    copy: StagingCopy | undefined,
    searchPreload?: SearchBatchPreload,
    gate?: PreloadGate,
  ): Promise<BuildOutcome> {
    const { reporter, config } = this;
    const started = performance.now();
    const elapsed = (since: number) => (performance.now() - since) / 1000;

    // A warm build renders its few pages in this process: Eleventy loads while ingest runs
    // in its own. The dev server renders every save's pages here: loaded from the start.
    if (this.mode === "serve" || (this.hooks.ingestInChild && !options.fullRender && (await hasManifest(config.cacheDir)))) loadRenderer().catch(() => {});
    // read → ingest → Markdown. In a warm build whose ingest runs in its own process, this
    // one reads the index and makes the model and page fingerprints as soon as that process
    // has written the index, while it finishes (its cache's keys, its warnings' digest, its
    // reply to this one).
    let compared: Promise<Compared> | undefined;
    let compareStarted = performance.now();
    let compareEnded = compareStarted;
    const timed = (comparing: Promise<Compared>) => comparing.then((c) => ((compareEnded = performance.now()), c));
    const compareEarly =
      this.hooks.ingestInChild && this.mode === "publish" && !options.fullRender && !this.ingest && siteLoad
        ? () => {
            if (compared) return;
            compareStarted = performance.now();
            compared = timed(siteLoad.then((site) => this.compare(site)));
            compared.catch(() => {});
          }
        : undefined;
    const ingested = await this.runIngest(changes, !firstRun && this.mode === "serve", compareEarly, gate);
    gate?.open(true);
    // The dev server prints only the warnings that are new since its last build.
    if (this.mode === "publish") {
      await reportIngestWarnings(ingested, reporter, config);
    }
    refuseUnlessKeepingGoing(ingested, reporter, config, "the site was not changed. Fix them, or build the others with --keep-going.");
    const seconds = { ...ingested.seconds, compare: 0, render: 0, index: 0, swap: 0, total: 0 };

    // model and page fingerprints
    if (!compared) {
      compareStarted = performance.now();
      compared = timed((async () => this.compare(options.fullRender ? undefined : (this.site ?? (await (siteLoad ?? this.loadSite())))))());
    }
    const comparison = await compared;
    let { previous, index, model, fingerprints, feeds } = comparison;
    const { indexed } = comparison;
    const articleUrls = new Set(indexed.map((a) => articleUrl(a.slug)));
    if (comparison.upToDate) {
      // Nothing the site shows changed (a save without edits, a bad file removed again).
      this.site = previous;
      seconds.total = elapsed(started);
      if (this.mode === "publish") reporter.info(`The site in ${this.outputDir} is up to date.`);
      return this.outcome(ingested, previous!.manifest, { changed: false, renderedAll: false, changedPages: [], removedPages: [], seconds });
    }
    const { changed, changedFeeds, indexHash } = comparison;
    // Its own time, from when it started (beside the ingest process's last steps, when it could).
    seconds.compare = (compareEnded - compareStarted) / 1000;

    // render: every page into a new folder, or the changed ones over a copy of the site
    const renderStarted = performance.now();
    const store = await this.searchStore();
    let staging: string | undefined;
    let servedSiteTouched = false;
    let outputs: string[];
    let rendered: RenderResult;
    try {
      if (previous && changed) {
        staging = this.mode === "publish" ? ((await copy?.take(previous.manifest)) ?? (await this.copyOfSite(previous.manifest))) : this.outputDir;
      }
      if (previous && changed && staging) {
        const stage = this.mode === "publish" ? reporter.stage("render") : undefined;
        const delta = await makeSibling(this.outputDir, "delta");
        try {
          rendered = await renderSite(
            { contentDir: config.contentDir, outputDir: delta, layoutsDir: config.layoutsDir, site: config.site, only: [...changed.changed, ...changedFeeds!.changed], index, model, searchRecords: store.dir },
            changed.changed.length,
          );
          // A name's feed is gone when the name has fewer than three dated articles now (src/site/name-feeds.ts).
          const removedFiles = new Set([...changed.removed.map(pageFile), ...changedFeeds!.removed.map(feedFile)]);
          outputs = [...new Set([...previous.manifest.outputs.filter((f) => !removedFiles.has(f)), ...rendered.outputs])].sort();
          // Checked before anything moves: a served site stays the last good one.
          verify(indexed, outputs, rendered);
          if (staging === this.outputDir) {
            // The served folder changes from here on: until it is consistent again, no manifest describes it.
            await removeManifest(config.cacheDir);
            servedSiteTouched = true;
          }
          await moveFiles(delta, staging, rendered.outputs);
          await removeFiles(staging, [...removedFiles]);
          stage?.end(`${changed.changed.length} of ${fingerprints!.size} pages and ${changedFeeds!.changed.length} of ${feeds!.size} names' feeds changed, ${removedFiles.size} removed`);
        } catch (error) {
          stage?.end("failed");
          throw error;
        } finally {
          await rm(delta, { recursive: true, force: true });
        }
      } else {
        previous = undefined;
        model = undefined;
        // Read again from the file by whichever process renders, unless the dev server keeps it.
        if (!this.ingest) {
          index = undefined;
          // What reading the ingest's reply and the index left behind is garbage by now, but
          // it stayed in this process until its heap next filled, while the render processes
          // built their models beside it. At 100,000 articles this process went from 838 to
          // 453 MiB here, and the render phase's peak from 2,637 to 2,280 MiB.
          collectGarbageNow();
        }
        staging = await makeSibling(this.outputDir, "staging");
        const stage = firstRun || this.mode === "publish" ? reporter.stage("render") : undefined;
        try {
          rendered = await renderSite(
            { contentDir: config.contentDir, outputDir: staging, layoutsDir: config.layoutsDir, site: config.site, index, searchRecords: store.dir },
            indexed.length * 2,
          );
        } catch (error) {
          stage?.end("failed");
          throw error;
        }
        stage?.end(`${rendered.pagesWritten} pages`);
        fingerprints = new Map(rendered.fingerprints);
        feeds = new Map(rendered.feedFingerprints);
        outputs = rendered.outputs;
        // Records of other versions of the templates and code can never be used again.
        await store.removeOtherVersions();
      }
      seconds.render = elapsed(renderStarted);

      verify(indexed, outputs, rendered);

      // sitemaps (a served site's only when they changed, so a page edit rewrites only its pages)
      let filesWritten = rendered.pagesWritten;
      const sitemaps = buildSitemaps(outputs, config.site.rootUrl);
      for (const sitemap of sitemaps) {
        const target = path.join(staging, sitemap.path);
        if (staging === this.outputDir && (await readFile(target, "utf8").catch(() => undefined)) === sitemap.xml) continue;
        // Written beside and renamed over: the folder may be a kept previous site (no file is written into).
        await writeFile(`${target}.tmp`, sitemap.xml);
        await rename(`${target}.tmp`, target);
        filesWritten++;
      }
      // Sitemaps of a bigger site, in a served folder or a kept previous site.
      const sitemapNames = new Set(sitemaps.map((s) => s.path));
      for (const name of await readdir(staging)) {
        if (isGeneratedAfterRender(name) && !name.startsWith("pagefind") && !sitemapNames.has(name)) await rm(path.join(staging, name), { force: true });
      }
      const manifest: SiteManifest = {
        format: CACHE_FORMAT,
        siteVersion: this.versions!.site,
        outputDir: this.outputDir,
        indexHash,
        pages: Object.fromEntries(fingerprints!),
        feeds: Object.fromEntries(feeds!),
        outputs,
      };
      const site: SiteState = { manifest, singlePageRecords: rendered.singlePageRecords, articleUrls, complete: this.mode === "publish" };

      // search index (the dev server indexes after the reload instead)
      if (this.mode === "publish") {
        const indexStarted = performance.now();
        const stage = reporter.stage("search index");
        try {
          const indexed = await buildSearchIndex({
            siteDir: staging,
            store,
            pages: fingerprints!,
            singlePageRecords: site.singlePageRecords,
            articleUrls,
            batchCacheDir: searchBatchDir(store),
            preload: searchPreload,
            // A warm build's staging folder is a copy of the last site, made by this code.
            reuseIndexFrom: previous ? this.outputDir : undefined,
          });
          seconds.index = stage.end(`${indexed.pagesIndexed} pages indexed${batchNote(indexed)}`);
        } catch (error) {
          stage.end("failed");
          if (error instanceof StaleSearchRecordsError && previous) {
            // The cache lost records of pages this build did not render: render them all.
            reporter.warn(`${error.message}; rendering every page.`);
            await rm(staging, { recursive: true, force: true });
            staging = undefined;
            return this.build(changes, { fullRender: true });
          }
          throw error;
        }
        seconds.index = elapsed(indexStarted);
      }

      // swap
      const swapStarted = performance.now();
      let replaced: string | undefined;
      if (staging !== this.outputDir) {
        await this.hooks.beforeSwap?.(staging);
        const restoreManifest = await removeManifest(config.cacheDir);
        if (this.mode === "serve") {
          // The old site's search index serves, slightly stale, until the new one is in.
          await replaceDir(path.join(this.outputDir, "pagefind"), path.join(staging, "pagefind")).catch(() => {});
        }
        // A warm build keeps the site it replaces for the next warm build to start from.
        const keepPrevious = this.mode === "publish" && previous !== undefined && config.cacheDir !== undefined;
        const old = await replaceDir(staging, this.outputDir, { ops: this.hooks.swapOperations, keepOld: this.mode === "serve" || keepPrevious }).catch(async (error: unknown) => {
          // The old site is back in place: so is the manifest that describes it.
          await restoreManifest();
          throw error;
        });
        staging = undefined;
        if (old && keepPrevious) replaced = old;
        else if (old) this.oldSites.push(old);
      }
      await saveManifest(config.cacheDir, manifest);
      if (replaced) await this.keepAsPrevious(replaced, previous!.manifest);
      this.site = site;
      seconds.swap = elapsed(swapStarted);
      seconds.total = elapsed(started);
      return this.outcome(ingested, manifest, {
        changed: true,
        renderedAll: !previous,
        pagesRendered: rendered.pagesWritten,
        filesWritten,
        changedPages: changed?.changed ?? [],
        removedPages: changed?.removed ?? [],
        seconds,
      });
    } catch (error) {
      // A served site updated in place may now hold some of the new pages: render all next time.
      if (servedSiteTouched) this.site = undefined;
      if (staging && staging !== this.outputDir) await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * The dev server's first answer to a save of articles the site already shows: their
   * pages made again from their new text alone (ArticleIngest.preview: what the
   * archive-wide passes chose for them stays as the last build left it) and moved over the
   * served ones, so the reader editing an article sees it within a second or two instead
   * of after every archive-wide pass. The build that follows (`build`) compares against
   * these pages: when the archive-wide passes change nothing on them, it renders them no
   * more. Undefined, with nothing changed, when the saves cannot be previewed (see
   * ArticleIngest.preview) or no site has been built yet.
   */
  async preview(changes: ReadonlySet<string>): Promise<{ pages: string[]; seconds: number } | undefined> {
    const started = performance.now();
    const site = this.site;
    if (this.mode !== "serve" || !this.ingest || !site) return undefined;
    const previewed = await this.ingest.preview(changes);
    if (!previewed) return undefined;
    const index = this.ingest.index;
    const pages = previewed.map((p) => articleUrl(p.slug));
    // From here the served folder differs from what the site state says, until this ends.
    this.site = undefined;
    await removeManifest(this.config.cacheDir);
    const model = buildSiteModel(index, undefined, undefined, { today: this.config.site.today });
    const fingerprints = pageFingerprints(model, new Set(pages));
    const store = await this.searchStore();
    const delta = await makeSibling(this.outputDir, "delta");
    try {
      const rendered = await renderSite({ contentDir: this.config.contentDir, outputDir: delta, layoutsDir: this.config.layoutsDir, site: this.config.site, only: pages, index, model, searchRecords: store.dir }, pages.length);
      await moveFiles(delta, this.outputDir, rendered.outputs);
    } finally {
      await rm(delta, { recursive: true, force: true });
    }
    // The pages as previewed; and an index hash no build matches, so the next build compares every page.
    this.site = { ...site, manifest: { ...site.manifest, indexHash: "(previewed)", pages: { ...site.manifest.pages, ...Object.fromEntries(fingerprints) } } };
    return { pages, seconds: (performance.now() - started) / 1000 };
  }

  /** The dev server's search index, after the reload: from the records of the site as it now is. */
  async indexForSearch(shouldStop?: () => boolean): Promise<{ pagesIndexed: number }> {
    const site = this.site;
    if (!site) throw new Error("no site has been built yet");
    const store = await this.searchStore();
    const result = await buildSearchIndex({
      siteDir: this.outputDir,
      store,
      batchCacheDir: searchBatchDir(store),
      reuseIndexFrom: this.outputDir,
      // The next rebuild may be rendering (and writing records) while this index runs.
      pruneStore: false,
      shouldStop,
      pages: new Map(Object.entries(site.manifest.pages)),
      singlePageRecords: site.singlePageRecords,
      articleUrls: site.articleUrls,
    });
    if (this.site === site) site.complete = true;
    return result;
  }

  /** Deletes the sites that swaps moved aside (they stay on disk until this is called). */
  async removeOldSites(): Promise<void> {
    while (this.oldSites.length) await rm(this.oldSites.shift()!, { recursive: true, force: true });
  }

  /**
   * The index ingest wrote, read, and (unless nothing the site shows changed) the model of
   * the site it makes, its pages' fingerprints and those that changed since `previous`.
   */
  private async compare(previous: SiteState | undefined): Promise<Compared> {
    const { config } = this;
    // The index parsed whole is for a site model made here (a warm build's, the dev
    // server's). Rendering every page in child processes, which read the index file
    // themselves, this process keeps each article's slug and file alone: at 100,000
    // articles the parsed index was most of its memory through the render.
    const read = !this.ingest && previous ? await readArticleIndexHashed(config.contentDir) : undefined;
    const index = this.ingest ? this.ingest.index : read?.articles;
    const scanned = read ?? (index ? { articles: index, hash: hashIndexEntries(index) } : await readArticleIndexHashed(config.contentDir, (a) => ({ slug: a.slug, source_file: a.source_file })));
    const indexHash = scanned.hash;
    const indexed = scanned.articles;
    if (previous && previous.manifest.indexHash === indexHash && (previous.complete || this.site)) return { previous, index, indexed, indexHash, upToDate: true };
    const model = previous && index ? buildSiteModel(index, undefined, undefined, { today: this.config.site.today }) : undefined;
    const fingerprints = model && pageFingerprints(model);
    const feeds = model && feedFingerprints(model);
    const changed = previous && fingerprints ? comparePageFingerprints(new Map(Object.entries(previous.manifest.pages)), fingerprints) : undefined;
    const changedFeeds = previous && feeds ? comparePageFingerprints(new Map(Object.entries(previous.manifest.feeds)), feeds) : undefined;
    return { previous, index, indexed, indexHash, upToDate: false, model, fingerprints, feeds, changed, changedFeeds };
  }

  /**
   * Runs ingest (in its own process for `npm run build`); `onIndexWritten` when that process
   * says it has written the index, and `gate` opened as it says its archive-wide passes
   * begin, shut as their related-articles scoring starts, and opened for good once they are done.
   */
  private async runIngest(changes: ReadonlySet<string> | undefined, quiet: boolean, onIndexWritten?: () => void, gate?: PreloadGate): Promise<IngestStageResult> {
    const { config } = this;
    if (this.hooks.ingestInChild && this.mode === "publish") {
      const reply = await runInChild<{ result: IngestStageResult }>(
        INGEST_WORKER,
        { config: { ...config, now: config.now.toISOString() }, ingestVersion: this.versions!.ingest, reportWarnings: true, announce: onIndexWritten !== undefined || gate !== undefined },
        "ingest process",
        INGEST_PROCESS,
        this.hooks.earlyIngest,
        (message) => {
          const said = message as { passesBegin?: boolean; relatedScoring?: boolean; passesDone?: boolean; indexWritten?: boolean };
          if (said.passesBegin) gate?.open();
          if (said.relatedScoring) gate?.close();
          if (said.passesDone) gate?.open(true);
          if (said.indexWritten) onIndexWritten?.();
        },
      );
      return reply.result;
    }
    if (!this.ingest) {
      // Imported here: a build that ingests in a child process never loads the ingest code.
      const [{ openArticleMemo }, { ArticleIngest }] = await Promise.all([import("./article-memo.ts"), import("./ingest-stage.ts")]);
      const memo = await openArticleMemo({ dir: config.cacheDir && path.join(config.cacheDir, "ingest"), version: this.versions!.ingest, now: config.now });
      this.ingest = new ArticleIngest(config, memo, this.versions!.ingest);
    }
    const result = await this.ingest.run(this.reporter, { changes, quiet });
    await this.ingest.saveMemo();
    return result;
  }

  /**
   * The site on disk as the cache describes it, when the cache can be trusted for it: made
   * by this version of the templates and code, into this folder, which holds exactly the
   * files it lists (a page deleted or added by hand makes the build render everything).
   */
  private async loadSite(): Promise<SiteState | undefined> {
    const manifest = await loadManifest(this.config.cacheDir, { siteVersion: this.versions!.site, outputDir: this.outputDir });
    if (!manifest) return undefined;
    const files = await listSiteFiles(this.outputDir);
    if (!files) return undefined;
    const rendered = files.filter((f) => !isGeneratedAfterRender(f));
    if (rendered.length !== manifest.outputs.length || rendered.some((f, i) => f !== manifest.outputs[i])) {
      this.reporter.warn(`${this.outputDir} does not hold the files the build cache lists; rendering every page.`);
      return undefined;
    }
    const articleUrls = new Set(Object.keys(manifest.pages).filter((url) => /^\/articles\/(?!page\/)[^/]+\/$/.test(url)));
    const complete = files.includes("sitemap.xml") && files.includes("pagefind/pagefind-entry.json");
    return { manifest, singlePageRecords: [], articleUrls, complete };
  }

  /**
   * A copy of the site on disk (described by `manifest`) to build the new site in: the
   * previous site the last warm build kept, brought up to date, or else a new folder of
   * hard links to every file. Its sitemaps and search index are written anew.
   */
  private async copyOfSite(manifest: SiteManifest): Promise<string> {
    const staging = await makeSibling(this.outputDir, "staging");
    const kept = await loadManifest(this.config.cacheDir, { siteVersion: this.versions!.site, outputDir: this.outputDir }, "previous");
    // From here the kept site is a staging folder: a build killed while it changes leaves
    // no manifest claiming it, and the next build's clean-up deletes it.
    if (kept) await deleteManifest(this.config.cacheDir, "previous");
    if (kept && (await rename(previousSiteDir(this.outputDir), staging).then(() => true, () => false))) {
      await updateCopy(staging, this.outputDir, fileFingerprints(kept), fileFingerprints(manifest));
      return staging;
    }
    // A previous site no manifest describes (kept by other code, say, before a cold build)
    // is of no use: deleted now, beside the ingest. The swap used to delete it, after every
    // other step: at 10,000 articles, 4.5 s of the first warm build after a code change.
    await Promise.all([linkCopy(this.outputDir, staging, manifest.outputs), kept ? undefined : rm(previousSiteDir(this.outputDir), { recursive: true, force: true })]);
    return staging;
  }

  /** Keeps a staging copy the build did not use as the previous site: it is a copy of the site its manifest describes. */
  private async giveBack(copy: StagingCopy): Promise<void> {
    const made = await copy.made.catch(() => undefined);
    if (!made) return;
    const kept = await rename(made.dir, previousSiteDir(this.outputDir)).then(() => true, () => false);
    if (kept) await saveManifest(this.config.cacheDir, made.manifest, "previous");
    else await rm(made.dir, { recursive: true, force: true });
  }

  /** Keeps the site a warm build replaced (moved aside to `old`) as the previous site, with its manifest. */
  private async keepAsPrevious(old: string, manifest: SiteManifest): Promise<void> {
    const target = previousSiteDir(this.outputDir);
    // One left by a build killed before it saved the manifest, or made by other code.
    await deleteManifest(this.config.cacheDir, "previous");
    await rm(target, { recursive: true, force: true });
    await rename(old, target);
    await saveManifest(this.config.cacheDir, manifest, "previous");
  }

  private outcome(
    ingested: IngestStageResult,
    manifest: SiteManifest,
    what: Pick<BuildOutcome, "changed" | "renderedAll" | "changedPages" | "removedPages" | "seconds"> & { pagesRendered?: number; filesWritten?: number },
  ): BuildOutcome {
    const pagesInSite = manifest.outputs.length;
    const s = what.seconds;
    return {
      ...what,
      ingest: ingested,
      pagesInSite,
      summary: {
        articles: ingested.articles.length,
        pagesWritten: pagesInSite,
        pagesRendered: what.pagesRendered ?? 0,
        pagesRemoved: what.removedPages.length,
        undated: ingested.articles.filter((a) => !a.dated).length,
        warnings: warningCount(ingested),
        refused: ingested.refused,
        seconds: { ingest: s.read + s.ingest + s.markdown, render: s.compare + s.render, index: s.index, total: s.total },
      },
    };
  }
}

/** A staging copy of the site being made while ingest runs (ArchiveBuild.build). */
class StagingCopy {
  taken = false;
  constructor(readonly made: Promise<{ dir: string; manifest: SiteManifest } | undefined>) {
    made.catch(() => {});
  }

  /** The copy's folder, if it is a copy of the site `manifest` describes (then it is the caller's). */
  async take(manifest: SiteManifest): Promise<string | undefined> {
    const made = await this.made;
    if (!made || made.manifest !== manifest) return undefined;
    this.taken = true;
    return made.dir;
  }
}

/** Every article has a page, and every article page rendered now has what search reads. */
function verify(index: readonly Pick<IndexedArticle, "slug" | "source_file">[], outputs: readonly string[], rendered: RenderResult): void {
  const written = new Set(outputs);
  const missing = index.filter((a) => !written.has(pageFile(articleUrl(a.slug))));
  if (missing.length) throw new BuildFailedError(`These articles got no page: ${missing.map((a) => a.source_file).join(", ")}`);
  if (rendered.articlesWithoutSearchBody.length) {
    const sourceOf = new Map(index.map((a) => [articleUrl(a.slug), a.source_file]));
    throw new BuildFailedError(`These articles' pages have no data-pagefind-body, so search would miss them: ${rendered.articlesWithoutSearchBody.map((url) => sourceOf.get(url) ?? url).join(", ")}`);
  }
}


/** Repeated warnings once each, with a count and the first files (src/warning-digest.ts). */
/** ", 16 batches, 15 unchanged from the last build" (nothing for a single batch). */
export function batchNote(indexed: { batches: number; batchesCached: number; batchesUpdated?: number }): string {
  if (indexed.batches <= 1 && !indexed.batchesCached && !indexed.batchesUpdated) return "";
  const cached = indexed.batchesCached ? `, ${indexed.batchesCached} unchanged from the last build` : "";
  const updated = indexed.batchesUpdated ? `, ${indexed.batchesUpdated} updated with their changed pages` : "";
  return `, ${indexed.batches} batches${cached}${updated}`;
}

/** Pagefind's files of each batch of the search index, kept with the site version's search records. */
function searchBatchDir(store: SearchRecordStore): string {
  return path.join(store.dir, "pagefind-batches");
}

export function printWarnings(warnings: readonly IngestWarning[], reporter: Reporter, limit = Infinity) {
  const lines = digestWarnings(warnings, { articleFiles: [] }).lines;
  for (const line of lines.slice(0, limit)) reporter.warn(line);
  if (lines.length > limit) reporter.warn(`... and ${lines.length - limit} more warnings like these.`);
}

export function formatSummary(s: BuildSummary): string {
  const t = s.seconds;
  const lines = [
    `Built ${s.articles} articles into ${s.pagesWritten} pages; ${s.undated} undated; ${s.warnings} warnings.`,
    `Time: ingest ${t.ingest.toFixed(2)} s, render ${t.render.toFixed(2)} s, search index ${t.index.toFixed(2)} s, total ${t.total.toFixed(2)} s.`,
  ];
  if (s.pagesRendered !== undefined && s.pagesRendered < s.pagesWritten) {
    lines.push(`Warm build: ${s.pagesRendered} pages rendered again, ${s.pagesRemoved ?? 0} removed; the rest are unchanged from the last build.`);
  }
  if (s.refused?.length) lines.push(`Refused ${s.refused.length} files (listed above with their errors); every other article was built.`);
  return lines.join("\n");
}
