import { DateTime } from "luxon";
import type { ArticleRecord } from "../schema.ts";
import { articleLink, type ArticleLink, type LinkableArticle } from "./article-link.ts";
import { monthCalendar, type MonthCalendar } from "./calendar.ts";
import { contiguousMonths, formatCount, renderMonthChart } from "./month-chart.ts";

/**
 * The timeline: articles grouped Year → Month → Day (luxon, UTC), turned into the pages
 * the templates print. Built in one pass over the articles sorted once by date, so the
 * cost is O(n log n) and every page object holds only its own (at most 100) links.
 *
 * Each article sits on exactly one "finest" listing: its day page (day precision), the
 * "date known only to the month" section of its month page (month precision), the "date
 * known only to the year" section of its year page (year precision), or the undated page.
 * Coarser pages repeat it: a day-precision article is also on its month and year pages.
 */

export const TIMELINE_PAGE_SIZE = 100;
export const TIMELINE_ROOT = "/timeline/";
export const UNDATED_URL = "/timeline/undated/";

export type Precision = "day" | "month" | "year";

/** The fields the timeline reads from an article (a SiteArticle has them all). */
export type TimelineArticle = Pick<ArticleRecord, "slug" | "title" | "date" | "date_precision" | "date_month_day"> & LinkableArticle;

/** Where a date puts an article; `month`/`day` are 1-based and present down to the precision. */
export interface DatePlacement {
  precision: Precision;
  year: number;
  month?: number;
  day?: number;
}

export interface Crumb {
  label: string;
  /** Absent on the current page's own crumb. */
  url?: string;
}

export interface PeriodLink {
  label: string;
  url: string;
}

export interface PeriodCount extends PeriodLink {
  count: number;
}

export interface TimelineSection {
  heading?: string;
  /** The heading links here (the month of a year page's section, the day of a month page's). */
  url?: string;
  items: ArticleLink[];
}

export interface TimelinePage {
  kind: "year" | "month" | "day" | "undated";
  url: string;
  /** The <title>: the heading, plus "(page N of M)" after page 1. */
  title: string;
  heading: string;
  breadcrumbs: Crumb[];
  /** Articles in the whole period (all its pages). */
  count: number;
  /** "1,234 articles". */
  countLabel: string;
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  /** The nearest earlier/later period of the same kind that has articles. */
  previousPeriod?: PeriodLink;
  nextPeriod?: PeriodLink;
  /** A year's months or a month's days that have articles, with counts. */
  children: PeriodCount[];
  /** Names the children's navigation: "Months of 2017". */
  childrenLabel: string;
  /** On year and month pages: how many articles are dated only that coarsely. */
  coarseCount: number;
  /** On month pages: the month as a calendar whose days link to their day pages. */
  calendar?: MonthCalendar;
  /** What the pager's links say: time order for dated periods, page order for the undated list (it is alphabetical). */
  pager: { previous: string; next: string };
  sections: TimelineSection[];
}

export interface OverviewMonthCell {
  label: string;
  /** "February 2017". */
  fullLabel: string;
  count: number;
  /** Present when the month has articles. */
  url?: string;
}

export interface OverviewYear extends PeriodCount {
  /** January..December. */
  months: OverviewMonthCell[];
  /** Articles dated only to this year (not in any month's count). */
  yearOnly: number;
}

export interface TimelineOverview {
  /** Inline SVG: articles per month. Empty when nothing is dated to the month. */
  chartSvg: string;
  /** Articles the chart counts (day or month precision). */
  chartTotal: number;
  years: OverviewYear[];
  monthNames: string[];
  dated: number;
  undated: PeriodCount;
  /** "4 dated articles from 2016 to 2017; 1 undated." */
  summary: string;
}

export interface Timeline {
  overview: TimelineOverview;
  pages: TimelinePage[];
}

/** Links from an article page to its place in the timeline. */
export interface ArticleTimelineLinks {
  year: PeriodLink;
  month?: PeriodLink;
  day?: PeriodLink;
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => DateTime.utc(2000, i + 1, 1).setLocale("en-US").toFormat("LLL"));

const pad2 = (x: number) => String(x).padStart(2, "0");

