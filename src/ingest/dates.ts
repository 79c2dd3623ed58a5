import { DateTime } from "luxon";
import {
  CUE_WINDOW_CHARS,
  EARLIEST_YEAR,
  FUTURE_CUES,
  LEAD_PARAGRAPHS,
  MAX_EVIDENCE_CHARS,
  MONTH_NAMES,
  NEAR_FUTURE_DAYS,
  NEAR_PAST_DAYS,
  PERIOD_ORDINALS,
  SPAN_NUMBERS,
  SPAN_UNIT_DAYS,
  WEEKDAY_NAMES,
  } from "./date-words.ts";

/**
 * Publication dates with the evidence they rest on. A cascade of sources in order of
 * trust: the contributor's front matter, a date in the file name, then the article
 * text (dateline, explicit dates, weekdays, relative spans). Every date is computed
 * in UTC with luxon; nothing after `now` or before EARLIEST_YEAR is ever used, and
 * when the evidence is thin or conflicting the article stays undated.
 */

export interface DateInput {
  /** Body paragraphs, detokenized, furniture removed, title excluded. */
  paragraphs: string[];
  title?: string;
  /** Path relative to the articles folder, e.g. "2017-02-08-miami-dade.txt". */
  fileName: string;
  /** The dateline as printed, e.g. "SALVADOR, Feb 26 -". */
  datelineRaw?: string;
  /** A contributor's own `date` (YYYY-MM-DD | YYYY-MM | YYYY): trusted as is. */
  frontMatterDate?: string;
  /** The build's "today": dates after it are never used. */
  now: Date;
}

export type DatePrecision = "day" | "month" | "year";
export type DateSource = "front_matter" | "file_name" | "dateline" | "text";

export interface DateResult {
  date?: string;
  date_precision?: DatePrecision;
  date_source?: DateSource;
  date_evidence?: string;
}

const UTC = { zone: "utc" } as const;

export function extractPublicationDate(input: DateInput): DateResult {
  const now = DateTime.fromJSDate(input.now, UTC).endOf("day");
  return (
    dateFromFrontMatter(input.frontMatterDate, now) ??
    dateFromFileName(input.fileName, now) ??
    dateFromText(input.paragraphs, input.datelineRaw, now) ??
    {}
  );
}

// ---------------------------------------------------------------------------
// 1. Front matter

/** The contributor's own date, used as written when it names a real calendar day/month/year. */
export function dateFromFrontMatter(value: string | undefined, now: DateTime): DateResult | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const day = utcDate(Number(y), m ? Number(m) : 1, d ? Number(d) : 1);
  if (!day || !isUsable(day, now)) return undefined;
  const precision: DatePrecision = d ? "day" : m ? "month" : "year";
  return { date: value.trim(), date_precision: precision, date_source: "front_matter", date_evidence: `front matter date: ${value.trim()}` };
}

// ---------------------------------------------------------------------------
// 2. File name

// Year, month, day as a whole token: separated by - _ . / or written as 8 digits, and
// never glued to other letters or digits (so "00001.txt" and hex ids are not dates).
const FILE_NAME_DATE = /(?<![A-Za-z0-9])(\d{4})([-_./]?)(\d{2})\2(\d{2})(?![A-Za-z0-9])/g;

