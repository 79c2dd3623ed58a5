import type { ArticleStructure, Paragraph, RemovedItem } from "./types.ts";
import { readLeadCredit } from "./credits.ts";
import {
  BIO_ROLES,
  BYLINE_AFFILIATION,
  BYLINE_NAME_STOPWORDS,
  DANGLING_WORDS,
  DATELINE_MONTH,
  PUBLISHERS,
} from "./furniture-patterns.ts";

/**
 * Step 5 of ingest: find the headline, dek, byline and dateline at the top of an
 * article (furniture already removed), and what is left as the body.
 *
 * The headline is usually the first line, but not always: a site slogan can sit above
 * it (a "banner"), and some files start straight with the story. Then the title is cut
 * from the lead sentence and marked `title_source: "lead"`.
 */

/** Headlines longer than this are really paragraphs. */
const MAX_HEADLINE_LENGTH = 200;
/** A headline that reads as a sentence is at most this long. */
const MAX_SHORT_SENTENCE_HEADLINE = 100;
/** A dek (standfirst) is a line or two, not a paragraph. */
const MAX_DEK_LENGTH = 160;
const MAX_DEK_DIGIT_SHARE = 0.1;
const MIN_DEK_WORDS = 3;
const MAX_QUESTION_DEK_LENGTH = 100;
/** A banner is a slogan or a site name: short. */
const MAX_BANNER_LENGTH = 60;
/** The headline under a banner is a one-liner. */
const MAX_HEADLINE_UNDER_BANNER = 150;
/** A title cut from the lead is at most this long. */
const MAX_LEAD_TITLE_LENGTH = 90;
/** Bylines sit within this many paragraphs of the top. */
const BYLINE_SEARCH_DEPTH = 3;
const MAX_BYLINE_LENGTH = 120;
/** How many body paragraphs the banner test compares the headline candidates with. */
const BODY_SAMPLE = 6;

const DASH = "(?:—|–|--|-)";
/** Wire copy prints months in any case ("FEb 26", "MARCH 3"); JS has no inline (?i). */
const MONTH = caseless(DATELINE_MONTH);
const DATE = `(?:${MONTH} +\\d{1,2}|\\d{1,2} +${MONTH})(?:, *\\d{4})?`;
const CAPS_PLACE = "[A-Z][A-Z.'’&/-]+(?: [A-Z][A-Z.'’&/-]+){0,3}";
/** "Oklahoma City, March 3 -": a place not in capitals counts only when a date follows. */
const NAMED_PLACE = "[A-Z][A-Za-z.'’&/-]+(?: [A-Z][A-Za-z.'’&/-]+){0,3}";
const REGION = "[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}";
/** "(Reuters)" in brackets, or the 1987 wire's ", Reuter" after the date. */
const AGENCY = "(?: *\\((?<agency>[A-Za-z][A-Za-z .]{1,30})\\)|, *(?<signed>Reuters?))?";
const REGION_PART = `(?: *, *(?<region>(?!${MONTH} +\\d)${REGION}))?`;
/** Wire copy is typed by hand: stray spaces around commas and before the dash are common. */
const TAIL = `${AGENCY},? *${DASH}(?=\\s)\\s*`;
/**
 * "MIAMI —", "SALVADOR, Feb 26 -", "PORTLAND, Ore., Feb 26 -", "WASHINGTON (Reuters) -",
 * "CHARLOTTE, N.C. (AP) —". The place is capitals; a region and a date may follow.
 */
const DATELINES = [
  new RegExp(`^(?<place>${CAPS_PLACE})${REGION_PART}(?: *,? *(?<date>${DATE}))?${TAIL}`),
  new RegExp(`^(?<place>${NAMED_PLACE})${REGION_PART} *,? *(?<date>${DATE})${TAIL}`),
];

function caseless(pattern: string): string {
  return pattern.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
}

export interface Dateline {
  /** The place in normal case: "Miami", "New York", "Portland, Ore.". */
  place: string;
  /** As printed, without the space after the dash: "SALVADOR, Feb 26 -". */
  raw: string;
  /** The agency named in brackets, as printed ("Reuters", "AP"). */
  agency?: string;
  /** The date as printed ("Feb 26"), when the dateline has one. */
  date?: string;
  /** The paragraph with the dateline cut off. */
  rest: string;
}