export function yearUrl(year: number): string {
  return `${TIMELINE_ROOT}${year}/`;
}
export function monthUrl(year: number, month: number): string {
  return `${TIMELINE_ROOT}${year}/${pad2(month)}/`;
}
export function dayUrl(year: number, month: number, day: number): string {
  return `${TIMELINE_ROOT}${year}/${pad2(month)}/${pad2(day)}/`;
}

function utc(year: number, month = 1, day = 1): DateTime {
  return DateTime.utc(year, month, day).setLocale("en-US");
}

/**
 * Reads a record's date. The string's own shape (YYYY-MM-DD, YYYY-MM, YYYY) is what it
 * can say; a coarser `date_precision` wins over it. A date luxon rejects (2017-02-30)
 * is no usable date: the article counts as undated.
 */
export function placeDate(date: string | undefined, datePrecision?: Precision): DatePlacement | undefined {
  if (!date) return undefined;
  // An archive has far fewer distinct dates than articles; parsing is the costly part.
  const key = `${date}|${datePrecision ?? ""}`;
  if (placements.has(key)) return placements.get(key);
  const placement = parsePlacement(date, datePrecision);
  placements.set(key, placement);
  return placement;
}

const placements = new Map<string, DatePlacement | undefined>();

function parsePlacement(date: string, datePrecision?: Precision): DatePlacement | undefined {
  const parsed = DateTime.fromISO(date, { zone: "utc" });
  if (!parsed.isValid) return undefined;
  const shape: Precision | undefined = /^\d{4}-\d{2}-\d{2}$/.test(date) ? "day" : /^\d{4}-\d{2}$/.test(date) ? "month" : /^\d{4}$/.test(date) ? "year" : undefined;
  if (!shape) return undefined;
  const precision = datePrecision && PRECISION_RANK[datePrecision] < PRECISION_RANK[shape] ? datePrecision : shape;
  return Object.freeze({
    precision,
    year: parsed.year,
    month: precision === "year" ? undefined : parsed.month,
    day: precision === "day" ? parsed.day : undefined,
  });
}

export function articleTimelineLinks(article: Pick<ArticleRecord, "date" | "date_precision">): ArticleTimelineLinks | undefined {
  const p = placeDate(article.date, article.date_precision);
  if (!p) return undefined;
  const links: ArticleTimelineLinks = { year: { label: String(p.year), url: yearUrl(p.year) } };
  if (p.month) links.month = { label: periodLabel(p.year, p.month), url: monthUrl(p.year, p.month) };
  if (p.month && p.day) links.day = { label: periodLabel(p.year, p.month, p.day), url: dayUrl(p.year, p.month, p.day) };
  return links;
}

/** "February 2017", "February 8, 2017": made once per month and day (luxon's formatting is the costly part of an article's links). */
const periodLabels = new Map<string, string>();

function periodLabel(year: number, month: number, day?: number): string {
  const key = `${year}-${month}-${day ?? ""}`;
  let label = periodLabels.get(key);
  if (label === undefined) periodLabels.set(key, (label = day === undefined ? utc(year, month).toFormat("LLLL yyyy") : utc(year, month, day).toFormat("LLLL d, yyyy")));
  return label;
}

const MAX_EVIDENCE_LENGTH = 120;

/**
 * What an inferred date rests on, e.g. "read from the dateline “SALVADOR, Feb 26 -”" or
 * "the day read from the dateline “SALVADOR, Feb 26 -”, the year from the collection's
 * dates" (a folder's _defaults.yml, src/ingest/folder-defaults.ts), shown beside the
 * date (whose label says "(inferred)"); undefined for a date the contributor or the
 * file name gave.
 */
