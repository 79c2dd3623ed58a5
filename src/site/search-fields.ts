import type { ArticleRecord } from "../schema.ts";

/**
 * What an article page hands to Pagefind besides its text: filter values (tag,
 * person, organization, place, source, year), sort keys and a date to show in results.
 * The article template prints them in a hidden, `data-pagefind-ignore`d block, which
 * Pagefind still reads for filters, sorting and metadata but not for the text index.
 */

export interface SearchFilter {
  name: "tag" | "person" | "organization" | "place" | "source" | "year";
  value: string;
}

export interface SearchFields {
  filters: SearchFilter[];
  /**
   * Pagefind drops pages without a sort key from sorted results, so undated articles
   * get a key too: in the newest-first key they sort below every date, in the
   * oldest-first key above every date, so either way they come last.
   */
  sortNewestFirst: string;
  sortOldestFirst: string;
}

export const UNDATED_YEAR_FILTER = "Undated";

export function searchFields(article: Pick<ArticleRecord, "tags" | "people" | "organizations" | "places" | "source" | "date">): SearchFields {
  const filters: SearchFilter[] = [
    ...article.tags.map((value) => ({ name: "tag" as const, value })),
    ...article.people.map((value) => ({ name: "person" as const, value })),
    ...article.organizations.map((value) => ({ name: "organization" as const, value })),
    ...article.places.map((value) => ({ name: "place" as const, value })),
  ];
  if (article.source) filters.push({ name: "source", value: article.source });
  filters.push({ name: "year", value: article.date ? article.date.slice(0, 4) : UNDATED_YEAR_FILTER });
  return {
    filters,
    sortNewestFirst: article.date ?? "0000",
    sortOldestFirst: article.date ?? "9999",
  };
}
