/**
 * Which shard of a sharded build (`npm run build -- --shard I/N`) writes a page. An
 * article's page goes by a hash of its slug alone, and every other paginated page by a
 * hash of its URL alone, so adding an article moves no other article to another shard.
 *
 * Shard 1 (index 0) also writes the single pages (home, search, sources, feeds, assets):
 * there are a few dozen, so one runner renders them in seconds, beside its share.
 */

/** Shard `index` (0-based) of `count`. */
export interface BuildShard {
  index: number;
  count: number;
}

/**
 * FNV-1a of the text, then murmur3's finaliser. The finaliser matters: render processes
 * split a shard's pages by FNV-1a of the URL modulo 64 (src/site/model.ts, pageShard),
 * and without it a shard of 2 would hold only pages of one process's parity.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The shard (0-based) that writes the page of the article with this slug. */
export function articleShard(slug: string, count: number): number {
  return count <= 1 ? 0 : stableHash(slug) % count;
}

/** The shard (0-based) that writes the paginated page at this URL (a listing, entity, timeline, source or section page). */
export function pageShardOf(url: string, count: number): number {
  return count <= 1 ? 0 : stableHash(url) % count;
}

/** Whether `shard` writes this item of the model's list `list` (src/site/model.ts, RenderedPages). */
export function inBuildShard(list: string, item: { url: string; slug?: string }, shard: BuildShard): boolean {
  if (shard.count <= 1) return true;
  const owner = list === "articles" && item.slug !== undefined ? articleShard(item.slug, shard.count) : pageShardOf(item.url, shard.count);
  return owner === shard.index;
}

/** Whether `shard` writes the single pages, feeds and assets. */
export function writesSinglePages(shard: BuildShard | undefined): boolean {
  return !shard || shard.index === 0;
}
