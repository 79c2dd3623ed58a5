import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleError } from "../errors.ts";
import { listArticleFiles, readArticleInputs } from "../ingest/article-files.ts";
import { articleToMarkdown, bodyToMarkdown } from "../ingest/markdown.ts";
import { indexArticle, writeArticleIndex } from "../site/article-index.ts";
import { ingestArchive, type IngestedArticle, type IngestWarning } from "../ingest/pipeline.ts";
import type { Reporter } from "../reporter.ts";
import { openIngestCache } from "./ingest-cache.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";

export interface IngestDirOptions {
  articlesDir: string;
  outDir: string;
  now: Date;
  aliasesFile?: string;
  /** Folder of the ingest cache (see ingest-cache.ts); no cache when absent. */
  cacheDir?: string;
  reporter: Reporter;
}

export interface IngestDirResult {
  articles: IngestedArticle[];
  errors: ArticleError[];
  warnings: IngestWarning[];
  /** Raw article files found (errors included). */
  inputCount: number;
  written: number;
}

export async function readAliases(file: string | undefined): Promise<unknown> {
  if (!file) return {};
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${file}: is not valid JSON (${(error as Error).message}). Fix the alias file.`);
  }
}

/** Ingests every raw file in `articlesDir` into one `<slug>.md` per article in `outDir`. */
export async function ingestDir(options: IngestDirOptions): Promise<IngestDirResult> {
  const { reporter } = options;
  const listing = await listArticleFiles(options.articlesDir);
  const { inputs, errors: defaultsErrors } = await readArticleInputs(listing);
  const stage = reporter.stage("ingest");
  const cache = options.cacheDir ? await openIngestCache(options.cacheDir, options.now) : undefined;
  const result = ingestArchive(inputs, {
    now: options.now,
    aliases: await readAliases(options.aliasesFile),
    memo: cache,
    onProgress: (done, total) => stage.update(done, total),
  });
  await cache?.save(new Set(inputs.map((i) => i.file)));
  const errors = [...listing.errors, ...defaultsErrors, ...result.errors].sort((a, b) => (a.file < b.file ? -1 : 1));
  let written = 0;
  if (errors.length === 0) written = await writeMarkdownFiles(options.outDir, result.articles);
  const reused = cache?.stats.reused ? `, ${cache.stats.reused} unchanged from the cache` : "";
  stage.end(`${result.articles.length} articles${reused}${written ? `, ${written} files written` : ""}`);
  return { articles: result.articles, errors, warnings: result.warnings, inputCount: listing.files.length + listing.errors.length, written };
}

/** Writes only files whose bytes changed and removes Markdown files no article produces any more. */
export async function writeMarkdownFiles(outDir: string, articles: readonly IngestedArticle[]): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const wanted = new Map(articles.map((a) => [`${a.record.slug}.md`, articleToMarkdown(a.record, a.body)]));
  const existing = (await readdir(outDir)).filter((n) => n.endsWith(".md"));
  await mapLimited(existing.filter((n) => !wanted.has(n)), FILE_CONCURRENCY, (n) => rm(path.join(outDir, n)));
  let written = 0;
  await mapLimited([...wanted], FILE_CONCURRENCY, async ([name, text]) => {
    const target = path.join(outDir, name);
    const current = await readFile(target, "utf8").catch(() => undefined);
    if (current === text) return;
    await writeFile(target, text);
    written++;
  });
  await writeArticleIndex(outDir, articles.map((a) => indexArticle(a.record, bodyToMarkdown(a.body))));
  return written;
}

/** What the rest of the build needs from ingest: small enough to pass between processes. */
export interface IngestSummary {
  articles: { slug: string; source_file: string; dated: boolean }[];
  errors: { file: string; message: string }[];
  warnings: IngestWarning[];
  inputCount: number;
}

export function summarizeIngest(result: IngestDirResult): IngestSummary {
  return {
    articles: result.articles.map((a) => ({ slug: a.record.slug, source_file: a.record.source_file, dated: Boolean(a.record.date) })),
    errors: result.errors.map((e) => ({ file: e.file, message: e.message })),
    warnings: result.warnings,
    inputCount: result.inputCount,
  };
}
