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
 * text (dateline, explicit dates, weekdays, relative spans). Every date is a UTC
 * calendar day, held as a day number (see "Calendar days" below: plain arithmetic,
 * because this runs for every date-like match of every article); nothing after `now`
 * or before EARLIEST_YEAR is ever used, and when the evidence is thin or conflicting
 * the article stays undated.
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

export function extractPublicationDate(input: DateInput): DateResult {
  const now = Math.floor(input.now.getTime() / MS_PER_DAY);
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
export function dateFromFrontMatter(value: string | undefined, now: DayNumber): DateResult | undefined {
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
// 3. Text: the mentions an article makes

interface MonthDay {
  month: number;
  day: number;
}

/** A mention that names a stretch of time with its year: a day, month, quarter or half. */
interface DatedMention {
  start: DayNumber;
  end: DayNumber;
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

/**
 * Sorted, disjoint character ranges [start, end) of one paragraph, searched by binary
 * search: a paragraph may hold hundreds of thousands of matches and quotation marks,
 * so no test may walk the whole list.
 */
class RangeList {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  /** Appends a range that starts at or after the end of the last one. */
  push(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }

  /** True when some range shares a character with [start, end). */
  overlaps(start: number, end: number): boolean {
    const { starts, ends } = this;
    // The first range that ends after `start` is the only one that can overlap.
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid] > start) high = mid;
      else low = mid + 1;
    }
    return low < starts.length && starts[low] < end;
  }

  /** The union of this list and `other` (each sorted and disjoint), merging ranges that overlap or touch. */
  union(other: RangeList): RangeList {
    if (other.starts.length === 0) return this;
    if (this.starts.length === 0) return other;
    const out = new RangeList();
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < other.starts.length) {
      const fromThis = j >= other.starts.length || (i < this.starts.length && this.starts[i] <= other.starts[j]);
      const start = fromThis ? this.starts[i] : other.starts[j];
      const end = fromThis ? this.ends[i++] : other.ends[j++];
      const last = out.starts.length - 1;
      if (last >= 0 && start <= out.ends[last]) out.ends[last] = Math.max(out.ends[last], end);
      else out.push(start, end);
    }
    return out;
  }
}

/**
 * Ranges from each opening mark to the next closing mark after it (or to the end of the
 * text), merged. The next closing mark is found once per stretch of text, not once per
 * opening mark: an unclosed mark repeated many times stays linear.
 */
function pairedMarkRanges(text: string, open: string, close: string): RangeList {
  const ranges = new RangeList();
  let closeAt = -2; // -2: not searched yet; -1: no closing mark after this point
  for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + open.length)) {
    const from = at + open.length;
    if (closeAt !== -1 && closeAt < from) closeAt = text.indexOf(close, from);
    const end = closeAt === -1 ? text.length : closeAt;
    const last = ranges.starts.length - 1;
    if (last >= 0 && at <= ranges.ends[last]) ranges.ends[last] = Math.max(ranges.ends[last], end);
    else ranges.push(at, end);
  }
  return ranges;
}

/** Character ranges of a paragraph that sit inside quotation marks. */
function quotedRanges(text: string): RangeList {
  let ranges = pairedMarkRanges(text, "“", "”").union(pairedMarkRanges(text, "``", "''"));
  // Straight double quotes pair up in order of appearance.
  const straight = new RangeList();
  for (let at = text.indexOf('"'); at !== -1; ) {
    const closing = text.indexOf('"', at + 1);
    straight.push(at, closing === -1 ? text.length : closing);
    at = closing === -1 ? -1 : text.indexOf('"', closing + 1);
  }
  ranges = ranges.union(straight);
  return ranges;
}

/** True when words just before `index`, in the same sentence, schedule or forecast the date. */
function hasFutureCue(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CUE_WINDOW_CHARS), index);
  const clause = before.split(/[.;:!?]\s/).pop() ?? before;
  return FUTURE_CUE.test(clause);
}

/** One paragraph being read: its text, the mentions found so far, and what is already used. */
interface ParagraphScan {
  text: string;
  paragraph: number;
  mentions: Mentions;
}

/** Reads one match into `scan.mentions`; true when the match's text is used up (no later pattern may read it). */
type MatchReader = (m: RegExpExecArray, future: boolean, scan: ParagraphScan) => boolean;

function pushDay(m: RegExpExecArray, future: boolean, scan: ParagraphScan, y: number, mo: number, d: number, weekdayName?: string): boolean {
  const day = utcDate(y, mo, d);
  if (day === undefined) return false;
  // A printed weekday that contradicts the date makes the whole mention untrustworthy.
  if (weekdayName && WEEKDAY_NAMES[weekdayName] !== weekdayOf(day)) return true;
  scan.mentions.dated.push({ start: day, end: day, text: m[0], future, paragraph: scan.paragraph, anchored: !!weekdayName });
  return true;
}

