import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
import type { IndexedPage } from "../site/search-index-files.ts";
import { CborReader, CborWriter, decodeCbor, encodeCbor, type CborValue } from "./cbor.ts";

/**
 * One Pagefind index made from several: the search index is built in batches (each a
 * small Pagefind run over part of the pages: src/publish/search-index.ts), and their
 * files are merged here into the index a single Pagefind run over every page gives.
 *
 * What a page contributes to an index is its own: Pagefind reads each page alone (its
 * words, their positions and weights, its fragment of text, filter values and metadata),
 * and only the page numbers tie the parts together. So the merge numbers every page
 * anew, in the order the build has always added pages (by Pagefind's word count, then
 * URL), and writes Pagefind's files again: the word index in chunks, the filter indexes,
 * the metadata and the entry file. Fragments are kept as Pagefind compressed them.
 * `test/unit/pagefind-merge.test.ts` compares a merged index with Pagefind's own index of
 * the same pages, word by word and page by page.
 *
 * Unlike Pagefind's own output, every file name and order here is fixed by the content
 * (Pagefind orders filters and a word's pages by hash-map order: its upstream issue 638),
 * so the same pages give the same bytes, however they were batched.
 *
 * The format is Pagefind 1.5.2's (CBOR after the `pagefind_dcd` signature, gzip-compressed):
 * - metadata: [version, pages [[fragment hash, word count]], chunks [[from, to, hash]],
 *   filters [[name, hash]], sorts [[name, pages]], metadata field names];
 * - a word index chunk: [[word, pages [[page, locations, metadata locations]],
 *   variants [[variant, pages]]]...], each list of pages in page order, each page given as
 *   its number's difference from the one before;
 * - a filter index: [name, [[value, pages]]].
 * Anything else (a sort key, a second language) is refused with an error rather than
 * merged wrongly.
 */

export interface PagefindFile {
  path: string;
  content: Uint8Array;
}

/**
 * What the merge reads from a page's fragment, known without reading it: a shard's build
 * keeps these for its index's pages (src/publish/shard-stage.ts), so merging the shards'
 * indexes need not open 100,000 fragment files, only link them.
 */
export interface FragmentFacts {
  /** The fragment's name in its index (its file is fragment/NAME.pf_fragment). */
  hash: string;
  /** The SHA-256 of its uncompressed content (what a merged index names it by). */
  contentHash: string;
  url: string;
  filters: Record<string, string[]>;
  metaKeys: string[];
}

/** A batch's fragments on disk: the folder of its index, and the facts of each fragment by name. */
export interface FragmentCatalog {
  dir: string;
  pages: ReadonlyMap<string, FragmentFacts>;
}

const SIGNATURE = Buffer.from("pagefind_dcd");
/** Pagefind's default when PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE is unset. */
const DEFAULT_CHUNK_SIZE = 20_000;

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

interface BatchPage {
  /** Its batch's place among the batches that have pages (set once those are known). */
  batch: number;
  /** The page's number in its batch's index. */
  local: number;
  wordCount: number;
  url: string;
  filters: Record<string, string[]>;
  /** The fragment file as Pagefind wrote it (compressed), or the file it is in (a catalogued batch's), and its content's hash. */
  fragment: Uint8Array | { file: string };
  contentHash: string;
  /** Its metadata fields' names (the index lists those of all its pages). */
  metaKeys: string[];
  /** Left out of the merge (MergeOptions.exclude). */
  excluded?: boolean;
}

interface Batch {
  entry: Entry;
  language: string;
  version: string;
  pages: BatchPage[];
  /** Its word index's chunks as Pagefind wrote them; empty once read into `words`. */
  chunkFiles: Uint8Array[];
  /** Its word index read (wordTable): prepareBatch reads it ahead of the merge. */
  words?: WordTable;
  filterFiles: Uint8Array[];
  metaFields: string[];
}

/** A Pagefind file's content after its signature, uncompressed (a file already unpacked is taken as it is). */
export function unpackPagefindFile(content: Uint8Array, what: string): Buffer {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const data = bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? bytes : gunzipSync(bytes);
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`Pagefind's ${what} does not start with its signature: not a Pagefind ${"1.5"} index file`);
  return data.subarray(SIGNATURE.length);
}

