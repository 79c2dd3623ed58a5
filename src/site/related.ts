import type { ArticleLink } from "./model.ts";

/**
 * The article page's "Related articles" and "Same story elsewhere": ingest chose them once
 * for the whole archive (src/ingest/related.ts, src/ingest/story-groups.ts) and stored
 * their slugs in front matter; here the slugs become links. A slug no article has any
 * more (front matter written by hand, or an article deleted since) is left out.
 */

export interface LinkedArticle {
  slug: string;
  related?: readonly string[];
  same_story?: readonly string[];
}

export function linksBySlug<T extends LinkedArticle>(articles: readonly T[], linkTo: (a: T) => ArticleLink): (slugs: readonly string[] | undefined) => ArticleLink[] {
  const links = new Map(articles.map((a) => [a.slug, linkTo(a)]));
  return (slugs) => (slugs ?? []).flatMap((slug) => links.get(slug) ?? []);
}
