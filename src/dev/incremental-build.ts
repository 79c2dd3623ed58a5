import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../errors.ts";
import { readAliases } from "../publish/ingest-dir.ts";
import { renderSite } from "../publish/render.ts";
import { articlePagePath } from "../publish/search-index.ts";
import type { Reporter } from "../reporter.ts";
import { checkArticleFileName, listArticleFiles, readFolderDefaultsFiles, withFolderDefaults } from "../ingest/article-files.ts";
import { DEFAULTS_FILE, type FolderDefaultsFile } from "../ingest/folder-defaults.ts";
import { articleToMarkdown, bodyToMarkdown } from "../ingest/markdown.ts";
import { ingestArchive, type IngestedArticle, type IngestWarning, type RawArticleInput } from "../ingest/pipeline.ts";
import { indexArticle, writeArticleIndex, type IndexedArticle } from "../site/article-index.ts";
import { articleUrl, buildSiteModel } from "../site/model.ts";
import { comparePageFingerprints, pageFingerprints } from "../site/partial-render.ts";
import type { ArchiveConfig } from "../publish/config.ts";
import { createArticleCache, type ArticleCache } from "./article-cache.ts";

export interface IncrementalBuildOptions extends ArchiveConfig {
  reporter: Reporter;
}

export interface IncrementalBuildTimes {
  /** Listing and reading the changed raw files. */
  read: number;
  /** ingestArchive: per-article steps (cached) plus the archive-wide passes. */
  ingest: number;
  /** Markdown for changed records, and writing those files. */
  markdown: number;
  /** Building the site model here to find the pages whose data changed. */
  compare: number;
  /** Eleventy (which reads every generated Markdown file again and builds the model too). */
  render: number;
  /** Moving the new site in place of the old one. */
  swap: number;
  total: number;
}

export type IncrementalBuildResult =
  | {
      ok: true;
      /** False when no Markdown changed, so the served site was left as it is. */
      rendered: boolean;
      /** True when every page was rendered (first build, templates changed), false when only changed pages were. */
      renderedAll: boolean;
      articles: IngestedArticle[];
      warnings: IngestWarning[];
      pagesWritten: number;
      /** Pages deleted because no data produces them any more (e.g. a deleted article's). */
      pagesRemoved: number;
      /** Pages (and other files) the served site has after this build. */
      pagesInSite: number;
      rawFilesRead: number;
      articlesAnalyzed: number;
      markdownWritten: number;
      markdownRemoved: number;
      seconds: IncrementalBuildTimes;
    }
  | { ok: false; errors: string[]; seconds: { total: number } };

export interface IncrementalBuilder {
  /**
   * Brings the site up to date. `changed` names files (relative to the articles folder)
   * touched since the last build; without it every file is read. Bad input leaves the
   * served site as it was and comes back as `ok: false` with `file:line: message` errors.
   */
  build(changed?: ReadonlySet<string>): Promise<IncrementalBuildResult>;
  /** Deletes the sites that builds replaced (they stay on disk until this is called). */
  removeOldSites(): Promise<void>;
  readonly cache: ArticleCache;
}

/**
 * The dev server's build: the same steps as `runBuild` (ingestArchive, Markdown,
 * Eleventy), with per-article results cached in memory between builds, only changed
 * Markdown files written, and no search index (the dev server indexes afterwards, in
 * the background). The first build renders every page into a new folder and swaps it
 * in, carrying the previous Pagefind folder over so search keeps working, slightly
 * stale, until the new index is in. Later builds compare page fingerprints
 * (src/site/partial-render.ts) with the served site's and write only the new and
 * changed pages into it, deleting pages that are gone.
 */
