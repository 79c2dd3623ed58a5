import type { Paragraph, RemovedItem, RemovedKind } from "./types.ts";
import { contentStems, isHeadlineLike, parseDateline, sharesWords } from "./structure.ts";
import {
  AGENCY_SIGNOFF,
  AUTHOR_NOTES,
  BIO_ROLES,
  BLOCK_CHARS,
  CAPTION_CREDITS,
  COMMENT_LINE,
  CONSENT_BUTTON,
  COOKIE_NOTICE,
  LIST_LABEL,
  MAX_COOKIE_LENGTH,
  MAX_LINK_LINE_LENGTH,
  MAX_LIST_LABEL_LENGTH,
  MAX_SHARE_BAR_WORDS,
  MAX_SIGNUP_LENGTH,
  SHARE_BAR_WORDS,
  SHARE_COUNTER,
  SIGNUP_CALL,
  SIGNUP_OBJECT,
  TEASER_LABEL_LINE,
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
  /**
   * Normalized short lines that open (are among the first lines of) at least
   * MIN_OPENER_ARTICLES articles: a site's banner or name, or a wire's standing headline.
   */
  openers: string[];
  /**
   * Openers that stand above a headline-like line in at least MIN_OPENER_ARTICLES
   * articles: a site's banner, whatever words it shares with a story. (A wire's standing
   * headline stands above its dateline.)
   */
  bannerOpeners: string[];
  /** Normalized words that start the first line of several articles ("site navigation"). */
  prefixes: string[];
  /** Normalized site names that end the first line of several articles ("| the daily post"). */
  suffixes: string[];
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

/**
 * Openers, prefixes and suffixes count per article whatever the archive's size: a site's
 * banner opens each of that site's articles, however few of the archive they are. What
 * keeps a wire's standing headline ("FED ADDS RESERVES") is not the count but the test
 * in markBanners: a headline is about its body.
 */
const MIN_OPENER_ARTICLES = 3;
/** How far down the top of an article a banner can sit (site name, slogan, navigation). */
const OPENER_DEPTH = 3;
const MAX_OPENER_LENGTH = 160;
/**
 * A banner is a name, a slogan or a navigation line: short. A longer recurring top line
 * is a templated story's lead ("The city council met … item 5 of its agenda …").
 */
const MAX_BANNER_LENGTH = 100;
/** Lines under a top line count as different when their starts differ. */
const FOLLOWER_PREFIX = 60;
/**
 * Navigation glued to the headline is a few words: "Site Navigation", "Skip to content".
 * One word alone ("After …", "Teenager …") is too often a headline's own start.
 */
const MIN_PREFIX_WORDS = 2;
const MAX_PREFIX_WORDS = 3;
/** The headline left after a prefix or suffix is cut has at least this many words. */
const MIN_HEADLINE_WORDS_LEFT = 3;
/** " | Site Name", " – Site Name": the separators sites put between a headline and their name. */
const SITE_SUFFIX = /^(.*\S)\s*(\||–|—|::|•|·|\s-)\s+([^|–—:•·]{2,60})$/;

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
  return {
    articleCount,
    minArticles,
    recurring: sorted(recurring),
    ...collectTopEvidence(docs),
  };
}

/** A line that can be the headline under a banner: headline-like, short, not a table row. */
function standsAsHeadline(text: string): boolean {
  return text.length <= MAX_OPENER_LENGTH && !isTableRow(text) && isHeadlineLike(text);
}

/** A dated or agency-tagged dateline starts the story ("LONDON, March 2 - The Bank said…"). */
function isStoryLead(text: string): boolean {
  const dateline = parseDateline(text);
  return dateline !== undefined && (dateline.date !== undefined || dateline.agency !== undefined);
}

/** The starts of the lines under line `i`, as one key. */
function followersOf(paras: Paragraph[], i: number): string {
  let key = "";
  for (let k = i + 1; k < paras.length && k <= i + OPENER_DEPTH; k++) key += `${paras[k].text.slice(0, FOLLOWER_PREFIX)}\n`;
  return key;
}

