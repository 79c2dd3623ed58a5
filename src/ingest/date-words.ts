/**
 * Words and settings the date extractor reads (src/ingest/dates.ts holds the logic).
 * Month and weekday names are matched capitalised only, so "may" and "march" as
 * ordinary words are not read as months.
 */

/** Month names and the abbreviations newspapers print (with or without a dot). */
export const MONTH_NAMES: Record<string, number> = {
  January: 1, Jan: 1,
  February: 2, Feb: 2, Febr: 2,
  March: 3, Mar: 3,
  April: 4, Apr: 4,
  May: 5,
  June: 6, Jun: 6,
  July: 7, Jul: 7,
  August: 8, Aug: 8,
  September: 9, Sept: 9, Sep: 9,
  October: 10, Oct: 10,
  November: 11, Nov: 11,
  December: 12, Dec: 12,
};

/** Weekday names, numbered as luxon numbers them (Monday = 1). */
export const WEEKDAY_NAMES: Record<string, number> = {
  Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6, Sunday: 7,
};

/**
 * Words that open a line saying when the page was published ("Posted by Jane Doe on
 * 19 Sep 2016", "Published: Sept. 19, 2016"). "Updated" is left out on purpose: an
 * update can come long after the publication.
 */
export const STAMP_WORDS = ["posted", "published", "first published", "originally published", "date"];

/** The archive's oldest plausible year: older dates are never used. */
export const EARLIEST_YEAR = 1800;

export const MAX_EVIDENCE_CHARS = 190;
