import { mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ingestDir, summarizeIngest, type IngestSummary } from "./ingest-dir.ts";
import { runInChild } from "./child-process.ts";
import { renderSite } from "./render.ts";
import { articlePagePath, buildSearchIndex } from "./search-index.ts";
import type { Reporter } from "../reporter.ts";
import { buildSitemaps } from "../site/sitemap.ts";
import { reportWarnings } from "../warning-digest.ts";
import type { ArchiveConfig } from "./config.ts";

export interface BuildHooks {
  reporter: Reporter;
  /**
   * Ingest in a child process, so that its memory (every article's text and analysis)
   * is given back before rendering starts: the command line does this; tests need not.
   */
  ingestInChild?: boolean;
  /** Test hook: called after rendering, before the new site replaces the old one. */
  beforeSwap?: (tempDir: string) => Promise<void>;
}

export interface BuildSummary {
  articles: number;
  pagesWritten: number;
  undated: number;
  warnings: number;
  seconds: { ingest: number; render: number; index: number; total: number };
}

export class BuildFailedError extends Error {}

/**
 * raw files → Markdown → Eleventy → Pagefind. The site is written to a temporary
 * folder beside the output and swapped in only when every step succeeded, so a
 * failed build leaves the previous site untouched.
 */
export async function runBuild(config: ArchiveConfig, options: BuildHooks): Promise<BuildSummary> {
  const { reporter } = options;
  const started = performance.now();
  const ingestStarted = performance.now();
  const ingestOptions = {
    articlesDir: config.articlesDir,
    outDir: config.contentDir,
    now: config.now,
    aliasesFile: config.aliasesFile,
    cacheDir: config.cacheDir && path.join(config.cacheDir, "ingest"),
  };
  const ingested: IngestSummary = options.ingestInChild
    ? (await runInChild<{ summary: IngestSummary }>(new URL("./ingest-worker.ts", import.meta.url), { options: { ...ingestOptions, now: config.now.toISOString() } }, "ingest process")).summary
    : summarizeIngest(await ingestDir({ ...ingestOptions, reporter }));
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  await reportWarnings(ingested.warnings, ingested.articles.map((a) => a.source_file), reporter, { articlesDir: config.articlesDir, listFile: config.cacheDir && path.join(config.cacheDir, "warnings.txt") });
  if (ingested.errors.length) {
    for (const e of ingested.errors) reporter.error(e.message);
    throw new BuildFailedError(
      `${ingested.errors.length} of ${ingested.inputCount} article files could not be built (listed above); the site was not changed.`,
    );
  }

  const outputDir = path.resolve(config.outputDir);
  const parent = path.dirname(outputDir);
  const tempDir = await mkdtemp(path.join(parent, `${path.basename(outputDir)}.tmp-`));
  try {
    const render = reporter.stage("render");
    const rendered = await renderSite(
      { contentDir: config.contentDir, outputDir: tempDir, layoutsDir: config.layoutsDir, site: config.site },
      ingested.articles.length,
    );
    const renderSeconds = render.end(`${rendered.pagesWritten} pages`);
    const written = new Set(rendered.outputs);
    const missing = ingested.articles.filter((a) => !written.has(articlePagePath(a.slug)));
    if (missing.length) {
      throw new BuildFailedError(`These articles got no page: ${missing.map((a) => a.source_file).join(", ")}`);
    }

    for (const sitemap of buildSitemaps(rendered.outputs, config.site.rootUrl)) {
      await writeFile(path.join(tempDir, sitemap.path), sitemap.xml);
    }

    // Pagefind only counts what it indexed; naming the pages it would skip tells the
    // maintainer which articles a template change lost from search.
    const unindexed: string[] = [];
    for (const a of ingested.articles) {
      const html = await readFile(path.join(tempDir, articlePagePath(a.slug)), "utf8");
      if (!/<[^>]*\sdata-pagefind-body[\s>=]/.test(html)) unindexed.push(a.source_file);
    }
    if (unindexed.length) {
      throw new BuildFailedError(`These articles' pages have no data-pagefind-body, so search would miss them: ${unindexed.join(", ")}`);
    }

    const index = reporter.stage("search index");
    const indexed = await buildSearchIndex(tempDir, ingested.articles.length);
    const indexSeconds = index.end(`${indexed.pagesIndexed} articles indexed`);

    await options.beforeSwap?.(tempDir);
    await replaceDir(tempDir, outputDir);
    return {
      articles: ingested.articles.length,
      pagesWritten: rendered.pagesWritten,
      undated: ingested.articles.filter((a) => !a.dated).length,
      warnings: ingested.warnings.length,
      seconds: { ingest: ingestSeconds, render: renderSeconds, index: indexSeconds, total: (performance.now() - started) / 1000 },
    };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

/** Swaps `fresh` in for `target`: the old folder is moved aside first, then removed. */
async function replaceDir(fresh: string, target: string): Promise<void> {
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    await rename(fresh, target);
    return;
  }
  const old = `${target}.old-${process.pid}`;
  await rename(target, old);
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}

export function formatSummary(s: BuildSummary): string {
  const t = s.seconds;
  return [
    `Built ${s.articles} articles into ${s.pagesWritten} pages; ${s.undated} undated; ${s.warnings} warnings.`,
    `Time: ingest ${t.ingest.toFixed(2)} s, render ${t.render.toFixed(2)} s, search index ${t.index.toFixed(2)} s, total ${t.total.toFixed(2)} s.`,
  ].join("\n");
}
