import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { articleToMarkdown } from "../../src/ingest/markdown.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import { articleRecord } from "../helpers/records.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const record = (slug: string): ArticleRecord => articleRecord(slug, { title: `Title ${slug}`, word_count: 3 });

describe("loading generated Markdown (loadContentDir)", () => {
  it("reads every .md file in the folder, sorted by file name, with its record and body, and nothing else", async () => {
    const dir = await tempDir("load-content-");
    // Written out of order; a file index, a note and a folder are not articles.
    for (const slug of ["zebra", "harbour", "council"]) await writeFile(path.join(dir, `${slug}.md`), articleToMarkdown(record(slug), [`The ${slug} story.`]));
    await writeFile(path.join(dir, "_index.json"), "[]\n");
    await writeFile(path.join(dir, "notes.txt"), "not an article\n");
    await writeFile(path.join(dir, "draft.md.bak"), "not an article either\n");
    const loaded = await loadContentDir(dir);
    assert.deepEqual(loaded.map((c) => c.record.slug), ["council", "harbour", "zebra"]);
    assert.deepEqual(loaded[1].record, record("harbour"));
    assert.equal(loaded[1].markdown, "The harbour story.\n");
  });

  it("fails naming the file when one does not match the schema", async () => {
    const dir = await tempDir("load-content-");
    await writeFile(path.join(dir, "good.md"), articleToMarkdown(record("good"), ["Fine."]));
    await writeFile(path.join(dir, "broken.md"), "---\ntitle: 3\n---\nBody\n");
    await assert.rejects(loadContentDir(dir), (error: Error) => error.message.includes(path.join(dir, "broken.md")));
  });

  it("refuses a file that is not valid UTF-8, naming it, rather than publishing replacement characters", async () => {
    const dir = await tempDir("load-content-");
    const good = Buffer.from(articleToMarkdown(record("cafe"), ["Un café à Montréal."]), "utf8");
    await writeFile(path.join(dir, "good.md"), good);
    assert.equal((await loadContentDir(dir))[0].markdown, "Un café à Montréal.\n", "UTF-8 read as UTF-8");
    // The same file with one byte of "é" lost.
    const cut = good.indexOf(Buffer.from("é", "utf8")) + 1;
    await writeFile(path.join(dir, "good.md"), Buffer.concat([good.subarray(0, cut), good.subarray(cut + 1)]));
    await assert.rejects(loadContentDir(dir), (error: Error) => error.message.includes(`${path.join(dir, "good.md")}: generated Markdown is not valid UTF-8`));
  });

  it("passes on a read error as it is, not as a UTF-8 error", async () => {
    const dir = await tempDir("load-content-");
    await mkdir(path.join(dir, "folder.md"));
    await assert.rejects(loadContentDir(dir), { code: "EISDIR" });
  });

  it("gives an empty folder no articles, and a missing one an error", async () => {
    const dir = await tempDir("load-content-");
    await mkdir(path.join(dir, "empty"));
    assert.deepEqual(await loadContentDir(path.join(dir, "empty")), []);
    await assert.rejects(loadContentDir(path.join(dir, "missing")), { code: "ENOENT" });
  });
});
