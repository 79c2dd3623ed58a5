import { compareNewestFirst } from "./dates.ts";
import type { ArticlePageData, SiteArticle } from "./model.ts";

/**
 * Entries for the Atom and JSON feeds, shaped like the Eleventy collection items that
 * `@11ty/eleventy-plugin-rss`'s feed templates read (`url`, `date`, `data.title`,
 * `data.summary`, `content`). The plugin shows a collection's last items newest first,
 * so the entries are oldest first.
 */

export const FEED_SIZE = 20;

export interface FeedEntry {
  url: string;
  date: Date;
  content: string;
  data: {
    title: string;
    summary: string;
    /** What the plugin's `renderTransforms` needs to know about the page. */
    page: { url: string; inputPath: string; outputPath: string };
  };
}

/** A feed entry needs a date: a month or a year counts from its first day. */
export function feedDate(date: string): Date {
  const [y, m = "01", d = "01"] = date.split("-");
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** The newest `size` dated articles, newest first: the ones whose content a feed needs read. */
export function feedArticles<T extends Pick<SiteArticle, "date">>(articles: readonly T[], size = FEED_SIZE): T[] {
  return articles.filter((a) => a.date).slice(0, size);
}

/**
 * feedArticles of articles seen one at a time, in any order, holding about twice `size`
 * of them (a shard reads the archive's index as a stream and keeps only its own
 * articles): `add` each, then `newest()` is feedArticles of them all sorted newest first.
 */
export function feedCollector<T extends Pick<SiteArticle, "date" | "slug">>(size = FEED_SIZE): { add(article: T): void; newest(): T[] } {
  let kept: T[] = [];
  const trim = () => {
    kept.sort(compareNewestFirst);
    kept = kept.slice(0, size);
  };
  return {
    add(article) {
      if (!article.date) return;
      kept.push(article);
      if (kept.length >= 2 * size) trim();
    },
    newest() {
      trim();
      return [...kept];
    },
  };
}

/**
 * The newest `size` dated articles (undated ones have no place in a feed), oldest
 * first. `articles` must be newest first, as in the site model, with their content.
 */
export function feedEntries(articles: readonly ArticlePageData[], renderBody: (markdown: string) => string, size = FEED_SIZE): FeedEntry[] {
  return articles
    .filter((a) => a.date)
    .slice(0, size)
    .reverse()
    .map((a) => ({
      url: a.url,
      date: feedDate(a.date!),
      content: renderBody(a.markdown),
      data: {
        title: a.title,
        summary: a.dek ?? a.summary,
        page: { url: a.url, inputPath: `./layouts/article.njk`, outputPath: `${a.url.slice(1)}index.html` },
      },
    }));
}

/** The feed's `updated`: its newest entry's date, or the Unix epoch for a feed with no entries. */
export function newestFeedDate(entries: readonly { date: Date }[] | undefined): Date {
  if (!entries?.length) return new Date(0);
  return new Date(Math.max(...entries.map((e) => e.date.getTime())));
}