function addFollower(map: Map<string, Set<string>>, key: string, follower: string): void {
  let followers = map.get(key);
  if (!followers) map.set(key, (followers = new Set()));
  if (followers.size < MIN_OPENER_ARTICLES) followers.add(follower);
}

function distinctlyFollowed(map: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const [key, followers] of map) if (followers.size >= MIN_OPENER_ARTICLES) out.push(key);
  return sorted(out);
}

/** Whether `word` occurs in `text` as a whole word (both lowercase). */
function hasWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = at + 1;
  }
}

function sorted(list: string[]): string[] {
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function countOnce(counts: Map<string, number>, keys: Iterable<string>): void {
  for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
}

function frequent(counts: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [key, count] of counts) if (count >= MIN_OPENER_ARTICLES) out.push(key);
  return sorted(out);
}

/**
 * The first words of a line that could be navigation glued to it, as normalized keys
 * (index k holds the first k + MIN_PREFIX_WORDS words).
 */
function prefixKeys(text: string): string[] {
  const words = text.split(" ");
  const keys: string[] = [];
  for (let n = MIN_PREFIX_WORDS; n <= MAX_PREFIX_WORDS && words.length - n >= MIN_HEADLINE_WORDS_LEFT; n++) {
    keys.push(normalizeFurnitureLine(words.slice(0, n).join(" ")));
  }
  return keys;
}

/** The site name after a separator at the end of a line, normalized with its separator. */
function suffixKey(text: string): { key: string; rest: string; suffix: string } | undefined {
  const match = SITE_SUFFIX.exec(text);
  if (!match) return undefined;
  const [, rest, separator, name] = match;
  if (rest.split(" ").length < MIN_HEADLINE_WORDS_LEFT) return undefined;
  // A site's name is a name: "The Daily Post", not "- analysts" or "- April 7".
  if (!/^\p{Lu}/u.test(name) || /\d/.test(name)) return undefined;
  return { key: normalizeFurnitureLine(`${separator.trim()} ${name}`), rest, suffix: `${separator.trim()} ${name}` };
}

