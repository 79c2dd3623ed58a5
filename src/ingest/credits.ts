import type { Paragraph, RemovedItem } from "./types.ts";
import { AGENCY_TAGS, CLOSING_BYLINE, EMPTY_AUTHOR_LABEL, PUBLISHER_ALIASES, PUBLISHER_ALTERNATION } from "./furniture-patterns.ts";

/**
 * Credits: who the article says made it, read from the lines a newsroom prints for that
 * purpose, kept apart from page furniture so the article page can show them as credits.
 *
 * - a wire tag opening the story, "(CNN)The Clintons…" or "Washington (CNN) — …": the
 *   source, cut from the text so it is never glued to the summary;
 * - contributor lines, "CNN's Dana Bash and Sara Murray contributed to this report",
 *   "Miami Herald staff writer Douglas Hanks contributed to this report", "Reporting by
 *   Jane Roe; Editing by John Doe": the contributors, and the publisher when the line names
 *   its own staff;
 * - photo credits, "Photo by Justin Sullivan/Getty Images": the photographer (a photo
 *   agency is not the article's publisher).
 *
 * Lines the furniture step removed are looked at whatever it called them; a credit line
 * still in the body is taken out only when the whole paragraph is a credit.
 */

export interface CreditLine {
  kind: "contribution" | "photo";
  /** As printed. */
  text: string;
  line: number;
  /** People it names. */
  names: string[];
  /** The publisher whose staff it names ("Miami Herald"), when it says. */
  publisher?: string;
}

export interface LeadCredit {
  /** The publisher the tag names ("CNN"). */
  source: string;
  /** The place before it, in normal case ("Washington"), when there is one. */
  place?: string;
  /** As printed ("Washington (CNN)"). */
  text: string;
}

export interface Credits {
  /** The body, with a leading wire tag and whole-paragraph credit lines taken out. */
  body: Paragraph[];
  /** The removed furniture that is not a credit. */
  removed: RemovedItem[];
  lead?: LeadCredit;
  lines: CreditLine[];
}

/** Longest line read as a credit: a real paragraph that mentions contributing is longer. */
const MAX_CREDIT_LENGTH = 400;

/** Tags a story may open with, lowercase → publisher (the dateline tags and a few more). */
const LEAD_TAGS: Record<string, string> = { ...AGENCY_TAGS, "cnn money": "CNN", cnnmoney: "CNN", "cnn business": "CNN" };

const PLACE_WORD = "\\p{Lu}[\\p{L}.'’-]*";
/** "(CNN)", "Washington (CNN) —", "Delaware, Ohio (CNN)", "NEW YORK (CNNMoney) -- ". */
const LEAD_TAG = new RegExp(
  `^(?:(?<place>${PLACE_WORD}(?: ${PLACE_WORD}){0,3}(?:, ${PLACE_WORD}(?: ${PLACE_WORD}){0,2})?) *)?\\((?<tag>[A-Za-z][A-Za-z .]{1,20})\\)[ \\t]*(?:(?:—|–|--|-)[ \\t]*)?`,
  "u",
);

