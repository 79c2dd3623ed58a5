import type { EntityKind, EntitySite } from "./entity-pages.ts";

/**
 * The home page's "biggest topics" and "most covered people": names ranked by how
 * many articles carry them.
 */

export interface CountedName {
  name: string;
  count: number;
  /** The name's own page, when the site has one. */
  url?: string;
}

/**
 * The `limit` names found in the most articles (a name repeated within one article
 * counts once), ties broken by name in code-point order so the result never depends
 * on input order.
 */
export function topByArticleCount(namesPerArticle: readonly (readonly string[])[], limit: number): CountedName[] {
  const counts = new Map<string, number>();
  for (const names of namesPerArticle) {
    for (const name of new Set(names)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}

/** The `limit` names of one kind found in the most articles, with their pages, from the entity indexes. */
export function topEntities(site: EntitySite, kind: EntityKind, limit: number): CountedName[] {
  const first = site.indexPages.find((p) => p.kind === kind && p.order === "count" && p.pageNumber === 1);
  return (first?.entries ?? []).slice(0, limit).map((e) => ({ name: e.name, count: e.count, url: e.url }));
}
