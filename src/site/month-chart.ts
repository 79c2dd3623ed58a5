import { DateTime } from "luxon";

/**
 * A bar chart of articles per month, drawn at build time as inline SVG: it needs no
 * JavaScript, follows the page's colours (`currentColor`, classes styled in site.css;
 * no inline styles, which the Content-Security-Policy forbids), and carries its own text
 * alternative (`<title>` + `<desc>` with every non-zero count). Pages that show it
 * also print the counts as a table or list.
 */

/** One month of the chart; `month` is YYYY-MM. */
export interface MonthCount {
  month: string;
  count: number;
}

export interface MonthChartOptions {
  /** Makes the `<title>`/`<desc>` ids unique on the page. */
  idPrefix: string;
  /** Short name of what is counted, e.g. "Articles per month". */
  title: string;
  /** viewBox size; the SVG scales to its container's width. */
  width?: number;
  height?: number;
}

const DEFAULT_WIDTH = 720;
const DEFAULT_HEIGHT = 180;
/** The busiest month's count sits above the plot, the years below it. */
const MARGIN = { left: 8, right: 8, top: 28, bottom: 30 };
/** A few months should not make giant bars. */
const MAX_BAR_WIDTH = 36;
/** Year labels need about this many viewBox units each at the SVG's own font size (11). */
const MIN_YEAR_LABEL_SPACING = 32;
/**
 * Where the chart is drawn small (a phone, a side column), site.css sets its text about
 * twice as large in viewBox units so it stays readable, and shows only the year labels
 * marked "major", spaced this far apart.
 */
const MIN_MAJOR_LABEL_SPACING = 72;

const numberFormat = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

// Formatting with luxon costs microseconds; an archive's charts ask for the same few hundred months again and again.
const monthLabels = new Map<string, string>();

/** "February 2017" for "2017-02". */
export function monthLabel(month: string): string {
  let label = monthLabels.get(month);
  if (label === undefined) {
    label = DateTime.fromFormat(month, "yyyy-MM", { zone: "utc", locale: "en-US" }).toFormat("LLLL yyyy");
    monthLabels.set(month, label);
  }
  return label;
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/**
 * Counts per month for every month from the earliest to the latest key, zeros
 * included, so the bars sit on an even time axis. Keys are YYYY-MM.
 */
export function contiguousMonths(counts: ReadonlyMap<string, number>): MonthCount[] {
  if (counts.size === 0) return [];
  const keys = [...counts.keys()].sort();
  const [firstYear, firstMonth] = keys[0].split("-").map(Number);
  const [lastYear, lastMonth] = keys[keys.length - 1].split("-").map(Number);
  // Plain month arithmetic: calendar months need no time zone, and this runs once per entity.
  const series: MonthCount[] = [];
  for (let i = firstYear * 12 + firstMonth - 1; i <= lastYear * 12 + lastMonth - 1; i++) {
    const month = monthKey(Math.floor(i / 12), (i % 12) + 1);
    series.push({ month, count: counts.get(month) ?? 0 });
  }
  return series;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Two decimals at most: keeps the markup small. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The chart's text alternative: the range, the total and every non-zero month. */
export function describeMonthCounts(series: readonly MonthCount[]): string {
  if (series.length === 0) return "No dated articles.";
  const total = series.reduce((sum, m) => sum + m.count, 0);
  const nonZero = series.filter((m) => m.count > 0).map((m) => `${monthLabel(m.month)}: ${formatCount(m.count)}`);
  const range = series.length === 1 ? monthLabel(series[0].month) : `${monthLabel(series[0].month)} to ${monthLabel(series[series.length - 1].month)}`;
  const zeros = nonZero.length < series.length ? " Months not listed have none." : "";
  return `${formatCount(total)} ${total === 1 ? "article" : "articles"}, ${range}. ${nonZero.join("; ")}.${zeros}`;
}

/** The SVG markup, or "" when there is nothing to draw. */
export function renderMonthChart(series: readonly MonthCount[], options: MonthChartOptions): string {
  if (series.length === 0) return "";
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const max = Math.max(1, ...series.map((m) => m.count));
  const step = Math.min(MAX_BAR_WIDTH, plotWidth / series.length);
  const barWidth = step > 3 ? step * 0.8 : step;

  // One path for all bars: a chart of 1,000 months stays a few kilobytes.
  const bars = series
    .map((m, i) => {
      if (m.count === 0) return "";
      const h = Math.max(1, (m.count / max) * plotHeight);
      return `M${n(MARGIN.left + i * step)} ${n(baseline)}v${n(-h)}h${n(barWidth)}v${n(h)}z`;
    })
    .join("");

  // A label at each January (and at the first month), skipping any that would crowd the
  // last one drawn; every few of them also "major", the ones a small chart keeps. A label
  // too near the right edge to fit is left out.
  let lastLabelX = -Infinity;
  let lastMajorX = -Infinity;
  const yearLabels = series
    .map((m, i) => {
      const x = MARGIN.left + i * step;
      if ((i > 0 && !m.month.endsWith("-01")) || x - lastLabelX < MIN_YEAR_LABEL_SPACING || x > width - MIN_YEAR_LABEL_SPACING) return "";
      lastLabelX = x;
      const major = x - lastMajorX >= MIN_MAJOR_LABEL_SPACING && x <= width - MIN_MAJOR_LABEL_SPACING;
      if (major) lastMajorX = x;
      const cls = major ? ` class="major"` : "";
      return `<line class="tick${major ? " major" : ""}" x1="${n(x)}" y1="${n(baseline)}" x2="${n(x)}" y2="${n(baseline + 4)}" stroke="currentColor"/><text${cls} x="${n(x)}" y="${n(height - 6)}">${m.month.slice(0, 4)}</text>`;
    })
    .join("");

  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  return [
    `<svg class="month-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" font-size="11" fill="currentColor">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<desc id="${descId}">${escapeXml(describeMonthCounts(series))}</desc>`,
    // The busiest month's count above a faint line at its height; the baseline is zero.
    `<text class="axis-label" x="${MARGIN.left}" y="${MARGIN.top - 8}">${formatCount(max)}</text>`,
    `<line class="grid" x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${n(width - MARGIN.right)}" y2="${MARGIN.top}" stroke="currentColor"/>`,
    `<line class="axis" x1="${MARGIN.left}" y1="${n(baseline)}" x2="${n(width - MARGIN.right)}" y2="${n(baseline)}" stroke="currentColor"/>`,
    `<path class="bars" d="${bars}"/>`,
    `<g class="years">${yearLabels}</g>`,
    `</svg>`,
  ].join("");
}
