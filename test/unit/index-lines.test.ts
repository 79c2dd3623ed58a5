import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { bodyToMarkdown } from "../../src/ingest/markdown.ts";
import { linesOfArticles, LINES_BATCH, type ArticleForLines, type ShardLinesPlan } from "../../src/publish/index-lines.ts";
import { openShardArticlesFiles, shardArticlesFile } from "../../src/publish/shard-articles.ts";
import { ARTICLE_INDEX_FILE, indexArticle, writeArticleIndexChunks, writeArticleIndexLines } from "../../src/site/article-index.ts";
import { articleRecord } from "../helpers/records.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { mkdir, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

/**
 * A sharded build's summary job writes the index lines and the shards' article lines of
 * 100,000 articles: helper threads make them a batch at a time and this thread writes the
 * bytes in order. The files must be those of making each article's lines in turn, here.
 */

/** Articles in slug order, with bodies that Markdown must escape and text beyond ASCII (encoded by the helpers, not here). */
function articles(n: number): ArticleForLines[] {
  return Array.from({ length: n }, (_, i) => {
    const slug = `article-${String(i).padStart(5, "0")}`;
    const body = [`Paragraph ${i} of *${slug}* — “quoted” <b>${"x".repeat(i % 40)}</b>`, `# not a heading ${i % 7}`, ...(i % 3 ? [`Zürich, ${i} € & 東京`] : [])];
    return { record: articleRecord(slug, { removed: i % 5 ? [] : [{ kind: "teaser", text: `Up next ${i}`, line: 3 }], dek: i % 4 ? undefined : `Dek of ${slug}` }), body };
  });
}

/** The files made one article at a time, on this thread: the index lines and each shard's articles. */
async function writtenOneByOne(dir: string, list: readonly ArticleForLines[], plan: ShardLinesPlan) {
  await mkdir(dir, { recursive: true });
  const summary = path.join(dir, "summary.jsonl");
  const shards = await openShardArticlesFiles(summary, plan.count, list.map((a) => a.record.slug), plan.newest);
  const lines: string[] = [];
  for (const { record, body } of list) {
    const markdown = bodyToMarkdown(body);
    lines.push(JSON.stringify(indexArticle(record, markdown)));
    await shards.add({ slug: record.slug, removed: record.removed, summary: record.summary, body: markdown });
  }
  await writeArticleIndexLines(dir, lines);
  await shards.close();
  return filesOf(dir, summary, plan.count);
}

async function writtenInBatches(dir: string, list: readonly ArticleForLines[], plan: ShardLinesPlan, helpers: number, helperEntry?: URL) {
  await mkdir(dir, { recursive: true });
  const summary = path.join(dir, "summary.jsonl");
  const shards = await openShardArticlesFiles(summary, plan.count, list.map((a) => a.record.slug), plan.newest);
  const made = { byHelpers: 0, here: 0 };
  const batches = linesOfArticles(list, plan, { helpers, made, helperEntry });
  await writeArticleIndexChunks(
    dir,
    (async function* () {
      for await (const batch of batches) {
        for (const [i, s] of batch.shards!.entries()) if (s.lines) await shards.addLines(i, s.bytes, s.lines);
        yield batch.index;
      }
    })(),
  );
  await shards.close();
  return { files: await filesOf(dir, summary, plan.count), made };
}

async function filesOf(dir: string, summary: string, count: number): Promise<Buffer[]> {
  const shardFiles = Array.from({ length: count }, (_, index) => shardArticlesFile(summary, { index, count }));
  return Promise.all([path.join(dir, ARTICLE_INDEX_FILE), ...shardFiles].map((f) => readFile(f)));
}

describe("the summary's index and shard lines made by helper threads", () => {
  const list = articles(9 * LINES_BATCH + 37);
  const plan: ShardLinesPlan = { count: 4, newest: new Set(list.filter((_, i) => i % 97 === 3).map((a) => a.record.slug)) };

  it("are the bytes of making each article's lines in turn, in the articles' order", async () => {
    {
      const dir = await tempDir("index-lines-");
      const expected = await writtenOneByOne(path.join(dir, "one-by-one"), list, plan);
      const { files, made } = await writtenInBatches(path.join(dir, "helpers"), list, plan, 2);
      assert.equal(made.byHelpers + made.here, Math.ceil(list.length / LINES_BATCH), "every batch once");
      assert.ok(made.byHelpers > 0, "the helper threads made batches");
      const names = ["index", "shard 1", "shard 2", "shard 3", "shard 4"];
      files.forEach((bytes, i) => assert.ok(bytes.equals(expected[i]), `${names[i]}: the same bytes`));
      // Shard 1's file has its own articles and the newest of the others.
      const shardOne = expected[1].toString("utf8").trim().split("\n").length - 1;
      assert.ok(shardOne > list.length / 4 - 100, "shard 1 has its share");
    }
  });

  it("are the same made on this thread alone", async () => {
    const dir = await tempDir("index-lines-");
    const expected = await writtenOneByOne(path.join(dir, "one-by-one"), list, plan);
    const { files, made } = await writtenInBatches(path.join(dir, "here"), list, plan, 0);
    assert.equal(made.byHelpers, 0);
    files.forEach((bytes, i) => assert.ok(bytes.equals(expected[i])));
  });

  it("are all made, here, when the helper threads fail", async () => {
    const dir = await tempDir("index-lines-");
    const broken = await tempDir("index-lines-helper-");
    const entry = path.join(broken, "helper.mjs");
    // A helper that loads, takes the plan, and dies on its first batch.
    await writeFile(entry, `import { parentPort } from "node:worker_threads"; parentPort.on("message", (m) => { if ("batch" in m) throw new Error("helper failed"); });`);
    const expected = await writtenOneByOne(path.join(dir, "one-by-one"), list, plan);
    const { files, made } = await writtenInBatches(path.join(dir, "failing"), list, plan, 2, pathToFileURL(entry));
    assert.equal(made.byHelpers, 0);
    assert.equal(made.here, Math.ceil(list.length / LINES_BATCH));
    files.forEach((bytes, i) => assert.ok(bytes.equals(expected[i])));
  });
});