export function dateInferenceNote(article: Pick<ArticleRecord, "date" | "date_month_day" | "date_source" | "date_evidence">): string | undefined {
  if (!article.date && !article.date_month_day) return undefined;
  const source = article.date_source;
  if (source !== "text" && source !== "dateline" && source !== "folder_default") return undefined;
  const evidence = article.date_evidence?.replace(/\s+/g, " ").trim();
  const shown = evidence && evidence.length > MAX_EVIDENCE_LENGTH ? `${evidence.slice(0, MAX_EVIDENCE_LENGTH - 1)}…` : evidence;
  switch (source) {
    case "dateline":
      return shown ? `read from the dateline “${shown}”` : "read from the dateline";
    case "text":
      return shown ? `read from “${shown}”` : "read from the text";
    default: {
      // A reader is not told file paths ("reuters/_defaults.yml: year 1987"): the
      // maintainer's evidence stays in the front matter's date_evidence.
      const quoted = /^“[^”]*”/.exec(shown ?? "")?.[0];
      return quoted ? `the day read from the dateline ${quoted}, the year from the collection's dates` : "the collection's dates: the article gives none";
    }
  }
}

interface DayBucket {
  day: number;
  items: ArticleLink[];
}
interface MonthBucket {
  month: number;
  days: DayBucket[];
  monthOnly: ArticleLink[];
  count: number;
}
interface YearBucket {
  year: number;
  months: MonthBucket[];
  yearOnly: ArticleLink[];
  count: number;
}

interface Placed {
  place: DatePlacement;
  /** Sorts chronologically; year-only and month-only sort after the days of their period. */
  key: string;
  article: TimelineArticle;
}

function sortKey(p: DatePlacement): string {
  return `${String(p.year).padStart(4, "0")}-${p.month ? pad2(p.month) : "99"}-${p.day ? pad2(p.day) : "99"}`;
}

function linkOf(a: TimelineArticle): ArticleLink {
  return articleLink(a);
}

/** Year → Month → Day, each level in chronological order; undated articles apart. */
export function groupByDate(articles: readonly TimelineArticle[]): { years: YearBucket[]; undated: ArticleLink[] } {
  const placed: Placed[] = [];
  const undated: TimelineArticle[] = [];
  for (const article of articles) {
    const place = placeDate(article.date, article.date_precision);
    if (place) placed.push({ place, key: sortKey(place), article });
    else undated.push(article);
  }
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0));
  undated.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  // Sorted input: each new bucket is the last one of its level, so grouping is one pass.
  const years: YearBucket[] = [];
  for (const { place, article } of placed) {
    let year = years[years.length - 1];
    if (!year || year.year !== place.year) years.push((year = { year: place.year, months: [], yearOnly: [], count: 0 }));
    year.count++;
    if (!place.month) {
      year.yearOnly.push(linkOf(article));
      continue;
    }
    let month = year.months[year.months.length - 1];
    if (!month || month.month !== place.month) year.months.push((month = { month: place.month, days: [], monthOnly: [], count: 0 }));
    month.count++;
    if (!place.day) {
      month.monthOnly.push(linkOf(article));
      continue;
    }
    let day = month.days[month.days.length - 1];
    if (!day || day.day !== place.day) month.days.push((day = { day: place.day, items: [] }));
    day.items.push(linkOf(article));
  }
  return { years, undated: undated.map(linkOf) };
}

interface Entry {
  section: { key: string; heading?: string; url?: string };
  item: ArticleLink;
}

type PeriodInfo = Omit<TimelinePage, "countLabel" | "url" | "title" | "pageNumber" | "pageCount" | "previousUrl" | "nextUrl" | "sections" | "pager"> & { baseUrl: string };

const TIME_PAGER = { previous: "Earlier articles", next: "Later articles" };
const PAGE_PAGER = { previous: "Previous page", next: "Next page" };

/** Pages of at most TIMELINE_PAGE_SIZE links; a section split across pages repeats its heading. */
function periodPages(info: PeriodInfo, entries: readonly Entry[]): TimelinePage[] {
  const pageCount = Math.max(1, Math.ceil(entries.length / TIMELINE_PAGE_SIZE));
  const urlOf = (k: number) => (k === 1 ? info.baseUrl : `${info.baseUrl}page/${k}/`);
  const { baseUrl, ...rest } = info;
  const countLabel = articleCount(info.count);
  const pages: TimelinePage[] = [];
  for (let k = 1; k <= pageCount; k++) {
    const sections: TimelineSection[] = [];
    let currentKey: string | undefined;
    for (const entry of entries.slice((k - 1) * TIMELINE_PAGE_SIZE, k * TIMELINE_PAGE_SIZE)) {
      if (entry.section.key !== currentKey) {
        currentKey = entry.section.key;
        sections.push({ heading: entry.section.heading, url: entry.section.url, items: [] });
      }
      sections[sections.length - 1].items.push(entry.item);
    }
    pages.push({
      ...rest,
      pager: info.kind === "undated" ? PAGE_PAGER : TIME_PAGER,
      countLabel,
      url: urlOf(k),
      title: pageCount > 1 ? `${info.heading} (page ${k} of ${pageCount})` : info.heading,
      pageNumber: k,
      pageCount,
      previousUrl: k > 1 ? urlOf(k - 1) : undefined,
      nextUrl: k < pageCount ? urlOf(k + 1) : undefined,
      sections,
    });
  }
  return pages;
}

