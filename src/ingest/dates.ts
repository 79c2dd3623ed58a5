import { EARLIEST_YEAR, MAX_EVIDENCE_CHARS, MONTH_NAMES, STAMP_WORDS, WEEKDAY_NAMES } from "./date-words.ts";

/**
 * Publication dates with the evidence they rest on. A cascade of sources in order of
 * trust: the contributor's front matter, a date in the file name, the date the article
 * prints where it was filed (its dateline, or a "Posted on …" line at the top), and
 * what the folder's `_defaults.yml` says (a year or a period).
 *
 * Dates the body text mentions are events, not the publication: history,
 * anniversaries, year-ago comparisons, maturities, quoted old dates, old tweets and
 * future events all look alike, and a bare weekday ("said Wednesday") can be days
 * before the publication. Measured on every dated corpus (scripts/measure-dates.ts),
 * every rule that took a date or a year from them gave wrong years (the previous
 * rules here: 25 wrong years in 67 dates), so none does. A month and day with no year
 * anywhere is kept as such (`date_month_day`), never completed by a guess.
 *
 * Every date is a UTC calendar day, held as a day number (see "Calendar days"): plain
 * integer arithmetic. Nothing after `now` or before EARLIEST_YEAR is ever used.
 */

/** A span of days the article's folder says it was published in (from `_defaults.yml`). */
export interface DatePeriod {
  /** First and last day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Where it was said, e.g. "reuters/_defaults.yml: year 1987". */
  evidence: string;
}

export interface DateInput {
  /** Body paragraphs, detokenized, furniture removed, title excluded. */
  paragraphs: string[];
  title?: string;
  /** The line under the headline, where some sites print "Posted on …". */
  dek?: string;
  /** Path relative to the articles folder, e.g. "2017-02-08-miami-dade.txt". */
  fileName: string;
  /** The dateline as printed, e.g. "SALVADOR, Feb 26 -". */
  datelineRaw?: string;
  /** A contributor's own `date` (YYYY-MM-DD | YYYY-MM | YYYY): trusted as is. */
  frontMatterDate?: string;
  /** What the folder's `_defaults.yml` says (its `year` or `period`). */
  period?: DatePeriod;
  /** The build's "today": dates after it are never used. */
  now: Date;
}

export type DatePrecision = "day" | "month" | "year";
export type DateSource = "front_matter" | "file_name" | "dateline" | "text" | "folder_default";

export interface DateResult {
  date?: string;
  date_precision?: DatePrecision;
  date_source?: DateSource;
  date_evidence?: string;
  /** MM-DD: the publication's month and day when nothing gives its year (then `date` is absent). */
  date_month_day?: string;
}

export function extractPublicationDate(input: DateInput): DateResult {
  const now = Math.floor(input.now.getTime() / MS_PER_DAY);
  const period = input.period ? periodDays(input.period) : undefined;
  return (
    dateFromFrontMatter(input.frontMatterDate, now) ??
    dateFromFileName(input.fileName, now) ??
    dateFromArticleAndFolder(input, period, now) ??
    {}
  );
}

// ---------------------------------------------------------------------------
// 1. Front matter

/** The contributor's own date, used as written when it names a real calendar day/month/year. */
export function dateFromFrontMatter(value: string | undefined, now: DayNumber): DateResult | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const day = utcDate(Number(y), m ? Number(m) : 1, d ? Number(d) : 1);
  if (!day || !isUsable(day, now)) return undefined;
  const precision: DatePrecision = d ? "day" : m ? "month" : "year";
  return { date: text, date_precision: precision, date_source: "front_matter", date_evidence: `front matter date: ${text}` };
}

// ---------------------------------------------------------------------------
// 2. File name

// Year, month, day as a whole token: separated by - _ . / or written as 8 digits, and
// never glued to other letters or digits (so "00001.txt" and hex ids are not dates).
const FILE_NAME_DATE = /(?<![A-Za-z0-9])(\d{4})([-_./]?)(\d{2})\2(\d{2})(?![A-Za-z0-9])/g;

