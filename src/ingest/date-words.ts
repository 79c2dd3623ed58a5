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

/** Ordinal words for quarters and halves of a year ("first quarter 1987"). */
export const PERIOD_ORDINALS: Record<string, number> = {
  first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4,
};

/** Number words for relative spans ("for nearly two weeks"). */
export const SPAN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

export const SPAN_UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };

/**
 * Words just before a dated mention that make it a future or scheduled event
 * ("scheduled for March 3", "payable April 1, 1987", "expects 1987 sales"):
 * the publication is then before the date, not after it.
 */
export const FUTURE_CUES = [
  "will", "would", "shall", "expect", "expects", "expected", "expecting", "forecast", "forecasts",
  "forecasted", "projected", "projection", "estimate", "estimated", "estimates", "target", "targets",
  "plan", "plans", "planned", "planning", "budget", "scheduled", "schedule", "due", "payable",
  "expire", "expires", "expiring", "next", "upcoming",
  "proposed", "outlook", "seen", "anticipated", "aim", "aims", "goal", "effective", "starting",
  "beginning", "begin", "begins", "deliver", "delivery", "shipment", "maturity", "mature", "matures",
  "maturing",
];

/** How many characters before a mention are searched for a future cue (about one clause). */
export const CUE_WINDOW_CHARS = 40;

/**
 * How far a dated event may lie from the publication day for it to vouch for the
 * publication's year: news reports what happened in the last few months (results for a
 * quarter come out within weeks of its end), and what is scheduled for the next weeks.
 */
export const NEAR_PAST_DAYS = 120;
export const NEAR_FUTURE_DAYS = 60;

/** The archive's oldest plausible year: older dates are never used. */
export const EARLIEST_YEAR = 1800;

/** How many leading paragraphs count as the lead when looking for the main event's weekday. */
export const LEAD_PARAGRAPHS = 2;

export const MAX_EVIDENCE_CHARS = 190;
