import type { ArticleRecord } from "../../src/schema.ts";

/**
 * The smallest valid article record for `slug` (no names, no date), with `fields` over it:
 * what unit tests of the site code build their archives from.
 */
export function articleRecord(slug: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    source_file: `${slug}.txt`,
    title: `Headline of ${slug}`,
    title_source: "headline",
    slug,
    authors: [],
    people: [],
    organizations: [],
    places: [],
    tags: [],
    summary: `Summary of ${slug}.`,
    word_count: 200,
    removed: [],
    ...fields,
  };
}