export function dateFromFileName(fileName: string, now: DateTime): DateResult | undefined {
  for (const match of fileName.matchAll(FILE_NAME_DATE)) {
    const day = utcDate(Number(match[1]), Number(match[3]), Number(match[4]));
    if (day && isUsable(day, now)) {
      return { date: day.toISODate()!, date_precision: "day", date_source: "file_name", date_evidence: fileName.slice(0, MAX_EVIDENCE_CHARS) };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// 3. Text: the mentions an article makes

interface MonthDay {
  month: number;
  day: number;
}

/** A mention that names a stretch of time with its year: a day, month, quarter or half. */
interface DatedMention {
  start: DateTime;
  end: DateTime;
  text: string;
  /** Scheduled or forecast ("payable April 1, 1987"): the publication precedes it. */
  future: boolean;
  paragraph: number;
  /** Its printed weekday agrees with it ("Thursday, Jan. 26, 2017"): the year is certain. */
  anchored?: boolean;
}

/** A month and day printed without a year ("Jan. 25", "Thursday, Feb 26"). */
interface MonthDayMention extends MonthDay {
  weekday?: number;
  text: string;
  future: boolean;
  paragraph: number;
}

/** A month printed alone ("prices rose in February"). */
interface MonthMention {
  month: number;
  text: string;
  future: boolean;
  paragraph: number;
}

interface WeekdayMention {
  weekday: number;
  text: string;
  future: boolean;
  paragraph: number;
}

interface SpanMention {
  /** Days from the anchoring event to the publication, as a closed range. */
  minDays: number;
  maxDays: number;
  text: string;
}

interface YearMention {
  year: number;
  text: string;
  future: boolean;
}

interface Mentions {
  dated: DatedMention[];
  monthDays: MonthDayMention[];
  months: MonthMention[];
  weekdays: WeekdayMention[];
  years: YearMention[];
  spans: SpanMention[];
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const MONTH = `(${Object.keys(MONTH_NAMES).sort(byLengthDesc).join("|")})\\.?`;
const WEEKDAY = `(${Object.keys(WEEKDAY_NAMES).join("|")})`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = `(\\d{4})`;
const ORDINAL = `(${Object.keys(PERIOD_ORDINALS).join("|")})`;
const NOT_NUMBER_AFTER = `(?![.,]?\\d)`;

// Most specific first: a span of text used by one pattern is not read again by the next.
const PATTERNS = {
  monthDayYear: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+${DAY}(?:\\s*,\\s*|\\s+)${YEAR}\\b${NOT_NUMBER_AFTER}`, "g"),
  dayMonthYear: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${DAY}\\s+${MONTH},?\\s+${YEAR}\\b${NOT_NUMBER_AFTER}`, "g"),
  quarterYear: new RegExp(`\\b${ORDINAL}[- ](quarter|half)(?:\\s+of)?,?\\s+(?:fiscal\\s+)?${YEAR}\\b`, "gi"),
  yearQuarter: new RegExp(`\\b${YEAR}\\s+${ORDINAL}[- ](quarter|half)\\b`, "gi"),
  monthYear: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b${NOT_NUMBER_AFTER}`, "g"),
  // A month with neither day nor year, after a word that makes it a time ("in February").
  monthAlone: new RegExp(`\\b(?:in|during|for|of|since|from|to|through|until|last|this|early|late|mid-?|end-)\\s+${MONTH}(?![a-z])(?!\\s*,?\\s*\\d)`, "g"),
  monthDay: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+${DAY}\\b${NOT_NUMBER_AFTER}(?:\\s*\\(${WEEKDAY}\\))?`, "g"),
  dayMonth: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${DAY}\\s+${MONTH}(?![a-z])`, "g"),
  weekday: new RegExp(`\\b${WEEKDAY}\\b`, "g"),
  // A four-digit year, but not an amount, a clock time ("1830 GMT") or a season ("1986/87").
  year: /(?<![$\d.,/-])\b(1[89]\d\d|20\d\d)\b(?![.,]?\d|\/\d|\s*(?:GMT|EST|EDT|BST|hrs|hours|local|dlrs|mln|pct|tonnes|bags|shares|[a-z]*\s*feet))/g,
  span: /\b(?:for|in)\s+(nearly|almost|about|some|more than|over)?\s*(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week)s?\b/gi,
} as const;

const FUTURE_CUE = new RegExp(`\\b(?:${FUTURE_CUES.join("|")})\\b`, "i");

/** Character ranges of a paragraph that sit inside quotation marks. */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pairs: Array<[RegExp, RegExp]> = [
    [/“/g, /”/g],
    [/``/g, /''/g],
  ];
  for (const [open, close] of pairs) {
    for (const o of text.matchAll(open)) {
      close.lastIndex = o.index! + o[0].length;
      const c = close.exec(text);
      ranges.push([o.index!, c ? c.index : text.length]);
    }
  }
  // Straight double quotes pair up in order of appearance.
  const straight = [...text.matchAll(/"/g)].map((m) => m.index!);
  for (let i = 0; i < straight.length; i += 2) ranges.push([straight[i], straight[i + 1] ?? text.length]);
  return ranges;
}

/** True when words just before `index`, in the same sentence, schedule or forecast the date. */
function hasFutureCue(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CUE_WINDOW_CHARS), index);
  const clause = before.split(/[.;:!?]\s/).pop() ?? before;
  return FUTURE_CUE.test(clause);
}

export function findDateMentions(paragraphs: string[]): Mentions {
  const mentions: Mentions = { dated: [], monthDays: [], months: [], weekdays: [], years: [], spans: [] };
  paragraphs.forEach((text, paragraph) => {
    const quoted = quotedRanges(text);
    const taken: Array<[number, number]> = [];
    const free = (start: number, end: number) =>
      !taken.some(([s, e]) => start < e && end > s) && !quoted.some(([s, e]) => start >= s && start < e);
    const scan = (pattern: RegExp, read: (m: RegExpMatchArray, future: boolean) => boolean) => {
      for (const m of text.matchAll(pattern)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (!free(start, end)) continue;
        if (read(m, hasFutureCue(text, start))) taken.push([start, end]);
      }
    };
    const pushDay = (m: RegExpMatchArray, future: boolean, y: number, mo: number, d: number, weekdayName?: string) => {
      const day = utcDate(y, mo, d);
      if (!day) return false;
      // A printed weekday that contradicts the date makes the whole mention untrustworthy.
      if (weekdayName && WEEKDAY_NAMES[weekdayName] !== day.weekday) return true;
      mentions.dated.push({ start: day, end: day, text: m[0], future, paragraph, anchored: !!weekdayName });
      return true;
    };
    scan(PATTERNS.monthDayYear, (m, f) => pushDay(m, f, Number(m[4]), MONTH_NAMES[m[2]], Number(m[3]), m[1]));
    scan(PATTERNS.dayMonthYear, (m, f) => pushDay(m, f, Number(m[4]), MONTH_NAMES[m[3]], Number(m[2]), m[1]));
    const pushPeriod = (m: RegExpMatchArray, future: boolean, y: number, ordinalWord: string, unit: string) => {
      // A fiscal quarter is not a calendar quarter: its dates are unknown.
      if (/fiscal/i.test(text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length))) return true;
      const ordinal = PERIOD_ORDINALS[ordinalWord.toLowerCase()];
      const months = unit.toLowerCase() === "half" ? 6 : 3;
      if (!ordinal || ordinal * months > 12) return false;
      const start = utcDate(y, (ordinal - 1) * months + 1, 1);
      if (!start) return false;
      mentions.dated.push({ start, end: start.plus({ months }).minus({ days: 1 }), text: m[0], future, paragraph });
      return true;
    };
    scan(PATTERNS.quarterYear, (m, f) => pushPeriod(m, f, Number(m[3]), m[1], m[2]));
    scan(PATTERNS.yearQuarter, (m, f) => pushPeriod(m, f, Number(m[1]), m[2], m[3]));
    scan(PATTERNS.monthYear, (m, f) => {
      const start = utcDate(Number(m[2]), MONTH_NAMES[m[1]], 1);
      if (!start) return false;
      mentions.dated.push({ start, end: start.endOf("month").startOf("day"), text: m[0], future: f, paragraph });
      return true;
    });
    const pushMonthDay = (m: RegExpMatchArray, future: boolean, mo: number, d: number, weekdayName?: string) => {
      if (!utcDate(2000, mo, d)) return false; // 2000 is a leap year: Feb 29 stays possible
      const weekday = weekdayName ? WEEKDAY_NAMES[weekdayName] : undefined;
      mentions.monthDays.push({ month: mo, day: d, weekday, text: m[0], future, paragraph });
      return true;
    };
    scan(PATTERNS.monthDay, (m, f) => pushMonthDay(m, f, MONTH_NAMES[m[2]], Number(m[3]), m[1] ?? m[4]));
    scan(PATTERNS.monthAlone, (m, f) => {
      mentions.months.push({ month: MONTH_NAMES[m[1]], text: m[0], future: f, paragraph });
      return true;
    });
    scan(PATTERNS.dayMonth, (m, f) => pushMonthDay(m, f, MONTH_NAMES[m[3]], Number(m[2]), m[1]));
    scan(PATTERNS.weekday, (m, f) => {
      // "next Wednesday" and "on Wednesday, March 3" scheduling are future; we keep the flag.
      mentions.weekdays.push({ weekday: WEEKDAY_NAMES[m[1]], text: m[0], future: f, paragraph });
      return true;
    });
    scan(PATTERNS.year, (m, f) => {
      mentions.years.push({ year: Number(m[1]), text: m[0], future: f });
      return true;
    });
    for (const m of text.matchAll(PATTERNS.span)) {
      if (!free(m.index!, m.index! + m[0].length)) continue;
      const count = SPAN_NUMBERS[m[2].toLowerCase()] ?? Number(m[2]);
      const unit = SPAN_UNIT_DAYS[m[3].toLowerCase()];
      mentions.spans.push({ ...spanRange(count * unit, unit, m[1]?.toLowerCase()), text: m[0] });
    }
  });
  return mentions;
}

/** "nearly two weeks" → 10..14 days; "more than a week" → 7..13; "two weeks" → 13..15. */
function spanRange(days: number, unit: number, qualifier: string | undefined): { minDays: number; maxDays: number } {
  const slack = Math.max(1, Math.round(unit / 2));
  switch (qualifier) {
    case "nearly":
    case "almost":
      return { minDays: days - Math.max(1, unit - 3), maxDays: days };
    case "more than":
    case "over":
      return { minDays: days, maxDays: days + unit - 1 };
    case "about":
    case "some":
      return { minDays: days - slack, maxDays: days + slack };
    default:
      return { minDays: days - 1, maxDays: days + 1 };
  }
}

// ---------------------------------------------------------------------------
// 3b. Text: from mentions to a publication date

function dateFromText(paragraphs: string[], datelineRaw: string | undefined, now: DateTime): DateResult | undefined {
  const mentions = findDateMentions(paragraphs);
  mentions.dated = mentions.dated.filter((m) => isUsable(m.start, now));
  mentions.years = mentions.years.filter((y) => y.year >= EARLIEST_YEAR && y.year <= now.year);
  resolveWeekdayDates(mentions, now);

  const dateline = datelineRaw ? parseDateline(datelineRaw) : undefined;
  if (dateline) {
    // The dateline is the publication day; the text only has to tell us its year.
    const vote = voteForYear(dateline, mentions, now);
    if (!vote) return undefined;
    const day = utcDate(vote.year, dateline.month, dateline.day)!;
    return {
      date: day.toISODate()!,
      date_precision: "day",
      date_source: "dateline",
      date_evidence: evidence(`${datelineRaw!.trim()} (year from "${vote.evidence}")`),
    };
  }
  return dateFromLeadWeekday(mentions, now);
}

/** Month and day of a printed dateline such as "SALVADOR, Feb 26 -" or "MIAMI, Jan. 5 —". */
export function parseDateline(raw: string): MonthDay | undefined {
  const match = new RegExp(`${MONTH}\\s+${DAY}\\b`).exec(raw);
  if (!match) return undefined;
  const month = MONTH_NAMES[match[1]];
  const day = Number(match[2]);
  return utcDate(2000, month, day) ? { month, day } : undefined;
}

/**
 * A month-day printed with its weekday ("Thursday, Jan. 26") gets a year when exactly one
 * of the plausible years (those the article names, and the year after each) puts that
 * day on that weekday. The resolved day then counts as a dated mention.
 */
function resolveWeekdayDates(mentions: Mentions, now: DateTime): void {
  const candidates = new Set<number>();
  for (const y of mentions.years) for (const c of [y.year - 1, y.year, y.year + 1]) candidates.add(c);
  for (const d of mentions.dated) candidates.add(d.start.year);
  for (const md of mentions.monthDays) {
    if (!md.weekday) continue;
    const fits = [...candidates]
      .map((year) => utcDate(year, md.month, md.day))
      .filter((day): day is DateTime => !!day && day.weekday === md.weekday && isUsable(day, now));
    if (fits.length === 1) {
      mentions.dated.push({ start: fits[0], end: fits[0], text: md.text, future: md.future, paragraph: md.paragraph, anchored: true });
    }
  }
}

/**
 * Which year is the publication month-day in? Only a day whose printed weekday pins
 * its year ("Thursday, Jan. 26") is trusted: measured on Reuters-21578, the year of
 * the latest dated event an article names (with or without the news-style rule that
 * yearless dates are the recent ones) gives the publication year only ~60% of the
 * time, because year-ago comparisons ("1.7 pct in February 1986"), history ("since
 * November 1978") and maturities ("notes due March 1, 1997") look alike. The
 * publication is the first month-day on or after the latest such day, if soon after
 * it (NEAR_PAST_DAYS); a scheduled one (NEAR_FUTURE_DAYS ahead) works backwards.
 * All anchored days must agree on the year.
 */
function voteForYear(publication: MonthDay, mentions: Mentions, now: DateTime): { year: number; evidence: string } | undefined {
  const votes = new Map<number, string>();
  for (const event of mentions.dated.filter((m) => m.anchored)) {
    const year = event.future ? yearBeforeEvent(publication, event) : yearAfterEvent(publication, event);
    const day = year === undefined ? undefined : utcDate(year, publication.month, publication.day);
    if (year === undefined || !day || !isUsable(day, now)) return undefined;
    if (!votes.has(year)) votes.set(year, event.text);
  }
  if (votes.size !== 1) return undefined;
  const [[year, why]] = [...votes];
  return { year, evidence: why };
}

/** The year whose month-day is the first one on or after the event's start, if close to its end. */
function yearAfterEvent(publication: MonthDay, event: DatedMention): number | undefined {
  for (const year of [event.start.year, event.start.year + 1]) {
    const day = utcDate(year, publication.month, publication.day);
    if (!day || day < event.start) continue;
    const daysAfterEnd = day.diff(event.end, "days").days;
    return daysAfterEnd <= NEAR_PAST_DAYS ? year : undefined;
  }
  return undefined;
}

/** The year whose month-day is the last one on or before the event's end, if close to its start. */
function yearBeforeEvent(publication: MonthDay, event: DatedMention): number | undefined {
  for (const year of [event.end.year, event.end.year - 1]) {
    const day = utcDate(year, publication.month, publication.day);
    if (!day || day > event.end) continue;
    const daysBeforeStart = event.start.diff(day, "days").days;
    return daysBeforeStart <= NEAR_FUTURE_DAYS ? year : undefined;
  }
  return undefined;
}

/**
 * Without a dateline: the lead's weekday ("said Wednesday") names the day of the main
 * event, which is on or after the latest dated event the article reports, within a week
 * of it, or within a stated span of it ("for nearly two weeks" since Jan. 26). The
 * publication is that day (or the next, which we cannot tell apart).
 */
function dateFromLeadWeekday(mentions: Mentions, now: DateTime): DateResult | undefined {
  const reported = mentions.dated.filter((m) => !m.future && +m.start === +m.end);
  if (reported.length === 0) return undefined;
  const latest = reported.reduce((a, b) => (b.start > a.start ? b : a));
  const lead = mentions.weekdays.find((w) => w.paragraph < LEAD_PARAGRAPHS && !w.future);
  if (!lead) return undefined;
  const span = mentions.spans[0];
  const window = span
    ? { from: latest.start.plus({ days: span.minDays }), to: latest.start.plus({ days: span.maxDays }) }
    : { from: latest.start, to: latest.start.plus({ days: 6 }) };
  const fits: DateTime[] = [];
  for (let day = window.from; day <= window.to; day = day.plus({ days: 1 })) if (day.weekday === lead.weekday) fits.push(day);
  if (fits.length !== 1 || !isUsable(fits[0], now)) return undefined;
  const why = span ? `${lead.text}, ${span.text} after ${latest.text}` : `${lead.text} after ${latest.text}`;
  return { date: fits[0].toISODate()!, date_precision: "day", date_source: "text", date_evidence: evidence(why) };
}

// ---------------------------------------------------------------------------
// Small helpers

/** A UTC calendar day, or undefined when the date does not exist (Feb 30). */
function utcDate(year: number, month: number, day: number): DateTime | undefined {
  const date = DateTime.fromObject({ year, month, day }, UTC);
  return date.isValid ? date : undefined;
}

function isUsable(day: DateTime, now: DateTime): boolean {
  return day.year >= EARLIEST_YEAR && day <= now;
}

function evidence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_EVIDENCE_CHARS ? flat : `${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…`;
}
