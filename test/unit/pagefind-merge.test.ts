import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import * as pagefind from "pagefind";
import { decodeCbor, encodeCbor, type CborValue } from "../../src/publish/cbor.ts";
import { compareCodePoints, isIndexFile, mergePagefindIndexes, prepareBatch, type PagefindFile } from "../../src/publish/pagefind-merge.ts";

/**
 * The search index is Pagefind run over batches of pages, merged into one index
 * (src/publish/pagefind-merge.ts). A reader's search must find, rank and show exactly what
 * Pagefind's own index of all the pages gives: the same words on the same pages at the
 * same positions and weights, the same filters, fragments and page order.
 */

const SIGNATURE = "pagefind_dcd";
const unpack = (content: Uint8Array) => {
  const data = gunzipSync(content);
  assert.equal(data.subarray(0, SIGNATURE.length).toString(), SIGNATURE);
  return data.subarray(SIGNATURE.length);
};

const WORDS = ["harbour", "council", "ferry", "fares", "oil", "minister", "café", "cafe", "naïve", "Zürich", "élan", "über", "strike", "vote", "budget", "𝒜lpha", "日本", "tariff", "rates", "inflation"];
const SECTIONS = ["Economy", "Politics", "Sport"];

/** A page as the site writes its search record: a body, ignored parts, filters and metadata. */
function page(i: number): [string, string] {
  const words = Array.from({ length: 3 + ((i * 7) % 23) }, (_, w) => WORDS[(i * 3 + w * w) % WORDS.length]).join(" ");
  const heading = `${WORDS[i % WORDS.length]} report ${i % 5}`;
  const filters = [
    `<span data-pagefind-filter="section">${SECTIONS[i % 3]}</span>`,
    `<span data-pagefind-filter="year">${1987 + (i % 4)}</span>`,
    ...(i % 4 === 0 ? [`<span data-pagefind-filter="person">Ann ${WORDS[i % 7]}</span>`] : []),
  ].join("");
  const html =
    `<!doctype html><html lang="en"><head></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${heading}</h1>` +
    `<p class="meta" data-pagefind-ignore>ignored ${i}</p><p>${words}.</p><h2 id="more-${i}">More</h2><p>${i % 2 ? "extra words here" : "more"}</p>` +
    `<div hidden data-pagefind-ignore>${filters}<span data-pagefind-meta="date">${1987 + (i % 4)}</span></div></article></body></html>\n`;
  return [`/articles/page-${String(i).padStart(3, "0")}/`, html];
}

const PAGES = Array.from({ length: 240 }, (_, i) => page(i));

async function pagefindFiles(pages: readonly (readonly [string, string])[]): Promise<PagefindFile[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  assert.deepEqual(errors, []);
  for (const [url, html] of pages) {
    const added = await index!.addHTMLFile({ sourcePath: `${url.slice(1)}index.html`, content: html });
    assert.deepEqual(added.errors, []);
  }
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return files.map((f) => ({ path: f.path, content: f.content }));
}

interface Canonical {
  version: string;
  pageCount: number;
  /** URLs in page-number order, with word counts. */
  pages: [string, number][];
  /** url → fragment JSON. */
  fragments: Map<string, string>;
  /** word → [url, the rest of its entry][] (sorted), and variants likewise. */
  words: Map<string, string>;
  filters: Map<string, Map<string, string[]>>;
  metaFields: string[];
  chunks: [string, string][];
}

