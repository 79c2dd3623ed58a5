import type { Paragraph, RemovedItem, RemovedKind } from "./types.ts";
import {
  AGENCY_SIGNOFF,
  BIO_ROLES,
  BLOCK_CHARS,
  CONTRIBUTOR_CREDIT,
  DATED_AGENCY_CREDIT,
  FURNITURE_WORDS,
  MAX_CREDIT_LENGTH,
  MAX_PHOTO_CREDIT_LENGTH,
  MAX_RECURRING_LENGTH,
  PHOTO_CREDIT,
  SHARE_CALL_TO_ACTION,
  SHARE_WIDGETS,
  UP_NEXT,
  VIDEO_CLOSE_PREFIX,
} from "./furniture-patterns.ts";

/**
 * Step 4 of ingest: drop page furniture (video captions, "Up Next" teasers, share
 * widgets, author bios, contributor credits, wire sign-offs, site boilerplate) that a
 * scraper left between the paragraphs. Every drop is reported as a RemovedItem so a
 * reviewer can see it. When a rule is unsure, the paragraph stays.
 */

/**
 * Archive-wide evidence of boilerplate: short lines that recur in many different
 * articles. Plain data, so the pipeline can hash it for its cache.
 */
export interface FurnitureEvidence {
  /** How many articles the evidence was collected from. */
  articleCount: number;
  /** How many distinct articles a line had to appear in to count as recurring. */
  minArticles: number;
  /** Normalized recurring lines (see normalizeFurnitureLine), sorted. */
  recurring: string[];
}

/**
 * A line must recur in at least 0.5% of the archive's articles, and never fewer than
 * 3 (two stories can share a sentence by chance; three sites' worth of copies is a
 * template). The share is capped at 25 articles so one outlet's boilerplate still
 * counts in a large archive where that outlet is a small minority: on the research
 * corpus, Politico's "Story continued below" recurs in 370 articles, whereas the most
 * repeated short real sentence that is not a table line recurs in 58, and those are
 * kept by the furniture-word gate in removeFurniture, not by this threshold.
 */
const RECURRING_MIN_ARTICLES = 3;
const RECURRING_MAX_THRESHOLD = 25;
const RECURRING_SHARE = 0.005;

/** Lowercase, digit runs collapsed to "0", whitespace collapsed: "16.8k SHARES" ≈ "2k shares". */
export function normalizeFurnitureLine(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "0").replace(/\s+/g, " ").trim();
}

