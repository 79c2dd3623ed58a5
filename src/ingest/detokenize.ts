/**
 * Step 2 of ingest: undo Penn Treebank tokenization.
 *
 * Some sources hand over text that went through an NLP tokenizer: every punctuation
 * mark stands alone (`decision , tweeting`), contractions are split (`do n't`,
 * `Trump 's`) and quotes are written as `` and ''. Readers must see ordinary prose,
 * so such text is rejoined here; clean text is left exactly as it is.
 *
 * The rejoining follows NLTK's TreebankWordDetokenizer, except that it does not turn
 * a real "can not" into "cannot", it keeps spaces around ellipses and dashes, and it
 * writes curly quotes and the typographic apostrophe.
 *
 * Everything is a single pass over space-separated tokens: no backtracking regexes,
 * so a megabyte on one line costs the same as a megabyte of short lines.
 */

// ---- Token lists --------------------------------------------------------------

/** Contraction and possessive endings the tokenizer splits off the word before. */
const CLITICS = new Set(["'s", "'m", "'d", "'ll", "'re", "'ve", "n't"]);

/**
 * Words the tokenizer splits in two ("gon na", "can not"), keyed by the second half.
 * "can not" is rejoined as NLTK's detokenizer does, and with the same known mistake: a
 * writer's real "can not" becomes "cannot". In the research corpus "cannot" is written
 * 625 times and "can not" 17, so in tokenized text the joined word is right 37 times
 * out of 38 (text not detected as tokenized is never touched).
 * ("ca n't" and "wo n't" need no entry: the stem keeps the missing letter.)
 */
const SPLIT_WORD_HALVES = new Map([["na", ["gon", "wan"]], ["ta", ["got"]], ["me", ["gim", "lem"]], ["not", ["can"]]]);

/** Treebank escapes for brackets. */
const BRACKET_ESCAPES = new Map([
  ["-LRB-", "("], ["-RRB-", ")"], ["-LSB-", "["], ["-RSB-", "]"], ["-LCB-", "{"], ["-RCB-", "}"],
]);

const OPENING_BRACKETS = new Set(["(", "[", "{"]);
const CLOSING_BRACKETS = new Set([")", "]", "}"]);
/** Angle brackets hug their contents too (the wire's tickers: "< SRD >" is "<SRD>"), but are no evidence of tokenizing. */
const OPENING_ANGLE = "<";
const CLOSING_ANGLE = ">";
/** Words a bracketed name runs to: "< Mazda Motor Manufacturing ( USA ) Corp >". */
const MAX_ANGLE_TOKENS = 10;

/** What follows an apostrophe split off by NLTK's word_tokenize ("Trump ’ s", "don ’ t"). */
const APOSTROPHE_TAILS = new Set(["s", "t", "re", "ll", "ve", "m", "d"]);

/** Letters that make a dollar sign a currency: A$, US$, HK$, NZ$, C$, S$, NT$. */
const CURRENCY_PREFIX = /^(?:A|US|HK|NZ|C|S|NT)$/;

/** "S & P", "AT & T": an ampersand between initials is part of the name. */
const INITIALS = /^\p{Lu}{1,3}$/u;

/** Marks that belong to the word before them: `50 %` is "50%". */
const TRAILING_PUNCTUATION = /^(?:[,;:%.]|[?!]+\.?)$/;

/** Tokens that only appear in tokenized text, or only rarely in prose. */
const TOKENIZED_SIGNALS = new Set([",", ".", ";", ":", "?", "!", "``", "''", ")", "(", "<", ">", "'s", "n't", "'re", "'ll", "'ve", "'m", "'d"]);

/** Detection thresholds: enough evidence, and most punctuation spaced off. */
const MIN_SPACED_TOKENS = 2;
const MIN_SPACED_SHARE = 0.6;

// ---- Detection ----------------------------------------------------------------

