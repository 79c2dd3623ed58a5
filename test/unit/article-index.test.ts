import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { articleToMarkdown, bodyToMarkdown } from "../../src/ingest/markdown.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { ARTICLE_INDEX_FILE, hashIndexEntries, indexArticle, indexLineSlug, readArticleIndexHashed, LINE_READ_BYTES, PAGE_ONLY_FIELDS, readArticleContent, readArticleIndex, readArticleIndexLines, withArticleContent, writeArticleIndex } from "../../src/site/article-index.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const record = (slug: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  source_file: `${slug}.txt`,
  title: `Title ${slug}`,
  title_source: "headline",
  slug,
  authors: ["Ana Ruiz"],
  people: ["Ana Ruiz"],
  organizations: [],
  places: ["Port Ellis"],
  tags: ["harbour"],
  summary: "A long summary only the article page prints.",
  word_count: 120,
  removed: [{ kind: "caption", text: "Photo: a harbour crane", line: 4 }],
  ...extra,
});

describe("the light index of the archive", () => {
  it("keeps every record field but those only an article's own page prints", () => {
    const full = record("harbour", { date: "2017-02-08", date_precision: "day" });
    const indexed = indexArticle(full, bodyToMarkdown(["The harbour reopened."]));
    for (const field of PAGE_ONLY_FIELDS) assert.ok(!(field in indexed), `${field} is left out`);
    for (const [field, value] of Object.entries(full)) {
      if (!(PAGE_ONLY_FIELDS as readonly string[]).includes(field)) assert.deepEqual((indexed as Record<string, unknown>)[field], value, field);
    }
  });

  it("carries a new record field without being told about it", () => {
    const indexed = indexArticle({ ...record("harbour"), section: "economy" } as ArticleRecord, "Body.\n");
    assert.equal((indexed as Record<string, unknown>).section, "economy");
  });

  it("changes its content hash when the body, the summary or the removed furniture change, and only then", () => {
    const base = indexArticle(record("harbour"), "Body.\n").content_hash;
    assert.equal(indexArticle(record("harbour"), "Body.\n").content_hash, base);
    assert.notEqual(indexArticle(record("harbour"), "Another body.\n").content_hash, base);
    assert.notEqual(indexArticle(record("harbour", { summary: "Other." }), "Body.\n").content_hash, base);
    assert.notEqual(indexArticle(record("harbour", { removed: [] }), "Body.\n").content_hash, base);
    assert.equal(indexArticle(record("harbour", { title: "Renamed" }), "Body.\n").content_hash, base, "the title is in the index itself");
  });

  it("is written sorted and read back as written; without the file it is made from the Markdown files, the same", async () => {
    const dir = await tempDir("article-index-");
    const records = [record("zebra-crossing"), record("harbour"), record("council")];
    const bodies = [["Zebra."], ["Harbour."], ["Council."]];
    for (let i = 0; i < records.length; i++) await writeFile(path.join(dir, `${records[i].slug}.md`), articleToMarkdown(records[i], bodies[i]));
    const fromMarkdown = await readArticleIndex(dir);
    assert.deepEqual(fromMarkdown.map((a) => a.slug), ["council", "harbour", "zebra-crossing"]);
    await writeArticleIndex(dir, records.map((r, i) => indexArticle(r, bodyToMarkdown(bodies[i]))));
    assert.deepEqual(await readArticleIndex(dir), fromMarkdown);
    assert.match(await readFile(path.join(dir, ARTICLE_INDEX_FILE), "utf8"), /^\[\n\{"source_file":"council\.txt"/);
    assert.deepEqual(await readArticleContent(dir, "harbour"), { markdown: "Harbour.\n", removed: records[1].removed, summary: records[1].summary });
  });
});

describe("the light index read back", () => {
  it("keeps text in any script as written (accents, curly quotes, other alphabets, emoji)", async () => {
    const dir = await tempDir("article-index-");
    const records = [record("cafe", { title: "Café’s “pier” plan for Zürich 👍", people: ["José Martí"], places: ["東京", "São Paulo"] })];
    await writeArticleIndex(dir, records.map((r) => indexArticle(r, "Body.\n")));
    const [back] = await readArticleIndex(dir);
    assert.equal(back.title, "Café’s “pier” plan for Zürich 👍");
    assert.deepEqual(back.people, ["José Martí"]);
    assert.deepEqual(back.places, ["東京", "São Paulo"]);
  });

  it("is one JSON array across the writes of a large archive (thousands of lines, plain and accented by turns)", async () => {
    const dir = await tempDir("article-index-");
    const records = Array.from({ length: 2_503 }, (_, i) => record(`story-${String(i).padStart(4, "0")}`, i % 3 === 0 ? { title: `Zürich “${i}” 東京` } : {}));
    const entries = records.map((r) => indexArticle(r, "Body.\n"));
    await writeArticleIndex(dir, entries);
    const text = await readFile(path.join(dir, ARTICLE_INDEX_FILE), "utf8");
    assert.deepEqual(JSON.parse(text), entries);
    assert.equal(text.split("\n").length, entries.length + 3, "one article per line, between the brackets");
    assert.deepEqual(await readArticleIndex(dir), entries);
  });
});

describe("the light index read a line at a time (what a warm build copies)", () => {
  const collect = async (dir: string) => {
    const lines: string[] = [];
    for await (const line of readArticleIndexLines(dir)) lines.push(line);
    return lines;
  };

  it("gives each article's JSON once, in order, whatever the size of the reads (lines cut across reads, a line longer than a read, text in any script)", async () => {
    const dir = await tempDir("article-index-");
    const records = Array.from({ length: 60 }, (_, i) =>
      record(`story-${String(i).padStart(2, "0")}`, { title: `Café “${i}” ${"東京 ".repeat(i % 7 === 0 ? 400 : i)}👍`, summary: "x".repeat(i * 13) }),
    );
    await writeArticleIndex(dir, records.map((r) => indexArticle(r, "Body.\n")));
    const expected = (await readArticleIndex(dir)).map((a) => JSON.stringify(a));
    const before = LINE_READ_BYTES.size;
    try {
      for (const size of [before, 4096, 1000, 97, 16]) {
        LINE_READ_BYTES.size = size;
        assert.deepEqual(await collect(dir), expected, `reads of ${size} bytes`);
      }
    } finally {
      LINE_READ_BYTES.size = before;
    }
  });

  it("reads a file with Windows line ends or no last line end the same", async () => {
    const dir = await tempDir("article-index-");
    const lines = ["a", "b", "c"].map((slug) => JSON.stringify(indexArticle(record(slug), "Body.\n")));
    await writeFile(path.join(dir, ARTICLE_INDEX_FILE), `[\r\n${lines.join(",\r\n")}\r\n]`);
    assert.deepEqual(await collect(dir), lines);
    await writeFile(path.join(dir, ARTICLE_INDEX_FILE), `[\n${lines.join(",\n")}`);
    assert.deepEqual(await collect(dir), lines);
  });

  it("fails with the file system's error when there is no index (the caller decides)", async () => {
    const dir = await tempDir("article-index-");
    await assert.rejects(collect(dir), { code: "ENOENT" });
  });

  it("finds a line's slug without being fooled by a title that quotes a slug, and parses lines it cannot read fast", () => {
    const line = JSON.stringify(indexArticle(record("the-real-slug", { title: 'He typed "slug":"fake-slug" into the form' }), "Body.\n"));
    assert.equal(indexLineSlug(line), "the-real-slug");
    assert.equal(indexLineSlug(JSON.stringify({ title: 'a "slug":"x" b', slug: "second" })), "second");
    // Key order not the record's: still the slug (parsed).
    assert.equal(indexLineSlug(JSON.stringify({ other: { slug: "Nested Slug" }, slug: "outer" })), "outer");
  });
});

describe("the light index's digest (whether anything the site shows changed)", () => {
  it("is the same taken from the file's lines as from the entries, with or without the file, and changes with any entry", async () => {
    const dir = await tempDir("article-index-");
    const records = Array.from({ length: 30 }, (_, i) => record(`story-${String(i).padStart(2, "0")}`, { title: `Café “${i}” 東京 👍`, word_count: 100 + i }));
    const bodies = records.map((r) => [`${r.slug} body.`]);
    for (let i = 0; i < records.length; i++) await writeFile(path.join(dir, `${records[i].slug}.md`), articleToMarkdown(records[i], bodies[i]));
    const fromMarkdown = await readArticleIndexHashed(dir);
    assert.equal(fromMarkdown.hash, hashIndexEntries(await readArticleIndex(dir)));
    await writeArticleIndex(dir, records.map((r, i) => indexArticle(r, bodyToMarkdown(bodies[i]))));
    const fromFile = await readArticleIndexHashed(dir);
    assert.deepEqual(fromFile.articles, await readArticleIndex(dir));
    assert.equal(fromFile.hash, hashIndexEntries(fromFile.articles));
    assert.equal(fromFile.hash, fromMarkdown.hash);
    // The same file with Windows line ends: the same digest.
    const text = await readFile(path.join(dir, ARTICLE_INDEX_FILE), "utf8");
    await writeFile(path.join(dir, ARTICLE_INDEX_FILE), text.replaceAll("\n", "\r\n"));
    assert.equal((await readArticleIndexHashed(dir)).hash, fromFile.hash);
    // One entry changed: another digest.
    records[17] = { ...records[17], word_count: 999 };
    await writeArticleIndex(dir, records.map((r, i) => indexArticle(r, bodyToMarkdown(bodies[i]))));
    assert.notEqual((await readArticleIndexHashed(dir)).hash, fromFile.hash);
  });
});

describe("the light index, more", () => {
  /** Twenty slugs in no particular order. */
  const slugs = Array.from({ length: 20 }, (_, i) => `story-${String((i * 7) % 20).padStart(2, "0")}`);

  it("carries the standfirst lists show, and none when there is nothing to show", () => {
    assert.equal(indexArticle(record("harbour", { dek: "Cranes are back." }), "Body.\n").standfirst, "Cranes are back.");
    assert.equal(indexArticle(record("harbour"), "Body.\n").standfirst, "A long summary only the article page prints.");
    assert.ok(!("standfirst" in indexArticle(record("harbour", { summary: "" }), "Body.\n")));
  });

  it("is written in slug order whatever order the articles come in", async () => {
    const dir = await tempDir("article-index-");
    await writeArticleIndex(dir, slugs.map((slug) => indexArticle(record(slug), "Body.\n")));
    const written = (JSON.parse(await readFile(path.join(dir, ARTICLE_INDEX_FILE), "utf8")) as { slug: string }[]).map((a) => a.slug);
    assert.deepEqual(written, [...slugs].sort());
  });

  it("is read from its file when there is one (not remade from the Markdown), and made from the .md files alone, in slug order, when not", async () => {
    const dir = await tempDir("article-index-");
    for (const slug of slugs) await writeFile(path.join(dir, `${slug}.md`), articleToMarkdown(record(slug), [`${slug}.`]));
    await writeFile(path.join(dir, "README.txt"), "not an article\n");
    assert.deepEqual((await readArticleIndex(dir)).map((a) => a.slug), [...slugs].sort());
    await writeArticleIndex(dir, [indexArticle(record("only-in-the-index"), "Body.\n")]);
    assert.deepEqual((await readArticleIndex(dir)).map((a) => a.slug), ["only-in-the-index"]);
  });

  it("fails loudly when the index file is there but cannot be read, rather than quietly remaking it", async () => {
    const dir = await tempDir("article-index-");
    await writeFile(path.join(dir, "a.md"), articleToMarkdown(record("a"), ["A."]));
    await mkdir(path.join(dir, ARTICLE_INDEX_FILE));
    await assert.rejects(readArticleIndex(dir), { code: "EISDIR" });
  });

  it("gives each listed article its page content, in the order given", async () => {
    const dir = await tempDir("article-index-");
    for (const slug of ["a", "b"]) await writeFile(path.join(dir, `${slug}.md`), articleToMarkdown(record(slug, { summary: `Summary ${slug}.` }), [`Body ${slug}.`]));
    const pages = await withArticleContent([{ slug: "b", extra: 1 }, { slug: "a", extra: 2 }], dir);
    assert.deepEqual(pages, [
      { slug: "b", extra: 1, markdown: "Body b.\n", removed: record("b").removed, summary: "Summary b." },
      { slug: "a", extra: 2, markdown: "Body a.\n", removed: record("a").removed, summary: "Summary a." },
    ]);
    await assert.rejects(withArticleContent([{ slug: "missing" }], dir), { code: "ENOENT" });
  });
});
