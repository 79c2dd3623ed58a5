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
