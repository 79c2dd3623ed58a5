import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { TAG_STOPWORDS, tokenize, tokenizeBody } from "./entities.ts";
import { chunkCount, pairScore, scoreClaimedChunks, scoreUnfinishedChunks, timeFactor as scaledTimeFactor, type RelatedScoringJob } from "./related-scoring.ts";
import { startTypeScriptWorker } from "../util/ts-worker.ts";

/**
 * Related articles, chosen once at ingest's archive-wide pass and stored as slugs in
 * front matter, so rendering only looks them up.
 *
 * Each article is a sparse vector of what it is about: its content words and phrases
 * (from the tag candidates: how often it uses each), its people, organizations, places and
 * events, and its tags, each weighted by how rare it is in the archive (idf). Two articles
 * are related by the cosine of their vectors, a little less across sections and far apart
 * in time. An article shows at most RELATED_LIMIT, and none below MIN_SIMILARITY: fewer,
 * or none, rather than unrelated ones.
 *
 * Comparing every pair would be O(n²). Instead an inverted index maps each feature to the
 * articles that have it, and an article only visits the postings of its own strongest
 * features (FEATURES_VISITED), skipping features so common (maxPostings) that they say
 * little and would make the pass quadratic, adding up partial dot products: O(n · k · p).
 * Only the best CANDIDATES_RESCORED candidates by that partial score are then scored on
 * all their features.
 */

export interface RelatedInput {
  slug: string;
  date?: string;
  section?: string;
  /** Names as "kind:name" keys (people, organizations, places, events). */
  names: readonly string[];
  tags: readonly string[];
  /** Content words and phrases with how often the article uses them, each once (contentWords). */
  terms: ContentWords;
  /** Slugs of the same story told elsewhere: shown apart, so never among its related articles. */
  sameStory?: readonly string[];
}

export const RELATED_LIMIT = 5;
/** Below this cosine similarity two articles share too little to call them related. */
export const MIN_SIMILARITY = 0.1;
/** A related article must score at least this share of the best one. */
export const RELATIVE_FLOOR = 0.5;
/** Weights of a name and a tag relative to a content word of the same rarity. */
export const NAME_WEIGHT = 2;
export const TAG_WEIGHT = 1.5;
/** A name's and a tag's value among the features (a word's is its count, from 1). */
const NAME_VALUE = -1;
const TAG_VALUE = -2;
/** How many of an article's content terms go into its vector (the strongest). */
export const TERMS_KEPT = 60;
/** How many of an article's strongest features it looks up in the index. */
export const FEATURES_VISITED = 30;
/** How many of the best candidates by the partial score are scored on every feature. */
export const CANDIDATES_RESCORED = 25;
/** A feature on more articles than this is not looked up (it still counts in the score). */
export function maxPostings(articleCount: number): number {
  return Math.max(200, Math.ceil(articleCount * 0.02));
}
/** Across sections a match counts this much. */
export const OTHER_SECTION_FACTOR = 0.7;
/** Days over which nearness in time fades to half its weight. */
export const TIME_SCALE_DAYS = 180;

const DAY_MS = 86_400_000;

/** Most content words kept per article (the most used), so a long article's vector stays small. */
export const CONTENT_WORDS_KEPT = 150;

/**
 * An article's content words, most used first, with how often it uses each at the same
 * index: two arrays, not an object per word (kept for every article of the archive until
 * related articles are found, and by the ingest cache between builds).
 */
export interface ContentWords {
  keys: string[];
  counts: number[];
}

/**
 * The words an article is about, for matching: lowercase words of three letters or more
 * that are not stopwords, with how often it uses them; headline words (in any case, since
 * wire headlines are in capitals) count double. Unlike tags, units and roles count here:
 * "dividend", "cts" and "shr" are what makes two earnings notices alike.
 */
export function contentWords(input: { title: string; paragraphs: readonly string[] }): ContentWords {
  const counts = new Map<string, number>();
  const add = (word: string, by: number) => counts.set(word, (counts.get(word) ?? 0) + by);
  const usable = (w: string) => w.length >= 3 && /^[\p{Ll}][\p{Ll}\p{M}'’-]*$/u.test(w) && !TAG_STOPWORDS.has(w);
  for (const t of tokenize(input.title.slice(0, 2_000))) if (t.word && usable(t.lower)) add(t.lower, 2);
  for (const tokens of tokenizeBody(input.paragraphs as string[]).paragraphs) {
    for (const t of tokens) if (t.word && !t.cap && usable(t.lower)) add(t.lower, 1);
  }
  const kept = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, CONTENT_WORDS_KEPT);
  return { keys: kept.map(([key]) => key), counts: kept.map(([, count]) => count) };
}

