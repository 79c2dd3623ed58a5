import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { listArticleFiles, readFolderDefaultsFiles, withFolderDefaults } from "../ingest/article-files.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import { articleInputHash, type RawArticleInput } from "../ingest/pipeline.ts";
import { INDEX_LINE_SEPARATOR, splitLineBytes, type IndexedArticle } from "../site/article-index.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";
import type { ArchiveConfig } from "./config.ts";
import { ShardBuildError } from "./shard-errors.ts";

/**
 * The archive summary of a sharded build: what every shard needs to know about the whole
 * archive, computed once from the records ingest made (their front matter), so that each
 * shard renders its share of the pages exactly as a single build would.
 *
 * A text file, one JSON value per line: a header, then the light index of every article
 * (src/site/article-index.ts), sorted by slug. The header names the raw inputs it was
 * made from (a hash per article file, with its folder defaults, and of the alias file),
 * the ingest code's version, the build's "today", and the archive-wide furniture evidence
 * a shard needs to turn its own raw files into article bodies. Made by
 * `npm run build -- --make-summary FILE` (src/publish/summary-stage.ts).
 */

export const SUMMARY_FORMAT = 1;
const SUMMARY_KIND = "news-archive summary";

export interface SummaryHeader {
  format: number;
  kind: typeof SUMMARY_KIND;
  /** BuildVersions.ingest of the code that made it: shards derive article bodies with the same code. */
  ingestVersion: string;
  /** The build's "today" (YYYY-MM-DD): every shard builds with it. */
  now: string;
  articles: number;
  /** The raw inputs it was made from. */
  inputs: InputHashes;
  /** Recurring lines, banners and the like across the whole archive (src/ingest/furniture.ts). */
  evidence: FurnitureEvidence;
}

/** Article file (relative to the articles folder) → articleInputHash; and a hash of the alias file. */
export interface InputHashes {
  files: Record<string, string>;
  aliases: string;
}

export interface ArchiveSummary {
  file: string;
  /** sha1 of the file's bytes: shards and the merge check they all used the same summary. */
  hash: string;
  header: SummaryHeader;
  /** Every article's entry, in slug order; read with `keep`, only those it took (`header.articles` counts them all). */
  index: IndexedArticle[];
}

/** How to make a summary, for error messages. */
export function makeSummaryHint(file: string): string {
  return `Make it with \`npm run build -- --make-summary ${file}\` (with the same --articles and --now as the shards).`;
}

/**
 * Writes the summary atomically: the header, then `articles`, each one JSON line of the
 * light index (no single string grows with the archive). Returns its hash.
 */
export async function writeArchiveSummary(file: string, header: SummaryHeader, articles: AsyncIterable<string> | Iterable<string>): Promise<string> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  const hash = createHash("sha1");
  const handle = await open(temp, "w");
  let count = 0;
  try {
    let chunk = `${JSON.stringify(header)}\n`;
    const flush = async () => {
      hash.update(chunk);
      await handle.write(chunk);
      chunk = "";
    };
    for await (const line of articles) {
      chunk += `${line}\n`;
      count++;
      if (chunk.length > 1 << 20) await flush();
    }
    await flush();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  if (count !== header.articles) {
    await rm(temp, { force: true });
    throw new Error(`the summary's header counts ${header.articles} articles, but ${count} were written`);
  }
  await rename(temp, file);
  return hash.digest("hex");
}

/**
 * Reads a summary; a missing or unreadable file, or another kind of file, is a
 * ShardBuildError saying how to make one. With `keep`, its `index` holds only the articles
 * whose slugs `keep` takes: a shard holds its own share, not the whole archive's index (at
 * 100,000 articles about 250 MB of its process, through its render, which
 * summaryIndexChunks serves), and parses only those lines unless `each` is to be shown
 * every article.
 */