/**
 * True when most punctuation in the text stands alone between spaces, as a
 * Treebank tokenizer leaves it, and there is enough of it to be sure.
 *
 * Every text of a build is asked, tokenized or not, so the tokens (runs between `\s`
 * characters, as `text.split(/\s+/)` gives them) are read in place, and a token is cut
 * out and lowercased only where that can change the answer: split, lowercased and
 * tested token by token, this took 4 s of one core per 100,000 articles, nearly all of
 * it on texts that are not tokenized (test/unit/detokenize.test.ts keeps that form as its
 * oracle).
 */
export function looksTreebankTokenized(text: string): boolean {
  let spaced = 0;
  let spacedBrackets = 0;
  let attached = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const length = i - start;
    if (length === 0) continue;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(i - 1);
    // Lowercasing never shortens a string: a longer token is no signal.
    if (length <= MAX_SIGNAL_LENGTH && TOKENIZED_SIGNALS.has(text.slice(start, i).toLowerCase())) {
      spaced++;
      // Tables pad bracketed numbers ("( 55.9 )"), so brackets alone prove nothing.
      if (length === 1 && (isOpeningBracket(first) || isClosingBracket(first))) spacedBrackets++;
    } else if (length >= 2 && (endsWithAttachedPunctuation(text, i, last) || isOpeningBracket(first) || isClosingBracket(last) || hasAttachedClitic(text, start, i, last))) {
      attached++;
    }
  }
  return spaced - spacedBrackets >= MIN_SPACED_TOKENS && spaced / (spaced + attached) >= MIN_SPACED_SHARE;
}

/** The longest of TOKENIZED_SIGNALS. */
const MAX_SIGNAL_LENGTH = 3;

/** What `\s` matches: Unicode's white space and line terminators. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const isOpeningBracket = (code: number) => code === 0x28 || code === 0x5b || code === 0x7b;
const isClosingBracket = (code: number) => code === 0x29 || code === 0x5d || code === 0x7d;

/** A token (ending before `end`, its last code unit `last`) that ends in `,.;:?!` glued on. */
function endsWithAttachedPunctuation(text: string, end: number, last: number): boolean {
  // An ellipsis is spaced in ordinary prose too, so it is not evidence either way.
  if (last === 0x2e) return text.charCodeAt(end - 2) !== 0x2e;
  return last === 0x2c || last === 0x3b || last === 0x3a || last === 0x3f || last === 0x21;
}

/** "Trump's", "don't": a clitic left on its word. Only an ASCII s, m, d, l, e or t (either case) can end one. */
function hasAttachedClitic(text: string, start: number, end: number, last: number): boolean {
  const folded = last | 0x20;
  if (folded !== 0x73 && folded !== 0x6d && folded !== 0x64 && folded !== 0x6c && folded !== 0x65 && folded !== 0x74) return false;
  return /[a-z](?:['’](?:s|m|d|ll|re|ve)|n['’]t)$/.test(text.slice(start, end).toLowerCase());
}

// ---- Rejoining ----------------------------------------------------------------

/** Rejoins tokenized text only when detection says it is tokenized. */
export function detokenizeIfTokenized(text: string): string {
  return looksTreebankTokenized(text) ? detokenize(text) : text;
}

/** Rejoins Treebank-tokenized text, line by line (a line is a paragraph or less). */
export function detokenize(text: string): string {
  return text.split("\n").map(detokenizeLine).join("\n");
}

interface LineState {
  /** Rejoined pieces so far, and whether a space goes before each. */
  pieces: string[];
  spaceBefore: boolean[];
  doubleQuoteOpen: boolean;
  singleQuoteOpen: boolean;
  /** The previous piece opened something (a quote, a bracket, `$`): no space after it. */
  glueNext: boolean;
  /** The next token is glued to the one before (after a split apostrophe or an ampersand between initials). */
  glueApostropheTail: boolean;
  /** An opening angle bracket waits for its closing one. */
  angleOpen: boolean;
}