/** Day number of an ISO date of any precision (a month or year counts from its first day); undated: NaN. */
export function dayNumber(date: string | undefined): number {
  if (!date) return Number.NaN;
  const [y, m = "01", d = "01"] = date.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
}

/** 1 for the same day, fading towards 0.5 over the years; 0.75 when either date is unknown. */
export function timeFactor(a: number, b: number): number {
  return scaledTimeFactor(a, b, TIME_SCALE_DAYS);
}

/**
 * Document frequencies up to this are used as they are; above it, to within 5% (the
 * bottom of their step of a geometric scale). Weights then move only when a word's count
 * crosses a step, not whenever an article using it is edited or added, so an edit changes
 * the vectors of few articles besides its own (updateRelated) and a full pass is seldom
 * needed. The idf moves by at most ln 1.05 (0.05, on idfs of 4 to 11 at 100,000 articles).
 */
export const EXACT_FREQUENCY_LIMIT = 32;
const FREQUENCY_STEP = 1.05;
/** Archives up to this size count exactly; above it to within 1%, for the same reason. */
export const EXACT_SIZE_LIMIT = 1000;
const SIZE_STEP = 1.01;

/** `count` as the vectors use it: itself up to `exactLimit`, else the bottom of its step of the scale (never above `count`). */
function stepped(count: number, exactLimit: number, step: number): number {
  if (count <= exactLimit) return count;
  const k = Math.floor(Math.log(count) / Math.log(step));
  // Rounding in the logarithm must never make the step's bottom exceed the count.
  return Math.min(count, Math.pow(step, k));
}

/** The archive size the weights and the index's cap are made with (see EXACT_SIZE_LIMIT). */
export function archiveSize(n: number): number {
  return stepped(n, EXACT_SIZE_LIMIT, SIZE_STEP);
}

/** How rare a feature on `df` articles of an archive of (stepped) size `N` is. */
export function inverseDocumentFrequency(df: number, N: number): number {
  return Math.log(1 + N / stepped(df, EXACT_FREQUENCY_LIMIT, FREQUENCY_STEP));
}

/** Two 32-bit hashes of a string (FNV-1a, and a multiply-add of another seed). */
export function keyHashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 0x5bd1e995) + c) | 0;
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/**
 * Features in an order their keys alone decide (by hash, equal hashes by key), so that one
 * article's edit moves no other feature: `newId[provisional]`, and each new id's hashes and key.
 */
export function orderFeatures(keys: readonly string[]): { newId: Int32Array; hashA: Int32Array; hashB: Int32Array; keys: string[] } {
  const count = keys.length;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  for (let id = 0; id < count; id++) [a[id], b[id]] = keyHashes(keys[id]);
  const byKey = (x: number, y: number) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0);
  let order: number[] | Int32Array;
  const INDEX_BITS = 2 ** 21;
  if (count < INDEX_BITS) {
    // One numeric sort of hash and number packed in a double (exact below 2^53).
    const packed = new Float64Array(count);
    for (let id = 0; id < count; id++) packed[id] = a[id] * INDEX_BITS + id;
    packed.sort();
    order = new Int32Array(count);
    for (let k = 0; k < count; k++) order[k] = packed[k] % INDEX_BITS;
    // Equal hashes (rare): by key.
    for (let start = 0; start < count; ) {
      let end = start + 1;
      while (end < count && a[order[end]] === a[order[start]]) end++;
      if (end - start > 1) {
        const run = Array.from(order.subarray(start, end)).sort(byKey);
        order.set(run, start);
      }
      start = end;
    }
  } else {
    order = Array.from({ length: count }, (_, id) => id).sort((x, y) => a[x] - a[y] || byKey(x, y));
  }
  const newId = new Int32Array(count);
  const hashA = new Int32Array(count);
  const hashB = new Int32Array(count);
  const sortedKeys = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const id = order[k];
    newId[id] = k;
    hashA[k] = a[id];
    hashB[k] = b[id];
    sortedKeys[k] = keys[id];
  }
  return { newId, hashA, hashB, keys: sortedKeys };
}

/** From this many articles a helper thread scores a share of them (below, the pass takes well under a second). */
export const MIN_ARTICLES_FOR_HELPER = 2000;
/** Articles per chunk a thread claims: small, so the chunk the calling thread scores again at the end (see related-scoring.ts) costs little. */
const CHUNK_SIZE = 64;

