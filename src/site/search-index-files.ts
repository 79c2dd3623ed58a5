/**
 * Files the build writes beside Pagefind's index, for the search page's stand-in for
 * Pagefind's API (layouts/search-ui/search/pagefind.js), made from the index's pages
 * (each page's hash, URL and filter values, read from its fragment by
 * src/publish/pagefind-merge.ts):
 *
 * - `archive-date-order.json`: the pages by date, newest first, undated last, fetched when
 *   a reader orders results by date or browses by filters alone. Pagefind's own sort keys
 *   would put this order in the metadata every search downloads first.
 * - `archive-filter-counts.json`: the whole archive's counts of the short filters (year,
 *   month, section, source), shown before any search without loading their indexes, and
 *   which filters the archive has at all (a group with no values is not offered).
 *
 * Pages are named by Pagefind's page hash (a search result's `id`). A page's date is the
 * `date` filter value its article page gives Pagefind (src/site/search-fields.ts), at its
 * own precision, so "2017" and "2017-02" sort beside their days as the site's lists do
 * (src/site/dates.ts: newest first, ties by URL).
 */

export const DATE_ORDER_FILE = "archive-date-order.json";
export const FILTER_COUNTS_FILE = "archive-filter-counts.json";
/** The filters whose whole-archive counts the search page shows before a search. */
export const COUNTED_FILTERS = ["year", "month", "section", "source"] as const;

export interface DateOrder {
  /** Dated pages, newest first. */
  newest: string[];
  /** Pages without a date, by URL: last in either date order. */
  undated: string[];
}

export interface IndexedPage {
  hash: string;
  url: string;
  filters: Record<string, string[]>;
}

export function dateOrder(pages: readonly IndexedPage[]): DateOrder {
  const dateOf = (p: IndexedPage) => p.filters.date?.[0];
  const byUrl = (a: IndexedPage, b: IndexedPage) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.hash < b.hash ? -1 : 1);
  const dated = pages.filter((p) => dateOf(p)).sort((a, b) => (dateOf(a)! !== dateOf(b)! ? (dateOf(a)! < dateOf(b)! ? 1 : -1) : byUrl(a, b)));
  const undated = pages.filter((p) => !dateOf(p)).sort(byUrl);
  return { newest: dated.map((p) => p.hash), undated: undated.map((p) => p.hash) };
}

export interface ArchiveFilterCounts {
  /** filter → value → number of pages, for `COUNTED_FILTERS` (keys in code-point order: stable bytes). */
  counts: Record<string, Record<string, number>>;
  /** Every filter some page has a value for, sorted. */
  present: string[];
}

export function archiveFilterCounts(pages: readonly IndexedPage[]): ArchiveFilterCounts {
  const counts: Record<string, Map<string, number>> = {};
  for (const name of COUNTED_FILTERS) counts[name] = new Map();
  const present = new Set<string>();
  for (const page of pages) {
    for (const [name, values] of Object.entries(page.filters)) if (values.length) present.add(name);
    for (const name of COUNTED_FILTERS) {
      for (const value of new Set(page.filters[name] ?? [])) counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
    }
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    counts: Object.fromEntries(Object.entries(counts).map(([name, values]) => [name, Object.fromEntries([...values].sort(([a], [b]) => byCodePoint(a, b)))])),
    present: [...present].sort(byCodePoint),
  };
}
