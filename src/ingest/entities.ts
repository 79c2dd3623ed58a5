import placesJson from "../../data/places.json" with { type: "json" };
import organizationsJson from "../../data/organizations.json" with { type: "json" };
import titlesJson from "../../data/person-titles.json" with { type: "json" };
import stopwordsJson from "../../data/stopwords.json" with { type: "json" };
import peopleJson from "../../data/people.json" with { type: "json" };
import eventsJson from "../../data/events.json" with { type: "json" };
import firstNamesJson from "../../data/first-names.json" with { type: "json" };
import demonymsJson from "../../data/demonyms.json" with { type: "json" };

/**
 * Entity extraction for one article: people, organizations and places with the evidence
 * that found them. Word lists live in data/*.json; this file only turns them into lookups.
 */

/** "event" covers named events and works: a tournament, a war, a law, a film. */
export type EntityKind = "person" | "organization" | "place" | "event";

export interface KnownName {
  canonical: string;
  kind: EntityKind;
}

interface PlaceEntry {
  aliases?: string[];
  in?: string;
}

/** Canonical place name → the country or state it lies in (for measuring, and for "X, State"). */
export const PLACE_CONTAINER = new Map<string, string>();
export const US_STATES = new Set<string>();

/** Surface form (case-sensitive) → canonical name and kind. */
export const KNOWN_NAMES = new Map<string, KnownName>();
/** Lowercased surface form → known name, for headlines in capitals (acronyms left out). */
export const KNOWN_NAMES_LOWER = new Map<string, KnownName>();
/** Longest known name, in tokens, for each first token: bounds the gazetteer scan. */
export const KNOWN_FIRST_TOKEN_SPAN = new Map<string, number>();
export const KNOWN_FIRST_TOKEN_SPAN_LOWER = new Map<string, number>();

function addKnown(surface: string, known: KnownName): void {
  const tokens = surface.split(" ");
  if (!KNOWN_NAMES.has(surface)) KNOWN_NAMES.set(surface, known);
  KNOWN_FIRST_TOKEN_SPAN.set(tokens[0], Math.max(KNOWN_FIRST_TOKEN_SPAN.get(tokens[0]) ?? 0, tokens.length));
  // An all-capitals acronym without periods ("US", "WHO") is an ordinary word in a capitals headline.
  const isBareAcronym = !/[a-z.]/.test(surface);
  if (!isBareAcronym) {
    const lower = surface.toLowerCase();
    if (!KNOWN_NAMES_LOWER.has(lower)) KNOWN_NAMES_LOWER.set(lower, known);
    const first = tokens[0].toLowerCase();
    KNOWN_FIRST_TOKEN_SPAN_LOWER.set(first, Math.max(KNOWN_FIRST_TOKEN_SPAN_LOWER.get(first) ?? 0, tokens.length));
  }
}

for (const [section, entries] of Object.entries(placesJson)) {
  if (section === "_comment") continue;
  for (const [name, entry] of Object.entries(entries as Record<string, PlaceEntry>)) {
    const known: KnownName = { canonical: name, kind: "place" };
    addKnown(name, known);
    for (const alias of entry.aliases ?? []) addKnown(alias, known);
    if (entry.in) PLACE_CONTAINER.set(name, entry.in);
    if (section === "us_states") US_STATES.add(name);
  }
}
for (const [name, aliases] of Object.entries(organizationsJson.organizations as Record<string, string[]>)) {
  const known: KnownName = { canonical: name, kind: "organization" };
  addKnown(name, known);
  for (const alias of aliases) addKnown(alias, known);
}
for (const [name, aliases] of Object.entries(peopleJson.people as Record<string, string[]>)) {
  const known: KnownName = { canonical: name, kind: "person" };
  addKnown(name, known);
  for (const alias of aliases) addKnown(alias, known);
}
// A mononym already listed keeps its entry: addKnown never replaces one.
for (const name of peopleJson.mononyms) addKnown(name, { canonical: name, kind: "person" });
for (const [name, aliases] of Object.entries(eventsJson.events as Record<string, string[]>)) {
  const known: KnownName = { canonical: name, kind: "event" };
  addKnown(name, known);
  for (const alias of aliases) addKnown(alias, known);
}

/** Given names (data/first-names.json): a run of capitalized words starting with one is shaped like a person's name. */
export const FIRST_NAMES = new Set<string>(firstNamesJson.names);
/** "Italian", "Saudi", "Bavarian": a run starting with one is not a person's name (given names left out). */
const DEMONYMS = new Set<string>(demonymsJson.words.filter((w) => !FIRST_NAMES.has(w)));
/** Last words that make a name an event ("Australian Open", "Iraq War") or a work ("Patriot Act"). */
export const EVENT_HEAD_WORDS = new Set<string>([...eventsJson.event_head_words, ...eventsJson.work_head_words]);
export const EVENT_LEAD_WORDS = new Set<string>(eventsJson.event_lead_words);
/** Lowercase words after which a capitalized name is a work ("the film Finding Neverland"). */
export const WORK_CUES = new Set<string>(eventsJson.work_cues);

export const ORG_HEAD_WORDS = new Set([...organizationsJson.head_words, ...organizationsJson.industry_head_words]);
/** Head words without an industry's ("Energy", "Chemicals"): a name before "and" that ends in one is a whole name of its own. */
const NAME_ENDING_HEAD_WORDS = new Set(organizationsJson.head_words);
export const ORG_LEAD_WORDS = new Set(organizationsJson.lead_words);
/** First words of a sports club's name ("Real Madrid", "Borussia Dortmund"). */
const CLUB_LEAD_WORDS = new Set(organizationsJson.club_lead_words);
/** First words of a firm's name in French, Italian, Spanish ("Societe Generale", "Gruppo Ferruzzi", "Banco Santander"). */
const FIRM_LEAD_WORDS = new Set(organizationsJson.firm_lead_words);
/**
 * Head words of a firm's name (data/organizations.json): its first word alone is that firm
 * again ("Esso Exploration ... Esso said"). Not those of bodies often named after a person
 * ("Obama State Department", "Clinton Foundation"), whose first word alone may still be the person.
 */
const FIRM_HEAD_WORDS = new Set([...organizationsJson.firm_head_words, ...organizationsJson.industry_head_words]);
/** Lowercase words that say the name after them is an organization's ("the newsletter Oil World"). */
export const ORG_CUES = new Set(organizationsJson.cues);
/** Words that end a place name of their own ("Montgomery County", "Staten Island"). */
export const PLACE_HEAD_WORDS = new Set(["County", "Parish", "Province", "Island", "Islands", "Borough", "Township"]);
/**
 * Words that end the name of a landmark or a feature of the land ("Trump Tower", "George
 * Washington Bridge"), and words that start one ("Fort Lee", "Mount Everest"). A first name
 * and one of these ("Arsenio Hall", "Ricki Lake") is a person, not a place.
 */
export const LANDMARK_HEAD_WORDS = new Set([
  "Tower", "Towers", "Bridge", "Street", "Avenue", "Boulevard", "Square", "Park", "Airport", "Station", "Building", "Hall", "Stadium",
  "Arena", "Palace", "Beach", "Valley", "Base", "Hotel", "River", "Lake", "Mountains", "Mountain", "Bay", "Canyon", "Highway", "Plaza", "Harbor", "Harbour",
  "Peninsula", "Desert", "Strait", "Gulf", "Sea", "Ocean", "Coast", "Falls", "Hills", "Heights", "Road", "Castle", "Cathedral", "Abbey",
  "Theater", "Theatre", "Library", "Museum", "Village", "Trail", "Resort", "Garden", "Gardens", "Zoo", "Prison", "Jail", "Dam", "Canal", "Cemetery", "Mine",
]);
/** Landmark words that are nobody's surname: a cue beside the name does not make a person of it ("Wall Street"). */
const PLACE_ONLY_HEAD_WORDS = new Set([
  "Street", "Avenue", "Boulevard", "Square", "Airport", "Station", "Building", "Stadium", "Arena", "Highway", "Plaza", "Road", "Prison", "Jail",
  "Cathedral", "Museum", "Cemetery", "Canal", "Peninsula", "Desert", "Strait", "Ocean", "Zoo", "Library", "Theater", "Theatre", "Abbey", "Resort", "Dam",
]);
/** Words before a saint's name, whose possessive is part of a name ("St Mary's"). */
const SAINT_WORDS = new Set(["St", "St.", "Saint", "Sainte"]);
export const PLACE_LEAD_WORDS = new Set(["Fort", "Mount", "Mt.", "Lake", "Port", "Cape", "Camp", "Saint", "St.", "Sainte"]);
/**
 * Plural nouns that end a run naming a group of people ("Labour MPs", "House Republicans"):
 * the group is not a person; the words before it are read on their own.
 */
export const GROUP_PLURALS = new Set([
  "MPs", "MEPs", "MSPs", "Democrats", "Republicans", "Senators", "Lawmakers", "Officials", "Members", "Leaders", "Ministers", "Supporters",
  "Voters", "Fans", "Players", "Troops", "Conservatives", "Liberals", "Tories", "Peers", "Councillors", "Governors", "Mayors", "Candidates",
  // "Nevada Democrat": a party member described by place, not a name.
  "Democrat", "Republican", "Independent", "Libertarian",
]);