/**
 * What a pass leaves for the next one to start from (kept in the ingest cache between
 * builds): every article's signature (a hash of all the pass reads of it), its candidates
 * and their threshold, its results, and the posting lengths of the features whose lookup
 * an edit could turn on or off. Article numbers are places in `slugs`.
 */
export interface RelatedState {
  /** The settings the pass ran with: a state made with others is not used. */
  format: string;
  n: number;
  cap: number;
  slugs: string[];
  /** SIGNATURE_WORDS 32-bit hashes per article. */
  signatures: Int32Array;
  candidates: Int32Array;
  thresholds: Float64Array;
  results: Int32Array;
  /** Posting lengths of the features on cap - UPDATE_WINDOW + 1 .. cap + UPDATE_WINDOW articles, by kind and key. */
  window: Map<string, number>;
}

/**
 * An update scores again only what can change while fewer than this many articles were
 * added, deleted, or have another set of features (each moves a feature's posting length
 * by at most one, so only the features within this many of the cap, whose lengths the
 * state keeps, can have crossed it); above, the whole pass runs.
 */
export const UPDATE_WINDOW = 500;
const STATE_FORMAT = 2;

function stateFormat(job: RelatedScoringJob): string {
  const { limit, minSimilarity, featuresVisited, candidatesRescored, otherSectionFactor, relativeFloor, timeScaleDays } = job;
  return JSON.stringify({ STATE_FORMAT, limit, minSimilarity, featuresVisited, candidatesRescored, otherSectionFactor, relativeFloor, timeScaleDays, TERMS_KEPT, NAME_WEIGHT, TAG_WEIGHT, EXACT_FREQUENCY_LIMIT, FREQUENCY_STEP, EXACT_SIZE_LIMIT, SIZE_STEP });
}

/**
 * For each article (same order as the input), the slugs of its related articles, best first.
 * `helper: false` scores every article in this thread (tests compare the two). `onJobMade`
 * is called once the inputs' terms are read (into the job's arrays) and no more, before
 * the scoring (while the helper thread starts on its share).
 *
 * With `previous` (the state an earlier pass gave `onState`), only the articles whose lists
 * can differ from that pass's are scored (updateRelated); the lists are the same as a whole
 * pass's, to the byte.
 */
export function findRelated(
  inputs: readonly RelatedInput[],
  options: { limit?: number; minSimilarity?: number; helper?: boolean; onJobMade?: () => void; previous?: RelatedState; onState?: (state: RelatedState) => void } = {},
): string[][] {
  const n = inputs.length;
  const helper = options.helper !== false && n >= MIN_ARTICLES_FOR_HELPER ? relatedHelper() : undefined;
  const { job, features } = makeJob(inputs, options, helper !== undefined);
  const signatures = options.previous || options.onState ? articleSignatures(inputs, job, features) : undefined;
  const update = options.previous && signatures ? updateRelated(inputs, job, features, signatures, options.previous) : undefined;
  if (update) {
    job.only = helper ? new Int32Array(new SharedArrayBuffer(4 * update.length)) : new Int32Array(update.length);
    job.only.set(update);
  }
  const scoring = job.only ? job.only.length : n;
  const share = helper && scoring >= MIN_ARTICLES_FOR_HELPER;
  if (share) helper.postMessage(job);
  options.onJobMade?.();
  lastRun.scoredHere = scoreClaimedChunks(job);
  // The helper's unfinished chunks (at most the one it is on, or all if it has not started).
  scoreUnfinishedChunks(job);
  if (helper) {
    // An idle thread seldom collects its garbage: this one would keep the job's shared
    // arrays (about 250 MB at 100,000 articles) alive through the rest of ingest. It
    // stops; the next archive-wide pass (the dev server's next save) starts another.
    void helper.terminate();
    if (helperThread === helper) helperThread = undefined;
  }
  lastRun.chunks = chunkCount(job);
  lastRun.scored = scoring;
  lastRun.updated = update !== undefined;
  if (options.onState && signatures) {
    options.onState({
      format: stateFormat(job),
      n,
      cap: job.cap,
      slugs: inputs.map((a) => a.slug),
      signatures,
      candidates: job.candidates,
      thresholds: job.thresholds,
      results: job.results,
      window: postingWindow(job, features),
    });
  }
  return inputs.map((_, i) => {
    const slugs: string[] = [];
    for (let k = i * job.limit; k < (i + 1) * job.limit && job.results[k] >= 0; k++) slugs.push(inputs[job.results[k]].slug);
    return slugs;
  });
}