/** "NEW YORK" → "New York", "ST. LOUIS" → "St. Louis", "WINSTON-SALEM" → "Winston-Salem". */
function placeCase(place: string): string {
  return place
    .split(" ")
    .map((word) =>
      word
        .toLowerCase()
        .replace(/(^|[-'’.])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase()),
    )
    .join(" ");
}

export function parseDateline(text: string): Dateline | undefined {
  const match = DATELINES.map((re) => re.exec(text)).find((m) => m !== null);
  if (!match?.groups) return undefined;
  const { place, region, date } = match.groups;
  const agency = match.groups.agency ?? match.groups.signed;
  // One capital letter ("I - …") or a lone dash inside a sentence is not a dateline.
  if (place.replace(/[^\p{L}]/gu, "").length < 2) return undefined;
  const rest = text.slice(match[0].length);
  if (rest.length === 0) return undefined;
  const normalPlace = placeCase(place) + (region ? `, ${region}` : "");
  return { place: normalPlace, raw: match[0].trimEnd(), agency, date, rest };
}

export const STOPWORDS = new Set([
  "that", "this", "with", "from", "have", "will", "what", "when", "where", "they", "them",
  "their", "there", "about", "after", "over", "into", "just", "than", "then", "been",
  "were", "your", "more", "most", "says", "said", "would", "could", "should", "does",
]);

/** Content-word stems: lowercase words of 4+ letters, cut to 5 letters ("elected" ≈ "election"). */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    if (!STOPWORDS.has(word)) stems.add(word.slice(0, 5));
  }
  return stems;
}

export function sharesWords(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

const SENTENCE_BREAK = /[.?!]["”’]?\s+\p{Lu}/u;

const ENDS_WITH_ABBREVIATION = /(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Dept)\.$/;

function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length === 0) return false;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

/** Could this line be a headline? (Short, not a dated lead, not an ordinary sentence.) */
export function isHeadlineLike(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADLINE_LENGTH) return false;
  // "ECONOMIC SPOTLIGHT - ITALIAN BOOM" has the shape of "MIAMI - …"; only a dated or
  // agency-tagged dateline rules a headline out.
  const dateline = parseDateline(text);
  if (dateline && (dateline.date || dateline.agency)) return false;
  if (/[?!]$/.test(text) || /(?:\.\.\.|…)$/.test(text)) return true;
  if (!text.endsWith(".")) return true;
  if (ENDS_WITH_ABBREVIATION.test(text) || text === text.toUpperCase()) return true;
  // A full stop ends sentences; it ends only short or Title Case headlines.
  return isTitleCase(text) || text.split(/\s+/).length <= 6;
}

/**
 * "Trump [again] says he opposed the Iraq War. That's still false.": a short line ending
 * in a full stop is still the headline when the paragraph under it is much longer
 * (a lead-only story starts with a full-length paragraph).
 */
function isShortSentenceHeadline(first: string, next: string): boolean {
  if (first.length > MAX_SHORT_SENTENCE_HEADLINE || parseDateline(first)) return false;
  return next.length >= 1.5 * first.length;
}

/** A dek follows the headline and reads as a headline-ish line, not as the lead sentence. */
function isDekLike(text: string): boolean {
  if (text.length > MAX_DEK_LENGTH || parseDateline(text)) return false;
  // A drop cap split off the first paragraph ("R") is not a dek, and a line ending in a
  // colon or comma leads into the next paragraph.
  if (text.split(/\s+/).length < MIN_DEK_WORDS || /[:,;]$/.test(text)) return false;
  // A dek is one line of prose: it starts like a sentence, has no second sentence, and
  // is not a table row or a time stamp ("APRIL 7 - 1000 hrs cdt", "11/19/16, 3:14 PM").
  if (!/^[\p{Lu}‘“"']/u.test(text) || SENTENCE_BREAK.test(text)) return false;
  // Wire datelines and table headers separate with a spaced hyphen ("MAR8 -- -- WHEAT").
  if (/\s--?\s/.test(text)) return false;
  if ((text.match(/\d/g) ?? []).length > MAX_DEK_DIGIT_SHARE * text.length) return false;
  // A question is a dek only when it is short ("Will Sanctuary Cities face a Trumpocalypse?");
  // a long one is the lead's rhetorical opening.
  if (/[?!]["”’]?$/.test(text)) return text.length <= MAX_QUESTION_DEK_LENGTH;
  return !/[.]["”’)]?$/.test(text) || ENDS_WITH_ABBREVIATION.test(text);
}

/**
 * A banner (site slogan) above the real headline: both lines are title-like, but only
 * the second is about what the body says. A dek, by contrast, shares the body's words.
 */
function isBannerAbove(first: string, second: string, body: Paragraph[]): boolean {
  if (first.length > MAX_BANNER_LENGTH || !isHeadlineLike(first) || !isHeadlineLike(second)) return false;
  // A slogan has no closing punctuation, and the headline under it is one sentence at most
  // and longer than the slogan ("Ireland v USA (Sat)" over "Saturday 20 November" is not).
  if (/[.?!]$/.test(first) || /[.?!]$/.test(second) || SENTENCE_BREAK.test(second)) return false;
  if (second.length < 1.5 * first.length || second.length > MAX_HEADLINE_UNDER_BANNER) return false;
  // The line under a slogan must itself read as a headline: Title Case, not a dated lead
  // ("BANGKOK - Thailand exported…") or a list item ("-- House Agriculture…").
  if (parseDateline(second) || !/^[\p{L}\p{N}‘“'"]/u.test(second) || !isTitleCase(second)) return false;
  const bodyStems = contentStems(
    body
      .slice(0, BODY_SAMPLE)
      .map((p) => p.text)
      .join(" "),
  );
  return sharesWords(contentStems(first), bodyStems) === 0 && sharesWords(contentStems(second), bodyStems) > 0;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|van|von|la|le|bin|al)$/u;

function nameCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_m, letter: string) => `Mc${letter.toUpperCase()}`);
}

/** The last word of a job title printed after a byline's names ("Staff Writer", "Washington Correspondent"). */
const BYLINE_ROLES = new Set(BIO_ROLES);

/** "By Jane Doe and John Roe" / "BY JANE DOE, Associated Press" → the names, or undefined. */
export function parseByline(text: string): string[] | undefined {
  if (text.length > MAX_BYLINE_LENGTH) return undefined;
  const match = /^by:?\s+(.+?)\.?$/i.exec(text);
  if (!match) return undefined;
  let names = match[1];
  const affiliation = BYLINE_AFFILIATION.exec(names);
  if (affiliation && PUBLISHERS.some((p) => affiliation[0].includes(p))) {
    names = names.slice(0, affiliation.index);
  }
  const parts = names.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i).filter((p) => p !== "");
  const authors: string[] = [];
  let roles = 0;
  for (const part of parts) {
    const words = part.split(/\s+/);
    const isRole = BYLINE_ROLES.has(words[words.length - 1].toLowerCase().replace(/s$/, ""));
    // "By Jane Doe, Staff Writer": a job title after the names is no author.
    if (authors.length > 0 && isRole) continue;
    if (words.length < 2 || words.length > 4) return undefined;
    if (!words.every((w) => NAME_WORD.test(w))) return undefined;
    if (BYLINE_NAME_STOPWORDS.has(words[0].toLowerCase())) return undefined;
    // "By Staff Writer" alone: a byline that names nobody (its line is still no story).
    if (isRole) roles++;
    else authors.push(nameCase(part));
  }
  if (roles > 0 && authors.length === 0) return [];
  return authors.length > 0 ? authors : undefined;
}

/**
 * The lead's first sentence: up to a stop before a capital, but not the stop of a title
 * or an initial ("Mr. Smith", "Gov. Scott", "John F. Kennedy"), which would leave "Mr".
 */
const LEAD_SENTENCE =
  /^.+?(?<!(?:^|[\s(“"‘])(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Prof|Rev|Lt|Col|Capt|Sgt|St|Mt|Ft|[A-Z])(?=[.]))[.!?](?=["”’]?\s+[A-Z“"‘]|["”’]?$)/;

/** Cuts a headline-length title from the lead's first sentence, at a word boundary. */
export function titleFromLead(lead: string): string {
  const sentence = (lead.match(LEAD_SENTENCE)?.[0] ?? lead).trim();
  let words = sentence.split(/\s+/);
  let title = sentence;
  if (title.length > MAX_LEAD_TITLE_LENGTH) {
    const cut: string[] = [];
    for (const word of words) {
      if ([...cut, word].join(" ").length > MAX_LEAD_TITLE_LENGTH) break;
      cut.push(word);
    }
    words = cut;
    // Drop dangling function words so the cut reads as a phrase, not a broken sentence.
    while (words.length > 3 && DANGLING_WORDS.has(words[words.length - 1].toLowerCase().replace(/[^\p{L}]/gu, ""))) {
      words.pop();
    }
    title = words.join(" ");
  }
  title = title.replace(/[\s.,;:!?—–-]+$/u, "");
  // Close a quote the cut left open.
  const opens = (title.match(/“/g) ?? []).length;
  const closes = (title.match(/”/g) ?? []).length;
  if (opens > closes) title += "”";
  return title;
}

/** A kicker before a repeated headline: "BREAKING:", "WATCH:", "EXCLUSIVE VIDEO:". */
const REPEAT_KICKER = /^\p{Lu}[\p{Lu}\p{N} ]{1,24}:\s+/u;

function wordsOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** `text` is the headline again, letter for letter (case and punctuation aside), a kicker before it at most. */
function repeatsHeadline(text: string, title: string): boolean {
  const words = wordsOf(title);
  if (words === "") return false;
  return wordsOf(text) === words || wordsOf(text.replace(REPEAT_KICKER, "")) === words;
}

/** The headline printed again as the story's first line ("BREAKING: " before it at most) leaves the story. */
function dropRepeatedHeadline(rest: Paragraph[], title: string, removed: RemovedItem[]): Paragraph[] {
  if (rest.length < 2 || !repeatsHeadline(rest[0].text, title)) return rest;
  removed.push({ kind: "repeated-headline", text: rest[0].text, line: rest[0].line });
  return rest.slice(1);
}

/** CNN's "Story highlights" label, printed before the first of its summary lines. */
const STORY_HIGHLIGHTS = /^story highlights:?\s+(?=\S)/i;
/** Highlights (and a promotion line among them) stand within this many paragraphs of the story. */
const MAX_HIGHLIGHT_LINES = 5;
const MAX_HIGHLIGHT_LENGTH = 250;

/**
 * "Story highlights Ryan called for calm…", a second highlight or two, then the story
 * ("Washington (CNN) House Speaker…"): the first highlight, without its label, is the
 * dek; the others are removed down to the paragraph that opens with a wire tag or a
 * dateline. Without such a paragraph near, only the label goes.
 */
function storyHighlights(rest: readonly Paragraph[]): { dek: string; removed: RemovedItem[]; consumed: number } | undefined {
  const label = STORY_HIGHLIGHTS.exec(rest[0].text);
  if (!label) return undefined;
  const dek = rest[0].text.slice(label[0].length);
  let story = -1;
  for (let i = 1; i < rest.length && i <= MAX_HIGHLIGHT_LINES; i++) {
    if (readLeadCredit(rest[i].text) || parseDateline(rest[i].text)) {
      story = i;
      break;
    }
    if (rest[i].text.length > MAX_HIGHLIGHT_LENGTH) break;
  }
  if (story < 0) return { dek, removed: [], consumed: 1 };
  return { dek, removed: rest.slice(1, story).map((p) => ({ kind: "story-highlights", text: p.text, line: p.line })), consumed: story };
}

export function extractStructure(paras: Paragraph[]): ArticleStructure {
  const removed: RemovedItem[] = [];
  let rest = paras.slice();
  let title = "";
  let titleSource: ArticleStructure["title_source"] = "lead";
  let dek: string | undefined;

  if (rest.length >= 3 && isBannerAbove(rest[0].text, rest[1].text, rest.slice(2))) {
    removed.push({ kind: "banner", text: rest[0].text, line: rest[0].line });
    rest = rest.slice(1);
  }

  // A file that is only a headline ("Moved Permanently", a teaser) keeps it as the title;
  // a headline may trail off in dots ("… Step On It...."), a sentence ends in one.
  const onlyHeadline = rest.length === 1 && isHeadlineLike(rest[0].text) && !/(?<!\.)\.$/.test(rest[0].text);
  if (
    onlyHeadline ||
    (rest.length >= 2 && (isHeadlineLike(rest[0].text) || isShortSentenceHeadline(rest[0].text, rest[1].text)))
  ) {
    title = rest[0].text;
    titleSource = "headline";
    rest = rest.slice(1);
    rest = dropRepeatedHeadline(rest, title, removed);
    const highlights = rest.length >= 2 ? storyHighlights(rest) : undefined;
    if (highlights) {
      dek = highlights.dek;
      removed.push(...highlights.removed);
      rest = rest.slice(highlights.consumed);
    } else if (rest.length >= 2 && isDekLike(rest[0].text) && !parseByline(rest[0].text)) {
      dek = rest[0].text;
      rest = rest.slice(1);
    }
  }

  const authors: string[] = [];
  for (let i = 0; i < Math.min(BYLINE_SEARCH_DEPTH, rest.length - 1); i++) {
    const names = parseByline(rest[i].text);
    if (names) {
      authors.push(...names);
      rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
      break;
    }
  }

  // Under a byline, too (once: a third copy is the story's own business).
  if (titleSource === "headline" && authors.length > 0 && !removed.some((r) => r.kind === "repeated-headline")) rest = dropRepeatedHeadline(rest, title, removed);

  let dateline: string | undefined;
  let datelineRaw: string | undefined;
  const first = rest[0];
  const parsed = first ? parseDateline(first.text) : undefined;
  if (first && parsed) {
    dateline = parsed.place;
    datelineRaw = parsed.raw;
    rest = [{ text: parsed.rest, line: first.line }, ...rest.slice(1)];
  }

  if (titleSource === "lead" && rest[0]) title = titleFromLead(rest[0].text);

  const structure: ArticleStructure = { title, title_source: titleSource, authors, body: rest, removed };
  if (dek !== undefined) structure.dek = dek;
  if (dateline !== undefined) structure.dateline = dateline;
  if (datelineRaw !== undefined) structure.dateline_raw = datelineRaw;
  return structure;
}
