import { TAG_STOPWORDS, tokenize, tokenizeBody, type Token } from "./entities.ts";
import { slugWords } from "./slug.ts";
import tagWordsJson from "../../data/tag-words.json" with { type: "json" };
import { isLexiconWord } from "./sections.ts";

/**
 * Topic tags: the lowercase noun phrases an article keeps coming back to ("sanctuary
 * cities", "executive order"). Candidates are gathered per article; the choice is made
 * with the whole archive in view: a tag is a subject several articles share (a phrase in
 * one article is no subject to browse by), a phrase nearly every article uses is left out,
 * and the archive's vocabulary of tags is kept small (MAX_TAG_SHARE) by keeping the tags
 * the most articles chose. Capitalized words never make a tag: names have their own pages.
 * Job titles, units, verbs and empty modifiers never make one either (data/tag-words.json).
 */

/** One phrase of an article while its text is read (PhraseCounter). */
interface TagTerm {
  /** Lowercase, last word singular: "sanctuary city" for "sanctuary cities". */
  key: string;
  /** Occurrences in the body (and title). */
  count: number;
  inTitle: boolean;
  /** Surface forms as written (lowercase), in order of first use, with their counts at the same index of `formCounts`. */
  forms: string[];
  formCounts: number[];
}

/**
 * An article's tag candidates, kept for the whole archive until tags are chosen (and by
 * the ingest cache between builds): as a few arrays, not an object per phrase. An article
 * has about 37 phrases; at 100,000 articles an object and two arrays per phrase held
 * about 0.8 GB.
 */
export interface TagCandidates {
  /** The phrases' keys, lowercase, last word singular ("sanctuary city" for "sanctuary cities"), sorted by UTF-16 code units. */
  keys: string[];
  /** Each key's occurrences in the body and title, at the same index. */
  counts: number[];
  /** The indexes of the keys that occur in the title, ascending. */
  inTitle: number[];
  /**
   * The surface forms (as written, lowercase) of the keys not always written as
   * themselves, by ascending index: the index, the number of forms, then each form and its
   * count in order of first use. A key not listed was written as itself every time. The
   * tag is named by the commonest form across the archive.
   */
  forms: (string | number)[];
}

/** Calls `visit` with each form of each key of `c` (index, form, count), in index order. */
export function forEachTagForm(c: TagCandidates, visit: (index: number, form: string, count: number) => void): void {
  let at = 0;
  for (let i = 0; i < c.keys.length; i++) {
    if (at < c.forms.length && c.forms[at] === i) {
      const n = c.forms[at + 1] as number;
      for (let f = 0; f < n; f++) visit(i, c.forms[at + 2 + 2 * f] as string, c.forms[at + 3 + 2 * f] as number);
      at += 2 + 2 * n;
    } else visit(i, c.keys[i], c.counts[i]);
  }
}

const MAX_PHRASE_WORDS = 3;
const TAG_WORD = /^\p{Ll}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]*)*$/u;
/**
 * Words that end in "s" without being plural. Words the rules below already keep (under
 * four letters, or ending in -ss, -us or -is: "gas", "congress", "census", "crisis") are
 * not listed.
 */
const SINGULAR_ENDING_IN_S = new Set(["news", "politics", "economics", "physics", "species", "series", "arms", "means", "headquarters", "alias", "chaos", "lens", "atlas"]);

/** The singular of an English plural noun, by rule (enough to merge "cities" and "city"). */
export function singularize(word: string): string {
  if (SINGULAR_ENDING_IN_S.has(word) || word.length < 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes") || word.endsWith("zzes") || word.endsWith("tzes")) {
    return word.slice(0, -2);
  }
  if (word.endsWith("s") && !(word.endsWith("ss") || word.endsWith("us") || word.endsWith("is"))) return word.slice(0, -1);
  return word;
}

const CHAR_LOWER_A = 97;
const CHAR_LOWER_Z = 122;
const CHAR_HYPHEN = 45;

