import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeSketches, encodeSketches, type SketchStore } from "../check/near-duplicates.ts";
import type { RelatedState } from "../ingest/related.ts";
import { decodeRelatedState, encodeRelatedState } from "../ingest/related-state.ts";
import { commonStems, evidenceFactsOf, lineStanding, recurringLinesOf, stemsNearCommon, wordUsesOf, type EvidenceFacts, type EvidenceObserver, type EvidenceSource, type FurnitureEvidence } from "../ingest/furniture.ts";
import type { Paragraph } from "../ingest/types.ts";
import { articleInputHash, type AnalyzedArticle, type DecodedArticle, type EvidenceRunOptions, type PerArticleMemo, type RawArticleInput } from "../ingest/pipeline.ts";
import { collectGarbageNow } from "./child-process.ts";
import { mapLimited } from "../util/map-limited.ts";
import { readTextFile } from "../util/read-text.ts";
import { writeJsonObjectFile, writeTextPieces } from "../util/write-json.ts";

/**
 * The per-article ingest results a build reuses: an article's analysis is valid while
 * its bytes and inherited folder defaults (articleInputHash), the archive-wide furniture
 * evidence about its own lines, the ingest code and word lists, and the build's "today"
 * are unchanged. Entity merging, tags and slugs are archive-wide and always recomputed.
 *
 * Kept in memory (the dev server keeps one between rebuilds, decoded articles and
 * refusals included; a decoded article is reused while its bytes are the same) and,
 * with a folder, on disk across builds: the analyses are spread
 * over 256 shard files so no single JSON string grows with the archive, and a folder
 * written by other code or on another day is never read. The folder also keeps what the
 * furniture evidence read from each article (its evidence facts, by the file's hash), so
 * a build counts the evidence without decoding an unchanged article.
 */
export interface ArticleMemo extends PerArticleMemo {
  /**
   * Per-step counts since the memo was opened. `decoded` counts texts decoded (an
   * unchanged article whose analysis and evidence facts the folder holds is decoded only
   * if something asks for its lines: `decodeDeferred` counts those handed out undecoded).
   * `factsRead`: articles whose evidence facts an evidence count read from the text (not
   * saved, nor kept ahead). `evidenceReused`: evidence counts left out because a folder
   * held the count of the very same articles (COUNTED_FILE). `evidenceKept`: counts left
   * out because the articles edited since the last count tell it what they told it then.
   */
  readonly stats: { decoded: number; decodeReused: number; decodeDeferred: number; analyzed: number; analyzeReused: number; factsRead: number; evidenceReused: number; evidenceKept: number; passesReused: number };
  /** Whether the memo holds a valid analysis of `decoded` (decoded by this memo) for `evidence`. */
  has(decoded: DecodedArticle, evidence: FurnitureEvidence): boolean;
  /** Whether `decode(input)` would decode its text now (the memo neither holds it nor may defer it). */
  decodesAnew(input: RawArticleInput): boolean;
  /**
   * Keeps the evidence facts of `input`'s article (EvidenceFacts as JSON), read ahead of
   * the count (src/publish/parallel-analysis.ts): the count takes them as it takes saved ones.
   */
  keepFacts(input: RawArticleInput, factsJson: string): void;
  /**
   * Keeps an analysis made elsewhere (src/publish/parallel-analysis.ts) as if `analyze` had
   * made it; `digest`, when given, is its evidenceDigestOf, computed where it was made.
   */
  store(decoded: DecodedArticle, evidence: FurnitureEvidence, analyzed: AnalyzedArticle, digest?: string): void;
  /** Forgets files that are no longer in the archive. */
  retainOnly(files: ReadonlySet<string>): void;
  /** Writes the shards that changed (no-op without a folder). */
  save(): Promise<void>;
}

export interface ArticleMemoOptions {
  /** Folder of the on-disk memo; memory only without it. */
  dir?: string;
  /** The ingest code's version (src/publish/versions.ts). */
  version: string;
  now: Date;
  /**
   * The memo serves one run (a build's ingest process, which exits after it): the decoded
   * articles are let go once every analysis is made, since no later run reuses them. At
   * 10,000 articles they held about 80 MB (their lines, and what the furniture evidence
   * read from each) through the archive-wide passes.
   */
  oneRun?: boolean;
  /**
   * Other cache folders (like `dir`) to read as if this memo's folder held what they hold:
   * the analysis jobs' folders of a sharded build's summary (src/publish/analysis-stage.ts),
   * or an analysis job's restored cache. When they all name the same evidence, it is taken
   * as the saved one, and analyses in a folder that names another (this memo's own, older)
   * are checked against the texts. A save writes what was read from them into this memo's folder.
   */
  alsoRead?: readonly string[];
  /** The files whose analyses, evidence facts and word uses a save writes (an analysis job's share); every file's without it. */
  keepOnly?: (file: string) => boolean;
}

const SHARDS = 256;
/**
 * Shards read at once as the memo opens: each is held as text until parsed. All 256 at
 * once, as read before, a process that had opened the memo of 100,000 articles held
 * 1.5 GB; 16 at a time (and each decoded in one piece, src/util/read-text.ts), 0.86 GB.
 */
const SHARD_READS = 16;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface AnalysisEntry {
  key: string;
  outcome: Outcome<AnalyzedArticle>;
  /** Read from a folder that names the saved evidence (its key was made under it). */
  saved?: boolean;
  /** The evidence its key was last found valid under (what a save can vouch for). */
  checkedUnder?: FurnitureEvidence;
}

/** The digest of the evidence every saved analysis's key was checked under, written after the shards. */
const EVIDENCE_FILE = "evidence.txt";
/**
 * The last evidence counted, whole, with a digest of the articles it was counted from
 * (countedInputs): the count of the same articles is the same evidence, so a run that
 * finds it counts nothing. A sharded build's summary job reads every article its analysis
 * jobs each counted already: at 100,000 articles the count was 4 s and the job's peak of
 * memory (every article's facts, parsed, beside every analysis).
 */