const gzipAsync = promisify(gzip);

/**
 * Compressed with gzip, on libuv's threads. Pagefind compresses at level 9; level 6
 * (zlib's default) packs the merged word index of 10,000 articles in 0.52 s of CPU
 * against 0.94 s, at 0.5% more bytes (5.557 MB against 5.530; in the round's README
 * figures 0.42%, 5,585,920 bytes against 5,562,480), and every build, cold or warm,
 * packs every chunk again. Any level reads the same in the browser.
 */
const PACK_LEVEL = 6;

function packPagefindFile(cbor: Uint8Array): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, cbor]), { level: PACK_LEVEL });
}

/** A file of the index itself (not one of Pagefind's scripts, styles or WebAssembly modules). */
export function isIndexFile(filePath: string): boolean {
  return /^(?:fragment|index|filter)\/|\.pf_meta$|^pagefind-entry\.json$/.test(filePath);
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function asArray(value: CborValue, what: string): CborValue[] {
  if (!Array.isArray(value)) throw new Error(`Pagefind's ${what} is not in the format of Pagefind 1.5.2`);
  return value;
}

function readBatch(files: readonly PagefindFile[], catalog?: FragmentCatalog): Batch | undefined {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const entryFile = byPath.get("pagefind-entry.json");
  if (!entryFile) throw new Error("a Pagefind batch has no pagefind-entry.json");
  const entry = JSON.parse(Buffer.from(entryFile).toString("utf8")) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length === 0) return undefined;
  if (languages.length > 1) throw new Error(`a Pagefind batch has ${languages.length} languages (${languages.join(", ")}); the merge handles one`);
  const language = languages[0];
  const metaPath = `pagefind.${entry.languages[language].hash}.pf_meta`;
  const metaFile = byPath.get(metaPath);
  if (!metaFile) throw new Error(`a Pagefind batch lacks its metadata file ${metaPath}`);
  const meta = asArray(decodeCbor(unpackPagefindFile(metaFile, "metadata")).value, "metadata");
  const [version, pages, chunks, filters, sorts, metaFields] = meta;
  if (meta.length !== 6) throw new Error(`Pagefind's metadata has ${meta.length} parts, not the 6 of Pagefind 1.5.2`);
  if (asArray(sorts, "sort list").length) throw new Error("Pagefind's index has sort keys (data-pagefind-sort), which the merge does not handle");
  const file = (dir: string, hash: string, ext: string) => {
    const content = byPath.get(`${dir}/${hash}.${ext}`);
    if (!content) throw new Error(`a Pagefind batch lacks ${dir}/${hash}.${ext}`);
    return content;
  };
  const batchPages = asArray(pages, "page list").map((page, local): BatchPage => {
    const [hash, wordCount] = asArray(page, "page entry") as [string, number];
    const known = catalog?.pages.get(hash);
    if (catalog) {
      if (!known) throw new Error(`a Pagefind index's page ${hash} is not among the pages its build listed (in ${catalog.dir})`);
      const { url, filters, contentHash, metaKeys } = known;
      return { batch: -1, local, wordCount, url, filters, fragment: { file: `${catalog.dir}/fragment/${hash}.pf_fragment` }, contentHash, metaKeys };
    }
    const fragment = file("fragment", hash, "pf_fragment");
    const json = unpackPagefindFile(fragment, "fragment");
    const data = JSON.parse(json.toString("utf8")) as { url: string; filters?: Record<string, string[]>; meta?: Record<string, string> };
    return { batch: -1, local, wordCount, url: data.url, filters: data.filters ?? {}, fragment, contentHash: sha256(json), metaKeys: Object.keys(data.meta ?? {}) };
  });
  return {
    entry,
    language,
    version: String(version),
    pages: batchPages,
    chunkFiles: asArray(chunks, "chunk list").map((c) => file("index", String(asArray(c, "chunk")[2]), "pf_index")),
    filterFiles: asArray(filters, "filter list").map((f) => file("filter", String(asArray(f, "filter")[1]), "pf_filter")),
    metaFields: asArray(metaFields, "metadata fields").map(String),
  };
}