export function createIncrementalBuilder(options: IncrementalBuildOptions): IncrementalBuilder {
  const cache = createArticleCache();
  const inputs = new Map<string, RawArticleInput>();
  /** What each generated Markdown file holds, keyed by the record it came from. */
  const written = new Map<string, { key: string; text: string; indexed: IndexedArticle }>();
  let firstBuild = true;
  let swaps = 0;
  /** Whether the served site was rendered from the Markdown as it is now. */
  let siteMatchesContent = false;
  const oldSites: string[] = [];
  /** The served site's page fingerprints and templates, when every page on it matches them. */
  let served: { fingerprints: Map<string, string>; templates: string } | undefined;
  let pagesInSite = 0;

  /** Listing problems (unsafe names, links, broken `_defaults.yml`) by file, from the last full listing. */
  let listingErrors: Map<string, ArticleError> | undefined;
  /** The `_defaults.yml` files of the last full listing. */
  let folderDefaults: FolderDefaultsFile[] = [];

  /** Reads `files`, dropping those deleted meanwhile; other read failures are errors. */
  async function readInto(files: readonly { file: string; absolutePath: string }[]): Promise<string[]> {
    const errors: string[] = [];
    await Promise.all(
      files.map(async (f) => {
        try {
          inputs.set(f.file, { file: f.file, bytes: await readFile(f.absolutePath) });
        } catch (error) {
          inputs.delete(f.file);
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") errors.push(`${f.file}: could not be read (${(error as Error).message}).`);
        }
      }),
    );
    return errors;
  }

  /** Lists the whole folder; reads new files and those in `changed` (all without it). */
  async function readAll(changed?: ReadonlySet<string>): Promise<{ count: number; errors: string[] }> {
    const listing = await listArticleFiles(options.articlesDir);
    const defaults = await readFolderDefaultsFiles(listing.defaults);
    folderDefaults = defaults.parsed;
    listingErrors = new Map([...listing.errors, ...defaults.errors].map((e) => [e.file, e]));
    const listed = new Set(listing.files.map((f) => f.file));
    for (const file of inputs.keys()) if (!listed.has(file)) inputs.delete(file);
    const toRead = listing.files.filter((f) => !changed || changed.has(f.file) || !inputs.has(f.file));
    return { count: toRead.length, errors: await readInto(toRead) };
  }

  /**
   * Applies a batch of changes without listing the folder again (listing 10,000 files
   * takes seconds): plain files at the top of the folder follow the listing's rules
   * here. Anything else (a folder, a link, a file in a subfolder) returns undefined,
   * and the caller lists everything.
   */
  async function readChanged(changed: ReadonlySet<string>): Promise<{ count: number; errors: string[] } | undefined> {
    const toRead: { file: string; absolutePath: string }[] = [];
    for (const file of changed) {
      // A `_defaults.yml` changes its folder's articles: read everything again.
      if (file.includes("/") || file === DEFAULTS_FILE) return undefined;
      const absolutePath = path.join(options.articlesDir, file);
      const info = await lstat(absolutePath).catch(() => undefined);
      if (info && !info.isFile()) return undefined;
      inputs.delete(file);
      listingErrors!.delete(file);
      if (!info || file.startsWith(".") || (/\.(md|markdown)$/i.test(file) && /^(readme|contributing)/i.test(file))) continue;
      const problem = checkArticleFileName(file);
      if (problem) listingErrors!.set(file, new ArticleError(file, problem, { hint: "Rename the file." }));
      else toRead.push({ file, absolutePath });
    }
    return { count: toRead.length, errors: await readInto(toRead) };
  }

  async function build(changed?: ReadonlySet<string>): Promise<IncrementalBuildResult> {
    const started = performance.now();
    const elapsed = (since: number) => (performance.now() - since) / 1000;
    const fail = (errors: string[]): IncrementalBuildResult => ({ ok: false, errors, seconds: { total: elapsed(started) } });

    let read;
    try {
      read = changed && listingErrors ? await readChanged(changed) : undefined;
      read ??= await readAll(changed);
    } catch (error) {
      return fail([(error as Error).message]);
    }
    const readErrors = read.errors;
    cache.retainOnly(new Set(inputs.keys()));
    const readSeconds = elapsed(started);

    const ingestStarted = performance.now();
    const analyzedBefore = cache.stats.analyzed;
    let aliases: unknown;
    try {
      aliases = await readAliases(options.aliasesFile);
    } catch (error) {
      return fail([(error as Error).message]);
    }
    const stage = firstBuild ? options.reporter.stage("ingest") : undefined;
    let result;
    try {
      result = ingestArchive(withFolderDefaults([...inputs.values()], folderDefaults), { now: options.now, aliases, memo: cache, onProgress: stage && ((done, total) => stage.update(done, total)) });
    } catch (error) {
      stage?.end("failed");
      return fail([(error as Error).message]);
    }
    stage?.end(`${result.articles.length} articles`);
    const errors = [...listingErrors!.values(), ...result.errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((e: ArticleError) => e.message);
    if (errors.length || readErrors.length) return fail([...readErrors, ...errors]);
    const ingestSeconds = elapsed(ingestStarted);

    const markdownStarted = performance.now();
    const { writtenCount, removedCount, index } = await writeChangedMarkdown(result.articles);
    const markdownSeconds = elapsed(markdownStarted);
    const summary = {
      ok: true as const,
      articles: result.articles,
      warnings: result.warnings,
      rawFilesRead: read.count,
      articlesAnalyzed: cache.stats.analyzed - analyzedBefore,
      markdownWritten: writtenCount,
      markdownRemoved: removedCount,
    };
    const times = { read: readSeconds, ingest: ingestSeconds, markdown: markdownSeconds };
    // Pages are made from the Markdown alone: if no file changed (a save without edits,
    // a bad file removed again), the served site is already right.
    if (siteMatchesContent && writtenCount === 0 && removedCount === 0) {
      return { ...summary, rendered: false, renderedAll: false, pagesWritten: 0, pagesRemoved: 0, pagesInSite, seconds: { ...times, compare: 0, render: 0, swap: 0, total: elapsed(started) } };
    }
    siteMatchesContent = false;

    const compareStarted = performance.now();
    let fingerprints: Map<string, string>;
    let templates: string;
    try {
      fingerprints = pageFingerprints(buildSiteModel(index));
      templates = await templatesSignature();
    } catch (error) {
      served = undefined;
      return fail([`The site could not be rendered: ${(error as Error).message}`]);
    }
    const compareSeconds = elapsed(compareStarted);
    const outputDir = path.resolve(options.outputDir);
    const slugs = result.articles.map((a) => a.record.slug);

    if (served && served.templates === templates) {
      const changes = comparePageFingerprints(served.fingerprints, fingerprints);
      const renderStarted = performance.now();
      let rendered;
      try {
        rendered = await renderChangedPages(changes.changed, outputDir, index);
        const pages = new Set(rendered.outputs);
        const changedUrls = new Set(changes.changed);
        const missing = slugs.filter((slug) => changedUrls.has(articleUrl(slug)) && !pages.has(articlePagePath(slug)));
        if (missing.length) throw new Error(`These articles got no page: ${missing.join(", ")}`);
        await removePages(changes.removed, outputDir);
      } catch (error) {
        // The served folder may hold some of the new pages: render everything next time.
        served = undefined;
        return fail([`The site could not be rendered: ${(error as Error).message}`]);
      }
      const added = changes.changed.filter((url) => !served!.fingerprints.has(url)).length;
      pagesInSite += added - changes.removed.length;
      served = { fingerprints, templates };
      siteMatchesContent = true;
      return {
        ...summary,
        rendered: true,
        renderedAll: false,
        pagesWritten: rendered.pagesWritten,
        pagesRemoved: changes.removed.length,
        pagesInSite,
        seconds: { ...times, compare: compareSeconds, render: elapsed(renderStarted), swap: 0, total: elapsed(started) },
      };
    }

    const renderStarted = performance.now();
    await mkdir(path.dirname(outputDir), { recursive: true });
    const tempDir = await mkdtemp(path.join(path.dirname(outputDir), `${path.basename(outputDir)}.dev-`));
    const render = firstBuild ? options.reporter.stage("render") : undefined;
    let rendered;
    try {
      rendered = await renderSite({ contentDir: options.contentDir, outputDir: tempDir, layoutsDir: options.layoutsDir, site: options.site }, result.articles.length);
      const pages = new Set(rendered.outputs);
      const missing = result.articles.filter((a) => !pages.has(articlePagePath(a.record.slug)));
      if (missing.length) throw new Error(`These articles got no page: ${missing.map((a) => a.record.source_file).join(", ")}`);
    } catch (error) {
      render?.end("failed");
      await rm(tempDir, { recursive: true, force: true });
      return fail([`The site could not be rendered: ${(error as Error).message}`]);
    }
    render?.end(`${rendered.pagesWritten} pages`);
    const renderSeconds = elapsed(renderStarted);

    const swapStarted = performance.now();
    await swapIn(tempDir, outputDir);
    const swapSeconds = elapsed(swapStarted);
    firstBuild = false;
    siteMatchesContent = true;
    served = { fingerprints, templates };
    pagesInSite = rendered.pagesWritten;
    return {
      ...summary,
      rendered: true,
      renderedAll: true,
      pagesWritten: rendered.pagesWritten,
      pagesRemoved: 0,
      pagesInSite,
      seconds: { ...times, compare: compareSeconds, render: renderSeconds, swap: swapSeconds, total: elapsed(started) },
    };
  }

  /**
   * Renders the pages at `urls` (and the single pages: home, feeds, search...) straight
   * into the served folder: writing a few pages takes far less than copying the site.
   */
  async function renderChangedPages(urls: readonly string[], outputDir: string, index: readonly IndexedArticle[]) {
    // A few pages are quicker in this process than in several that each build the model.
    return renderSite({ contentDir: options.contentDir, outputDir, layoutsDir: options.layoutsDir, site: options.site, only: urls, index }, urls.length);
  }

  /** Deletes the pages at `urls`, and their folders once empty (deepest first). */
  async function removePages(urls: readonly string[], outputDir: string): Promise<void> {
    for (const url of [...urls].sort((a, b) => b.length - a.length)) {
      const dir = path.join(outputDir, ...url.split("/").filter(Boolean));
      if (dir !== outputDir && !dir.startsWith(outputDir + path.sep)) continue;
      await rm(path.join(dir, "index.html"), { force: true });
      await rmdir(dir).catch(() => {});
    }
  }

  /**
   * Sizes and times of the templates and the Eleventy configuration: when they change,
   * any page may look different, so the next build renders everything.
   */
  async function templatesSignature(): Promise<string> {
    const layouts = options.layoutsDir;
    const files = [path.join(options.projectRoot, ".eleventy.ts"), ...(await readdir(layouts, { recursive: true })).sort().map((f) => path.join(layouts, f))];
    const stats = await Promise.all(files.map((f) => stat(f).then((s) => `${f}:${s.size}:${s.mtimeMs}`, () => `${f}:missing`)));
    return stats.join("\n");
  }

  /**
   * Writes the Markdown of records that changed since the last build and removes files
   * no article produces any more. A record's JSON is its cache key: far cheaper than
   * turning all of them into YAML again.
   */
  async function writeChangedMarkdown(articles: readonly IngestedArticle[]): Promise<{ writtenCount: number; removedCount: number; index: IndexedArticle[] }> {
    await mkdir(options.contentDir, { recursive: true });
    const wanted = new Set<string>();
    const changedFiles: { name: string; key: string; text: string; indexed: IndexedArticle }[] = [];
    for (const a of articles) {
      const name = `${a.record.slug}.md`;
      wanted.add(name);
      const key = JSON.stringify([a.record, a.body]);
      const known = written.get(name);
      if (known?.key === key) continue;
      changedFiles.push({ name, key, text: articleToMarkdown(a.record, a.body), indexed: indexArticle(a.record, bodyToMarkdown(a.body)) });
    }
    // On the first build the folder may hold the files of an earlier run: list it once.
    const stale = firstBuild
      ? (await readdir(options.contentDir)).filter((n) => n.endsWith(".md") && !wanted.has(n))
      : [...written.keys()].filter((n) => !wanted.has(n));
    await Promise.all(stale.map((n) => rm(path.join(options.contentDir, n), { force: true })));
    for (const n of stale) written.delete(n);
    let writtenCount = 0;
    await Promise.all(
      changedFiles.map(async ({ name, key, text, indexed }) => {
        const target = path.join(options.contentDir, name);
        const onDisk = written.has(name) ? written.get(name)!.text : await readFile(target, "utf8").catch(() => undefined);
        if (onDisk !== text) {
          await writeFile(target, text);
          writtenCount++;
        }
        written.set(name, { key, text, indexed });
      }),
    );
    const index = [...written.values()].map((w) => w.indexed);
    if (writtenCount || stale.length || firstBuild) await writeArticleIndex(options.contentDir, index);
    return { writtenCount, removedCount: stale.length, index };
  }

  /** Swaps the rendered site in, bringing the previous search index along. */
  async function swapIn(fresh: string, target: string): Promise<void> {
    const exists = await stat(target).then(() => true, () => false);
    if (!exists) {
      await rename(fresh, target);
      return;
    }
    await rename(path.join(target, "pagefind"), path.join(fresh, "pagefind")).catch(() => {});
    const old = `${target}.old-${process.pid}-${++swaps}`;
    await rename(target, old);
    await rename(fresh, target);
    // Deleting tens of thousands of old pages need not hold up the reload: see removeOldSites.
    oldSites.push(old);
  }

  async function removeOldSites(): Promise<void> {
    while (oldSites.length) await rm(oldSites.shift()!, { recursive: true, force: true });
  }

  return { build, removeOldSites, cache };
}