/** Mixes a 32-bit number into a running hash (murmur3's step; `lane` picks one of two sets of constants). */
function mix(h: number, k: number, lane: 0 | 1): number {
  k = Math.imul(k, lane ? 0x1b873593 : 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, lane ? 0xcc9e2d51 : 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + (lane ? 0x6b64e654 : 0xe6546b64)) | 0;
}

/** 32-bit words of an article's signature: two hashes of all the pass reads of it, and two of its vector's features alone. */
export const SIGNATURE_WORDS = 4;

/**
 * Per article, two 32-bit hashes of everything the pass reads of it: its vector (features
 * by key, weights to the bit), its length, date, section and same-story slugs. Equal
 * signatures, equal inputs to the pass (but for a hash collision, one in 2^64).
 */
function articleSignatures(inputs: readonly RelatedInput[], job: RelatedScoringJob, features: JobFeatures): Int32Array {
  const out = new Int32Array(SIGNATURE_WORDS * job.n);
  const bits = new Float64Array(1);
  const halves = new Int32Array(bits.buffer);
  for (let i = 0; i < job.n; i++) {
    // The set of features alone (what the index's posting lengths count), then everything.
    let setA = 0x1f83d9ab;
    let setB = 0x5be0cd19;
    for (let k = job.vectorStarts[i]; k < job.vectorStarts[i + 1]; k++) {
      const f = job.vectorFeatures[k];
      setA = mix(setA, features.hashA[f], 0);
      setB = mix(setB, features.hashB[f], 1);
    }
    let a = setA;
    let b = setB;
    for (let k = job.vectorStarts[i]; k < job.vectorStarts[i + 1]; k++) {
      bits[0] = job.vectorWeights[k];
      a = mix(mix(a, halves[0], 0), halves[1], 0);
      b = mix(mix(b, halves[1], 1), halves[0], 1);
    }
    for (const value of [job.norms[i], job.days[i]]) {
      bits[0] = value;
      a = mix(mix(a, halves[0], 0), halves[1], 0);
      b = mix(mix(b, halves[1], 1), halves[0], 1);
    }
    const { section, sameStory } = inputs[i];
    const words = [section ?? "", ...[...new Set(sameStory ?? [])].sort()];
    for (const word of words) {
      const [x, y] = keyHashes(word);
      a = mix(a, x | 0, 0);
      b = mix(b, y | 0, 1);
    }
    out[SIGNATURE_WORDS * i] = a;
    out[SIGNATURE_WORDS * i + 1] = b;
    out[SIGNATURE_WORDS * i + 2] = setA;
    out[SIGNATURE_WORDS * i + 3] = setB;
  }
  return out;
}

/** Posting lengths of the features near the cap (see RelatedState.window). */
function postingWindow(job: RelatedScoringJob, features: JobFeatures): Map<string, number> {
  const window = new Map<string, number>();
  for (let f = 0; f < job.featureCount; f++) {
    const length = job.postingStarts[f + 1] - job.postingStarts[f];
    if (length > job.cap - UPDATE_WINDOW && length <= job.cap + UPDATE_WINDOW) window.set(features.keys[f], length);
  }
  return window;
}

/**
 * The articles whose lists can differ from those of the pass that left `previous`, in
 * ascending order; the others' results, candidates and thresholds are copied into the job
 * from `previous`. Undefined when the whole pass must run: another archive size step (every
 * weight moves) or other settings, too many changes, or slugs repeated.
 *
 * An unchanged article's list is what it was unless: an article among its candidates
 * changed or is gone; a feature it looks up crossed the cap (looked up now, or no longer);
 * or a changed or new article reaches it through the features it looks up with a score
 * that could enter its candidates (not below the worst of a full list). Nothing else it
 * reads moved: its own vector, its candidates' vectors, their scores.
 */
