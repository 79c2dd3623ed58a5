import { createHash } from "node:crypto";
import { open, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArticleMarkdown, type ParsedArticleMarkdown } from "../ingest/markdown.ts";
import type { ArticleRecord } from "../schema.ts";
import { standfirstOf } from "./standfirst.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";

/**
 * The light index of the archive: every article's record without what only its own page
 * (and the feeds) print. Every page but an article's own is built from it, so a render
 * process holds this for the whole archive and reads the Markdown (the body, the removed
 * furniture, the summary) only of the article pages it writes.
 *
 * A new record field reaches the index, and so every page, without a change here; a
 * field that only the article page prints belongs in PAGE_ONLY_FIELDS.
 */
export const PAGE_ONLY_FIELDS = ["removed", "summary"] as const satisfies readonly (keyof ArticleRecord)[];
type PageOnlyField = (typeof PAGE_ONLY_FIELDS)[number];

export type IndexedArticle = Omit<ArticleRecord, PageOnlyField> & {
  /** A hash of what the article page prints beyond the index: its page changes when this does. */
  content_hash: string;
  /** The line lists show under the title, from the dek or the summary (src/site/standfirst.ts). */
  standfirst?: string;
};

/** An article page's own data, read from its Markdown file. */
export type ArticleContent = Pick<ArticleRecord, PageOnlyField> & { markdown: string };

/** The index file, written beside the Markdown files it indexes. */
export const ARTICLE_INDEX_FILE = "_index.json";

export function indexArticle(record: ArticleRecord, markdownBody: string): IndexedArticle {
  // Built key by key in the record's order: a copy with keys deleted is a slow object to
  // make, to spread and to write as JSON, 100,000 times in a summary job.
  const entry: Record<string, unknown> = {};
  const heavy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!PAGE_ONLY.has(key)) entry[key] = (record as Record<string, unknown>)[key];
  for (const field of PAGE_ONLY_FIELDS) heavy[field] = record[field];
  const standfirst = standfirstOf(record);
  if (standfirst) entry.standfirst = standfirst;
  entry.content_hash = createHash("sha1").update(JSON.stringify(heavy)).update("\0").update(markdownBody).digest("hex");
  return entry as IndexedArticle;
}

const PAGE_ONLY: ReadonlySet<string> = new Set(PAGE_ONLY_FIELDS);

/**
 * The record `entry` was made from (indexArticle's inverse), given its page-only fields and
 * its body as Markdown; undefined when they are not the ones it was made with (they do not
 * hash to its content_hash).
 */
export function recordOfEntry(entry: IndexedArticle, page: Pick<ArticleRecord, PageOnlyField>, markdownBody: string): ArticleRecord | undefined {
  const { content_hash, ...light } = entry;
  const record = { ...light, removed: page.removed, summary: page.summary } as ArticleRecord;
  for (const key of Object.keys(record) as (keyof ArticleRecord)[]) if (record[key] === undefined) delete record[key];
  return indexArticle(record, markdownBody).content_hash === content_hash ? record : undefined;
}

export function articleContent(parsed: ParsedArticleMarkdown): ArticleContent {
  const content: Record<string, unknown> = { markdown: parsed.markdown };
  for (const field of PAGE_ONLY_FIELDS) content[field] = parsed.record[field];
  return content as ArticleContent;
}

/**
 * An article page's own data straight from its page-only fields and its body: what
 * reading back `articleFile(record, body)` gives (gray-matter ends the body with a
 * newline), without writing the YAML and parsing it again.
 */
export function articleContentOf(page: Pick<ArticleRecord, PageOnlyField>, markdownBody: string): ArticleContent {
  const content: Record<string, unknown> = { markdown: markdownBody.endsWith("\n") ? markdownBody : `${markdownBody}\n` };
  for (const field of PAGE_ONLY_FIELDS) content[field] = page[field];
  return content as ArticleContent;
}

/**
 * A shard's articles' page data, one JSON line each (ArticleContent), written in place of
 * a Markdown file per article (src/publish/shard-stage.ts): at 100,000 articles a shard
 * of 4 spent 3.5 s writing its 25,000 files, and each render process 3.3 s opening them
 * and parsing their front matter back. Beside it, ARTICLE_CONTENTS_INDEX_FILE: each
 * article's slug with its line's byte offset and length, so that a render process reads
 * only the lines of the pages it writes.
 */
