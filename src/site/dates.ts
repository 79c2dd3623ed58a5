import { DateTime } from "luxon";
import type { ArticleRecord } from "../schema.ts";

/**
 * Date display. Always UTC and always the "en-US" locale, so a front-matter date
 * never slips a day and output never depends on the machine's zone or locale.
 */

export function parseArticleDate(date: string): DateTime {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-US" });
}

type DateFields = Pick<ArticleRecord, "date" | "date_precision" | "date_source" | "date_month_day">;

/**
 * The date as a reader sees it wherever it is shown: "Wednesday, February 8, 2017",
 * "February 2017" or "2017" by precision, "March 16, year unknown" for a month and day
 * without a year, and " (inferred)" after any date ingest read rather than was told
 * (see isInferredDate). Undefined when there is nothing to show.
 */
export function formatArticleDate(record: DateFields): string | undefined {
  const words = dateInWords(record);
  if (!words || !isInferredDate(record)) return words;
  // One string per date, as the words are.
  let inferred = inferredLabels.get(words);
  if (inferred === undefined) inferredLabels.set(words, (inferred = `${words} (inferred)`));
  return inferred;
}

const inferredLabels = new Map<string, string>();

/** Date in words by date, precision and month-day: an archive has far fewer distinct dates than articles, and luxon's formatting is the costly part. */
const wordsByDate = new Map<string, string | undefined>();

function dateInWords(record: DateFields): string | undefined {
  const key = `${record.date ?? ""}|${record.date_precision ?? ""}|${record.date_month_day ?? ""}`;
  if (wordsByDate.has(key)) return wordsByDate.get(key);
  const words = formatDateInWords(record);
  wordsByDate.set(key, words);
  return words;
}

function formatDateInWords(record: DateFields): string | undefined {
  if (!record.date) {
    const monthDay = record.date_month_day && DateTime.fromISO(`2000-${record.date_month_day}`, { zone: "utc", locale: "en-US" });
    return monthDay && monthDay.isValid ? `${monthDay.toFormat("LLLL d")}, year unknown` : undefined;
  }
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

/**
 * True when the date was read out of the article (its dateline or a "Posted" line) or
 * completed from its folder's `_defaults.yml`, not given by the contributor (front
 * matter) or the file's name.
 */
export function isInferredDate(record: Pick<ArticleRecord, "date" | "date_source" | "date_month_day">): boolean {
  return Boolean(record.date || record.date_month_day) && record.date_source !== undefined && record.date_source !== "front_matter" && record.date_source !== "file_name";
}

/** The `datetime` of a `<time>`: the ISO date, or "--MM-DD" (HTML's yearless date) for a month and day alone. */
export function machineDate(record: Pick<ArticleRecord, "date" | "date_month_day">): string | undefined {
  return record.date ?? (record.date_month_day ? `--${record.date_month_day}` : undefined);
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
