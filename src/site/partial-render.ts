import { createHash } from "node:crypto";
import { withLinksAs } from "./article-link.ts";
import { pageAsMade, withPageDataAsFingerprinted, type RenderedPages, type SiteModel } from "./model.ts";

/**
 * Re-rendering only the pages whose data changed (the dev server, after one article is
 * saved). A paginated page prints its own item of `SiteModel.pages` and nothing else
 * that depends on the rest of the archive, so the hash of that item stands for the
 * whole page: same hash, same HTML.
 */

/**
 * JSON of a page's data in which each shared article link (src/site/article-link.ts) is
 * the hash of its own JSON, made once per link: a link shows on its article's related
 * lists, its names', day's, source's and section's pages, and spelled out each time it
 * made 115 MB of JSON to hash at 10,000 articles (50 MB this way, a third less time).
 * An article's search fields and names are written as what they add to its own fields
 * (src/site/model.ts, withPageDataAsFingerprinted).
 */
function pageJson(item: object, linkHashes: WeakMap<object, string>): string {
  return withLinksAs(
    (link) => linkHash(link, linkHashes),
    () => withPageDataAsFingerprinted(() => JSON.stringify(item)),
  );
}

function linkHash(link: object, linkHashes: WeakMap<object, string>): string {
  let hash = linkHashes.get(link);
  // Its fields as a plain object: the link itself would serialize as its stand-in.
  if (hash === undefined) linkHashes.set(link, (hash = `link:${createHash("sha1").update(JSON.stringify({ ...link })).digest("base64")}`));
  return hash;
}

/** URL → hash of everything the page at that URL prints, over every paginated list (or of the pages at `only`). */
export function pageFingerprints(model: Pick<SiteModel, "pages">, only?: ReadonlySet<string>): Map<string, string> {
  const fingerprints = new Map<string, string>();
  const linkHashes = new WeakMap<object, string>();
  for (const [list, items] of Object.entries(model.pages) as [keyof RenderedPages, { url: string }[]][]) {
    // The list names the template, so a URL that moves to another kind of page differs too.
    for (const item of items) {
      if (only && !only.has(item.url)) continue;
      fingerprints.set(item.url, createHash("sha1").update(list).update("\n").update(pageJson(pageAsMade(item), linkHashes)).digest("hex"));
    }
  }
  return fingerprints;
}

/** The fingerprint every page is given by a render that makes none (RenderOptions.fingerprints: a shard's, which keeps no cache). */
export const NOT_FINGERPRINTED = "not fingerprinted";

/** URL → NOT_FINGERPRINTED for every paginated page: which pages are paginated, at none of the cost of pageFingerprints. */
export function pagesNotFingerprinted(model: Pick<SiteModel, "pages">): Map<string, string> {
  const pages = new Map<string, string>();
  for (const items of Object.values(model.pages) as { url: string }[][]) for (const item of items) pages.set(item.url, NOT_FINGERPRINTED);
  return pages;
}

/**
 * Feed URL → hash of the name's feed (src/site/name-feeds.ts): what it prints. A name's
 * feed changes only when one of its 20 newest articles does, so a warm build rewrites a
 * few feeds, not the thousands an archive of 10,000 articles has.
 */
export function feedFingerprints(model: Pick<SiteModel, "nameFeeds">): Map<string, string> {
  const fingerprints = new Map<string, string>();
  const linkHashes = new WeakMap<object, string>();
  for (const feed of model.nameFeeds) fingerprints.set(feed.url, createHash("sha1").update("feed\n").update(pageJson(feed, linkHashes)).digest("hex"));
  return fingerprints;
}

export interface PageChanges {
  /** New pages and pages whose data changed, sorted. */
  changed: string[];
  /** Pages that are no longer in the site, sorted. */
  removed: string[];
}

/** What to render and what to delete to turn the site of `before` into that of `after`. */
export function comparePageFingerprints(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): PageChanges {
  const changed = [...after].filter(([url, hash]) => before.get(url) !== hash).map(([url]) => url);
  const removed = [...before.keys()].filter((url) => !after.has(url));
  return { changed: changed.sort(), removed: removed.sort() };
}