/** Person titles as token sequences; the longest is tried first. */
export const PERSON_TITLES = new Set<string>([...titlesJson.titles, ...titlesJson.honorifics]);
export const PERSON_TITLE_MAX_TOKENS = Math.max(...[...PERSON_TITLES].map((t) => t.split(" ").length));
export const LOWERCASE_TITLES = new Set(titlesJson.lowercase_titles);

export const MONTHS_AND_DAYS = new Set([...stopwordsJson.months, ...stopwordsJson.weekdays]);
export const NOT_NAME_WORDS = new Set(stopwordsJson.not_name_words);
export const COMMON_WORDS = new Set(stopwordsJson.common_words);
export const TAG_STOPWORDS = new Set(stopwordsJson.tag_stopwords);

/** Lowercase words joining the parts of one name ("Department of Justice", "Center for ..."). */
export const NAME_CONNECTORS = new Set(["of", "for", "and", "the", "on", "&", "de", "del", "da", "do", "dos", "du", "van", "von", "der", "den", "la", "le", "y", "bin", "al"]);

/** Verbs of saying: a capitalized name next to one is a person. */
export const SAY_VERBS = new Set([
  "said", "says", "say", "told", "tells", "added", "asked", "wrote", "writes", "explained", "noted", "argued", "insisted",
  "insists", "recalled", "stated", "tweeted", "testified", "warned", "claimed", "acknowledged", "admitted", "replied",
]);

/** Abbreviations that keep their final period (so it does not end a sentence or split "U.S."). */
export const ABBREVIATIONS = new Set<string>([
  ...stopwordsJson.months.filter((m) => m.endsWith(".")),
  ...stopwordsJson.weekdays.filter((d) => d.endsWith(".")),
  ...[...PERSON_TITLES].flatMap((t) => t.split(" ")).filter((w) => w.endsWith(".")).map((w) => w.toLowerCase()),
  ...[...KNOWN_NAMES.keys()].flatMap((t) => t.split(" ")).filter((w) => w.endsWith(".")).map((w) => w.toLowerCase()),
  ...organizationsJson.head_words.filter((w) => w.endsWith(".")).map((w) => w.toLowerCase()),
  // The lists above already give "jr.", "sr.", "st.", "corp.", "inc.", "co.", "ltd.", "jan.", "feb."
  // (test/unit/entities-words.test.ts checks each).
  "mt.", "ft.", "no.", "vs.", "bros.",
]);

// ---------------------------------------------------------------------------
// Tokens

export interface Token {
  /** The word as written, without a possessive ending ("Trump’s" → "Trump"). */
  text: string;
  lower: string;
  /** Starts with a letter or digit (not punctuation). */
  word: boolean;
  /** Capitalized, and not a hyphenated lowercase compound such as "Bush-era". */
  cap: boolean;
  allCaps: boolean;
  /** Starts with a digit (any script's). */
  numeric: boolean;
  /** Holds a lowercase letter. */
  hasLower: boolean;
  possessive: boolean;
  /** The possessive ending as written ("’s", "'s", "’"), empty when none. */
  possessiveEnding: string;
  /** First word of a sentence or a quotation, where capitals say nothing about names. */
  sentenceStart: boolean;
}

const UPPER_START = /^\p{Lu}/u;
const NUMBER_START = /^\p{N}/u;
const HAS_LOWER = /\p{Ll}/u;
const LOWER_COMPOUND_PART = /-\p{Ll}/u;
const LETTER = /\p{L}/gu;
const INITIALS = /^(?:\p{L}\.)+$/u;
const SENTENCE_END = new Set([".", "!", "?", ":", ";"]);
const QUOTE_OPEN = new Set(["“", "\"", "‘", "«", "(", "—", "–"]);

const CHAR_A = 65;
const CHAR_Z = 90;
const CHAR_LOWER_A = 97;
const CHAR_LOWER_Z = 122;
const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_HYPHEN = 45;

/**
 * A word token's letter-case facts. Most words are plain ASCII and are read with
 * character codes; any other word goes through the Unicode regular expressions.
 */
function makeWordToken(text: string, possessiveEnding: string, sentenceStart: boolean): Token {
  let upper: boolean;
  let numeric: boolean;
  let hasLower = false;
  let letters = 0;
  let lowerCompound = false;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= CHAR_LOWER_A && c <= CHAR_LOWER_Z) {
      hasLower = true;
      letters++;
      if (i > 0 && text.charCodeAt(i - 1) === CHAR_HYPHEN) lowerCompound = true;
    } else if (c >= CHAR_A && c <= CHAR_Z) letters++;
  }
  if (ascii) {
    const first = text.charCodeAt(0);
    upper = first >= CHAR_A && first <= CHAR_Z;
    numeric = first >= CHAR_0 && first <= CHAR_9;
  } else {
    upper = UPPER_START.test(text);
    numeric = NUMBER_START.test(text);
    hasLower = HAS_LOWER.test(text);
    lowerCompound = LOWER_COMPOUND_PART.test(text);
    letters = upper && !hasLower ? (text.match(LETTER)?.length ?? 0) : 0;
  }
  return {
    text,
    lower: text.toLowerCase(),
    word: true,
    cap: upper && !lowerCompound,
    allCaps: upper && letters >= 2 && !hasLower,
    numeric,
    hasLower,
    possessive: possessiveEnding.length > 0,
    possessiveEnding,
    sentenceStart,
  };
}

/** A punctuation or symbol token: one character that is neither letter nor digit. */
function makeMarkToken(text: string, sentenceStart: boolean): Token {
  return {
    text,
    lower: text.toLowerCase(),
    word: false,
    cap: false,
    allCaps: false,
    numeric: false,
    hasLower: false,
    possessive: false,
    possessiveEnding: "",
    sentenceStart,
  };
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019; // ' ’
}

// The scanner below reads plain ASCII by character code and hands anything else to
// these sticky patterns, which match at `lastIndex` only (one code point, or the rest of
// a word), so no match arrays are made.
const WORD_START_AT = /[\p{L}\p{N}]/uy;
const WORD_REST_AT = /[\p{L}\p{M}\p{N}'’.\-&]*/uy;
const SPACE_AT = /\s/y;

/** 1 for an ASCII letter or digit, 2 for ' . - & (which continue a word), 0 otherwise. */
const ASCII_WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_WORD_CHAR[c] = /[A-Za-z0-9]/.test(ch) ? 1 : /['.\-&]/.test(ch) ? 2 : 0;
}

/** Where the word starting at `start` ends: [\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-&]* */
function wordEnd(paragraph: string, start: number): number {
  let i = start;
  while (i < paragraph.length) {
    const c = paragraph.charCodeAt(i);
    if (c >= 128) {
      WORD_REST_AT.lastIndex = i;
      WORD_REST_AT.test(paragraph);
      return WORD_REST_AT.lastIndex;
    }
    if (ASCII_WORD_CHAR[c] === 0) return i;
    i++;
  }
  return i;
}

/**
 * Words ([\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-&]*) and single other characters, read in one
 * pass: linear time whatever the input.
 */
export function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let atStart = true;
  let i = 0;
  while (i < paragraph.length) {
    const c = paragraph.charCodeAt(i);
    let wordStartEnd = -1; // end of the word's first code point, when a word starts here
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      }
      if (ASCII_WORD_CHAR[c] === 1) wordStartEnd = i + 1;
    } else {
      SPACE_AT.lastIndex = i;
      if (SPACE_AT.test(paragraph)) {
        i++;
        continue;
      }
      WORD_START_AT.lastIndex = i;
      if (WORD_START_AT.test(paragraph)) wordStartEnd = WORD_START_AT.lastIndex;
    }
    if (wordStartEnd < 0) {
      // One code point that is neither space, letter nor digit.
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < paragraph.length && (paragraph.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      const text = paragraph.slice(i, i + width);
      i += width;
      tokens.push(makeMarkToken(text, atStart));
      atStart = SENTENCE_END.has(text) || QUOTE_OPEN.has(text) || atStart;
      continue;
    }
    const start = i;
    i = wordEnd(paragraph, wordStartEnd);
    // Strip trailing joiners the pattern swallowed ("word-", "AT&").
    let end = i;
    while (end > start && (paragraph.charCodeAt(end - 1) === CHAR_HYPHEN || paragraph.charCodeAt(end - 1) === 38)) end--;
    // A possessive ending a sentence ("… as Hillary Clinton’s."): the period is the sentence's.
    // (Not after "St": "at St Mary's." names the hospital or school, as it is printed.)
    let sentenceEnd = false;
    if (end - start >= 4 && paragraph.charCodeAt(end - 1) === 46 && !SAINT_WORDS.has(tokens[tokens.length - 1]?.text ?? "")) {
      const before = paragraph.charCodeAt(end - 2);
      const apostropheS = (before === 115 || before === 83) && isApostrophe(paragraph.charCodeAt(end - 3));
      const sApostrophe = isApostrophe(before) && paragraph.charCodeAt(end - 3) === 115;
      if (apostropheS || sApostrophe) {
        end -= 1;
        sentenceEnd = true;
      }
    }
    let possessive = "";
    const last = paragraph.charCodeAt(end - 1);
    if (end - start >= 2 && (last === 115 || last === 83) && isApostrophe(paragraph.charCodeAt(end - 2))) {
      possessive = paragraph.slice(end - 2, end);
      end -= 2;
    } else if (isApostrophe(last)) {
      possessive = end - start >= 2 && paragraph.charCodeAt(end - 2) === 115 ? paragraph.slice(end - 1, end) : "";
      end -= 1;
    }
    let text = paragraph.slice(start, end);
    let trailingPeriod = sentenceEnd;
    // A final period ends the sentence unless the word is an abbreviation or initials ("U.S.", "Jan.").
    if (
      text.charCodeAt(text.length - 1) === 46 &&
      text.indexOf(".") === text.length - 1 &&
      !ABBREVIATIONS.has(text.toLowerCase()) &&
      !INITIALS.test(text)
    ) {
      text = text.slice(0, -1);
      trailingPeriod = true;
    }
    if (text.length === 0) continue;
    tokens.push(makeWordToken(text, possessive, atStart));
    if (trailingPeriod) {
      tokens.push(makeMarkToken(".", false));
      atStart = true;
    } else {
      atStart = text.length > 2 && text.charCodeAt(text.length - 1) === 46 && INITIALS.test(text);
    }
  }
  return tokens;
}