/**
 * A batch's files with their metadata and fragments already read, and its word index
 * unpacked (`prepareBatch`): what the merge does first with each batch, done ahead of it (a
 * warm build reads the last build's batches while its ingest runs). Good for one merge: the
 * merge marks its pages.
 */
export interface PreparedBatch {
  readonly files: readonly PagefindFile[];
  readonly read: Batch | undefined;
}

export function prepareBatch(files: readonly PagefindFile[]): PreparedBatch {
  const read = readBatch(files);
  // Its word index unpacked and read now (at 100,000 articles the 64 batches' chunks are
  // 64 MB as cached, 132 MB unpacked, 0.7 s of gunzip; reading them, 12 million entries, 3 s).
  if (read) {
    read.words = wordTable(read.chunkFiles);
    read.chunkFiles = [];
  }
  return { files, read };
}

function isPrepared(input: readonly PagefindFile[] | PreparedBatch): input is PreparedBatch {
  return !Array.isArray(input);
}

/** Code-point order (Rust's order of strings, by their UTF-8 bytes), not UTF-16's. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * What a word's pages are handed to, one by one: the page's number in its batch, how many
 * items its entry has (its number, then its positions and weights, then its places in
 * metadata fields), where the rest of its entry lies in `source` (as Pagefind encoded it:
 * copied, never decoded), and its size as Pagefind counts it when cutting chunks (a unit
 * for the page and one per position). No object per page: at 100,000 articles the 64
 * batches hold 12 million, and an object each made the merge spend a third of its time
 * collecting garbage.
 */
type PageSink = (page: number, items: number, source: Buffer, start: number, end: number, size: number) => void;

/** A batch's words in order: the word it is at, and its pages when taken. */
interface WordCursor {
  /** The current word; undefined once past the last. */
  word: string | undefined;
  /** Hands the current word's own pages to `own` and each variant's to `variant(name)`, then moves to the next word. */
  take(own: PageSink, variant: (name: string) => PageSink): void;
}

/** Reads a list of pages of a word's entry at `r` into `sink`. */
function readPagesInto(r: CborReader, sink: PageSink): void {
  const pages = r.array();
  let page = 0;
  for (let i = 0; i < pages; i++) {
    const items = r.array();
    if (items < 1 || items > 255) throw new Error(`a page of Pagefind's word index has ${items} items, not the 2 or 3 of Pagefind 1.5.2`);
    // Page numbers are given as the difference from the page before.
    page += r.int();
    const start = r.at;
    let size = 1;
    for (let j = 1; j < items; j++) size += r.skip();
    sink(page, items, r.data, start, r.at, size);
  }
}

/** The words of a batch's word index chunks (packed or not), read as they are taken, one chunk unpacked at a time. */
class ChunkCursor implements WordCursor {
  word: string | undefined;
  private next = 0;
  private r: CborReader | undefined;
  private wordsLeft = 0;
  /** The chunk the current word is in (its place in the list), and that chunk unpacked (its signature left out). */
  chunk = -1;
  data: Buffer = Buffer.alloc(0);
  constructor(private readonly chunks: readonly Uint8Array[]) {
    this.advance();
  }
  take(own: PageSink, variant: (name: string) => PageSink): void {
    const r = this.r!;
    readPagesInto(r, own);
    const variants = r.array();
    for (let v = 0; v < variants; v++) {
      if (r.array() !== 2) throw new Error("a word variant of Pagefind's index is not in the format of Pagefind 1.5.2");
      readPagesInto(r, variant(r.text()));
    }
    this.advance();
  }
  private advance(): void {
    while (this.wordsLeft === 0) {
      if (this.next === this.chunks.length) {
        this.word = undefined;
        return;
      }
      this.chunk = this.next;
      this.data = unpackPagefindFile(this.chunks[this.next++], "word index");
      this.r = new CborReader(this.data);
      if (this.r.array() !== 1) throw new Error("a chunk of Pagefind's word index is not in the format of Pagefind 1.5.2");
      this.wordsLeft = this.r.array();
    }
    const parts = this.r!.array();
    if (parts !== 3) throw new Error(`a word of Pagefind's index has ${parts} parts, not the 3 of Pagefind 1.5.2`);
    this.word = this.r!.text();
    this.wordsLeft--;
  }
}