function collectTopEvidence(docs: Paragraph[][]): Pick<FurnitureEvidence, "openers" | "bannerOpeners" | "prefixes" | "suffixes"> {
  const openers = new Map<string, Set<string>>();
  const bannerOpeners = new Map<string, Set<string>>();
  const prefixes = new Map<string, number>();
  const prefixFollowers = new Map<string, Set<string>>();
  const prefixInBody = new Set<string>();
  const suffixes = new Map<string, number>();
  for (const paras of docs) {
    const top = paras.slice(0, OPENER_DEPTH).filter((p) => p.text.length <= MAX_OPENER_LENGTH);
    // A banner stands above different lines in different articles; an article saved
    // twice has the same lines under its headline each time.
    for (let i = 0; i + 1 < paras.length && i < OPENER_DEPTH; i++) {
      if (paras[i].text.length > MAX_BANNER_LENGTH) continue;
      addFollower(openers, normalizeFurnitureLine(paras[i].text), followersOf(paras, i));
    }
    countOnce(suffixes, top.flatMap((p) => suffixKey(p.text)?.key ?? []));
    const found: string[] = [];
    top.forEach((p, lineIndex) => {
      const words = p.text.split(" ");
      if (words.length <= MIN_HEADLINE_WORDS_LEFT || isAllCapitals(p.text)) return;
      // Navigation is not part of the story: a line whose first word the article uses
      // starts with the story's subject ("Donald Trump …").
      const firstWord = words[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
      const body = paras
        .slice(paras.indexOf(p, lineIndex) + 1)
        .map((q) => q.text)
        .join(" ")
        .toLowerCase();
      const keys = prefixKeys(p.text);
      if (firstWord === "" || hasWord(body, firstWord)) {
        keys.forEach((key, k) => {
          if (body.includes(words.slice(0, k + MIN_PREFIX_WORDS).join(" ").toLowerCase())) prefixInBody.add(key);
        });
        return;
      }
      keys.forEach((key, k) => {
        const n = k + MIN_PREFIX_WORDS - 1;
        // A prefix the article uses, or one glued to a lowercase word ("Man Utd stroll to
        // Cup win"), is a headline's own start, here and in every other article.
        if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(words[n + 1]) || body.includes(words.slice(0, n + 1).join(" ").toLowerCase())) {
          prefixInBody.add(key);
          return;
        }
        found.push(key);
        let followers = prefixFollowers.get(key);
        if (!followers) prefixFollowers.set(key, (followers = new Set()));
        if (followers.size < MIN_OPENER_ARTICLES) followers.add(words[n + 1].toLowerCase());
      });
    });
    countOnce(prefixes, found);
  }
  // Second pass, only over the lines that open many articles: which stand above a
  // headline, and which are a story's dated lead rather than a banner.
  const openerKeys = new Set(distinctlyFollowed(openers));
  const leads = new Set<string>();
  for (const paras of docs) {
    for (let i = 0; i + 1 < paras.length && i < OPENER_DEPTH; i++) {
      if (paras[i].text.length > MAX_BANNER_LENGTH) continue;
      const key = normalizeFurnitureLine(paras[i].text);
      if (!openerKeys.has(key)) continue;
      if (isStoryLead(paras[i].text)) leads.add(key);
      if (i + 2 < paras.length && standsAsHeadline(paras[i + 1].text)) addFollower(bannerOpeners, key, followersOf(paras, i));
    }
  }
  // Navigation is glued to many different headlines.
  const prefixList = frequent(prefixes).filter((key) => !prefixInBody.has(key) && (prefixFollowers.get(key)?.size ?? 0) >= MIN_OPENER_ARTICLES);
  return {
    openers: [...openerKeys].filter((key) => !leads.has(key)),
    bannerOpeners: distinctlyFollowed(bannerOpeners).filter((key) => !leads.has(key)),
    prefixes: prefixList,
    suffixes: frequent(suffixes),
  };
}

/** An empty evidence object, for a single file ingested on its own. */
export const NO_FURNITURE_EVIDENCE: FurnitureEvidence = {
  articleCount: 0,
  minArticles: 0,
  recurring: [],
  openers: [],
  bannerOpeners: [],
  prefixes: [],
  suffixes: [],
};

const BIO = new RegExp(
  `^(?!(?:He|She|They|It|This|That|There|Here|I|We|You)\\b)` +
    `[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3} is an? (?:[\\w-]+ ){0,3}(?:${BIO_ROLES.join("|")})s?\\b`,
);
/** Bios are a sentence or three, never a long paragraph. */
const MAX_BIO_LENGTH = 400;
/** A teaser title above a video description is short and has no closing period. */
const MAX_TEASER_TITLE_LENGTH = 120;
/** Above this share of digits a line is a table row. */
const TABLE_ROW_DIGIT_SHARE = 0.12;
/** A recurring label or button: a few words, hardly any digits. */
const MAX_LABEL_WORDS = 8;
const MAX_LABEL_DIGIT_SHARE = 0.1;
/** A link in a list is a headline of a few words at least. */
const MIN_LINK_WORDS = 3;
const MAX_LINKS = 8;
/** A paragraph this long means the story has started: teasers come after it. */
const STORY_PARAGRAPH = 100;
/** How many body paragraphs the banner test compares a top line with, and how many words they need. */
const BODY_SAMPLE = 6;
const MIN_BODY_STEMS = 12;