const FISCAL = /fiscal/i;

function pushPeriod(m: RegExpExecArray, future: boolean, scan: ParagraphScan, y: number, ordinalWord: string, unit: string): boolean {
  // A fiscal quarter is not a calendar quarter: its dates are unknown.
  if (FISCAL.test(scan.text.slice(Math.max(0, m.index - 12), m.index + m[0].length))) return true;
  const ordinal = PERIOD_ORDINALS[ordinalWord.toLowerCase()];
  const months = unit.toLowerCase() === "half" ? 6 : 3;
  if (!ordinal || ordinal * months > 12) return false;
  const firstMonth = (ordinal - 1) * months + 1;
  const start = utcDate(y, firstMonth, 1);
  if (start === undefined) return false;
  const end = lastDayOfMonth(y, firstMonth + months - 1);
  scan.mentions.dated.push({ start, end, text: m[0], future, paragraph: scan.paragraph });
  return true;
}

function pushMonthDay(m: RegExpExecArray, future: boolean, scan: ParagraphScan, mo: number, d: number, weekdayName?: string): boolean {
  if (utcDate(2000, mo, d) === undefined) return false; // 2000 is a leap year: Feb 29 stays possible
  const weekday = weekdayName ? WEEKDAY_NAMES[weekdayName] : undefined;
  scan.mentions.monthDays.push({ month: mo, day: d, weekday, text: m[0], future, paragraph: scan.paragraph });
  return true;
}

/**
 * What a pattern cannot match without: a paragraph that lacks it skips the pattern (and
 * most paragraphs name no date at all). Each test is a necessary condition of its
 * patterns, so skipping changes no result.
 */
type Needs = number;
const NEEDS_DIGIT = 1; // DAY and YEAR are digits
const NEEDS_MONTH = 2; // a month name, matched case-sensitively
const NEEDS_PERIOD = 4; // "quarter" or "half", any case
const NEEDS_WEEKDAY = 8; // a weekday name, matched case-sensitively
const NEEDS_SPAN = 16; // "day" or "week", any case

/** A pattern of the first three letters of each word (every name starts with one). */
function prefixPattern(words: string[], flags = ""): RegExp {
  return new RegExp([...new Set(words.map((w) => w.slice(0, 3)))].join("|"), flags);
}
const PRESENT: ReadonlyArray<readonly [Needs, RegExp]> = [
  [NEEDS_DIGIT, /\d/],
  [NEEDS_MONTH, prefixPattern(Object.keys(MONTH_NAMES))],
  [NEEDS_PERIOD, /quarter|half/i],
  [NEEDS_WEEKDAY, prefixPattern(Object.keys(WEEKDAY_NAMES))],
  [NEEDS_SPAN, /day|week/i],
];

/** Which of the NEEDS_ flags the text satisfies. */
function presentIn(text: string): Needs {
  let present = 0;
  for (const [need, pattern] of PRESENT) if (pattern.test(text)) present |= need;
  return present;
}

// Most specific first: a span of text used by one pattern is not read again by the next.
const READERS: ReadonlyArray<readonly [Needs, RegExp, MatchReader]> = [
  [NEEDS_DIGIT | NEEDS_MONTH, PATTERNS.monthDayYear, (m, f, s) => pushDay(m, f, s, Number(m[4]), MONTH_NAMES[m[2]], Number(m[3]), m[1])],
  [NEEDS_DIGIT | NEEDS_MONTH, PATTERNS.dayMonthYear, (m, f, s) => pushDay(m, f, s, Number(m[4]), MONTH_NAMES[m[3]], Number(m[2]), m[1])],
  [NEEDS_DIGIT | NEEDS_PERIOD, PATTERNS.quarterYear, (m, f, s) => pushPeriod(m, f, s, Number(m[3]), m[1], m[2])],
  [NEEDS_DIGIT | NEEDS_PERIOD, PATTERNS.yearQuarter, (m, f, s) => pushPeriod(m, f, s, Number(m[1]), m[2], m[3])],
  [
    NEEDS_DIGIT | NEEDS_MONTH,
    PATTERNS.monthYear,
    (m, f, s) => {
      const year = Number(m[2]);
      const month = MONTH_NAMES[m[1]];
      const start = utcDate(year, month, 1);
      if (start === undefined) return false;
      s.mentions.dated.push({ start, end: lastDayOfMonth(year, month), text: m[0], future: f, paragraph: s.paragraph });
      return true;
    },
  ],
  [NEEDS_DIGIT | NEEDS_MONTH, PATTERNS.monthDay, (m, f, s) => pushMonthDay(m, f, s, MONTH_NAMES[m[2]], Number(m[3]), m[1] ?? m[4])],
  [
    NEEDS_MONTH,
    PATTERNS.monthAlone,
    (m, f, s) => {
      s.mentions.months.push({ month: MONTH_NAMES[m[1]], text: m[0], future: f, paragraph: s.paragraph });
      return true;
    },
  ],
  [NEEDS_DIGIT | NEEDS_MONTH, PATTERNS.dayMonth, (m, f, s) => pushMonthDay(m, f, s, MONTH_NAMES[m[3]], Number(m[2]), m[1])],
  [
    NEEDS_WEEKDAY,
    PATTERNS.weekday,
    (m, f, s) => {
      // "next Wednesday" and "on Wednesday, March 3" scheduling are future; we keep the flag.
      s.mentions.weekdays.push({ weekday: WEEKDAY_NAMES[m[1]], text: m[0], future: f, paragraph: s.paragraph });
      return true;
    },
  ],
  [
    NEEDS_DIGIT,
    PATTERNS.year,
    (m, f, s) => {
      s.mentions.years.push({ year: Number(m[1]), text: m[0], future: f });
      return true;
    },
  ],
];

