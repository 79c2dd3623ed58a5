import type { ArticleLink } from "./article-link.ts";
import { feedDate } from "./feed.ts";

/**
 * An Atom feed per person, organization, place, event or work, topic, section and source
 * named by three or more articles, at `<its page>feed.xml`, so a reader can follow one
 * name. Each holds its 20 newest dated articles (a feed entry needs a date; undated ones
 * are left out, as from the site's own feed), each with its one-line standfirst. A name
 * with no dated article gets no feed. The name's pages link it with <link rel="alternate">.
 */

export const NAME_FEED_MIN_ARTICLES = 3;
export const NAME_FEED_SIZE = 20;

export interface NameFeedEntry {
  title: string;
  url: string;
  /** RFC 3339, as Atom wants it. */
  updated: string;
  summary?: string;
}

export interface NameFeed {
  /** Where the feed is written: "/people/ada-park/feed.xml". */
  url: string;
  /** The page it follows. */
  pageUrl: string;
  title: string;
  subtitle: string;
  /** The newest entry's date. */
  updated: string;
  entries: NameFeedEntry[];
}

/** What a page listing one name's articles tells the feeds: its first page's URL and newest-first articles. */
export interface FeedSource {
  /** The name's page (its first page). */
  pageUrl: string;
  title: string;
  subtitle: string;
  /** All the name's articles. */
  count: number;
  /** Its articles, newest first (the first page's are enough: dated ones come before undated). */
  items: readonly ArticleLink[];
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function nameFeed(source: FeedSource): NameFeed | undefined {
  if (source.count < NAME_FEED_MIN_ARTICLES) return undefined;
  const entries: NameFeedEntry[] = [];
  for (const item of source.items) {
    if (entries.length === NAME_FEED_SIZE) break;
    const date = item.date_datetime;
    if (!date || !ISO_DATE.test(date)) continue;
    const entry: NameFeedEntry = { title: item.title, url: item.url, updated: feedDate(date).toISOString() };
    if (item.standfirst) entry.summary = item.standfirst;
    entries.push(entry);
  }
  if (!entries.length) return undefined;
  const updated = entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), entries[0].updated);
  return { url: `${source.pageUrl}feed.xml`, pageUrl: source.pageUrl, title: source.title, subtitle: source.subtitle, updated, entries };
}

/** A page (any page of a name's listing) that can point at its name's feed. */
export interface FeedLinkedPage {
  url: string;
  feedUrl?: string;
  feedTitle?: string;
}

/**
 * The feeds of every name, and each of the names' pages given `feedUrl`/`feedTitle` (all
 * pages of a listing, its first page's URL being `pageUrl`).
 */
export function buildNameFeeds<P extends FeedLinkedPage>(groups: readonly { source: FeedSource; pages: readonly P[] }[]): NameFeed[] {
  const feeds: NameFeed[] = [];
  for (const { source, pages } of groups) {
    const feed = nameFeed(source);
    if (!feed) continue;
    feeds.push(feed);
    for (const page of pages) {
      page.feedUrl = feed.url;
      page.feedTitle = `${source.title} (Atom feed)`;
    }
  }
  return feeds.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