function endsLikeSentence(text: string): boolean {
  return /[.!?…"”’)\]:]$/.test(text);
}

function isVideoCaption(text: string): boolean {
  return VIDEO_CLOSE_PREFIX.test(text) || BLOCK_CHARS.test(text) || DATED_AGENCY_CREDIT.test(text);
}

/** A photo caption or credit: "Photo by Jane Doe/Getty Images", "… REUTERS/Jane Doe", "Image caption …". */
export function isPhotoCredit(text: string): boolean {
  if (text.length > MAX_PHOTO_CREDIT_LENGTH) return false;
  // Every credit has a slash, a colon, a bracket or one of these words: a cheap first test.
  if (!/[/:(|]|photo|image|picture|credit|caption/i.test(text)) return false;
  return PHOTO_CREDIT.some((re) => re.test(text)) || CAPTION_CREDITS.some((re) => re.test(text));
}

const SHARE_WORDS = new Set(SHARE_BAR_WORDS);
const MAX_SHARE_BAR_LENGTH = 80;
const STRONG_SHARE_WORDS = /\b(?:share|shares|tweet|e-?mail|print|pin|facebook|twitter|pinterest|linkedin|whatsapp|reddit|messenger|flipboard|tumblr|telegram)\b|copy link/i;

function isShareWidget(text: string): boolean {
  if (SHARE_WIDGETS.some((re) => re.test(text)) || SHARE_COUNTER.test(text)) return true;
  if (text.length <= MAX_CREDIT_LENGTH && SHARE_CALL_TO_ACTION.test(text)) return true;
  // A bar of share buttons: nothing but their words ("Share on Facebook", "Tweet", "Pin It").
  if (text.length > MAX_SHARE_BAR_LENGTH) return false;
  const words = text.toLowerCase().replace(/[:.]$/, "").split(/[\s|•·,/]+/).filter((w) => w !== "");
  return words.length > 0 && words.length <= MAX_SHARE_BAR_WORDS && words.every((w) => SHARE_WORDS.has(w)) && STRONG_SHARE_WORDS.test(text);
}

function isCommentLine(text: string): boolean {
  return text.length <= MAX_LINK_LINE_LENGTH && COMMENT_LINE.test(text);
}

function isSignupPrompt(text: string): boolean {
  return text.length <= MAX_SIGNUP_LENGTH && SIGNUP_CALL.test(text) && SIGNUP_OBJECT.test(text);
}

/** A cookie notice talks to the reader ("we use", "you agree"), not about a company ("…, the lawsuit said"). */
function isCookieNotice(text: string): boolean {
  if (text.length > MAX_COOKIE_LENGTH || !/cookie/i.test(text) || !COOKIE_NOTICE.test(text)) return false;
  if (/\b(?:said|says|according to|reported)\b/i.test(text)) return false;
  return /\b(?:you|your|we|our|this (?:site|website|page)|learn more|find out more|accept|consent|policy|preferences|settings)\b/i.test(text);
}

/**
 * "X contributed to this report." A paragraph that ends so but is long is reporting,
 * not a credit line: the length cap keeps it. Exported for the credits step, which
 * turns credit lines into contributors.
 */
export function isContributorCredit(text: string): boolean {
  return text.length <= MAX_CREDIT_LENGTH && CONTRIBUTOR_CREDIT.test(text);
}

function digitShare(text: string): number {
  return (text.match(/\d/g) ?? []).length / Math.max(1, text.length);
}

/** A wire table's row: "Shr 12 cts vs 10 cts", "Wheat 2.55 2.40 IV 4.65". */
function isTableRow(text: string | undefined): boolean {
  if (text === undefined) return false;
  const share = digitShare(text);
  return share > 2 * TABLE_ROW_DIGIT_SHARE || (share > TABLE_ROW_DIGIT_SHARE && (text.match(/\d+/g) ?? []).length >= 2);
}

/**
 * A line recurring across the archive is furniture when it talks like a web page
 * (furniture words), or when it is a short label or button that is neither a sentence
 * nor a table row: "Related Posts", "Accept and close". A recurring sentence ("Terms
 * were not disclosed.") and a wire table's labels ("Nine mths" between rows) stay.
 */
function isRecurringFurniture(paras: Paragraph[], i: number, recurring: Set<string>): boolean {
  const text = paras[i].text;
  if (text.length > MAX_RECURRING_LENGTH) return false;
  if (!recurring.has(normalizeFurnitureLine(text))) return false;
  const lower = text.toLowerCase();
  if (FURNITURE_WORDS.some((word) => lower.includes(word))) return true;
  // "Reuter" is the wire's sign-off (judged at the end), "More" its continuation marker.
  if (AGENCY_SIGNOFF.test(text)) return false;
  // Above the story, banners are judged by markBanners (a headline may recur too).
  if (!storyStartedBefore(paras, i) || endsLikeSentence(text) || text.split(" ").length > MAX_LABEL_WORDS) return false;
  return digitShare(text) <= MAX_LABEL_DIGIT_SHARE && !isTableRow(paras[i - 1]?.text) && !isTableRow(paras[i + 1]?.text);
}

const storyStarts = new WeakMap<Paragraph[], number>();

/** Whether a paragraph long enough to be the story's comes before paragraph `i`. */
function storyStartedBefore(paras: Paragraph[], i: number): boolean {
  let start = storyStarts.get(paras);
  if (start === undefined) {
    start = paras.findIndex((p) => p.text.length >= STORY_PARAGRAPH);
    if (start < 0) start = paras.length;
    storyStarts.set(paras, start);
  }
  return start < i;
}

/** A line of a link list: a headline, not a sentence, a table row or a dateline. */
function isLinkLine(text: string): boolean {
  if (text.length > MAX_LINK_LINE_LENGTH || text.split(" ").length < MIN_LINK_WORDS) return false;
  if (/[.:;,]["”’]?$/.test(text) || isTableRow(text)) return false;
  // "ECONOMIC SPOTLIGHT - BANKAMERICA" has a dateline's shape; only a dated one is a story.
  const dateline = parseDateline(text);
  return dateline === undefined || (dateline.date === undefined && dateline.agency === undefined);
}

/** Marks a label over a list of links and the links under it. */
function markLinkList(paras: Paragraph[], marks: (RemovedKind | undefined)[]): void {
  for (let i = 1; i < paras.length; i++) {
    const text = paras[i].text;
    const label = text.length <= MAX_LIST_LABEL_LENGTH && (LIST_LABEL.test(text) || marks[i] === "recurring" || marks[i] === "up-next");
    if (!label || !storyStartedBefore(paras, i)) continue;
    let j = i + 1;
    while (j < paras.length && j - i <= MAX_LINKS && (marks[j] === "up-next" || (!marks[j] && isLinkLine(paras[j].text)))) j++;
    if (j - i < 2) continue;
    for (let k = i; k < j; k++) marks[k] = marks[k] ?? "related-links";
    if (!marks[i] || marks[i] === "recurring") marks[i] = "related-links";
  }
}

/** "Read more: …" lines below the start of the story. */
function markTeaserLines(paras: Paragraph[], marks: (RemovedKind | undefined)[]): void {
  let storyStarted = false;
  paras.forEach((p, i) => {
    if (!marks[i] && storyStarted && p.text.length <= MAX_LINK_LINE_LENGTH + 30 && TEASER_LABEL_LINE.test(p.text)) marks[i] = "related-links";
    if (p.text.length >= STORY_PARAGRAPH) storyStarted = true;
  });
}

/** The buttons printed beside a cookie notice ("Accept", "Manage preferences"). */
function markConsentButtons(paras: Paragraph[], marks: (RemovedKind | undefined)[]): void {
  paras.forEach((p, i) => {
    if (marks[i] || !CONSENT_BUTTON.test(p.text)) return;
    for (let k = Math.max(0, i - 2); k <= Math.min(paras.length - 1, i + 2); k++) {
      if (marks[k] === "signup-prompt" && isCookieNotice(paras[k].text)) {
        marks[i] = "signup-prompt";
        return;
      }
    }
  });
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
  const sets = setsOf(evidence);
  const marks: (RemovedKind | undefined)[] = new Array(paras.length).fill(undefined);

  paras.forEach((p, i) => {
    if (UP_NEXT.test(p.text)) markUpNextBlock(paras, i, marks);
  });

  paras.forEach((p, i) => {
    if (marks[i]) return;
    const text = p.text;
    if (isVideoCaption(text)) marks[i] = "video-caption";
    else if (isPhotoCredit(text)) marks[i] = "photo-caption";
    else if (isShareWidget(text)) marks[i] = "share-widget";
    else if (isCommentLine(text)) marks[i] = "comment-count";
    else if (isSignupPrompt(text) || isCookieNotice(text)) marks[i] = "signup-prompt";
    else if (isContributorCredit(text)) marks[i] = "contributor-credit";
    else if (isRecurringFurniture(paras, i, sets.recurring)) marks[i] = "recurring";
  });
  markConsentButtons(paras, marks);
  markLinkList(paras, marks);
  markTeaserLines(paras, marks);

  // Sign-offs and bios only count at the end of the story, below any other furniture.
  for (let i = paras.length - 1; i > 0; i--) {
    if (marks[i]) continue;
    const text = paras[i].text;
    if (AGENCY_SIGNOFF.test(text)) marks[i] = "agency-signoff";
    else if (text.length <= MAX_BIO_LENGTH && (BIO.test(text) || AUTHOR_NOTES.some((re) => re.test(text)))) marks[i] = "author-bio";
    else break;
  }

  markBanners(paras, marks, sets);

  const kept: Paragraph[] = [];
  const removed: RemovedItem[] = [];
  const headline = paras.findIndex((_, i) => !marks[i]);
  paras.forEach((p, i) => {
    const kind = marks[i];
    if (kind) {
      removed.push({ kind, text: p.text, line: p.line });
    } else if (i === headline) {
      const cut = cutSiteNameAndNavigation(p, paras, sets);
      removed.push(...cut.removed);
      kept.push(cut.paragraph);
    } else {
      kept.push(p);
    }
  });
  return { kept, removed };
}

interface EvidenceSets {
  recurring: Set<string>;
  openers: Set<string>;
  bannerOpeners: Set<string>;
  prefixes: Set<string>;
  suffixes: Set<string>;
}

const evidenceSets = new WeakMap<FurnitureEvidence, EvidenceSets>();

function setsOf(evidence: FurnitureEvidence): EvidenceSets {
  let sets = evidenceSets.get(evidence);
  if (!sets) {
    sets = {
      recurring: new Set(evidence.recurring),
      openers: new Set(evidence.openers ?? []),
      bannerOpeners: new Set(evidence.bannerOpeners ?? []),
      prefixes: new Set(evidence.prefixes ?? []),
      suffixes: new Set(evidence.suffixes ?? []),
    };
    evidenceSets.set(evidence, sets);
  }
  return sets;
}

function bodyStems(paras: Paragraph[], marks: (RemovedKind | undefined)[], from: number): Set<string> {
  const texts: string[] = [];
  for (let i = from; i < paras.length && texts.length < BODY_SAMPLE; i++) if (!marks[i]) texts.push(paras[i].text);
  return contentStems(texts.join(" "));
}

/**
 * Site banners: short lines that open many articles of the archive (a site's name, its
 * slogan, its navigation) above the headline. A wire's standing headline opens many
 * articles too ("FED ADDS RESERVES"), but it is about its body: a top line goes only
 * when it shares no words with the body, or fewer than the headline-like line under it.
 */
function markBanners(paras: Paragraph[], marks: (RemovedKind | undefined)[], sets: EvidenceSets): void {
  for (let i = 0; i < Math.min(OPENER_DEPTH, paras.length); i++) {
    if (marks[i]) continue;
    const text = paras[i].text;
    if (text.length > MAX_BANNER_LENGTH || !sets.openers.has(normalizeFurnitureLine(text)) || isStoryLead(text)) return;
    // A line in capitals at the top is a wire's standing headline ("CASH WHOLESALE BEEF
    // PRICES" over "FOB RIVER - CLOSE APRIL 6"), not a site's slogan.
    if (isAllCapitals(text)) return;
    let next = i + 1;
    while (next < paras.length && marks[next]) next++;
    if (next >= paras.length - 1) return;
    const nextText = paras[next].text;
    // The body starts under the headline, or right under this line when none follows.
    const body = bodyStems(paras, marks, isHeadlineLike(nextText) ? next + 1 : next);
    const own = sharesWords(contentStems(text), body);
    const nextIsBanner = sets.openers.has(normalizeFurnitureLine(nextText)) && next < OPENER_DEPTH && !isStoryLead(nextText);
    const nextIsHeadline = standsAsHeadline(nextText) && sharesWords(contentStems(nextText), body) > own;
    const standsAboveHeadlines = sets.bannerOpeners.has(normalizeFurnitureLine(text)) && standsAsHeadline(nextText);
    // A body too short to tell (a one-line wire item) proves nothing by sharing no words.
    const unrelated = own === 0 && body.size >= MIN_BODY_STEMS;
    if (unrelated || nextIsBanner || nextIsHeadline || standsAboveHeadlines) marks[i] = "banner";
    else return;
  }
}

/**
 * Navigation glued in front of the headline ("Site Navigation Hillary’s IT Guy…") and the
 * site's name after it ("… | The Daily Post"), when many articles' first lines carry the
 * same words. A headline's own first words ("Donald Trump …") are about the story, so a
 * prefix goes only when the body never uses it.
 */
function cutSiteNameAndNavigation(p: Paragraph, paras: Paragraph[], sets: EvidenceSets): { paragraph: Paragraph; removed: RemovedItem[] } {
  const removed: RemovedItem[] = [];
  let text = p.text;
  if (text.length <= MAX_OPENER_LENGTH) {
    const suffix = suffixKey(text);
    // Wire headlines in capitals end in their source ("… - USDA"): that is not a site's name.
    if (suffix && sets.suffixes.has(suffix.key) && !(isAllCapitals(suffix.rest) && isAllCapitals(suffix.suffix))) {
      removed.push({ kind: "banner", text: suffix.suffix, line: p.line });
      text = suffix.rest;
    }
    const words = text.split(" ");
    let body: string | undefined;
    for (let n = Math.min(MAX_PREFIX_WORDS, words.length - MIN_HEADLINE_WORDS_LEFT); n >= MIN_PREFIX_WORDS; n--) {
      const prefix = words.slice(0, n).join(" ");
      if (!sets.prefixes.has(normalizeFurnitureLine(prefix)) || /[:,;.!?]$/.test(prefix) || isAllCapitals(prefix)) continue;
      body ??= paras
        .filter((q) => q !== p)
        .map((q) => q.text)
        .join(" ")
        .toLowerCase();
      if (body.includes(prefix.toLowerCase())) continue;
      removed.push({ kind: "banner", text: prefix, line: p.line });
      text = words.slice(n).join(" ");
      break;
    }
  }
  return { paragraph: text === p.text ? p : { text, line: p.line }, removed };
}

function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
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
  const sets = setsOf(evidence);
  const found: string[] = [];
  for (const p of paragraphs) {
    if (p.text.length > MAX_RECURRING_LENGTH) continue;
    const key = normalizeFurnitureLine(p.text);
    if (recurring.has(key)) found.push(key);
  }
  // Banners, glued navigation and site names are judged on the top lines only.
  for (const p of paragraphs.slice(0, OPENER_DEPTH)) {
    const key = normalizeFurnitureLine(p.text);
    if (sets.openers.has(key)) found.push(`opener:${key}`);
    if (sets.bannerOpeners.has(key)) found.push(`banner:${key}`);
    for (const prefix of prefixKeys(p.text)) if (sets.prefixes.has(prefix)) found.push(`prefix:${prefix}`);
    const suffix = suffixKey(p.text);
    if (suffix && sets.suffixes.has(suffix.key)) found.push(`suffix:${suffix.key}`);
  }
  return found.join("\n");
}
