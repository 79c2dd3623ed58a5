import type { RemovedKind } from "../ingest/types.ts";

/**
 * Thresholds for `npm run check`, apart from the logic that applies them.
 */

/**
 * Fewer words than this in the body (after the headline) is not an article: a
 * headline alone, a link, a line of notes. Real wire briefs are short too (Reuters
 * dividend notices run 12–20 words), so the bar is low on purpose.
 */
export const MIN_ARTICLE_WORDS = 10;

/**
 * Near-duplicates: MinHash over 5-word shingles, 12 bands of 4 rows. A pair with
 * Jaccard similarity 0.85 shares a band with probability 1 − (1 − 0.85⁴)¹² ≈ 0.9999;
 * a pair at 0.3 only with ≈ 0.09, and candidates are verified exactly anyway.
 */
export const NEAR_DUPLICATE = {
  shingleWords: 5,
  bands: 12,
  rowsPerBand: 4,
  threshold: 0.85,
  minWords: 20,
};

/** How a warning names each kind of line ingest drops from the body. */
export const REMOVED_KIND_NAMES: Partial<Record<RemovedKind, string>> = {
  "video-caption": "a video caption",
  "up-next": "an \"Up next\" teaser",
  banner: "a site banner above the headline",
  "share-widget": "a share button or counter",
  advertisement: "an advertisement label or an empty ad slot",
  "author-bio": "an author bio",
  "contributor-credit": "a contributor credit",
  recurring: "text that recurs across many articles (site boilerplate)",
  "agency-signoff": "a news agency sign-off",
  "story-highlights": "a story's highlights above it",
  "repeated-headline": "the headline printed again as the first line",
  copyright: "a copyright line under the story",
};

/** Below this many articles per extra thread, starting a worker costs more than it saves. */
export const PARALLEL_MIN_ARTICLES = 1000;

/**
 * In a parallel check, the main thread's share of the per-article work relative to a
 * worker's: it also runs the duplicate pass, which costs about a quarter as much as
 * the per-article checks on the research corpus.
 */
export const MAIN_THREAD_SHARE = 0.6;
