import type { Paragraph, RemovedItem, RemovedKind } from "./types.ts";
import { MONTH_NAMES } from "./date-words.ts";
import { TAG_STOPWORDS } from "./entities.ts";
import { contentStems, isHeadlineLike, parseByline, parseDateline, sharesWords, STOPWORDS } from "./structure.ts";
import {
  AGENCY_SIGNOFF,
  AUTHOR_NOTES,
  BIO_ROLES,
  BLOCK_CHARS,
  CAPTION_CREDITS,
  COMMENT_LINE,
  CONSENT_BUTTON,
  COOKIE_NOTICE,
  COPYRIGHT_LINE,
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
   * Normalized lines in RECURRING_MIN_ARTICLES articles or more but fewer than
   * `minArticles`, sorted: they count only in a block of such lines (markRecurringRun).
   */
  blockLines?: string[];
  /**
   * Normalized short lines that open (are among the first lines of) at least
   * MIN_OPENER_ARTICLES articles: a site's banner or name, or a wire's standing headline.
   */
  openers: string[];
  /**
   * Short lines that open exactly two articles above different lines: weaker evidence,
   * used only with a line's shape and words (markUnrelatedTopLines).
   */
  pairOpeners?: string[];
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
  /** Site names that end the first lines of exactly two articles with different headlines. */
  pairSuffixes?: string[];
  /**
   * Word stems so common in the archive's stories (COMMON_STEM_SHARE of them) that a top
   * line sharing them with a story says nothing ("news", "home", "people"), sorted.
   */
  commonStems?: string[];
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
 * Navigation glued to the headline is a few words: "Site Navigation", "Skip to content",
 * "Menu". One word alone ("After …", "Teenager …") is often a headline's own start, so it
 * counts only when the archive's stories rarely use it (rareWords).
 */
const MIN_PREFIX_WORDS = 1;
/** Navigation glued to the headlines of two articles only counts from this many words. */
const MIN_PAIR_PREFIX_WORDS = 3;
/** Lines opening this many articles of one site (`source` in front matter or a folder's defaults) recur. */
const MIN_SITE_ARTICLES = 2;
/** Between a site's name and a line in evidence keys scoped to one site. */
const SITE_KEY_SEPARATOR = "\u0001";
const MAX_PREFIX_WORDS = 5;
/** The headline left after a prefix or suffix is cut has at least this many words. */
const MIN_HEADLINE_WORDS_LEFT = 3;
/** " | Site Name", " – Site Name", " ⋆ Site Name", " » Site Name": the separators sites put between a headline and their name. */
const SITE_SUFFIX = /^(.*\S)\s*(\||–|—|::|•|·|⋆|»|\s-)\s+([^|–—:•·⋆»]{2,60})$/;

/** Lowercase, digit runs collapsed to "0", whitespace collapsed: "16.8k SHARES" ≈ "2k shares". */
export function normalizeFurnitureLine(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "0").replace(/\s+/g, " ").trim();
}

/**
 * What the evidence passes read from one article, whatever the rest of the archive holds:
 * the archive-wide counts are added up from these. The dev server keeps them with each
 * article's paragraphs, so that after one file is saved only its lines are read again;
 * the ingest cache keeps them between builds (src/publish/article-memo.ts), so that a
 * warm build reads no unchanged article's text. Plain data (JSON).
 */
export interface EvidenceFacts {
  /** Its distinct normalized lines short enough to recur, in order. */
  lines: string[];
  /** The distinct folded stems of its first COMMON_STEM_PARAGRAPHS paragraphs. */
  stems: string[];
  /** What its top lines say, read for the site named there. */
  top: TopFacts;
}

/**
 * An article as the evidence passes read it: its facts when an earlier build read them,
 * and its paragraphs (which may be decoded only when asked for) for anything else.
 */
export interface EvidenceSource {
  paragraphs(): Paragraph[];
  facts?: EvidenceFacts;
  /** Whether its text after the first line uses each word (rareWords), as far as known. */
  wordUses?: Map<string, boolean>;
}

/** Told what an evidence pass read (the ingest cache keeps it for the next build). */
export interface EvidenceObserver {
  /** Source `d` had no facts (or facts for another site): these were read from its paragraphs. */
  facts?(d: number, facts: EvidenceFacts): void;
  /** rareWords asked whether source `d` uses `word`. */
  wordUse?(d: number, word: string, used: boolean): void;
  /** How many articles' first paragraphs use each stem (commonStems' counts), once counted. */
  stemCounts?(counts: ReadonlyMap<string, number>, articleCount: number): void;
}

/**
 * `sites` names each article's site when front matter or a folder's `_defaults.yml` says
 * it (`source`): lines recurring within one site count from MIN_SITE_ARTICLES articles.
 * The facts read from an article are stored on its source for the next count (the dev
 * server's next save) unless `remember` is false: then none is held past its turn (about
 * half a gigabyte at 100,000 articles, at the ingest process's peak), and a source's own
 * facts are only read.
 */
export function collectFurnitureEvidence(
  docs: readonly (Paragraph[] | EvidenceSource)[],
  sites: readonly (string | undefined)[] = [],
  options: { remember?: boolean; observer?: EvidenceObserver } = {},
): FurnitureEvidence {
  const remember = options.remember !== false;
  const sources = docs.map((doc) => (Array.isArray(doc) ? sourceOf(doc, remember) : doc));
  const articleCount = docs.length;
  const minArticles = Math.max(
    RECURRING_MIN_ARTICLES,
    Math.min(RECURRING_MAX_THRESHOLD, Math.ceil(articleCount * RECURRING_SHARE)),
  );
  const counts = new Map<string, number>();
  const stemCounts = new Map<string, number>();
  // Each article's top lines, for the second pass over the lines that open several.
  const tops: TopFacts[] = [];
  sources.forEach((source, d) => {
    const site = siteKeyOf(sites[d]);
    let facts = source.facts;
    if (!facts || facts.top.site !== site) {
      facts = readEvidenceFacts(source.paragraphs(), site, facts);
      if (remember) source.facts = facts;
      options.observer?.facts?.(d, facts);
    }
    for (const key of facts.lines) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const stem of facts.stems) stemCounts.set(stem, (stemCounts.get(stem) ?? 0) + 1);
    tops.push(facts.top);
  });
  options.observer?.stemCounts?.(stemCounts, articleCount);
  const recurring: string[] = [];
  const blockLines: string[] = [];
  for (const [line, count] of counts) {
    const standing = lineStanding(count, minArticles);
    if (standing === "recurring") recurring.push(line);
    else if (standing === "block") blockLines.push(line);
  }
  return {
    articleCount,
    minArticles,
    recurring: sorted(recurring),
    blockLines: sorted(blockLines),
    ...collectTopEvidence(sources, tops, remember, options.observer),
    commonStems: commonStems(stemCounts, articleCount),
  };
}

/** The sources of paragraph lists, kept with them (remember: true). */
const sourcesOfParagraphs = new WeakMap<Paragraph[], EvidenceSource>();

function sourceOf(paras: Paragraph[], remember: boolean): EvidenceSource {
  if (!remember) return { paragraphs: () => paras, wordUses: new Map() };
  let source = sourcesOfParagraphs.get(paras);
  if (!source) sourcesOfParagraphs.set(paras, (source = { paragraphs: () => paras, wordUses: new Map() }));
  return source;
}