const COUNTED_FILE = "evidence-counted.json";
/**
 * What an evidence count leaves on disk (COUNTED_FILE): a digest of the articles counted,
 * the evidence, and the counts of the stems that as many edits as `margin` could make
 * common or no longer common (stemsNearCommon), so a count that stands after an edit that
 * changed an article's stems can tell the common stems anew (countStillStands).
 */
interface Counted {
  inputs: string;
  evidence: FurnitureEvidence;
  stems?: { margin: number; counts: [string, number][] };
}
/** The edits a count's stem counts allow for (each kept count uses up one per article edited): a count anew then. */
const STEM_MARGIN = 256;
/** More short lines added or gone than this, and the articles are counted again rather than each line looked up. */
const MAX_LINES_LOOKED_UP = 16;
/** More articles edited than this since the last count, and they are counted again rather than compared one by one with what they told it. */
const MAX_EDITED_UNDER_A_COUNT = 64;

/**
 * A digest of the articles an evidence count reads, in the count's order: each file's
 * name and input hash (bytes and folder defaults), which are all the count reads of it.
 */
function countedInputs(files: readonly string[], hashes: ReadonlyMap<string, string>): string {
  const digest = createHash("sha1");
  for (const file of files) digest.update(`${file}\t${hashes.get(file)}\n`);
  return digest.digest("hex");
}
/**
 * The story-group sketches of the last run's texts (src/check/near-duplicates.ts): a
 * sketch depends on its text alone, so it stays valid whatever else changes. At 10,000
 * articles they took a second of every warm build to make again.
 */
const SKETCHES_FILE = "story-sketches.bin";
/**
 * The related-articles pass's state after the last run (src/ingest/related-state.ts): with
 * it a warm build scores again only the articles whose related lists can change (9 s of
 * the pass's 13 s at 100,000 articles).
 */
const RELATED_FILE = "related-state.bin";

/**
 * What each article's evidence facts (src/ingest/furniture.ts) were read as, by file: lines
 * of its JSON-quoted name, its input hash and the facts' JSON, in SHARDS files. With
 * them a warm build counts the archive's furniture evidence without decoding an unchanged
 * article (4 s at 10,000 articles, 42 s at 100,000).
 */
const FACTS_FILE = (n: number) => `facts-${n}.txt`;
/** Which articles' text uses each word the evidence asked about (rareWords), by file and input hash. */
const WORD_USES_FILE = "word-uses.json";
/** An archive-wide pass's last result (PerArticleMemo.passResult): the digest of its inputs, a newline, the result as JSON. */
const PASS_FILE = (pass: string) => `pass-${pass}.txt`;

/**
 * A digest of the evidence's sets: what an article's analysis and its key read of it. The
 * article count is left out, so an added article keeps every other one's key while the
 * sets stay the same.
 */
function evidenceDigest(evidence: FurnitureEvidence): string {
  return createHash("sha1").update(JSON.stringify({ ...evidence, articleCount: undefined, minArticles: undefined })).digest("hex");
}

interface SavedFacts {
  hash: string;
  readonly json: string;
}

/**
 * Each line of a facts file (FACTS_FILE): the article's file, its input hash, and where
 * its facts' JSON lies in `bytes`. A line cut short is a miss for its article alone (its
 * JSON does not parse when used). Each line's fields are decoded on their own: the file
 * decoded whole was text of two bytes a character wherever one line had a curly quote, and
 * the pieces cut from it kept all of it (the facts of 100,000 articles took 290 MB, not 145).
 */
function forEachFactsLine(bytes: Buffer, each: (file: string, hash: string, start: number, end: number) => void): void {
  for (let start = 0; start < bytes.length; ) {
    const next = bytes.indexOf(0x0a, start);
    const end = next < 0 ? bytes.length : next;
    const first = bytes.indexOf(0x09, start);
    const second = first < 0 || first >= end ? -1 : bytes.indexOf(0x09, first + 1);
    if (second >= 0 && second < end) {
      let file: string | undefined;
      try {
        file = JSON.parse(bytes.toString("utf8", start, first)) as string;
      } catch {
        // Not a line this code wrote.
      }
      if (typeof file === "string") each(file, bytes.toString("latin1", first + 1, second), second + 1, end);
    }
    start = end + 1;
  }
}

/**
 * A facts file of another folder than the memo's own (an analysis job's, a restored
 * cache's): its lines' JSON is decoded when one is first asked for, all of them then, read
 * again from the file. A summary job reads every analysis job's facts only to learn that
 * each article has them, and then takes their count as it stands, reading no line's JSON:
 * decoded as they were read, they were about 150 MB at 100,000 articles, held through the
 * read of the analyses where the summary's ingest process peaks.
 */
class FactsFile {
  #json?: Map<string, { hash: string; json: string }>;
  constructor(readonly path: string) {}
  jsonOf(file: string, hash: string): string {
    if (!this.#json) {
      const lines = new Map<string, { hash: string; json: string }>();
      const bytes = readFileSync(this.path);
      forEachFactsLine(bytes, (line, lineHash, start, end) => lines.set(line, { hash: lineHash, json: bytes.toString("utf8", start, end) }));
      this.#json = lines;
    }
    const line = this.#json.get(file);
    if (line?.hash !== hash) throw new Error(`${this.path} changed while this build was reading it (the facts of ${file} are gone): run the build again.`);
    return line.json;
  }
  /** Lets go of the lines read: read again if asked for after. */
  letGo(): void {
    this.#json = undefined;
  }
}

/** An article's saved facts in a FactsFile: its hash now, its JSON when asked for. */
class LaterFacts implements SavedFacts {
  constructor(
    readonly hash: string,
    private readonly file: string,
    private readonly source: FactsFile,
  ) {}
  get json(): string {
    return this.source.jsonOf(this.file, this.hash);
  }
  /** The file's lines, read for this JSON, are let go (every line of it is written). */
  letGo(): void {
    this.source.letGo();
  }
}

interface WordUses {
  words: string[];
  /** Per file: its input hash, and "1" or "0" per word. */
  files: Map<string, { hash: string; uses: string }>;
}

/**
 * A decoded article whose text is decoded only when its paragraphs are first asked for
 * (`decode`): its front matter and folder's period are known from the cache.
 */
