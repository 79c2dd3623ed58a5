import type { ArticleRecord } from "../schema.ts";

/**
 * What an article page tells crawlers and link previews: a schema.org NewsArticle as
 * JSON-LD, and OpenGraph <meta> tags. Built as plain objects here; the templates only
 * print them. Article text is untrusted, so the JSON is serialized to be safe inside
 * a <script> element (see `serializeJsonLd`).
 */

export interface PageContext {
  /** The page's absolute URL (site URL + path prefix + page path). */
  canonicalUrl: string;
  siteName: string;
  lang: string;
}

type StructuredArticle = Pick<ArticleRecord, "title" | "dek" | "summary" | "date" | "authors" | "source" | "dateline" | "tags" | "word_count" | "people" | "organizations" | "places">;

export function newsArticleJsonLd(article: StructuredArticle, page: PageContext): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    url: page.canonicalUrl,
    mainEntityOfPage: page.canonicalUrl,
    inLanguage: page.lang,
    wordCount: article.word_count,
    isPartOf: { "@type": "WebSite", name: page.siteName },
  };
  const description = article.dek ?? article.summary;
  if (description) data.description = description;
  // schema.org Date accepts ISO 8601 of any precision: "2017", "2017-02" or "2017-02-08".
  if (article.date) data.datePublished = article.date;
  if (article.authors.length) data.author = article.authors.map((name) => ({ "@type": "Person", name }));
  if (article.source) data.publisher = { "@type": "Organization", name: article.source };
  if (article.dateline) data.dateline = article.dateline;
  if (article.tags.length) data.keywords = article.tags;
  const mentions = [
    ...article.people.map((name) => ({ "@type": "Person", name })),
    ...article.organizations.map((name) => ({ "@type": "Organization", name })),
    ...article.places.map((name) => ({ "@type": "Place", name })),
  ];
  if (mentions.length) data.mentions = mentions;
  return data;
}

/**
 * JSON for a <script type="application/ld+json"> element. `<` becomes \u003c so no
 * text can close the element ("</script>") or open a comment ("<!--"); `>` and `&`
 * are escaped too for good measure, and U+2028/U+2029 because older JavaScript
 * parsers treat them as line ends. The result is still JSON that parses to the same value.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export interface MetaTag {
  property: string;
  content: string;
}

/** OpenGraph tags for an article page (the template HTML-escapes the values). */
export function articleOpenGraph(article: StructuredArticle, page: PageContext): MetaTag[] {
  const tags: MetaTag[] = [
    { property: "og:type", content: "article" },
    { property: "og:title", content: article.title },
    { property: "og:url", content: page.canonicalUrl },
    { property: "og:site_name", content: page.siteName },
  ];
  const description = article.dek ?? article.summary;
  if (description) tags.push({ property: "og:description", content: description });
  if (article.date) tags.push({ property: "article:published_time", content: article.date });
  // article:author and article:publisher expect profile URLs, which we do not have.
  for (const tag of article.tags) tags.push({ property: "article:tag", content: tag });
  return tags;
}

/** OpenGraph tags for any other page. */
export function pageOpenGraph(title: string, description: string, page: PageContext): MetaTag[] {
  return [
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:url", content: page.canonicalUrl },
    { property: "og:site_name", content: page.siteName },
    { property: "og:description", content: description },
  ];
}
