import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { TAG_STOPWORDS, tokenize, tokenizeBody } from "./entities.ts";
import { chunkCount, scoreClaimedChunks, scoreUnfinishedChunks, timeFactor as scaledTimeFactor, type RelatedScoringJob } from "./related-scoring.ts";
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

/** From this many articles a helper thread scores a share of them (below, the pass takes well under a second). */
export const MIN_ARTICLES_FOR_HELPER = 2000;
/** Articles per chunk a thread claims: small, so the chunk the calling thread scores again at the end (see related-scoring.ts) costs little. */
const CHUNK_SIZE = 64;

/**
 * For each article (same order as the input), the slugs of its related articles, best first.
 * `helper: false` scores every article in this thread (tests compare the two). `onJobMade`
 * is called once the inputs' terms are read (into the job's arrays) and no more, before
 * the scoring (while the helper thread starts on its share).
 */
export function findRelated(inputs: readonly RelatedInput[], options: { limit?: number; minSimilarity?: number; helper?: boolean; onJobMade?: () => void } = {}): string[][] {
  const n = inputs.length;
  const helper = options.helper !== false && n >= MIN_ARTICLES_FOR_HELPER ? relatedHelper() : undefined;
  const job = relatedScoringJob(inputs, options, helper !== undefined);
  helper?.postMessage(job);
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
  return inputs.map((_, i) => {
    const slugs: string[] = [];
    for (let k = i * job.limit; k < (i + 1) * job.limit && job.results[k] >= 0; k++) slugs.push(inputs[job.results[k]].slug);
    return slugs;
  });
}

/** How the last findRelated call's chunks were shared (tests). */
export const lastRun = { chunks: 0, scoredHere: 0 };

/**
 * The scoring job of these articles: their weighted vectors and the inverted index, in
 * typed arrays, in shared memory when `shared` (a helper thread reads them).
 */
export function relatedScoringJob(inputs: readonly RelatedInput[], options: { limit?: number; minSimilarity?: number } = {}, shared = false): RelatedScoringJob {
  const limit = Math.max(0, options.limit ?? RELATED_LIMIT);
  const minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
  const n = inputs.length;
  const int32 = (length: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length));
  const float64 = (length: number) => (shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length));

  // Feature ids in order of first use (an article's terms, then its names, then its tags,
  // article by article), and document frequencies.
  const termIds = new Map<string, number>();
  const nameIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const df: number[] = [];
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

  // How many features each article keeps (those another article shares, at most
  // TERMS_KEPT of them words), so the vectors are written straight into their arrays.
  const vectorStarts = int32(n + 1);
  for (let i = 0; i < n; i++) {
    let terms = 0;
    let others = 0;
    for (let f = featureStarts[i]; f < featureStarts[i + 1]; f++) {
      if (df[ids[f]] < 2) continue;
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
      const idf = Math.log(1 + n / df[id]);
      const weight = value === NAME_VALUE ? NAME_WEIGHT * idf : value === TAG_VALUE ? TAG_WEIGHT * idf : (1 + Math.log(value)) * idf;
      if (df[id] < 2) norm += weight * weight;
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
  return {
    n,
    limit,
    minSimilarity,
    featuresVisited: FEATURES_VISITED,
    candidatesRescored: CANDIDATES_RESCORED,
    otherSectionFactor: OTHER_SECTION_FACTOR,
    relativeFloor: RELATIVE_FLOOR,
    timeScaleDays: TIME_SCALE_DAYS,
    cap: maxPostings(n),
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
    control: int32(2),
    chunkDone: int32(chunks),
    chunkSize: CHUNK_SIZE,
  };
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

