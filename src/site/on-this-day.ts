import { DateTime } from "luxon";
import { articleLink, type ArticleLink, type LinkableArticle } from "./article-link.ts";
import { formatCount } from "./month-chart.ts";
import { placeDate, type TimelineArticle } from "./timeline.ts";

/**
 * "On this day": every calendar day (month and day) that has articles gets a page at
 * /on-this-day/MM-DD/ listing them by year, newest year first, articles whose year is
 * unknown ("March 16, year unknown") last; /on-this-day/ lists the days month by month;
 * the home page shows the build's own day, or the next day after it that has articles.
 * Only articles dated to the day, or to a month and day without a year, are on a day.
 */

export const ON_THIS_DAY_ROOT = "/on-this-day/";
export const ON_THIS_DAY_PAGE_SIZE = 100;
/** How many articles the home page shows for its day. */
export const HOME_ON_THIS_DAY_COUNT = 5;

export type DayArticle = TimelineArticle & Pick<LinkableArticle, "date_label">;

export interface OnThisDaySection {
  /** "1987", or "Year unknown". */
  heading: string;
  items: ArticleLink[];
}

export interface OnThisDayPage {
  url: string;
  /** "MM-DD". */
  monthDay: string;
  /** "March 16". */
  label: string;
  title: string;
  heading: string;
  count: number;
  countLabel: string;
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  sections: OnThisDaySection[];
  /** The calendar days before and after this one that have articles (wrapping round the year). */
  previousDay?: { label: string; url: string };
  nextDay?: { label: string; url: string };
}

export interface OnThisDayIndex {
  months: { label: string; days: { label: string; url: string; count: number; /** "March 16: 3 articles". */ fullLabel: string }[] }[];
  dayCount: number;
}

export interface HomeOnThisDay {
  /** "On this day, March 16" or "Next in the calendar: March 18". */
  heading: string;
  url: string;
  items: ArticleLink[];
  count: number;
  /** "All 12 articles from March 16" when there are more than shown. */
  moreLabel?: string;
}

export interface OnThisDay {
  pages: OnThisDayPage[];
  index: OnThisDayIndex;
  /** Undefined when no article is dated to a day. */
  home?: HomeOnThisDay;
}

export function onThisDayUrl(monthDay: string): string {
  return `${ON_THIS_DAY_ROOT}${monthDay}/`;
}

/** "March 16" for "03-16" (a leap year, so "02-29" is a day too). */
export function monthDayLabel(monthDay: string): string {
  return DateTime.fromISO(`2000-${monthDay}`, { zone: "utc", locale: "en-US" }).toFormat("LLLL d");
}

const UNKNOWN_YEAR = "Year unknown";

interface Placed {
  year?: number;
  article: DayArticle;
}

/** MM-DD → its articles, from dates to the day and from a month and day without a year. */
export function articlesByDay(articles: readonly DayArticle[]): Map<string, Placed[]> {
  const byDay = new Map<string, Placed[]>();
  for (const article of articles) {
    const place = placeDate(article.date, article.date_precision);
    let key: string | undefined;
    let year: number | undefined;
    if (place?.day && place.month) {
      key = `${String(place.month).padStart(2, "0")}-${String(place.day).padStart(2, "0")}`;
      year = place.year;
    } else if (!place && article.date_month_day) {
      key = article.date_month_day;
    }
    if (!key) continue;
    let list = byDay.get(key);
    if (!list) byDay.set(key, (list = []));
    list.push({ year, article });
  }
  return byDay;
}

/** `today`: the build's day, YYYY-MM-DD (the home page's "this day"). */
export function buildOnThisDay(articles: readonly DayArticle[], today?: string): OnThisDay {
  const byDay = articlesByDay(articles);
  const days = [...byDay.keys()].sort();
  const pages: OnThisDayPage[] = [];
  const homeItems = new Map<string, ArticleLink[]>();

  days.forEach((monthDay, i) => {
    // Newest year first, unknown year last; within a year by title, then URL.
    const placed = [...byDay.get(monthDay)!].sort(
      (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || a.article.title.localeCompare(b.article.title, "en") || (a.article.url < b.article.url ? -1 : 1),
    );
    homeItems.set(monthDay, placed.slice(0, HOME_ON_THIS_DAY_COUNT).map((p) => articleLink(p.article)));
    const label = monthDayLabel(monthDay);
    const baseUrl = onThisDayUrl(monthDay);
    const pageCount = Math.max(1, Math.ceil(placed.length / ON_THIS_DAY_PAGE_SIZE));
    const urlOf = (k: number) => (k === 1 ? baseUrl : `${baseUrl}page/${k}/`);
    const around = (j: number) => {
      const other = days[(j + days.length) % days.length];
      return days.length > 1 ? { label: monthDayLabel(other), url: onThisDayUrl(other) } : undefined;
    };
    for (let k = 1; k <= pageCount; k++) {
      const sections: OnThisDaySection[] = [];
      for (const p of placed.slice((k - 1) * ON_THIS_DAY_PAGE_SIZE, k * ON_THIS_DAY_PAGE_SIZE)) {
        const heading = p.year === undefined ? UNKNOWN_YEAR : String(p.year);
        if (sections[sections.length - 1]?.heading !== heading) sections.push({ heading, items: [] });
        sections[sections.length - 1].items.push(articleLink(p.article));
      }
      const heading = `On this day: ${label}`;
      pages.push({
        url: urlOf(k),
        monthDay,
        label,
        title: pageCount > 1 ? `${heading} (page ${k} of ${pageCount})` : heading,
        heading,
        count: placed.length,
        countLabel: `${formatCount(placed.length)} ${placed.length === 1 ? "article" : "articles"} from ${label} of any year`,
        pageNumber: k,
        pageCount,
        previousUrl: k > 1 ? urlOf(k - 1) : undefined,
        nextUrl: k < pageCount ? urlOf(k + 1) : undefined,
        sections,
        previousDay: around(i - 1),
        nextDay: around(i + 1),
      });
    }
  });

  const months = new Map<string, OnThisDayIndex["months"][number]>();
  for (const monthDay of days) {
    const monthLabel = DateTime.fromISO(`2000-${monthDay}`, { zone: "utc", locale: "en-US" }).toFormat("LLLL");
    let month = months.get(monthLabel);
    if (!month) months.set(monthLabel, (month = { label: monthLabel, days: [] }));
    const count = byDay.get(monthDay)!.length;
    month.days.push({ label: String(Number(monthDay.slice(3))), url: onThisDayUrl(monthDay), count, fullLabel: `${monthDayLabel(monthDay)}: ${formatCount(count)} ${count === 1 ? "article" : "articles"}` });
  }

  let home: HomeOnThisDay | undefined;
  if (days.length) {
    const todayKey = today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today.slice(5) : undefined;
    // The build's day, else the next calendar day after it that has articles (wrapping round the year).
    const key = todayKey === undefined ? days[0] : byDay.has(todayKey) ? todayKey : (days.find((d) => d > todayKey) ?? days[0]);
    const count = byDay.get(key)!.length;
    const label = monthDayLabel(key);
    home = {
      heading: key === todayKey ? `On this day, ${label}` : `Next in the calendar: ${label}`,
      url: onThisDayUrl(key),
      items: homeItems.get(key)!,
      count,
      moreLabel: count > HOME_ON_THIS_DAY_COUNT ? `All ${formatCount(count)} articles from ${label}` : undefined,
    };
  }
  return { pages, index: { months: [...months.values()], dayCount: days.length }, home };
}
