import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
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
 * A shard's added lines may grow to this share of its file before an update writes the
 * file whole again (reading the lines back costs about what they hold).
 */
const LOG_SHARE = 0.25;
/** ... and at least this many bytes: a small shard is not written whole for every page. */
const LOG_MIN_BYTES = 64 * 1024;

/**
 * The records of one site version on disk. A shard file maps page URL → record and is
 * written whole, atomically. A warm build's records (the few pages it rendered) are added
 * to a shard as lines of its log (`N.log`, one `[url, record]` per line), read over the
 * file: at 100,000 articles the 256 files hold about 330 MB, and an edit that rendered 818
 * pages again read and wrote most of them, 5.6 s of the build. A log that has grown to a
 * quarter of its file is folded into the file. A line cut short (a build killed as it
 * wrote) is left out, and the page it was for counts as having no current record.
 */
export class SearchRecordStore {
  constructor(readonly dir: string) {}

  private file(shard: number): string {
    return path.join(this.dir, `${shard}.json`);
  }

  private log(shard: number): string {
    return path.join(this.dir, `${shard}.log`);
  }

  async readShard(shard: number): Promise<Map<string, SearchRecord>> {
    const [text, log] = await Promise.all([readFile(this.file(shard), "utf8").catch(() => undefined), readFile(this.log(shard), "utf8").catch(() => undefined)]);
    let records: Map<string, SearchRecord>;
    try {
      records = text === undefined ? new Map() : new Map(Object.entries(JSON.parse(text) as Record<string, SearchRecord>));
    } catch {
      // A file cut short is as good as none: its pages are rendered again.
      records = new Map();
    }
    for (const line of log?.split("\n") ?? []) {
      const entry = parseLogLine(line);
      if (entry) records.set(entry[0], entry[1]);
    }
    return records;
  }

  async writeShard(shard: number, records: ReadonlyMap<string, SearchRecord>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const sorted: Record<string, SearchRecord> = {};
    for (const url of [...records.keys()].sort()) sorted[url] = records.get(url)!;
    const target = this.file(shard);
    await writeFile(`${target}.tmp-${process.pid}`, JSON.stringify(sorted));
    await rename(`${target}.tmp-${process.pid}`, target);
    // The log after the file: a build killed between the two reads the log's lines again
    // over a file that already holds them (or holds less, when they were pruned: records
    // of pages gone, which the next pruning drops again).
    await rm(this.log(shard), { force: true });
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
      if (options.replaceAll) {
        await this.writeShard(shard, added);
        continue;
      }
      // Each line starts with its newline: one cut short before them (a build killed as it
      // wrote) cannot swallow the first of these.
      const lines = [...added].map((entry) => `\n${JSON.stringify(entry)}`).join("");
      const [file, log] = await Promise.all([stat(this.file(shard)).catch(() => undefined), stat(this.log(shard)).catch(() => undefined)]);
      if (file && (log?.size ?? 0) + lines.length <= Math.max(LOG_MIN_BYTES, file.size * LOG_SHARE)) {
        await appendFile(this.log(shard), lines);
      } else {
        await this.writeShard(shard, new Map([...(await this.readShard(shard)), ...added]));
      }
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

/** A log line as [url, record]; undefined for a line cut short, or the empty one before the first. */
function parseLogLine(line: string): [string, SearchRecord] | undefined {
  if (!line) return undefined;
  try {
    const entry = JSON.parse(line) as unknown;
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "object" && entry[1] !== null && typeof (entry[1] as SearchRecord).fingerprint === "string") return entry as [string, SearchRecord];
  } catch {
    // Cut short.
  }
  return undefined;
}
