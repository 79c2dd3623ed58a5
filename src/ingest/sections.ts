import sectionsJson from "../../data/sections.json" with { type: "json" };
import { tokenize, tokenizeBody, PARAGRAPH_LIMIT, type Token } from "./entities.ts";
import { FALLBACK_SECTION, SECTIONS, type SectionId, type SectionInfo } from "./section-taxonomy.ts";

/**
 * An article's section: one of a fixed set taken from the top level of IPTC Media Topics
 * (data/sections.json), chosen by a hand-written lexicon. Each term found adds its weight
 * to its section, with diminishing returns for repeats (a word said ten times is stronger
 * evidence than one said once, not ten times stronger); words in the headline and the
 * first paragraphs count more, since that is where a story says what it is about. The
 * highest score wins, except that a narrow section must clearly beat the broad desks
 * (NARROW_MARGIN); an article without a single cue gets the fallback section.
 */

interface SectionEntry extends SectionInfo {
  broad?: boolean;
  terms: { strong: string[]; normal: string[]; weak: string[] };
}

const entries = sectionsJson.sections as SectionEntry[];

export const TERM_WEIGHTS = { strong: 3, normal: 1, weak: 0.3 } as const;
/** How much more a term counts in the headline, and in the first paragraphs, than further down. */
export const TITLE_WEIGHT = 3;
export const LEAD_WEIGHT = 1.5;
export const LEAD_PARAGRAPHS = 2;
/**
 * A narrow section (crime, health, education...) takes an article from a broad desk
 * (politics, economy, sport, arts, science) only when its evidence is this many times
 * stronger: a bill on sentencing is a politics story, a fraud trial of a chief executive
 * a business story, a murder trial a crime story.
 */
export const NARROW_MARGIN = 2;

/** One lexicon entry: which section, how much. */
interface Cue {
  section: number;
  weight: number;
  /** Its id in the per-article count array. */
  id: number;
}

interface Phrase {
  /** Words after the first; a word ending in * matches any ending. */
  rest: string[];
  caseSensitive: boolean;
  cue: Cue;
}

/** Lookups built once from data/sections.json. */
const exactLower = new Map<string, Cue[]>();
const exactCased = new Map<string, Cue[]>();
const prefixLower = new Map<string, Cue[]>();
const prefixLengths = new Set<number>();
const phrasesByFirst = new Map<string, Phrase[]>();
let cueCount = 0;

function push<K>(map: Map<K, Cue[]>, key: K, cue: Cue): void {
  const list = map.get(key);
  if (list) list.push(cue);
  else map.set(key, [cue]);
}

entries.forEach((entry, section) => {
  for (const tier of ["strong", "normal", "weak"] as const) {
    for (const term of entry.terms[tier]) {
      const cue: Cue = { section, weight: TERM_WEIGHTS[tier], id: cueCount++ };
      const caseSensitive = term !== term.toLowerCase();
      const words = term.split(" ");
      if (words.length > 1) {
        const first = caseSensitive ? words[0] : words[0].toLowerCase();
        const list = phrasesByFirst.get(first) ?? [];
        list.push({ rest: words.slice(1), caseSensitive, cue });
        phrasesByFirst.set(first, list);
      } else if (term.endsWith("*")) {
        const stem = term.slice(0, -1);
        if (caseSensitive) throw new Error(`data/sections.json: "${term}": a stem with a * must be lowercase.`);
        push(prefixLower, stem, cue);
        prefixLengths.add(stem.length);
      } else if (caseSensitive) push(exactCased, term, cue);
      else push(exactLower, term, cue);
    }
  }
});
const sortedPrefixLengths = [...prefixLengths].sort((a, b) => a - b);

function wordMatches(pattern: string, token: Token, caseSensitive: boolean): boolean {
  const text = caseSensitive ? token.text : token.lower;
  return pattern.endsWith("*") ? text.startsWith(pattern.slice(0, -1)) : text === pattern;
}

/**
 * Counts the cues of one word: a capitalized entry for the word as written ("Labour")
 * replaces the lowercase ones ("labour"); otherwise the exact word and every stem it starts with.
 */