/** Whether what the evidence passes read from this article is kept (a test's view of `remember`). */
export function hasEvidenceFacts(paras: Paragraph[]): boolean {
  return sourcesOfParagraphs.get(paras)?.facts !== undefined;
}

/**
 * What the evidence count reads from an article whose site (front matter or folder
 * defaults) is `site`: read ahead of the count, on another core, it is what the count
 * would read (src/publish/parallel-analysis.ts).
 */
export function evidenceFactsOf(paras: Paragraph[], site: string | undefined): EvidenceFacts {
  return readEvidenceFacts(paras, siteKeyOf(site));
}

/** An article's evidence facts, read from its paragraphs for `site` (lines and stems taken from `known`, read for another site). */
function readEvidenceFacts(paras: Paragraph[], site: string | undefined, known?: EvidenceFacts): EvidenceFacts {
  let stems = known?.stems;
  if (!stems) {
    let text = "";
    for (let i = 0; i < paras.length && i < COMMON_STEM_PARAGRAPHS; i++) text += ` ${paras[i].text}`;
    stems = [...foldedStems(text)];
  }
  return { lines: known?.lines ?? recurringCandidates(paras), stems, top: topFactsOf(paras, site) };
}

/** The lines of an article that can count as recurring: normalized, once each. */
function recurringCandidates(paras: Paragraph[]): string[] {
  const keys = new Set<string>();
  for (const para of paras) {
    // Long lines are never removed as recurring, so they need not be counted.
    if (para.text.length > MAX_RECURRING_LENGTH) continue;
    const key = normalizeFurnitureLine(para.text);
    if (key !== "") keys.add(key);
  }
  return [...keys];
}

/** A stem in this share of the archive's stories is a common word. */
const COMMON_STEM_SHARE = 0.05;
/** Below this many articles no word is common enough to tell. */
const MIN_ARTICLES_FOR_COMMON_STEMS = 40;
/** How many paragraphs of each article are counted (the top lines and the story's start, what the banner test compares). */
const COMMON_STEM_PARAGRAPHS = 8;

/**
 * What a short line in `count` articles is to the evidence (`minArticles`: its own): a
 * recurring line, one of a block of them (FurnitureEvidence.blockLines), or neither.
 */
export function lineStanding(count: number, minArticles: number): "recurring" | "block" | undefined {
  if (count >= minArticles) return "recurring";
  return count >= RECURRING_MIN_ARTICLES ? "block" : undefined;
}

/**
 * The stems of `counts` that `edits` articles changed since could make common (or no
 * longer common), with their counts: every stem counted in at least COMMON_STEM_SHARE of
 * the articles, less `edits`. Any other stem stays under the share whatever they do.
 */
