import { TAG_STOPWORDS, tokenize, type Token } from "./entities.ts";

/**
 * Topic tags: the lowercase noun phrases an article keeps coming back to ("sanctuary
 * cities", "executive order"). Candidates are gathered per article; the choice is made
 * with the whole archive in view so that a phrase several articles share beats a one-off,
 * and a phrase nearly every article uses is left out. Capitalized words never make a tag:
 * names have their own pages.
 */

export interface TagTerm {
  /** Lowercase, last word singular: "sanctuary city" for "sanctuary cities". */
  key: string;
  /** Occurrences in the body (and title). */
  count: number;
  inTitle: boolean;
  /** Surface forms as written (lowercase) with their counts; the tag is named by the commonest. */
  forms: Record<string, number>;
}

export interface TagCandidates {
  terms: TagTerm[];
}

const MAX_PHRASE_WORDS = 3;
const TAG_WORD = /^\p{Ll}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]*)*$/u;
/** Words that end in "s" without being plural. */
const SINGULAR_ENDING_IN_S = new Set(["news", "politics", "economics", "species", "series", "physics", "arms", "means", "headquarters", "status", "census", "bus", "virus", "crisis", "basis", "analysis", "campus", "consensus", "bonus", "thesis", "process", "business", "congress", "progress", "access", "class", "gas", "alias", "chaos", "lens", "atlas"]);

/** The singular of an English plural noun, by rule (enough to merge "cities" and "city"). */
export function singularize(word: string): string {
  if (SINGULAR_ENDING_IN_S.has(word) || word.length < 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

function phraseKey(words: string[]): string {
  return [...words.slice(0, -1), singularize(words[words.length - 1])].join(" ");
}

/** A word that may be part of a topic phrase: lowercase letters, no stopword, no adverb. */
function isTagWord(t: Token, lowerWords: Set<string>): string | undefined {
  if (!t.word) return undefined;
  let word = t.lower;
  // A capitalized sentence opener is an ordinary word when the article also writes it in lowercase.
  if (t.cap && !(t.sentenceStart && lowerWords.has(word))) return undefined;
  if (!TAG_WORD.test(word) || word.length < 3 || TAG_STOPWORDS.has(word)) return undefined;
  if (word.endsWith("ly")) return undefined;
  return word;
}

/** A phrase's last word should be a noun: not an "-ed" participle or a bare "-ing" form. */
function canEndPhrase(word: string): boolean {
  return !/(?:ed|ing)$/.test(word) || /(?:need|seed|breed|funding|hearing|meeting|building|spending|ruling|housing|training|shooting|bombing|warning|policing|rating|trading|earnings|bidding|financing|marketing|planning|banking|lending|polling|offering|setting|voting|filing|timing|landing|ending|training)$/.test(word);
}

export function extractTagCandidates(input: { title: string; paragraphs: string[] }): TagCandidates {
  const bodyTokens = input.paragraphs.map((p) => tokenize(p.slice(0, 20_000)));
  const lowerWords = new Set<string>();
  for (const tokens of bodyTokens) for (const t of tokens) if (t.word && !t.cap) lowerWords.add(t.lower);

  const terms = new Map<string, TagTerm>();
  const collect = (tokens: Token[], inTitle: boolean) => {
    let chunk: string[] = [];
    const flush = () => {
      for (let start = 0; start < chunk.length; start++) {
        for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= chunk.length; length++) {
          const words = chunk.slice(start, start + length);
          if (!canEndPhrase(words[words.length - 1])) continue;
          const key = phraseKey(words);
          const form = words.join(" ");
          let term = terms.get(key);
          if (!term) terms.set(key, (term = { key, count: 0, inTitle: false, forms: {} }));
          term.count++;
          term.inTitle ||= inTitle;
          term.forms[form] = (term.forms[form] ?? 0) + 1;
        }
      }
      chunk = [];
    };
    for (const t of tokens) {
      // In a title-case headline every word is capitalized: read a word if the body writes it in lowercase.
      const word = inTitle && t.word && lowerWords.has(t.lower) ? t.lower : isTagWord(t, lowerWords);
      if (word && !TAG_STOPWORDS.has(word) && TAG_WORD.test(word) && !word.endsWith("ly")) chunk.push(word);
      else flush();
      if (t.possessive) flush();
    }
    flush();
  };
  collect(tokenize(input.title.slice(0, 2_000)), true);
  for (const tokens of bodyTokens) collect(tokens, false);
  return { terms: [...terms.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

function containsPhrase(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

export function chooseTags(all: TagCandidates[], options: { perArticle?: number } = {}): string[][] {
  const perArticle = options.perArticle ?? 5;
  const articleCount = all.length;
  const documentFrequency = new Map<string, number>();
  for (const article of all) {
    for (const term of article.terms) documentFrequency.set(term.key, (documentFrequency.get(term.key) ?? 0) + 1);
  }

  // In a large archive a phrase in most articles says nothing about any one of them.
  const tooCommon = (df: number) => articleCount >= 20 && df / articleCount > 0.3;

  const chosenKeys = all.map((article) => {
    const scored: { key: string; score: number }[] = [];
    for (const term of article.terms) {
      const df = documentFrequency.get(term.key)!;
      if (tooCommon(df)) continue;
      const words = term.key.split(" ").length;
      // A one-off phrase mentioned once is noise; shared or repeated phrases are topics.
      if (df < 2 && term.count < 2 && !term.inTitle) continue;
      if (words === 1 && term.count < 3) continue;
      // A floor of 20 keeps a small archive from punishing the topic all its articles share.
      const idf = Math.log(1 + Math.max(articleCount, 20) / df);
      const sharedBonus = articleCount < 2 ? 1 : df >= 2 ? 1.5 : 0.6;
      const lengthBonus = words === 2 ? 1.8 : words === 3 ? 1.2 : 0.8;
      const titleBonus = term.inTitle ? 1.5 : 1;
      scored.push({ key: term.key, score: (1 + Math.log(term.count)) * idf * sharedBonus * lengthBonus * titleBonus });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const chosen: string[] = [];
    for (const { key } of scored) {
      if (chosen.length >= perArticle) break;
      if (chosen.some((c) => containsPhrase(c, key) || containsPhrase(key, c))) continue;
      chosen.push(key);
    }
    return chosen;
  });

  // Name each chosen tag by its commonest surface form across the archive (counted only for chosen keys: cheap).
  const formCounts = new Map<string, Map<string, number>>();
  for (const keys of chosenKeys) for (const key of keys) formCounts.set(key, new Map());
  for (const article of all) {
    for (const term of article.terms) {
      const forms = formCounts.get(term.key);
      if (!forms) continue;
      for (const [form, count] of Object.entries(term.forms)) forms.set(form, (forms.get(form) ?? 0) + count);
    }
  }
  const tagName = (key: string): string => {
    let best = key;
    let bestCount = -1;
    for (const [form, count] of formCounts.get(key)!) {
      if (count > bestCount || (count === bestCount && form < best)) {
        best = form;
        bestCount = count;
      }
    }
    return best;
  };
  return chosenKeys.map((keys) => keys.map(tagName));
}