/** Lowercase letters, words joined by single hyphens (TAG_WORD); plain ASCII is read by character code. */
function hasTagWordShape(word: string): boolean {
  let previous = CHAR_HYPHEN;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return TAG_WORD.test(word);
    if (c === CHAR_HYPHEN) {
      if (previous === CHAR_HYPHEN) return false;
    } else if (c < CHAR_LOWER_A || c > CHAR_LOWER_Z) return false;
    previous = c;
  }
  return word.length > 0 && previous !== CHAR_HYPHEN;
}

/** Words never in a tag: roles, units, verbs (data/tag-words.json). */
const NEVER_IN_TAG = new Set<string>(tagWordsJson.never);
/** Words that never start a tag ("immense pressure"), never end one ("living room"), are never one alone ("game"). */
export const NOT_FIRST = new Set<string>(tagWordsJson.not_first);
export const NOT_LAST = new Set<string>(tagWordsJson.not_last);
export const NOT_ALONE = new Set<string>(tagWordsJson.not_alone);
/** Words ending in -ed that may start a tag as adjectives ("undocumented immigrants"); others are verbs. */
const PARTICIPLES_FIRST = new Set<string>(tagWordsJson.participles_first);

/** A word of the right shape that says something: no stopword, no adverb, no role or unit. */
function isTopicWord(word: string): boolean {
  return hasTagWordShape(word) && !TAG_STOPWORDS.has(word) && !NEVER_IN_TAG.has(word) && !word.endsWith("ly");
}

/** Whether words[start..last] may be a tag: a good first word, a good last word, not a lone broad word. */
function phraseAllowed(words: readonly string[], start: number, last: number): boolean {
  if (NOT_FIRST.has(words[start]) || NOT_LAST.has(words[last])) return false;
  if (start !== last && words[start].endsWith("ed") && !PARTICIPLES_FIRST.has(words[start])) return false;
  return start !== last || !NOT_ALONE.has(words[last]);
}

/** A word that may be part of a topic phrase: lowercase letters, no stopword, no adverb. */
function isTagWord(t: Token, lowerWords: ReadonlySet<string>): string | undefined {
  if (!t.word) return undefined;
  const word = t.lower;
  // A capitalized sentence opener is an ordinary word when the article also writes it in lowercase.
  if (t.cap && !(t.sentenceStart && lowerWords.has(word))) return undefined;
  if (word.length < 3 || !isTopicWord(word)) return undefined;
  return word;
}

const NOUN_ENDING_IN_ED_OR_ING = /(?:need|seed|breed|funding|hearing|meeting|building|spending|ruling|housing|training|shooting|bombing|warning|policing|rating|trading|earnings|bidding|financing|marketing|planning|banking|lending|polling|offering|setting|voting|filing|timing|landing|ending|training)$/;

/** A phrase's last word should be a noun: not an "-ed" participle or a bare "-ing" form. */
function canEndPhrase(word: string): boolean {
  return !(word.endsWith("ed") || word.endsWith("ing")) || NOUN_ENDING_IN_ED_OR_ING.test(word);
}

/**
 * Counts the phrases of one article. A chunk is a run of topic words with nothing
 * between them; every phrase of up to MAX_PHRASE_WORDS words inside it is a candidate
 * whose last word can end a phrase.
 */
class PhraseCounter {
  readonly terms = new Map<string, TagTerm>();
  private readonly words: string[] = [];
  /** Per word of the chunk: its singular when it may end a phrase, else undefined. */
  private readonly endings: (string | undefined)[] = [];
  private inTitle = false;

  startLine(inTitle: boolean): void {
    this.flush();
    this.inTitle = inTitle;
  }

  push(word: string): void {
    this.words.push(word);
    this.endings.push(canEndPhrase(word) ? singularize(word) : undefined);
  }

