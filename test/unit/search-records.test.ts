import assert from "node:assert/strict";
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { pageShard, PAGE_SHARDS } from "../../src/site/model.ts";
import { SearchRecordStore, type SearchRecord } from "../../src/publish/search-records.ts";

const work = await mkdtemp(path.join(os.tmpdir(), "search-records-"));
after(() => rm(work, { recursive: true, force: true }));

/** URLs that all fall in one shard of the store, so its file and log hold them all. */
function urlsInOneShard(count: number): { shard: number; urls: string[] } {
  const byShard = new Map<number, string[]>();
  for (let i = 0; ; i++) {
    const url = `/articles/story-${i}/`;
    const shard = pageShard(url);
    const list = byShard.get(shard) ?? [];
    list.push(url);
    byShard.set(shard, list);
    if (list.length === count) return { shard, urls: list };
  }
}

const record = (url: string, version: number): SearchRecord => ({ fingerprint: `${url}#${version}`, html: `<html><body><main data-pagefind-body>${url} v${version}</main></body></html>\n` });

/** Every record of the store, as [url, fingerprint] sorted. */
async function everything(store: SearchRecordStore): Promise<[string, string][]> {
  const all: [string, string][] = [];
  for (let shard = 0; shard < PAGE_SHARDS; shard++) for (const [url, r] of await store.readShard(shard)) all.push([url, r.fingerprint]);
  return all.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe("the search record store", () => {
  it("gives back each page's latest record after a full write and warm builds' updates, as a store written whole would", async () => {
    const { shard, urls } = urlsInOneShard(60);
    const logged = new SearchRecordStore(path.join(work, "logged"));
    const whole = new SearchRecordStore(path.join(work, "whole"));
    await logged.update(new Map(urls.map((url) => [url, record(url, 0)])), { replaceAll: true });
    await whole.writeShard(shard, new Map(urls.map((url) => [url, record(url, 0)])));
    const expected = new Map(urls.map((url) => [url, record(url, 0)]));
    // Five warm builds, each rendering a few pages again (one of them twice over) and adding one.
    for (let build = 1; build <= 5; build++) {
      const changed = new Map<string, SearchRecord>();
      for (const url of [urls[build], urls[build * 7], urls[1]]) changed.set(url, record(url, build));
      const added = `/articles/new-${build}/`;
      changed.set(added, record(added, build));
      await logged.update(changed);
      for (const [url, r] of changed) expected.set(url, r);
    }
    const read = await logged.readShard(shard);
    for (const url of urls) assert.deepEqual(read.get(url), expected.get(url), url);
    assert.deepEqual(await everything(logged), [...expected].map(([url, r]): [string, string] => [url, r.fingerprint]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    // The updates went to the shard's log, not into its file.
    const files = await readdir(path.join(work, "logged"));
    assert.ok(files.includes(`${shard}.log`), `no log beside the shard file: ${files.join(", ")}`);
    const file = JSON.parse(await readFile(path.join(work, "logged", `${shard}.json`), "utf8")) as Record<string, SearchRecord>;
    assert.equal(file[urls[1]].fingerprint, `${urls[1]}#0`);
  });

  it("folds a log that has grown into its shard file, and a shard written whole has no log left", async () => {
    const { shard, urls } = urlsInOneShard(8);
    const store = new SearchRecordStore(path.join(work, "fold"));
    await store.update(new Map(urls.map((url) => [url, record(url, 0)])), { replaceAll: true });
    const log = path.join(work, "fold", `${shard}.log`);
    // Records of 20 KB: the fourth update no longer fits the 64 KB a small shard's log may hold.
    const big = (url: string, version: number): SearchRecord => ({ fingerprint: `${url}#${version}`, html: `${"x".repeat(20_000)} ${version}` });
    for (let build = 1; build <= 3; build++) await store.update(new Map([[urls[0], big(urls[0], build)]]));
    assert.ok((await stat(log)).size > 60_000);
    await store.update(new Map([[urls[1], big(urls[1], 4)]]));
    await assert.rejects(stat(log), { code: "ENOENT" });
    const read = await store.readShard(shard);
    assert.equal(read.get(urls[0])?.fingerprint, `${urls[0]}#3`);
    assert.equal(read.get(urls[1])?.fingerprint, `${urls[1]}#4`);
    assert.equal(read.get(urls[2])?.fingerprint, `${urls[2]}#0`);
    // Pruning writes the shard whole: its log goes, and the pruned record does not come back.
    await store.update(new Map([[urls[3], record(urls[3], 5)]]));
    await store.writeShard(shard, new Map([...read].filter(([url]) => url !== urls[3])));
    await assert.rejects(stat(log), { code: "ENOENT" });
    assert.equal((await store.readShard(shard)).has(urls[3]), false);
  });

  it("leaves out a log line cut short, keeps the lines before it, and starts the next update on a line of its own", async () => {
    const { shard, urls } = urlsInOneShard(4);
    const store = new SearchRecordStore(path.join(work, "cut"));
    await store.update(new Map(urls.map((url) => [url, record(url, 0)])), { replaceAll: true });
    await store.update(new Map([[urls[0], record(urls[0], 1)]]));
    // A build killed as it wrote its line for urls[1] (each line is written after its newline).
    const line = `\n${JSON.stringify([urls[1], record(urls[1], 1)])}`;
    await appendFile(path.join(work, "cut", `${shard}.log`), line.slice(0, line.length >> 1));
    let read = await store.readShard(shard);
    assert.equal(read.get(urls[0])?.fingerprint, `${urls[0]}#1`);
    assert.equal(read.get(urls[1])?.fingerprint, `${urls[1]}#0`, "half a line changed the record");
    await store.update(new Map([[urls[2], record(urls[2], 2)]]));
    read = await store.readShard(shard);
    assert.equal(read.get(urls[2])?.fingerprint, `${urls[2]}#2`, "the update after a cut-short line was lost");
    assert.equal(read.get(urls[0])?.fingerprint, `${urls[0]}#1`);
  });

  it("reads a shard file cut short as empty, and its log over it", async () => {
    const { shard, urls } = urlsInOneShard(2);
    const store = new SearchRecordStore(path.join(work, "file-cut"));
    await store.update(new Map(urls.map((url) => [url, record(url, 0)])), { replaceAll: true });
    await store.update(new Map([[urls[0], record(urls[0], 1)]]));
    const file = path.join(work, "file-cut", `${shard}.json`);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length >> 1));
    assert.deepEqual([...(await store.readShard(shard)).keys()], [urls[0]]);
  });
});