export function readLeadCredit(text: string): { credit: LeadCredit; rest: string } | undefined {
  const match = LEAD_TAG.exec(text);
  if (!match?.groups) return undefined;
  const source = LEAD_TAGS[match.groups.tag.trim().toLowerCase()];
  const rest = text.slice(match[0].length);
  // The tag must open the story: text follows it, starting like a sentence.
  if (!source || !/^[\p{Lu}\p{N}"“‘'(]/u.test(rest)) return undefined;
  const place = match.groups.place ? normalPlace(match.groups.place) : undefined;
  return { credit: { source, text: match[0].trim().replace(/\s*(?:—|–|--|-)$/, ""), ...(place ? { place } : {}) }, rest };
}

/** "NEW YORK" → "New York"; "Delaware, Ohio" stays as it is. */
function normalPlace(place: string): string {
  if (/\p{Ll}/u.test(place)) return place;
  return place.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** "CNN's", "ABC News'", "Miami Herald staff writer", "Associated Press writers", "The Associated Press's". */
const STAFF_PREFIX = new RegExp(
  `^(?:The )?(?<publisher>${PUBLISHER_ALTERNATION})(?:(?:'s|’s|'|’)\\s+(?:(?:staff\\s+)?(?:writers?|reporters?|correspondents?|photographers?)\\s+)?|\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?|photographers?|staff)\\s+)`,
  "u",
);

/** "Denver Post staff writer", "Springfield Gazette reporters": an outlet the lists do not know introducing its staff. */
const OTHER_STAFF_PREFIX = /^(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4}(?:'s|’s)?\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|photographers?)\s+/u;

/**
 * "X and Y contributed to this report", with what comes before the names in its sentence
 * (a period after a single capital is an initial, "Nolan D. McCaskill", not a sentence end).
 */
const CONTRIBUTED = /(?:^|(?<!(?:^|[\s.])\p{Lu})[.!?]\s+|;\s*|,\s+and\s+)((?:[^.!?;]|(?<=(?:^|[\s.])\p{Lu})\.)*?)\s+contributed\b/gu;
/** "Reporting by X in Kabul; Additional reporting by Y; Editing by Z", "— Additional reporting by Y". */
const ROLE_BY = /(?:^[—–-]*\s*|[;.]\s*)(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\s+([^;.]+)/giu;
/** A credit line on its own, as a last paragraph of the body, perhaps set off by a dash. */
const ROLE_LINE = /^(?:[—–-]+\s*)?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+/iu;

/** Photo and image credits; the credited name follows the cue. */
const PHOTO_CUE = /^(?:f?eatured\s+)?(?:image|photo|picture)s?(?:\s+credits?)?\s*(?:by|via|courtesy of|credit\s*:|:)\s*(.+)$/iu;
const PHOTO_TAIL = /\((?:photos?|images?)\s+(?:by|via|credit:?)\s+([^)]+)\)\s*$/iu;

/** A person's name: two to five capitalized words (initials and particles allowed). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|del|la|le|bin|al|y)){1,4}$/u;
/** Words that make a credited name a company, a site or a licence, not a person. */
const NOT_PERSON = /\b(?:Images?|Photos?|Pictures?|Press|News|Agency|Archive|Flickr|Wikimedia|Commons|Getty|Reuters|AFP|Shutterstock|YouTube|Facebook|Twitter|Instagram|Screen|Capture|Screengrab|Video|Staff|Times|Post|Herald|Journal|Tribune|Associated|Courtesy|Public|Domain|License|Department|Office|Police|Service|Team)\b/u;

/** The people a credit's name list names: "Dana Bash, Dylan Byers and Sara Murray". */
export function splitNames(list: string): string[] {
  const names: string[] = [];
  for (const part of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/u)) {
    // "Jane Roe in Kabul", "John Mone contributed ... from St. Cloud": the name is the start.
    const name = part.replace(/\s+(?:in|from|at|with|for)\s+.*$/u, "").trim();
    if (PERSON_NAME.test(name) && !NOT_PERSON.test(name)) names.push(name);
  }
  return names;
}

function publisherName(printed: string): string {
  return PUBLISHER_ALIASES[printed] ?? printed;
}

/** A contributor line ("… contributed to this report", "Reporting by …"), or undefined. */
export function readContributionLine(text: string, line: number): CreditLine | undefined {
  if (text.length > MAX_CREDIT_LENGTH) return undefined;
  const names: string[] = [];
  let publisher: string | undefined;
  for (const match of text.matchAll(CONTRIBUTED)) {
    let who = match[1].trim();
    const staff = STAFF_PREFIX.exec(who);
    if (staff?.groups) {
      publisher ??= publisherName(staff.groups.publisher);
      who = who.slice(staff[0].length);
    } else {
      // Staff of an outlet the lists do not know: its people are credited, the outlet is not taken for the publisher.
      who = who.replace(OTHER_STAFF_PREFIX, "");
    }
    names.push(...splitNames(who));
  }
  for (const match of text.matchAll(ROLE_BY)) names.push(...splitNames(match[1]));
  if (names.length === 0 && !publisher) return undefined;
  return { kind: "contribution", text, line, names: [...new Set(names)], ...(publisher ? { publisher } : {}) };
}

/** A photo credit ("Photo by Justin Sullivan/Getty Images", "Featured image via Flickr"), or undefined. */
export function readPhotoCredit(text: string, line: number): CreditLine | undefined {
  if (text.length > MAX_CREDIT_LENGTH) return undefined;
  const credited = PHOTO_CUE.exec(text)?.[1] ?? PHOTO_TAIL.exec(text)?.[1];
  if (credited === undefined) return undefined;
  // "Justin Sullivan/Getty Images", "Gage Skidmore / CC BY-SA 3.0", "Kaitlin Lange, Indianapolis Star".
  const first = credited.split(/\s*[/|,(]\s*/u)[0].trim();
  return { kind: "photo", text, line, names: splitNames(first).slice(0, 1) };
}

function readCreditLine(text: string, line: number): CreditLine | undefined {
  return readPhotoCredit(text, line) ?? readContributionLine(text, line);
}

export function extractCredits(body: readonly Paragraph[], removed: readonly RemovedItem[]): Credits {
  const lines: CreditLine[] = [];
  const keptRemoved: RemovedItem[] = [];
  for (const item of removed) {
    // Only lines the furniture step took for credits or captions: a banner is not read as one.
    const credit = item.kind === "contributor-credit" || item.kind === "video-caption" || item.kind === "photo-caption" || item.kind === "author-bio" ? readCreditLine(item.text, item.line) : undefined;
    if (credit && (credit.names.length > 0 || credit.publisher || credit.kind === "photo")) lines.push(credit);
    else keptRemoved.push(item);
  }

  let paragraphs = [...body];
  let lead: LeadCredit | undefined;
  if (paragraphs.length > 0) {
    const found = readLeadCredit(paragraphs[0].text);
    if (found) {
      lead = found.credit;
      paragraphs[0] = { text: found.rest, line: paragraphs[0].line };
    }
  }
  // "Reporting by …; Editing by …" closing the story, when furniture removal left it in.
  while (paragraphs.length > 1) {
    const last = paragraphs[paragraphs.length - 1];
    if (!ROLE_LINE.test(last.text)) break;
    const credit = readContributionLine(last.text, last.line);
    if (!credit) break;
    lines.push(credit);
    paragraphs = paragraphs.slice(0, -1);
  }
  lines.sort((a, b) => a.line - b.line);
  return { body: paragraphs, removed: keptRemoved, ...(lead ? { lead } : {}), lines };
}

/** Everyone the credits name, in order, once each. */
export function contributorsOf(credits: Pick<Credits, "lines">): string[] {
  return [...new Set(credits.lines.flatMap((l) => l.names))];
}

/** The name a closing byline gives ("By Jeff Rainforth Like Jeff on Facebook"); none for one in capitals, which a byline at the top reads better. */
function closingByline(text: string): string | undefined {
  const name = CLOSING_BYLINE.exec(text)?.[1].replace(/\.$/, "");
  return name && name !== name.toUpperCase() ? name : undefined;
}

/**
 * The author an end-of-article bio or closing byline names, for an article without a byline at the top: "Hadas Gold is
 * a reporter at Politico." A bio names its writer by first and last name (two or three
 * words, each capitalized); "Mr Forsyth is a wonderful writer" or "The US is a major
 * contributor" are not bios of the article's author.
 */
const BIO_AUTHOR = new RegExp(
  `^(?!(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|The|A|An|This|That|Our|His|Her|Their)\\b)` +
    `(\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?(?: (?:\\p{Lu}\\.|\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?)){1,2}) is an? (?:[\\p{L}-]+ ){0,3}(?:writer|reporter|journalist|editor|correspondent|columnist|blogger)\\b`,
  "u",
);

export function authorOfBio(removed: readonly RemovedItem[]): string[] {
  // An empty "Authors:" label under the bio names no one, and is no second bio.
  const bios = removed.filter((item) => item.kind === "author-bio" && !EMPTY_AUTHOR_LABEL.test(item.text)).map((item) => BIO_AUTHOR.exec(item.text)?.[1] ?? closingByline(item.text));
  // One bio, one author: several people's bios under a story (a panel, contributors) say nothing of who wrote it.
  return bios.length === 1 && bios[0] ? [bios[0]] : [];
}
