import placesJson from "../../data/places.json" with { type: "json" };
import organizationsJson from "../../data/organizations.json" with { type: "json" };

/**
 * Part of step 5 of ingest: a headline a reader can read.
 *
 * Wire headlines are printed in capitals ("TRITON ENERGY CORP <OIL> SETS QUARTERLY") and
 * carry stock tickers in angle brackets. The title shown on the site is the headline in
 * sentence case ("Triton Energy Corp sets quarterly"): the first word capitalised, proper
 * names and acronyms kept as the article's own text writes them (or as the curated place
 * and organisation lists do), every other word in lowercase. The tickers move to their
 * own field, and the headline as printed is kept beside the title.
 */

export interface ReadableTitle {
  title: string;
  /** The headline as printed, when the title differs from it. */
  original?: string;
  /** Stock tickers the headline carried ("<OIL>" → "OIL"), in order, without repeats. */
  tickers: string[];
}

/** "<OIL>", "<TEX.N>", "<BRK.A>": a ticker as the wire prints it. */
const ANGLE_TICKER = /\s*<([A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,2})?)>/g;
/** "(NYSE: GM)", "(Nasdaq:AAPL)": a ticker with its exchange. */
const EXCHANGE_TICKER = /\s*\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX)\s*:\s*([A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,2})?)\)/g;

/** A headline is in capitals when nearly all its letters are: "U.S. CUTS RATES" (one stray lowercase letter allowed per 20). */
const MIN_UPPER_SHARE = 0.95;
const MIN_CAPS_LETTERS = 4;

/** Longest run of title words matched against the body as one phrase. */
const MAX_PHRASE = 6;
/** Body paragraphs read for evidence: the lead and what follows is enough, and keeps long files cheap. */
const EVIDENCE_PARAGRAPHS = 40;

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&]|['’.-](?=[\p{L}\p{N}]))*\.?/gu;

export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < MIN_CAPS_LETTERS) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length >= MIN_UPPER_SHARE;
}

/** Cuts tickers out of a headline: the headline without them, and the tickers. */
export function extractTickers(headline: string): { text: string; tickers: string[] } {
  const tickers: string[] = [];
  const take = (_m: string, ticker: string) => {
    if (!tickers.includes(ticker)) tickers.push(ticker);
    return "";
  };
  const text = headline.replace(ANGLE_TICKER, take).replace(EXCHANGE_TICKER, take).replace(/\s+/g, " ").trim();
  return { text, tickers };
}

/**
 * Names the curated place and organisation lists spell with capitals: one-word names
 * by word ("japan" → "Japan", "opec" → "OPEC"), longer ones as phrases ("west germany").
 */
const LIST_CASING = new Map<string, string>();
const LIST_PHRASES = new Map<string, string[]>();
buildListCasing();

function buildListCasing(): void {
  const add = (name: string) => {
    const words = name.match(WORD) ?? [];
    if (words.length === 1) {
      if (/\p{Lu}/u.test(words[0]) && !LIST_CASING.has(keyOf(words[0]))) LIST_CASING.set(keyOf(words[0]), words[0]);
    } else if (words.length > 1) {
      const key = words.map(keyOf).join(" ");
      if (!LIST_PHRASES.has(key)) LIST_PHRASES.set(key, words);
    }
  };
  const places = placesJson as unknown as Record<string, Record<string, { aliases?: string[] }> | string>;
  for (const [section, entries] of Object.entries(places)) {
    if (section.startsWith("_") || typeof entries !== "object") continue;
    for (const [name, entry] of Object.entries(entries)) {
      add(name);
      for (const alias of entry.aliases ?? []) add(alias);
    }
  }
  const orgs = (organizationsJson as unknown as { organizations: Record<string, string[]> }).organizations;
  for (const [name, aliases] of Object.entries(orgs)) {
    add(name);
    for (const alias of aliases) add(alias);
  }
}