function updateRelated(inputs: readonly RelatedInput[], job: RelatedScoringJob, features: JobFeatures, signatures: Int32Array, previous: RelatedState): number[] | undefined {
  const { n, cap, postingStarts, postingArticle, vectorStarts, vectorFeatures, vectorWeights } = job;
  const R = job.candidatesRescored;
  const W = SIGNATURE_WORDS;
  if (previous.format !== stateFormat(job) || previous.cap !== cap || archiveSize(previous.n) !== archiveSize(n)) return undefined;
  const oldIndex = new Map<string, number>();
  previous.slugs.forEach((slug, o) => oldIndex.set(slug, o));
  if (oldIndex.size !== previous.n) return undefined;
  const newToOld = new Int32Array(n).fill(-1);
  const oldToNew = new Int32Array(previous.n).fill(-1);
  const changed = new Uint8Array(n);
  const oldGone = new Uint8Array(previous.n);
  let changedCount = 0;
  // Articles added, deleted, or whose vector has other features: each moves a posting length by one.
  let moved = 0;
  for (let i = 0; i < n; i++) {
    const o = oldIndex.get(inputs[i].slug);
    if (o === undefined) {
      changed[i] = 1;
      changedCount++;
      moved++;
      continue;
    }
    if (oldToNew[o] !== -1) return undefined;
    newToOld[i] = o;
    oldToNew[o] = i;
    if (signatures[W * i] !== previous.signatures[W * o] || signatures[W * i + 1] !== previous.signatures[W * o + 1]) {
      changed[i] = 1;
      oldGone[o] = 1;
      changedCount++;
      if (signatures[W * i + 2] !== previous.signatures[W * o + 2] || signatures[W * i + 3] !== previous.signatures[W * o + 3]) moved++;
    }
  }
  for (let o = 0; o < previous.n; o++) {
    if (oldToNew[o] === -1) {
      oldGone[o] = 1;
      moved++;
    }
  }
  // Past these, the whole pass is as quick (and the window would not bound the lengths' moves).
  if (moved >= UPDATE_WINDOW || changedCount > n / 4) return undefined;

  const affected = Uint8Array.from(changed);
  // Lists that held a changed or deleted article.
  for (let i = 0; i < n; i++) {
    if (affected[i]) continue;
    const o = newToOld[i];
    for (let c = o * R; c < (o + 1) * R; c++) {
      const was = previous.candidates[c];
      if (was < 0) break;
      if (oldGone[was]) {
        affected[i] = 1;
        break;
      }
    }
  }
  // Features whose lookup turned on or off (crossed the cap): every article having them.
  const postingLength = (f: number) => postingStarts[f + 1] - postingStarts[f];
  for (let f = 0; f < job.featureCount; f++) {
    const length = postingLength(f);
    if (length <= cap - UPDATE_WINDOW || length > cap + UPDATE_WINDOW) continue;
    const before = previous.window.get(features.keys[f]);
    if (before === undefined || before <= cap === length <= cap) continue;
    for (let p = postingStarts[f]; p < postingStarts[f + 1]; p++) affected[postingArticle[p]] = 1;
  }
  // The features each article not yet affected looks up, with its weights: an index of
  // who looks up what (feature → articles), to add up each changed article's partial
  // scores for them as scoreArticle would (up to rounding, allowed for below).
  const visitStarts = new Int32Array(job.featureCount + 1);
  const eachVisit = (visit: (i: number, s: number) => void) => {
    for (let i = 0; i < n; i++) {
      if (affected[i]) continue;
      let visited = 0;
      for (let s = vectorStarts[i]; s < vectorStarts[i + 1] && visited < job.featuresVisited; s++) {
        if (postingLength(job.strongest[s]) > cap) continue;
        visited++;
        visit(i, s);
      }
    }
  };
  eachVisit((_, s) => visitStarts[job.strongest[s] + 1]++);
  for (let f = 0; f < job.featureCount; f++) visitStarts[f + 1] += visitStarts[f];
  const fill = visitStarts.slice(0, job.featureCount);
  const visitArticle = new Int32Array(visitStarts[job.featureCount]);
  const visitWeight = new Float64Array(visitStarts[job.featureCount]);
  eachVisit((i, s) => {
    const at = fill[job.strongest[s]]++;
    visitArticle[at] = i;
    visitWeight[at] = job.strongestWeights[s];
  });
  // Changed and new articles reaching an unchanged one through the features it looks up,
  // with a score that could enter its candidates (not below the worst of a full list).
  const partial = new Float64Array(n);
  const touched: number[] = [];
  for (let j = 0; j < n; j++) {
    if (!changed[j]) continue;
    for (let k = vectorStarts[j]; k < vectorStarts[j + 1]; k++) {
      const f = vectorFeatures[k];
      const weight = vectorWeights[k];
      for (let v = visitStarts[f]; v < visitStarts[f + 1]; v++) {
        const i = visitArticle[v];
        if (partial[i] === 0) touched.push(i);
        partial[i] += visitWeight[v] * weight;
      }
    }
    for (const i of touched) {
      const dot = partial[i];
      partial[i] = 0;
      if (affected[i] || i === j) continue;
      let sameStory = false;
      for (let s = job.sameStoryStarts[i]; s < job.sameStoryStarts[i + 1]; s++) if (job.sameStory[s] === j) sameStory = true;
      if (sameStory) continue;
      const threshold = previous.thresholds[newToOld[i]];
      // A hair below the worst, so that rounding and ties (broken by slug) count as entering.
      if (!(pairScore(job, i, j, dot) < threshold - Math.abs(threshold) * 1e-9)) affected[i] = 1;
    }
    touched.length = 0;
  }

  const rescore: number[] = [];
  const limit = job.limit;
  for (let i = 0; i < n; i++) {
    if (affected[i]) {
      rescore.push(i);
      continue;
    }
    const o = newToOld[i];
    for (let c = 0; c < R; c++) {
      const was = previous.candidates[o * R + c];
      job.candidates[i * R + c] = was < 0 ? -1 : oldToNew[was];
    }
    job.thresholds[i] = previous.thresholds[o];
    for (let c = 0; c < limit; c++) {
      const was = previous.results[o * limit + c];
      job.results[i * limit + c] = was < 0 ? -1 : oldToNew[was];
    }
  }
  return rescore;
}