export function stemsNearCommon(counts: ReadonlyMap<string, number>, articleCount: number, edits: number): [string, number][] {
  const min = COMMON_STEM_SHARE * articleCount - edits;
  return [...counts].filter(([, count]) => count >= min).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The archive's common stems (FurnitureEvidence.commonStems) from their counts (those of stemsNearCommon are enough). */
export function commonStems(counts: ReadonlyMap<string, number>, articleCount: number): string[] {
  if (articleCount < MIN_ARTICLES_FOR_COMMON_STEMS) return [];
  const min = COMMON_STEM_SHARE * articleCount;
  const out: string[] = [];
  for (const [stem, count] of counts) if (count >= min) out.push(stem);
  return sorted(out);
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

/** What rareWords looks words up in: an article's text after its first line, lowercased. */
function textAfterFirstLine(paras: readonly Paragraph[]): string {
  let text = "";
  for (let i = 1; i < paras.length; i++) text += ` ${paras[i].text}`;
  return text.toLowerCase();
}

/**
 * Whether an article's text uses each of `words`, as an evidence count's rareWords finds
 * it: "1" or "0" per word (the ingest cache keeps these between builds).
 */
export function wordUsesOf(paras: readonly Paragraph[], words: readonly string[]): string {
  const found = wordFinder(words).find(textAfterFirstLine(paras));
  return words.map((_, w) => (found[w] === 1 ? "1" : "0")).join("");
}

/** The finder of a list of words: the memo asks with the same list for every article. */
const finders = new WeakMap<readonly string[], WordFinder>();
function wordFinder(words: readonly string[]): WordFinder {
  let finder = finders.get(words);
  if (!finder) finders.set(words, (finder = new WordFinder(words)));
  return finder;
}

/** Per UTF-16 code unit: 1 if hasWord counts it as part of a word (a letter or a digit), 0 if not, -1 not yet known. */
const WORD_UNIT = new Int8Array(0x10000).fill(-1);
function isWordUnit(code: number): boolean {
  let known = WORD_UNIT[code];
  // One code unit, as hasWord tests it (a lone surrogate is neither a letter nor a digit).
  if (known < 0) known = WORD_UNIT[code] = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/** Bits of the filter of a WordFinder's word hashes: a run of letters is cut out of the text only when its hash's bit is set. */
const HASH_BITS = 16;

/**
 * Which of `words` a text uses as whole words, exactly as hasWord tells each (both
 * lowercase): the evidence count asks it of every article for every one-word prefix
 * (about 70 words at 100,000 articles, most of them a dateline's city with its comma,
 * "phoenix,": seven million searches of the text, 4 s on one core). A word that starts
 * with a letter or digit starts with a run of them (its core, "phoenix"), and the word
 * can only occur where a run of letters and digits of the text (between two other
 * characters) is its core: one pass over the text reads the runs, hashing each as it
 * goes, and looks at the rest of a word only where a run's hash may be a core's. A word
 * that starts otherwise (",") is searched for with hasWord.
 */
export class WordFinder {
  /** The words by their core, as their places in the list. */
  private readonly cores = new Map<string, number[]>();
  private readonly others: number[] = [];
  private readonly filter = new Uint8Array(1 << (HASH_BITS - 3));
  private shortest = Infinity;
  private longest = 0;

  constructor(readonly words: readonly string[]) {
    words.forEach((word, w) => {
      let length = 0;
      let hash = 0;
      while (length < word.length && isWordUnit(word.charCodeAt(length))) hash = (Math.imul(hash, 31) + word.charCodeAt(length++)) | 0;
      if (length === 0) return void this.others.push(w);
      const core = word.slice(0, length);
      const places = this.cores.get(core);
      if (places) places.push(w);
      else this.cores.set(core, [w]);
      const bit = hash & ((1 << HASH_BITS) - 1);
      this.filter[bit >> 3] |= 1 << (bit & 7);
      this.shortest = Math.min(this.shortest, length);
      this.longest = Math.max(this.longest, length);
    });
  }

  /** 1 at each word's place (as in `words`) that `text` uses, else 0. */
  find(text: string): Uint8Array {
    const { words, filter, shortest, longest } = this;
    const found = new Uint8Array(words.length);
    for (const w of this.others) if (hasWord(text, words[w])) found[w] = 1;
    if (this.cores.size === 0) return found;
    const mask = (1 << HASH_BITS) - 1;
    const n = text.length;
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      if (!(code < 128 ? ASCII_WORD_UNIT[code] === 1 : isWordUnit(code))) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0;
      do {
        hash = (Math.imul(hash, 31) + code) | 0;
        if (++i === n) break;
        code = text.charCodeAt(i);
      } while (code < 128 ? ASCII_WORD_UNIT[code] === 1 : isWordUnit(code));
      const length = i - start;
      if (length < shortest || length > longest) continue;
      const bit = hash & mask;
      if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) continue;
      const places = this.cores.get(text.slice(start, i));
      if (!places) continue;
      for (const w of places) {
        const word = words[w];
        if (word.length === length) found[w] = 1;
        else if (text.startsWith(word, start)) {
          // What follows the whole word must not be a letter or digit either.
          const after = start + word.length;
          if (after === n || !isWordUnit(text.charCodeAt(after))) found[w] = 1;
        }
      }
    }
    return found;
  }
}

/** WORD_UNIT's ASCII part, filled at once. */
const ASCII_WORD_UNIT = Uint8Array.from({ length: 128 }, (_, code) => (isWordUnit(code) ? 1 : 0));

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

/** Sorted in place by UTF-16 code units, the order `<` gives strings (and the default sort's). */
function sorted(list: string[]): string[] {
  return list.sort();
}

function countOnce(counts: Map<string, number>, keys: Iterable<string>): void {
  for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The first words of a line that could be navigation glued to it, as normalized keys
 * (index k holds the first k + 1 words).
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

function wordCount(key: string): number {
  return key.split(" ").length;
}

/** A headline's kicker ("WATCH: …", "JUST IN: …"): words in capitals ending in a colon. */
function isKicker(words: readonly string[]): boolean {
  const colon = words.findIndex((w) => /[:!?]$/.test(w));
  return colon >= 0 && (colon === 0 || isAllCapitals(words.slice(0, colon + 1).join(" ")));
}

/** A site's name as evidence keys spell it. */
function siteKeyOf(site: string | undefined): string | undefined {
  return site === undefined ? undefined : normalizeFurnitureLine(site);
}

/** The key under which a line's evidence counts within one site: the site's name, then the line. */
function siteScoped(site: string | undefined, key: string): string | undefined {
  return site === undefined ? undefined : `${site}${SITE_KEY_SEPARATOR}${key}`;
}

/** What one article's top lines add to the evidence, read once per article and site (see EvidenceFacts). */
export interface TopFacts {
  site: string | undefined;
  /**
   * Each top line short enough to be a banner, as an opener key (and its site-scoped key)
   * with the lines under it; whether it is a story's dated lead, and whether a headline-like
   * line stands under it (read for every top line, so the passes need no paragraph again).
   */
  openers: { key: string; scoped: string | undefined; followers: string; index: number; lead: boolean; headlineNext: boolean }[];
  /** Site names ending a top line, with the headline's start before them. */
  suffixHeadlines: [key: string, headline: string][];
  /** The suffix keys it counts once (and their site-scoped keys). */
  suffixes: string[];
  /** The prefix keys it counts once (and their site-scoped keys). */
  prefixes: string[];
  /** Prefix keys with the word after them, for prefixFollowers (with site-scoped keys). */
  prefixFollowers: [key: string, follower: string][];
  /** Prefix keys its own story uses (with site-scoped keys). */
  inBody: string[];
  /** Prefix keys with two words or more in capitals. */
  shouts: string[];
}

function topFactsOf(paras: Paragraph[], site: string | undefined): TopFacts {
  const top: TopFacts = { site, openers: [], suffixHeadlines: [], suffixes: [], prefixes: [], prefixFollowers: [], inBody: [], shouts: [] };
  const lines = paras.slice(0, OPENER_DEPTH).filter((p) => p.text.length <= MAX_OPENER_LENGTH);
  // A banner stands above different lines in different articles; an article saved
  // twice has the same lines under its headline each time.
  for (let i = 0; i + 1 < paras.length && i < OPENER_DEPTH; i++) {
    if (paras[i].text.length > MAX_BANNER_LENGTH) continue;
    const key = normalizeFurnitureLine(paras[i].text);
    top.openers.push({
      key,
      scoped: siteScoped(site, key),
      followers: followersOf(paras, i),
      index: i,
      lead: isStoryLead(paras[i].text),
      headlineNext: i + 2 < paras.length && standsAsHeadline(paras[i + 1].text),
    });
  }
  const suffixKeys = lines.flatMap((p) => {
    const suffix = suffixKey(p.text);
    if (!suffix) return [];
    top.suffixHeadlines.push([suffix.key, suffix.rest.slice(0, FOLLOWER_PREFIX)]);
    return [suffix.key];
  });
  top.suffixes.push(...new Set(suffixKeys));
  if (site !== undefined) top.suffixes.push(...new Set(suffixKeys.map((key) => siteScoped(site, key)!)));
  const found: string[] = [];
  lines.forEach((p, lineIndex) => {
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
    const inBody = (key: string) => {
      top.inBody.push(key);
      const scoped = siteScoped(site, key);
      if (scoped) top.inBody.push(scoped);
    };
    if (firstWord === "" || hasWord(body, firstWord)) {
      keys.forEach((key, k) => {
        if (body.includes(words.slice(0, k + 1).join(" ").toLowerCase())) inBody(key);
      });
      return;
    }
    keys.forEach((key, k) => {
      // A prefix the article uses, or one glued to a lowercase word ("Man Utd stroll to
      // Cup win"), is a headline's own start, here and in every other article; a kicker
      // ("WATCH: Trump …") is the headline's too.
      if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(words[k + 1]) || body.includes(words.slice(0, k + 1).join(" ").toLowerCase())) {
        inBody(key);
        return;
      }
      if (isKicker(words.slice(0, k + 1))) return;
      found.push(key);
      // Navigation is in ordinary case; words in capitals start a headline ("NC MOB ATTACKS …").
      if (words.slice(0, k + 1).filter((w) => /\p{Lu}{2}/u.test(w) && isAllCapitals(w)).length >= 2) top.shouts.push(key);
      for (const scoped of [key, siteScoped(site, key)]) {
        if (scoped !== undefined) top.prefixFollowers.push([scoped, words[k + 1].toLowerCase()]);
      }
    });
  });
  top.prefixes.push(...new Set(found));
  if (site !== undefined) top.prefixes.push(...new Set(found.map((key) => siteScoped(site, key)!)));
  return top;
}

function collectTopEvidence(
  sources: readonly EvidenceSource[],
  tops: readonly TopFacts[],
  remember: boolean,
  observer: EvidenceObserver | undefined,
): Pick<FurnitureEvidence, "openers" | "pairOpeners" | "bannerOpeners" | "prefixes" | "suffixes" | "pairSuffixes"> {
  const openers = new Map<string, Set<string>>();
  const bannerOpeners = new Map<string, Set<string>>();
  const prefixes = new Map<string, number>();
  const prefixFollowers = new Map<string, Set<string>>();
  const prefixInBody = new Set<string>();
  const shouts = new Set<string>();
  const suffixes = new Map<string, number>();
  /** Per site name, the headlines it ends (their starts), to tell two stories from one saved twice. */
  const suffixHeadlines = new Map<string, Set<string>>();
  for (const top of tops) {
    for (const { key, scoped, followers } of top.openers) {
      addFollower(openers, key, followers);
      if (scoped) addFollower(openers, scoped, followers);
    }
    for (const [key, headline] of top.suffixHeadlines) addFollower(suffixHeadlines, key, headline);
    for (const key of top.suffixes) suffixes.set(key, (suffixes.get(key) ?? 0) + 1);
    for (const key of top.inBody) prefixInBody.add(key);
    for (const key of top.shouts) shouts.add(key);
    for (const [key, follower] of top.prefixFollowers) addFollower(prefixFollowers, key, follower);
    for (const key of top.prefixes) prefixes.set(key, (prefixes.get(key) ?? 0) + 1);
  }
  // What counts as recurring: MIN_OPENER_ARTICLES articles of the archive, or
  // MIN_SITE_ARTICLES of one site.
  const enough = (key: string, count: number) => count >= (key.includes(SITE_KEY_SEPARATOR) ? MIN_SITE_ARTICLES : MIN_OPENER_ARTICLES);
  const openerKeys = new Set<string>();
  const pairKeys = new Set<string>();
  for (const [key, followers] of openers) {
    if (enough(key, followers.size)) openerKeys.add(key);
    else if (followers.size === MIN_SITE_ARTICLES) pairKeys.add(key);
  }
  // Second pass, only over the lines that open several articles: which stand above a
  // headline, and which are a story's dated lead rather than a banner.
  const leads = new Set<string>();
  for (const top of tops) {
    for (const line of top.openers) {
      const { key, scoped } = line;
      if (!openerKeys.has(key) && !pairKeys.has(key) && !(scoped && openerKeys.has(scoped))) continue;
      if (line.lead) {
        leads.add(key);
        if (scoped) leads.add(scoped);
      }
      if (openerKeys.has(key) && line.headlineNext) addFollower(bannerOpeners, key, line.followers);
    }
  }
  // Navigation is glued to many different headlines. One word alone ("Menu …") must also
  // be rare in the archive's stories: "After …" or "Teenager …" start headlines too.
  const prefixList: string[] = [];
  const oneWord: string[] = [];
  for (const [key, count] of prefixes) {
    // Three words or more glued to two different headlines count too ("You are here: Home …").
    const followers = prefixFollowers.get(key)?.size ?? 0;
    const pair = wordCount(key) >= MIN_PAIR_PREFIX_WORDS && count >= MIN_SITE_ARTICLES && followers >= MIN_SITE_ARTICLES && !shouts.has(key);
    if (prefixInBody.has(key) || !((enough(key, count) && enough(key, followers)) || pair)) continue;
    if (!key.includes(SITE_KEY_SEPARATOR) && !key.includes(" ")) oneWord.push(key);
    else prefixList.push(key);
  }
  prefixList.push(...rareWords(sources, oneWord, prefixes, remember, observer));
  // Navigation and the first word of some of its headlines ("Skip to content Hillary"):
  // the navigation alone is a prefix too, glued to more headlines than with the word.
  const accepted = new Set(prefixList);
  const parentOf = (key: string) => key.slice(0, Math.max(0, key.lastIndexOf(" ")));
  const navigationOnly = prefixList.filter((key) => !(accepted.has(parentOf(key)) && prefixes.get(parentOf(key))! > prefixes.get(key)!));
  const suffixList: string[] = [];
  const pairSuffixes: string[] = [];
  for (const [key, count] of suffixes) {
    if (enough(key, count)) suffixList.push(key);
    // (Two different headlines mean two articles: fewer than enough, so exactly two.)
    else if (suffixHeadlines.get(key)?.size === MIN_SITE_ARTICLES) pairSuffixes.push(key);
  }
  return {
    openers: sorted([...openerKeys].filter((key) => !leads.has(key))),
    pairOpeners: sorted([...pairKeys].filter((key) => !leads.has(key))),
    bannerOpeners: distinctlyFollowed(bannerOpeners).filter((key) => !leads.has(key)),
    prefixes: sorted(navigationOnly),
    suffixes: sorted(suffixList),
    pairSuffixes: sorted(pairSuffixes),
  };
}

/**
 * The one-word prefixes ("menu") that the archive's stories use in fewer articles than
 * the prefix opens: a word stories use often ("after", "teenager") starts headlines of
 * its own. What a text was found to use is stored on its source for the next count
 * unless `remember` is false: at 100,000 articles and 70 words, those maps held about
 * 330 MB, and the pages they were spread over half a gigabyte more, at a one-run count's peak.
 */
function rareWords(sources: readonly EvidenceSource[], words: string[], glued: ReadonlyMap<string, number>, remember: boolean, observer: EvidenceObserver | undefined): string[] {
  if (words.length === 0) return [];
  const uses = new Map(words.map((w) => [w, 0]));
  const finder = new WordFinder(words);
  sources.forEach((source, d) => {
    const known = remember ? (source.wordUses ??= new Map()) : source.wordUses;
    let found: Uint8Array | undefined;
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      let used = known?.get(word);
      if (used === undefined) {
        found ??= finder.find(textAfterFirstLine(source.paragraphs()));
        used = found[w] === 1;
        if (remember) known!.set(word, used);
      }
      observer?.wordUse?.(d, word, used);
      if (used) uses.set(word, uses.get(word)! + 1);
    }
  });
  return words.filter((word) => uses.get(word)! < glued.get(word)!);
}

