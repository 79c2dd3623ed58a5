import assert from "node:assert/strict";
import { appendFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { readArchiveSummary, readRawInputs } from "../../src/publish/archive-summary.ts";
import { ShardBuildError } from "../../src/publish/shard-errors.ts";
import { writeShardArticles } from "../../src/publish/shard-content.ts";
import { makeArchiveSummary } from "../../src/publish/summary-stage.ts";
import type { ArchiveConfig } from "../../src/publish/config.ts";
import type { IndexedArticle } from "../../src/site/article-index.ts";
import type { RawArticleInput } from "../../src/ingest/pipeline.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A shard writes its articles' Markdown on every core (worker processes beside its own):
 * the files are the ones it writes alone, byte for byte, and an article a worker refuses
 * stops the shard with an error naming it.
 */

let work: string;
let articlesDir: string;
let config: ArchiveConfig;
let items: { input: RawArticleInput; entry: IndexedArticle }[];
let evidence: Awaited<ReturnType<typeof readArchiveSummary>>["header"]["evidence"];

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "shard-articles-"));
  // More articles than two pieces of work per process, so every process gets some.
  articlesDir = (await writeSyntheticArchive(300)).dir;
  config = testConfig({ articlesDir, outputDir: path.join(work, "unused"), contentDir: path.join(work, "content") });
  const summaryFile = path.join(work, "summary.jsonl");
  await makeArchiveSummary(config, summaryFile, { reporter: recordingReporter().reporter });
  const summary = await readArchiveSummary(summaryFile);
  evidence = summary.header.evidence;
  const bySource = new Map(summary.index.map((a) => [a.source_file, a]));
  items = (await readRawInputs(config, () => true)).kept.map((input) => ({ input, entry: bySource.get(input.file)! }));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(articlesDir, { recursive: true, force: true });
});

async function write(list: typeof items, workers: number): Promise<{ dir: string; result: Awaited<ReturnType<typeof writeShardArticles>> }> {
  const dir = await mkdtemp(path.join(work, "content-"));
  const result = await writeShardArticles(list, { evidence, now: config.now, articlesDir, contentDir: dir, workers, minArticlesForWorkers: 0 });
  return { dir, result };
}

async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), "utf8")] as [string, string])));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ShardBuildError, `a ShardBuildError, not ${error}`);
  return error.message;
}

describe("a shard's article files, written on every core", () => {
  it("are the files one process writes, byte for byte, with the worker processes writing some", async () => {
    const alone = await write(items, 0);
    const shared = await write(items, 2);
    assert.equal(alone.result.byWorkers, 0);
    assert.ok(shared.result.byWorkers > 0 && shared.result.here > 0, `both wrote some: ${JSON.stringify(shared.result)}`);
    assert.equal(shared.result.byWorkers + shared.result.here, items.length);
    const expected = await files(alone.dir);
    assert.equal(expected.size, items.length);
    assert.deepEqual(await files(shared.dir), expected);
  });

  it("stop at an article that reads differently from the summary, naming it, whichever process met it", async () => {
    // The first pieces go to the workers.
    const wrong = items.map((item, i) => (i === 3 ? { ...item, entry: { ...item.entry, content_hash: "0".repeat(40) } } : item));
    assert.match(await refusal(write(wrong, 2)), new RegExp(`${items[3].input.file}.*reads differently from what the archive summary says`));
    const last = items.map((item, i) => (i === items.length - 1 ? { ...item, entry: { ...item.entry, content_hash: "0".repeat(40) } } : item));
    assert.match(await refusal(write(last, 2)), new RegExp(`${items[items.length - 1].input.file}.*reads differently`));
  });

  it("stop at a raw file changed after the shard checked it", async () => {
    await appendFile(path.join(articlesDir, items[1].input.file), "\nA sentence saved while the shard was being built.\n");
    assert.match(await refusal(write(items, 2)), new RegExp(`${items[1].input.file}.*changed while the shard was being built`));
  });
});
