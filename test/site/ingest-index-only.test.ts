import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
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