function countWord(token: Token, positionWeight: number, counts: Float64Array): void {
  const cased = exactCased.get(token.text);
  if (cased) {
    for (const cue of cased) counts[cue.id] += positionWeight;
    return;
  }
  const exact = exactLower.get(token.lower);
  if (exact) for (const cue of exact) counts[cue.id] += positionWeight;
  for (const length of sortedPrefixLengths) {
    if (length > token.lower.length) break;
    const stemCues = prefixLower.get(token.lower.slice(0, length));
    if (stemCues) for (const cue of stemCues) counts[cue.id] += positionWeight;
  }
}

/** Adds each term's weighted occurrences in `tokens` to `counts` (indexed by cue id). */
function countCues(tokens: readonly Token[], positionWeight: number, counts: Float64Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    countWord(t, positionWeight, counts);
    const lowerPhrases = phrasesByFirst.get(t.lower);
    if (lowerPhrases) countPhrases(tokens, i, lowerPhrases, positionWeight, counts);
    const casedPhrases = t.text !== t.lower ? phrasesByFirst.get(t.text) : undefined;
    if (casedPhrases) countPhrases(tokens, i, casedPhrases, positionWeight, counts);
  }
}

/** Phrases starting at tokens[i] (whose first word already matched). */
function countPhrases(tokens: readonly Token[], i: number, phrases: readonly Phrase[], positionWeight: number, counts: Float64Array): void {
  for (const phrase of phrases) {
    let ok = true;
    let j = i + 1;
    for (const word of phrase.rest) {
      // Phrases run over words only: "health-care" is one token, "health care" two.
      if (j >= tokens.length || !tokens[j].word || !wordMatches(word, tokens[j], phrase.caseSensitive)) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) counts[phrase.cue.id] += positionWeight;
  }
}

export interface SectionScores {
  section: SectionId;
  /** Each section's score, in SECTIONS order (for measuring and for tests). */
  scores: number[];
}

/** The section of an article from its headline and body paragraphs. */
export function classifySection(input: { title: string; paragraphs: readonly string[] }): SectionScores {
  const counts = new Float64Array(cueCount);
  countCues(tokenize(input.title.slice(0, PARAGRAPH_LIMIT)), TITLE_WEIGHT, counts);
  const body = tokenizeBody(input.paragraphs as string[]);
  body.paragraphs.forEach((tokens, i) => countCues(tokens, i < LEAD_PARAGRAPHS ? LEAD_WEIGHT : 1, counts));

  const scores = new Array<number>(SECTIONS.length).fill(0);
  for (let id = 0; id < counts.length; id++) {
    if (counts[id] === 0) continue;
    const cue = allCues[id];
    scores[cue.section] += cue.weight * Math.log1p(counts[id]);
  }
  let broad = -1;
  let narrow = -1;
  for (let s = 0; s < scores.length; s++) {
    if (scores[s] <= 0) continue;
    if (entries[s].broad) {
      if (broad < 0 || scores[s] > scores[broad]) broad = s;
    } else if (narrow < 0 || scores[s] > scores[narrow]) narrow = s;
  }
  const best = narrow >= 0 && (broad < 0 || scores[narrow] >= NARROW_MARGIN * scores[broad]) ? narrow : broad;
  return { section: best < 0 ? FALLBACK_SECTION : SECTIONS[best].id, scores };
}

const allCues: Cue[] = (() => {
  const list: Cue[] = new Array(cueCount);
  const visit = (cues: Iterable<Cue[]>) => {
    for (const group of cues) for (const cue of group) list[cue.id] = cue;
  };
  visit(exactLower.values());
  visit(exactCased.values());
  visit(prefixLower.values());
  for (const phrases of phrasesByFirst.values()) for (const p of phrases) list[p.cue.id] = p.cue;
  return list;
})();

/**
 * Whether a lowercase word is in the sections' lexicon: a word a news desk files stories
 * under ("terrorism", "inflation", "cricket"), as opposed to an ordinary noun ("event",
 * "basement"). Tags use it to accept a single word as a topic.
 */
export function isLexiconWord(word: string): boolean {
  if (exactLower.has(word)) return true;
  for (const length of sortedPrefixLengths) {
    if (length > word.length) break;
    if (prefixLower.has(word.slice(0, length))) return true;
  }
  return false;
}

