import type { ArticleRecord } from "../schema.ts";
import { compareNewestFirst, formatArticleDate } from "./dates.ts";
import type { ContentArticle } from "./load-content.ts";

/**
 * Everything the templates print, computed once in TypeScript. Templates loop over
 * these lists and print fields; they make no decisions about articles.
 */

export interface SiteArticle extends ArticleRecord {
  url: string;
  markdown: string;
  date_label?: string;
  reading_minutes: number;
  previous?: ArticleLink;
  next?: ArticleLink;
}

export interface ArticleLink {
  title: string;
  url: string;
  date_label?: string;
}

export interface ListingPage {
  url: string;
  title: string;
  pageNumber: number;
  pageCount: number;
  items: ArticleLink[];
  previousUrl?: string;
  nextUrl?: string;
}

export interface SiteModel {
  articles: SiteArticle[];
  articleListing: ListingPage[];
  /** The home page's newest articles. */
  newest: ArticleLink[];
  totals: { articles: number; undated: number };
}

export const LISTING_PAGE_SIZE = 50;
const WORDS_PER_MINUTE = 230;
const HOME_NEWEST_COUNT = 10;

export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

export function linkTo(a: SiteArticle): ArticleLink {
  return { title: a.title, url: a.url, date_label: a.date_label };
}

/** Splits `items` into pages of at most `size`, the first at `baseUrl`, the rest at `baseUrl/page/N/`. */
export function paginate<T>(items: readonly T[], baseUrl: string, title: string, size: number, map: (t: T) => ArticleLink): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number) => (n === 1 ? baseUrl : `${baseUrl}page/${n}/`);
  return Array.from({ length: pageCount }, (_, i) => ({
    url: urlOf(i + 1),
    title: pageCount > 1 ? `${title} (page ${i + 1} of ${pageCount})` : title,
    pageNumber: i + 1,
    pageCount,
    items: items.slice(i * size, (i + 1) * size).map(map),
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < pageCount ? urlOf(i + 2) : undefined,
  }));
}

export function buildSiteModel(content: readonly ContentArticle[]): SiteModel {
  const articles: SiteArticle[] = content
    .map(({ record, markdown }) => ({
      ...record,
      url: articleUrl(record.slug),
      markdown,
      date_label: formatArticleDate(record),
      reading_minutes: Math.max(1, Math.round(record.word_count / WORDS_PER_MINUTE)),
    }))
    .sort(compareNewestFirst);

  // Previous/next in time among dated articles (older = previous).
  const dated = articles.filter((a) => a.date);
  dated.forEach((a, i) => {
    if (i + 1 < dated.length) a.previous = linkTo(dated[i + 1]);
    if (i > 0) a.next = linkTo(dated[i - 1]);
  });

  return {
    articles,
    articleListing: paginate(articles, "/articles/", "All articles", LISTING_PAGE_SIZE, linkTo),
    newest: articles.slice(0, HOME_NEWEST_COUNT).map(linkTo),
    totals: { articles: articles.length, undated: articles.length - dated.length },
  };
}