/** An index read back as what a search can see, page numbers replaced by URLs. */
function canonical(files: readonly PagefindFile[]): Canonical {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const entry = JSON.parse(Buffer.from(byPath.get("pagefind-entry.json")!).toString()) as { version: string; languages: Record<string, { hash: string; page_count: number }> };
  const [language] = Object.values(entry.languages);
  const meta = decodeCbor(unpack(byPath.get(`pagefind.${language.hash}.pf_meta`)!)).value as CborValue[];
  const [, pages, chunks, filters, , metaFields] = meta as [string, [string, number][], [string, string, string][], [string, string][], CborValue[], string[]];
  const urls: string[] = [];
  const fragments = new Map<string, string>();
  for (const [hash] of pages) {
    const json = unpack(byPath.get(`fragment/${hash}.pf_fragment`)!).toString();
    const url = (JSON.parse(json) as { url: string }).url;
    urls.push(url);
    fragments.set(url, json);
  }
  const entries = (list: CborValue[][]) => {
    let n = 0;
    return list.map((e) => JSON.stringify([urls[(n += e[0] as number)], e.slice(1)])).sort();
  };
  const words = new Map<string, string>();
  for (const [, , hash] of chunks) {
    const [list] = decodeCbor(unpack(byPath.get(`index/${hash}.pf_index`)!)).value as [[string, CborValue[][], [string, CborValue[][]][]][]];
    for (const [word, wordPages, variants] of list) {
      words.set(word, JSON.stringify([entries(wordPages), variants.map(([v, vp]) => [v, entries(vp)]).sort()]));
    }
  }
  const filterMap = new Map<string, Map<string, string[]>>();
  for (const [, hash] of filters) {
    const [name, values] = decodeCbor(unpack(byPath.get(`filter/${hash}.pf_filter`)!)).value as [string, [string, number[]][]];
    filterMap.set(name, new Map(values.map(([value, ps]) => [value, ps.map((p) => urls[p]).sort()])));
  }
  return { version: entry.version, pageCount: language.page_count, pages: pages.map(([, wc], i) => [urls[i], wc]), fragments, words, filters: filterMap, metaFields: [...metaFields].sort(), chunks: chunks.map(([from, to]) => [from, to]) };
}

function sameIndex(merged: Canonical, single: Canonical) {
  assert.equal(merged.version, single.version);
  assert.equal(merged.pageCount, single.pageCount);
  assert.deepEqual(merged.pages, single.pages, "pages in the same order, with the same word counts");
  assert.deepEqual(merged.fragments, single.fragments);
  assert.deepEqual([...merged.words.keys()].sort(), [...single.words.keys()].sort());
  for (const [word, value] of single.words) assert.equal(merged.words.get(word), value, `the word "${word}"`);
  assert.deepEqual(merged.filters, single.filters);
  assert.deepEqual(merged.metaFields, single.metaFields);
}

/** Pages in the build's order (Pagefind's word count, then URL), as src/publish/search-index.ts adds them to one index. */
function inBuildOrder(pages: readonly (readonly [string, string])[], counts: Map<string, number>) {
  return [...pages].sort((a, b) => counts.get(a[0])! - counts.get(b[0])! || (a[0] < b[0] ? -1 : 1));
}