/**
 * A batch's word index read ahead of the merge (prepareBatch): its words in order and, in
 * flat typed arrays, every page of every word as a PageSink is handed it. Its own pages
 * first (word w's are entries first[w] .. first[w + 1]), then its variants' (rare: a
 * word with diacritics). At 100,000 articles the 64 batches' tables are about 200 MB.
 */
export interface WordTable {
  /** The word index's chunks, unpacked (their signature left out). */
  chunks: Buffer[];
  words: string[];
  /** The chunk each word is in. */
  chunkOf: Uint16Array;
  first: Int32Array;
  variants: Map<number, { name: string; first: number; end: number }[]>;
  page: Int32Array;
  items: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  size: Int32Array;
}

/** A copy of `a` of `length` (longer, zero-filled; or shorter, cut). */
function resized<T extends Float64Array | Int32Array | Uint8Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}

/** Reads a batch's word index chunks (packed or not) into a WordTable. */
export function wordTable(chunkFiles: readonly Uint8Array[]): WordTable {
  if (chunkFiles.length > 0xffff) throw new Error(`a Pagefind batch has ${chunkFiles.length} word index chunks: more than the merge reads ahead`);
  const chunks: Buffer[] = chunkFiles.map(() => Buffer.alloc(0));
  const words: string[] = [];
  const chunkOf: number[] = [];
  const first: number[] = [];
  const variants: WordTable["variants"] = new Map();
  let capacity = 1024;
  let page = new Int32Array(capacity);
  let items = new Uint8Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let size = new Int32Array(capacity);
  let count = 0;
  // Every entry's bytes are in its word's chunk (chunkOf): the source itself is not kept.
  const push = (p: number, n: number, from: number, to: number, units: number) => {
    if (count === capacity) {
      capacity *= 2;
      [page, items, start, end, size] = [resized(page, capacity), resized(items, capacity), resized(start, capacity), resized(end, capacity), resized(size, capacity)];
    }
    page[count] = p;
    items[count] = n;
    start[count] = from;
    end[count] = to;
    size[count++] = units;
  };
  // A word's variants are kept aside until every word's own pages are in the arrays.
  const pending: { word: number; name: string; entries: [number, number, number, number, number][] }[] = [];
  const cursor = new ChunkCursor(chunkFiles);
  while (cursor.word !== undefined) {
    chunks[cursor.chunk] = cursor.data;
    words.push(cursor.word);
    chunkOf.push(cursor.chunk);
    first.push(count);
    const word = words.length - 1;
    cursor.take((p, n, _source, from, to, units) => push(p, n, from, to, units), (name) => {
      const entries: [number, number, number, number, number][] = [];
      pending.push({ word, name, entries });
      return (p, n, _source, from, to, units) => void entries.push([p, n, from, to, units]);
    });
  }
  first.push(count);
  for (const { word, name, entries } of pending) {
    const from = count;
    for (const [p, n, from, to, units] of entries) push(p, n, from, to, units);
    const list = variants.get(word) ?? [];
    list.push({ name, first: from, end: count });
    variants.set(word, list);
  }
  return { chunks, words, chunkOf: Uint16Array.from(chunkOf), first: Int32Array.from(first), variants, page: resized(page, count), items: resized(items, count), start: resized(start, count), end: resized(end, count), size: resized(size, count) };
}

/** The words of a WordTable. */
class TableCursor implements WordCursor {
  word: string | undefined;
  private w = 0;
  constructor(private readonly table: WordTable) {
    this.word = table.words[0];
  }
  take(own: PageSink, variant: (name: string) => PageSink): void {
    const t = this.table;
    const w = this.w;
    const source = t.chunks[t.chunkOf[w]];
    for (let e = t.first[w]; e < t.first[w + 1]; e++) own(t.page[e], t.items[e], source, t.start[e], t.end[e], t.size[e]);
    for (const v of t.variants.get(w) ?? []) {
      const sink = variant(v.name);
      for (let e = v.first; e < v.end; e++) sink(t.page[e], t.items[e], source, t.start[e], t.end[e], t.size[e]);
    }
    this.word = t.words[++this.w];
  }
}

