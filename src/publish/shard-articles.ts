import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../schema.ts";
import { articleContentOf, recordOfEntry, splitLineBytes, type ArticleContent, type IndexedArticle } from "../site/article-index.ts";
import { articleShard, type BuildShard } from "../site/build-shards.ts";
import { ShardBuildError } from "./shard-errors.ts";

/**
 * Each shard's articles, written by the summary job beside the summary
 * (`npm run build -- --make-summary FILE --for-shards N`): what the summary leaves out of
 * an article (its body, its removed furniture and its summary), for the articles of one
 * shard of N, so that a shard takes its articles' page data from them instead of reading
 * its raw files and running ingest's per-article steps again (decode, furniture,
 * structure, credits: at 100,000 articles 12 to 14 s of each shard of 4, and the largest
 * part of a shard's work that was not shared).
 *
 * One file per shard, named after the summary (`archive-summary.articles-2-of-4.jsonl`):
 * a header line, then one JSON line per article. Shard 1's file also holds the newest
 * articles, whatever their shard: it writes the feeds, which print them whole. Each
 * article's body must hash to the summary's content_hash for it, so a file from another
 * summary is refused, never published.
 */

const KIND = "news-archive shard articles";
const FORMAT = 1;

interface ShardArticlesHeader {
  format: number;
  kind: typeof KIND;
  /** 1-based, as on the command line. */
  shard: number;
  count: number;
  /** Lines that follow. */
  articles: number;
}

/** What an article's Markdown holds beyond its summary entry. */
export interface ShardArticle {
  slug: string;
  removed: ArticleRecord["removed"];
  summary: ArticleRecord["summary"];
  /** The body as Markdown (bodyToMarkdown of ingest's paragraphs). */
  body: string;
}

/** An article's line in its shard's file (with its newline). */
export function shardArticleLine(article: ShardArticle): string {
  return `${JSON.stringify({ slug: article.slug, removed: article.removed, summary: article.summary, body: article.body })}\n`;
}

/**
 * The shards (0-based) whose articles files hold the article `slug`: its own, and shard 1
 * too when it is one of the newest (`newest`), which shard 1's feeds print whole.
 */
export function shardsHolding(slug: string, count: number, newest: ReadonlySet<string>): number[] {
  const shard = articleShard(slug, count);
  return shard !== 0 && newest.has(slug) ? [shard, 0] : [shard];
}

/** The file of shard `shard`'s articles beside the summary `summaryFile`. */
export function shardArticlesFile(summaryFile: string, shard: BuildShard): string {
  const base = path.basename(summaryFile).replace(/\.jsonl$/i, "");
  return path.join(path.dirname(summaryFile), `${base}.articles-${shard.index + 1}-of-${shard.count}.jsonl`);
}

/** Writes the files of each shard's articles as the summary's ingest makes its index lines. */
export interface ShardArticlesWriter {
  /** Writes `article` into its shard's file (and shard 1's, when it is one of the newest). */
  add(article: ShardArticle): Promise<void>;
  /** Lines already encoded, for one shard's file (0-based), in order: articleShard's and, for shard 0, the newest of other shards. */
  addLines(shard: number, bytes: Uint8Array, lines: number): Promise<void>;
  /** Completes the files and puts them in place; each must have had every article it was opened for. */
  close(): Promise<string[]>;
  /** Removes what was written (after a failure). */
  abandon(): Promise<void>;
}

/**
 * Opens the files of `count` shards' articles beside `summaryFile`, for the articles of
 * `slugs` (each goes to the shard its slug gives) and, in shard 1's file too, those of
 * `newest` (the feeds'). Each file is put in place, whole, by `close`.
 */
export async function openShardArticlesFiles(summaryFile: string, count: number, slugs: Iterable<string>, newest: ReadonlySet<string>): Promise<ShardArticlesWriter> {
  const files = Array.from({ length: count }, (_, index) => shardArticlesFile(summaryFile, { index, count }));
  const temps = files.map((f) => `${f}.tmp-${process.pid}`);
  const expected = files.map(() => 0);
  for (const slug of slugs) for (const shard of shardsHolding(slug, count, newest)) expected[shard]++;
  await mkdir(path.dirname(path.resolve(summaryFile)), { recursive: true });
  const handles = await Promise.all(temps.map((temp) => open(temp, "w")));
  const written = files.map(() => 0);
  // Each file's next bytes, written a megabyte or so at a time.
  const pending: Buffer[][] = files.map((_, i) => [Buffer.from(`${JSON.stringify({ format: FORMAT, kind: KIND, shard: i + 1, count, articles: expected[i] } satisfies ShardArticlesHeader)}\n`)]);
  const pendingBytes = files.map(() => 0);
  const append = async (i: number, bytes: Buffer, lines: number) => {
    pending[i].push(bytes);
    pendingBytes[i] += bytes.length;
    written[i] += lines;
    if (pendingBytes[i] > 1 << 20) {
      await handles[i].write(Buffer.concat(pending[i]));
      pending[i] = [];
      pendingBytes[i] = 0;
    }
  };
  const addLine = async (slug: string, line: string) => {
    const bytes = Buffer.from(line);
    for (const shard of shardsHolding(slug, count, newest)) await append(shard, bytes, 1);
  };
  const abandon = async () => {
    for (const handle of handles) await handle.close().catch(() => {});
    for (const temp of temps) await rm(temp, { force: true });
  };
  return {
    add: (article) => addLine(article.slug, shardArticleLine(article)),
    addLines: (shard, bytes, lines) => append(shard, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), lines),
    async close() {
      try {
        for (let i = 0; i < count; i++) {
          if (written[i] !== expected[i]) throw new Error(`shard ${i + 1}'s articles file was opened for ${expected[i]} articles, but ${written[i]} were written`);
          await handles[i].write(Buffer.concat(pending[i]));
          await handles[i].close();
        }
        for (let i = 0; i < count; i++) await rename(temps[i], files[i]);
        return files;
      } catch (error) {
        await abandon();
        throw error;
      }
    },
    abandon,
  };
}