function neighbours<T>(list: readonly T[], i: number, link: (t: T) => PeriodLink): { previousPeriod?: PeriodLink; nextPeriod?: PeriodLink } {
  return {
    previousPeriod: i > 0 ? link(list[i - 1]) : undefined,
    nextPeriod: i + 1 < list.length ? link(list[i + 1]) : undefined,
  };
}

const ONLY_TO_THE_MONTH = "Date known only to the month";
const ONLY_TO_THE_YEAR = "Date known only to the year";

export function buildTimeline(articles: readonly TimelineArticle[]): Timeline {
  const { years, undated } = groupByDate(articles);
  const allMonths = years.flatMap((y) => y.months.map((m) => ({ y, m })));
  const allDays = allMonths.flatMap(({ y, m }) => m.days.map((d) => ({ y, m, d })));
  const timelineCrumb: Crumb = { label: "Timeline", url: TIMELINE_ROOT };

  const yearLink = (y: YearBucket): PeriodLink => ({ label: String(y.year), url: yearUrl(y.year) });
  const monthLink = ({ y, m }: { y: YearBucket; m: MonthBucket }): PeriodLink => ({ label: utc(y.year, m.month).toFormat("LLLL yyyy"), url: monthUrl(y.year, m.month) });
  const dayLink = ({ y, m, d }: { y: YearBucket; m: MonthBucket; d: DayBucket }): PeriodLink => ({
    label: utc(y.year, m.month, d.day).toFormat("cccc, LLLL d, yyyy"),
    url: dayUrl(y.year, m.month, d.day),
  });

  const pages: TimelinePage[] = [];

  years.forEach((y, i) => {
    const entries: Entry[] = [];
    for (const m of y.months) {
      const section = { key: `m${m.month}`, heading: utc(y.year, m.month).toFormat("LLLL yyyy"), url: monthUrl(y.year, m.month) };
      for (const d of m.days) for (const item of d.items) entries.push({ section, item });
      for (const item of m.monthOnly) entries.push({ section, item });
    }
    const yearOnly = { key: "year-only", heading: ONLY_TO_THE_YEAR };
    for (const item of y.yearOnly) entries.push({ section: yearOnly, item });
    pages.push(
      ...periodPages(
        {
          kind: "year",
          baseUrl: yearUrl(y.year),
          heading: `Articles from ${y.year}`,
          breadcrumbs: [timelineCrumb, { label: String(y.year) }],
          count: y.count,
          ...neighbours(years, i, yearLink),
          children: y.months.map((m) => ({ label: utc(y.year, m.month).toFormat("LLLL"), url: monthUrl(y.year, m.month), count: m.count })),
          childrenLabel: `Months of ${y.year}`,
          coarseCount: y.yearOnly.length,
        },
        entries,
      ),
    );
  });

  allMonths.forEach(({ y, m }, i) => {
    const entries: Entry[] = [];
    for (const d of m.days) {
      const section = { key: `d${d.day}`, heading: utc(y.year, m.month, d.day).toFormat("cccc, LLLL d"), url: dayUrl(y.year, m.month, d.day) };
      for (const item of d.items) entries.push({ section, item });
    }
    const monthOnly = { key: "month-only", heading: ONLY_TO_THE_MONTH };
    for (const item of m.monthOnly) entries.push({ section: monthOnly, item });
    const label = utc(y.year, m.month).toFormat("LLLL yyyy");
    pages.push(
      ...periodPages(
        {
          kind: "month",
          baseUrl: monthUrl(y.year, m.month),
          heading: `Articles from ${label}`,
          breadcrumbs: [timelineCrumb, { label: String(y.year), url: yearUrl(y.year) }, { label: utc(y.year, m.month).toFormat("LLLL") }],
          count: m.count,
          ...neighbours(allMonths, i, monthLink),
          children: m.days.map((d) => ({ label: String(d.day), url: dayUrl(y.year, m.month, d.day), count: d.items.length })),
          childrenLabel: `Days of ${label}`,
          coarseCount: m.monthOnly.length,
          // No calendar of empty days when the month's articles are known only to the month.
          calendar: m.days.length ? monthCalendar(y.year, m.month, new Map(m.days.map((d) => [d.day, { url: dayUrl(y.year, m.month, d.day), count: d.items.length }]))) : undefined,
        },
        entries,
      ),
    );
  });

  allDays.forEach(({ y, m, d }, i) => {
    const section = { key: "day" };
    pages.push(
      ...periodPages(
        {
          kind: "day",
          baseUrl: dayUrl(y.year, m.month, d.day),
          heading: `Articles from ${dayLink({ y, m, d }).label}`,
          breadcrumbs: [
            timelineCrumb,
            { label: String(y.year), url: yearUrl(y.year) },
            { label: utc(y.year, m.month).toFormat("LLLL"), url: monthUrl(y.year, m.month) },
            { label: String(d.day) },
          ],
          count: d.items.length,
          ...neighbours(allDays, i, dayLink),
          children: [],
          childrenLabel: "",
          coarseCount: 0,
        },
        d.items.map((item) => ({ section, item })),
      ),
    );
  });

  if (undated.length) {
    const section = { key: "undated" };
    pages.push(
      ...periodPages(
        {
          kind: "undated",
          baseUrl: UNDATED_URL,
          heading: "Undated articles",
          breadcrumbs: [timelineCrumb, { label: "Undated" }],
          count: undated.length,
          children: [],
          childrenLabel: "",
          coarseCount: 0,
        },
        undated.map((item) => ({ section, item })),
      ),
    );
  }

  const monthCounts = new Map(allMonths.map(({ y, m }) => [`${String(y.year).padStart(4, "0")}-${pad2(m.month)}`, m.count]));
  const chartTotal = allMonths.reduce((sum, { m }) => sum + m.count, 0);
  const dated = years.reduce((sum, y) => sum + y.count, 0);
  const first = years[0]?.year;
  const last = years[years.length - 1]?.year;
  const monthDayOnly = articles.filter((a) => !placeDate(a.date, a.date_precision) && a.date_month_day).length;
  const range = first === undefined ? "" : first === last ? ` in ${first}` : `, ${first}–${last}`;
  return {
    overview: {
      chartSvg: renderMonthChart(contiguousMonths(monthCounts), { idPrefix: "timeline-chart", title: `Articles per month${range}` }),
      chartTotal,
      years: years.map((y) => {
        const byMonth = new Map(y.months.map((m) => [m.month, m]));
        return {
          ...yearLink(y),
          count: y.count,
          yearOnly: y.yearOnly.length,
          months: MONTH_NAMES.map((label, k) => {
            const m = byMonth.get(k + 1);
            return { label, fullLabel: utc(y.year, k + 1).toFormat("LLLL yyyy"), count: m?.count ?? 0, url: m ? monthUrl(y.year, m.month) : undefined };
          }),
        };
      }),
      monthNames: MONTH_NAMES,
      dated,
      undated: { label: "Undated", url: UNDATED_URL, count: undated.length },
      summary: `${formatCount(dated)} dated ${dated === 1 ? "article" : "articles"}${dated ? (first === last ? ` from ${first}` : ` from ${first} to ${last}`) : ""}; ${formatCount(undated.length)} undated${monthDayOnly ? ` (${formatCount(monthDayOnly)} with a month and day but no year)` : ""}.`,
    },
    pages,
  };
}

/** "1,234 articles" / "1 article". */
export function articleCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "article" : "articles"}`;
}