function detokenizeLine(line: string): string {
  const start = line.search(/\S/);
  if (start < 0) return line;
  const end = line.length - (line.length - line.trimEnd().length);
  const tokens = line.slice(start, end).split(/[ \t]+/);

  const state: LineState = { pieces: [], spaceBefore: [], doubleQuoteOpen: false, singleQuoteOpen: false, glueNext: true, glueApostropheTail: false, angleOpen: false };
  for (let i = 0; i < tokens.length; i++) {
    // An angle bracket is a bracket only when its partner follows within a name's length.
    const anglePair = tokens[i] === OPENING_ANGLE && tokens.slice(i + 2, i + 2 + MAX_ANGLE_TOKENS).includes(CLOSING_ANGLE);
    appendToken(state, tokens[i], tokens[i + 1], anglePair);
  }
  let joined = "";
  for (let i = 0; i < state.pieces.length; i++) {
    joined += state.spaceBefore[i] ? ` ${state.pieces[i]}` : state.pieces[i];
  }
  return line.slice(0, start) + joined + line.slice(end);
}

function appendToken(state: LineState, rawToken: string, nextToken: string | undefined, anglePair: boolean): void {
  const token = BRACKET_ESCAPES.get(rawToken) ?? rawToken;
  const lower = token.toLowerCase().replace("’", "'");
  const { pieces } = state;
  const previous = pieces.length > 0 ? pieces[pieces.length - 1] : undefined;
  const afterOpening = state.glueNext || previous === undefined;

  if (token === "``" || token === "“") {
    state.doubleQuoteOpen = true;
    return open(state, "“");
  }
  if (token === "''" || token === "”") {
    state.doubleQuoteOpen = false;
    return attach(state, "”");
  }
  if (token === '"') {
    state.doubleQuoteOpen = !state.doubleQuoteOpen;
    return state.doubleQuoteOpen ? open(state, "“") : attach(state, "”");
  }
  if (token === "`" || token === "‘") {
    state.singleQuoteOpen = true;
    return open(state, "‘");
  }
  if (token === "'" || token === "’") {
    // word_tokenize splits a curly apostrophe off both sides: "Trump ’ s" is "Trump’s".
    if (previous !== undefined && !afterOpening && /[\p{L}\p{N}]$/u.test(previous) && nextToken !== undefined && APOSTROPHE_TAILS.has(nextToken.toLowerCase())) {
      state.glueApostropheTail = true;
      return attach(state, "’");
    }
    return appendLoneSingleQuote(state, afterOpening, previous, nextToken);
  }
  if (state.glueApostropheTail) {
    state.glueApostropheTail = false;
    return attach(state, token);
  }
  if (CLITICS.has(lower) && !afterOpening) {
    return attach(state, token.replace(/'/g, "’"));
  }
  if (previous !== undefined && !afterOpening && SPLIT_WORD_HALVES.get(lower)?.includes(previous.toLowerCase())) {
    return attach(state, token);
  }
  if (OPENING_BRACKETS.has(token)) return open(state, token);
  if (anglePair) {
    state.angleOpen = true;
    return open(state, token);
  }
  if (CLOSING_BRACKETS.has(token) || (token === CLOSING_ANGLE && state.angleOpen)) {
    if (token === CLOSING_ANGLE) state.angleOpen = false;
    return attach(state, token);
  }
  // "http : //t.co/x": the tokenizer split a web address at its colon.
  if (token === ":" && previous !== undefined && /(?:^|[^\p{L}])(?:https?|ftp)$/iu.test(previous) && nextToken?.startsWith("//")) {
    state.glueApostropheTail = true;
    return attach(state, token);
  }
  // "f -- -ing" (a word bleeped "f---ing" split at its double hyphen) is one word again.
  if (token === "--" && previous !== undefined && !afterOpening && nextToken !== undefined && /^-[\p{L}]/u.test(nextToken) && /[\p{L}]$/u.test(previous)) {
    state.glueApostropheTail = true;
    return attach(state, token);
  }
  // "watch ? v=abc": a web address split at its query.
  if (token === "?" && previous !== undefined && /^(?:https?:\/\/|www\.)\S+$/i.test(previous) && nextToken !== undefined && nextToken.includes("=")) {
    state.glueApostropheTail = true;
    return attach(state, token);
  }
  // "’”" closing two quotes at once stays one piece with the word before.
  if (/^[’”]+$/.test(token)) return attach(state, token);
  if (token === "&" && previous !== undefined && nextToken !== undefined && INITIALS.test(previous) && INITIALS.test(nextToken)) {
    state.glueApostropheTail = true;
    return attach(state, token);
  }
  // A quote glued to the word it opens ("'bumping" left whole by the tokenizer) is still open.
  if (/^['‘][\p{L}\p{N}]/u.test(token) && !CLITICS.has(lower)) state.singleQuoteOpen = true;
  // "A $ 68m", "US $ 5": a currency's letters and its dollar sign are one symbol.
  if (token === "$" && previous !== undefined && !afterOpening && CURRENCY_PREFIX.test(previous) && pieces.length >= 2 && !/[.!?“"‘(]$/.test(pieces[pieces.length - 2])) {
    pushPiece(state, token, true, nextToken !== undefined && /^\p{N}/u.test(nextToken));
    return;
  }
  if ((token === "$" || token === "#" || token === "@") && nextToken !== undefined && /^[\p{L}\p{N}.]/u.test(nextToken)) {
    return open(state, token);
  }
  if (token === "." && previous !== undefined && /\p{L}\.$/u.test(previous)) {
    // "U.S. ." is an abbreviation that ended the sentence: its period is the sentence's.
    return;
  }
  if (TRAILING_PUNCTUATION.test(token)) return attach(state, token);
  return plain(state, token);
}

/**
 * A lone `'` closes an open single quote, marks a plural possessive ("workers '"),
 * or opens a quote; the curly form is ’ for the first two and ‘ for the last.
 */
function appendLoneSingleQuote(state: LineState, afterOpening: boolean, previous: string | undefined, nextToken: string | undefined): void {
  if (state.singleQuoteOpen && !afterOpening) {
    state.singleQuoteOpen = false;
    return attach(state, "’");
  }
  const endsPossessive = previous !== undefined && /[sSzZ]$/.test(previous);
  // "Dunkin ' Donuts": an apostrophe ending a word before a capitalised one; an opening
  // quote is printed on its word by the Treebank tokenizer ("'bumping").
  const beforeName = nextToken !== undefined && /^\p{Lu}/u.test(nextToken) && previous !== undefined && /\p{L}$/u.test(previous);
  if (!afterOpening && (endsPossessive || nextToken === undefined || beforeName)) {
    return attach(state, "’");
  }
  state.singleQuoteOpen = true;
  return open(state, "‘");
}

// Per-token helpers are plain functions, not closures: one closure per token was
// the main cost on a megabyte-long line. Right after an opening piece, or first on the
// line, `attach` and `plain` write the same thing (no space either way), so closing
// marks are attached without asking whether something was just opened.
function attach(state: LineState, piece: string): void {
  pushPiece(state, piece, true, false);
}

function open(state: LineState, piece: string): void {
  pushPiece(state, piece, false, true);
}

function plain(state: LineState, piece: string): void {
  pushPiece(state, piece, false, false);
}

function pushPiece(state: LineState, piece: string, glueBefore: boolean, glueAfter: boolean): void {
  // A line starts with glueNext set, so its first piece gets no space before it.
  const needsSpace = !glueBefore && !state.glueNext;
  state.pieces.push(piece);
  state.spaceBefore.push(needsSpace);
  state.glueNext = glueAfter;
}
