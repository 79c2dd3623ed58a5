import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { ingestArchive } from "../../src/ingest/pipeline.ts";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { analyzeInParallel } from "../../src/publish/parallel-analysis.ts";
import { TEST_NOW } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

describe("the per-article analysis shared with a second process", () => {
  it("gives exactly the records ingest gives in one process, and the worker did half the work", async () => {
    const { dir } = await writeSyntheticArchive(700);
    const inputs = await Promise.all((await readdir(dir)).sort().map(async (file) => ({ file, bytes: await readFile(path.join(dir, file)) })));
    const memo = await openArticleMemo({ version: "test", now: TEST_NOW });
    const shared = await analyzeInParallel(inputs, memo, { now: TEST_NOW, articlesDir: dir, workers: 1 });
    assert.ok(shared.analyzedByWorkers >= 340 && shared.analyzedByWorkers <= 360, `${shared.analyzedByWorkers} analysed by the worker`);
    const before = memo.stats.analyzed;
    const withWorker = ingestArchive(inputs, { now: TEST_NOW, memo });
    assert.equal(memo.stats.analyzed, before, "ingest found every analysis ready");
    const alone = ingestArchive(inputs, { now: TEST_NOW });
    assert.equal(withWorker.articles.length, 700);
    assert.deepEqual(withWorker, alone);
  });
});