export interface BodyTokens {
  /** The tokens of each body paragraph (cut at PARAGRAPH_LIMIT). */
  paragraphs: Token[][];
  /** Lowercase words of the body that do not start with a digit: a capitalized word also written in lowercase is ordinary. */
  lowerWords: ReadonlySet<string>;
}

/**
 * The tokens of an article's body paragraphs. Ingest asks for the mentions and then the
 * tags of the same body, so the last body tokenized is kept and handed out again (the
 * tokens and the word set are only read, never changed).
 */
export function tokenizeBody(paragraphs: readonly string[]): BodyTokens {
  const memo = lastBody;
  if (memo && memo.paragraphs === paragraphs && memo.texts.length === paragraphs.length && memo.texts.every((text, i) => text === paragraphs[i])) {
    return memo.body;
  }
  const tokens = paragraphs.map((p) => tokenize(p.slice(0, PARAGRAPH_LIMIT)));
  const lowerWords = new Set<string>();
  for (const paragraph of tokens) for (const t of paragraph) if (t.word && !t.cap && !t.numeric) lowerWords.add(t.lower);
  const body = { paragraphs: tokens, lowerWords };
  lastBody = { paragraphs, texts: [...paragraphs], body };
  return body;
}

let lastBody: { paragraphs: readonly string[]; texts: string[]; body: BodyTokens } | undefined;

/** Longest paragraph read for names and tags: keeps a pathological paragraph cheap. */
export const PARAGRAPH_LIMIT = 20_000;

// ---------------------------------------------------------------------------
// Article mentions

export type Evidence =
  | "known" // in data/places.json or data/organizations.json
  | "title" // after a person title ("Mayor Carlos Gimenez")
  | "speech" // next to a verb of saying ("Walsh said")
  | "acronym" // defined in parentheses ("Immigration and Customs Enforcement (ICE)")
  | "head-word" // ends with Department, Association, County...
  | "name-shape" // two to four capitalized words that are not ordinary words, starting with a given name
  | "unsure" // shaped like a person's name but not starting with a given name: kept only if another article gives a cue
  | "context" // after a word that says what it is ("the film ...")
  | "same-article" // a lone surname or first name of a person named in full
  | "acronym-use"; // capitals the article does not define: kept only if another article does

export interface Mention {
  /** The name with titles and possessives removed; the canonical form for known names. */
  name: string;
  kind: EntityKind;
  /** As written in the article (first occurrence). */
  surface: string;
  evidence: Evidence;
}

export interface ArticleMentions {
  /** Distinct (kind, name) pairs, sorted by kind then name. */
  mentions: Mention[];
  /** Acronyms the article defines in parentheses: acronym → long form. */
  acronyms: Record<string, string>;
  /**
   * Names shaped like a person's, not starting with a given name, that the article writes
   * after "the" ("the Golden Globe", "the Mac Mini"): things, never a person anywhere in the
   * archive (src/ingest/entity-merge.ts). Absent when there are none.
   */
  things?: string[];
}

interface ArticleState {
  found: Map<string, Mention>;
  acronyms: Map<string, string>;
  /** Lowercase words of the article: a capitalized word also written in lowercase is ordinary. */
  lowerWords: ReadonlySet<string>;
  /** Capitalized single words no rule could place; resolved against the article's full names. */
  singles: Map<string, { surface: string; cue?: "title" | "speech" }>;
  /** Words that stand for a thing named in full nearby ("American Brands", "Shell Canada"): alone they name it again, not a person or a known name. */
  notPeople: Set<string>;
  /** Names shaped like a person's written after "the" (ArticleMentions.things). */
  things: Set<string>;
}

function addMention(state: ArticleState, mention: Mention): void {
  if (mention.name.length === 0 || mention.name.length > 300) return;
  const key = `${mention.kind}\u0000${mention.name}`;
  const existing = state.found.get(key);
  // A name first seen without a cue keeps the better evidence found later in the article.
  if (!existing || (existing.evidence === "unsure" && mention.evidence !== "unsure")) state.found.set(key, mention);
}

/** Words joined by spaces; `keepInnerPossessives` keeps "Sheriff’s" inside an organization name. */
function joinTokens(tokens: Token[], keepInnerPossessives = false): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (out.length > 0 && t.text !== ")" && !out.endsWith("(")) out += " ";
    out += t.text;
    if (keepInnerPossessives && i < tokens.length - 1) out += t.possessiveEnding;
  }
  return out;
}

function hasParenthesis(text: string): boolean {
  return text.includes("(") || text.includes(")");
}

/**
 * Whether `tokens` could spell a name whose words are listed in `firstWordSpan` (first
 * word → most words of a name starting with it). Without parentheses, joined tokens are
 * the tokens' texts separated by single spaces, so a name of n words must start with the
 * first token and have n words; with a parenthesis they can match no name free of them.
 * Lets the scans skip joining and looking up runs that cannot be a name.
 */
function mayBeName(tokens: Token[], firstWordSpan: ReadonlyMap<string, number>, first: string): boolean {
  return (firstWordSpan.get(first) ?? 0) >= tokens.length;
}

/** No known name has a parenthesis, so mayBeName may rule known names out (checked, not assumed). */
const KNOWN_NAMES_WITHOUT_PARENTHESES = ![...KNOWN_NAMES.keys()].some(hasParenthesis);

function lookupKnown(tokens: Token[]): KnownName | undefined {
  if (
    KNOWN_NAMES_WITHOUT_PARENTHESES &&
    tokens.length > 0 &&
    !mayBeName(tokens, KNOWN_FIRST_TOKEN_SPAN, tokens[0].text) &&
    !mayBeName(tokens, KNOWN_FIRST_TOKEN_SPAN_LOWER, tokens[0].lower)
  ) {
    return undefined;
  }
  const text = joinTokens(tokens);
  const exact = KNOWN_NAMES.get(text);
  if (exact) return exact;
  // A headline or dateline in capitals ("LOS ANGELES"): compare without case, acronyms excluded.
  if (tokens.every((t) => t.allCaps || !t.word || NAME_CONNECTORS.has(t.lower)) && text.length >= 4) {
    return KNOWN_NAMES_LOWER.get(text.toLowerCase());
  }
  return undefined;
}

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*$/u;
const NAME_INITIAL = /^\p{Lu}\.$/u;
const NAME_SUFFIXES = new Set(["Jr.", "Sr.", "Junior", "Senior", "II", "III", "IV"]);

function isNameWord(t: Token): boolean {
  return (NAME_WORD.test(t.text) && !t.allCaps) || NAME_INITIAL.test(t.text);
}

/**
 * A word joined from two capitalized words whose first is four letters or more and no
 * name's prefix ("PlayStation", "PowerPoint", "BlackBerry", "GlaxoSmithKline"): a brand's
 * or product's, never a person's ("McCain", "MacDonald", "DeShawn", "LaToya", "DiCaprio",
 * "FitzGerald" keep theirs).
 */
const JOINED_WORD = /^([A-Z][a-z]{3,})[A-Z][a-z]/;
const JOINED_NAME_PREFIXES = new Set(["fitz", "vander", "della", "dela"]);
function isBrandWord(t: Token): boolean {
  const joined = JOINED_WORD.exec(t.text);
  // "KellyAnne", "MaryKate": two given names joined.
  return joined !== null && !JOINED_NAME_PREFIXES.has(joined[1].toLowerCase()) && !FIRST_NAMES.has(joined[1]);
}

