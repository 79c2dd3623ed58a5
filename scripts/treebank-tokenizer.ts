/**
 * A Penn Treebank tokenizer, for making tokenized test copies of articles: the rules of
 * NLTK's TreebankWordTokenizer (nltk/tokenize/treebank.py) and, with `style: "nltk"`, of
 * the NLTKWordTokenizer behind `nltk.word_tokenize` (which also splits curly quotes off
 * words, "Trump’s" → "Trump ’ s"). As in `word_tokenize`, a paragraph is split into
 * sentences first and each sentence is tokenized on its own, which is why a sentence
 * ending in an abbreviation prints as "U.S ." (the final-period rule splits it off).
 *
 * Only used by scripts/measure-treebank.ts and its tests; ingest never tokenizes.
 */

export type TreebankStyle = "treebank" | "nltk";

type Rule = [RegExp, string];

// Python's \w, \d and \b know every script; JavaScript's only ASCII, so they are spelled out.
const W = "[\\p{L}\\p{N}_]";
const B_START = `(?<!${W})`;
const B_END = `(?!${W})`;
const re = (source: string, flags = "gu") => new RegExp(source, flags);

const STARTING_QUOTES: Rule[] = [
  [re('^"'), "``"],
  [re("(``)"), " $1 "],
  [re(`([ ([{<])("|'{2})`), "$1 `` "],
];
const NLTK_STARTING_QUOTES: Rule[] = [
  [re("([«“‘„]|`+)"), " $1 "],
  [re('^"'), "``"],
  [re("(``)"), " $1 "],
  [re(`([ ([{<])("|'{2})`), "$1 `` "],
  [re(`(')(?!re|ve|ll|m|t|s|d|n)(${W})${B_END}`, "giu"), "$1 $2"],
];

const PUNCTUATION: Rule[] = [
  [re("([:,])([^\\p{Nd}])"), " $1 $2"],
  [re("([:,])$"), " $1 "],
  [re("\\.\\.\\."), " ... "],
  [re("[;@#$%&]"), " $& "],
  // The final period of the sentence, before any closing brackets or quotes.
  [re(`([^.])(\\.)([\\])}>"']*)\\s*$`), "$1 $2$3 "],
  [re("[?!]"), " $& "],
  [re("([^'])' "), "$1 ' "],
];
const NLTK_PUNCTUATION: Rule[] = [
  [re(`([^.])(\\.)([\\])}>"'»”’ ]*)\\s*$`), "$1 $2 $3 "],
  [re("([:,])([^\\p{Nd}])"), " $1 $2"],
  [re("([:,])$"), " $1 "],
  [re("\\.{2,}"), " $& "],
  [re("[;@#$%&]"), " $& "],
  [re(`([^.])(\\.)([\\])}>"']*)\\s*$`), "$1 $2$3 "],
  [re("[?!]"), " $& "],
  [re("([^'])' "), "$1 ' "],
  [re("[*]"), " $& "],
];

const PARENS_BRACKETS: Rule = [re("[\\][(){}<>]"), " $& "];
const DOUBLE_DASHES: Rule = [re("--"), " -- "];

const ENDING_QUOTES: Rule[] = [
  [re("''"), " '' "],
  [re('"'), " '' "],
  [re("([^' ])('[sS]|'[mM]|'[dD]|') "), "$1 $2 "],
  [re("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), "$1 $2 "],
];
const NLTK_ENDING_QUOTES: Rule[] = [
  [re("([»”’])"), " $1 "],
  ...ENDING_QUOTES,
];

/** MacIntyre's contractions (CONTRACTIONS2 and 3): "cannot" → "can not", "gonna" → "gon na". */
const CONTRACTIONS: RegExp[] = [
  re(`${B_START}(can)(not)${B_END}`, "giu"),
  re(`${B_START}(d)('ye)${B_END}`, "giu"),
  re(`${B_START}(gim)(me)${B_END}`, "giu"),
  re(`${B_START}(gon)(na)${B_END}`, "giu"),
  re(`${B_START}(got)(ta)${B_END}`, "giu"),
  re(`${B_START}(lem)(me)${B_END}`, "giu"),
  re(`${B_START}(more)('n)${B_END}`, "giu"),
  re(`${B_START}(wan)(na)(?=\\s)`, "giu"),
  re(` ('t)(is)${B_END}`, "giu"),
  re(` ('t)(was)${B_END}`, "giu"),
];

/** TreebankWordTokenizer.tokenize on one sentence. */
export function tokenizeSentence(sentence: string, style: TreebankStyle = "treebank"): string[] {
  let text = sentence;
  for (const [rule, to] of style === "nltk" ? NLTK_STARTING_QUOTES : STARTING_QUOTES) text = text.replace(rule, to);
  for (const [rule, to] of style === "nltk" ? NLTK_PUNCTUATION : PUNCTUATION) text = text.replace(rule, to);
  text = text.replace(PARENS_BRACKETS[0], PARENS_BRACKETS[1]);
  text = text.replace(DOUBLE_DASHES[0], DOUBLE_DASHES[1]);
  text = ` ${text} `;
  for (const [rule, to] of style === "nltk" ? NLTK_ENDING_QUOTES : ENDING_QUOTES) text = text.replace(rule, to);
  for (const rule of CONTRACTIONS) text = text.replace(rule, " $1 $2 ");
  return text.split(/\s+/).filter((t) => t !== "");
}

/** Titles and initials after which a capitalised word does not start a sentence. */
const NO_BREAK_AFTER = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Prof|Rev|Mt|Ft|No|Vs|vs|[A-Z])\.$/;

/**
 * Splits a paragraph into sentences as NLTK's Punkt model mostly does: after ., ! or ?
 * (and any closing quotes or brackets) followed by a space and a capital, a digit or an
 * opening quote, except after a title or an initial ("Mr.", "J.").
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && NO_BREAK_AFTER.test(paragraph.slice(start, match.index + 1))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}

/** `word_tokenize` on a paragraph, joined with single spaces as tokenized corpora print it. */
export function tokenizeParagraph(paragraph: string, style: TreebankStyle = "treebank"): string {
  return splitSentences(paragraph)
    .flatMap((s) => tokenizeSentence(s, style))
    .join(" ");
}