/** An empty evidence object, for a single file ingested on its own. */
export const NO_FURNITURE_EVIDENCE: FurnitureEvidence = {
  articleCount: 0,
  minArticles: 0,
  recurring: [],
  blockLines: [],
  openers: [],
  pairOpeners: [],
  bannerOpeners: [],
  prefixes: [],
  suffixes: [],
  pairSuffixes: [],
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
/** How many recurring lines in a row under a headline make a site's block (markRecurringRun). */
const MIN_RECURRING_RUN = 6;
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

/** A blog's archive menu: "Blog Archives Select Date… December, 2015 November, 2015 …", four months or more making most of the line. */
const MONTH_AND_YEAR = new RegExp(`\\b(?:${Object.keys(MONTH_NAMES).join("|")}),? (?:1[89]|20)\\d\\d\\b`, "g");
function isArchiveMenu(text: string): boolean {
  const items = text.match(MONTH_AND_YEAR) ?? [];
  return items.length >= 4 && items.join("").length >= text.length * 0.6;
}

function isShareWidget(text: string): boolean {
  if (SHARE_WIDGETS.some((re) => re.test(text)) || SHARE_COUNTER.test(text)) return true;
  if (text.length <= MAX_CREDIT_LENGTH && SHARE_CALL_TO_ACTION.test(text)) return true;
  // A bar of share buttons: nothing but their words ("Share on Facebook", "Tweet", "Pin It").
  if (text.length > MAX_SHARE_BAR_LENGTH) return false;
  const words = text.toLowerCase().replace(/[:.]$/, "").split(/[\s|•·,/]+/).filter((w) => w !== "");
  return words.length > 0 && words.length <= MAX_SHARE_BAR_WORDS && words.every((w) => SHARE_WORDS.has(w)) && STRONG_SHARE_WORDS.test(text);
}

/**
 * An advertisement's label, or the text an ad plugin prints in a slot it has no ad for
 * ("Your ads will be inserted here by Easy Plugin for AdSense."), as a whole line: a
 * sentence that mentions advertising is longer and says more.
 */
const AD_SLOT =
  /^(?:advertisements?|sponsored content|(?:story|article) continues below(?: (?:this )?advertisement)?|your ads will be inserted here by(?: easy plugin for adsense\.?(?: please go to the plugin admin page to)?)?|easy plugin for adsense\.?|paste your ad code or|suppress this ad slot\s*\.?)$/i;

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
    // A line that only recurs and is no label ("Story Continued Below", not "Full Story
    // Here:") heads a list of two links or more: one line under it may be the story's own
    // ("And what exactly, a reporter asked, was that going to be?").
    const labelled = LIST_LABEL.test(text) || marks[i] === "up-next" || /:\s*$/.test(text);
    if (j - i < (labelled ? 2 : 3)) continue;
    for (let k = i; k < j; k++) marks[k] = marks[k] ?? "related-links";
    if (!marks[i] || marks[i] === "recurring") marks[i] = "related-links";
  }
}