export function findDateMentions(paragraphs: string[]): Mentions {
  const mentions: Mentions = { dated: [], monthDays: [], months: [], weekdays: [], years: [], spans: [] };
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const text = paragraphs[paragraph];
    const present = presentIn(text);
    if (present === 0) continue;
    const scan: ParagraphScan = { text, paragraph, mentions };
    const quoted = quotedRanges(text);
    // Text used by earlier patterns. A pattern's own matches never overlap one another,
    // so they are gathered apart and merged in once the pattern is done.
    let taken = new RangeList();
    const free = (start: number, end: number) => !taken.overlaps(start, end) && !quoted.overlaps(start, start + 1);
    for (const [needs, pattern, read] of READERS) {
      if ((present & needs) !== needs) continue;
      const used = new RangeList();
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!free(start, end)) continue;
        if (read(m, hasFutureCue(text, start), scan)) used.push(start, end);
      }
      taken = taken.union(used);
    }
    if ((present & NEEDS_SPAN) === 0) continue;
    PATTERNS.span.lastIndex = 0;
    for (let m = PATTERNS.span.exec(text); m !== null; m = PATTERNS.span.exec(text)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const count = SPAN_NUMBERS[m[2].toLowerCase()] ?? Number(m[2]);
      const unit = SPAN_UNIT_DAYS[m[3].toLowerCase()];
      mentions.spans.push({ ...spanRange(count * unit, unit, m[1]?.toLowerCase()), text: m[0] });
    }
  }
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

function dateFromText(paragraphs: string[], datelineRaw: string | undefined, now: DayNumber): DateResult | undefined {
  const mentions = findDateMentions(paragraphs);
  mentions.dated = mentions.dated.filter((m) => isUsable(m.start, now));
  const nowYear = yearOf(now);
  mentions.years = mentions.years.filter((y) => y.year >= EARLIEST_YEAR && y.year <= nowYear);
  resolveWeekdayDates(mentions, now);

  const dateline = datelineRaw ? parseDateline(datelineRaw) : undefined;
  if (dateline) {
    // The dateline is the publication day; the text only has to tell us its year.
    const vote = voteForYear(dateline, mentions, now);
    if (!vote) return undefined;
    const day = utcDate(vote.year, dateline.month, dateline.day)!;
    return {
      date: isoDate(day),
      date_precision: "day",
      date_source: "dateline",
      date_evidence: evidence(`${datelineRaw!.trim()} (year from "${vote.evidence}")`),
    };
  }
  return dateFromLeadWeekday(mentions, now);
}

const DATELINE_MONTH_DAY = new RegExp(`${MONTH}\\s+${DAY}\\b`);

/** Month and day of a printed dateline such as "SALVADOR, Feb 26 -" or "MIAMI, Jan. 5 —". */
export function parseDateline(raw: string): MonthDay | undefined {
  const match = DATELINE_MONTH_DAY.exec(raw);
  if (!match) return undefined;
  const month = MONTH_NAMES[match[1]];
  const day = Number(match[2]);
  return utcDate(2000, month, day) !== undefined ? { month, day } : undefined;
}

/**
 * A month-day printed with its weekday ("Thursday, Jan. 26") gets a year when exactly one
 * of the plausible years (those the article names, and the year after each) puts that
 * day on that weekday. The resolved day then counts as a dated mention.
 */
