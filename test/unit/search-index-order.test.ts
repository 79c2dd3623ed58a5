import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { buildSearchIndex } from "../../src/publish/search-index.ts";
import { SearchRecordStore } from "../../src/publish/search-records.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * Every search downloads Pagefind's metadata first: each page's hash and word count, in the
 * order pages were added. The build adds them by word count (equal neighbours compress), so
 * the count it estimates must be Pagefind's own, and the order must reach the file.
 */

const SIGNATURE = "pagefind_dcd";

/** Just enough CBOR to read Pagefind's metadata (maps, arrays, strings, unsigned integers). */
function decodeCbor(bytes: Buffer): unknown {
  let at = 0;
  const read = (): unknown => {
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 31;
    let n = info;
    if (info === 24) n = bytes[at++];
    else if (info === 25) (n = bytes.readUInt16BE(at)), (at += 2);
    else if (info === 26) (n = bytes.readUInt32BE(at)), (at += 4);
    else if (info > 26) throw new Error(`CBOR item ${head} not handled`);
    if (major === 0) return n;
    if (major === 2 || major === 3) {
      const s = bytes.subarray(at, at + n);
      at += n;
      return major === 3 ? s.toString("utf8") : s;
    }
    if (major === 4) return Array.from({ length: n }, read);
    if (major === 5) return Object.fromEntries(Array.from({ length: n }, () => [read(), read()]));
    throw new Error(`CBOR major type ${major} not handled`);
  };
  return read();
}

const page = (body: string) => `<!doctype html><html lang="en"><head></head><body>${body}</body></html>\n`;

/** Pages whose text trips a naive count: inline tags inside words, ignored blocks (nested), entities, lone punctuation. */
const TRICKY: [string, string][] = [
  ["/articles/inline/", page(`<article data-pagefind-body><h1>Har<b>bour</b> vote</h1><p>The <a href="/x/">council</a>'s <em>final</em> say &mdash; on <span>Tuesday</span>.</p></article>`)],
  ["/articles/ignored/", page(`<article data-pagefind-body><header><h1>Ferry fares</h1><p class="meta" data-pagefind-ignore><a href="/s/">Economy</a> · <time>May 1</time> · 2 min read</p></header><div class="body"><p>Fares rise by 5 % from June.</p></div><div hidden data-pagefind-ignore><span data-pagefind-filter="year">2017</span><div data-pagefind-ignore>nested ignored words</div></div></article>`)],
  ["/articles/punctuation/", page(`<article data-pagefind-body><h1>“Quoted” — title</h1><p>U.S. oil &amp; gas: up 3.5% (Reuters) ... - and 10,000 more!</p><ul><li>one</li><li>two-part</li></ul></article>`)],
];

/** Plain pages of many lengths, listed in an order unrelated to their length. */
const PLAIN: [string, string][] = Array.from({ length: 40 }, (_, i) => {
  const words = ((i * 37) % 40) * 3 + 5;
  const text = Array.from({ length: words }, (_, w) => `word${(w * 7 + i) % 50}`).join(" ");
  return [`/articles/plain-${String(i).padStart(2, "0")}/`, page(`<article data-pagefind-body><h1>Plain ${i}</h1><p>${text}</p></article>`)];
});

describe("the order pages enter the search index", () => {
  let work: string;
  let siteDir: string;
  before(async () => {
    work = await tempDir("search-order-");
    siteDir = path.join(work, "site");
    const store = new SearchRecordStore(path.join(work, "records"));
    const all = [...TRICKY, ...PLAIN];
    await store.update(new Map(all.map(([url, html]) => [url, { fingerprint: `f-${url}`, html }])), { replaceAll: true });
    await buildSearchIndex({
      siteDir,
      store,
      pages: new Map(all.map(([url]) => [url, `f-${url}`])),
      singlePageRecords: [],
      articleUrls: new Set(all.map(([url]) => url)),
    });
  });
  after(() => rm(work, { recursive: true, force: true }));

  async function fragments(): Promise<Map<string, { hash: string; words: number }>> {
    const dir = path.join(siteDir, "pagefind/fragment");
    const byUrl = new Map<string, { hash: string; words: number }>();
    for (const file of await readdir(dir)) {
      const json = JSON.parse(gunzipSync(await readFile(path.join(dir, file))).subarray(SIGNATURE.length).toString("utf8"));
      byUrl.set(json.url, { hash: file.replace(/\.pf_fragment$/, ""), words: json.word_count });
    }
    return byUrl;
  }

  it("lists the pages in the metadata every search downloads first by word count, fewest first", async () => {
    const metaFile = (await readdir(path.join(siteDir, "pagefind"))).find((f) => f.endsWith(".pf_meta"))!;
    const meta = decodeCbor(gunzipSync(await readFile(path.join(siteDir, "pagefind", metaFile))).subarray(SIGNATURE.length)) as unknown[];
    const pages = meta[1] as [string, number][];
    assert.equal(pages.length, TRICKY.length + PLAIN.length);
    const counts = pages.map(([, words]) => words);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
    assert.ok(new Set(counts).size > 10, "the pages have many different lengths");
    // Each count is the page's own (its fragment's), and pages of one count follow their URLs.
    const byHash = new Map([...(await fragments())].map(([url, f]) => [f.hash, { url, words: f.words }]));
    const listed = pages.map(([hash, words]) => ({ ...byHash.get(hash)!, listedWords: words }));
    for (const p of listed) assert.equal(p.listedWords, p.words, p.url);
    for (let i = 1; i < listed.length; i++) if (listed[i].words === listed[i - 1].words) assert.ok(listed[i - 1].url < listed[i].url, `${listed[i - 1].url} before ${listed[i].url}`);
  });
});