/** Pagefind's chunk boundaries: the shortest prefixes that still tell the two words apart. */
function prefixes(a: string, b: string): [string, string] {
  const ca = Array.from(a);
  const cb = Array.from(b);
  let common = 0;
  while (common < ca.length && common < cb.length && ca[common] === cb[common]) common++;
  return [ca.slice(0, common + 1).join(""), cb.slice(0, common + 1).join("")];
}

/**
 * A page's entry after its number: its word positions, then its places in metadata fields,
 * where a negative number -(n + 1) says the positions after it are in field n. Those field
 * numbers are changed by `fields` (old number → new).
 */
function renumberFields(rest: Buffer, fields: readonly number[]): Buffer {
  const locations = decodeCbor(rest, 0);
  const meta = decodeCbor(rest, locations.end);
  const renumbered = (meta.value as number[]).map((v) => {
    if (v >= 0) return v;
    const field = fields[-v - 1];
    if (field === undefined || field < 0) throw new Error("a word of Pagefind's index is in a metadata field its batch does not list");
    return -field - 1;
  });
  return Buffer.concat([rest.subarray(0, locations.end), encodeCbor(renumbered), rest.subarray(meta.end)]);
}

/** Names content by its hash, `language_` and at least `length` hex digits, longer where two differ. */
class Names {
  private byName = new Map<string, string>();
  constructor(
    private readonly language: string,
    private readonly length: number,
  ) {}
  name(fullHash: string): string {
    for (let n = this.length; n <= fullHash.length; n++) {
      const name = `${this.language}_${fullHash.slice(0, n)}`;
      const taken = this.byName.get(name);
      if (taken === undefined) {
        this.byName.set(name, fullHash);
        return name;
      }
      if (taken === fullHash) return name;
    }
    throw new Error(`two different Pagefind files have the same hash ${fullHash}`);
  }
}

export interface MergedIndex {
  files: PagefindFile[];
  /** Fragment files to link (or copy) from a catalogued batch's folder, rather than write: `from` is the file, `path` where it goes. */
  links: { path: string; from: string }[];
  /** Each page's (new) fragment hash, URL and filters, and what a later merge reads from its fragment. */
  pages: (IndexedPage & Omit<FragmentFacts, "hash">)[];
}

export interface MergeOptions {
  chunkSize?: number;
  /**
   * Per batch (in the order given), pages (URLs) to leave out, as if Pagefind had never
   * read them: a warm build updates a batch's index with a run over its changed pages
   * alone, and leaves the old versions of those pages (and pages gone from the site) out
   * of the batch's old index.
   */
  exclude?: readonly (ReadonlySet<string> | undefined)[];
  /** The batches' index files only (no scripts, styles or WebAssembly): the merge of one batch's old index and its changed pages. */
  indexOnly?: boolean;
  /**
   * Awaited between batches and every few thousand words: the dev server's merge lets a
   * save's rebuild start (its checkpoint yields to the event loop, and throws to stop).
   */
  checkpoint?: () => Promise<void>;
  /**
   * Per batch (in the order given), its fragments' facts and folder: that batch's files
   * then need no fragment, and the merged index links its fragment files (MergedIndex.links).
   */
  catalogs?: readonly (FragmentCatalog | undefined)[];
}

/** Words merged between two checkpoints (a few milliseconds' work). */
const WORDS_PER_CHECKPOINT = 2000;

/**
 * Merges the files of Pagefind runs over disjoint sets of pages into one index. Pages are
 * numbered by word count, then URL (then fragment hash, for two copies of one URL).
 */