/** Fills in the casing of list names printed in the title ("WEST GERMANY" → "West Germany"). */
function listPhraseForms(words: string[], forms: (string | undefined)[]): void {
  const keys = words.map(keyOf);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 2; n--) {
      const listed = LIST_PHRASES.get(keys.slice(i, i + n).join(" "));
      if (!listed) continue;
      for (let k = 0; k < n; k++) forms[i + k] ??= listed[k];
      i += n - 1;
      break;
    }
  }
}

/**
 * One-word names in the lists that are also ordinary headline words: "La." (Louisiana) is
 * not "la". titles.test.ts reads the ordinary words ("of", "new", "union", "party"...) in a
 * headline: a list gaining a one-word name spelled like one of them must add it here.
 */
const NEVER_FROM_LISTS = new Set(["la"]);

interface BodyToken {
  text: string;
  lower: string;
  /** First word of a sentence: its capital says nothing. */
  sentenceStart: boolean;
}

interface Evidence {
  tokens: BodyToken[];
  /** Lowercase word → positions in `tokens`. */
  positions: Map<string, number[]>;
}

function keyOf(word: string): string {
  // "U.S." keeps its stops; a sentence's full stop after a word is not part of it.
  const lower = word.toLowerCase();
  return /\..*\.$/.test(lower) ? lower : lower.replace(/\.$/, "");
}

