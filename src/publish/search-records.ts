import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pageShard, PAGE_SHARDS } from "../site/model.ts";

/**
 * Search records: what Pagefind reads of a page, kept from when the page was rendered,
 * so the search index is built from records in hand rather than by reading every page
 * back from disk, and a warm build re-indexes the pages it did not render from the cache.
 *
 * A record is the page's `<html lang>` and its `data-pagefind-body` element (Pagefind
 * ignores the rest of a page that has one: test/site/search-records.test.ts compares the
 * two indexes), or null for a page without one. Records are kept per page URL with the
 * page's fingerprint, in shard files by the URL's shard (pageShard), the same shards
 * render processes split the pages by, so each process writes only its own files.
 */
export interface SearchRecord {
  /** The fingerprint of the page the record was taken from (src/site/partial-render.ts). */
  fingerprint: string;
  /** A small HTML document Pagefind indexes exactly as it does the page; null when the page has no data-pagefind-body. */
  html: string | null;
}

const BODY_ATTRIBUTE = /<([a-zA-Z][\w-]*)\b[^>]*?\sdata-pagefind-body(?=[\s=>/])[^>]*>/;

/** The `<html lang>` and the data-pagefind-body element of a page, as a document; undefined without one. */
export function searchRecordHtml(html: string): string | undefined {
  const open = BODY_ATTRIBUTE.exec(html);
  if (!open) return undefined;
  const tag = open[1].toLowerCase();
  // The element ends at the close tag that balances it (elements of the same name may nest).
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  tags.lastIndex = open.index + open[0].length;
  let depth = 1;
  let end = -1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  if (end < 0) return undefined;
  const lang = /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  return `<!doctype html><html${lang === undefined ? "" : ` lang="${lang}"`}><head></head><body>${html.slice(open.index, end)}</body></html>\n`;
}

/**
 * The records of one site version on disk. A shard file maps page URL → record; each
 * is written whole, atomically.
 */
export class SearchRecordStore {
  constructor(readonly dir: string) {}

  private file(shard: number): string {
    return path.join(this.dir, `${shard}.json`);
  }

  async readShard(shard: number): Promise<Map<string, SearchRecord>> {
    const text = await readFile(this.file(shard), "utf8").catch(() => undefined);
    if (text === undefined) return new Map();
    try {
      return new Map(Object.entries(JSON.parse(text) as Record<string, SearchRecord>));
    } catch {
      // A file cut short is as good as none: its pages are rendered again.
      return new Map();
    }
  }

  async writeShard(shard: number, records: ReadonlyMap<string, SearchRecord>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const sorted: Record<string, SearchRecord> = {};
    for (const url of [...records.keys()].sort()) sorted[url] = records.get(url)!;
    const target = this.file(shard);
    await writeFile(`${target}.tmp-${process.pid}`, JSON.stringify(sorted));
    await rename(`${target}.tmp-${process.pid}`, target);
  }

  /**
   * Adds `records` (new and re-rendered pages) to the store. `replaceAll`: these are every
   * record of the shards they fall in (a full render), so anything else there is dropped.
   */
  async update(records: ReadonlyMap<string, SearchRecord>, options: { replaceAll?: boolean; shards?: Iterable<number> } = {}): Promise<void> {
    const byShard = new Map<number, Map<string, SearchRecord>>();
    for (const shard of options.shards ?? []) byShard.set(shard, new Map());
    for (const [url, record] of records) {
      const shard = pageShard(url);
      if (!byShard.has(shard)) byShard.set(shard, new Map());
      byShard.get(shard)!.set(url, record);
    }
    for (const [shard, added] of byShard) {
      const merged = options.replaceAll ? added : new Map([...(await this.readShard(shard)), ...added]);
      await this.writeShard(shard, merged);
    }
  }

  /** Deletes the records of other site versions beside this one. */
  async removeOtherVersions(): Promise<void> {
    const parent = path.dirname(this.dir);
    for (const name of await readdir(parent).catch(() => [] as string[])) {
      if (name !== path.basename(this.dir)) await rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

export { PAGE_SHARDS };