export async function readArchiveSummary(file: string, options: { keep?: (slug: string) => boolean; each?: (article: IndexedArticle) => void } = {}): Promise<ArchiveSummary> {
  const { keep, each } = options;
  let count = 0;
  const hash = createHash("sha1");
  let header: SummaryHeader | undefined;
  const index: IndexedArticle[] = [];
  try {
    let lineNumber = 0;
    for await (const { buffer, start, end } of splitLineBytes(file, (bytes) => hash.update(bytes))) {
      lineNumber++;
      if (end === start) continue;
      if (header && keep && !each) {
        // Another shard's article: counted, not parsed (its line is its shard's to read).
        const slug = lineSlug(buffer, start, end);
        if (slug !== undefined && !keep(slug)) {
          count++;
          continue;
        }
      }
      let value: unknown;
      try {
        value = JSON.parse(buffer.toString("utf8", start, end));
      } catch {
        throw new ShardBuildError(`${file}, line ${lineNumber}: is not an archive summary (not JSON). ${makeSummaryHint(file)}`);
      }
      if (!header) {
        const h = value as Partial<SummaryHeader>;
        if (h?.kind !== SUMMARY_KIND) throw new ShardBuildError(`${file} is not an archive summary. ${makeSummaryHint(file)}`);
        if (h.format !== SUMMARY_FORMAT) throw new ShardBuildError(`${file} is an archive summary of format ${h.format}; this code reads format ${SUMMARY_FORMAT}. ${makeSummaryHint(file)}`);
        header = h as SummaryHeader;
      } else {
        const article = value as IndexedArticle;
        count++;
        each?.(article);
        if (!keep || keep(article.slug)) index.push(article);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ShardBuildError(`The archive summary ${file} does not exist. ${makeSummaryHint(file)}`);
    throw error;
  }
  if (!header) throw new ShardBuildError(`${file} is empty, not an archive summary. ${makeSummaryHint(file)}`);
  if (count !== header.articles) {
    throw new ShardBuildError(`${file} is cut short: it lists ${count} of its ${header.articles} articles. ${makeSummaryHint(file)}`);
  }
  return { file, hash: hash.digest("hex"), header, index };
}

const SLUG_KEY = Buffer.from('"slug":"');

/**
 * The slug of an article's line without parsing it, as indexLineSlug reads it (the first
 * `"slug":"` of a line this code wrote is the record's own); undefined when it does not read
 * so (the line is then parsed).
 */
function lineSlug(buffer: Buffer, start: number, end: number): string | undefined {
  const at = buffer.indexOf(SLUG_KEY, start);
  if (at < 0 || at >= end) return undefined;
  const from = at + SLUG_KEY.length;
  const to = buffer.indexOf(34, from);
  if (to <= from || to >= end) return undefined;
  const slug = buffer.toString("latin1", from, to);
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : undefined;
}

/** Lines of the index per chunk summaryIndexChunks hands on. */
const LINES_PER_CHUNK = 1000;

/**
 * The index lines of `summary` (each an article's JSON, in slug order), as the index file
 * joins them (chunks for writeArticleIndexChunks), their bytes copied from its file again
 * as they are consumed, never decoded; a file whose bytes are no longer those read first is
 * a ShardBuildError.
 */
export async function* summaryIndexChunks(summary: Pick<ArchiveSummary, "file" | "hash">): AsyncIterable<Buffer> {
  const hash = createHash("sha1");
  let header = true;
  let parts: Buffer[] = [];
  let lines = 0;
  for await (const { buffer, start, end } of splitLineBytes(summary.file, (bytes) => hash.update(bytes))) {
    if (end === start) continue;
    if (header) {
      header = false;
      continue;
    }
    if (parts.length) parts.push(INDEX_LINE_SEPARATOR);
    parts.push(Buffer.from(buffer.subarray(start, end)));
    if (++lines === LINES_PER_CHUNK) {
      yield Buffer.concat(parts);
      parts = [];
      lines = 0;
    }
  }
  if (parts.length) yield Buffer.concat(parts);
  if (hash.digest("hex") !== summary.hash) throw new ShardBuildError(`The archive summary ${summary.file} changed while the build read it. Build again once it is made.`);
}

/** What a shard finds in the articles folder: every article file's name, and the inputs `keep` asks for, read and hashed. */
export interface RawInputs {
  /** Every article file listed (relative to the articles folder). */
  listed: string[];
  /** The kept files' hashes, and the alias file's. */
  hashes: InputHashes;
  kept: RawArticleInput[];
}

/**
 * Lists every raw article file and reads (with its folder defaults) and hashes those `keep`
 * names, as ingest would, and hashes the alias file. Files ingest would refuse for their
 * names or a broken `_defaults.yml` are left to ingest to report. A shard reads its own
 * files only: another shard checks the others (at 100,000 articles reading and hashing
 * every file took 10 to 15 s of every shard).
 */
export async function readRawInputs(config: Pick<ArchiveConfig, "articlesDir" | "aliasesFile">, keep: (file: string) => boolean): Promise<RawInputs> {
  const listing = await listArticleFiles(config.articlesDir);
  const defaults = await readFolderDefaultsFiles(listing.defaults);
  const files: Record<string, string> = {};
  const kept: RawArticleInput[] = [];
  await mapLimited(
    listing.files.filter((f) => keep(f.file)),
    FILE_CONCURRENCY,
    async (f) => {
      const [input] = withFolderDefaults([{ file: f.file, bytes: await readFile(f.absolutePath) }], defaults.parsed);
      files[f.file] = articleInputHash(input);
      kept.push(input);
    },
  );
  const sortedFiles = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  kept.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { listed: listing.files.map((f) => f.file), hashes: { files: sortedFiles, aliases: await aliasesHash(config.aliasesFile) }, kept };
}

/** The hash of the alias file's bytes (of nothing when there is none). */
export async function aliasesHash(aliasesFile: string): Promise<string> {
  const aliases = await readFile(aliasesFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return Buffer.alloc(0);
    throw error;
  });
  return createHash("sha1").update(aliases).digest("hex");
}

/**
 * Throws a ShardBuildError when the raw inputs a shard sees are not those the summary
 * was made from, naming the files added, removed and changed (the first few of each):
 * every file by name, and the files it read by their hashes (each file is some shard's).
 */
export function checkSummaryInputs(summary: ArchiveSummary, seen: RawInputs, articlesDir: string): void {
  const made = summary.header.inputs;
  const listed = new Set(seen.listed);
  const added = seen.listed.filter((f) => !(f in made.files)).sort();
  const removed = Object.keys(made.files).filter((f) => !listed.has(f));
  const changed = Object.keys(seen.hashes.files).filter((f) => f in made.files && made.files[f] !== seen.hashes.files[f]);
  const problems: string[] = [];
  const some = (files: string[]) => `${files.slice(0, 5).join(", ")}${files.length > 5 ? ` and ${files.length - 5} more` : ""}`;
  const files = (n: number) => (problems.length ? `${n}` : `${n} article file${n === 1 ? "" : "s"}`);
  if (added.length) problems.push(`${files(added.length)} ${added.length === 1 ? "is" : "are"} new (${some(added)})`);
  if (removed.length) problems.push(`${files(removed.length)} ${removed.length === 1 ? "is" : "are"} gone (${some(removed)})`);
  if (changed.length) problems.push(`${files(changed.length)} changed (${some(changed)})`);
  if (made.aliases !== seen.hashes.aliases) problems.push("the alias file changed");
  if (problems.length) {
    throw new ShardBuildError(
      `The archive summary ${summary.file} is stale: it was made from other inputs than those in ${articlesDir}: ${problems.join("; ")}. ` +
        `Make the summary again from these articles (\`npm run build -- --make-summary ${summary.file}\`), then build every shard with the new one.`,
    );
  }
}