export async function mergePagefindIndexes(inputs: readonly (readonly PagefindFile[] | PreparedBatch)[], options: MergeOptions = {}): Promise<MergedIndex> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (inputs.length === 0) throw new Error("no Pagefind batch to merge");
  const batches = inputs.map((input) => (isPrepared(input) ? input.files : input));
  const read: Batch[] = [];
  let excluding = false;
  for (const [i, input] of inputs.entries()) {
    await options.checkpoint?.();
    if (isPrepared(input) && options.catalogs?.[i]) throw new Error("a prepared Pagefind batch has no catalog: give its files");
    const batch = isPrepared(input) ? input.read : readBatch(input, options.catalogs?.[i]);
    if (!batch) continue;
    const leftOut = options.exclude?.[i];
    if (leftOut?.size) {
      for (const p of batch.pages) if (leftOut.has(p.url)) p.excluded = excluding = true;
    }
    read.push(batch);
  }
  read.forEach((b, i) => b.pages.forEach((p) => (p.batch = i)));
  const staticFiles = batches[0].filter((f) => !isIndexFile(f.path));
  const first = read[0];
  const language = first?.language ?? Object.keys(JSON.parse(Buffer.from(batches[0].find((f) => f.path === "pagefind-entry.json")!.content).toString("utf8")).languages)[0] ?? "en";
  for (const b of read) {
    if (b.language !== language) throw new Error(`Pagefind batches in two languages (${language}, ${b.language}); the merge handles one`);
    if (b.version !== first.version) throw new Error(`Pagefind batches of two versions (${first.version}, ${b.version})`);
  }

  // Every page, numbered anew (a page left out keeps the number -1: its entries are dropped).
  const pages = read.flatMap((b) => b.pages).filter((p) => !p.excluded);
  pages.sort((a, b) => a.wordCount - b.wordCount || compareCodePoints(a.url, b.url) || compareCodePoints(a.contentHash, b.contentHash) || a.batch - b.batch || a.local - b.local);
  const renumber = read.map((b) => new Int32Array(b.pages.length).fill(-1));
  pages.forEach((p, n) => (renumber[p.batch][p.local] = n));
  const fragmentNames = new Names(language, 7);
  const files: PagefindFile[] = [];
  const written = new Set<string>();
  const links: MergedIndex["links"] = [];
  const indexed: MergedIndex["pages"] = [];
  const metaPages: CborValue[] = [];
  for (const page of pages) {
    const name = fragmentNames.name(page.contentHash);
    metaPages.push([name, page.wordCount]);
    indexed.push({ hash: name, url: page.url, filters: page.filters, contentHash: page.contentHash, metaKeys: page.metaKeys });
    if (!written.has(name)) {
      written.add(name);
      const fragmentPath = `fragment/${name}.pf_fragment`;
      if (page.fragment instanceof Uint8Array) files.push({ path: fragmentPath, content: page.fragment });
      else links.push({ path: fragmentPath, from: page.fragment.file });
    }
  }
  // Pagefind lists the metadata fields its pages have, and a word's place in a field names
  // the field by its number in that list: a batch whose pages lack a field ("source") numbers
  // the others differently, so its entries are numbered again.
  const metaFields = [...new Set(excluding ? pages.flatMap((p) => p.metaKeys) : read.flatMap((b) => b.metaFields))].sort(compareCodePoints);
  const fieldNumber = new Map(metaFields.map((field, n) => [field, n]));
  const fieldMaps = read.map((b) => {
    const map = b.metaFields.map((field) => fieldNumber.get(field) ?? -1);
    return map.every((to, from) => to === from) ? undefined : map;
  });
  /** A word's pages from the batches that have it: sort keys (new page number, then place in these arrays) and each entry's parts. */
  const ORDER = 2 ** 24;
  let keys = new Float64Array(1024);
  let items = new Uint8Array(1024);
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  const sources: Buffer[] = [];
  let count = 0;
  let wordSize = 0;
  /** The pages of one batch given to `gather`, numbered anew. */
  let batch = 0;
  const gather: PageSink = (local, n, source, start, end, units) => {
    const page = renumber[batch][local];
    if (page < 0) return;
    if (count === keys.length) [keys, items, starts, ends] = [resized(keys, 2 * count), resized(items, 2 * count), resized(starts, 2 * count), resized(ends, 2 * count)];
    if (count >= ORDER) throw new Error(`a word is on more than ${ORDER} pages: more than the merge can number`);
    const fields = fieldMaps[batch];
    if (fields && n >= 3) {
      source = renumberFields(source.subarray(start, end), fields);
      start = 0;
      end = source.length;
    }
    keys[count] = page * ORDER + count;
    items[count] = n;
    starts[count] = start;
    ends[count] = end;
    sources[count++] = source;
    wordSize += units;
  };
  /** Pages in page order, each written as its number's difference from the one before. */
  const writeGathered = (w: CborWriter, from: number, to: number): void => {
    const order = keys.subarray(from, to).sort();
    w.arrayHead(to - from);
    let previous = 0;
    for (let k = 0; k < order.length; k++) {
      const page = Math.floor(order[k] / ORDER);
      const at = order[k] - page * ORDER;
      w.arrayHead(items[at]);
      w.int(page - previous);
      w.rawRange(sources[at], starts[at], ends[at]);
      previous = page;
    }
  };

  // The word index: the batches' sorted word lists merged, cut into chunks as Pagefind does.
  const chunkNames = new Names(language, 7);
  const metaChunks: CborValue[] = [];
  const cursors: WordCursor[] = read.map((b) => (b.words ? new TableCursor(b.words) : new ChunkCursor(b.chunkFiles)));
  let chunk = new CborWriter();
  let chunkWords: string[] = [];
  let size = 0;
  const chunkRanges: { from: string; to: string; name: string }[] = [];
  // Each chunk is compressed (on libuv's threads) as soon as it is cut, while the merge
  // goes on: packed after the merge, the chunks of 100,000 articles kept the merge waiting
  // 6 s. A few at a time: hundreds queued at once held every thread for seconds, and a dev
  // server's rebuild, whose file reads need one, waited behind them.
  const packing: Promise<PagefindFile>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const maxInFlight = options.checkpoint ? 2 : 4;
  const pack = async (chunkPath: string, cbor: Buffer) => {
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const packed = packPagefindFile(cbor).then((content) => ({ path: chunkPath, content }));
    const settled: Promise<void> = packed.then(
      () => void inFlight.delete(settled),
      () => void inFlight.delete(settled),
    );
    inFlight.add(settled);
    // Awaited below; a stop before then must not leave it unhandled.
    packed.catch(() => {});
    packing.push(packed);
  };
  const flush = async () => {
    if (!chunkWords.length) return;
    const w = new CborWriter();
    w.arrayHead(1);
    w.arrayHead(chunkWords.length);
    w.raw(chunk.bytes());
    const cbor = w.bytes();
    const name = chunkNames.name(sha256(cbor));
    chunkRanges.push({ from: chunkWords[0], to: chunkWords[chunkWords.length - 1], name });
    chunk = new CborWriter();
    chunkWords = [];
    size = 0;
    await pack(`index/${name}.pf_index`, cbor);
  };
  for (let merged = 1; ; merged++) {
    if (options.checkpoint && merged % WORDS_PER_CHECKPOINT === 0) await options.checkpoint();
    let word: string | undefined;
    for (const cursor of cursors) if (cursor.word !== undefined && (word === undefined || compareCodePoints(cursor.word, word) < 0)) word = cursor.word;
    if (word === undefined) break;
    count = 0;
    wordSize = 0;
    // (No page of an earlier word kept alive through its chunk.)
    sources.length = 0;
    // Variants (rare) are gathered after the word's own pages.
    const variantRuns: { name: string; batch: number; pages: [number, number, Buffer, number, number, number][] }[] = [];
    for (let i = 0; i < cursors.length; i++) {
      if (cursors[i].word !== word) continue;
      batch = i;
      cursors[i].take(gather, (name) => {
        const run = { name, batch: i, pages: [] as [number, number, Buffer, number, number, number][] };
        variantRuns.push(run);
        return (...page) => void run.pages.push(page);
      });
    }
    const ownCount = count;
    const ownSize = wordSize;
    // Each variant's pages one range of the arrays, the variants in code-point order.
    const variants: [string, number, number][] = [];
    variantRuns.sort((a, b) => compareCodePoints(a.name, b.name) || a.batch - b.batch);
    for (const run of variantRuns) {
      batch = run.batch;
      const from = count;
      for (const page of run.pages) gather(...page);
      const last = variants[variants.length - 1];
      if (last?.[0] === run.name) last[2] = count;
      else variants.push([run.name, from, count]);
    }
    const kept = variants.filter(([, from, to]) => to > from);
    // A word only pages left out had is not in the index. (A word with diacritics has its
    // pages under its variants: "élan" under "elan", whose own page list is empty.)
    if (ownCount === 0 && kept.length === 0) continue;
    chunk.arrayHead(3);
    chunk.text(word);
    writeGathered(chunk, 0, ownCount);
    chunk.arrayHead(kept.length);
    for (const [variant, from, to] of kept) {
      chunk.arrayHead(2);
      chunk.text(variant);
      writeGathered(chunk, from, to);
    }
    chunkWords.push(word);
    // Pagefind counts a word's own pages, not its variants'.
    size += ownSize;
    if (size >= chunkSize) await flush();
  }
  await flush();
  for (let i = 0; i + 1 < chunkRanges.length; i++) {
    const [to, from] = prefixes(chunkRanges[i].to, chunkRanges[i + 1].from);
    // A range never ends before it starts: a chunk whose last word shares no first letter
    // with the next chunk's keeps that word whole (as Pagefind 1.5.2 does).
    if (compareCodePoints(to, chunkRanges[i].from) >= 0) chunkRanges[i].to = to;
    chunkRanges[i + 1].from = from;
  }
  for (const r of chunkRanges) metaChunks.push([r.from, r.to, r.name]);

  // Filters: value → pages, merged across batches, in code-point order.
  const filters = new Map<string, Map<string, number[]>>();
  read.forEach((b, i) => {
    for (const file of b.filterFiles) {
      const [name, values] = asArray(decodeCbor(unpackPagefindFile(file, "filter index")).value, "filter index");
      const byValue = filters.get(String(name)) ?? new Map<string, number[]>();
      filters.set(String(name), byValue);
      for (const v of asArray(values, "filter values")) {
        const [value, valuePages] = asArray(v, "filter value");
        const list = byValue.get(String(value)) ?? [];
        for (const p of asArray(valuePages, "filter pages")) if (renumber[i][p as number] >= 0) list.push(renumber[i][p as number]);
        if (list.length) byValue.set(String(value), list);
      }
    }
  });
  const filterNames = new Names(language, 7);
  const metaFilters: CborValue[] = [];
  for (const name of [...filters.keys()].sort(compareCodePoints)) {
    if (filters.get(name)!.size === 0) continue;
    const values = [...filters.get(name)!].sort((a, b) => compareCodePoints(a[0], b[0])).map(([value, list]) => [value, list.sort((x, y) => x - y)] as CborValue);
    const w = new CborWriter();
    w.value([name, values]);
    const cbor = w.bytes();
    const hash = filterNames.name(sha256(cbor));
    files.push({ path: `filter/${hash}.pf_filter`, content: await packPagefindFile(cbor) });
    metaFilters.push([name, hash]);
  }

  const metaWriter = new CborWriter();
  metaWriter.value([first?.version ?? "", metaPages, metaChunks, metaFilters, [], metaFields]);
  const metaCbor = metaWriter.bytes();
  const metaHash = `${language}_${sha256(metaCbor).slice(0, 10)}`;
  files.push({ path: `pagefind.${metaHash}.pf_meta`, content: await packPagefindFile(metaCbor) });
  files.push(...(await Promise.all(packing)));

  const wasm = first?.entry.languages[language].wasm;
  if (wasm && !options.indexOnly && !staticFiles.some((f) => f.path === `wasm.${wasm}.pagefind`)) {
    throw new Error(`Pagefind's WebAssembly for "${wasm}" (wasm.${wasm}.pagefind) is not among the files given: search could not run`);
  }
  const entry: Entry = first ? structuredClone(first.entry) : JSON.parse(Buffer.from(batches[0].find((f) => f.path === "pagefind-entry.json")!.content).toString("utf8"));
  if (first) entry.languages = { [language]: { ...first.entry.languages[language], hash: metaHash, page_count: pages.length } };
  files.push({ path: "pagefind-entry.json", content: Buffer.from(JSON.stringify(entry)) });
  files.push(...staticFiles);
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { files, links, pages: indexed };
}