  flush(): void {
    const { words, endings } = this;
    if (words.length === 0) return;
    for (let start = 0; start < words.length; start++) {
      let prefix = "";
      for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= words.length; length++) {
        const last = start + length - 1;
        const singular = endings[last];
        const form = length === 1 ? words[last] : `${prefix} ${words[last]}`;
        if (singular !== undefined && phraseAllowed(words, start, last)) this.count(length === 1 ? singular : `${prefix} ${singular}`, form);
        prefix = form;
      }
    }
    words.length = 0;
    endings.length = 0;
  }

  private count(key: string, form: string): void {
    const term = this.terms.get(key);
    if (!term) {
      this.terms.set(key, { key, count: 1, inTitle: this.inTitle, forms: [form], formCounts: [1] });
      return;
    }
    term.count++;
    term.inTitle ||= this.inTitle;
    const at = term.forms.indexOf(form);
    if (at >= 0) term.formCounts[at]++;
    else {
      term.forms.push(form);
      term.formCounts.push(1);
    }
  }
}

export function extractTagCandidates(input: { title: string; paragraphs: string[] }): TagCandidates {
  // The body's lowercase words leave out those starting with a digit: no such word is ever
  // looked up here (a capitalized word's lowercase starts with a letter; a digit never makes a tag word).
  const { paragraphs: bodyTokens, lowerWords } = tokenizeBody(input.paragraphs);

  const counter = new PhraseCounter();
  const collect = (tokens: Token[], inTitle: boolean) => {
    counter.startLine(inTitle);
    for (const t of tokens) {
      // In a title-case headline every word is capitalized: read a word if the body writes it in lowercase.
      const titleWord = inTitle && t.word && lowerWords.has(t.lower);
      const word = titleWord ? (isTopicWord(t.lower) ? t.lower : undefined) : isTagWord(t, lowerWords);
      if (word) counter.push(word);
      else counter.flush();
      if (t.possessive) counter.flush();
    }
    counter.flush();
  };
  collect(tokenize(input.title.slice(0, 2_000)), true);
  for (const tokens of bodyTokens) collect(tokens, false);
  // The default sort compares UTF-16 code units, as `<` does, without a call per comparison.
  const candidates: TagCandidates = { keys: [...counter.terms.keys()].sort(), counts: [], inTitle: [], forms: [] };
  candidates.keys.forEach((key, i) => {
    const term = counter.terms.get(key)!;
    candidates.counts.push(term.count);
    if (term.inTitle) candidates.inTitle.push(i);
    // The usual phrase: one form, written as its key every time.
    if (term.forms.length === 1 && term.forms[0] === key && term.formCounts[0] === term.count) return;
    candidates.forms.push(i, term.forms.length);
    term.forms.forEach((form, f) => candidates.forms.push(form, term.formCounts[f]));
  });
  return candidates;
}

