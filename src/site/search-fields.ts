import type { ArticleRecord } from "../schema.ts";
import { placeDate } from "./timeline.ts";
import { SECTION_NAMES, type SectionId } from "../ingest/section-taxonomy.ts";

/**
 * What an article page hands to Pagefind besides its text: filter values and the
 * metadata a search result shows. The article template prints them in a hidden,
 * `data-pagefind-ignore`d block, which Pagefind still reads for filters and metadata
 * but not for the text index.
 *
 * Filters come in two weights (see `EAGER_FILTERS`): the few small ones the search page
 * loads with the index (year, month, section, source), and the long lists of names
 * (topics, people, organizations, places, events and works) it loads only when a reader opens that group.
 * `date` (the date at its own precision) is never shown as a group: the build reads it
 * back from Pagefind's output to order results by date (src/publish/search-index.ts).
 *
 * There are no `data-pagefind-sort` keys: Pagefind puts a sort's whole page order in the
 * metadata every search downloads first (about 2 bytes per article per key, 40 KB at
 * 10,000 articles for the two date orders), while the date order file is fetched only
 * when a reader asks for date order.
 */

export const FILTER_NAMES = ["year", "month", "section", "source", "tag", "person", "organization", "place", "event", "date"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Loaded with the index: a few values each, cheap, and what most searches narrow by first. */
export const EAGER_FILTERS: readonly FilterName[] = ["year", "month", "section", "source"];

export interface SearchFilter {
  name: FilterName;
  value: string;
}

export interface SearchFields {
  filters: SearchFilter[];
  /** Result metadata: what a search result shows under its title, and `BROWSE_WORD`. */
  meta: { name: "date" | "source" | "section" | "browse"; value: string }[];
}

export const UNDATED_YEAR_FILTER = "Undated";

/**
 * A word every article page carries in a metadata field (never shown), so that browsing
 * by filters alone can search for it: Pagefind answers a search with an empty query by
 * downloading every chunk of its word index (1.2 MB at 1,000 articles), while this word's
 * one small chunk lists every page. layouts/assets/search/pagefind.js uses the same word.
 */
export const BROWSE_WORD = "archiveentry";

export type SearchableArticle = Pick<ArticleRecord, "tags" | "people" | "organizations" | "places" | "events" | "source" | "date" | "date_precision"> & {
  /** The article's section id (src/ingest/sections.ts); the filter shows its name. */
  section?: string;
  /** "Wednesday, February 8, 2017 (inferred)", "March 16, year unknown" (src/site/dates.ts). */
  date_label?: string;
};

export function searchFields(article: SearchableArticle): SearchFields {
  const place = placeDate(article.date, article.date_precision);
  const filters: SearchFilter[] = [{ name: "year", value: place ? String(place.year).padStart(4, "0") : UNDATED_YEAR_FILTER }];
  if (place?.month) filters.push({ name: "month", value: `${String(place.year).padStart(4, "0")}-${String(place.month).padStart(2, "0")}` });
  if (article.section) filters.push({ name: "section", value: SECTION_NAMES[article.section as SectionId] ?? article.section });
  if (article.source) filters.push({ name: "source", value: article.source });
  const names = (name: FilterName, values: readonly string[]) => {
    for (const value of new Set(values)) filters.push({ name, value });
  };
  names("tag", article.tags);
  names("person", article.people);
  names("organization", article.organizations);
  names("place", article.places);
  names("event", article.events ?? []);
  if (place && article.date) filters.push({ name: "date", value: article.date.slice(0, place.precision === "day" ? 10 : place.precision === "month" ? 7 : 4) });

  // The date as shown everywhere (src/site/dates.ts): inferred dates say so, a month and day without a year too.
  const meta: SearchFields["meta"] = [{ name: "date", value: article.date_label ?? "Undated" }];
  if (article.source) meta.push({ name: "source", value: article.source });
  if (article.section) meta.push({ name: "section", value: SECTION_NAMES[article.section as SectionId] ?? article.section });
  meta.push({ name: "browse", value: BROWSE_WORD });
  return { filters, meta };
}