/** How the last findRelated call's chunks were shared (tests). */
export const lastRun = { chunks: 0, scoredHere: 0, scored: 0, updated: false };

/**
 * The scoring job of these articles: their weighted vectors and the inverted index, in
 * typed arrays, in shared memory when `shared` (a helper thread reads them).
 */
export function relatedScoringJob(inputs: readonly RelatedInput[], options: { limit?: number; minSimilarity?: number } = {}, shared = false): RelatedScoringJob {
  return makeJob(inputs, options, shared).job;
}

/** The features of a job, by id: their hashes and keys (kind letter, then key). */
interface JobFeatures {
  hashA: Int32Array;
  hashB: Int32Array;
  keys: string[];
}

function makeJob(inputs: readonly RelatedInput[], options: { limit?: number; minSimilarity?: number }, shared: boolean): { job: RelatedScoringJob; features: JobFeatures } {
  const limit = Math.max(0, options.limit ?? RELATED_LIMIT);
  const minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
  const n = inputs.length;
  const int32 = (length: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length));
  const float64 = (length: number) => (shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length));

  // Features numbered in order of first use (an article's terms, then its names, then its
  // tags, article by article), with document frequencies; numbered again below in an order
  // that does not depend on the articles' (see orderFeatures).
  const termIds = new Map<string, number>();
  const nameIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const df: number[] = [];
  /** Each feature's kind ("t" word, "n" name, "g" tag) and key, by its number. */
  const featureKeys: string[] = [];
  // Every article's feature ids and values side by side in two flat typed arrays (article
  // i's at featureStarts[i] ..): no object per feature (an archive of 10,000 articles has
  // 1.5 million), and no list of boxed numbers (at 100,000 articles they were hundreds of
  // megabytes at the ingest process's peak). A value is a word's count, or NAME_VALUE or
  // TAG_VALUE: whole numbers (44 MB less than as doubles at 100,000 articles, held beside
  // the job's arrays as they are made).
  let capacity = 0;
  for (const a of inputs) capacity += a.terms.keys.length + a.names.length + a.tags.length;
  const ids = new Int32Array(capacity);
  const values = new Int32Array(capacity);
  let used = 0;
  const featureStarts = new Int32Array(n + 1);
  const add = (known: Map<string, number>, key: string, value: number) => {
    let id = known.get(key);
    if (id === undefined) {
      id = df.length;
      known.set(key, id);
      df.push(0);
      featureKeys.push((known === termIds ? "t" : known === nameIds ? "n" : "g") + key);
    }
    df[id]++;
    ids[used] = id;
    values[used++] = value;
  };
  inputs.forEach((a, i) => {
    // Terms are distinct words (contentWords); a name or tag listed twice counts once.
    const { keys, counts } = a.terms;
    for (let k = 0; k < keys.length; k++) add(termIds, keys[k], counts[k]);
    for (const name of new Set(a.names)) add(nameIds, name, NAME_VALUE);
    for (const tag of new Set(a.tags)) add(tagIds, tag, TAG_VALUE);
    featureStarts[i + 1] = used;
  });
  termIds.clear();
  nameIds.clear();
  tagIds.clear();
  // Renumbered by key hash: an edit to one article moves no other feature in the order
  // (first use would: an early article's words are numbered first), so ties and sums over
  // features come out the same for the articles an edit does not touch (updateRelated).
  const features = orderFeatures(featureKeys);
  const { newId } = features;
  for (let k = 0; k < used; k++) ids[k] = newId[ids[k]];
  const dfById = new Int32Array(df.length);
  df.forEach((count, id) => (dfById[newId[id]] = count));
  const N = archiveSize(n);
  const idfById = new Float64Array(df.length);
  dfById.forEach((count, id) => (idfById[id] = inverseDocumentFrequency(count, N)));

  // How many features each article keeps (those another article shares, at most
  // TERMS_KEPT of them words), so the vectors are written straight into their arrays.
  const vectorStarts = int32(n + 1);
  for (let i = 0; i < n; i++) {
    let terms = 0;
    let others = 0;
    for (let f = featureStarts[i]; f < featureStarts[i + 1]; f++) {
      if (dfById[ids[f]] < 2) continue;
      if (values[f] > 0) terms++;
      else others++;
    }
    vectorStarts[i + 1] = vectorStarts[i] + Math.min(terms, TERMS_KEPT) + others;
  }
  const total = vectorStarts[n];
  const vectorFeatures = int32(total);
  const vectorWeights = float64(total);
  const strongest = int32(total);
  const strongestWeights = float64(total);

  // Weighted vectors: (1 + ln tf) · idf for words, a fixed weight · idf for names and tags.
  // Each article's kept features strongest first (ties: lower id first), the order the
  // index is visited in, and by ascending id.
  const norms = float64(n);
  // One article's features that other articles share: ids, weights, whether a word; and their order.
  const sharedIds: number[] = [];
  const sharedWeights: number[] = [];
  const sharedIsTerm: boolean[] = [];
  const order: number[] = [];
  const strongestFirst = (x: number, y: number) => sharedWeights[y] - sharedWeights[x] || sharedIds[x] - sharedIds[y];
  const byId = (x: number, y: number) => sharedIds[x] - sharedIds[y];
  for (let i = 0; i < n; i++) {
    sharedIds.length = sharedWeights.length = sharedIsTerm.length = order.length = 0;
    // A feature of this article alone matches nothing, but still counts in its length: an
    // article sharing one common word among many of its own is not like the other.
    let norm = 0;
    for (let f = featureStarts[i]; f < featureStarts[i + 1]; f++) {
      const id = ids[f];
      const value = values[f];
      const idf = idfById[id];
      const weight = value === NAME_VALUE ? NAME_WEIGHT * idf : value === TAG_VALUE ? TAG_WEIGHT * idf : (1 + Math.log(value)) * idf;
      if (dfById[id] < 2) norm += weight * weight;
      else {
        order.push(sharedIds.length);
        sharedIds.push(id);
        sharedWeights.push(weight);
        sharedIsTerm.push(value > 0);
      }
    }
    // Keep the strongest content terms only; names and tags always stay.
    order.sort(strongestFirst);
    let terms = 0;
    let kept = 0;
    let at = vectorStarts[i];
    for (const k of order) {
      if (sharedIsTerm[k] && terms++ >= TERMS_KEPT) continue;
      order[kept++] = k;
      strongest[at] = sharedIds[k];
      strongestWeights[at++] = sharedWeights[k];
    }
    order.length = kept;
    order.sort(byId);
    at = vectorStarts[i];
    for (const k of order) {
      vectorFeatures[at] = sharedIds[k];
      vectorWeights[at++] = sharedWeights[k];
      norm += sharedWeights[k] * sharedWeights[k];
    }
    norms[i] = Math.sqrt(norm);
  }

  // Inverted index: feature → articles having it, with the feature's weight there, in two
  // flat arrays (offsets per feature), so the pass allocates nothing per posting.
  const postingStarts = int32(df.length + 1);
  for (let k = 0; k < total; k++) postingStarts[vectorFeatures[k] + 1]++;
  for (let f = 0; f < df.length; f++) postingStarts[f + 1] += postingStarts[f];
  const fill = postingStarts.slice(0, df.length);
  const postingArticle = int32(total);
  const postingWeight = float64(total);
  for (let article = 0; article < n; article++) {
    for (let k = vectorStarts[article]; k < vectorStarts[article + 1]; k++) {
      const at = fill[vectorFeatures[k]]++;
      postingArticle[at] = article;
      postingWeight[at] = vectorWeights[k];
    }
  }
  const days = float64(n);
  inputs.forEach((a, i) => (days[i] = dayNumber(a.date)));
  // Sections as numbers (-1: none), compared for every candidate.
  const sectionIds = new Map<string, number>();
  const sections = int32(n);
  inputs.forEach((a, i) => {
    if (!a.section) return (sections[i] = -1);
    let id = sectionIds.get(a.section);
    if (id === undefined) sectionIds.set(a.section, (id = sectionIds.size));
    sections[i] = id;
  });
  // The vector lengths' inverses: read for every candidate of every article.
  const inverseNorms = float64(n);
  norms.forEach((norm, i) => (inverseNorms[i] = 1 / norm));
  // Ties between equal scores go to the lower slug: each article's place in slug order (equal slugs, equal places).
  const slugRank = int32(n);
  const bySlug = inputs.map((_, i) => i).sort((x, y) => (inputs[x].slug < inputs[y].slug ? -1 : inputs[x].slug > inputs[y].slug ? 1 : 0));
  bySlug.forEach((article, k) => (slugRank[article] = k > 0 && inputs[bySlug[k - 1]].slug === inputs[article].slug ? slugRank[bySlug[k - 1]] : k));
  // The same story told elsewhere, as article numbers (every article of a listed slug).
  const articlesOfSlug = new Map<string, number[]>();
  inputs.forEach((a, i) => {
    const list = articlesOfSlug.get(a.slug);
    if (list) list.push(i);
    else articlesOfSlug.set(a.slug, [i]);
  });
  const sameStoryLists = inputs.map((a) => [...new Set(a.sameStory ?? [])].flatMap((slug) => articlesOfSlug.get(slug) ?? []));
  const sameStoryStarts = int32(n + 1);
  sameStoryLists.forEach((list, i) => (sameStoryStarts[i + 1] = sameStoryStarts[i] + list.length));
  const sameStory = int32(sameStoryStarts[n]);
  sameStoryLists.forEach((list, i) => sameStory.set(list, sameStoryStarts[i]));

  const chunks = Math.ceil(n / CHUNK_SIZE);
  const job: RelatedScoringJob = {
    n,
    limit,
    minSimilarity,
    featuresVisited: FEATURES_VISITED,
    candidatesRescored: CANDIDATES_RESCORED,
    otherSectionFactor: OTHER_SECTION_FACTOR,
    relativeFloor: RELATIVE_FLOOR,
    timeScaleDays: TIME_SCALE_DAYS,
    cap: maxPostings(N),
    featureCount: df.length,
    vectorStarts,
    vectorFeatures,
    vectorWeights,
    strongest,
    strongestWeights,
    norms,
    inverseNorms,
    postingStarts,
    postingArticle,
    postingWeight,
    days,
    sections,
    slugRank,
    sameStoryStarts,
    sameStory,
    results: int32(n * limit),
    candidates: int32(n * CANDIDATES_RESCORED),
    thresholds: float64(n),
    control: int32(2),
    chunkDone: int32(chunks),
    chunkSize: CHUNK_SIZE,
  };
  return { job, features: { hashA: features.hashA, hashB: features.hashB, keys: features.keys } };
}

/** The helper thread (started on first need and stopped after each pass; none on a single core or where it cannot start). */
let helperThread: Worker | null | undefined;
/** Resolves true once the helper has loaded, false if it failed or none could start. */
let helperReady: Promise<boolean> = Promise.resolve(false);

/** Whether a helper thread has started and loaded (tests wait for it). */
export function relatedHelperReady(): Promise<boolean> {
  relatedHelper();
  return helperReady;
}

/**
 * The helper thread, started if it is not yet: ingest calls this as it begins, so that the
 * thread has loaded by the time the archive-wide passes run. It never keeps the process alive.
 */
export function relatedHelper(): Worker | undefined {
  if (helperThread !== undefined) return helperThread ?? undefined;
  helperThread = null;
  if (availableParallelism() < 2) return undefined;
  try {
    const started = startTypeScriptWorker(new URL("./related-worker.ts", import.meta.url));
    started.unref();
    helperReady = new Promise((resolve) => {
      started.once("message", () => resolve(true));
      // A helper that fails is not used again; the calling thread scores everything.
      started.once("error", () => {
        if (helperThread === started) helperThread = null;
        resolve(false);
      });
    });
    helperThread = started;
  } catch {
    helperThread = null;
  }
  return helperThread ?? undefined;
}

