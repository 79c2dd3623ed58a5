import type { Paragraph } from "./types.ts";

/**
 * Part of step 3 of ingest: rejoin drop caps that a scraper split off their word.
 *
 * A page that prints the first letter of a paragraph large keeps it in an element of
 * its own, and a scraper that writes one line per element cuts the word in two. Three
 * shapes occur in real scraped text:
 *
 * - the letter as a paragraph of its own: "T" / "he president said…";
 * - the letters one per paragraph: "C" / "N" / "N had an ominous headline…";
 * - the letter glued to the end of the paragraph before: "…has died. She was 68. P" /
 *   "ak died of natural causes…".
 *
 * A letter is only moved where the result reads as a word: "A", "I" and "O" are words of
 * their own, so "A" / "man walked in" stays two words unless the article's own text
 * (or a short list of common words) knows the joined word ("I" / "t was" → "It was").
 */

/**
 * Common words, known without evidence from the article: the short words a drop cap
 * most often starts, and the words most often after a one- or two-letter word.
 */
const COMMON_WORDS = new Set([
  "so", "we", "of", "to", "be", "he", "me", "my", "no", "do", "go", "by", "up", "us", "the", "this", "that", "there",
  "an", "and", "as", "at", "after", "all", "also", "again", "against", "although", "among", "another", "any", "are",
  "is", "it", "its", "if", "in", "into", "instead", "of", "on", "one", "only", "or", "other", "our", "over", "once",
  "what", "why", "how", "who", "when", "where", "which", "will", "would", "can", "could", "should", "may", "might",
  "was", "were", "has", "have", "had", "not", "now", "then", "than", "they", "you", "your", "she", "her", "his",
  "him", "them", "their", "for", "from", "with", "about", "many", "more", "most", "much", "some", "such", "very",
  "just", "like", "last", "first", "new", "said", "says", "say", "think", "know", "want", "need", "get", "got",
  "less", "even", "ever", "every", "own", "same", "still", "well", "here", "these", "those", "both", "each",
]);

/** One-letter words: a lone A, I or O may be a word, not a drop cap. */
const LETTER_WORDS = new Set(["a", "i", "o"]);

/** Characters that open a paragraph and may stand alone when a drop cap is a quote or bracket. */
const OPENERS = new Set(["“", '"', "‘", "'", "(", "["]);

/** A paragraph that is one drop-cap piece: a letter, or an opening quote or bracket. */
function isLonePiece(text: string): boolean {
  return (text.length === 1 && (/\p{L}/u.test(text) || OPENERS.has(text)));
}

function firstWord(text: string): string {
  return /^\p{L}+/u.exec(text)?.[0] ?? "";
}

/**
 * Lowercase words the article uses at least twice: a fragment left by the split itself
 * ("ver" in "O ver") occurs once, so it does not count as a word.
 */