/**
 * A site's block printed above every story: MIN_RECURRING_RUN lines or more in a row under
 * the headline, each of them in three articles or more (however big the archive: one
 * site's block need not recur in 25 articles, as a line alone must), before the story
 * starts. One recurring sentence stays (two stories can share it), but a page of them in the same order
 * above several stories is the site's own: Politico Europe's "latest news" river (a time,
 * "BY Chris Spillane" and a teaser, 49 times) opened ten BuzzFeed-Webis articles, and its
 * first byline was read as each article's author. The headline must not recur, and the
 * story must follow: copies of one text are left whole.
 */
function markRecurringRun(paras: Paragraph[], marks: (RemovedKind | undefined)[], sets: EvidenceSets): void {
  const recurs = (i: number) => {
    if (paras[i].text.length > MAX_RECURRING_LENGTH) return false;
    const key = normalizeFurnitureLine(paras[i].text);
    return sets.recurring.has(key) || sets.blockLines.has(key);
  };
  // Lines with digits recur by their shape alone (a wire table's "Shr 42 cts vs 76 cts", a
  // time stamp): they may sit in the block but do not make one.
  const counts = (i: number) => recurs(i) && !/\d/.test(paras[i].text);
  // The run starts under the headline (the first line the other rules left), or under a line
  // above it they removed. A block stands under different headlines: a headline that recurs
  // too is a copy of one story.
  let start = marks.findIndex((m) => !m) + 1;
  if (start <= 0 || recurs(start - 1)) return;
  while (start < paras.length && marks[start] && !recurs(start)) start++;
  // A line too long to be counted as recurring (a long teaser) belongs to the block when the
  // two lines after it recur again; not a line another rule took (the story's photo caption,
  // above its byline, whose name may be one of the block's authors).
  const bridges = (i: number) => !marks[i] && paras[i].text.length > MAX_RECURRING_LENGTH && i + 2 < paras.length && recurs(i + 1) && recurs(i + 2);
  let end = start;
  while (end < paras.length && (recurs(end) || bridges(end))) end++;
  // It ends with a line that makes it (the story's own time stamp may recur by its shape).
  while (end > start && !counts(end - 1)) end--;
  let made = 0;
  for (let i = start; i < end; i++) if (counts(i)) made++;
  if (made < MIN_RECURRING_RUN) return;
  if (!paras.slice(end).some((p, k) => !marks[end + k] && p.text.length >= STORY_PARAGRAPH && !recurs(end + k))) return;
  for (let i = start; i < end; i++) marks[i] ??= "recurring";
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

/** `site`: the article's site as front matter or its folder's `_defaults.yml` names it (`source`). */
export function removeFurniture(
  paras: Paragraph[],
  evidence: FurnitureEvidence,
  site?: string,
): { kept: Paragraph[]; removed: RemovedItem[] } {
  const sets = setsOf(evidence);
  const siteKey = siteKeyOf(site);
  /** Whether the archive's evidence has this normalized line in `set`, for the whole archive or for the article's site. */
  const known = (set: ReadonlySet<string>, key: string) => set.has(key) || (siteKey !== undefined && set.has(siteScoped(siteKey, key)!));
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
    else if (isArchiveMenu(text)) marks[i] = "banner";
    else if (isCommentLine(text)) marks[i] = "comment-count";
    else if (isSignupPrompt(text) || isCookieNotice(text)) marks[i] = "signup-prompt";
    else if (AD_SLOT.test(text)) marks[i] = "advertisement";
    else if (isContributorCredit(text)) marks[i] = "contributor-credit";
    else if (isRecurringFurniture(paras, i, sets.recurring)) marks[i] = "recurring";
  });
  markConsentButtons(paras, marks);
  markLinkList(paras, marks);
  markTeaserLines(paras, marks);
  markRecurringRun(paras, marks, sets);

  // Sign-offs and bios only count at the end of the story, below any other furniture.
  for (let i = paras.length - 1; i > 0; i--) {
    if (marks[i]) continue;
    const text = paras[i].text;
    if (AGENCY_SIGNOFF.test(text)) marks[i] = "agency-signoff";
    else if (COPYRIGHT_LINE.test(text)) marks[i] = "copyright";
    else if (text.length <= MAX_BIO_LENGTH && (BIO.test(text) || AUTHOR_NOTES.some((re) => re.test(text)))) marks[i] = "author-bio";
    else break;
  }

  markBanners(paras, marks, sets, known);
  markUnrelatedTopLines(paras, marks, sets.commonStems, (text) => sets.pairOpeners.has(normalizeFurnitureLine(text)));

  const kept: Paragraph[] = [];
  const removed: RemovedItem[] = [];
  const headline = paras.findIndex((_, i) => !marks[i]);
  paras.forEach((p, i) => {
    const kind = marks[i];
    if (kind) {
      removed.push({ kind, text: p.text, line: p.line });
    } else if (i === headline) {
      const cut = cutSiteNameAndNavigation(p, paras, sets, known);
      removed.push(...cut.removed);
      kept.push(cut.paragraph);
    } else {
      kept.push(p);
    }
  });
  return { kept, removed };
}

interface EvidenceSets {
  commonStems: Set<string>;
  recurring: Set<string>;
  blockLines: Set<string>;
  openers: Set<string>;
  pairOpeners: Set<string>;
  bannerOpeners: Set<string>;
  prefixes: Set<string>;
  suffixes: Set<string>;
  pairSuffixes: Set<string>;
}

const evidenceSets = new WeakMap<FurnitureEvidence, EvidenceSets>();

