import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { articleToMarkdown, bodyToMarkdown } from "../../src/ingest/markdown.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { ARTICLE_INDEX_FILE, indexArticle, PAGE_ONLY_FIELDS, readArticleContent, readArticleIndex, writeArticleIndex } from "../../src/site/article-index.ts";

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
    const dir = await mkdtemp(path.join(os.tmpdir(), "article-index-"));
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
