import { DateTime } from "luxon";

/**
 * A month page's calendar grid: weeks from Sunday to Saturday (the site's en-US
 * convention), each day that has articles linking to its day page. Plain data for a
 * <table>; the template prints it.
 */

export interface CalendarDay {
  day: number;
  /** The day page, when the day has articles. */
  url?: string;
  count: number;
  /** "March 16, 1987: 3 articles", for the link's title. */
  label: string;
  /** "article" or "articles": read after the count by screen readers. */
  countWord: string;
}

export interface MonthCalendar {
  /** "March 1987". */
  caption: string;
  weekdays: { short: string; long: string }[];
  /** Rows of seven; null before the 1st and after the last day. */
  weeks: (CalendarDay | null)[][];
}

const WEEKDAYS = Array.from({ length: 7 }, (_, i) => {
  // 2017-01-01 was a Sunday.
  const d = DateTime.utc(2017, 1, 1 + i).setLocale("en-US");
  return { short: d.toFormat("ccc"), long: d.toFormat("cccc") };
});

export function monthCalendar(year: number, month: number, days: ReadonlyMap<number, { url: string; count: number }>): MonthCalendar {
  const first = DateTime.utc(year, month, 1).setLocale("en-US");
  const cells: (CalendarDay | null)[] = Array.from({ length: first.weekday % 7 }, () => null);
  for (let day = 1; day <= (first.daysInMonth ?? 31); day++) {
    const found = days.get(day);
    const date = first.set({ day }).toFormat("LLLL d, yyyy");
    const count = found?.count ?? 0;
    cells.push({ day, url: found?.url, count, label: found ? `${date}: ${count} ${count === 1 ? "article" : "articles"}` : `${date}: no articles`, countWord: count === 1 ? "article" : "articles" });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { caption: first.toFormat("LLLL yyyy"), weekdays: WEEKDAYS, weeks };
}