function deferredDecode(file: string, overrides: DecodedArticle["overrides"], period: DecodedArticle["period"], decode: () => DecodedArticle): DecodedArticle {
  let paragraphs: Paragraph[] | undefined;
  const decoded = { file, overrides } as DecodedArticle;
  if (period) decoded.period = period;
  Object.defineProperty(decoded, "paragraphs", { enumerable: true, get: () => (paragraphs ??= decode().paragraphs) });
  return decoded;
}

function shardOf(file: string): number {
  return createHash("sha1").update(file).digest()[0] % SHARDS;
}

/**
 * articleInputHash by the file's bytes (as an object) and its folder defaults: the dev
 * server keeps a file's bytes until it is read again, so after a save only that file's
 * bytes are hashed again (hashing 10,000 files took 0.2 s of every save).
 */
const inputHashes = new WeakMap<Uint8Array, { defaults: string | undefined; hash: string }>();

/**
 * What an analysis's key says of the evidence (after the file's hash): a digest of all the
 * archive-wide evidence says about the article (recurringLinesOf). A worker process that
 * analyses the article computes it too, and the memo takes it (ArticleMemo.store).
 */
export function evidenceDigestOf(decoded: Pick<DecodedArticle, "paragraphs" | "overrides">, evidence: FurnitureEvidence): string {
  return createHash("sha1").update(recurringLinesOf(decoded.paragraphs, evidence, decoded.overrides.source)).digest("hex");
}

export function inputHash(input: Parameters<typeof articleInputHash>[0]): string {
  const defaults = input.defaults && JSON.stringify(input.defaults);
  const known = inputHashes.get(input.bytes);
  if (known && known.defaults === defaults) return known.hash;
  const hash = articleInputHash(input);
  inputHashes.set(input.bytes, { defaults, hash });
  return hash;
}

/** The name of the folder, in a memo's `dir`, that holds what this ingest code made on this day. */
function versionFolder(version: string, now: Date): string {
  return `${version.slice(0, 16)}-${now.toISOString().slice(0, 10)}`;
}

/** The folder of a memo's `dir` that holds what this ingest code made on this day. */
export function memoFolder(dir: string, version: string, now: Date): string {
  return path.join(dir, versionFolder(version, now));
}

/** The digest of the evidence every analysis a memo's folder holds was checked under, if it names one. */
export async function memoEvidence(dir: string, version: string, now: Date): Promise<string | undefined> {
  return (await readFile(path.join(memoFolder(dir, version, now), EVIDENCE_FILE), "utf8").catch(() => undefined))?.trim() || undefined;
}

