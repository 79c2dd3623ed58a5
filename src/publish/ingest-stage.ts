import { readFileSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { ArticleError } from "../errors.ts";
import { checkArticleFileName, listArticleFiles, looksLikeDefaultsFile, readFolderDefaultsFiles, withFolderDefaults } from "../ingest/article-files.ts";
import { DEFAULTS_FILE, type FolderDefaultsFile } from "../ingest/folder-defaults.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import { articleToMarkdown, bodyToMarkdown, parseArticleMarkdown } from "../ingest/markdown.ts";
import { analyzeArticle, articleRecord, bodyDigest, decodeArticle, ingestArchive, type IngestedArticle, type IngestResult, type IngestWarning, type RawArticleInput } from "../ingest/pipeline.ts";
import type { Reporter } from "../reporter.ts";
import { keepsSlug } from "../ingest/slug.ts";
import { indexArticle, indexLineSlug, readArticleIndexLines, writeArticleIndexChunks, writeArticleIndexLines, type IndexedArticle } from "../site/article-index.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";
import { inputHash, type ArticleMemo } from "./article-memo.ts";
import { analyzeInParallel } from "./parallel-analysis.ts";
import { collectGarbageNow } from "./child-process.ts";
import { FileSlabs, type ReadAheadFiles } from "../util/file-slabs.ts";
import { SLAB_BYTES_PER_FILE, type ArticlesReadAhead } from "./articles-read-ahead.ts";
import os from "node:os";
import type { ArchiveConfig } from "./config.ts";
import type { WarningReport } from "../warning-digest.ts";
import type { ArticleRecord } from "../schema.ts";
import { feedCollector } from "../site/feed.ts";
import { openShardArticlesFiles, type ShardArticlesWriter } from "./shard-articles.ts";
import { linesOfArticles, type ShardLinesPlan } from "./index-lines.ts";

/**
 * The first stages of a build: read the raw files (all of them, or the ones that
 * changed), ingest them into article records, and write the Markdown of the records
 * that changed, with the light index of the archive (src/site/article-index.ts).
 * An ArticleIngest keeps what it read and wrote, so the dev server's next run reads
 * only the changed files; a production build makes a new one and reads everything.
 */

/** A refused file: the build names it with its error. */
export interface RefusedFile {
  file: string;
  message: string;
}

export interface IngestStageResult {
  /** The articles built (with --keep-going, the good ones), sorted by slug. */
  articles: { slug: string; source_file: string; dated: boolean }[];
  /** Every file that could not be built, sorted by file. */
  refused: RefusedFile[];
  warnings: IngestWarning[];
  /**
   * Set when the ingest process digested the warnings and wrote their list itself
   * (src/publish/ingest-worker.ts): `warnings` is then empty, and the build prints this.
   */
  warningReport?: WarningReport;
  /** The archive-wide furniture evidence ingest read the articles with (for a sharded build's summary). */
  evidence?: FurnitureEvidence;
  /**
   * With `indexOnly` (a sharded build's summary): every article file read, sorted, with
   * its articleInputHash, which each shard checks against the files it sees.
   */
  inputHashes?: Record<string, string>;
  /** Raw article files found (refused ones included). */
  inputCount: number;
  filesRead: number;
  /** Whether the articles folder was listed (every build's first run, and changes only a listing can apply). */
  listed: boolean;
  analyzed: number;
  reused: number;
  markdownWritten: number;
  markdownRemoved: number;
  seconds: { read: number; ingest: number; markdown: number };
}

/** What a released input's bytes are (ArticleIngest's `bytesReleased`). */
const NO_BYTES = new Uint8Array(0);

export class ArticleIngest {
  private readonly inputs = new Map<string, RawArticleInput>();
  /** Listing problems (unsafe names, links, broken `_defaults.yml`) by file, from the last full listing. */
  private listingErrors: Map<string, ArticleError> | undefined;
  private folderDefaults: FolderDefaultsFile[] = [];
  /** Subfolders (relative) the last full listing walked as real folders. */
  private knownFolders = new Set<string>();
  /**
   * What each generated Markdown file holds (by slug): the key of its record and body, and
   * its index entry (absent for an unchanged article of a run that keeps no index).
   */
  private written: Map<string, WrittenMarkdown> | undefined;
  /** The light index of the last successful run (empty when the ingest keeps none). */
  index: IndexedArticle[] = [];
  /** The furniture evidence of the last run (what a preview reads a saved article with). */
  private evidence: FurnitureEvidence | undefined;
  /** A preview wrote Markdown the index file does not describe yet. */
  private indexOutdated = false;
  /**
   * Set when a one-run ingest let go of the raw bytes it read (ingestArchive's
   * `inputsRead`): the input hashes of that run, by file. A later run reads every file again.
   */
  private bytesReleased: Map<string, string> | undefined;
  /** The listing and files read ahead for the next full read (takeReadAhead), taken once. */
  private readAhead: Promise<ArticlesReadAhead | undefined> | undefined;

  /**
   * `version`: the ingest code's (src/publish/versions.ts); Markdown written by other code
   * is written again. `keepIndex: false` when nothing reads `index` after the run (a
   * build's ingest process, which exits): the index file is then brought up to date by
   * copying the lines of unchanged articles, never holding the archive's index parsed;
   * and, with a one-run memo, the raw bytes read are let go once every analysis is made
   * (`bytesReleased`): the dev server, which keeps its index, keeps them for its next run.
   */
  constructor(
    private readonly config: ArchiveConfig,
    private readonly memo: ArticleMemo,
    private readonly version: string,
    private readonly options: { keepIndex?: boolean } = {},
  ) {}

  /**
   * The folder listed and its files read (readArticlesAhead in
   * src/publish/articles-read-ahead.ts), for the next run that reads
   * everything to take instead of listing and reading them then. Held only until taken:
   * the files are let go with the run's inputs (a one-run ingest that kept this promise
   * kept every file's bytes to its end, 320 MB more at 100,000 articles).
   */
  takeReadAhead(readAhead: Promise<ArticlesReadAhead | undefined>): void {
    this.readAhead = readAhead;
  }

  /** Keeps the per-article results on disk for the next build (with a cache folder). */
  saveMemo(): Promise<void> {
    return this.memo.save();
  }

  /**
   * Brings the generated Markdown up to date. `changes` names files (relative to the
   * articles folder) touched since the last run; without it every file is read. When
   * a file is refused and the build is strict (no --keep-going), nothing is written.
   * `onPassesBegin` is called once every article is analysed, as the archive-wide passes
   * begin; `onRelatedScoring` once their related-articles pass starts scoring (on every
   * core); `onPassesDone` once the archive-wide passes are done, before any writing;
   * `onIndexWritten` once the index of the archive is written (or found up to date), before
   * the rest of the run's writing.
   */
  async run(
    reporter: Reporter,
    options: {
      changes?: ReadonlySet<string>;
      quiet?: boolean;
      indexOnly?: boolean;
      /** With indexOnly: write each shard's articles beside the summary (src/publish/shard-articles.ts). */
      shardArticles?: { summaryFile: string; count: number };
      onPassesBegin?: () => void;
      onRelatedScoring?: () => void;
      onPassesDone?: () => void;
      onIndexWritten?: () => void;
    } = {},
  ): Promise<IngestStageResult> {
    const started = performance.now();
    const elapsed = (since: number) => (performance.now() - since) / 1000;
    if (this.bytesReleased) {
      // The files kept were emptied: read them all again, listing the folder.
      this.inputs.clear();
      this.listingErrors = undefined;
      this.bytesReleased = undefined;
    }
    const changed = options.changes && this.listingErrors && (await this.readChanged(options.changes));
    const read = changed || (await this.readAll(options.changes));
    this.memo.retainOnly(new Set(this.inputs.keys()));
    const readSeconds = elapsed(started);

    const ingestStarted = performance.now();
    const stats = { ...this.memo.stats };
    const aliases = await readAliases(this.config.aliasesFile);
    const stage = options.quiet ? undefined : reporter.stage("ingest");
    let result: IngestResult;
    let preAnalyzed = 0;
    try {
      // The per-article analysis of new and changed files, on every core (a worker process per core beside this one).
      const inputs = withFolderDefaults([...this.inputs.values()], this.folderDefaults);
      await analyzeInParallel(inputs, this.memo, { now: this.config.now, articlesDir: this.config.articlesDir, workers: os.availableParallelism() - 1, onProgress: stage && ((done, total) => stage.update(done, total)) });
      preAnalyzed = this.memo.stats.analyzed - stats.analyzed;
      options.onPassesBegin?.();
      result = this.ingest(aliases, stage && ((done, total) => stage.update(done, total)), options.onRelatedScoring);
    } catch (error) {
      stage?.end("failed");
      throw error;
    }
    const refused = [...this.listingErrors!.values(), ...read.errors, ...result.errors]
      .map((e) => ({ file: e.file, message: e.message }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const analyzed = this.memo.stats.analyzed - stats.analyzed;
    // Analyses made before ingestArchive (on every core) are found by it as if cached.
    const reused = this.memo.stats.analyzeReused - stats.analyzeReused - preAnalyzed;
    stage?.end(`${result.articles.length} articles${reused ? `, ${reused} unchanged from the cache` : ""}${refused.length ? `, ${refused.length} refused` : ""}`);
    const ingestSeconds = elapsed(ingestStarted);
    options.onPassesDone?.();

    const markdownStarted = performance.now();
    let markdown = { written: 0, removed: 0 };
    if (options.indexOnly) await this.writeIndexOnly(result.articles, options.shardArticles);
    else if (refused.length === 0 || this.config.keepGoing) {
      markdown = await this.writeMarkdown(result.articles, options.onIndexWritten);
      this.evidence = result.evidence;
    }
    return {
      articles: result.articles
        .map((a) => ({ slug: a.record.slug, source_file: a.record.source_file, dated: Boolean(a.record.date) }))
        .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
      refused,
      warnings: result.warnings,
      evidence: result.evidence,
      ...(options.indexOnly && { inputHashes: this.inputHashes() }),
      inputCount: this.inputs.size + this.listingErrors!.size,
      filesRead: read.count,
      listed: !changed,
      analyzed,
      reused,
      markdownWritten: markdown.written,
      markdownRemoved: markdown.removed,
      seconds: { read: readSeconds, ingest: ingestSeconds, markdown: elapsed(markdownStarted) },
    };
  }

  /** Every input read, sorted by file, with its hash (the memo's: each file is hashed once). */
  private inputHashes(): Record<string, string> {
    const inputs = withFolderDefaults([...this.inputs.values()], this.folderDefaults).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const released = this.bytesReleased;
    return Object.fromEntries(inputs.map((input) => [input.file, released?.get(input.file) ?? inputHash(input)]));
  }

  /**
   * A sharded build's analysis job (src/publish/analysis-stage.ts): reads every article
   * and counts the archive's furniture evidence from all of them, as a build does, but
   * makes the per-article analyses of the files `mine` picks only, for the memo to keep.
   * Nothing archive-wide runs and nothing is written but the memo; the files a build
   * would refuse are left to the summary job, which reports them.
   */
  async analyzeShare(reporter: Reporter, mine: (file: string) => boolean): Promise<{ files: number; share: number; analyzed: number; seconds: { read: number; analysis: number } }> {
    const started = performance.now();
    const elapsed = (since: number) => (performance.now() - since) / 1000;
    const readStage = reporter.stage("read");
    await this.readAll();
    this.memo.retainOnly(new Set(this.inputs.keys()));
    const inputs = withFolderDefaults([...this.inputs.values()], this.folderDefaults);
    const files = inputs.length;
    const share = inputs.filter((i) => mine(i.file)).length;
    readStage.end(`${inputs.length} article files, ${share} of them this job's`);
    const readSeconds = elapsed(started);
    const analysisStarted = performance.now();
    const stage = reporter.stage("analysis");
    const before = this.memo.stats.analyzed;
    try {
      await analyzeInParallel(inputs, this.memo, { now: this.config.now, articlesDir: this.config.articlesDir, workers: os.availableParallelism() - 1, onProgress: (done, total) => stage.update(done, total), only: mine });
    } catch (error) {
      stage.end("failed");
      throw error;
    }
    const analyzed = this.memo.stats.analyzed - before;
    stage.end(`${analyzed} articles analysed`);
    return { files, share, analyzed, seconds: { read: readSeconds, analysis: elapsed(analysisStarted) } };
  }

  /**
   * ingestArchive over what was read. A slug clash refuses the whole archive; with
   * --keep-going the clashing file is left out and the rest built.
   */
  private ingest(aliases: unknown, onProgress?: (done: number, total: number) => void, onRelatedScoring?: () => void): IngestResult {
    let inputs = withFolderDefaults([...this.inputs.values()], this.folderDefaults);
    const clashes: ArticleError[] = [];
    // A one-run memo has saved and let go of every analysis by the archive-wide passes:
    // the raw bytes are let go then too, by an ingest nothing reads after the run (keepIndex).
    const inputsRead = (this.options.keepIndex ?? true)
      ? undefined
      : () => {
          // Every file's hash (a retry leaves the clashing file out of `inputs`), as first read.
          this.bytesReleased ??= new Map(withFolderDefaults([...this.inputs.values()], this.folderDefaults).map((input) => [input.file, inputHash(input)]));
          for (const input of [...inputs, ...this.inputs.values()]) input.bytes = NO_BYTES;
        };
    for (let attempt = 0; ; attempt++) {
      // Let go by the last try, which a slug clash emptied: read again for this one.
      if (attempt > 0 && this.bytesReleased) for (const input of inputs) input.bytes = readFileSync(path.join(this.config.articlesDir, input.file));
      const result = ingestArchive(inputs, { now: this.config.now, aliases, memo: this.memo, onProgress, inputsRead, onRelatedScoring });
      // What the archive-wide passes of a one-run ingest made and let go: collected before
      // the index or Markdown is written on top of it. Left to the collector, a summary job
      // of 100,000 articles held the related-articles pass's shared arrays (230 MB) and
      // 150 MB more of garbage through its last ten seconds.
      if (inputsRead) collectGarbageNow();
      // Each refused file gives one error; an archive emptied with fewer errors than
      // files was emptied by a slug clash, reported last.
      const emptied = result.articles.length === 0 && result.errors.length > 0 && result.errors.length < inputs.length;
      if (!this.config.keepGoing || !emptied) return { ...result, errors: [...clashes, ...result.errors] };
      const clash = result.errors[result.errors.length - 1];
      clashes.push(clash);
      inputs = inputs.filter((i) => i.file !== clash.file);
    }
  }

  /**
   * The dev server's first answer to a save: the new Markdown of saved articles that the
   * last run built, made from their text alone, with what the archive-wide passes chose
   * for them last time (slug, names, tags, related articles, story siblings), written to
   * the content folder and kept as the index's entries in memory. The run that follows
   * (`run`) makes every record again, writes what differs, and the index file. Undefined,
   * with nothing written, when any of `changes` is not such an article (a new, deleted or
   * refused file, a folder's defaults), when a text cannot be read or analysed, when a new
   * headline may move its page (keepsSlug), or when no saved article's record changed.
   */
  async preview(changes: ReadonlySet<string>): Promise<{ file: string; slug: string }[] | undefined> {
    const evidence = this.evidence;
    if (!evidence || !this.written || !this.listingErrors || !(this.options.keepIndex ?? true)) return undefined;
    const slugOf = new Map(this.index.map((entry) => [entry.source_file, entry.slug]));
    const made: { file: string; article: IngestedArticle; key: string }[] = [];
    for (const file of changes) {
      const slug = slugOf.get(file);
      if (!slug || !this.inputs.has(file) || this.listingErrors.has(file)) return undefined;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(this.config.articlesDir, file));
      } catch {
        return undefined;
      }
      const [input] = withFolderDefaults([{ file, bytes }], this.folderDefaults);
      let article: IngestedArticle | ArticleError;
      try {
        const decoded = this.memo.decode(input, () => decodeArticle(input));
        const analysis = this.memo.analyze(decoded, evidence, () => analyzeArticle(decoded, evidence, this.config.now));
        const before = parseArticleMarkdown(await readFile(path.join(this.config.contentDir, `${slug}.md`), "utf8"), file).record;
        // A new headline may give the article another URL: the whole build decides that.
        if (!keepsSlug(slug, { sourceFile: file, title: analysis.title, explicitSlug: analysis.overrides.slug })) return undefined;
        article = articleRecord(analysis, slug, { people: before.people, organizations: before.organizations, places: before.places, events: before.events ?? [] }, before.tags);
        if (article instanceof ArticleError) return undefined;
        // As the archive-wide links are set on a record (linkArticles in src/ingest/pipeline.ts).
        if (before.related?.length) article.record.related = before.related;
        if (before.same_story?.length) article.record.same_story = before.same_story;
      } catch {
        return undefined;
      }
      const key = markdownKey(article);
      if (this.written.get(slug)?.key !== key) made.push({ file, article, key });
    }
    if (made.length === 0) return undefined;
    const dir = this.config.contentDir;
    for (const { article, key } of made) {
      const slug = article.record.slug;
      await writeFile(path.join(dir, `${slug}.md`), articleToMarkdown(article.record, article.body));
      const entry = indexArticle(article.record, bodyToMarkdown(article.body));
      this.written.set(slug, { key, indexed: entry });
      this.index[this.index.findIndex((e) => e.slug === slug)] = entry;
    }
    // The index file is written by the run that follows; until then the cache's keys do not
    // vouch for these files (a build after a server stopped here writes them again).
    this.indexOutdated = true;
    const previewed = new Set(made.map(({ article }) => article.record.slug));
    await writeMarkdownKeys(this.config, this.version, new Map([...this.written].filter(([slug]) => !previewed.has(slug))));
    return made.map(({ file, article }) => ({ file, slug: article.record.slug }));
  }

  /**
   * Reads `files`, dropping those deleted meanwhile; other read failures are refusals.
   * `ahead`: files already read (by absolute path), taken as read now.
   */
  private async readInto(files: readonly { file: string; absolutePath: string }[], ahead?: ReadAheadFiles): Promise<ArticleError[]> {
    const errors: ArticleError[] = [];
    // Synchronous reads: 10,000 small files in 0.2 s, where promises took 0.4 to 0.9 s.
    // Into slabs, which the process gives back once a one-run ingest lets the bytes go.
    const slabs = new FileSlabs(files.length * SLAB_BYTES_PER_FILE);
    for (const f of files) {
      const read = ahead?.get(f.absolutePath);
      try {
        if (read !== undefined && !Buffer.isBuffer(read)) throw read;
        this.inputs.set(f.file, { file: f.file, bytes: read ?? slabs.read(f.absolutePath) });
      } catch (error) {
        this.inputs.delete(f.file);
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") errors.push(new ArticleError(f.file, `could not be read (${(error as Error).message}).`));
      }
    }
    return errors;
  }

  /** Lists the whole folder; reads new files and those in `changes` (all without it). */
  private async readAll(changes?: ReadonlySet<string>): Promise<{ count: number; errors: ArticleError[] }> {
    const ahead = changes ? undefined : await this.readAhead;
    this.readAhead = undefined;
    const listing = ahead?.listing ?? (await listArticleFiles(this.config.articlesDir));
    const defaults = await readFolderDefaultsFiles(listing.defaults);
    this.folderDefaults = defaults.parsed;
    this.listingErrors = new Map([...listing.errors, ...defaults.errors].map((e) => [e.file, e]));
    const listed = new Set(listing.files.map((f) => f.file));
    this.knownFolders = new Set();
    for (const f of [...listing.files, ...listing.defaults]) {
      for (let dir = path.posix.dirname(f.file); dir !== "." && !this.knownFolders.has(dir); dir = path.posix.dirname(dir)) this.knownFolders.add(dir);
    }
    for (const file of this.inputs.keys()) if (!listed.has(file)) this.inputs.delete(file);
    const toRead = listing.files.filter((f) => !changes || changes.has(f.file) || !this.inputs.has(f.file));
    return { count: toRead.length, errors: await this.readInto(toRead, ahead?.files) };
  }

  /**
   * Applies a batch of changes without listing the folder again (listing 10,000 files
   * takes a second or more): plain files at the top of the folder, or in a subfolder the
   * last listing walked that is still a real folder there, follow the listing's rules
   * here. Anything else (a folder, a link, a file in a new or linked folder, a
   * `_defaults.yml`) returns undefined, and the caller lists everything.
   */
  private async readChanged(changes: ReadonlySet<string>): Promise<{ count: number; errors: ArticleError[] } | undefined> {
    const toRead: { file: string; absolutePath: string }[] = [];
    let root: string | undefined;
    for (const file of changes) {
      const base = path.posix.basename(file);
      if (base === DEFAULTS_FILE || looksLikeDefaultsFile(base)) return undefined;
      const absolutePath = path.join(this.config.articlesDir, file);
      const folder = path.posix.dirname(file);
      if (folder !== ".") {
        // A folder reached through a link, or replaced by one, is walked under rules only a listing applies.
        if (!this.knownFolders.has(folder)) return undefined;
        root ??= await realpath(this.config.articlesDir);
        if ((await realpath(path.dirname(absolutePath)).catch(() => undefined)) !== path.join(root, ...folder.split("/"))) return undefined;
      }
      const info = await lstat(absolutePath).catch(() => undefined);
      if (info && !info.isFile()) return undefined;
      this.inputs.delete(file);
      this.listingErrors!.delete(file);
      if (!info || file.split("/").some((part) => part.startsWith(".")) || (/\.(md|markdown)$/i.test(base) && /^(readme|contributing)/i.test(base))) continue;
      const problem = checkArticleFileName(file);
      if (problem) this.listingErrors!.set(file, new ArticleError(file, problem, { hint: "Rename the file." }));
      else toRead.push({ file, absolutePath });
    }
    return { count: toRead.length, errors: await this.readInto(toRead) };
  }

  /**
   * Writes the light index alone, no Markdown (a sharded build's summary: each shard
   * writes its own articles' Markdown). The Markdown of the content folder is not
   * touched, so what the cache says of it stays true.
   */
  private async writeIndexOnly(articles: readonly IngestedArticle[], forShards?: { summaryFile: string; count: number }): Promise<void> {
    await mkdir(this.config.contentDir, { recursive: true });
    const sorted = [...articles].sort((a, b) => (a.record.slug < b.record.slug ? -1 : a.record.slug > b.record.slug ? 1 : 0));
    // The entries are kept only when something reads `index` after the run: a summary job's
    // ingest process held all 100,000 beside every analysis.
    this.index = (this.options.keepIndex ?? true) ? sorted.map((a) => indexArticle(a.record, bodyToMarkdown(a.body))) : [];
    // Each shard's articles, written with the lines (src/publish/shard-articles.ts); shard 1's
    // file also holds the newest articles, which its feeds print whole.
    let shards: ShardArticlesWriter | undefined;
    let plan: ShardLinesPlan | undefined;
    if (forShards) {
      const feed = feedCollector<ArticleRecord>();
      for (const a of sorted) feed.add(a.record);
      const newest = new Set(feed.newest().map((r) => r.slug));
      plan = { count: forShards.count, newest };
      shards = await openShardArticlesFiles(forShards.summaryFile, forShards.count, sorted.map((a) => a.record.slug), newest);
    }
    try {
      // The lines made by helper threads, a batch at a time (src/publish/index-lines.ts).
      const batches = linesOfArticles(sorted, plan);
      await writeArticleIndexChunks(
        this.config.contentDir,
        (async function* () {
          for await (const batch of batches) {
            if (shards && batch.shards) for (const [i, s] of batch.shards.entries()) if (s.lines) await shards.addLines(i, s.bytes, s.lines);
            yield batch.index;
          }
        })(),
      );
      await shards?.close();
    } catch (error) {
      await shards?.abandon();
      throw error;
    }
  }

  /**
   * Writes the Markdown of records that changed since the files were last written and
   * removes files no article produces any more, then the index. A record's key (a hash
   * of its JSON and body) says whether its file changed: far cheaper than turning every
   * record into YAML again.
   */
  private async writeMarkdown(articles: readonly IngestedArticle[], onIndexWritten?: () => void): Promise<{ written: number; removed: number }> {
    const dir = this.config.contentDir;
    await mkdir(dir, { recursive: true });
    const onDisk = new Set((await readdir(dir)).filter((n) => n.endsWith(".md")));
    const known = this.written ?? (await readMarkdownKeys(this.config, this.version));
    const next = new Map<string, WrittenMarkdown>();
    const toWrite: IngestedArticle[] = [];
    for (const a of articles) {
      const slug = a.record.slug;
      const key = markdownKey(a);
      const before = known.get(slug);
      if (before && before.key === key && onDisk.has(`${slug}.md`)) {
        next.set(slug, before);
        continue;
      }
      next.set(slug, { key, indexed: indexArticle(a.record, bodyToMarkdown(a.body)) });
      toWrite.push(a);
    }
    const stale = [...onDisk].filter((n) => !next.has(n.slice(0, -3)));
    await mapLimited(stale, FILE_CONCURRENCY, (n) => rm(path.join(dir, n), { force: true }));
    // Each file's text is made as it is written: all of them at once held 50 MB at 10,000 articles.
    await mapLimited(toWrite, FILE_CONCURRENCY, (a) => writeFile(path.join(dir, `${a.record.slug}.md`), articleToMarkdown(a.record, a.body)));
    const keepIndex = this.options.keepIndex ?? true;
    // After its first run an ingest that keeps the index holds every entry parsed.
    if (toWrite.length || stale.length || !this.written || this.indexOutdated) {
      const slugs = [...next.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // Articles by slug only for an index that lost lines (made on its first lost line).
      let bySlug: Map<string, IngestedArticle> | undefined;
      await writeArticleIndexLines(dir, indexLinesOf(slugs, next, previousIndexLines(dir), keepIndex, (slug) => {
        bySlug ??= new Map(articles.map((a) => [a.record.slug, a]));
        const a = bySlug.get(slug)!;
        return indexArticle(a.record, bodyToMarkdown(a.body));
      }));
    }
    onIndexWritten?.();
    this.index = keepIndex ? [...next.values()].map((w) => w.indexed!).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)) : [];
    this.written = next;
    this.indexOutdated = false;
    await writeMarkdownKeys(this.config, this.version, next);
    return { written: toWrite.length, removed: stale.length };
  }
}

