/**
 * Which pages `sitemap.xml` lists: every HTML page Eleventy writes (from its `all`
 * collection, so a new kind of page is listed without touching this file), never the
 * 404 page, feeds, robots.txt or the sitemap itself. Paginated templates must set
 * `addAllPagesToCollections: true`, or only their first page is listed; the site tests
 * compare the sitemap with the pages actually written.
 */

export interface CollectionEntry {
  url: string | false;
}

/** A single sitemap file may list at most this many URLs (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/** Site-relative URLs (without the path prefix) of the pages to list, sorted and unique. */
export function sitemapPaths(entries: readonly CollectionEntry[]): string[] {
  const paths = new Set<string>();
  for (const { url } of entries) {
    if (typeof url !== "string") continue;
    const isPage = url.endsWith("/") || (url.endsWith(".html") && !url.endsWith("/404.html"));
    if (isPage) paths.add(url);
  }
  const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length > SITEMAP_URL_LIMIT) {
    throw new Error(`The sitemap would list ${sorted.length} pages, more than the ${SITEMAP_URL_LIMIT} one sitemap file may hold; split it into a sitemap index.`);
  }
  return sorted;
}