describe("merging Pagefind indexes of batches of pages", () => {
  let single: PagefindFile[];
  let batches3: PagefindFile[][];
  let batches7: PagefindFile[][];
  before(async () => {
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = "300";
    const first = canonical(await pagefindFiles(PAGES));
    single = await pagefindFiles(inBuildOrder(PAGES, new Map(first.pages)));
    // Uneven batches, pages in no particular order within them.
    const split = (n: number) => Array.from({ length: n }, (_, b) => PAGES.filter((_, i) => (i * 13 + (i % 5)) % n === b).reverse());
    batches3 = await Promise.all(split(3).map((pages) => pagefindFiles(pages)));
    batches7 = [];
    for (const pages of split(7)) batches7.push(await pagefindFiles(pages));
  });
  after(async () => {
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await pagefind.close();
  });

  it("reads Pagefind's own files back to the same bytes (the CBOR codec)", () => {
    let checked = 0;
    for (const file of single) {
      if (!/\.(pf_meta|pf_index|pf_filter)$/.test(file.path)) continue;
      const data = unpack(file.content);
      const { value, end } = decodeCbor(data);
      assert.equal(end, data.length, file.path);
      assert.ok(encodeCbor(value).equals(data), `${file.path} encodes back to Pagefind's bytes`);
      checked++;
    }
    assert.ok(checked > 5);
  });

  it("gives the index Pagefind gives for all the pages at once: words, positions, pages, filters, fragments", async () => {
    const want = canonical(single);
    assert.ok(want.chunks.length > 3, "the test's chunk size makes several chunks");
    assert.ok([...want.words.values()].some((v) => JSON.parse(v)[1].length > 0), "some word has variants (diacritics)");
    sameIndex(canonical((await mergePagefindIndexes(batches3, { chunkSize: 300 })).files), want);
    sameIndex(canonical((await mergePagefindIndexes(batches7, { chunkSize: 300 })).files), want);
  });

  it("writes the same bytes however the pages were batched, and one batch merged is Pagefind's index", async () => {
    const a = await mergePagefindIndexes(batches3, { chunkSize: 300 });
    const b = await mergePagefindIndexes([...batches7].reverse(), { chunkSize: 300 });
    assert.deepEqual(
      a.files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]),
      b.files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]),
    );
    sameIndex(canonical((await mergePagefindIndexes([single], { chunkSize: 300 })).files), canonical(single));
  });

  it("merges batches read ahead (prepareBatch: a warm build's) to the same bytes as their files, variants and renumbered fields included", async () => {
    const bytes = (files: readonly PagefindFile[]) => files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]);
    for (const batches of [batches3, batches7]) {
      const want = await mergePagefindIndexes(batches, { chunkSize: 300 });
      // Every batch read ahead, and some of them only (the rest read in the merge).
      assert.deepEqual(bytes((await mergePagefindIndexes(batches.map(prepareBatch), { chunkSize: 300 })).files), bytes(want.files));
      assert.deepEqual(bytes((await mergePagefindIndexes(batches.map((b, i) => (i % 2 ? prepareBatch(b) : b)), { chunkSize: 300 })).files), bytes(want.files));
    }
    // A batch whose pages lack a metadata field, read ahead, beside one that has it.
    const withField = PAGES.slice(0, 40).map(([url, html], i): [string, string] => [url, i % 10 === 0 ? html.replace("<p>", '<p><span data-pagefind-meta="publisher">report harbour</span> ') : html]);
    const lacking = await pagefindFiles(withField.filter((_, i) => i % 10 !== 0));
    const having = await pagefindFiles(withField.filter((_, i) => i % 10 === 0));
    const want = await mergePagefindIndexes([lacking, having], { chunkSize: 300 });
    assert.deepEqual(bytes((await mergePagefindIndexes([prepareBatch(lacking), prepareBatch(having)], { chunkSize: 300 })).files), bytes(want.files));
  });

  it("cuts the word index in chunks where Pagefind cuts it, whose ranges are in order and hold their words", async () => {
    const merged = canonical((await mergePagefindIndexes(batches3, { chunkSize: 300 })).files);
    assert.deepEqual(merged.chunks, canonical(single).chunks, "the same chunks, named by the same prefixes");
    const words = [...merged.words.keys()];
    assert.ok(merged.chunks.length > 3);
    for (let i = 0; i + 1 < merged.chunks.length; i++) assert.ok(compareCodePoints(merged.chunks[i][1], merged.chunks[i + 1][0]) < 0, `chunk ${i} ends before chunk ${i + 1} starts`);
    // Every word sorts within its chunk's range, taken as prefixes (Pagefind's lookup).
    const files = (await mergePagefindIndexes(batches3, { chunkSize: 300 })).files;
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    const entry = JSON.parse(Buffer.from(byPath.get("pagefind-entry.json")!).toString()) as { languages: Record<string, { hash: string }> };
    const meta = decodeCbor(unpack(byPath.get(`pagefind.${Object.values(entry.languages)[0].hash}.pf_meta`)!)).value as CborValue[];
    let seen = 0;
    for (const [from, to, hash] of meta[2] as [string, string, string][]) {
      const [list] = decodeCbor(unpack(byPath.get(`index/${hash}.pf_index`)!)).value as [[string][]];
      for (const [word] of list) {
        assert.ok(compareCodePoints(word.slice(0, from.length), from) >= 0 && compareCodePoints(word.slice(0, to.length), to) <= 0, `"${word}" in [${from}, ${to}]`);
        seen++;
      }
    }
    assert.equal(seen, words.length);
  });

  it("keeps Pagefind's scripts and lists the index's files only once", async () => {
    const merged = await mergePagefindIndexes(batches3, { chunkSize: 300 });
    const paths = merged.files.map((f) => f.path);
    assert.equal(new Set(paths).size, paths.length);
    assert.ok(paths.includes("pagefind.js") && paths.includes("pagefind-worker.js") && paths.some((p) => p.startsWith("wasm.")));
    assert.deepEqual(paths.filter((p) => !isIndexFile(p)).sort(), single.map((f) => f.path).filter((p) => !isIndexFile(p)).sort());
    assert.equal(merged.pages.length, PAGES.length);
    assert.deepEqual(new Set(merged.pages.map((p) => p.url)), new Set(PAGES.map(([url]) => url)));
    // Each page's filters, read from its fragment (the search page's date order and counts are made of them).
    const first = merged.pages.find((p) => p.url === PAGES[4][0])!;
    assert.deepEqual(first.filters, { section: [SECTIONS[4 % 3]], year: [String(1987 + (4 % 4))], person: [`Ann ${WORDS[4 % 7]}`] });
    assert.ok(merged.files.some((f) => f.path === `fragment/${first.hash}.pf_fragment`), "each page's hash names its fragment file");
  });

  it("numbers the metadata fields of a batch whose pages lack one (an article without a source) as one index does", async () => {
    // Pagefind names a field by its number in the index's sorted list: "title" is field 1 of
    // [date, title] and field 2 of [date, publisher, title].
    const withField = PAGES.slice(0, 40).map(([url, html], i): [string, string] => [url, i % 10 === 0 ? html.replace("<p>", '<p><span data-pagefind-meta="publisher">report harbour</span> ') : html]);
    const counts = new Map(canonical(await pagefindFiles(withField)).pages);
    const want = canonical(await pagefindFiles(inBuildOrder(withField, counts)));
    assert.deepEqual(want.metaFields, ["date", "publisher", "title"]);
    const lacking = await pagefindFiles(withField.filter((_, i) => i % 10 !== 0));
    const having = await pagefindFiles(withField.filter((_, i) => i % 10 === 0));
    sameIndex(canonical((await mergePagefindIndexes([lacking, having], { chunkSize: 300 })).files), want);
    sameIndex(canonical((await mergePagefindIndexes([having, lacking], { chunkSize: 300 })).files), want);
  });

  it("leaves pages out of an old index as if Pagefind had never read them, beside a run over their new versions", async () => {
    // The old index of a batch: some pages in a version with a word, a metadata field and a
    // filter value no other page has; one of them is later deleted, the others changed.
    const oldVersion = ([url, html]: readonly [string, string], i: number): [string, string] => [
      url,
      html.replace("<p>", `<p>zeppelin${i} <span data-pagefind-meta="special">odd</span><span data-pagefind-filter="person">Zed ${i}</span> `),
    ];
    const changed = [5, 17, 100];
    const deleted = [30, 31, 8];
    const base = PAGES.slice(0, 200).map((p, i) => (changed.includes(i) || deleted.includes(i) ? oldVersion(p, i) : p));
    const added = PAGES.slice(200, 206);
    const fresh = [...changed.map((i) => PAGES[i]), ...added];
    const leftOut = new Set([...changed, ...deleted].map((i) => PAGES[i][0]));
    const now = PAGES.slice(0, 206).filter((_, i) => !deleted.includes(i));
    const counts = new Map(canonical(await pagefindFiles(now)).pages);
    const want = canonical(await pagefindFiles(inBuildOrder(now, counts)));
    assert.ok(!want.words.has("zeppelin5") && !want.metaFields.includes("special") && ![...want.filters.get("person")!.keys()].some((v) => v.startsWith("Zed")));
    const baseFiles = (await pagefindFiles(base)).filter((f) => isIndexFile(f.path));
    const freshFiles = (await pagefindFiles(fresh)).filter((f) => isIndexFile(f.path));
    const merged = await mergePagefindIndexes([baseFiles, freshFiles], { chunkSize: 300, exclude: [leftOut], indexOnly: true });
    sameIndex(canonical(merged.files), want);
    assert.deepEqual(canonical(merged.files).chunks, want.chunks, "the same chunks");
    // The merged batch merges again with other batches like Pagefind's own index of it.
    const again = await mergePagefindIndexes([[...merged.files, ...batches3[0].filter((f) => !isIndexFile(f.path))]], { chunkSize: 300 });
    sameIndex(canonical(again.files), want);
    // Without the exclusion the old versions stay (the test can tell).
    const kept = await mergePagefindIndexes([baseFiles, freshFiles], { chunkSize: 300, indexOnly: true });
    assert.throws(() => sameIndex(canonical(kept.files), want));
  });

  it("merges indexes on disk from their pages' listed facts, linking their fragments, to the same index as from their files", async () => {
    // A sharded build's merge: each shard's index is on disk, and its build listed what is in
    // each fragment (MergedIndex.pages), so the merge reads no fragment.
    const want = await mergePagefindIndexes(batches3, { chunkSize: 300 });
    const dirs: string[] = [];
    const onDisk = await Promise.all(
      batches3.map(async (batch, i) => {
        const own = await mergePagefindIndexes([batch], { chunkSize: 300 });
        const dir = await mkdtemp(path.join(os.tmpdir(), `catalogued-${i}-`));
        dirs.push(dir);
        for (const f of own.files) {
          await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
          await writeFile(path.join(dir, f.path), f.content);
        }
        return { dir, own };
      }),
    );
    try {
      const catalogs = onDisk.map(({ dir, own }) => ({ dir, pages: new Map(own.pages.map((p) => [p.hash, p])) }));
      const withoutFragments = onDisk.map(({ own }) => own.files.filter((f) => !f.path.startsWith("fragment/")));
      const merged = await mergePagefindIndexes(withoutFragments, { chunkSize: 300, catalogs });
      assert.equal(merged.links.length, PAGES.length, "every fragment is linked, none read");
      const linked = await Promise.all(merged.links.map(async (l) => ({ path: l.path, content: await readFile(l.from) })));
      const bytes = (files: PagefindFile[]) => files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      assert.deepEqual(bytes([...merged.files, ...linked]), bytes(want.files));
      assert.deepEqual(merged.pages, want.pages);
      // A page the index has but its build did not list is an error, not a page without a URL.
      const lacking = { dir: catalogs[1].dir, pages: new Map([...catalogs[1].pages].slice(1)) };
      await assert.rejects(mergePagefindIndexes(withoutFragments, { chunkSize: 300, catalogs: [catalogs[0], lacking, catalogs[2]] }), /not among the pages its build listed/);
    } finally {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to write an index without Pagefind's WebAssembly for its language (search could not run)", async () => {
    const withoutWasm = batches3.map((files) => files.filter((f) => f.path !== "wasm.en.pagefind"));
    await assert.rejects(mergePagefindIndexes(withoutWasm, { chunkSize: 300 }), /wasm\.en\.pagefind/);
  });

  it("refuses an index with sort keys rather than merge it wrong", async () => {
    const [url, html] = PAGES[0];
    const sorted = await pagefindFiles([[url, html.replace("<h1 ", '<h1 data-pagefind-sort="weight:3" ')]]);
    await assert.rejects(mergePagefindIndexes([sorted, batches3[0]]), /sort keys/);
  });
});

describe("code-point order (Rust's order of strings, which Pagefind's chunks are sorted in)", () => {
  it("agrees with comparing UTF-8 bytes, astral characters included", () => {
    const text = fc.string({ unit: "binary", maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 300 }), (strings) => {
        const ours = [...strings].sort(compareCodePoints);
        const bytes = [...strings].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        assert.deepEqual(ours.map((s) => Buffer.from(s).toString("hex")), bytes.map((s) => Buffer.from(s).toString("hex")));
      }),
      { numRuns: 300 },
    );
    assert.ok(compareCodePoints("\u{1D49C}", "\uFFFF") > 0, "an astral character sorts after U+FFFF");
    assert.ok(compareCodePoints("ab", "abc") < 0);
  });
});