function containsPhrase(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

function wordCount(key: string): number {
  let words = 1;
  for (let at = key.indexOf(" "); at !== -1; at = key.indexOf(" ", at + 1)) words++;
  return words;
}

/** How many articles must share a phrase before it can be a tag: a subject, not a one-off. */
export const MIN_TAG_ARTICLES = 2;
/** Below this score relative to an article's best tag, a phrase is a passing mention. */
export const TAG_SCORE_FLOOR = 0.3;

/**
 * The most distinct tags an archive of `articleCount` articles keeps: one per 2.5 articles
 * at 1,000, one per 5 at 10,000 (the share halves with every tenfold growth, so a large
 * archive's topics stay few enough to browse).
 */
export function maxDistinctTags(articleCount: number): number {
  const articlesPerTag = 2.5 * Math.pow(articleCount / 1000, Math.log10(2));
  return Math.max(10, Math.ceil(articleCount / articlesPerTag));
}

/**
 * Phrase key → number, for the life of the process, so an article's numbers are looked up
 * once (rankEntry) and document frequencies are counted in a flat array. Numbers only
 * name keys: no result depends on their order.
 */
const phraseIds = new Map<string, number>();
const phraseKeys: string[] = [];

function phraseId(key: string): number {
  let id = phraseIds.get(key);
  if (id === undefined) {
    id = phraseKeys.length;
    phraseIds.set(key, id);
    phraseKeys.push(key);
  }
  return id;
}

/** What chooseTags keeps of an article between calls: its terms' numbers, and its ranked candidates with what they were ranked on. */
interface RankEntry {
  ids: Int32Array;
  scored?: { key: string; score: number; id: number }[];
  articleCount?: number;
  /** The document frequency of each of its terms when `scored` was made. */
  df?: Int32Array;
}

/** Kept per candidates object: an article's analysis is not changed once made (src/publish/article-memo.ts keeps it). */
let rankEntries = new WeakMap<TagCandidates, RankEntry>();

/**
 * Lets go of the phrases' numbers and what chooseTags kept per article, when no later call
 * reads the same candidates (a build's ingest, which lets go of them after the pass): at
 * 100,000 articles 17 MB, held through the related-articles pass and the Markdown.
 */
export function forgetTagPhrases(): void {
  phraseIds.clear();
  phraseKeys.length = 0;
  rankEntries = new WeakMap();
}

function rankEntry(article: TagCandidates): RankEntry {
  let entry = rankEntries.get(article);
  if (!entry) rankEntries.set(article, (entry = { ids: Int32Array.from(article.keys, (key) => phraseId(key)) }));
  return entry;
}

export function chooseTags(all: TagCandidates[], options: { perArticle?: number; maxDistinct?: number } = {}): string[][] {
  const perArticle = options.perArticle ?? 5;
  const articleCount = all.length;
  const maxDistinct = options.maxDistinct ?? maxDistinctTags(articleCount);
  // Each phrase key has a number (kept for the process: see phraseId); the passes below read the numbers.
  const entries = all.map(rankEntry);
  const termKeyIds = entries.map((e) => e.ids);
  /** Per key number: how many articles use the phrase. */
  const documentFrequency = new Int32Array(phraseKeys.length);
  for (const ids of termKeyIds) for (let i = 0; i < ids.length; i++) documentFrequency[ids[i]]++;

  // In a large archive a phrase in most articles says nothing about any one of them.
  const tooCommon = (df: number) => articleCount >= 20 && df / articleCount > 0.3;

  // Each article's candidates, best first: phrases it repeats, that few other articles use, in its title.
  // An article's list depends only on its terms, their document frequencies and the
  // archive's size: when none of those changed since the last call (the dev server's
  // next save), the list made then is used again.
  const ranked = all.map((article, a) => {
    const entry = entries[a];
    const ids = entry.ids;
    if (entry.scored && entry.articleCount === articleCount && entry.df!.every((df, i) => df === documentFrequency[ids[i]])) return entry.scored;
    const scored: { key: string; score: number; id: number }[] = [];
    const { keys, counts, inTitle } = article;
    let titled = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const count = counts[i];
      while (titled < inTitle.length && inTitle[titled] < i) titled++;
      const id = ids[i];
      const df = documentFrequency[id];
      if (df < MIN_TAG_ARTICLES || tooCommon(df)) continue;
      const words = wordCount(key);
      // One word is a topic only when the article dwells on it and it is a subject a news
      // desk files stories under (the sections' lexicon): "terrorism", not "event".
      // A hyphenated compound ("fiber-optic", "stop-and-frisk") is a phrase, not one word.
      if (words === 1 && !key.includes("-") && (count < 3 || !isLexiconWord(key))) continue;
      // A floor of 20 keeps a small archive from punishing the topic all its articles share.
      const idf = Math.log(1 + Math.max(articleCount, 20) / df);
      const lengthBonus = words === 2 ? 1.8 : words === 3 ? 1.2 : 0.8;
      const titleBonus = inTitle[titled] === i ? 1.5 : 1;
      scored.push({ key, score: (1 + Math.log(count)) * idf * lengthBonus * titleBonus, id });
    }
    scored.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    entry.scored = scored;
    entry.articleCount = articleCount;
    entry.df = Int32Array.from(ids, (id) => documentFrequency[id]);
    return scored;
  });

  /** Up to perArticle tags per article from the allowed keys, none inside another, none far below the best. */
  const pick = (allowed: (id: number) => boolean) =>
    ranked.map((scored) => {
      const chosen: { key: string; score: number; id: number }[] = [];
      for (const candidate of scored) {
        if (chosen.length >= perArticle) break;
        if (!allowed(candidate.id)) continue;
        if (chosen.length > 0 && candidate.score < TAG_SCORE_FLOOR * chosen[0].score) break;
        if (chosen.some((c) => containsPhrase(c.key, candidate.key) || containsPhrase(candidate.key, c.key))) continue;
        chosen.push(candidate);
      }
      return chosen;
    });

  let picked = pick(() => true);
  // Too many distinct tags: keep the ones the most articles chose (then the higher total score), and choose again.
  const uses = new Map<number, { count: number; score: number }>();
  for (const list of picked) {
    for (const c of list) {
      const use = uses.get(c.id) ?? { count: 0, score: 0 };
      use.count++;
      use.score += c.score;
      uses.set(c.id, use);
    }
  }
  if (uses.size > maxDistinct) {
    const keyOf = phraseKeys;
    const kept = new Set(
      [...uses.entries()]
        .sort((x, y) => y[1].count - x[1].count || y[1].score - x[1].score || (keyOf[x[0]] < keyOf[y[0]] ? -1 : 1))
        .slice(0, maxDistinct)
        .map(([id]) => id),
    );
    picked = pick((id) => kept.has(id));
  }

  /** Per key number: 1 when some article chose the key. */
  const chosenAnywhere = new Uint8Array(documentFrequency.length);
  const chosenKeys = picked.map((list) =>
    list.map((c) => {
      chosenAnywhere[c.id] = 1;
      return c.key;
    }),
  );

  // Name each chosen tag by its commonest surface form across the archive (counted only for chosen keys: cheap).
  const formCounts = new Map<number, Map<string, number>>();
  all.forEach((article, a) => {
    const ids = termKeyIds[a];
    forEachTagForm(article, (i, form, count) => {
      if (chosenAnywhere[ids[i]] === 0) return;
      let forms = formCounts.get(ids[i]);
      if (!forms) formCounts.set(ids[i], (forms = new Map()));
      forms.set(form, (forms.get(form) ?? 0) + count);
    });
  });
  const tagName = (key: string): string => {
    let best = key;
    let bestCount = -1;
    for (const [form, count] of formCounts.get(phraseIds.get(key)!)!) {
      if (count > bestCount || (count === bestCount && form < best)) {
        best = form;
        bestCount = count;
      }
    }
    return best;
  };
  const named = chosenKeys.map((keys) => keys.map(tagName));

  // "fiber optic" and "fiber-optic" are one topic with one page: tags whose slug words
  // are the same take the spelling most articles use.
  const usesByFold = new Map<string, Map<string, number>>();
  for (const tags of named) {
    for (const tag of tags) {
      const fold = slugWords(tag).join(" ");
      let uses = usesByFold.get(fold);
      if (!uses) usesByFold.set(fold, (uses = new Map()));
      uses.set(tag, (uses.get(tag) ?? 0) + 1);
    }
  }
  const spelling = new Map<string, string>();
  for (const uses of usesByFold.values()) {
    let best = "";
    let bestCount = -1;
    for (const [tag, count] of uses) if (count > bestCount || (count === bestCount && tag < best)) [best, bestCount] = [tag, count];
    for (const tag of uses.keys()) spelling.set(tag, best);
  }
  return named.map((tags) => [...new Set(tags.map((t) => spelling.get(t)!))]);
}