function collectEvidence(body: readonly string[]): Evidence {
  const tokens: BodyToken[] = [];
  const positions = new Map<string, number[]>();
  for (const paragraph of body.slice(0, EVIDENCE_PARAGRAPHS)) {
    // A paragraph in capitals (a table header, a shouted line) shows nothing about case.
    if (isAllCaps(paragraph)) continue;
    let sentenceStart = true;
    let last = 0;
    for (const match of paragraph.matchAll(WORD)) {
      const between = paragraph.slice(last, match.index);
      if (/[.!?:;]["”’)]*\s*["“‘(]*$/.test(between) || /[.!?]$/.test(tokens.at(-1)?.text ?? "")) sentenceStart = true;
      const text = match[0];
      const token = { text: text.replace(/\.$/, (stop) => (/\..*\.$/.test(text) ? stop : "")), lower: keyOf(text), sentenceStart };
      const list = positions.get(token.lower);
      if (list) list.push(tokens.length);
      else positions.set(token.lower, [tokens.length]);
      tokens.push(token);
      sentenceStart = false;
      last = match.index + text.length;
    }
    // Paragraphs do not run into each other.
    tokens.push({ text: "¶", lower: "¶", sentenceStart: true });
  }
  return { tokens, positions };
}

function isCapitalized(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/**
 * How the body writes one word when it is not the first of a sentence: its most common
 * form. A capital inside a run of capitalised words ("the American Stock Exchange") is
 * the name's, not the word's, so only a capital standing alone counts for the word.
 */
function bodyForm(key: string, evidence: Evidence): string | undefined {
  const forms = new Map<string, number>();
  const inNames = new Map<string, number>();
  const { tokens } = evidence;
  for (const i of evidence.positions.get(key) ?? []) {
    const token = tokens[i];
    if (token.sentenceStart) continue;
    const allCaps = token.text.length >= 2 && token.text === token.text.toUpperCase();
    if (isCapitalized(token.text) && !allCaps) {
      const previous = tokens[i - 1];
      const next = tokens[i + 1];
      const inRun = (previous !== undefined && !previous.sentenceStart && previous.text !== "¶" && isCapitalized(previous.text) && !token.sentenceStart) ||
        (next !== undefined && next.text !== "¶" && !next.sentenceStart && isCapitalized(next.text));
      if (inRun) {
        inNames.set(token.text, (inNames.get(token.text) ?? 0) + 1);
        continue;
      }
    }
    forms.set(token.text, (forms.get(token.text) ?? 0) + 1);
  }
  // A word the body only prints inside names ("buys Gulfex Inc") is a name itself.
  return mostCommon(forms.size > 0 ? forms : inNames);
}

function mostCommon(forms: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [form, count] of forms) {
    // Ties go to the lowercase form: a capital needs the majority to count.
    if (count > bestCount || (count === bestCount && best !== undefined && form === form.toLowerCase())) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Casing copied from phrases of two or more title words that the body prints in order
 * ("Triton Energy Corp said…"): names are cased as the article writes them.
 */
function phraseForms(words: string[], evidence: Evidence): (string | undefined)[] {
  const forms: (string | undefined)[] = new Array(words.length).fill(undefined);
  const keys = words.map(keyOf);
  let i = 0;
  while (i < words.length) {
    let bestLength = 0;
    let bestStart = -1;
    for (const start of evidence.positions.get(keys[i]) ?? []) {
      let n = 1;
      while (n < MAX_PHRASE && i + n < words.length && evidence.tokens[start + n]?.lower === keys[i + n]) n++;
      if (n > bestLength) {
        bestLength = n;
        bestStart = start;
      }
    }
    if (bestLength >= 2) {
      for (let k = 0; k < bestLength; k++) {
        const token = evidence.tokens[bestStart + k];
        // A sentence's first word is capitalised whatever it is.
        if (k === 0 && token.sentenceStart) continue;
        forms[i + k] = token.text;
      }
      i += bestLength;
    } else {
      i++;
    }
  }
  return forms;
}

const VOWEL = /[AEIOUY]/;

/**
 * The wire's own abbreviations, written in lowercase in its stories ("4th qtr net", "200
 * mln dlrs"), and company-form suffixes as stories print them. Only used when the
 * article's text does not show the word.
 */
const WIRE_FORMS = new Map(
  [
    "qtr", "qtrs", "qtly", "dlr", "dlrs", "mln", "bln", "pct", "shr", "shrs", "cts", "vs", "yr", "yrs", "mth", "mths",
    "wk", "wks", "avg", "div", "pfd", "Inc", "Corp", "Co", "Ltd", "Plc", "Bhd", "Cos", "Intl", "Int'l",
  ].map((w) => [w.toLowerCase(), w]),
);

/**
 * The form of a word in a company's name ("TRITON ENERGY CORP <OIL>"): as the article
 * writes it if it does, else capitalised ("Triton"), an abbreviation kept in capitals.
 */
function nameWordForm(word: string, evidence: Evidence, tickers: readonly string[]): string {
  const seen = bodyForm(keyOf(word), evidence);
  if (seen !== undefined) return seen;
  if (tickers.includes(word) || (word.length >= 2 && !VOWEL.test(word.replace(/[^\p{L}]/gu, "")) && !WIRE_FORMS.has(keyOf(word)))) return word;
  const wire = WIRE_FORMS.get(keyOf(word));
  if (wire !== undefined) return wire;
  return word.toLowerCase().replace(/(^|[-/&.])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The reader's form of one title word in capitals, with no phrase evidence. */
function wordForm(word: string, evidence: Evidence): string {
  const key = keyOf(word);
  const seen = bodyForm(key, evidence);
  if (seen !== undefined) return seen + (word.endsWith(".") && !seen.endsWith(".") ? "." : "");
  // "G-7", "F-16", "MX-1": a code of one or two letters and a number, as printed.
  if (/^\p{Lu}{1,2}-\d{1,3}$/u.test(word)) return word;
  // "FARMER-OWNED" the body never prints whole: each part on its own.
  if (word.includes("-")) return word.split("-").map((part) => (part === "" ? part : wordForm(part, evidence))).join("-");
  // "1ST", "1980S": ordinals and decades in lowercase; other codes ("G-7", "747") as printed.
  if (/\d/.test(word)) return /^\d+(?:ST|ND|RD|TH|S)\.?$/.test(word) ? word.toLowerCase() : word;
  // "U.S.", "U.K.": initials stay initials.
  if (/^(?:\p{L}\.){2,}$/u.test(word)) return word;
  const wire = WIRE_FORMS.get(key);
  if (wire !== undefined) return wire;
  const listed = NEVER_FROM_LISTS.has(key) ? undefined : LIST_CASING.get(key);
  if (listed !== undefined) return listed;
  // A word with no vowel is an abbreviation read letter by letter ("GM", "NBC", "FHLBB").
  if (word.length >= 2 && !VOWEL.test(word.replace(/[^\p{L}]/gu, ""))) return word;
  return word.toLowerCase();
}

function capitalizeFirst(word: string): string {
  return word.replace(/\p{L}/u, (c) => c.toUpperCase());
}

/**
 * "BAHIA COCOA REVIEW" with a body about "the Bahia cocoa zone" → "Bahia cocoa review".
 * `nameWords` are title words known to be a name (the words before a ticker).
 */
export function sentenceCase(headline: string, body: readonly string[], names: NameHint = NO_NAMES): string {
  const evidence = collectEvidence(body);
  const matches = [...headline.matchAll(WORD)];
  const words = matches.map((m) => m[0]);
  const phrases = phraseForms(words, evidence);
  listPhraseForms(words, phrases);
  let out = "";
  let last = 0;
  matches.forEach((m, i) => {
    const word = m[0];
    const inName = i < names.leadingWords || names.words.has(word);
    let form = phrases[i] ?? (inName ? nameWordForm(word, evidence, names.tickers) : wordForm(word, evidence));
    // The headline's first word, and the first after a colon or a dash, start with a capital.
    const before = headline.slice(last, m.index);
    if (i === 0 || /[:—–?!]\s*$|\s-\s*$/.test(out + before)) form = capitalizeFirst(form);
    out += before + form;
    last = m.index + word.length;
  });
  return out + headline.slice(last);
}

/** What the headline's tickers say about which of its words are a company's name. */
export interface NameHint {
  /** The headline's first words up to its first ticker: "TRITON ENERGY CORP <OIL> …". */
  leadingWords: number;
  /** Words right before a later ticker ("… JOINS ATT <T> …") or inside "<BURTON GROUP PLC>". */
  words: Set<string>;
  tickers: string[];
}

const NO_NAMES: NameHint = { leadingWords: 0, words: new Set(), tickers: [] };
/** A name the wire puts in angle brackets, a private company: "<BURTON GROUP PLC>". */
const BRACKETED_NAME = /<([^<>]{2,80})>/g;
/** Names run at most this many words before their ticker. */
const MAX_NAME_WORDS = 5;
/** Words that end a name at the start of a headline: "ARMY TO RENEGOTIATE ITT <ITT>" names the Army only. */
const AFTER_NAME = new Set(["TO", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "SAYS", "SAID", "SEES", "SETS", "IS", "HAS"]);

function nameHints(headline: string, tickers: string[]): NameHint {
  const words = new Set<string>();
  let leadingWords = 0;
  let first = true;
  for (const match of headline.matchAll(/<([^<>]{1,80})>/g)) {
    const inside = match[1];
    if (tickers.includes(inside)) {
      const before = (headline.slice(0, match.index).replace(/<[^<>]*>/g, " ").match(WORD) ?? []);
      // A ticker with words after it ends the name the headline opens with; one at the
      // end ("MOODY'S MAY DOWNGRADE RESORTS INTERNATIONAL <RT>") follows its predicate.
      const atEnd = headline.slice(match.index + match[0].length).trim() === "";
      if (first && !atEnd && before.length <= MAX_NAME_WORDS && !/[:;]/.test(headline.slice(0, match.index))) {
        const stop = before.findIndex((w) => AFTER_NAME.has(w));
        leadingWords = stop < 0 ? before.length : stop;
        if (stop >= 0) words.add(before[before.length - 1]);
      }
      else if (before.length > 0) words.add(before[before.length - 1]);
    } else {
      for (const word of inside.match(WORD) ?? []) words.add(word);
    }
    first = false;
  }
  return { leadingWords, words, tickers };
}

/** The title a reader sees for a headline, with the tickers it carried and the original when they differ. */
export function readableTitle(headline: string, body: readonly string[]): ReadableTitle {
  const { text, tickers } = extractTickers(headline);
  let base = text === "" ? headline : text;
  let title = base;
  if (isAllCaps(base)) {
    const names = nameHints(headline, tickers);
    // The wire's brackets around a private company's name are not for readers.
    base = base.replace(BRACKETED_NAME, "$1");
    title = sentenceCase(base, body, names);
  }
  return title === headline ? { title, tickers } : { title, original: headline, tickers };
}