export const ARTICLE_CONTENTS_FILE = "_contents.jsonl";
export const ARTICLE_CONTENTS_INDEX_FILE = "_contents.index.json";

/** Writes ARTICLE_CONTENTS_FILE and, on `close`, its index. */
export async function openArticleContentsWriter(contentDir: string): Promise<{ add(slug: string, content: ArticleContent): Promise<void>; close(): Promise<void> }> {
  const handle = await open(path.join(contentDir, ARTICLE_CONTENTS_FILE), "w");
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    await handle.write(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  return {
    async add(slug, content) {
      const line = Buffer.from(`${JSON.stringify(content)}\n`);
      index[slug] = [offset, line.length];
      offset += line.length;
      pending.push(line);
      if ((pendingBytes += line.length) >= 1 << 20) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        await handle.close();
      }
      await writeFile(path.join(contentDir, ARTICLE_CONTENTS_INDEX_FILE), JSON.stringify(index));
    },
  };
}

/** The contents file of `contentDir`, opened, when it has one (a shard's); undefined when its articles are Markdown files. */
async function openArticleContents(contentDir: string): Promise<{ read(slug: string): Promise<ArticleContent>; close(): Promise<void> } | undefined> {
  let index: Map<string, [number, number]>;
  try {
    index = new Map(Object.entries(JSON.parse(await readFile(path.join(contentDir, ARTICLE_CONTENTS_INDEX_FILE), "utf8")) as Record<string, [number, number]>));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const file = path.join(contentDir, ARTICLE_CONTENTS_FILE);
  const handle = await open(file, "r");
  return {
    async read(slug) {
      const at = index.get(slug);
      if (!at) throw new Error(`${file} holds no page data for the article ${slug}: build the shard again.`);
      const [offset, length] = at;
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length) throw new Error(`${file} is cut short (the article ${slug}'s line is not all there): build the shard again.`);
      return JSON.parse(buffer.toString("utf8")) as ArticleContent;
    },
    close: () => handle.close(),
  };
}

/** Reads one article's Markdown file for its page. */
export async function readArticleContent(contentDir: string, slug: string): Promise<ArticleContent> {
  const file = path.join(contentDir, `${slug}.md`);
  return articleContent(parseArticleMarkdown(await readFile(file, "utf8"), file));
}

/** Writes the index (sorted by slug, so the same archive gives the same file) atomically. */
export async function writeArticleIndex(contentDir: string, articles: readonly IndexedArticle[]): Promise<void> {
  const sorted = [...articles].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  await writeArticleIndexLines(contentDir, (function* () {
    for (const a of sorted) yield JSON.stringify(a);
  })());
}

/** What goes before the first line of the index, and between lines. */
const OPENING = Buffer.from("[\n");
export const INDEX_LINE_SEPARATOR = Buffer.from(",\n");

/**
 * Writes the index from its lines (each an article's JSON, in slug order), atomically: the
 * lines may be taken from the index already there (readArticleIndexLines) while it is
 * written, since the new file replaces it only at the end.
 */
export async function writeArticleIndexLines(contentDir: string, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  // One article per line, written a thousand lines at a time: no string grows with the
  // archive. Each line is encoded alone: joined first, lines of ASCII and lines with other
  // characters made one two-byte string, slow to encode, and a warm build's copy of the
  // index of 100,000 articles (123 MB) took 2.2 s (this way 0.6-0.8 s).
  await writeArticleIndexChunks(
    contentDir,
    (async function* () {
      let batch: string[] = [];
      for await (const line of lines) {
        batch.push(line);
        if (batch.length === 1000) {
          yield joinIndexLines(batch);
          batch = [];
        }
      }
      if (batch.length) yield joinIndexLines(batch);
    })(),
  );
}

/** Lines of the index, encoded and joined as the index file joins them (a chunk for writeArticleIndexChunks). */
export function joinIndexLines(lines: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const line of lines) {
    if (parts.length) parts.push(INDEX_LINE_SEPARATOR);
    parts.push(Buffer.from(line));
  }
  return Buffer.concat(parts);
}