/** Two to four name words, possibly with a particle ("de") or suffix ("Jr.") inside. */
function looksLikePersonName(tokens: Token[]): boolean {
  if (tokens.length < 1 || tokens.length > 5) return false;
  // The first word is a name word, inner ones may be particles, the last may be a suffix.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isNameWord(t)) continue;
    else if (i > 0 && i < tokens.length - 1 && NAME_CONNECTORS.has(t.lower) && t.lower !== "and" && t.lower !== "of" && t.lower !== "for" && t.lower !== "the") continue;
    else if (i === tokens.length - 1 && i > 0 && NAME_SUFFIXES.has(t.text)) continue;
    else return false;
  }
  return true;
}

/** "I’d", "I've", "Isn't", "Don’t": a pronoun or verb with its contraction is never part of a name. */
const CONTRACTION = /^(?:i|you|we|they|he|she|it|that|there|isn|aren|wasn|weren|don|doesn|didn|can|couldn|won|wouldn|shouldn|haven|hasn|hadn|ain)['’](?:d|ve|m|ll|re|t|s)$/i;

function isOrdinaryWord(t: Token, state: ArticleState): boolean {
  return COMMON_WORDS.has(t.lower) || NOT_NAME_WORDS.has(t.lower) || MONTHS_AND_DAYS.has(t.lower) || CONTRACTION.test(t.text);
}

/** Whether a known name starts at tokens[start] ("New York Times": "New" is not an opener to drop). */
function startsKnownName(tokens: Token[], start: number): boolean {
  const longest = Math.min(KNOWN_FIRST_TOKEN_SPAN.get(tokens[start].text) ?? 0, tokens.length - start);
  for (let span = longest; span >= 2; span--) if (KNOWN_NAMES.has(joinTokens(tokens.slice(start, start + span)))) return true;
  return false;
}

/** Drops words at the edges of a capitalized run that are never part of a name. */
function trimRun(tokens: Token[], state: ArticleState): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end) {
    const t = tokens[start];
    const ordinaryOpener =
      t.sentenceStart && start === 0 && !t.allCaps && (state.lowerWords.has(t.lower) || COMMON_WORDS.has(t.lower)) && !startsKnownName(tokens, start);
    // "New" opens "New York Knicks": a word that starts a known name is kept.
    const notName =
      (NOT_NAME_WORDS.has(t.lower) && !(t.allCaps && KNOWN_NAMES.has(t.text)) && !startsKnownName(tokens, start)) || CONTRACTION.test(t.text);
    if (!t.word || notName || MONTHS_AND_DAYS.has(t.lower) || ordinaryOpener || (NAME_CONNECTORS.has(t.lower) && !t.cap)) start++;
    else break;
  }
  while (end > start) {
    const t = tokens[end - 1];
    if (t.text === ")") break;
    const notName = (NOT_NAME_WORDS.has(t.lower) && !(t.allCaps && KNOWN_NAMES.has(t.text))) || CONTRACTION.test(t.text);
    if (!t.word || notName || MONTHS_AND_DAYS.has(t.lower) || NAME_CONNECTORS.has(t.lower) || t.numeric) end--;
    else break;
  }
  return tokens.slice(start, end);
}

/** Initials of a name's words ("US Conference of Mayors" → "USCM"); acronym-words count whole. */
function initialsOf(tokens: Token[]): string {
  let out = "";
  for (const t of tokens) {
    if (NAME_CONNECTORS.has(t.lower) && !t.cap) continue;
    out += t.allCaps ? t.text.replace(/[^\p{Lu}]/gu, "") : t.text[0];
  }
  return out;
}

/** The longest tail of `tokens` whose initials spell `acronym`. */
function acronymLongForm(tokens: Token[], acronym: string): Token[] | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  for (let start = 0; start < tokens.length; start++) {
    if (!tokens[start].cap) continue;
    if (initialsOf(tokens.slice(start)) === letters) return tokens.slice(start);
  }
  return undefined;
}

/** Words a sentence goes on with after a thing's name: after "the X", they make X a thing, not a person (classifyRun). */
const WORDS_AFTER_A_THING = new Set([
  "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "is", "was", "are", "were", "has", "had", "have", "will",
  "would", "can", "could", "said", "says", "which", "that", "who", "as", "than", "since", "after", "before", "into", "over", "under",
]);

interface RunContext {
  before?: Token;
  beforeBefore?: Token;
  after?: Token;
}

/**
 * A verb of saying before or after the run. Not after a possessive: "Macy's said" and
 * "Moody's says" are companies, "Blair's said to be" is "is said"; nobody is called Macy.
 */
function hasSpeechCue(ctx: RunContext, last: Token): boolean {
  return (ctx.before !== undefined && SAY_VERBS.has(ctx.before.lower)) || (ctx.after !== undefined && SAY_VERBS.has(ctx.after.lower) && !last.possessive);
}

