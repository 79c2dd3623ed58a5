import type { EntityKind, EntitySite } from "./entity-pages.ts";

/**
 * The home page's "biggest topics" and "most covered people": names ranked by how
 * many articles carry them, taken from the entity indexes (src/site/entity-pages.ts).
 */

export interface CountedName {
  name: string;
  count: number;
  /** The name's own page, when the site has one. */
  url?: string;
}

/** The `limit` names of one kind found in the most articles, with their pages, from the entity indexes. */
export function topEntities(site: EntitySite, kind: EntityKind, limit: number): CountedName[] {
  const first = site.indexPages.find((p) => p.kind === kind && p.order === "count" && p.pageNumber === 1);
  return (first?.entries ?? []).slice(0, limit).map((e) => ({ name: e.name, count: e.count, url: e.url }));
}
