import { TAG_STOPWORDS, tokenize, tokenizeBody } from "./entities.ts";

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
  const days = Math.abs(a - b);
  if (Number.isNaN(days)) return 0.75;
  return 0.5 + 0.5 * Math.exp(-days / TIME_SCALE_DAYS);
}

interface Vector {
  /** Feature ids, ascending, with their weights at the same index. */
  features: Int32Array;
  weights: Float64Array;
  norm: number;
  /** The same features strongest first (ties: lower id first), with their weights: the order the index is visited in. */
  strongest: Int32Array;
  strongestWeights: Float64Array;
}

/** For each article (same order as the input), the slugs of its related articles, best first. */
export function findRelated(inputs: readonly RelatedInput[], options: { limit?: number; minSimilarity?: number } = {}): string[][] {
  const limit = options.limit ?? RELATED_LIMIT;
  const minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
  const n = inputs.length;

  // Feature ids in order of first use (an article's terms, then its names, then its tags,
  // article by article), and document frequencies.
  const termIds = new Map<string, number>();
  const nameIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const df: number[] = [];
  // Per article, its feature ids and values side by side (no pair array per feature: an
  // archive of 10,000 articles has 1.5 million).
  const featureLists = inputs.map((a) => {
    const ids: number[] = [];
    const values: number[] = [];
    const add = (known: Map<string, number>, key: string, value: number) => {
      let id = known.get(key);
      if (id === undefined) {
        id = df.length;
        known.set(key, id);
        df.push(0);
      }
      df[id]++;
      ids.push(id);
      values.push(value);
    };
    // Terms are distinct words (contentWords); a name or tag listed twice counts once.
    for (let i = 0; i < a.terms.keys.length; i++) add(termIds, a.terms.keys[i], a.terms.counts[i]);
    for (const name of new Set(a.names)) add(nameIds, name, -NAME_WEIGHT);
    for (const tag of new Set(a.tags)) add(tagIds, tag, -TAG_WEIGHT);
    return { ids, values };
  });

  // Weighted vectors: (1 + ln tf) · idf for words, a fixed weight · idf for names and tags.
  const vectors: Vector[] = featureLists.map(({ ids, values }) => {
    const weighted: [id: number, weight: number, isTerm: boolean][] = [];
    // A feature of this article alone matches nothing, but still counts in its length: an
    // article sharing one common word among many of its own is not like the other.
    let ownNorm = 0;
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f];
      const value = values[f];
      const idf = Math.log(1 + n / df[id]);
      const weight = value < 0 ? -value * idf : (1 + Math.log(value)) * idf;
      if (df[id] < 2) ownNorm += weight * weight;
      else weighted.push([id, weight, value > 0]);
    }
    // Keep the strongest content terms only; names and tags always stay.
    weighted.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const kept: [number, number][] = [];
    let terms = 0;
    for (const [id, weight, isTerm] of weighted) {
      if (isTerm && terms++ >= TERMS_KEPT) continue;
      kept.push([id, weight]);
    }
    const strongest = new Int32Array(kept.length);
    const strongestWeights = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) [strongest[k], strongestWeights[k]] = kept[k];
    kept.sort((x, y) => x[0] - y[0]);
    const features = new Int32Array(kept.length);
    const weights = new Float64Array(kept.length);
    let norm = ownNorm;
    for (let k = 0; k < kept.length; k++) {
      [features[k], weights[k]] = kept[k];
      norm += weights[k] * weights[k];
    }
    return { features, weights, norm: Math.sqrt(norm), strongest, strongestWeights };
  });

  // Inverted index: feature → articles having it, with the feature's weight there, in two
  // flat arrays (offsets per feature), so the pass allocates nothing per posting.
  const starts = new Int32Array(df.length + 1);
  for (const v of vectors) for (const f of v.features) starts[f + 1]++;
  for (let f = 0; f < df.length; f++) starts[f + 1] += starts[f];
  const fill = starts.slice(0, df.length);
  const postingArticle = new Int32Array(starts[df.length]);
  const postingWeight = new Float64Array(starts[df.length]);
  vectors.forEach((v, article) => {
    for (let k = 0; k < v.features.length; k++) {
      const at = fill[v.features[k]]++;
      postingArticle[at] = article;
      postingWeight[at] = v.weights[k];
    }
  });
  const cap = maxPostings(n);
  const days = inputs.map((a) => dayNumber(a.date));
  // Sections as numbers (-1: none), compared for every candidate.
  const sectionIds = new Map<string, number>();
  const sections = Int32Array.from(inputs, (a) => {
    if (!a.section) return -1;
    let id = sectionIds.get(a.section);
    if (id === undefined) sectionIds.set(a.section, (id = sectionIds.size));
    return id;
  });
  // Vector lengths in one flat array, and their inverses: read for every candidate of every article.
  const norms = Float64Array.from(vectors, (v) => v.norm);
  const inverseNorms = norms.map((x) => 1 / x);
  // The article's weights by feature id, for exact dot products with its candidates (zero elsewhere).
  const dense = new Float64Array(df.length);

  // Partial dot products over the visited features, in a flat array reset after each
  // article, and the articles they were added for (a typed array: at 100,000 articles an
  // article has about 7,000 candidates, 700 million over the pass).
  const partial = new Float64Array(n);
  const touched = new Int32Array(n);
  return inputs.map((a, i) => {
    const v = vectors[i];
    if (v.features.length === 0 || limit <= 0) return [];
    // The strongest features, looked up in the index.
    let touchedCount = 0;
    let visited = 0;
    for (let k = 0; k < v.strongest.length; k++) {
      if (visited >= FEATURES_VISITED) break;
      const f = v.strongest[k];
      if (starts[f + 1] - starts[f] > cap) continue;
      visited++;
      const weight = v.strongestWeights[k];
      for (let p = starts[f], end = starts[f + 1]; p < end; p++) {
        const article = postingArticle[p];
        if (article === i) continue;
        const before = partial[article];
        if (before === 0) touched[touchedCount++] = article;
        partial[article] = before + weight * postingWeight[p];
      }
    }
    // Rank by the partial score, then score the best candidates exactly.
    const score = (j: number, dot: number) => {
      const section = sections[i] >= 0 && sections[j] >= 0 && sections[i] !== sections[j] ? OTHER_SECTION_FACTOR : 1;
      return (dot / (v.norm * norms[j])) * section * timeFactor(days[i], days[j]);
    };
    const byScore = (x: { j: number; score: number }, y: { j: number; score: number }) => y.score - x.score || (inputs[x.j].slug < inputs[y.j].slug ? -1 : 1);
    // The best CANDIDATES_RESCORED by partial score, kept sorted by insertion (no sort of all candidates).
    const candidates: { j: number; score: number }[] = [];
    // Once the list is full: its worst score times this article's length, lowered by a
    // hair for rounding. A candidate whose dot product over its own length is below it
    // cannot enter (a multiplication, where the test below divides; that test decides
    // every candidate this one lets through).
    let bar = -Infinity;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t];
      const dot = partial[j];
      partial[j] = 0;
      if (dot * inverseNorms[j] < bar) continue;
      // The section and time factors are at most 1: a candidate whose cosine alone is below
      // the worst of a full list cannot enter it (most candidates share one weak word).
      if (candidates.length === CANDIDATES_RESCORED && dot / (v.norm * norms[j]) < candidates[candidates.length - 1].score) continue;
      const approx = score(j, dot);
      // Most candidates share one weak word: compare the number before making an object.
      if (candidates.length === CANDIDATES_RESCORED && approx < candidates[candidates.length - 1].score) continue;
      if (a.sameStory?.includes(inputs[j].slug)) continue;
      const candidate = { j, score: approx };
      if (candidates.length === CANDIDATES_RESCORED && byScore(candidate, candidates[candidates.length - 1]) >= 0) continue;
      let at = candidates.length;
      while (at > 0 && byScore(candidate, candidates[at - 1]) < 0) at--;
      candidates.splice(at, 0, candidate);
      if (candidates.length > CANDIDATES_RESCORED) candidates.pop();
      if (candidates.length === CANDIDATES_RESCORED) bar = candidates[CANDIDATES_RESCORED - 1].score * v.norm * (1 - 1e-9);
    }
    for (let k = 0; k < v.features.length; k++) dense[v.features[k]] = v.weights[k];
    const scored = candidates
      .map(({ j }) => ({ j, score: score(j, denseDot(dense, vectors[j])) }))
      .filter((c) => c.score >= minSimilarity)
      .sort(byScore);
    for (let k = 0; k < v.features.length; k++) dense[v.features[k]] = 0;
    const best = scored[0]?.score ?? 0;
    return scored
      .filter((c) => c.score >= RELATIVE_FLOOR * best)
      .slice(0, limit)
      .map((c) => inputs[c.j].slug);
  });
}

/**
 * Dot product of an article's weights spread by feature id (`dense`) and a sparse vector,
 * summed in ascending feature id like a merge of the two sorted lists would.
 */
function denseDot(dense: Float64Array, b: Vector): number {
  let sum = 0;
  for (let k = 0; k < b.features.length; k++) sum += dense[b.features[k]] * b.weights[k];
  return sum;
}
