import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { articleInputHash } from "../../src/ingest/pipeline.ts";
import { ArticleIngest } from "../../src/publish/ingest-stage.ts";
import { ARTICLE_INDEX_FILE, readArticleIndex } from "../../src/site/article-index.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A sharded build's summary job ingests into the light index alone (no Markdown). Its
 * ingest process reads the index back from the file, so the run need not hold the
 * archive's index beside every analysis; an ingest that is read from afterwards does.
 */
describe("an ingest that writes the index alone", () => {
  it("writes the same index whether or not it keeps it, and keeps it only when asked", async () => {
    const { dir: articles, articles: written } = await writeSyntheticArchive(40);
    const work = await mkdtemp(path.join(os.tmpdir(), "index-only-"));
    try {
      const run = async (keepIndex: boolean) => {
        const config = testConfig({ articlesDir: articles, contentDir: path.join(work, String(keepIndex)), outputDir: path.join(work, "site") });
        const memo = await openArticleMemo({ version: "test", now: config.now, oneRun: true });
        const ingest = new ArticleIngest(config, memo, "test", { keepIndex });
        const result = await ingest.run(recordingReporter().reporter, { indexOnly: true });
        return { ingest, result, file: path.join(config.contentDir, ARTICLE_INDEX_FILE), contentDir: config.contentDir };
      };
      const kept = await run(true);
      const notKept = await run(false);
      assert.equal(kept.result.articles.length, written.length);
      assert.ok((await readFile(kept.file)).equals(await readFile(notKept.file)), "the same index file, byte for byte");
      const entries = await readArticleIndex(kept.contentDir);
      assert.equal(entries.length, written.length);
      assert.deepEqual(
        entries.map((e) => e.slug),
        entries.map((e) => e.slug).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        "in slug order",
      );
      assert.deepEqual(kept.ingest.index, entries);
      assert.deepEqual(notKept.ingest.index, []);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

/**
 * A build's ingest process (a one-run memo, no index kept) lets go of the raw bytes it
 * read once every analysis is made. Nothing it reports after may depend on them: the input
 * hashes a summary hands to its shards, a retry after a slug clash with --keep-going, and a
 * later run of the same ingest.
 */
describe("a one-run ingest that lets go of the bytes it read", () => {
  const runs = async (articles: string, work: string, name: string, keepIndex: boolean, times: number, keepGoing = false) => {
    const config = { ...testConfig({ articlesDir: articles, contentDir: path.join(work, name), outputDir: path.join(work, "site") }), keepGoing };
    const memo = await openArticleMemo({ version: "test", now: config.now, oneRun: true });
    const ingest = new ArticleIngest(config, memo, "test", { keepIndex });
    const results = [];
    for (let i = 0; i < times; i++) {
      // A later run told of one changed file, as the dev server tells its ingest.
      const result = await ingest.run(recordingReporter().reporter, { indexOnly: true, changes: i > 0 ? new Set(["000_synthetic.txt"]) : undefined });
      results.push({ result, index: await readFile(path.join(config.contentDir, ARTICLE_INDEX_FILE)) });
    }
    return results;
  };

  it("hands on each file's hash of the bytes it read, and runs again as it ran first", async () => {
    const { dir: articles, articles: written } = await writeSyntheticArchive(30);
    const work = await mkdtemp(path.join(os.tmpdir(), "index-only-"));
    try {
      const [first, second] = await runs(articles, work, "released", false, 2);
      const [kept] = await runs(articles, work, "kept", true, 1);
      const expected = Object.fromEntries(
        await Promise.all(written.map(async (a) => [a.file, articleInputHash({ file: a.file, bytes: await readFile(path.join(articles, a.file)) })] as const)),
      );
      assert.deepEqual(first.result.inputHashes, expected);
      assert.deepEqual(second.result.inputHashes, expected);
      assert.equal(second.result.articles.length, written.length);
      assert.deepEqual(second.result.refused, []);
      assert.ok(first.index.equals(kept.index), "the same index as an ingest that keeps its bytes");
      assert.ok(second.index.equals(kept.index), "and again on a second run");
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it("with --keep-going, builds the other articles when two ask for the same slug, as an ingest that keeps its bytes does", async () => {
    const { dir: articles, articles: written } = await writeSyntheticArchive(20);
    const clash = (n: number) => `---\nslug: harbor-vote\n---\nHarbor vote number ${n}\n\nThe council voted on the harbor budget on Tuesday, the ${n}th vote this year.\n`;
    await writeFile(path.join(articles, "900_first.txt"), clash(1));
    await writeFile(path.join(articles, "901_second.txt"), clash(2));
    const work = await mkdtemp(path.join(os.tmpdir(), "index-only-"));
    try {
      const [released] = await runs(articles, work, "released", false, 1, true);
      const [kept] = await runs(articles, work, "kept", true, 1, true);
      assert.equal(released.result.articles.length, written.length + 1);
      assert.deepEqual(
        released.result.refused.map((r) => r.file),
        ["901_second.txt"],
      );
      assert.deepEqual(released.result, { ...kept.result, seconds: released.result.seconds });
      assert.ok(released.index.equals(kept.index));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

/**
 * A build's ingest process says when its archive-wide passes begin and when their
 * related-articles scoring starts (the build reads the last search index's batches between
 * the two, while the passes leave a core idle: src/publish/build.ts), when they are done
 * (the build reads the rest then) and when the index is written (the build reads it): in
 * that order, all but the last before any writing.
 */
describe("an ingest run's announcements", () => {
  it("says its passes begin, then that their related-articles scoring starts, that they are done before it writes anything, then that the index is written", async () => {
    const { dir: articles } = await writeSyntheticArchive(12);
    const work = await mkdtemp(path.join(os.tmpdir(), "announce-"));
    try {
      const config = testConfig({ articlesDir: articles, contentDir: path.join(work, "content"), outputDir: path.join(work, "site") });
      const memo = await openArticleMemo({ version: "test", now: config.now, oneRun: true });
      const ingest = new ArticleIngest(config, memo, "test", { keepIndex: false });
      const indexFile = path.join(config.contentDir, ARTICLE_INDEX_FILE);
      const heard: [string, boolean][] = [];
      const result = await ingest.run(recordingReporter().reporter, {
        onPassesBegin: () => void heard.push(["passes begin", existsSync(indexFile)]),
        onRelatedScoring: () => void heard.push(["related scoring", existsSync(indexFile)]),
        onPassesDone: () => void heard.push(["passes done", existsSync(indexFile)]),
        onIndexWritten: () => void heard.push(["index written", existsSync(indexFile)]),
      });
      assert.equal(result.articles.length, 12);
      assert.deepEqual(heard, [
        ["passes begin", false],
        ["related scoring", false],
        ["passes done", false],
        ["index written", true],
      ]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