interface WrittenMarkdown {
  key: string;
  indexed?: IndexedArticle;
}

/** The lines of the index already in `dir`; none when there is none (a lost line is made again). */
async function* previousIndexLines(dir: string): AsyncIterable<string> {
  try {
    yield* readArticleIndexLines(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The index's lines for `slugs` (sorted): an article's entry when it has one, else its
 * line in the index already written (`old`, in the same order, read alongside), else one
 * made again from its record (`make`: an index that lost a line). With `keep`, each line
 * copied is also parsed into its entry, for the next run's `index`.
 */
async function* indexLinesOf(
  slugs: readonly string[],
  entries: ReadonlyMap<string, WrittenMarkdown>,
  old: AsyncIterable<string>,
  keep: boolean,
  make: (slug: string) => IndexedArticle,
): AsyncIterable<string> {
  const lines = old[Symbol.asyncIterator]();
  let line: { slug: string; text: string } | undefined;
  let done = false;
  const advance = async () => {
    const r = await lines.next();
    if (r.done) {
      done = true;
      line = undefined;
    } else line = { slug: indexLineSlug(r.value), text: r.value };
  };
  for (const slug of slugs) {
    const entry = entries.get(slug)!;
    if (entry.indexed) {
      yield JSON.stringify(entry.indexed);
      continue;
    }
    if (!done && line === undefined) await advance();
    while (line && line.slug < slug) await advance();
    if (line && line.slug === slug) {
      if (keep) entry.indexed = JSON.parse(line.text) as IndexedArticle;
      yield line.text;
    } else {
      entry.indexed = make(slug);
      yield JSON.stringify(entry.indexed);
    }
  }
  // The rest of the old index is not read.
  await lines.return?.();
}

/** What says whether an article's Markdown file changed: a hash of its record and body. */
function markdownKey(a: IngestedArticle): string {
  return createHash("sha1").update(JSON.stringify(a.record)).update("\0").update(a.bodyDigest ?? keptBodyDigest(a.body)).digest("hex");
}

/**
 * The body digest of an article whose analysis did not keep one, kept with the body's
 * array: the dev server keeps an unchanged article's body between saves, so only a saved
 * article's body is serialized and hashed again (its Markdown key, above).
 */
const bodyDigests = new WeakMap<readonly string[], string>();

function keptBodyDigest(body: readonly string[]): string {
  let digest = bodyDigests.get(body);
  if (digest === undefined) bodyDigests.set(body, (digest = bodyDigest(body)));
  return digest;
}

/** Parsed data/aliases.json (maintainers' entity-name corrections); none when the file is absent. */
export async function readAliases(file: string | undefined): Promise<unknown> {
  if (!file) return {};
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${file}: is not valid JSON (${(error as Error).message}). Fix the alias file.`);
  }
}

/**
 * The keys of the Markdown files in the content folder, kept in the cache beside it, so a
 * warm build writes only the files whose record changed. Only trusted for the same
 * content folder; the index entries come back from the folder's own index file.
 */
const MARKDOWN_KEYS_FILE = "markdown.json";

async function readMarkdownKeys(config: ArchiveConfig, version: string): Promise<Map<string, WrittenMarkdown>> {
  const known = new Map<string, WrittenMarkdown>();
  if (!config.cacheDir) return known;
  try {
    const saved = JSON.parse(await readFile(path.join(config.cacheDir, MARKDOWN_KEYS_FILE), "utf8")) as { version: string; contentDir: string; keys: Record<string, string> };
    if (saved.contentDir !== config.contentDir || saved.version !== version) return known;
    // The index entries are taken from the index file as it is written again (indexLinesOf).
    for (const [slug, key] of Object.entries(saved.keys)) known.set(slug, { key });
  } catch {
    // No keys, or unreadable ones: every file is written again.
  }
  return known;
}

async function writeMarkdownKeys(config: ArchiveConfig, version: string, written: ReadonlyMap<string, WrittenMarkdown>): Promise<void> {
  if (!config.cacheDir) return;
  await mkdir(config.cacheDir, { recursive: true });
  const keys: Record<string, string> = {};
  for (const [slug, { key }] of written) keys[slug] = key;
  const target = path.join(config.cacheDir, MARKDOWN_KEYS_FILE);
  await writeFile(`${target}.tmp`, JSON.stringify({ version, contentDir: config.contentDir, keys }));
  await rename(`${target}.tmp`, target);
}