function setsOf(evidence: FurnitureEvidence): EvidenceSets {
  let sets = evidenceSets.get(evidence);
  if (!sets) {
    // An absent list (evidence from before it existed) makes an empty set, as `new Set(undefined)` does.
    sets = {
      commonStems: new Set(evidence.commonStems),
      recurring: new Set(evidence.recurring),
      blockLines: new Set(evidence.blockLines),
      openers: new Set(evidence.openers),
      pairOpeners: new Set(evidence.pairOpeners),
      bannerOpeners: new Set(evidence.bannerOpeners),
      prefixes: new Set(evidence.prefixes),
      suffixes: new Set(evidence.suffixes),
      pairSuffixes: new Set(evidence.pairSuffixes),
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
function markBanners(paras: Paragraph[], marks: (RemovedKind | undefined)[], sets: EvidenceSets, known: Known): void {
  for (let i = 0; i < Math.min(OPENER_DEPTH, paras.length); i++) {
    if (marks[i]) continue;
    const text = paras[i].text;
    const key = normalizeFurnitureLine(text);
    if (text.length > MAX_BANNER_LENGTH || !known(sets.openers, key) || isStoryLead(text)) return;
    let next = i + 1;
    while (marks[next]) next++; // (undefined past the last paragraph)
    if (next >= paras.length - 1) return;
    const nextText = paras[next].text;
    // The body starts under the headline, or right under this line when none follows.
    const body = bodyStems(paras, marks, isHeadlineLike(nextText) ? next + 1 : next);
    const own = sharesWords(contentStems(text), body);
    const nextShares = sharesWords(contentStems(nextText), body);
    // A body too short to tell (a one-line wire item) proves nothing by sharing no words.
    const unrelated = own === 0 && body.size >= MIN_BODY_STEMS;
    // A line in capitals at the top is a wire's standing headline ("CASH WHOLESALE BEEF
    // PRICES" over "FOB RIVER - CLOSE APRIL 6"), about its body; a site's "MENU" is not.
    if (isAllCapitals(text)) {
      if (unrelated && standsAsHeadline(nextText) && parseDateline(nextText) === undefined && nextShares > 0) {
        marks[i] = "banner";
        continue;
      }
      return;
    }
    const nextIsBanner = known(sets.openers, normalizeFurnitureLine(nextText)) && next < OPENER_DEPTH && !isStoryLead(nextText);
    const nextIsHeadline = standsAsHeadline(nextText) && nextShares > own;
    // Above a headline in many articles, or in several of one site's (its own front matter says so).
    const standsAboveHeadlines = (sets.bannerOpeners.has(key) || !sets.openers.has(key)) && standsAsHeadline(nextText);
    if (unrelated || nextIsBanner || nextIsHeadline || standsAboveHeadlines) marks[i] = "banner";
    else return;
  }
}

/** How many unmarked top lines the one-off banner test looks at (a name and a slogan, then the headline). */
const MAX_ONE_OFF_BANNERS = 2;
/** The headline under a banner is one line of a headline's length. */
const MAX_HEADLINE_UNDER_BANNER = 150;

/**
 * A line that can be the headline under a banner: short, one sentence at most, not
 * closed by a full stop (a lead sentence is), not a dated lead, a byline or a table row.
 */
function isHeadlineShaped(text: string): boolean {
  if (text.length > MAX_HEADLINE_UNDER_BANNER || !/^[\p{L}\p{N}‘“'"<]/u.test(text)) return false;
  // Three words at least ("Saturday 20 November" is a date line, not a headline).
  if ((text.match(/\p{L}+/gu) ?? []).length < 3) return false;
  // A full stop after a word of two or more small letters ends a sentence ("U.S. SEES" does
  // not), and a line ending in a colon or comma leads into what follows.
  if ((/[.:,;]["”’)]?$/.test(text) && !/(?:\b\p{Lu}\.){2,}$/u.test(text)) || /\p{Ll}{2}[.]["”’]?\s+\p{Lu}/u.test(text)) return false;
  // "BOOM! Charlotte Officials Silence Rioters" is one headline; "Why? It is not." is not.
  if (/[?!]["”’]?\s+\p{Lu}/u.test(text) && !isTitleCase(text)) return false;
  // Figures are common in headlines ("Rover deal 'may cost 2,000 jobs'"); a table row is mostly figures.
  return parseDateline(text) === undefined && digitShare(text) <= 2 * TABLE_ROW_DIGIT_SHARE && parseByline(text) === undefined;
}

/** Most words in each part of a menu or of a name and slogan ("The Daily Post | News you can trust"). */
const MAX_SITE_SEGMENT_WORDS = 6;
/** Most words in a slogan that ends in a full stop ("The hardest-hitting political news."). */
const MAX_SLOGAN_WORDS = 8;

/**
 * A line shaped like a site's furniture rather than a headline: a menu or a name and a
 * slogan joined by separators ("Home » News", "Daily Post | News you can trust"), a web
 * address ("DailyPost.com"), one word ("Menu"), or a few words closed by a full stop.
 */
function hasSiteShape(text: string): boolean {
  if (/\p{L}\.(?:com|org|net|info|news|co\.uk|us)\b/iu.test(text)) return true;
  const segments = text.split(/\s(?:\||::|•|»|›|\/|–|—)\s/);
  if (segments.length > 1) return segments.every((segment) => segment.split(" ").length <= MAX_SITE_SEGMENT_WORDS);
  const words = text.split(" ").length;
  return words === 1 || (words <= MAX_SLOGAN_WORDS && /\p{L}\.$/u.test(text));
}

/** Most of the longer words capitalised ("Obama Just DISGRACED The U.S."). */
function isTitleCase(text: string): boolean {
  const long = (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 3);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.6 * long.length;
}

/** [A-Za-z0-9_]: where a word goes on (a plural before "2" or "_" is not folded). */
function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Content stems with plurals folded first ("parties" ≈ "party", which contentStems cuts to "parti" and "party"). */
function foldedStems(text: string): Set<string> {
  // One pass over the words (two replaces over the whole text then contentStems cost three).
  const stems = new Set<string>();
  for (const match of text.matchAll(/\p{L}+/gu)) {
    let word = match[0];
    const next = text[match.index + word.length];
    // A plural ends at a word's end (not before a digit: "parties2").
    const end = next === undefined || !isAsciiWordChar(next.charCodeAt(0));
    if (end && word.length >= 6 && word.endsWith("ies")) word = `${word.slice(0, -3)}y`;
    else if (end && word.length >= 5 && word.endsWith("s") && word[word.length - 2] !== "s" && isAsciiWordChar(word.charCodeAt(word.length - 2))) word = word.slice(0, -1);
    const lower = word.toLowerCase();
    if (lower.length >= 4 && !STOPWORDS.has(lower)) stems.add(lower.slice(0, 5));
  }
  return stems;
}

/** How many paragraphs under the headline make the story's lead. */
const LEAD_PARAGRAPHS = 2;

/** The folded stems of the story under line `from`: its first BODY_SAMPLE paragraphs, and its first LEAD_PARAGRAPHS. */
function foldedBodyStems(paras: Paragraph[], marks: (RemovedKind | undefined)[], from: number): { body: Set<string>; lead: Set<string>; leadText: string } {
  const texts: string[] = [];
  for (let i = from; i < paras.length && texts.length < BODY_SAMPLE; i++) if (!marks[i]) texts.push(paras[i].text);
  const leadText = texts.slice(0, LEAD_PARAGRAPHS).join(" ");
  return { body: foldedStems(texts.join(" ")), lead: foldedStems(leadText), leadText };
}

/**
 * Whether a capitalised word inside `text` (not its first) is written so in `lead` too: a
 * name the story names. The archive's common words ("News") are no name of the story's.
 */
function namesWhatTheLeadNames(text: string, lead: string, common: ReadonlySet<string>): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.slice(1).some((w) => w.length >= 3 && /^\p{Lu}\p{Ll}/u.test(w) && !common.has(w.toLowerCase().slice(0, 5)) && hasCaseWord(lead, w));
}

/** `word` in `text` as a whole word, case as written. */
function hasCaseWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/\p{L}/u.test(before)) && (after === undefined || !/\p{L}/u.test(after))) return true;
  }
  return false;
}

/**
 * Whether a top line is unrelated to the story the headline under it tells: it shares at
 * most a third of its words with the story ("Home » News": a story may say "home"), and
 * the headline shares more of them than the line does (so two at least).
 */
function unrelatedToStory(
  text: string,
  headlineShared: number,
  body: Set<string>,
  lead: Set<string>,
  common: ReadonlySet<string>,
  recurring: boolean,
): boolean {
  // The archive's common words ("news", "home") tie only a line shaped like a headline to a
  // story; a line shaped like a site's name, slogan or menu, or one opening another
  // article too, shares them by chance.
  // A headline with its site's name after it is judged by the headline.
  const own = recurring ? text : (suffixKey(text)?.rest ?? text);
  const all = foldedStems(own);
  const stems = recurring || hasSiteShape(own) ? new Set([...all].filter((stem) => !common.has(stem))) : all;
  const shared = sharesWords(stems, body);
  if (shared === 0) return true;
  // A word the story's first paragraphs use again ties the line to the story.
  if (sharesWords(stems, lead) > 0) return false;
  return 3 * shared <= stems.size && shared < headlineShared;
}

/** Whether the archive's evidence has a normalized line in a set, for the whole archive or for the article's site. */
type Known = (set: ReadonlySet<string>, key: string) => boolean;

/**
 * Banners no other article of the archive shows (a site with one article here): one or
 * two short lines at the top that share no word with the story, over a headline-shaped
 * line that does ("Breaking News, Politics & Opinion" over "Senate passes the budget").
 * A headline is about its story, a site's name, slogan or navigation is not. Lines in
 * capitals are left alone (a wire's standing headline over a table), and so is a top line
 * over a story too short to compare with.
 */
function markUnrelatedTopLines(paras: Paragraph[], marks: (RemovedKind | undefined)[], common: ReadonlySet<string>, recurs: (text: string) => boolean): void {
  const top: number[] = [];
  for (let i = 0; i < paras.length && top.length <= MAX_ONE_OFF_BANNERS; i++) if (!marks[i]) top.push(i);
  if (top.length === 0 || top[0] >= OPENER_DEPTH) return;
  for (let k = 1; k < top.length; k++) {
    const headline = paras[top[k]].text;
    if (!isHeadlineShaped(headline)) continue;
    const { body, lead, leadText } = foldedBodyStems(paras, marks, top[k] + 1);
    const headlineStems = foldedStems(headline);
    const headlineShared = sharesWords(headlineStems, body);
    if (body.size < MIN_BODY_STEMS || headlineShared === 0) continue;
    const above = top.slice(0, k);
    const banners = above.every((i) => {
      const text = paras[i].text;
      // A line opening another article too ("MENU") may be in capitals.
      const recurring = recurs(text);
      if (text.length > MAX_BANNER_LENGTH || (isAllCapitals(text) && !recurring) || isStoryLead(text) || parseByline(text) !== undefined) return false;
      // A question, an exclamation or a quotation is a headline; a line naming what the
      // line under it names is the headline over its dek.
      if (/[?!]["”’)]?$/.test(text) || /^["“‘']/.test(text) || sharesWords(foldedWords(text), foldedWords(headline)) > 0) return false;
      // Nor is a line naming whom or what the story's first paragraphs name ("Ireland v England").
      if (namesWhatTheLeadNames(text, leadText, common)) return false;
      return unrelatedToStory(text, headlineShared, body, lead, common, recurring);
    });
    if (banners) {
      for (const i of above) marks[i] = "banner";
      return;
    }
  }
}

/**
 * Navigation glued in front of the headline ("Site Navigation Hillary’s IT Guy…") and the
 * site's name after it ("… | The Daily Post"), when many articles' first lines carry the
 * same words. A headline's own first words ("Donald Trump …") are about the story, so a
 * prefix goes only when the body never uses it.
 */
function cutSiteNameAndNavigation(p: Paragraph, paras: Paragraph[], sets: EvidenceSets, known: Known): { paragraph: Paragraph; removed: RemovedItem[] } {
  const removed: RemovedItem[] = [];
  let text = p.text;
  if (text.length > MAX_OPENER_LENGTH) return { paragraph: p, removed };
  let rest: { text: string; lower: string } | undefined;
  /** The rest of the article (paragraphs on lines of their own), and lowercase: a prefix it uses is the story's own words. */
  const story = () => {
    if (!rest) {
      const joined = paras
        .filter((q) => q !== p)
        .map((q) => q.text)
        .join("\n");
      rest = { text: joined, lower: joined.toLowerCase() };
    }
    return rest;
  };
  const suffix = suffixKey(text);
  // Wire headlines in capitals end in their source ("… - USDA"): that is not a site's name.
  if (suffix && !(isAllCapitals(suffix.rest) && isAllCapitals(suffix.suffix)) && (known(sets.suffixes, suffix.key) || (sets.pairSuffixes.has(suffix.key) && isNameShaped(suffix) && !story().lower.includes(splitSuffix(suffix).name.toLowerCase())) || isOneOffSiteName(suffix, story, sets.commonStems))) {
    removed.push({ kind: "banner", text: suffix.suffix, line: p.line });
    text = suffix.rest;
  }
  const words = text.split(" ");
  for (let n = Math.min(MAX_PREFIX_WORDS, words.length - MIN_HEADLINE_WORDS_LEFT); n >= MIN_PREFIX_WORDS; n--) {
    const prefix = words.slice(0, n).join(" ");
    // Capitals tell nothing before a headline in capitals, and a run of them is a kicker ("BREAKING: FBI").
    if (!known(sets.prefixes, normalizeFurnitureLine(prefix)) || /[:,;.!?]$/.test(prefix) || isAllCapitals(text) || (n > 1 && isAllCapitals(prefix))) continue;
    if (story().lower.includes(prefix.toLowerCase())) continue;
    removed.push({ kind: "banner", text: prefix, line: p.line });
    text = words.slice(n).join(" ");
    return { paragraph: { text, line: p.line }, removed };
  }
  const glued = gluedByCase(words, story);
  if (glued > 0) {
    removed.push({ kind: "banner", text: words.slice(0, glued).join(" "), line: p.line });
    text = words.slice(glued).join(" ");
  }
  return { paragraph: text === p.text ? p : { text, line: p.line }, removed };
}

/** Most words of navigation glued to a headline that a change of case can show. */
const MAX_GLUED_WORDS = 6;

/**
 * Navigation glued to a headline no other article shows, told by a change of case: words
 * not in capitals before a headline in capitals ("Home › World NPPC APPEAL DISMISSED"), or
 * before a capitalised word a sentence-case headline would write in lowercase
 * ("Navigation Oil prices reach three-month low": the story writes "oil"). The words cut
 * are never the story's (its first word and the whole run are absent from the rest of the
 * article). Returns how many words to cut, or 0.
 */
function gluedByCase(words: string[], story: () => { text: string; lower: string }): number {
  const letters = (w: string) => w.replace(/[^\p{L}]/gu, "");
  const usable = (n: number) => {
    const prefix = words.slice(0, n);
    if (/[:,;.!?]$/.test(prefix[n - 1])) return false;
    const first = letters(prefix[0]).toLowerCase();
    return (first === "" || !hasWord(story().lower, first)) && !story().lower.includes(prefix.join(" ").toLowerCase());
  };
  const limit = Math.min(MAX_GLUED_WORDS, words.length - MIN_HEADLINE_WORDS_LEFT);
  // Mixed case, then capitals to the end.
  for (let n = 1; n <= limit; n++) {
    const rest = words.slice(n).join(" ");
    if (!isAllCapitals(rest)) continue;
    // Navigation is words in ordinary case and symbols ("Home › World"), not a misprinted word ("INTl").
    const ordinary = words.slice(0, n).every((w) => /^(?:\p{Lu}?\p{Ll}+|[^\p{L}\p{N}]+)$/u.test(w));
    if (!ordinary || (rest.match(/\p{Lu}{2,}/gu) ?? []).length < MIN_HEADLINE_WORDS_LEFT) return 0;
    return usable(n) ? n : 0;
  }
  // A capitalised word the story writes only in lowercase, then a sentence-case headline.
  for (let n = 1; n <= limit; n++) {
    const word = letters(words[n]);
    if (!/^\p{Lu}\p{Ll}+$/u.test(word)) continue;
    const tail = words.slice(n + 1).filter((w) => letters(w).length > 3);
    if (tail.length < 2 || tail.some((w) => /^\p{Lu}/u.test(letters(w)))) continue;
    if (!hasWord(story().text, word.toLowerCase()) || capitalisedInSentence(story().text, word)) continue;
    return usable(n) ? n : 0;
  }
  return 0;
}

/** Whether `text` writes `word` (letters only, capitalised) inside a sentence, where case is the word's own. */
function capitalisedInSentence(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const after = text[at + word.length];
    if ((after !== undefined && /\p{L}/u.test(after)) || (at > 0 && /\p{L}/u.test(text[at - 1]))) continue;
    // At a paragraph's or a sentence's start, or a quotation's, any word is capitalised.
    if (at === 0 || /(?:\n|[.!?]["”’)]?\s+|["“‘(]|:\s+)$/u.test(text.slice(Math.max(0, at - 4), at))) continue;
    return true;
  }
  return false;
}

/** Most words in a site's name after a headline ("| The Daily Post", "– Eagle Rising"). */
const MAX_SITE_NAME_WORDS = 4;
/** Small words a site's name may hold ("Voice of the People"); any other is a phrase's ("– But Not Like THIS"). */
const NAME_JOINERS = new Set(["of", "the", "and", "for", "in", "on", "&"]);

/** The separator and the name of a site's name after a headline. */
function splitSuffix(suffix: { suffix: string }): { separator: string; name: string } {
  const separator = suffix.suffix.split(" ")[0];
  return { separator, name: suffix.suffix.slice(separator.length + 1) };
}

/** A name: a few capitalised words (and joiners: "of", "the"), no other small word, no punctuation ("– But Not Like THIS", "– Must See…"). */
function isNameShaped(suffix: { suffix: string }): boolean {
  const { name } = splitSuffix(suffix);
  const words = name.split(" ");
  return (
    words.length <= MAX_SITE_NAME_WORDS &&
    !/[,…?!:;"“”]|\.\./.test(name) &&
    words.every((w) => NAME_JOINERS.has(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && !TAG_STOPWORDS.has(w.toLowerCase())))
  );
}

/**
 * A site's name after the headline that no other article shows ("Senate passes budget |
 * The Daily Post"): a web address, or a name (every word capitalised, no small words but
 * joiners, no punctuation, not one word in capitals) of a few words, with no word of the
 * story, after a headline that shares the story's words. A headline may go on after a
 * dash ("Hero Speaks Out – WATCH", "– Promptly Resigns"), so after a dash only a web
 * address or a name run together ("– WalkWithHer") counts; words need evidence there.
 */
function isOneOffSiteName(suffix: { rest: string; suffix: string }, story: () => { text: string; lower: string }, common: ReadonlySet<string>): boolean {
  const { separator, name } = splitSuffix(suffix);
  const address = /^[\p{L}\p{N}-]+\.(?:com|org|net|info|news|co\.uk|us)$/iu.test(name);
  const bar = /^(?:\||::|•|·|⋆|»)$/.test(separator);
  // After a dash, only a name no headline words could be: a web address or one word run
  // together in capitals ("WalkWithHer").
  const runTogether = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+$/u.test(name);
  if (!(address || (bar ? isNameShaped(suffix) : runTogether)) || story().lower.includes(name.toLowerCase())) return false;
  const sample = story().text.split("\n").slice(0, BODY_SAMPLE).join(" ");
  // Whole words, not stems ("Capitol" is not "capital"), leaving out the archive's common ones ("Times").
  const bodyWords = foldedWords(sample);
  const nameWords = [...foldedWords(name)];
  const own = nameWords.length > 1 ? nameWords.filter((w) => !common.has(w.slice(0, 5))) : nameWords;
  return own.length > 0 && own.every((w) => !bodyWords.has(w)) && sharesWords(foldedStems(suffix.rest), foldedStems(sample)) > 0;
}

/** Lowercase words of four letters or more, plurals folded ("Times" → "time"). */
function foldedWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) out.add(word.replace(/ies$/u, "y").replace(/([^s])s$/u, "$1"));
  return out;
}

function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

const recurringSets = new WeakMap<FurnitureEvidence, Set<string>>();

/**
 * All the archive-wide evidence says about one article: which of its short lines recur
 * elsewhere, which are known banners, openers, prefixes or site-name suffixes, and which
 * of its words are common across the archive, as one comparable string. The article's
 * furniture removal depends on the evidence only through this, so a cached analysis stays
 * valid while it is unchanged (test/unit/furniture-evidence-key.test.ts).
 */
export function recurringLinesOf(paragraphs: readonly Paragraph[], evidence: FurnitureEvidence, site?: string): string {
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
  // Banners and one-off top lines are judged on the top lines, but the headline (with its
  // glued navigation and site name) is the first line no rule removed, which can sit lower,
  // and the story under it is compared with the archive's common words: every line counts.
  for (const p of paragraphs) {
    for (const stem of foldedStems(p.text)) if (sets.commonStems.has(stem)) found.push(`common:${stem}`);
    const key = normalizeFurnitureLine(p.text);
    const siteKey = siteKeyOf(site);
    const scoped = (k: string) => [k, ...(siteKey === undefined ? [] : [siteScoped(siteKey, k)!])];
    for (const k of scoped(key)) if (sets.openers.has(k)) found.push(`opener:${k}`);
    if (sets.pairOpeners.has(key)) found.push(`pair:${key}`);
    if (sets.bannerOpeners.has(key)) found.push(`banner:${key}`);
    for (const prefix of prefixKeys(p.text)) for (const k of scoped(prefix)) if (sets.prefixes.has(k)) found.push(`prefix:${k}`);
    const suffix = suffixKey(p.text);
    if (suffix) for (const k of scoped(suffix.key)) if (sets.suffixes.has(k)) found.push(`suffix:${k}`);
    if (suffix && sets.pairSuffixes.has(suffix.key)) found.push(`pair-suffix:${suffix.key}`);
  }
  return found.join("\n");
}