function splitOnAnd(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (t.lower === "and") parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function endsWithOrgHead(tokens: Token[], heads: ReadonlySet<string> = ORG_HEAD_WORDS): boolean {
  return tokens.length >= 2 && heads.has(tokens[tokens.length - 1].text);
}

function startsWithOrgLead(tokens: Token[]): boolean {
  return tokens.length >= 3 && ORG_LEAD_WORDS.has(tokens[0].text) && (tokens[1].lower === "of" || tokens[1].lower === "for" || tokens[1].lower === "on");
}

/** Removes a parenthesized state ("Montgomery County (Md.)") and returns it apart. */
function takeStateQualifier(tokens: Token[]): { core: Token[]; state?: string } {
  const open = tokens.findIndex((t) => t.text === "(");
  if (open < 0) return { core: tokens };
  const inner = tokens[open + 1];
  const known = inner ? KNOWN_NAMES.get(inner.text) : undefined;
  const core = tokens.filter((_, i) => i < open || i > open + 2);
  return { core, state: known && US_STATES.has(known.canonical) ? known.canonical : undefined };
}

function findTitle(tokens: Token[]): { at: number; length: number } | undefined {
  for (let at = 0; at < tokens.length - 1; at++) {
    for (let length = Math.min(PERSON_TITLE_MAX_TOKENS, tokens.length - at - 1); length >= 1; length--) {
      if (!PERSON_TITLES.has(joinTokens(tokens.slice(at, at + length)))) continue;
      // "Miss Universe" with no name after it, or before a body's head word ("the Miss Universe
      // Pageant"): a title whose next word makes a longer title names nobody there.
      const after = tokens[at + length + 1];
      if ((after === undefined || ORG_HEAD_WORDS.has(after.text)) && PERSON_TITLES.has(joinTokens(tokens.slice(at, at + length + 1)))) continue;
      const next = tokens[at + length];
      // A given name that is also a word ("Bill", "Christian", "Mike") names someone only with more after it ("the Criminal Justice Bill").
      if (isNameWord(next) && (!COMMON_WORDS.has(next.lower) || (FIRST_NAMES.has(next.text) && at + length + 1 < tokens.length)) && !ORG_HEAD_WORDS.has(next.text) && !KNOWN_NAMES.has(next.text)) {
        return { at, length };
      }
    }
  }
  return undefined;
}

/**
 * Whether the words before a possessive (`owner`, the possessive's word last) name something
 * of their own, so that the organization after them is another: a known name or a place
 * ("Florida's Department of Insurance", "Trump's National Hispanic Advisory Council"), an
 * acronym ("IMF's European Department"), a person's full name ("Robert Sillerman's Sports
 * Entertainment Enterprises") or a body's ("News Corp's News International"). Else the
 * possessive is part of the name ("Major County Sheriff's Association", "Moody's Investors
 * Service", "Children's Defense Fund").
 */
function ownerOfItsOwn(owner: Token[]): boolean {
  const word = owner[owner.length - 1];
  if (word.allCaps || PLACE_HEAD_WORDS.has(word.text) || lookupKnown(owner) !== undefined) return true;
  // A person's name, or a body's ("News Corp's", "the Fed's"), not "Major County Sheriff's".
  return owner.length >= 2 && ((isGivenName(owner[0]) && looksLikePersonName(owner)) || endsWithOrgHead(owner) || lookupKnown(owner.slice(1)) !== undefined);
}

/** Words of a role that are no role word themselves ("Vice President", "Senior Managing Director"), and "Head". */
const ROLE_MODIFIERS = new Set(["Vice", "Assistant", "Acting", "Managing", "Senior", "Former", "Head"]);

/** "Finance Minister", "Analysts": role words, not somebody's name. */
function isRoleWord(token: Token): boolean {
  const singular = token.lower.endsWith("s") ? token.lower.slice(0, -1) : token.lower;
  return LOWERCASE_TITLES.has(token.lower) || LOWERCASE_TITLES.has(singular) || PERSON_TITLES.has(token.text);
}

function addPerson(state: ArticleState, tokens: Token[], evidence: Evidence): void {
  // "John Thune of South Dakota": a person's name ends before "of" or "and" (or "Of", "And" in a title-case line); the rest is read apart.
  const cut = tokens.findIndex((t, i) => i > 0 && (t.lower === "of" || t.lower === "and" || t.lower === "for" || t.lower === "the"));
  if (cut > 0) {
    classifyRun(tokens.slice(cut + 1), { before: tokens[cut] }, state);
    tokens = tokens.slice(0, cut);
  }
  let trimmed = trimRun(tokens, state);
  // "John Hawkins John Hawkins": a byline printed twice.
  const half = trimmed.length / 2;
  if (trimmed.length >= 4 && Number.isInteger(half) && joinTokens(trimmed.slice(0, half)) === joinTokens(trimmed.slice(half))) trimmed = trimmed.slice(0, half);
  const lastWord = trimmed[trimmed.length - 1];
  // "Senate Minority Leader", "George W.": a title or an initial does not end a name ("Mayor J." names nobody).
  if (lastWord && (isRoleWord(lastWord) || NAME_INITIAL.test(lastWord.text))) return;
  if (trimmed.every(isRoleWord) || PERSON_TITLES.has(joinTokens(trimmed)) || trimmed.some((t) => ORG_HEAD_WORDS.has(t.text) || PLACE_HEAD_WORDS.has(t.text))) return;
  const name = joinTokens(trimmed);
  if (name.length === 0) return;
  if (!name.includes(" ")) {
    if (state.singles.get(name)?.cue !== "title") state.singles.set(name, { surface: name, cue: evidence === "title" ? "title" : "speech" });
    return;
  }
  addMention(state, { name, kind: "person", surface: joinTokens(tokens), evidence });
}

function addKnownMention(state: ArticleState, known: KnownName, tokens: Token[]): void {
  addMention(state, { name: known.canonical, kind: known.kind, surface: joinTokens(tokens), evidence: "known" });
  // "Sears said" after Sears Roebuck, "Andersen" after Arthur Andersen: the known firm again, not a person.
  if (known.kind === "organization" && tokens.length >= 2) {
    state.notPeople.add(tokens[0].text);
    state.notPeople.add(tokens[tokens.length - 1].text);
  }
}

/** Classifies one run of capitalized words (with its neighbours) into mentions. */
function classifyRun(raw: Token[], ctx: RunContext, state: ArticleState, acronym?: string): void {
  const wholeKnown = lookupKnown(raw);
  if (wholeKnown) {
    if (acronym) state.acronyms.set(acronym, wholeKnown.canonical);
    return addKnownMention(state, wholeKnown, raw);
  }
  // "shares of American Brands ... Brands said": the one word a nation's adjective stands
  // before, ending a run, is a thing's name ("British Chancellor ... Nigel Lawson" is a person's).
  if (raw.length >= 2 && DEMONYMS.has(raw[raw.length - 2].text)) state.notPeople.add(raw[raw.length - 1].text);

  // "the departments of Justice and Homeland Security"
  if (ctx.before?.lower === "of" && (ctx.beforeBefore?.lower === "departments" || ctx.beforeBefore?.lower === "ministries")) {
    const head = ctx.beforeBefore.lower === "departments" ? "Department" : "Ministry";
    for (const part of splitOnAnd(raw)) {
      const name = `${head} of ${joinTokens(part)}`;
      const known = KNOWN_NAMES.get(name);
      addMention(state, { name: known?.canonical ?? name, kind: "organization", surface: joinTokens(part), evidence: known ? "known" : "head-word" });
    }
    return;
  }
  // "Broward and Palm Beach counties"
  if (ctx.after?.lower === "counties") {
    for (const part of splitOnAnd(raw)) {
      const name = `${joinTokens(part)} County`;
      const known = KNOWN_NAMES.get(name) ?? KNOWN_NAMES.get(joinTokens(part));
      addMention(state, { name: known?.kind === "place" ? known.canonical : name, kind: "place", surface: joinTokens(part), evidence: "head-word" });
    }
    return;
  }

  if (acronym) {
    const longForm = acronymLongForm(trimRun(raw, state), acronym);
    if (longForm) {
      const known = lookupKnown(longForm) ?? KNOWN_NAMES.get(acronym);
      const name = known?.canonical ?? joinTokens(longForm);
      state.acronyms.set(acronym, name);
      addMention(state, { name, kind: known?.kind ?? "organization", surface: joinTokens(longForm), evidence: known ? "known" : "acronym" });
      const prefix = raw.slice(0, raw.indexOf(longForm[0]));
      if (prefix.length > 0) classifyRun(prefix, { ...ctx, after: longForm[0] }, state);
      return;
    }
  }

  const tokens = trimRun(raw, state);
  if (tokens.length === 0) return;
  if (tokens.length !== raw.length) {
    const known = lookupKnown(tokens);
    if (known) return addKnownMention(state, known, tokens);
  }

  // "US Securities and Exchange Commission", "U.S. Federal Reserve": a known organization after
  // "US" is that organization (the known ones are federal); the country is read on its own.
  // Not after a state or another country: the "Texas Supreme Court" is not the Supreme Court.
  for (let at = 1; at < tokens.length - 1; at++) {
    const known = lookupKnown(tokens.slice(at));
    if (known?.kind !== "organization") continue;
    const prefix = tokens.slice(0, at);
    if (lookupKnown(prefix)?.canonical !== "United States") break;
    classifyRun(prefix, { before: ctx.before, after: tokens[at] }, state);
    return addKnownMention(state, known, tokens.slice(at));
  }

  // "Collapsing Hillary Clinton", "Isn't Donald Trump": a known person at the end of a run
  // is that person; the words before are read on their own, without the cue ("said Collapsing Hillary Clinton").
  for (let at = 1; at < tokens.length - 1; at++) {
    const known = lookupKnown(tokens.slice(at));
    if (known?.kind !== "person") continue;
    if (PERSON_TITLES.has(joinTokens(tokens.slice(0, at)))) break;
    classifyRun(tokens.slice(0, at), {}, state);
    return addKnownMention(state, known, tokens.slice(at));
  }

  // "Labour MPs", "House Republicans": a group, not a person; its first words may name something,
  // but no person: "said Labour MPs" cues nobody called Labour, "said MPs" nobody called MPs.
  if (GROUP_PLURALS.has(tokens[tokens.length - 1].text)) {
    return classifyRun(tokens.slice(0, -1), {}, state);
  }

  const title = findTitle(tokens);
  if (title) {
    const prefix = tokens.slice(0, title.at);
    // "said Paris Mayor Ann Lee": words right before a title name a place or a body, and the cue is the
    // person's; "said Bill Sullivan of Dean Witter" (a title word in a company's name) keeps it.
    if (prefix.length > 0) classifyRun(prefix, prefix[prefix.length - 1].cap ? {} : { before: ctx.before, after: tokens[title.at] }, state);
    let nameEnd = tokens.length;
    const possessiveAt = tokens.findIndex((t, i) => i >= title.at + title.length && t.possessive);
    if (possessiveAt >= 0) nameEnd = possessiveAt + 1;
    addPerson(state, tokens.slice(title.at + title.length, nameEnd), "title");
    if (nameEnd < tokens.length) classifyRun(tokens.slice(nameEnd), { before: tokens[nameEnd - 1], after: ctx.after }, state);
    return;
  }

  // A possessive inside a run ends a name, unless the run is an organization's name the
  // possessive is part of ("Sheriff’s Association"; "Florida's Department of Insurance" is Florida's).
  const possessiveAt = tokens.findIndex((t, i) => t.possessive && i < tokens.length - 1);
  const possessiveInName = possessiveAt >= 0 && endsWithOrgHead(tokens) && !ownerOfItsOwn(tokens.slice(0, possessiveAt + 1));
  if (possessiveAt >= 0 && !possessiveInName) {
    classifyRun(tokens.slice(0, possessiveAt + 1), { before: ctx.before, after: tokens[possessiveAt + 1] }, state);
    classifyRun(tokens.slice(possessiveAt + 1), { before: tokens[possessiveAt], after: ctx.after }, state);
    return;
  }

  if (tokens.some((t) => t.lower === "and")) {
    const parts = splitOnAnd(tokens);
    const first = parts[0];
    const keepWhole =
      parts.length === 2 &&
      (startsWithOrgLead(tokens) || endsWithOrgHead(tokens)) &&
      !endsWithOrgHead(first, NAME_ENDING_HEAD_WORDS) &&
      !lookupKnown(first) &&
      !looksLikePersonName(first);
    if (!keepWhole) {
      parts.forEach((part, i) =>
        classifyRun(part, { before: i === 0 ? ctx.before : undefined, after: i === parts.length - 1 ? ctx.after : undefined }, state),
      );
      return;
    }
  }

  // "Procter & Gamble said": names joined by an ampersand (scanBody joins them) are a firm's, not "Gamble".
  // (trimRun has taken any ampersand off the ends.)
  if (tokens.some((t) => t.text === "&")) {
    const name = joinTokens(tokens);
    return addMention(state, { name, kind: "organization", surface: name, evidence: "head-word" });
  }

  const { core, state: qualifier } = takeStateQualifier(tokens);
  if (core.length === 0) return;
  const last = core[core.length - 1];
  if (core.length >= 2 && PLACE_HEAD_WORDS.has(last.text)) {
    const base = joinTokens(core);
    const known = KNOWN_NAMES.get(base);
    const name = qualifier ? `${base}, ${qualifier}` : known?.canonical ?? base;
    return addMention(state, { name, kind: "place", surface: joinTokens(tokens), evidence: known ? "known" : "head-word" });
  }
  if (endsWithOrgHead(core) || startsWithOrgLead(core)) {
    // "Paul Smith of Acme Securities said": the head word is the firm's, not the person's.
    if (splitPersonOf(core, ctx, state)) return;
    // "CEO of the Virginia Tech Foundation", "President of the European Parliament": a role
    // before "of" is a person's, not part of the body's name, which is read apart.
    const roleEnd = core.findIndex((t) => !t.cap && (t.lower === "of" || t.lower === "at"));
    // Only where every word before it is a role: "Executive Committee of ..." is one body.
    if (roleEnd > 0 && core.slice(0, roleEnd).every((t) => isRoleWord(t) || ROLE_MODIFIERS.has(t.text))) {
      return classifyRun(core.slice(roleEnd + 1), { before: core[roleEnd] }, state);
    }
    // "DeSean Jackson of the Washington Redskins", "Lawyer John Smith of the Justice
    // Department": a person's name of two words or more before "of", with no word of a body's
    // name in it (a head word, an ordinary word unless a given name follows it), is read apart;
    // not before a place and a firm's word ("Barnett Banks of Florida Inc" is one firm).
    const of = core.findIndex((t, i) => i >= 2 && !t.cap && t.lower === "of");
    const firmOfPlace = (right: Token[]) => right.length >= 2 && FIRM_HEAD_WORDS.has(right[right.length - 1].text) && placeAtStart(right) === right.length - 1;
    if (of > 0 && !firmOfPlace(core.slice(of + 1))) {
      const left = core.slice(0, of);
      const given = left.findIndex((t) => FIRST_NAMES.has(t.text));
      const personLike = looksLikePersonName(left.slice(Math.max(given, 0))) && left.slice(Math.max(given, 0)).length >= 2;
      if (personLike && !left.some((t) => ORG_HEAD_WORDS.has(t.text) || ORG_LEAD_WORDS.has(t.text)) && (given >= 0 || !left.some((t) => isOrdinaryWord(t, state) || state.lowerWords.has(t.lower)))) {
        classifyRun(left, { before: ctx.before, after: core[of] }, state);
        classifyRun(core.slice(of + 1), { before: core[of] }, state);
        return;
      }
    }
    // "Speaking on BBC Radio", "Democrat on the Senate Intelligence Committee": words before "on" or "for" are no part of the
    // name unless one of them is an organization's head word ("Council on Foreign Relations", "Center for ..."; every lead word is one).
    const on = core.findIndex((t) => !t.cap && (t.lower === "on" || t.lower === "for"));
    if (on !== -1 && !core.slice(0, on).some((t) => ORG_HEAD_WORDS.has(t.text))) {
      return classifyRun(core.slice(on + 1), {}, state);
    }
    const name = joinTokens(core, true);
    if (core.length >= 2 && FIRM_HEAD_WORDS.has(core[core.length - 1].text)) state.notPeople.add(core[0].text);
    return addMention(state, { name, kind: "organization", surface: name, evidence: "head-word" });
  }
  // "the Hamburg based newsletter Oil World said": a word for a firm or a paper right before
  // a name of two words or more names an organization, however the sentence goes on (the
  // cue "said" would make it a person), unless a word of the name is a given name ("the
  // company John Smith founded", "group EADS Philippe Camus"), a title ("the bank Governor
  // R.N. Malhotra") or the cue is a possessive ("Time magazine's Haley Edwards", "the bank's
  // Latin American exposure"). Its first word alone later ("Axa said") is that firm again,
  // not a person.
  const before = ctx.before;
  if (before && !before.cap && !before.possessive && ORG_CUES.has(before.lower) && core.length >= 2 && core[0] === raw[0] && !core.some((t) => isGivenName(t) || isRoleWord(t)) && !lookupKnown(core)) {
    const name = joinTokens(core);
    state.notPeople.add(core[0].text);
    return addMention(state, { name, kind: "organization", surface: name, evidence: "context" });
  }
  // "the film Finding Neverland", "Australian Open", "Iraq War", "Patriot Act", "Hurricane Katrina".
  // A cue names a work only for a name of two words or more that does not start like a person's ("the show Trump" is not one).
  const workCue = ctx.before !== undefined && !ctx.before.cap && WORK_CUES.has(ctx.before.lower) && core.length >= 2 && !startsLikeName(core[0]) && !lookupKnown(core);
  if (workCue || (core.length >= 2 && (EVENT_HEAD_WORDS.has(last.text) || EVENT_LEAD_WORDS.has(core[0].text)))) {
    const name = joinTokens(core);
    return addMention(state, { name, kind: "event", surface: name, evidence: workCue ? "context" : "head-word" });
  }
  // "Trump Tower", "George Washington Bridge", "Fort Lee"; but "Arsenio Hall" is a person.
  const personCue = hasSpeechCue(ctx, last) || (ctx.before !== undefined && LOWERCASE_TITLES.has(ctx.before.lower));
  // A slogan with "for" in it is no place ("Hillary for Prison").
  // A cue makes a person of "Arsenio Hall said", not of "Wall Street professionals, a report stated".
  const cueMakesPerson = personCue && !PLACE_ONLY_HEAD_WORDS.has(last.text);
  if (core.length >= 2 && (LANDMARK_HEAD_WORDS.has(last.text) || PLACE_LEAD_WORDS.has(core[0].text)) && !(core.length === 2 && (FIRST_NAMES.has(core[0].text) || cueMakesPerson)) && !core.some((t) => t.lower === "for")) {
    // "Analysts on Wall Street", "New York on Fifth Avenue": the words before "on" are no part of the place; read on their own.
    const on = core.findIndex((t) => !t.cap && t.lower === "on");
    if (on > 0 && on < core.length - 1) {
      classifyRun(core.slice(0, on), { before: ctx.before, after: core[on] }, state);
      return classifyRun(core.slice(on + 1), { before: core[on] }, state);
    }
    const name = joinTokens(core);
    return addMention(state, { name, kind: "place", surface: name, evidence: "head-word" });
  }
  // "Real Sociedad", "Borussia Dortmund": a club; "Gruppo Ferruzzi", "Caisse Nationale": a firm.
  if (core.length >= 2 && (CLUB_LEAD_WORDS.has(core[0].text) || FIRM_LEAD_WORDS.has(core[0].text))) {
    const name = joinTokens(core);
    // "Renault said" after "Usines Renault": the firm again, not a person.
    if (FIRM_LEAD_WORDS.has(core[0].text)) state.notPeople.add(core[core.length - 1].text);
    return addMention(state, { name, kind: "organization", surface: name, evidence: "head-word" });
  }
  // "Dallas Mavericks", "Boston Red Sox": a known place and a plural is a team.
  if (core.length >= 2 && /\p{Ll}s$/u.test(last.text) && !last.text.endsWith("ss")) {
    for (let at = core.length - 1; at >= 1; at--) {
      if (lookupKnown(core.slice(0, at))?.kind !== "place") continue;
      const name = joinTokens(core);
      return addMention(state, { name, kind: "organization", surface: name, evidence: "head-word" });
    }
  }

  if (core.length === 1) {
    const cue = hasSpeechCue(ctx, last) || (ctx.before !== undefined && LOWERCASE_TITLES.has(ctx.before.lower));
    const existing = state.singles.get(last.text);
    if (!existing || (cue && !existing.cue)) state.singles.set(last.text, { surface: last.text, cue: cue && isNameWord(last) ? "speech" : undefined });
    return;
  }

  if (splitPersonOf(core, ctx, state)) return;

  // "PlayStation Portable", "BellSouth System": a run a brand's joined word starts names no
  // person, nor does that word alone later ("PlayStation said").
  if (isBrandWord(core[0])) {
    state.notPeople.add(core[0].text);
    return;
  }

  // Known names inside a longer run ("Chicago Mercantile ..." is left alone; "France Germany" is not a run).
  if (looksLikePersonName(core)) {
    const cued = hasSpeechCue(ctx, last) || (ctx.before !== undefined && LOWERCASE_TITLES.has(ctx.before.lower));
    // "Italian Mario Draghi said": a nation's adjective is not part of a name; "Italian
    // Treasury said", "Saudi Arabian", "Irish Lions" name no person at all, and what follows
    // one is a person only by its own words ("Turkish Sugar Factories said" names no one).
    let from = 0;
    while (from < core.length && DEMONYMS.has(core[from].text)) from++;
    const afterDemonym = from > 0;
    if (core.length - from < 2) return;
    // Words before a given name that are not one are not part of the name ("Libertarian Gary Johnson").
    while (from < core.length - 2 && !startsLikeName(core[from]) && startsLikeName(core[from + 1]) && (!cued || isRoleWord(core[from]))) from++;
    // "Crooked Hillary", "Lyin Ted": a word and a given name is a nickname; the given name is read alone.
    if (core.length === 2 && !startsLikeName(core[0]) && FIRST_NAMES.has(core[1].text)) return classifyRun([core[1]], { before: core[0], after: ctx.after }, state);
    const name = core.slice(from);
    // "Air Canada", "Atletico Madrid", "Lycos Europe": a run ending in a known place is a
    // person's name only after a given name ("Michael Jordan", "George Washington").
    // Its first word, alone later ("Shell said"), is that firm again, not a person.
    if (!startsLikeName(name[0]) && KNOWN_NAMES.get(name[name.length - 1].text)?.kind === "place") {
      state.notPeople.add(name[0].text);
      return;
    }
    // "Texas Air", "El Paso Electric", "Hong Kong Land": nor is a known place and an ordinary
    // word ("Paris Zorvan", "Rio Ferdinand" are people); its last word alone is that firm again.
    const placeWords = startsLikeName(name[0]) ? 0 : placeAtStart(name);
    if (placeWords > 0 && name.slice(placeWords).some((t) => isOrdinaryWord(t, state) || state.lowerWords.has(t.lower) || ORG_HEAD_WORDS.has(t.text))) {
      state.notPeople.add(name[name.length - 1].text);
      return;
    }

    // "the Golden Globe", "the Mac Mini.": no one's name is written after "the" when a
    // sentence goes on after it; "the Gennifer Flowers affair" is a person's name used as a word.
    const at = raw.indexOf(name[0]);
    const wordBefore = at > 0 ? raw[at - 1] : ctx.before;
    const end = raw.indexOf(name[name.length - 1]) + 1;
    const wordAfter = end < raw.length ? raw[end] : ctx.after;
    if (wordBefore?.lower === "the" && from === 0 && !startsLikeName(name[0]) && (!wordAfter?.word || WORDS_AFTER_A_THING.has(wordAfter.lower))) {
      state.things.add(joinTokens(name));
      return;
    }
    const ordinary = name.some((t) => !NAME_SUFFIXES.has(t.text) && isOrdinaryWord(t, state)) || name.every((t) => state.lowerWords.has(t.lower));
    if (!ordinary || (cued && !name.some((t) => NOT_NAME_WORDS.has(t.lower)))) {
      // Without a cue, only a name that starts like one ("Gary", "J.") is sure to be a person;
      // others ("Deutsche Boerse", "Finding Neverland") count only if another article gives a cue.
      // The cue of "Turkish Sugar Factories said" is the phrase's, not evidence for what follows the adjective.
      return addPerson(state, name, cued && !afterDemonym ? "speech" : startsLikeName(name[0]) ? "name-shape" : "unsure");
    }
  }
}

/**
 * "Dana Whitfield of Paris", "Paul Smith of Acme Securities", "Ann Lee for Zorvan Relief": a
 * person starting with a given name, then "of" or "for" and what they are of; each side is
 * read on its own (true when so). A verb of saying after the run is the person's cue, not
 * the place's or the company's.
 */
function splitPersonOf(core: Token[], ctx: RunContext, state: ArticleState): boolean {
  const of = core.findIndex((t, i) => i > 1 && !t.cap && (t.lower === "of" || t.lower === "for"));
  if (!(of > 0 && startsLikeName(core[0]) && looksLikePersonName(core.slice(0, of)))) return false;
  classifyRun(core.slice(0, of), ctx, state);
  classifyRun(core.slice(of + 1), { before: core[of] }, state);
  return true;
}

/** How many first words of `tokens` (not all of them) name a known place: 0 for none. */
function placeAtStart(tokens: Token[]): number {
  for (let end = tokens.length - 1; end >= 1; end--) if (KNOWN_NAMES.get(joinTokens(tokens.slice(0, end)))?.kind === "place") return end;
  return 0;
}

/** A given name or an initial: how a person's name starts. */
function startsLikeName(t: Token): boolean {
  return FIRST_NAMES.has(t.text) || NAME_INITIAL.test(t.text);
}

/** A given name or an initial, or a hyphenated given name ("Jean-Pierre", "Jeanne-Marie"). */
function isGivenName(t: Token): boolean {
  return startsLikeName(t) || FIRST_NAMES.has(t.text.split("-")[0]);
}

function isHeadlineLike(tokens: Token[]): boolean {
  let words = 0;
  let capitalized = 0;
  let hasLower = false;
  for (const t of tokens) {
    if (!t.word || t.numeric) continue;
    if (t.hasLower) hasLower = true;
    if (HEADLINE_SMALL_WORDS.has(t.lower)) continue;
    words++;
    if (t.cap) capitalized++;
  }
  if (!hasLower) return words >= 1;
  const last = tokens[tokens.length - 1]?.text;
  const endsLikeSentence = last === "." || last === "”" || last === "\"";
  // A line ending like a sentence is prose, however many names it holds.
  return !endsLikeSentence && words >= 2 && capitalized / words >= 0.6;
}

/** Words a title-case headline leaves in lowercase. */
const HEADLINE_SMALL_WORDS = new Set(["a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "vs", "via", "nor", "so", "up"]);

/**
 * A known name whose first word is not capitalized ("al-Qaeda", "al Qaeda", "14th
 * Amendment") starting at token `i`: added as found. Returns how many tokens to step over: the
 * name's, or 1 (the word itself) when none starts there.
 */
function addLowercaseKnown(tokens: Token[], i: number, state: ArticleState): number {
  // (A span past the paragraph's end takes what is left of it.)
  for (let span = KNOWN_FIRST_TOKEN_SPAN.get(tokens[i].text) ?? 0; span >= 1; span--) {
    const slice = tokens.slice(i, i + span);
    const known = KNOWN_NAMES.get(joinTokens(slice));
    if (known) {
      addKnownMention(state, known, slice);
      return span;
    }
  }
  return 1;
}

/** Scans body paragraphs: every run of capitalized words goes to classifyRun. */
function scanBody(tokens: Token[], state: ArticleState): void {
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i += addLowercaseKnown(tokens, i, state);
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < tokens.length) {
      const prev = tokens[end - 1];
      const next = tokens[end];
      if (prev.possessive) {
        // Keep going only into an organization name ("Major County Sheriff’s Association").
        let k = end;
        while (k < tokens.length && k < end + 3 && tokens[k].cap && !ORG_HEAD_WORDS.has(tokens[k].text)) k++;
        if (!(k < tokens.length && tokens[k].cap && ORG_HEAD_WORDS.has(tokens[k].text))) break;
      }
      if (next.cap) {
        end++;
        continue;
      }
      if (next.word && NAME_CONNECTORS.has(next.lower) && !next.cap) {
        let k = end + 1;
        if (k < tokens.length && NAME_CONNECTORS.has(tokens[k].lower) && !tokens[k].cap) k++;
        if (k < tokens.length && tokens[k].cap && !tokens[k].sentenceStart) {
          end = k + 1;
          continue;
        }
        break;
      }
      // "Procter & Gamble", "Marks & Spencer": an ampersand between capitalized words joins a firm's name.
      if (next.text === "&" && tokens[end + 1]?.cap && joinsByAmpersand(tokens.slice(start, end), tokens[end + 1])) {
        end++; // the capitalized word after it goes on the run
        continue;
      }
      if (next.text === "(" && tokens[end + 2]?.text === ")" && tokens[end + 3]?.cap) {
        const inner = KNOWN_NAMES.get(tokens[end + 1].text);
        if (inner && US_STATES.has(inner.canonical)) {
          end += 4;
          continue;
        }
      }
      break;
    }
    let run = tokens.slice(start, end);
    let after = tokens[end];
    let acronym: string | undefined;
    let next = end;
    if (after?.text === "(" && tokens[end + 1]?.allCaps && tokens[end + 2]?.text === ")") {
      acronym = tokens[end + 1].text;
      after = tokens[end + 3];
      next = end + 3;
    }
    // "Clark County, Nevada" and "Nassau County, New York": a county named with its state.
    if (!acronym && run[run.length - 1].text === "County" && after?.text === "," && tokens[end + 1]?.cap) {
      let k = end + 1;
      while (k < tokens.length && tokens[k].cap && k < end + 4) k++;
      const stateText = joinTokens(tokens.slice(end + 1, k));
      const known = KNOWN_NAMES.get(stateText);
      const stateName = known && US_STATES.has(known.canonical) ? known.canonical : stateText === "New York" || stateText === "Washington" ? stateText : undefined;
      if (stateName && (k >= tokens.length || !tokens[k].word)) {
        const county = joinTokens(trimRun(run, state));
        if (county.includes(" ")) {
          addMention(state, { name: `${county}, ${stateName.replace(/ State$/, "")}`, kind: "place", surface: `${county}, ${stateText}`, evidence: "head-word" });
          i = k;
          continue;
        }
      }
    }
    classifyRun(run, { before: tokens[start - 1], beforeBefore: tokens[start - 2], after }, state, acronym);
    i = Math.max(next, start + 1);
  }
}

/**
 * Whether an ampersand joins the run before it and the word after into one firm's name
 * ("Procter & Gamble", "Marks & Spencer"), rather than listing two names: not after a
 * known name or a person's ("Goldman Sachs & Co", "Ted Kaczynski & George Metesky"), not
 * before a known name or a given name ("Serbia & Montenegro", "Kaczynski & Dana Metesky"),
 * not after a name ending in a head word ("Nat'l Guard & Highway Patrol").
 */
function joinsByAmpersand(left: Token[], right: Token): boolean {
  if (lookupKnown(left) || KNOWN_FIRST_TOKEN_SPAN.has(right.text) || FIRST_NAMES.has(right.text)) return false;
  if (left.some((t, i) => i < left.length - 1 && startsLikeName(t))) return false;
  const last = left[left.length - 1];
  return !ORG_HEAD_WORDS.has(last.text) && !PLACE_HEAD_WORDS.has(last.text);
}

/** Names found in the body, lowercased (name and surface), for the headline scan. */
interface BodyNames {
  byName: Map<string, Mention>;
  /** First word → most words of a name starting with it (see mayBeName). */
  firstWordSpan: Map<string, number>;
  /** Some name holds a parenthesis: mayBeName cannot rule names out. */
  mayHoldParentheses: boolean;
}

/**
 * Headlines and title-case lines: only names known from the lists or from the body count.
 * A body name adds nothing new (it is already found) but takes its words, so "Paris" in
 * "Paris Hilton" is no place.
 */
function scanHeadline(tokens: Token[], state: ArticleState, bodyNames: BodyNames): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.cap) {
      i += addLowercaseKnown(tokens, i, state);
      continue;
    }
    let matched = 0;
    const maxSpan = Math.max(KNOWN_FIRST_TOKEN_SPAN.get(t.text) ?? 0, KNOWN_FIRST_TOKEN_SPAN_LOWER.get(t.lower) ?? 0, 4);
    for (let span = Math.min(maxSpan, tokens.length - i); span >= 1 && matched === 0; span--) {
      const slice = tokens.slice(i, i + span);
      if (!slice[span - 1].word) continue;
      const known = lookupKnown(slice);
      if (known) {
        addKnownMention(state, known, slice);
        matched = span;
        break;
      }
      const body = bodyNames.mayHoldParentheses || mayBeName(slice, bodyNames.firstWordSpan, t.lower) ? bodyNames.byName.get(joinTokens(slice, true).toLowerCase()) : undefined;
      if (body) {
        matched = span;
        break;
      }
    }
    i += Math.max(matched, 1);
  }
}

