import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { decodeArticle, ingestArchive } from "../../src/ingest/pipeline.ts";
import { evidenceDigestOf, inputHash, openArticleMemo } from "../../src/publish/article-memo.ts";
import { ANALYSIS_CHUNK, analyzeInParallel, DECODE_CHUNK, MAX_ANALYSIS_WORKERS, workerCount } from "../../src/publish/parallel-analysis.ts";
import { TEST_NOW } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("the per-article analysis shared with a second process", () => {
  it("gives exactly the records ingest gives in one process, every article analysed once, by either process", async () => {
    const { dir } = await writeSyntheticArchive(700);
    const inputs = await Promise.all((await readdir(dir)).sort().map(async (file) => ({ file, bytes: await readFile(path.join(dir, file)) })));
    const memo = await openArticleMemo({ version: "test", now: TEST_NOW });
    const shared = await analyzeInParallel(inputs, memo, { now: TEST_NOW, articlesDir: dir, workers: 1 });
    assert.equal(shared.analyzedByWorkers + shared.analyzedHere, 700, `${shared.analyzedByWorkers} analysed by the worker, ${shared.analyzedHere} here`);
    assert.ok(shared.analyzedByWorkers >= ANALYSIS_CHUNK, `the worker took work from the queue (${shared.analyzedByWorkers})`);
    assert.ok(shared.analyzedHere >= ANALYSIS_CHUNK, `this process took work from the queue (${shared.analyzedHere})`);
    // The texts were decoded (and read for the evidence) by both processes too.
    assert.ok(shared.decodedByWorkers >= DECODE_CHUNK && shared.decodedByWorkers <= 700 - DECODE_CHUNK, `the worker decoded ${shared.decodedByWorkers} of 700 texts`);
    assert.equal(memo.stats.factsRead, 0, "the evidence count took every text's facts as read ahead, reading none again");
    const before = memo.stats.analyzed;
    const withWorker = ingestArchive(inputs, { now: TEST_NOW, memo });
    assert.equal(memo.stats.analyzed, before, "ingest found every analysis ready");
    const alone = ingestArchive(inputs, { now: TEST_NOW });
    assert.equal(withWorker.articles.length, 700);
    assert.deepEqual(withWorker, alone);
  });

  it("keys each analysis a worker made as this process keys its own: the next build finds every one valid in the folder", async () => {
    const { dir } = await writeSyntheticArchive(700);
    const cache = await tempDir("analysis-keys-");
    const inputs = await Promise.all((await readdir(dir)).sort().map(async (file) => ({ file, bytes: await readFile(path.join(dir, file)) })));
    const memo = await openArticleMemo({ dir: cache, version: "test", now: TEST_NOW });
    const shared = await analyzeInParallel(inputs, memo, { now: TEST_NOW, articlesDir: dir, workers: 1 });
    assert.ok(shared.analyzedByWorkers >= ANALYSIS_CHUNK && shared.analyzedHere >= ANALYSIS_CHUNK, "both processes analysed");
    const first = ingestArchive(inputs, { now: TEST_NOW, memo });
    assert.ok((first.evidence!.commonStems ?? []).length > 0, "the evidence says something of each article (its common words)");
    memo.retainOnly(new Set(inputs.map((i) => i.file)));
    await memo.save();
    // Each key as this process computes it for the article: its hash, and the digest of what the evidence says of it.
    const [folder] = await readdir(cache);
    const saved = new Map<string, string>();
    for (const name of (await readdir(path.join(cache, folder))).filter((n) => /^\d+\.json$/.test(n))) {
      for (const [file, { key }] of Object.entries(JSON.parse(await readFile(path.join(cache, folder, name), "utf8")) as Record<string, { key: string }>)) saved.set(file, key);
    }
    assert.equal(saved.size, 700);
    for (const input of inputs) assert.equal(saved.get(input.file), `${inputHash(input)}\n${evidenceDigestOf(decodeArticle(input), first.evidence!)}`, input.file);
    // Another run takes every one.
    const next = await openArticleMemo({ dir: cache, version: "test", now: TEST_NOW });
    next.retainOnly(new Set(inputs.map((i) => i.file)));
    assert.deepEqual(ingestArchive(inputs, { now: TEST_NOW, memo: next }), first);
    assert.deepEqual({ reused: next.stats.analyzeReused, analyzed: next.stats.analyzed }, { reused: 700, analyzed: 0 });
  });

  it("on more cores, shares the work with a worker per core beside this one, each taking from the queue, and the records are the same", async () => {
    const { dir } = await writeSyntheticArchive(1200);
    const inputs = await Promise.all((await readdir(dir)).sort().map(async (file) => ({ file, bytes: await readFile(path.join(dir, file)) })));
    const memo = await openArticleMemo({ version: "test", now: TEST_NOW });
    const shared = await analyzeInParallel(inputs, memo, { now: TEST_NOW, articlesDir: dir, workers: 3 });
    assert.equal(shared.perWorker.length, 3, "three workers");
    for (const count of shared.perWorker) assert.ok(count >= ANALYSIS_CHUNK && count % ANALYSIS_CHUNK === 0, `a worker analysed ${count} of 1,200, whole pieces of work`);
    assert.equal(shared.analyzedByWorkers + shared.analyzedHere, 1200, "every article analysed once");
    const before = memo.stats.analyzed;
    const withWorkers = ingestArchive(inputs, { now: TEST_NOW, memo });
    assert.equal(memo.stats.analyzed, before, "ingest found every analysis ready");
    assert.equal(withWorkers.articles.length, 1200);
    assert.deepEqual(withWorkers, ingestArchive(inputs, { now: TEST_NOW }));
  });

  it("uses no worker for a few articles, and never so many that one gets fewer than 300 or more than the cap allows", () => {
    assert.equal(workerCount(599, 3), 0, "below 600 articles the start-up costs more than it saves");
    assert.equal(workerCount(600, 0), 0, "a single core has no worker");
    assert.equal(workerCount(600, 3), 1, "600 articles: one worker, 300 each");
    assert.equal(workerCount(900, 3), 2);
    assert.equal(workerCount(1200, 3), 3);
    assert.equal(workerCount(100_000, 63), MAX_ANALYSIS_WORKERS, "a machine with many cores stops at the cap");
    assert.equal(workerCount(100_000, 1), 1);
  });
});