function remakeHint(summaryFile: string, shard: BuildShard): string {
  return `Make the summary again with \`npm run build -- --make-summary ${summaryFile} --for-shards ${shard.count}\`, or delete ${path.basename(shardArticlesFile(summaryFile, shard))} to have the shard read its articles from their raw files.`;
}

/**
 * Reads shard `shard`'s articles from beside `summaryFile` and hands over the page data of
 * each entry of `wanted` (by slug), once each; undefined when there is no such file (the shard then reads its
 * raw files). A file of another shard or format, one cut short, one that lacks a wanted
 * article, or one whose article does not hash to the summary's content_hash for it (a file
 * made with another summary) is a ShardBuildError.
 */
export async function readShardArticles(
  summaryFile: string,
  shard: BuildShard,
  wanted: ReadonlyMap<string, IndexedArticle>,
  each: (slug: string, content: ArticleContent) => Promise<void>,
): Promise<{ file: string; articles: number } | undefined> {
  const file = shardArticlesFile(summaryFile, shard);
  const lines = splitLineBytes(file)[Symbol.asyncIterator]();
  let first: IteratorResult<{ buffer: Buffer; start: number; end: number }>;
  try {
    first = await lines.next();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const name = path.basename(file);
  let header: ShardArticlesHeader | undefined;
  let lineNumber = 0;
  let count = 0;
  const seen = new Set<string>();
  try {
    for (let next = first; !next.done; next = await lines.next()) {
      const { buffer, start, end } = next.value;
      lineNumber++;
      let value: unknown;
      try {
        value = JSON.parse(buffer.toString("utf8", start, end));
      } catch {
        throw new ShardBuildError(`${file}, line ${lineNumber}: is not a shard's articles file (not JSON). ${remakeHint(summaryFile, shard)}`);
      }
      if (!header) {
        const h = value as Partial<ShardArticlesHeader>;
        if (h?.kind !== KIND || h.format !== FORMAT) throw new ShardBuildError(`${file} is not a shard's articles file that this code reads. ${remakeHint(summaryFile, shard)}`);
        if (h.shard !== shard.index + 1 || h.count !== shard.count) throw new ShardBuildError(`${file} holds the articles of shard ${h.shard}/${h.count}, not ${shard.index + 1}/${shard.count}. ${remakeHint(summaryFile, shard)}`);
        header = h as ShardArticlesHeader;
        continue;
      }
      count++;
      const article = value as ShardArticle;
      const entry = wanted.get(article.slug);
      if (!entry || seen.has(article.slug)) continue;
      const record = typeof article.body === "string" ? recordOfEntry(entry, article, article.body) : undefined;
      if (!record) {
        throw new ShardBuildError(`${file}, line ${lineNumber}: the article ${article.slug} is not the one the summary ${summaryFile} describes (its body differs): the file was made with another summary. ${remakeHint(summaryFile, shard)}`);
      }
      seen.add(article.slug);
      await each(article.slug, articleContentOf(record, article.body));
    }
  } finally {
    // Stopped early (a refusal): the file is closed.
    await lines.return?.();
  }
  if (!header) throw new ShardBuildError(`${file} is empty, not a shard's articles file. ${remakeHint(summaryFile, shard)}`);
  if (count !== header.articles) throw new ShardBuildError(`${file} is cut short: it holds ${count} of its ${header.articles} articles. ${remakeHint(summaryFile, shard)}`);
  const missing = [...wanted.keys()].filter((slug) => !seen.has(slug));
  if (missing.length) {
    throw new ShardBuildError(`${name} lacks ${missing.length} of this shard's articles (${missing.slice(0, 5).join(", ")}): it was made with another summary. ${remakeHint(summaryFile, shard)}`);
  }
  return { file, articles: seen.size };
}