export function extractMentions(input: { title: string; paragraphs: string[] }): ArticleMentions {
  const body = tokenizeBody(input.paragraphs);
  const state: ArticleState = { found: new Map(), acronyms: new Map(), lowerWords: body.lowerWords, singles: new Map(), notPeople: new Set(), things: new Set() };
  const bodyTokens: Token[][] = [];
  const headlineTokens: Token[][] = [tokenize(input.title.slice(0, PARAGRAPH_LIMIT))];
  for (const tokens of body.paragraphs) {
    if (isHeadlineLike(tokens)) headlineTokens.push(tokens);
    else bodyTokens.push(tokens);
  }
  for (const tokens of bodyTokens) scanBody(tokens, state);
  resolveSingles(state);

  const bodyNames: BodyNames = { byName: new Map(), firstWordSpan: new Map(), mayHoldParentheses: false };
  for (const m of state.found.values()) {
    bodyNames.byName.set(m.name.toLowerCase(), m);
    bodyNames.byName.set(m.surface.toLowerCase(), m);
  }
  for (const name of bodyNames.byName.keys()) {
    if (hasParenthesis(name)) bodyNames.mayHoldParentheses = true;
    const words = name.split(" ");
    bodyNames.firstWordSpan.set(words[0], Math.max(bodyNames.firstWordSpan.get(words[0]) ?? 0, words.length));
  }
  for (const tokens of headlineTokens) scanHeadline(tokens, state, bodyNames);

  // A name of two words or more, not starting with a given name or an initial, that begins an organization's name in the same
  // article ("Phelps Dodge" after "Phelps Dodge Corp", "Niagara Mohawk" after "Niagara Mohawk
  // Power Corp") is that organization written short: never a person, here or anywhere in the archive.
  const organizations = [...state.found.values()].filter((m) => m.kind === "organization").map((m) => m.name);
  for (const m of state.found.values()) {
    if (m.kind === "person" && m.evidence !== "title" && m.name.includes(" ") && !startsWithGivenName(m.name) && !NAME_INITIAL.test(m.name.split(" ")[0]) && organizations.some((o) => o.startsWith(`${m.name} `))) state.things.add(m.name);
  }
  // A name not starting with a given name that the article spells out before its acronym
  // ("Internet Explorer (IE)") is a body or a thing: never a person, here or anywhere in the
  // archive (as a name after "the"). "Ruth Bader Ginsburg (RBG)" starts with a given name.
  for (const m of state.found.values()) {
    if (m.kind === "organization" && m.evidence === "acronym" && state.found.has(`person\u0000${m.name}`) && !startsWithGivenName(m.name)) state.things.add(m.name);
  }
  const mentions = [...state.found.values()].filter((m) => !(m.kind === "person" && state.things.has(m.name))).sort((a, b) =>
    a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const acronyms: Record<string, string> = {};
  for (const key of [...state.acronyms.keys()].sort()) acronyms[key] = state.acronyms.get(key)!;
  return state.things.size ? { mentions, acronyms, things: [...state.things].sort() } : { mentions, acronyms };
}

/** Whether `name` starts with a given name, or a hyphenated one ("Jean-Pierre Raffarin"). */
function startsWithGivenName(name: string): boolean {
  return FIRST_NAMES.has(name.split(/[ -]/)[0]);
}

/** Whether the first word of `name` names an organization: a known one, or one the article names. */
function startsWithOrganization(name: string, state: ArticleState): boolean {
  const first = name.split(" ")[0];
  if (KNOWN_NAMES.get(first)?.kind === "organization") return true;
  for (const m of state.found.values()) if (m.kind === "organization" && m.name !== name && m.name.split(" ")[0] === first) return true;
  return false;
}

/**
 * Single capitalized words: a surname or first name of a person named in full in the same
 * article becomes that person; an acronym the article defines becomes its organization; a
 * word next to "said" or after a title stays a lone name for archive-wide merging.
 */
function resolveSingles(state: ArticleState): void {
  const byLast = new Map<string, string[]>();
  const byFirst = new Map<string, string[]>();
  for (const m of state.found.values()) {
    if (m.kind !== "person") continue;
    const parts = m.name.split(" ");
    const last = NAME_SUFFIXES.has(parts[parts.length - 1]) && parts.length > 2 ? parts[parts.length - 2] : parts[parts.length - 1];
    (byLast.get(last) ?? byLast.set(last, []).get(last)!).push(m.name);
    (byFirst.get(parts[0]) ?? byFirst.set(parts[0], []).get(parts[0])!).push(m.name);
  }
  for (const [word, single] of [...state.singles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = byLast.get(word) ?? byFirst.get(word);
    if (full && full.length === 1) {
      // A bare repeat of the last word of a name nothing marked as a person, whose first word
      // names an organization ("Xbox" after "Microsoft Xbox"), says nothing more of it: the
      // name stays unsure. With a cue of its own ("Dlamini-Zuma said") it is a person's.
      if (!single.cue && state.found.get(`person\u0000${full[0]}`)?.evidence === "unsure" && startsWithOrganization(full[0], state)) continue;
      addMention(state, { name: full[0], kind: "person", surface: single.surface, evidence: "same-article" });
      continue;
    }
    if (full) continue; // several people share it: ambiguous
    // "Shell said" after Shell Canada, "Brands said" after American Brands: that thing again, not a person (nor a known name).
    if (state.notPeople.has(word)) continue;
    const acronymOf = state.acronyms.get(word);
    if (acronymOf) {
      addMention(state, { name: acronymOf, kind: "organization", surface: word, evidence: "acronym" });
      continue;
    }
    const known = KNOWN_NAMES.get(word);
    if (known) {
      addMention(state, { name: known.canonical, kind: known.kind, surface: word, evidence: "known" });
      continue;
    }
    if (/^\p{Lu}{2,6}$/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase())) {
      addMention(state, { name: word, kind: "organization", surface: word, evidence: "acronym-use" });
      continue;
    }
    const lower = word.toLowerCase();
    // "Harris Upham and Co said", "the Exchange said", "S and P said", "an Iraqi said": a head word, a letter or a nation's adjective alone names nobody.
    const ordinary = NOT_NAME_WORDS.has(lower) || COMMON_WORDS.has(lower) || MONTHS_AND_DAYS.has(lower) || ORG_HEAD_WORDS.has(word) || PLACE_HEAD_WORDS.has(word) || DEMONYMS.has(word) || word.length === 1;
    if (LOWERCASE_TITLES.has(lower) || LOWERCASE_TITLES.has(lower.replace(/s$/, ""))) continue;
    if ((single.cue === "title" && !ordinary) || (single.cue === "speech" && !ordinary && !state.lowerWords.has(lower))) {
      addMention(state, { name: word, kind: "person", surface: word, evidence: "speech" });
    }
  }
}

/** The article's mentions as plain name lists (before archive-wide merging). */
export function mentionNames(article: ArticleMentions): { people: string[]; organizations: string[]; places: string[]; events: string[] } {
  const pick = (kind: EntityKind) => article.mentions.filter((m) => m.kind === kind && m.evidence !== "acronym-use" && m.evidence !== "unsure").map((m) => m.name);
  return { people: pick("person"), organizations: pick("organization"), places: pick("place"), events: pick("event") };
}
