import { DateTime } from "luxon";
import type { ArticleRecord } from "../schema.ts";

/**
 * Date display. Always UTC and always the "en-US" locale, so a front-matter date
 * never slips a day and output never depends on the machine's zone or locale.
 */

export function parseArticleDate(date: string): DateTime {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-US" });
}

/** "Wednesday, February 8, 2017", "February 2017" or "2017", by precision. */
export function formatArticleDate(record: Pick<ArticleRecord, "date" | "date_precision">): string | undefined {
  if (!record.date) return undefined;
  const d = parseArticleDate(record.date);
  switch (record.date_precision ?? precisionOf(record.date)) {
    case "day":
      return d.toFormat("cccc, LLLL d, yyyy");
    case "month":
      return d.toFormat("LLLL yyyy");
    default:
      return d.toFormat("yyyy");
  }
}

export function precisionOf(date: string): "day" | "month" | "year" {
  return date.length === 10 ? "day" : date.length === 7 ? "month" : "year";
}

/** Sort key: newest first, undated last, then by slug for a total order. */
export function compareNewestFirst(a: Pick<ArticleRecord, "date" | "slug">, b: Pick<ArticleRecord, "date" | "slug">): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
