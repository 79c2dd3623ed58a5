/**
 * The costly half of finding related articles (src/ingest/related.ts): for each article,
 * its candidates from the inverted index and their scores. Everything it reads is in
 * typed arrays, so a worker thread (src/ingest/related-worker.ts) can score a share of the
 * articles over the same memory: the pass is O(n · k · p) and took 54 s of a warm ingest
 * at 100,000 articles on one core. No imports, so the worker loads nothing else.
 *
 * Articles are scored in chunks that each thread claims from a shared counter; an
 * article's related list depends only on the shared arrays, so whichever thread scores it
 * writes the same numbers, and a chunk scored twice at once is harmless as long as no
 * thread ever writes a value that is not final (no clearing first).
 */

/** What the scoring pass reads, all in typed arrays (shared between threads when `SharedArrayBuffer`-backed). */
export interface RelatedScoringJob {
  /** Articles. */
  n: number;
  limit: number;
  minSimilarity: number;
  featuresVisited: number;
  candidatesRescored: number;
  otherSectionFactor: number;
  relativeFloor: number;
  timeScaleDays: number;
  /** A feature on more articles than this is not looked up. */
  cap: number;
  /** Feature ids in use: 0 .. featureCount - 1. */
  featureCount: number;
  /** Article i's features (ascending id) and weights: vectorFeatures/vectorWeights[vectorStarts[i] .. vectorStarts[i + 1]]. */
  vectorStarts: Int32Array;
  vectorFeatures: Int32Array;
  vectorWeights: Float64Array;
  /** The same features strongest first (ties: lower id first), at the same offsets. */
  strongest: Int32Array;
  strongestWeights: Float64Array;
  norms: Float64Array;
  inverseNorms: Float64Array;
  /** Inverted index: feature f's articles and weights at postingStarts[f] .. postingStarts[f + 1]. */
  postingStarts: Int32Array;
  postingArticle: Int32Array;
  postingWeight: Float64Array;
  /** Day numbers (NaN: undated). */
  days: Float64Array;
  /** Section ids (-1: none). */
  sections: Int32Array;
  /** Each article's place in slug order (ties between equal scores go to the lower). */
  slugRank: Int32Array;
  /** Articles never related to article i (the same story told elsewhere): sameStory[sameStoryStarts[i] .. sameStoryStarts[i + 1]]. */
  sameStoryStarts: Int32Array;
  sameStory: Int32Array;
  /** Out: article i's related articles, best first, at results[i * limit ..], -1 after the last. */
  results: Int32Array;
  /**
   * Out: article i's best candidates by the partial score (at most candidatesRescored, best
   * first, -1 after the last) at candidates[i * candidatesRescored ..], and the worst one's
   * score when there are that many (else -Infinity): what a later pass needs to tell whether
   * a changed article could enter the list (src/ingest/related.ts, updateRelated).
   */
  candidates: Int32Array;
  thresholds: Float64Array;
  /** When set, only these articles are scored (chunks cover this list); the others' results are left as they are. */
  only?: Int32Array;
  /** [next chunk to claim, chunks finished]; chunk c covers articles c * chunkSize .. */
  control: Int32Array;
  /** Per chunk: 1 once its results are written. */
  chunkDone: Int32Array;
  chunkSize: number;
}

const NEXT_CHUNK = 0;
const CHUNKS_DONE = 1;

export function chunkCount(job: Pick<RelatedScoringJob, "n" | "chunkSize" | "only">): number {
  return Math.ceil((job.only ? job.only.length : job.n) / job.chunkSize);
}

/** Claims and scores chunks until none is left to claim; returns how many this thread scored. */
export function scoreClaimedChunks(job: RelatedScoringJob): number {
  const chunks = chunkCount(job);
  const scratch = newScratch(job);
  let scored = 0;
  for (;;) {
    const chunk = Atomics.add(job.control, NEXT_CHUNK, 1);
    if (chunk >= chunks) return scored;
    scoreChunk(job, chunk, scratch);
    scored++;
  }
}

/**
 * Scores, in this thread, every chunk no thread has finished yet (a chunk another thread is
 * still scoring is scored here too: the same numbers are written). Once it returns, every
 * result is final.
 */
export function scoreUnfinishedChunks(job: RelatedScoringJob): void {
  const chunks = chunkCount(job);
  let scratch: Scratch | undefined;
  for (let chunk = 0; chunk < chunks; chunk++) {
    if (Atomics.load(job.chunkDone, chunk) === 1) continue;
    scoreChunk(job, chunk, (scratch ??= newScratch(job)));
  }
}

interface Scratch {
  partial: Float64Array;
  touched: Int32Array;
  dense: Float64Array;
}

function newScratch(job: RelatedScoringJob): Scratch {
  return { partial: new Float64Array(job.n), touched: new Int32Array(job.n), dense: new Float64Array(job.featureCount) };
}

function scoreChunk(job: RelatedScoringJob, chunk: number, scratch: Scratch): void {
  const { only } = job;
  const end = Math.min(only ? only.length : job.n, (chunk + 1) * job.chunkSize);
  for (let k = chunk * job.chunkSize; k < end; k++) scoreArticle(job, only ? only[k] : k, scratch);
  // Release: the results above are visible to a thread that reads this flag as 1.
  if (Atomics.exchange(job.chunkDone, chunk, 1) === 0) Atomics.add(job.control, CHUNKS_DONE, 1);
}