export async function openArticleMemo(options: ArticleMemoOptions): Promise<ArticleMemo> {
  const version = versionFolder(options.version, options.now);
  const folder = options.dir && path.join(options.dir, version);
  /** The folders read: this memo's own, then those of `alsoRead`. */
  const readFolders = [...(folder ? [folder] : []), ...(options.alsoRead ?? []).map((dir) => path.join(dir, version))];
  const keep = options.keepOnly ?? (() => true);
  const decodes = new Map<string, { hash: string; outcome: Outcome<DecodedArticle> }>();
  const hashes = new Map<string, string>();
  const analyses = new Map<string, AnalysisEntry>();
  const dirty = new Set<number>();
  const stats = { decoded: 0, decodeReused: 0, decodeDeferred: 0, analyzed: 0, analyzeReused: 0, factsRead: 0, evidenceReused: 0, evidenceKept: 0, passesReused: 0 };
  /** The archive-wide pass results a memo kept across runs holds (passResult): the digest of the inputs, and the result as JSON. */
  const passes = new Map<string, { inputs: string; json: string }>();
  /** Facts read from the folder (dropped in a one-run memo once counted, but for the shards a save writes again). */
  const savedFacts = new Map<string, SavedFacts>();
  /** Facts read this run from an article's text, serialized. */
  const freshFacts = new Map<string, SavedFacts>();
  const factsDirty = new Set<number>();
  let savedWordUses: WordUses | undefined;
  /** The last count's word uses: the words asked, the files counted, and per word the files using it. */
  let countedUses: { words: string[]; files: string[]; users: Map<string, Set<string>> } | undefined;
  let wordUsesOnDisk: string | undefined;
  /** The saved word uses with the edited articles' under their new bytes, when the last count stood for them (countStillStands). */
  let keptUsesText: string | undefined;
  /** The evidence sources a memo kept between runs holds (the dev server), with the facts read into them. */
  const sources = new Map<string, { decoded: DecodedArticle; source: EvidenceSource }>();
  // The file's hash and a digest of what the archive-wide evidence says about it (every line's: a few KB per article).
  const keys = new WeakMap<DecodedArticle, { evidence: FurnitureEvidence; key: string }>();
  /** The digest of the evidence the folder's keys were all checked under, and this run's evidence when it is the same. */
  let savedEvidence: string | undefined;
  let sameAsSaved: FurnitureEvidence | undefined;
  const keyOf = (decoded: DecodedArticle, evidence: FurnitureEvidence) => {
    const known = keys.get(decoded);
    if (known?.evidence === evidence) return known.key;
    const hash = hashes.get(decoded.file)!;
    // Under the evidence the saved keys were made with, an unchanged file's saved key is
    // its key (a digest of its own lines under that evidence): not computed again (1 s at
    // 10,000 articles, most of a warm build's check of the cache).
    const entry = analyses.get(decoded.file);
    if (evidence === sameAsSaved && entry?.saved && entry.key.startsWith(`${hash}\n`)) return entry.key;
    const key = `${hash}\n${evidenceDigestOf(decoded, evidence)}`;
    keys.set(decoded, { evidence, key });
    return key;
  };
  let lastEvidence: { decoded: DecodedArticle[]; evidence: FurnitureEvidence; digest: string } | undefined;
  /** Each read folder's COUNTED_FILE, as read (undefined: none, or not readable), once. */
  const countedOnDisk = new Map<string, Counted | undefined>();
  const countedIn = (dir: string) => {
    if (!countedOnDisk.has(dir)) {
      let counted: Counted | undefined;
      try {
        counted = JSON.parse(readFileSync(path.join(dir, COUNTED_FILE), "utf8")) as typeof counted;
        if (typeof counted?.inputs !== "string" || typeof counted.evidence !== "object" || counted.evidence === null) counted = undefined;
        // Stem counts not of this code's shape are left out: an edit that changes stems is then counted.
        else if (counted.stems && !(typeof counted.stems.margin === "number" && Array.isArray(counted.stems.counts) && counted.stems.counts.every((e) => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "number"))) counted.stems = undefined;
      } catch {
        // None yet, or cut short: the evidence is counted.
      }
      countedOnDisk.set(dir, counted);
    }
    return countedOnDisk.get(dir);
  };
  /** The count of the first read folder whose COUNTED_FILE counted `inputs`, reading no folder after it. */
  const firstCounted = (inputs: string) => {
    for (const dir of readFolders) {
      const counted = countedIn(dir);
      if (counted?.inputs === inputs) return counted;
    }
    return undefined;
  };
  /** Writes this memo's folder's COUNTED_FILE, unless it already holds this count. */
  const writeCounted = (inputs: string, evidence: FurnitureEvidence, stems: Counted["stems"]) => {
    if (!folder || countedIn(folder)?.inputs === inputs) return;
    mkdirSync(folder, { recursive: true });
    const target = path.join(folder, COUNTED_FILE);
    writeFileSync(`${target}.tmp`, JSON.stringify({ inputs, evidence, stems }));
    renameSync(`${target}.tmp`, target);
    countedOnDisk.set(folder, { inputs, evidence, stems });
  };
  // Read from the folder when first asked for (the archive-wide passes, after the analyses).
  let sketches: SketchStore | undefined;
  let related: RelatedState | undefined;
  /** The digests of the sketches in the folder's file, as last read or written. */
  let sketchesOnDisk = new Set<string>();
  const writeSketches = (store: SketchStore) => {
    mkdirSync(folder!, { recursive: true });
    const target = path.join(folder!, SKETCHES_FILE);
    writeFileSync(`${target}.tmp`, encodeSketches(store));
    renameSync(`${target}.tmp`, target);
    sketchesOnDisk = new Set(store.keys());
  };

  /** Of readFolders, those whose analyses' keys were made under savedEvidence (an unchanged file's saved key is then its key). */
  const trusted = new Set<string>();
  if (readFolders.length) {
    // The evidence each folder names. The other folders' when they all name one and the
    // same (what this run's analyses were made under), else this memo's own.
    const named = await Promise.all(readFolders.map(async (dir) => (await readFile(path.join(dir, EVIDENCE_FILE), "utf8").catch(() => undefined))?.trim() || undefined));
    const others = folder ? named.slice(1) : named;
    savedEvidence = others.length && others.every((digest) => digest && digest === others[0]) ? others[0] : folder ? named[0] : undefined;
    readFolders.forEach((dir, i) => savedEvidence && named[i] === savedEvidence && trusted.add(dir));
    // Every shard up front (the memo's calls are synchronous). Another folder's analysis of
    // a file is kept over this memo's own (it is the newer), and a save writes it into this memo's folder.
    await mapLimited(
      readFolders.flatMap((dir) => Array.from({ length: SHARDS }, (_, n) => ({ dir, n }))),
      SHARD_READS,
      async ({ dir, n }) => {
        const text = await readTextFile(path.join(dir, `${n}.json`)).catch(() => undefined);
        if (text === undefined) return;
        const own = dir === folder;
        try {
          for (const [file, entry] of Object.entries(JSON.parse(text) as Record<string, { key: string; analyzed: AnalyzedArticle }>)) {
            if (own && analyses.has(file)) continue;
            analyses.set(file, { key: entry.key, outcome: { ok: true, value: entry.analyzed }, saved: trusted.has(dir) });
            if (!own) dirty.add(n);
          }
        } catch {
          // A shard cut short (a build killed while writing it) is only a cache miss.
        }
      },
    );
  }

  /**
   * Reads the facts and word uses in the folder, once, when first needed (the first
   * decode, or the removal of files gone), a shard at a time: not beside the analyses' shards, which the memo parses all
   * at once as it opens (at 100,000 articles the ingest process's RSS reaches 2 GB there).
   * Another folder's facts are read for their hashes, their JSON later (FactsFile).
   */
  let factsRead = readFolders.length === 0;
  const readSavedFacts = () => {
    factsRead = true;
    // This memo's own folder first: another folder's facts of a file are the newer.
    for (const { dir, n } of readFolders.flatMap((dir) => Array.from({ length: SHARDS }, (_, n) => ({ dir, n })))) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(dir, FACTS_FILE(n)));
      } catch {
        continue;
      }
      // Written into this memo's folder by its save.
      if (dir !== folder) factsDirty.add(n);
      if (dir === folder) forEachFactsLine(bytes, (file, hash, start, end) => savedFacts.set(file, { hash, json: bytes.toString("utf8", start, end) }));
      else {
        const source = new FactsFile(path.join(dir, FACTS_FILE(n)));
        forEachFactsLine(bytes, (file, hash) => savedFacts.set(file, new LaterFacts(hash, file, source)));
      }
    }
    // The folders that name the saved evidence first: the words they asked about are this run's.
    for (const dir of [...readFolders].sort((a, b) => Number(trusted.has(b)) - Number(trusted.has(a)))) {
      try {
        const text = readFileSync(path.join(dir, WORD_USES_FILE), "utf8");
        const saved = JSON.parse(text) as { words: string[]; files: [string, string, string][] };
        if (dir === folder) wordUsesOnDisk = text;
        if (!savedWordUses) savedWordUses = { words: saved.words, files: new Map() };
        // Another folder's uses count only if it asked about the same words (its "1" and "0" follow them).
        else if (saved.words.length !== savedWordUses.words.length || saved.words.some((word, i) => word !== savedWordUses!.words[i])) continue;
        for (const [file, hash, uses] of saved.files) if (!savedWordUses.files.has(file)) savedWordUses.files.set(file, { hash, uses });
      } catch {
        // None yet, or cut short: every word is looked up in the texts.
      }
    }
  };

  /** The facts of an article at this hash: read this run, or saved. */
  const factsAt = (file: string, hash: string): SavedFacts | undefined => {
    const fresh = freshFacts.get(file);
    if (fresh?.hash === hash) return fresh;
    const saved = savedFacts.get(file);
    return saved?.hash === hash ? saved : undefined;
  };
  /** The saved analysis of an unchanged article whose evidence facts are saved too: its text need not be decoded. */
  const heldUndecoded = (file: string, hash: string): AnalysisEntry | undefined => {
    const entry = analyses.get(file);
    return entry?.saved && entry.outcome.ok && entry.key.startsWith(`${hash}\n`) && factsAt(file, hash) ? entry : undefined;
  };
  /** How `decoded` enters an evidence count: with the facts and word uses the cache holds for its bytes. */
  const sourceFor = (decoded: DecodedArticle): EvidenceSource => {
    const hash = hashes.get(decoded.file)!;
    const kept = sources.get(decoded.file);
    if (kept?.decoded === decoded) return kept.source;
    const saved = factsAt(decoded.file, hash);
    const uses = savedWordUses?.files.get(decoded.file);
    const savedUses = () => {
      const wordUses = new Map<string, boolean>();
      if (saved && uses?.hash === hash) savedWordUses!.words.forEach((word, i) => wordUses.set(word, uses.uses[i] === "1"));
      return wordUses;
    };
    const paragraphs = () => decoded.paragraphs;
    if (options.oneRun) {
      // Parsed when counted, never held (a one-run count stores nothing back): at 100,000
      // articles all the facts at once are about half a gigabyte, and the saved word uses
      // (a map of 70 words each) took a summary job's ingest process from 1.90 to 2.18 GB.
      return {
        paragraphs,
        get wordUses() {
          return savedUses();
        },
        get facts(): EvidenceFacts | undefined {
          return saved && (JSON.parse(saved.json) as EvidenceFacts);
        },
      };
    }
    const source: EvidenceSource = { paragraphs, wordUses: savedUses(), facts: saved && (JSON.parse(saved.json) as EvidenceFacts) };
    sources.set(decoded.file, { decoded, source });
    return source;
  };

  /**
   * Writes the facts shards with a changed article, and the word uses of the last count.
   * Synchronous: a one-run memo writes them as soon as every analysis is made, and lets
   * them go (at 100,000 articles a cold build's facts are about 150 MB of JSON, which the
   * ingest process then no longer holds through its Markdown step, where it peaks).
   */
  const writeFacts = () => {
    if (!folder || (!factsDirty.size && !countedUses && keptUsesText === undefined)) return;
    mkdirSync(folder, { recursive: true });
    // A shard at a time: its lines made, written, and another folder's facts read for them
    // let go (a summary job's save of 100,000 articles read every analysis job's facts
    // again, and held them all with every shard's lines at once).
    const files = new Map<number, string[]>([...factsDirty].map((n) => [n, []]));
    for (const file of [...hashes.keys()].sort((a, b) => (a < b ? -1 : 1))) if (keep(file)) files.get(shardOf(file))?.push(file);
    for (const [n, shard] of files) {
      const lines: string[] = [];
      for (const file of shard) {
        const hash = hashes.get(file)!;
        const facts = factsAt(file, hash);
        if (facts) lines.push(`${JSON.stringify(file)}\t${hash}\t${facts.json}\n`);
      }
      const target = path.join(folder, FACTS_FILE(n));
      writeTextPieces(`${target}.tmp`, lines);
      renameSync(`${target}.tmp`, target);
      for (const file of shard) {
        const saved = savedFacts.get(file);
        if (saved instanceof LaterFacts) saved.letGo();
      }
    }
    factsDirty.clear();
    if (countedUses || keptUsesText !== undefined) {
      let text = keptUsesText;
      if (countedUses) {
        const { words, users } = countedUses;
        const files = countedUses.files.filter(keep);
        text = JSON.stringify({ words, files: files.map((file) => [file, hashes.get(file), words.map((word) => (users.get(word)!.has(file) ? "1" : "0")).join("")]) });
      }
      keptUsesText = undefined;
      if (text !== undefined && text !== wordUsesOnDisk) {
        writeFileSync(path.join(folder, `${WORD_USES_FILE}.tmp`), text);
        renameSync(path.join(folder, `${WORD_USES_FILE}.tmp`), path.join(folder, WORD_USES_FILE));
        wordUsesOnDisk = text;
      }
    }
  };

  /**
   * Writes the analyses' shards that changed, and names the evidence of the last run when
   * every analysis the folder keeps was found valid under it (one that was not, a file that
   * no longer decodes, is dropped). Synchronous: a one-run memo writes them as soon as
   * every analysis is made, then lets them go.
   */
  const writeAnalyses = () => {
    const current = lastEvidence?.evidence;
    const evidence = lastEvidence?.digest;
    if (current) {
      for (const [file, entry] of analyses) {
        if (entry.checkedUnder !== current) {
          analyses.delete(file);
          dirty.add(shardOf(file));
        }
      }
    }
    if (!folder || (dirty.size === 0 && evidence === savedEvidence)) return;
    mkdirSync(folder, { recursive: true });
    // Results of other code versions or other days can never be reused.
    for (const other of readdirSync(options.dir!)) if (other !== version) rmSync(path.join(options.dir!, other), { recursive: true, force: true });
    // Until the shards are written, no evidence is named (a build killed meanwhile leaves keys of two evidences).
    rmSync(path.join(folder, EVIDENCE_FILE), { force: true });
    savedEvidence = undefined;
    const shards = new Map<number, [string, { key: string; analyzed: AnalyzedArticle }][]>();
    for (const n of dirty) shards.set(n, []);
    for (const [file, entry] of analyses) {
      const shard = shards.get(shardOf(file));
      if (shard && entry.outcome.ok && keep(file)) shard.push([file, { key: entry.key, analyzed: entry.outcome.value }]);
    }
    for (const [n, shard] of shards) {
      const target = path.join(folder, `${n}.json`);
      writeJsonObjectFile(`${target}.tmp`, shard);
      renameSync(`${target}.tmp`, target);
    }
    dirty.clear();
    if (evidence) {
      writeFileSync(path.join(folder, `${EVIDENCE_FILE}.tmp`), evidence);
      renameSync(path.join(folder, `${EVIDENCE_FILE}.tmp`), path.join(folder, EVIDENCE_FILE));
      savedEvidence = evidence;
    }
  };

  /** The stem counts of the last count (or of the count that stood), for COUNTED_FILE. */
  let countedStems: Counted["stems"];
  /** Counts the furniture evidence of `decoded` (named `files`), with what the memo holds of each article. */
  const countEvidence = (decoded: readonly DecodedArticle[], files: string[], run: (options: EvidenceRunOptions) => FurnitureEvidence): FurnitureEvidence => {
    // What the evidence reads from each article serves only the next count of it: a memo
    // for one run does not keep it.
    const counted = { words: [] as string[], files, users: new Map<string, Set<string>>() };
    const observer: EvidenceObserver = {
      facts(d, facts) {
        stats.factsRead++;
        const file = decoded[d].file;
        freshFacts.set(file, { hash: hashes.get(file)!, json: JSON.stringify(facts) });
        factsDirty.add(shardOf(file));
      },
      wordUse(d, word, used) {
        let users = counted.users.get(word);
        if (!users) {
          counted.words.push(word);
          counted.users.set(word, (users = new Set()));
        }
        if (used) users.add(decoded[d].file);
      },
      stemCounts(counts, articleCount) {
        countedStems = { margin: STEM_MARGIN, counts: stemsNearCommon(counts, articleCount, STEM_MARGIN) };
      },
    };
    const evidence = run({ remember: !options.oneRun, sources: decoded.map(sourceFor), observer });
    countedUses = counted;
    return evidence;
  };

  /**
   * Whether the short lines the edited articles added or lost stand in the evidence as
   * they stood (recurring, in a block, or neither: lineStanding), counted over `files`
   * with the edited ones' lines then and now. Every other article's saved facts are
   * searched for each line (as JSON text first: a line in no other article is the usual case).
   */
  const sameLineStanding = (files: ReadonlyMap<string, string>, linesThen: ReadonlyMap<string, Set<string>>, linesNow: ReadonlyMap<string, Set<string>>, minArticles: number): boolean => {
    const changed = new Set<string>();
    for (const [file, before] of linesThen) {
      const after = linesNow.get(file)!;
      for (const line of before) if (!after.has(line)) changed.add(line);
      for (const line of after) if (!before.has(line)) changed.add(line);
    }
    if (changed.size > MAX_LINES_LOOKED_UP) return false;
    for (const line of changed) {
      const needle = JSON.stringify(line);
      let others = 0;
      for (const file of files.keys()) {
        if (linesThen.has(file)) continue;
        const json = savedFacts.get(file)!.json;
        if (json.includes(needle) && (JSON.parse(json) as EvidenceFacts).lines.includes(line)) others++;
      }
      let then = others;
      let now = others;
      for (const [file, before] of linesThen) {
        if (before.has(line)) then++;
        if (linesNow.get(file)!.has(line)) now++;
      }
      if (lineStanding(then, minArticles) !== lineStanding(now, minArticles)) return false;
    }
    return true;
  };

  /**
   * The evidence of the last count, when it was counted from these very files and each one
   * edited since tells a count what it told that one: the same evidence facts (its short
   * lines, the stems of its first paragraphs, its top lines) and the same uses of the words
   * that count looked up. An edit seldom touches any of them, and counting the whole
   * archive again took 6 s of a warm build of 100,000 articles. The edited articles' facts
   * and uses are then kept under their new bytes. Only for a build's own cache folder (a
   * one-run memo reading no other folder, keeping every file).
   */
  const countStillStands = (decoded: readonly DecodedArticle[], files: string[]): Pick<Counted, "evidence" | "stems"> | undefined => {
    if (!options.oneRun || !folder || readFolders.length !== 1 || options.keepOnly || !savedWordUses) return undefined;
    const counted = countedIn(folder);
    if (!counted) return undefined;
    // Each file's bytes as last counted (those its saved facts were read from), and those edited since.
    const then = new Map<string, string>();
    const edited: DecodedArticle[] = [];
    for (const d of decoded) {
      const saved = savedFacts.get(d.file);
      if (!saved) return undefined;
      then.set(d.file, saved.hash);
      if (saved.hash !== hashes.get(d.file) && edited.push(d) > MAX_EDITED_UNDER_A_COUNT) return undefined;
    }
    if (edited.length === 0 || countedInputs(files, then) !== counted.inputs) return undefined;
    const { words } = savedWordUses;
    const now: { file: string; hash: string; json: string; uses: string }[] = [];
    // The stems of the first paragraphs may change (a sentence added): the counts of those
    // near the common share say whether the common stems do. So may its short lines: each
    // line added or gone is looked up in every other article's facts.
    let stemCounts: Map<string, number> | undefined;
    const linesThen = new Map<string, Set<string>>();
    const linesNow = new Map<string, Set<string>>();
    for (const d of edited) {
      const saved = savedFacts.get(d.file)!;
      const uses = savedWordUses.files.get(d.file);
      if (uses?.hash !== saved.hash) return undefined;
      const hash = hashes.get(d.file)!;
      const json = factsAt(d.file, hash)?.json ?? JSON.stringify(evidenceFactsOf(d.paragraphs, d.overrides.source));
      if (json !== saved.json) {
        let before: EvidenceFacts;
        let after: EvidenceFacts;
        try {
          before = JSON.parse(saved.json) as EvidenceFacts;
          after = JSON.parse(json) as EvidenceFacts;
        } catch {
          return undefined;
        }
        if (JSON.stringify(before.top) !== JSON.stringify(after.top)) return undefined;
        if (JSON.stringify(before.lines) !== JSON.stringify(after.lines)) {
          linesThen.set(d.file, new Set(before.lines));
          linesNow.set(d.file, new Set(after.lines));
        }
        if (JSON.stringify(before.stems) !== JSON.stringify(after.stems)) {
          if (!counted.stems || counted.stems.margin < edited.length) return undefined;
          stemCounts ??= new Map(counted.stems.counts);
          const gone = new Set(before.stems);
          for (const stem of after.stems) {
            if (gone.delete(stem)) continue;
            const count = stemCounts.get(stem);
            if (count !== undefined) stemCounts.set(stem, count + 1);
          }
          for (const stem of gone) {
            const count = stemCounts.get(stem);
            if (count !== undefined) stemCounts.set(stem, count - 1);
          }
        }
      }
      const used = wordUsesOf(d.paragraphs, words);
      if (used !== uses.uses) return undefined;
      now.push({ file: d.file, hash, json, uses: used });
    }
    if (linesThen.size && !sameLineStanding(then, linesThen, linesNow, counted.evidence.minArticles)) return undefined;
    for (const { file, hash, json, uses } of now) {
      freshFacts.set(file, { hash, json });
      factsDirty.add(shardOf(file));
      savedWordUses.files.set(file, { hash, uses });
    }
    keptUsesText = JSON.stringify({ words, files: [...savedWordUses.files].map(([file, { hash, uses }]) => [file, hash, uses]) });
    if (!stemCounts) return { evidence: counted.evidence, stems: counted.stems };
    // A stem no count holds was under the share by more than the margin: the edits since cannot have made it common.
    const evidence = { ...counted.evidence, commonStems: commonStems(stemCounts, counted.evidence.articleCount) };
    return { evidence, stems: { margin: counted.stems!.margin - edited.length, counts: [...stemCounts] } };
  };

  return {
    stats,
    decode(input, run) {
      if (!factsRead) readSavedFacts();
      const hash = inputHash(input);
      hashes.set(input.file, hash);
      const cached = decodes.get(input.file);
      if (cached && cached.hash === hash) {
        stats.decodeReused++;
        return unwrap(cached.outcome);
      }
      // An unchanged article the folder holds the analysis and evidence facts of: its text
      // is decoded only if something asks for its lines (the evidence's sets changed).
      const entry = heldUndecoded(input.file, hash);
      if (entry?.outcome.ok) {
        stats.decodeDeferred++;
        const decoded = deferredDecode(input.file, entry.outcome.value.overrides, input.defaults?.period, () => {
          stats.decoded++;
          return run();
        });
        decodes.set(input.file, { hash, outcome: { ok: true, value: decoded } });
        return decoded;
      }
      stats.decoded++;
      const outcome = attempt(run);
      decodes.set(input.file, { hash, outcome });
      return unwrap(outcome);
    },
    decodesAnew(input) {
      if (!factsRead) readSavedFacts();
      const hash = inputHash(input);
      return decodes.get(input.file)?.hash !== hash && !heldUndecoded(input.file, hash);
    },
    keepFacts(input, factsJson) {
      freshFacts.set(input.file, { hash: inputHash(input), json: factsJson });
      factsDirty.add(shardOf(input.file));
    },
    has(decoded, evidence) {
      const entry = analyses.get(decoded.file);
      // No analysis held, no key computed: the worker that makes it computes its digest
      // (1.5 s of an analysis job of 100,000 articles, on this process alone).
      if (!entry) return false;
      const valid = entry.key === keyOf(decoded, evidence);
      if (valid) entry.checkedUnder = evidence;
      return valid;
    },
    store(decoded, evidence, analyzed, digest) {
      let key: string;
      if (digest === undefined) key = keyOf(decoded, evidence);
      else keys.set(decoded, { evidence, key: (key = `${hashes.get(decoded.file)!}\n${digest}`) });
      analyses.set(decoded.file, { key, outcome: { ok: true, value: analyzed }, checkedUnder: evidence });
      dirty.add(shardOf(decoded.file));
      stats.analyzed++;
    },
    analyze(decoded, evidence, run) {
      const key = keyOf(decoded, evidence);
      const cached = analyses.get(decoded.file);
      if (cached && cached.key === key) {
        cached.checkedUnder = evidence;
        stats.analyzeReused++;
        return unwrap(cached.outcome);
      }
      stats.analyzed++;
      const outcome = attempt(run);
      analyses.set(decoded.file, { key, outcome, checkedUnder: evidence });
      dirty.add(shardOf(decoded.file));
      return unwrap(outcome);
    },
    furnitureEvidence(decoded, run) {
      const last = lastEvidence;
      if (last && last.decoded.length === decoded.length && last.decoded.every((d, i) => d === decoded[i])) return last.evidence;
      const files = decoded.map((d) => d.file);
      const inputs = countedInputs(files, hashes);
      // Counted before from the same articles (by an analysis job, or the last build): that
      // count stands, when the memo holds every article's facts (a facts line cut short is
      // read again from its text by a count, and saved).
      // The first folder's count that stands is taken, and the folders after it are not read
      // (a summary job's eight analysis folders each hold the same count: 6 MB of JSON apiece).
      const found = files.every((file) => factsAt(file, hashes.get(file)!)) ? firstCounted(inputs) : undefined;
      const kept = found ? undefined : countStillStands(decoded, files);
      countedStems = (found ?? kept)?.stems;
      let evidence = found?.evidence ?? kept?.evidence ?? countEvidence(decoded, files, run);
      if (kept) stats.evidenceKept++;
      if (found || kept) {
        if (found) stats.evidenceReused++;
        // No words were looked up: the uses a save writes are those of a count.
        countedUses = undefined;
      }
      // Counted: a one-run memo keeps only the saved facts its save writes again (shards with a changed article).
      if (options.oneRun) {
        for (const file of savedFacts.keys()) if (!factsDirty.has(shardOf(file))) savedFacts.delete(file);
        savedWordUses = undefined;
        // What the count read from each text (its facts parsed, its text lowercased) is
        // garbage now: collected before the analyses are made on top of it. A count that
        // stood read no text: collecting then took a summary job of 100,000 articles 0.47 s
        // and freed 44 MB, a second before the collection once its analyses are read.
        if (!found && !kept) collectGarbageNow();
      }
      writeCounted(inputs, evidence, countedStems);
      const digest = evidenceDigest(evidence);
      // One article saved seldom changes what the archive says about its lines: the same
      // evidence object keeps every other article's key (a digest of its lines) valid, so
      // they are not computed again (0.8 s at 10,000 articles).
      if (last && last.digest === digest) evidence = last.evidence;
      else if (digest === savedEvidence) sameAsSaved = evidence;
      lastEvidence = { decoded: [...decoded], evidence, digest };
      return evidence;
    },
    analysesMade(letGo) {
      if (!options.oneRun) return false;
      decodes.clear();
      // Every article's facts are read by now: written, and let go.
      writeFacts();
      // So are the analyses: written, and handed to the archive-wide passes, which let go of
      // each part once read (at 100,000 articles the tag candidates alone are 300 MB, held
      // through the related-articles pass where a summary job's ingest process peaked).
      writeAnalyses();
      analyses.clear();
      savedFacts.clear();
      freshFacts.clear();
      countedUses = savedWordUses = wordUsesOnDisk = undefined;
      // The evidence and its digest stay (the save names them); another run would decode again.
      if (lastEvidence) lastEvidence.decoded = [];
      letGo?.();
      // Collected now, before the archive-wide passes allocate on top of them: left to the
      // collector's own timing, the texts were still held through the whole link phase when
      // the analysis ran faster, and a cold ingest of 100,000 articles peaked at 3.4 GB.
      collectGarbageNow();
      return true;
    },
    storySketches() {
      if (!sketches) {
        let bytes: Buffer | undefined;
        try {
          if (folder) bytes = readFileSync(path.join(folder, SKETCHES_FILE));
        } catch {
          // No file yet: every sketch is made.
        }
        // A file of other settings, or cut short, is only a cache miss.
        sketches = (bytes && decodeSketches(bytes)) || new Map();
        sketchesOnDisk = new Set(sketches.keys());
      }
      return sketches;
    },
    passResult<T>(pass: string, digestInputs: () => string, run: () => T): T {
      // The file holds the digest on its first line and the result after it: a result made
      // from other inputs is not parsed. One cut short does not parse, and is made again.
      const file = folder && path.join(folder, PASS_FILE(pass));
      // A memo for one run without a folder has no result to reuse nor any run to keep one
      // for: no digest, no JSON (a summary job of 100,000 articles held the entity pass's,
      // 27 MB, through the related-articles pass, where its ingest process peaks).
      if (options.oneRun && !file) return run();
      const inputs = digestInputs();
      let saved = passes.get(pass);
      if (file && !saved) {
        try {
          const text = readFileSync(file, "utf8");
          const newline = text.indexOf("\n");
          if (newline > 0) saved = { inputs: text.slice(0, newline), json: text.slice(newline + 1) };
        } catch {
          // None yet: the pass runs.
        }
      }
      if (saved?.inputs === inputs) {
        try {
          const result = JSON.parse(saved.json) as T;
          stats.passesReused++;
          if (!options.oneRun) passes.set(pass, saved);
          return result;
        } catch {
          // Cut short: made again below.
        }
      }
      const result = run();
      const json = JSON.stringify(result);
      // A memo kept between runs (the dev server's) keeps it in memory too.
      if (!options.oneRun) passes.set(pass, { inputs, json });
      if (file) {
        mkdirSync(folder!, { recursive: true });
        writeFileSync(`${file}.tmp`, `${inputs}\n${json}`);
        renameSync(`${file}.tmp`, file);
      }
      return result;
    },
    storySketchesUpdated(store) {
      if (options.oneRun) {
        // Written now (with a folder) and let go: the related-articles pass and the Markdown
        // come after, where the ingest process holds the most (150 MB at 100,000 articles).
        if (folder) writeSketches(store);
        sketches = undefined;
        sketchesOnDisk = new Set();
        // With the texts the story groups read (about 400 MB at 100,000 articles): collected
        // before the related-articles pass allocates its arrays on top of them.
        collectGarbageNow();
      } else {
        sketches = store;
      }
    },
    relatedState() {
      if (related === undefined && folder) {
        try {
          related = decodeRelatedState(readFileSync(path.join(folder, RELATED_FILE)));
        } catch {
          // None yet: the whole pass runs.
        }
      }
      return related;
    },
    relatedStateUpdated(state) {
      if (folder) {
        mkdirSync(folder, { recursive: true });
        const target = path.join(folder, RELATED_FILE);
        writeFileSync(`${target}.tmp`, encodeRelatedState(state));
        renameSync(`${target}.tmp`, target);
      }
      // A memo kept between runs (the dev server's) hands it to the next; a one-run memo lets it go.
      related = options.oneRun ? undefined : state;
    },
    relatedJobMade() {
      // Every article's words, let go by the pass (at 100,000 articles a summary job's
      // ingest process peaked in the scoring with them held: 1,336-1,349 MiB, 1,269-1,278
      // MiB collected first, at 0.4-0.5 s for the collection).
      if (options.oneRun) collectGarbageNow();
    },
    retainOnly(files) {
      if (!factsRead) readSavedFacts();
      for (const file of decodes.keys()) if (!files.has(file)) decodes.delete(file);
      for (const file of sources.keys()) if (!files.has(file)) sources.delete(file);
      for (const known of [savedFacts, freshFacts]) {
        for (const file of known.keys()) {
          if (!files.has(file)) {
            known.delete(file);
            factsDirty.add(shardOf(file));
          }
        }
      }
      for (const file of hashes.keys()) if (!files.has(file)) hashes.delete(file);
      for (const file of analyses.keys()) {
        if (!files.has(file)) {
          analyses.delete(file);
          dirty.add(shardOf(file));
        }
      }
    },
    async save() {
      if (!folder) return;
      // The dev server saves after every rebuild: its file is written again only once a
      // hundredth of the sketches are new (10 MB at 10,000 articles, for one saved article).
      if (sketches) {
        let added = 0;
        for (const digest of sketches.keys()) if (!sketchesOnDisk.has(digest)) added++;
        if (added > 0 && added >= sketches.size / 100) writeSketches(sketches);
      }
      writeFacts();
      writeAnalyses();
    },
  };
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}