function resolveWeekdayDates(mentions: Mentions, now: DayNumber): void {
  const candidates = new Set<number>();
  for (const y of mentions.years) for (const c of [y.year - 1, y.year, y.year + 1]) candidates.add(c);
  for (const d of mentions.dated) candidates.add(yearOf(d.start));
  for (const md of mentions.monthDays) {
    if (!md.weekday) continue;
    let fit: DayNumber | undefined;
    let fits = 0;
    for (const year of candidates) {
      const day = utcDate(year, md.month, md.day);
      if (day === undefined || weekdayOf(day) !== md.weekday || !isUsable(day, now)) continue;
      fit = day;
      fits++;
    }
    if (fits === 1) {
      mentions.dated.push({ start: fit!, end: fit!, text: md.text, future: md.future, paragraph: md.paragraph, anchored: true });
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
function voteForYear(publication: MonthDay, mentions: Mentions, now: DayNumber): { year: number; evidence: string } | undefined {
  const votes = new Map<number, string>();
  for (const event of mentions.dated) {
    if (!event.anchored) continue;
    const year = event.future ? yearBeforeEvent(publication, event) : yearAfterEvent(publication, event);
    const day = year === undefined ? undefined : utcDate(year, publication.month, publication.day);
    if (year === undefined || day === undefined || !isUsable(day, now)) return undefined;
    if (!votes.has(year)) votes.set(year, event.text);
  }
  if (votes.size !== 1) return undefined;
  const [[year, why]] = [...votes];
  return { year, evidence: why };
}

/** The year whose month-day is the first one on or after the event's start, if close to its end. */
function yearAfterEvent(publication: MonthDay, event: DatedMention): number | undefined {
  const startYear = yearOf(event.start);
  for (let year = startYear; year <= startYear + 1; year++) {
    const day = utcDate(year, publication.month, publication.day);
    if (day === undefined || day < event.start) continue;
    const daysAfterEnd = day - event.end;
    return daysAfterEnd <= NEAR_PAST_DAYS ? year : undefined;
  }
  return undefined;
}

/** The year whose month-day is the last one on or before the event's end, if close to its start. */
function yearBeforeEvent(publication: MonthDay, event: DatedMention): number | undefined {
  const endYear = yearOf(event.end);
  for (let year = endYear; year >= endYear - 1; year--) {
    const day = utcDate(year, publication.month, publication.day);
    if (day === undefined || day > event.end) continue;
    const daysBeforeStart = event.start - day;
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
function dateFromLeadWeekday(mentions: Mentions, now: DayNumber): DateResult | undefined {
  const reported = mentions.dated.filter((m) => !m.future && m.start === m.end);
  if (reported.length === 0) return undefined;
  const latest = reported.reduce((a, b) => (b.start > a.start ? b : a));
  const lead = mentions.weekdays.find((w) => w.paragraph < LEAD_PARAGRAPHS && !w.future);
  if (!lead) return undefined;
  const span = mentions.spans[0];
  const from = latest.start + (span ? span.minDays : 0);
  const to = latest.start + (span ? span.maxDays : 6);
  // A span of a huge number of weeks lies outside any calendar (and outside luxon's, which gave no date).
  if (!(Math.abs(from) <= MAX_DAY_NUMBER && Math.abs(to) <= MAX_DAY_NUMBER)) return undefined;
  let fit: DayNumber | undefined;
  let fits = 0;
  for (let day = from; day <= to; day++) {
    if (weekdayOf(day) !== lead.weekday) continue;
    fit = day;
    fits++;
  }
  if (fits !== 1 || !isUsable(fit!, now)) return undefined;
  const why = span ? `${lead.text}, ${span.text} after ${latest.text}` : `${lead.text} after ${latest.text}`;
  return { date: isoDate(fit!), date_precision: "day", date_source: "text", date_evidence: evidence(why) };
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
/** The largest day number a JavaScript Date (and luxon) can represent: ±100,000,000 days. */
const MAX_DAY_NUMBER = 100_000_000;

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

/** A UTC calendar day, or undefined when the date does not exist (Feb 30). */
function utcDate(year: number, month: number, day: number): DayNumber | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** The last day of a month; `month` may run past 12 into the next year. */
function lastDayOfMonth(year: number, month: number): DayNumber {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return dayNumberOf(y, m, daysInMonth(y, m));
}

/** Weekday as luxon numbers it (Monday = 1 … Sunday = 7); 1970-01-01 was a Thursday. */
function weekdayOf(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** YYYY-MM-DD (years here are always four digits: EARLIEST_YEAR up to now). */
function isoDate(day: DayNumber): string {
  const year = yearOf(day);
  let month = 1;
  let rest = day - dayNumberOf(year, 1, 1);
  while (rest >= daysInMonth(year, month)) rest -= daysInMonth(year, month++);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(rest + 1).padStart(2, "0")}`;
}

const EARLIEST_DAY = dayNumberOf(EARLIEST_YEAR, 1, 1);

function isUsable(day: DayNumber, now: DayNumber): boolean {
  return day >= EARLIEST_DAY && day <= now;
}

// ---------------------------------------------------------------------------
// Small helpers

function evidence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_EVIDENCE_CHARS ? flat : `${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…`;
}