/** 1 for the same day, fading towards 0.5 over the years; 0.75 when either date is unknown. */
export function timeFactor(a: number, b: number, timeScaleDays: number): number {
  const days = Math.abs(a - b);
  if (Number.isNaN(days)) return 0.75;
  return 0.5 + 0.5 * Math.exp(-days / timeScaleDays);
}

/** Article i's score for j, from their dot product: the cosine, lowered across sections and over time. */
export function pairScore(job: RelatedScoringJob, i: number, j: number, dot: number): number {
  const { sections, days } = job;
  const section = sections[i] >= 0 && sections[j] >= 0 && sections[i] !== sections[j] ? job.otherSectionFactor : 1;
  return (dot / (job.norms[i] * job.norms[j])) * section * timeFactor(days[i], days[j], job.timeScaleDays);
}

interface Candidate {
  j: number;
  score: number;
}

/**
 * Article i's related articles into job.results: the strongest FEATURES_VISITED of its
 * features looked up in the index (skipping those on more than `cap` articles), partial
 * dot products added up per candidate, the best CANDIDATES_RESCORED by that partial score
 * scored on every feature, and those above the floors kept, best first.
 */
function scoreArticle(job: RelatedScoringJob, i: number, scratch: Scratch): void {
  const { limit, results, norms, inverseNorms, sections, days, slugRank, postingStarts, postingArticle, postingWeight, vectorStarts, vectorFeatures, vectorWeights } = job;
  const { partial, touched, dense } = scratch;
  // Only final values are ever written (the list, then -1 after it): another thread may be
  // scoring the same article at the same moment, and its writes must not undo these.
  const out = i * limit;
  const vStart = vectorStarts[i];
  const vEnd = vectorStarts[i + 1];
  if (vEnd === vStart || limit <= 0) {
    results.fill(-1, out, out + limit);
    job.candidates.fill(-1, i * job.candidatesRescored, (i + 1) * job.candidatesRescored);
    job.thresholds[i] = -Infinity;
    return;
  }
  const norm = norms[i];
  // The strongest features, looked up in the index.
  let touchedCount = 0;
  let visited = 0;
  for (let k = vStart; k < vEnd; k++) {
    if (visited >= job.featuresVisited) break;
    const f = job.strongest[k];
    if (postingStarts[f + 1] - postingStarts[f] > job.cap) continue;
    visited++;
    const weight = job.strongestWeights[k];
    for (let p = postingStarts[f], pEnd = postingStarts[f + 1]; p < pEnd; p++) {
      const article = postingArticle[p];
      if (article === i) continue;
      const before = partial[article];
      if (before === 0) touched[touchedCount++] = article;
      partial[article] = before + weight * postingWeight[p];
    }
  }
  // Rank by the partial score, then score the best candidates exactly.
  const score = (j: number, dot: number) => pairScore(job, i, j, dot);
  const byScore = (x: Candidate, y: Candidate) => y.score - x.score || (slugRank[x.j] < slugRank[y.j] ? -1 : 1);
  const sameStoryStart = job.sameStoryStarts[i];
  const sameStoryEnd = job.sameStoryStarts[i + 1];
  const isSameStory = (j: number) => {
    for (let s = sameStoryStart; s < sameStoryEnd; s++) if (job.sameStory[s] === j) return true;
    return false;
  };
  const rescored = job.candidatesRescored;
  // The best CANDIDATES_RESCORED by partial score, kept sorted by insertion (no sort of all candidates).
  const candidates: Candidate[] = [];
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
    if (candidates.length === rescored && dot / (norm * norms[j]) < candidates[candidates.length - 1].score) continue;
    const approx = score(j, dot);
    // Most candidates share one weak word: compare the number before making an object.
    if (candidates.length === rescored && approx < candidates[candidates.length - 1].score) continue;
    if (isSameStory(j)) continue;
    const candidate = { j, score: approx };
    if (candidates.length === rescored && byScore(candidate, candidates[candidates.length - 1]) >= 0) continue;
    let at = candidates.length;
    while (at > 0 && byScore(candidate, candidates[at - 1]) < 0) at--;
    candidates.splice(at, 0, candidate);
    if (candidates.length > rescored) candidates.pop();
    if (candidates.length === rescored) bar = candidates[rescored - 1].score * norm * (1 - 1e-9);
  }
  const kept = i * rescored;
  for (let c = 0; c < rescored; c++) job.candidates[kept + c] = c < candidates.length ? candidates[c].j : -1;
  job.thresholds[i] = candidates.length === rescored ? candidates[rescored - 1].score : -Infinity;
  for (let k = vStart; k < vEnd; k++) dense[vectorFeatures[k]] = vectorWeights[k];
  const scored = candidates
    .map(({ j }) => {
      // The dot product of this article's weights (spread by feature id) and j's sparse
      // vector, summed in ascending feature id like a merge of the two sorted lists would.
      let dot = 0;
      for (let k = vectorStarts[j], kEnd = vectorStarts[j + 1]; k < kEnd; k++) dot += dense[vectorFeatures[k]] * vectorWeights[k];
      return { j, score: score(j, dot) };
    })
    .filter((c) => c.score >= job.minSimilarity)
    .sort(byScore);
  for (let k = vStart; k < vEnd; k++) dense[vectorFeatures[k]] = 0;
  const best = scored[0]?.score ?? 0;
  let written = 0;
  for (const c of scored) {
    if (written >= limit || c.score < job.relativeFloor * best) break;
    results[out + written++] = c.j;
  }
  results.fill(-1, out + written, out + limit);
}