/** writeArticleIndexLines given its lines already encoded, in chunks of one or more (joinIndexLines). */
export async function writeArticleIndexChunks(contentDir: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const target = path.join(contentDir, ARTICLE_INDEX_FILE);
  const file = await open(`${target}.tmp`, "w");
  try {
    let first = true;
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      await file.write(Buffer.concat([first ? OPENING : INDEX_LINE_SEPARATOR, chunk]));
      first = false;
    }
    await file.write(first ? "[\n]\n" : "\n]\n");
  } finally {
    await file.close();
  }
  await rename(`${target}.tmp`, target);
}

/**
 * The lines of the index in `contentDir`, one article's JSON each, in slug order, read
 * a few megabytes at a time (at 100,000 articles the file is 130 MB). Lines are split in
 * the bytes and each decoded alone: through `readline` the same file took 0.9–1.05 s to
 * go through, this way 0.2–0.25 s (every warm build reads it to copy the lines of the
 * articles that did not change).
 */
export async function* readArticleIndexLines(contentDir: string): AsyncIterable<string> {
  // A reader that stops early (it needs no more lines) closes the file (splitLines' finally).
  for await (const line of splitLines(path.join(contentDir, ARTICLE_INDEX_FILE))) {
    const text = line.endsWith(",") ? line.slice(0, -1) : line;
    if (text === "[" || text === "]" || text === "") continue;
    yield text;
  }
}

/** Bytes read at a time by splitLines (a longer line grows the buffer). Exported for tests. */
export const LINE_READ_BYTES = { size: 4 << 20 };

/** The lines of a UTF-8 text file, without their "\n" (or "\r\n"). */
async function* splitLines(file: string): AsyncIterable<string> {
  for await (const { buffer, start, end } of splitLineBytes(file)) yield buffer.toString("utf8", start, end);
}

/**
 * The lines of a file as byte ranges (without their "\n", or "\r\n") of a buffer that the
 * next line may overwrite: a caller keeps a line by copying it. `onBytes` is shown every
 * byte read, in order (a hash of the file as read).
 */