function vocabularyOf(paras: readonly Paragraph[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of paras) {
    for (const w of p.text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = new Set<string>();
  for (const [w, n] of counts) if (n >= 2) words.add(w);
  return words;
}

/**
 * Should `letter` (one drop-cap letter: a run of several goes through
 * `spaceAfterLetterRun`) be glued to `rest` with no space?
 * Letters other than one-letter words always are when the rest starts in lowercase;
 * otherwise the joined word must be one the article or the common list knows.
 */
function joinsWithoutSpace(letter: string, rest: string, vocabulary: Set<string>): boolean {
  const word = firstWord(rest);
  if (word === "") return false;
  const joined = (letter + word).toLowerCase();
  const isKnown = (w: string) => known(w, vocabulary);
  if (/^\p{Ll}/u.test(rest)) {
    if (!LETTER_WORDS.has(letter.toLowerCase())) return true;
    // "I" / "t was": "t" is no word, "it" is. "A" / "man walked": the other way round.
    if (isKnown(joined) && !isKnown(word.toLowerCase())) return true;
    return isKnown(joined) && word.length <= 2;
  }
  // "T" / "HE PRESIDENT": capitals continue a word only when the joined word is one the
  // article uses ("CNN" elsewhere in the text) or a common one.
  return !LETTER_WORDS.has(letter.toLowerCase()) && word.length >= 2 && word === word.toUpperCase() && isKnown(joined);
}

/**
 * A paragraph ending in a sentence (or a colon) and then one capital letter, perhaps
 * after an opening quote: "…She was 68. P", "…what he said: “M".
 */
const TRAILING_DROP_CAP = /([.!?…:;]["”’)]?)\s+([“"‘(]?)(\p{Lu})$/u;

/** "O ver the past months": a drop cap printed with a space after it. */
const SPACED_DROP_CAP = /^(\p{Lu}) (\p{Ll}+)\b/u;

function known(word: string, vocabulary: Set<string>): boolean {
  return COMMON_WORDS.has(word) || vocabulary.has(word);
}

/** After a run of letters: "So" + "why" keeps a space ("so" is a word, "sowhy" is not). */
function spaceAfterLetterRun(letters: string, rest: string, vocabulary: Set<string>): boolean {
  // "I" / "t" / "’s happy times": an apostrophe or a comma continues the word.
  const word = firstWord(rest).toLowerCase();
  if (word === "" || known(letters.toLowerCase() + word, vocabulary)) return false;
  // "A" / "n" / "nabelle": the rest is no word of its own, so the letters start it.
  return known(letters.toLowerCase(), vocabulary) && known(word, vocabulary);
}

export function rejoinDropCaps(paras: readonly Paragraph[]): Paragraph[] {
  if (!paras.some((p) => p.text.length === 1 || TRAILING_DROP_CAP.test(p.text) || SPACED_DROP_CAP.test(p.text))) return paras.slice();
  const vocabulary = vocabularyOf(paras);
  const out: Paragraph[] = [];
  let i = 0;
  while (i < paras.length) {
    const p = paras[i];
    if (!isLonePiece(p.text)) {
      out.push({ ...p });
      i++;
      continue;
    }
    // A run of lone pieces, then the paragraph they open.
    let j = i;
    while (j < paras.length && isLonePiece(paras[j].text)) j++;
    const pieces = paras.slice(i, j).map((q) => q.text).join("");
    const next = paras[j];
    const opener = OPENERS.has(paras[i].text);
    const lettersOnly = /^\p{L}+$/u.test(pieces);
    if (next !== undefined && (opener || (lettersOnly && j - i === 1 && joinsWithoutSpace(pieces, next.text, vocabulary)))) {
      out.push({ text: pieces + next.text, line: p.line });
      i = j + 1;
    } else if (next !== undefined && lettersOnly && j - i >= 2) {
      // "C" / "N" / "N had", "A" / "n" / "gelina": the letters are one word's start; but
      // "S" / "o" / "why do you think" lost the space after a whole word.
      out.push({ text: pieces + (spaceAfterLetterRun(pieces, next.text, vocabulary) ? " " : "") + next.text, line: p.line });
      i = j + 1;
    } else if (next !== undefined && lettersOnly && LETTER_WORDS.has(pieces.toLowerCase()) && /^\p{Ll}/u.test(next.text)) {
      // "A" / "man walked in": the one-letter word starts the sentence.
      out.push({ text: `${pieces} ${next.text}`, line: p.line });
      i = j + 1;
    } else {
      for (let k = i; k < j; k++) out.push({ ...paras[k] });
      i = j;
    }
  }
  // "…She was 68. P" / "ak died…": the letter goes back to the word it starts.
  for (let k = 0; k + 1 < out.length; k++) {
    const match = TRAILING_DROP_CAP.exec(out[k].text);
    if (!match) continue;
    const [, , quote, letter] = match;
    const next = out[k + 1].text;
    if (!/^\p{Ll}/u.test(next) || !joinsWithoutSpace(letter, next, vocabulary)) continue;
    out[k] = { ...out[k], text: out[k].text.slice(0, match.index + match[1].length) };
    out[k + 1] = { ...out[k + 1], text: quote + letter + next };
  }
  for (let k = 0; k < out.length; k++) {
    const match = SPACED_DROP_CAP.exec(out[k].text);
    if (!match) continue;
    const joined = (match[1] + match[2]).toLowerCase();
    if (known(joined, vocabulary) && !known(match[2], vocabulary)) {
      out[k] = { ...out[k], text: match[1] + out[k].text.slice(2) };
    }
  }
  return out;
}
