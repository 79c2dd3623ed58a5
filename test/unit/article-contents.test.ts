import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { articleFile, bodyToMarkdown, parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import { ARTICLE_CONTENTS_FILE, articleContent, articleContentOf, openArticleContentsWriter, withArticleContent } from "../../src/site/article-index.ts";
import { articleRecord } from "../helpers/records.ts";

/**
 * A shard takes its articles' page data (body, removed furniture, summary) from the summary
 * job's file and hands it to its render processes in one contents file, instead of writing
 * a Markdown file per article that they parse back. A page rendered from the contents
 * file must print exactly what the Markdown file would have given it, whatever the text.
 */

// Untrusted text: YAML's and Markdown's special characters, front-matter fences, quotes, line breaks.
const text = fc.string({ unit: fc.constantFrom("a", "Z", "é", "中", " ", "\n", "\r", "\t", ":", "-", "---", "#", "'", '"', "\\", "|", ">", "{", "}", "[", "]", "&", "*", "!", "%", "@", "`", "0", "1.5", "null", "true", "\u2028", "😀"), maxLength: 400, size: "max" });

test("an article's page data made straight from its record is what its Markdown file reads back as", () => {
  fc.assert(
    fc.property(
      // The body as ingest makes it (bodyToMarkdown): raw text escaped, so no line of it is Markdown structure.
      fc.array(text, { maxLength: 20 }).map(bodyToMarkdown),
      text.filter((s) => s.trim().length > 0 || s.length === 0),
      fc.array(fc.record({ kind: fc.constantFrom("byline", "video-caption", "agency-signoff"), text, line: fc.integer({ min: 1, max: 500 }) }), { maxLength: 12 }),
      (body, summary, items) => {
        // Plain objects, as a record's are (fast-check's have no prototype).
        const removed = items.map((item) => ({ ...item }));
        const record = articleRecord("a-story", { summary, removed });
        const fromFile = articleContent(parseArticleMarkdown(articleFile(record, body), "a-story.md"));
        assert.deepEqual(articleContentOf(record, body), fromFile);
      },
    ),
    { numRuns: 300 },
  );
});

test("a body without its last newline reads back with one, from the contents file as from the Markdown file", () => {
  const record = articleRecord("a-story");
  assert.deepEqual(articleContentOf(record, "One paragraph."), articleContent(parseArticleMarkdown(articleFile(record, "One paragraph."), "a-story.md")));
  assert.equal(articleContentOf(record, "One paragraph.").markdown, "One paragraph.\n");
});

test("render processes read each article's page data from the contents file, whichever articles they ask for", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "contents-"));
  try {
    const records = Array.from({ length: 300 }, (_, i) => articleRecord(`story-${i}`, { summary: `Summary ${i} “quoted”, with ünïcode.`, removed: i % 3 ? [] : [{ kind: "byline", text: `By Writer ${i}`, line: 2 }] }));
    const bodies = records.map((_, i) => `Paragraph one of story ${i}.\n\nParagraph two: ${"x".repeat(i)}\n`);
    const writer = await openArticleContentsWriter(dir);
    for (let i = 0; i < records.length; i++) await writer.add(records[i].slug, articleContentOf(records[i], bodies[i]));
    await writer.close();
    const asked = [records[299], records[0], records[150], records[7]].map((r) => ({ slug: r.slug }));
    const read = await withArticleContent(asked, dir);
    assert.deepEqual(
      read,
      asked.map(({ slug }) => {
        const i = Number(slug.split("-")[1]);
        return { slug, ...articleContentOf(records[i], bodies[i]) };
      }),
    );
    await assert.rejects(withArticleContent([{ slug: "not-written" }], dir), /holds no page data for the article not-written/);
    // A file cut short (a disk filled mid-write) is refused, not read as another article.
    await writeFile(path.join(dir, ARTICLE_CONTENTS_FILE), "");
    await assert.rejects(withArticleContent([{ slug: "story-5" }], dir), /cut short/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