export function dateFromFileName(fileName: string, now: DayNumber): DateResult | undefined {
  for (const match of fileName.matchAll(FILE_NAME_DATE)) {
    const day = utcDate(Number(match[1]), Number(match[3]), Number(match[4]));
    if (day && isUsable(day, now)) {
      return { date: isoDate(day), date_precision: "day", date_source: "file_name", date_evidence: fileName.slice(0, MAX_EVIDENCE_CHARS) };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// 3. Where the article says when it was filed, and what its folder says

/** A day as the article prints it where it was filed: in its dateline or a "Posted on …" line. */
export interface FiledDay {
  month: number;
  day: number;
  /** Only when printed beside it ("WASHINGTON, Sept. 21, 2016 -"). */
  year?: number;
  source: "dateline" | "text";
  /** The line as printed, without the spaces around it. */
  text: string;
}

interface PeriodDays {
  from: DayNumber;
  to: DayNumber;
  evidence: string;
}

function periodDays(period: DatePeriod): PeriodDays | undefined {
  const [from, to] = [period.from, period.to].map((iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? utcDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  });
  return from !== undefined && to !== undefined && from <= to ? { from, to, evidence: period.evidence } : undefined;
}

function dateFromArticleAndFolder(input: DateInput, period: PeriodDays | undefined, now: DayNumber): DateResult | undefined {
  const filed = filedDayOf(input);
  if (filed?.year !== undefined) {
    // The article's own printed year; a day that does not exist or lies ahead is no evidence.
    const day = utcDate(filed.year, filed.month, filed.day);
    if (day !== undefined && isUsable(day, now)) {
      return { date: isoDate(day), date_precision: "day", date_source: filed.source, date_evidence: evidence(filed.text) };
    }
  } else if (filed && period) {
    const day = onlyDayInPeriod(filed, period, now);
    if (day !== undefined) {
      return { date: isoDate(day), date_precision: "day", date_source: "folder_default", date_evidence: evidence(`“${filed.text}” and ${period.evidence}`) };
    }
  }
  if (period) {
    const coarse = dateFromPeriodAlone(period, now);
    if (coarse) return coarse;
  }
  if (filed && filed.year === undefined) {
    return { date_month_day: `${pad2(filed.month)}-${pad2(filed.day)}`, date_source: filed.source, date_evidence: evidence(filed.text) };
  }
  return undefined;
}

/** The dateline's date, else a "Posted on …" line opening the article; undefined when neither prints one. */
export function filedDayOf(input: Pick<DateInput, "datelineRaw" | "dek" | "paragraphs">): FiledDay | undefined {
  const fromDateline = input.datelineRaw ? parseDateline(input.datelineRaw) : undefined;
  if (fromDateline) return fromDateline;
  // A dateline whose date slipped to the start of the body ("CHEVY CHASE, Md., -" then "March 4 - …").
  const first = input.paragraphs[0];
  if (input.datelineRaw && first) {
    const split = DATELINE_DATE_AT_START.exec(first);
    const parsed = split && monthDayOf(split[1], split[2], split[3]);
    if (parsed) return { ...parsed, source: "dateline", text: `${input.datelineRaw.trim()} ${split![0].trim()}` };
  }
  for (const line of [input.dek, first]) {
    const stamp = line === undefined ? undefined : parseStamp(line);
    if (stamp) return stamp;
  }
  return undefined;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const MONTH_WORD = `(${Object.keys(MONTH_NAMES).sort(byLengthDesc).join("|")})\\.?`;
// Datelines are typed in any case ("FEB 26", "march 4"): month names are compared caselessly.
const MONTH_BY_LOWER_NAME = new Map(Object.entries(MONTH_NAMES).map(([name, month]) => [name.toLowerCase(), month]));
const DATELINE_DATE = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,\s*(\d{4})\b)?/g;
const DATELINE_DATE_AT_START = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\s*(?:—|–|--|-)\s/;

function monthDayOf(monthWord: string, dayText: string, yearText?: string): Omit<FiledDay, "source" | "text"> | undefined {
  const month = MONTH_BY_LOWER_NAME.get(monthWord.toLowerCase());
  if (month === undefined) return undefined;
  const day = Number(dayText);
  if (utcDate(2000, month, day) === undefined) return undefined; // 2000 is a leap year: Feb 29 stays possible
  return yearText ? { month, day, year: Number(yearText) } : { month, day };
}

/** Month, day and (when printed) year of a dateline such as "SALVADOR, Feb 26 -" or "MIAMI, Jan. 5, 2017 —". */
export function parseDateline(raw: string): FiledDay | undefined {
  for (const m of raw.matchAll(DATELINE_DATE)) {
    const parsed = monthDayOf(m[1], m[2], m[3]);
    if (parsed) return { ...parsed, source: "dateline", text: raw.trim() };
  }
  return undefined;
}

const WEEKDAY_WORD = `(${Object.keys(WEEKDAY_NAMES).join("|")}|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?,?`;
const CLOCK = `(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?`;
/**
 * "Posted by Jane Doe on 19 Sep 2016", "Published: Sept. 19, 2016 at 3:15 pm": a line
 * that is nothing but the date the page was published, with its verb (and an author
 * and a clock time at most). A date line without the verb is not read: a sports page
 * opens with the match's date ("Saturday, 26 February"), not its own.
 */
const STAMP = new RegExp(
  `^(?:${STAMP_WORDS.join("|")})(?:\\s+by\\s+[^,;:]{2,60}?)?(?:\\s+on)?\\s*:?\\s+(?:${WEEKDAY_WORD}\\s+)?` +
    `(?:${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?(?:\\s+(\\d{4}))?)${CLOCK}\\.?$`,
  "i",
);
export function parseStamp(line: string): FiledDay | undefined {
  // The pattern is anchored at both ends and bounds the author's name: prose never matches.
  const text = line.trim();
  const m = STAMP.exec(text);
  if (!m) return undefined;
  const parsed = m[2] ? monthDayOf(m[2], m[3], m[4]) : monthDayOf(m[6], m[5], m[7]);
  if (!parsed) return undefined;
  // A printed weekday that contradicts the printed date makes the line untrustworthy.
  if (m[1] && parsed.year !== undefined) {
    const day = utcDate(parsed.year, parsed.month, parsed.day);
    if (day === undefined || weekdayOf(day) !== weekdayNumber(m[1])) return undefined;
  }
  return { ...parsed, source: "text", text };
}

function weekdayNumber(word: string): number {
  const prefix = word.slice(0, 3).toLowerCase();
  return Object.entries(WEEKDAY_NAMES).find(([name]) => name.slice(0, 3).toLowerCase() === prefix)![1];
}

/** The one day in the folder's period with this month and day (none, or several years: undefined). */
function onlyDayInPeriod(md: { month: number; day: number }, period: PeriodDays, now: DayNumber): DayNumber | undefined {
  let found: DayNumber | undefined;
  for (let year = yearOf(period.from); year <= yearOf(period.to); year++) {
    const day = utcDate(year, md.month, md.day);
    if (day === undefined || day < period.from || day > period.to || !isUsable(day, now)) continue;
    if (found !== undefined) return undefined;
    found = day;
  }
  return found;
}

/** A period within one month gives the month; within one year, the year; anything longer, nothing. */
function dateFromPeriodAlone(period: PeriodDays, now: DayNumber): DateResult | undefined {
  const year = yearOf(period.from);
  if (year !== yearOf(period.to)) return undefined;
  const [fromMonth, toMonth] = [isoDate(period.from).slice(0, 7), isoDate(period.to).slice(0, 7)];
  const sameMonth = fromMonth === toMonth;
  // A period that has not begun by the build's today says nothing yet.
  if (!isUsable(period.from, now)) return undefined;
  return {
    date: sameMonth ? fromMonth : String(year),
    date_precision: sameMonth ? "month" : "year",
    date_source: "folder_default",
    date_evidence: evidence(period.evidence),
  };
}

// ---------------------------------------------------------------------------
// Calendar days

/**
 * A UTC calendar day as the number of days since 1970-01-01 (proleptic Gregorian,
 * as luxon reckons). Comparing, subtracting and stepping days is then plain integer
 * arithmetic, and no Date or DateTime object is made per match.
 */
type DayNumber = number;

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Day number of a valid year-month-day (Howard Hinnant's days_from_civil). */
function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar year of a day number (Howard Hinnant's civil_from_days, year part). */
function yearOf(day: DayNumber): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0);
}

/** A UTC calendar day, or undefined when the date does not exist (Feb 30). Callers pass integers (read from digits). */
function utcDate(year: number, month: number, day: number): DayNumber | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** Weekday as luxon numbers it (Monday = 1 … Sunday = 7); 1970-01-01 was a Thursday. */
function weekdayOf(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** YYYY-MM-DD (years here are always four digits: EARLIEST_YEAR up to now, so the year is not padded). */
function isoDate(day: DayNumber): string {
  const year = yearOf(day);
  let month = 1;
  let rest = day - dayNumberOf(year, 1, 1);
  while (rest >= daysInMonth(year, month)) rest -= daysInMonth(year, month++);
  return `${year}-${String(month).padStart(2, "0")}-${String(rest + 1).padStart(2, "0")}`;
}

const EARLIEST_DAY = dayNumberOf(EARLIEST_YEAR, 1, 1);

function isUsable(day: DayNumber, now: DayNumber): boolean {
  return day >= EARLIEST_DAY && day <= now;
}

// ---------------------------------------------------------------------------
// Small helpers

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function evidence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_EVIDENCE_CHARS ? flat : `${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…`;
}