export async function* splitLineBytes(file: string, onBytes?: (bytes: Buffer) => void): AsyncIterable<{ buffer: Buffer; start: number; end: number }> {
  const handle = await open(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(LINE_READ_BYTES.size);
    // Bytes of a line not yet ended, at the start of the buffer.
    let kept = 0;
    const line = (start: number, end: number) => ({ buffer, start, end: end > start && buffer[end - 1] === 13 ? end - 1 : end });
    for (;;) {
      const { bytesRead } = await handle.read(buffer, kept, buffer.length - kept, null);
      if (bytesRead > 0) onBytes?.(buffer.subarray(kept, kept + bytesRead));
      const end = kept + bytesRead;
      let start = 0;
      for (let nl = buffer.indexOf(10, start); nl >= 0 && nl < end; nl = buffer.indexOf(10, start)) {
        yield line(start, nl);
        start = nl + 1;
      }
      if (bytesRead === 0) {
        if (start < end) yield line(start, end);
        return;
      }
      kept = end - start;
      if (kept === buffer.length) {
        // One line fills the buffer: a larger one.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, start, end);
        buffer = larger;
      } else {
        buffer.copy(buffer, 0, start, end);
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * The slug of an index line (its JSON), without parsing the rest: the first `"slug":"` in
 * a line this code wrote is the record's own key (the keys before it hold strings, and
 * inside a JSON string a quote is escaped, so that text cannot occur in one), and a slug
 * needs no escapes. A line that does not read so is parsed.
 */
export function indexLineSlug(line: string): string {
  const at = line.indexOf('"slug":"');
  if (at >= 0) {
    const end = line.indexOf('"', at + 8);
    const slug = line.slice(at + 8, end);
    if (end > at + 8 && /^[a-z0-9][a-z0-9-]*$/.test(slug)) return slug;
  }
  return (JSON.parse(line) as IndexedArticle).slug;
}

/**
 * A digest of the index: SHA-1 of each entry's JSON, one per line. It tells a build
 * whether anything the site shows changed at all (src/publish/build.ts).
 */
export function hashIndexEntries(index: readonly IndexedArticle[]): string {
  const hash = createHash("sha1");
  for (const a of index) hash.update(JSON.stringify(a)).update("\n");
  return hash.digest("hex");
}

/**
 * The index of `contentDir` and its hashIndexEntries, the digest taken from the index
 * file's lines as they are (each line is its entry's JSON, as JSON.stringify wrote it):
 * at 100,000 articles, serializing every entry again to hash it took 0.7 s of every warm
 * build. Without an index file, the entries are made from the Markdown and hashed.
 */
export async function readArticleIndexHashed(contentDir: string): Promise<{ articles: IndexedArticle[]; hash: string }>;
/** The same, keeping of each entry what `keep` takes (a build that renders in other processes keeps each article's slug and file alone). */
export async function readArticleIndexHashed<T>(contentDir: string, keep: (entry: IndexedArticle) => T): Promise<{ articles: T[]; hash: string }>;
export async function readArticleIndexHashed(contentDir: string, keep: (entry: IndexedArticle) => unknown = (entry) => entry): Promise<{ articles: unknown[]; hash: string }> {
  const hash = createHash("sha1");
  const articles: unknown[] = [];
  try {
    for await (const line of readArticleIndexLines(contentDir)) {
      hash.update(line).update("\n");
      articles.push(keep(JSON.parse(line) as IndexedArticle));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const made = await readArticleIndex(contentDir);
    return { articles: made.map(keep), hash: hashIndexEntries(made) };
  }
  return { articles, hash: hash.digest("hex") };
}

/**
 * The index of `contentDir`: its index file when there is one, else made from every
 * Markdown file in it (Eleventy run by hand over generated Markdown).
 */
export async function readArticleIndex(contentDir: string): Promise<IndexedArticle[]> {
  // A line at a time: read whole (a render process reads it as it starts), the index of
  // 100,000 articles (130 MB) took 2.0-2.8 s and its bytes and text 0.3 GB more at once;
  // by lines 1.5-1.7 s, and the process peaked at 0.31 GB against 0.61 GB.
  const articles: IndexedArticle[] = [];
  try {
    for await (const line of readArticleIndexLines(contentDir)) {
      const entry = JSON.parse(line) as IndexedArticle | IndexedArticle[];
      // An index written on one line ("[]" of an empty archive) is the whole array.
      if (Array.isArray(entry)) for (const a of entry) articles.push(a);
      else articles.push(entry);
    }
    keepListedStringsOnce(articles);
    return articles;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const names = (await readdir(contentDir)).filter((n) => n.endsWith(".md")).sort();
  return mapLimited(names, FILE_CONCURRENCY, async (name) => {
    const file = path.join(contentDir, name);
    const parsed = parseArticleMarkdown(await readFile(file, "utf8"), file);
    return indexArticle(parsed.record, parsed.markdown);
  });
}

/** The empty list every article's empty lists are, once read (keepListedStringsOnce). */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * Makes the strings in each article's lists (names, tags, the slugs of related articles)
 * one string per value across the archive: JSON.parse makes a string per occurrence, and
 * in a render process holding 100,000 articles (every one of which its pages may name)
 * they were about 1,000,000 strings, 52 MB.
 */
function keepListedStringsOnce(articles: IndexedArticle[]): void {
  const kept = new Map<string, string>();
  // The related lists point to these.
  for (const a of articles) kept.set(a.slug, a.slug);
  for (const a of articles) {
    for (const [key, value] of Object.entries(a)) {
      if (!Array.isArray(value)) continue;
      // An empty list is one array for them all (frozen: nothing adds to a list read from the index).
      if (value.length === 0) {
        (a as unknown as Record<string, unknown>)[key] = NO_ITEMS;
        continue;
      }
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== "string") continue;
        const once = kept.get(item);
        if (once === undefined) kept.set(item, item);
        else value[i] = once;
      }
    }
  }
}

/** The page data of `articles`: each with its content read from its Markdown file, or from the folder's contents file when it has one (in the same order). */
export async function withArticleContent<T extends { slug: string }>(articles: readonly T[], contentDir: string): Promise<(T & ArticleContent)[]> {
  const contents = await openArticleContents(contentDir);
  if (!contents) return mapLimited(articles, FILE_CONCURRENCY, async (a) => ({ ...a, ...(await readArticleContent(contentDir, a.slug)) }));
  try {
    return await mapLimited(articles, FILE_CONCURRENCY, async (a) => ({ ...a, ...(await contents.read(a.slug)) }));
  } finally {
    await contents.close();
  }
}