export function collectFurnitureEvidence(docs: Paragraph[][]): FurnitureEvidence {
  const articleCount = docs.length;
  const minArticles = Math.max(
    RECURRING_MIN_ARTICLES,
    Math.min(RECURRING_MAX_THRESHOLD, Math.ceil(articleCount * RECURRING_SHARE)),
  );
  const counts = new Map<string, number>();
  const seenInDoc = new Set<string>();
  for (const paras of docs) {
    seenInDoc.clear();
    for (const para of paras) {
      // Long lines are never removed as recurring, so they need not be counted.
      if (para.text.length > MAX_RECURRING_LENGTH) continue;
      const key = normalizeFurnitureLine(para.text);
      if (key === "" || seenInDoc.has(key)) continue;
      seenInDoc.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const recurring: string[] = [];
  for (const [line, count] of counts) if (count >= minArticles) recurring.push(line);
  recurring.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { articleCount, minArticles, recurring };
}

/** An empty evidence object, for a single file ingested on its own. */
export const NO_FURNITURE_EVIDENCE: FurnitureEvidence = { articleCount: 0, minArticles: 0, recurring: [] };

const BIO = new RegExp(
  `^(?!(?:He|She|They|It|This|That|There|Here|I|We|You)\\b)` +
    `[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3} is an? (?:[\\w-]+ ){0,3}(?:${BIO_ROLES.join("|")})s?\\b`,
);
/** Bios are a sentence or three, never a long paragraph. */
const MAX_BIO_LENGTH = 400;
/** A teaser title above a video description is short and has no closing period. */
const MAX_TEASER_TITLE_LENGTH = 120;

function endsLikeSentence(text: string): boolean {
  return /[.!?…"”’)\]:]$/.test(text);
}

function isVideoCaption(text: string): boolean {
  return VIDEO_CLOSE_PREFIX.test(text) || BLOCK_CHARS.test(text) || DATED_AGENCY_CREDIT.test(text);
}

function isPhotoCredit(text: string): boolean {
  return text.length <= MAX_PHOTO_CREDIT_LENGTH && PHOTO_CREDIT.some((re) => re.test(text));
}

function isShareWidget(text: string): boolean {
  if (SHARE_WIDGETS.some((re) => re.test(text))) return true;
  return text.length <= MAX_CREDIT_LENGTH && SHARE_CALL_TO_ACTION.test(text);
}

function isContributorCredit(text: string): boolean {
  return text.length <= MAX_CREDIT_LENGTH && CONTRIBUTOR_CREDIT.test(text);
}

function isRecurringFurniture(text: string, recurring: Set<string>): boolean {
  if (text.length > MAX_RECURRING_LENGTH) return false;
  if (!recurring.has(normalizeFurnitureLine(text))) return false;
  // Recurrence alone also catches table lines ("Shr 0 cts vs 0 cts") and stock
  // sentences ("Terms were not disclosed."): only lines that talk like a web page go.
  const lower = text.toLowerCase();
  return FURNITURE_WORDS.some((word) => lower.includes(word));
}

/**
 * Marks an "Up Next" video teaser: the label, the (often truncated, often repeated)
 * description on either side, and the video's own title line just above it, unless
 * that line is the first of the file (then it is the article's headline).
 */
function markUpNextBlock(paras: Paragraph[], labelIndex: number, marks: (RemovedKind | undefined)[]): void {
  marks[labelIndex] = "up-next";
  const before = paras[labelIndex - 1];
  const after = paras[labelIndex + 1];
  let firstMarked = labelIndex;
  const repeated = before !== undefined && after !== undefined && before.text === after.text;
  if (before && !marks[labelIndex - 1] && (repeated || !endsLikeSentence(before.text))) {
    marks[labelIndex - 1] = "up-next";
    firstMarked = labelIndex - 1;
  }
  if (after && !marks[labelIndex + 1] && (repeated || !endsLikeSentence(after.text))) {
    marks[labelIndex + 1] = "up-next";
  }
  const description = firstMarked < labelIndex ? paras[firstMarked].text : after?.text;
  if (description !== undefined) {
    // The same teaser printed again elsewhere on the page.
    paras.forEach((p, i) => {
      if (!marks[i] && p.text === description && i !== labelIndex + 1) marks[i] = "up-next";
    });
  }
  const titleIndex = firstMarked - 1;
  const title = paras[titleIndex];
  if (
    firstMarked < labelIndex &&
    titleIndex > 0 &&
    title &&
    !marks[titleIndex] &&
    title.text.length <= MAX_TEASER_TITLE_LENGTH &&
    !/[.!?]$/.test(title.text)
  ) {
    marks[titleIndex] = "up-next";
  }
}

export function removeFurniture(
  paras: Paragraph[],
  evidence: FurnitureEvidence,
): { kept: Paragraph[]; removed: RemovedItem[] } {
  const recurring = new Set(evidence.recurring);
  const marks: (RemovedKind | undefined)[] = new Array(paras.length).fill(undefined);

  paras.forEach((p, i) => {
    if (UP_NEXT.test(p.text)) markUpNextBlock(paras, i, marks);
  });

  paras.forEach((p, i) => {
    if (marks[i]) return;
    const text = p.text;
    if (isVideoCaption(text) || isPhotoCredit(text)) marks[i] = "video-caption";
    else if (isShareWidget(text)) marks[i] = "share-widget";
    else if (isContributorCredit(text)) marks[i] = "contributor-credit";
    else if (isRecurringFurniture(text, recurring)) marks[i] = "recurring";
  });

  // Sign-offs and bios only count at the end of the story, below any other furniture.
  for (let i = paras.length - 1; i > 0; i--) {
    if (marks[i]) continue;
    const text = paras[i].text;
    if (AGENCY_SIGNOFF.test(text)) marks[i] = "agency-signoff";
    else if (text.length <= MAX_BIO_LENGTH && BIO.test(text)) marks[i] = "author-bio";
    else break;
  }

  const kept: Paragraph[] = [];
  const removed: RemovedItem[] = [];
  paras.forEach((p, i) => {
    const kind = marks[i];
    if (kind) removed.push({ kind, text: p.text, line: p.line });
    else kept.push(p);
  });
  return { kept, removed };
}

const recurringSets = new WeakMap<FurnitureEvidence, Set<string>>();

/**
 * All the archive-wide evidence says about one article: which of its short lines recur
 * elsewhere, as one comparable string. The article's furniture removal depends on the
 * evidence only through this, so a cached analysis stays valid while it is unchanged.
 */
export function recurringLinesOf(paragraphs: readonly Paragraph[], evidence: FurnitureEvidence): string {
  let recurring = recurringSets.get(evidence);
  if (!recurring) {
    recurring = new Set(evidence.recurring);
    recurringSets.set(evidence, recurring);
  }
  const found: string[] = [];
  for (const p of paragraphs) {
    if (p.text.length > MAX_RECURRING_LENGTH) continue;
    const key = normalizeFurnitureLine(p.text);
    if (recurring.has(key)) found.push(key);
  }
  return found.join("\n");
}
