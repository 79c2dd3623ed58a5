import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { mergeShards } from "../../src/publish/merge-stage.ts";
import { ShardBuildError } from "../../src/publish/shard-errors.ts";
import { buildShard, parseShardFlag } from "../../src/publish/shard-stage.ts";
import { makeArchiveSummary } from "../../src/publish/summary-stage.ts";
import { readArchiveSummary, summaryIndexChunks } from "../../src/publish/archive-summary.ts";
import { articleShard } from "../../src/site/build-shards.ts";
import { buildVersions } from "../../src/publish/versions.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/** Each way a sharded build can be put together wrongly gets an error that says what to do. */

const run = promisify(execFile);
let work: string;
let articlesDir: string;
let summaryFile: string;

const config = (outputDir: string, extra: { articlesDir?: string; pathPrefix?: string } = {}) =>
  testConfig({ articlesDir: extra.articlesDir ?? articlesDir, outputDir, contentDir: path.join(work, "content"), pathPrefix: extra.pathPrefix });
const reporter = () => recordingReporter().reporter;

async function makeSummary(file: string, dir = articlesDir): Promise<void> {
  await makeArchiveSummary(config(path.join(work, "unused"), { articlesDir: dir }), file, { reporter: reporter() });
}

async function shardError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ShardBuildError, `a ShardBuildError, not ${error}`);
  return error.message;
}

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "shard-errors-"));
  articlesDir = (await writeSyntheticArchive(24)).dir;
  summaryFile = path.join(work, "summary.jsonl");
  await makeSummary(summaryFile);
});
after(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(articlesDir, { recursive: true, force: true });
});

describe("--shard I/N", () => {
  it("takes the shard's number from 1 to N", () => {
    assert.deepEqual(parseShardFlag("2/4"), { index: 1, count: 4 });
    assert.deepEqual(parseShardFlag("1/1"), { index: 0, count: 1 });
    assert.deepEqual(parseShardFlag(" 4 / 4 "), { index: 3, count: 4 });
  });

  it("refuses 0/0, a shard past N, shard 0 and what is not two numbers, showing the form", () => {
    const message = (value: string) => {
      try {
        parseShardFlag(value);
      } catch (error) {
        assert.ok(error instanceof ShardBuildError);
        return error.message;
      }
      assert.fail(`--shard ${value} was accepted`);
    };
    assert.match(message("0/0"), /at least one shard/);
    assert.match(message("3/2"), /numbered 1 to 2, so there is no shard 3 of 2/);
    assert.match(message("0/4"), /no shard 0 of 4/);
    for (const bad of ["two", "2", "2/", "/4", "1.5/4", "-1/4", "2-4"]) assert.match(message(bad), /is not I\/N/, bad);
    for (const bad of ["0/0", "3/2", "two"]) assert.match(message(bad), /--shard 2\/4 builds the second of four shards/);
  });

  it("on the command line, exits with the message and no stack trace", async () => {
    const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
    const result = await run(tsx, ["scripts/build.ts", "--shard", "3/2", "--summary", summaryFile, "--output", path.join(work, "cli")], { cwd: projectRoot }).then(
      () => assert.fail("the build succeeded"),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no shard 3 of 2/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });
});

describe("a shard's archive summary", () => {
  it("must exist: the error says how to make it", async () => {
    const missing = path.join(work, "no-such-summary.jsonl");
    const message = await shardError(buildShard(config(path.join(work, "s")), { summaryFile: missing, shard: { index: 0, count: 2 } }, { reporter: reporter() }));
    assert.match(message, /no-such-summary\.jsonl does not exist/);
    assert.match(message, /npm run build -- --make-summary .*no-such-summary\.jsonl/);
  });

  it("must be a whole summary, not another file or one cut short", async () => {
    const other = path.join(work, "not-a-summary.jsonl");
    await writeFile(other, '{"hello": "world"}\n');
    assert.match(await shardError(buildShard(config(path.join(work, "s")), { summaryFile: other, shard: { index: 0, count: 2 } }, { reporter: reporter() })), /is not an archive summary/);
    const cut = path.join(work, "cut.jsonl");
    const lines = (await readFile(summaryFile, "utf8")).split("\n");
    await writeFile(cut, lines.slice(0, 5).join("\n"));
    // Shard 1 reads every line (its feeds need them all); shard 2 parses its own only, and counts the rest.
    for (const index of [0, 1]) {
      assert.match(await shardError(buildShard(config(path.join(work, "s")), { summaryFile: cut, shard: { index, count: 2 } }, { reporter: reporter() })), /cut short: it lists 4 of its 24 articles/);
    }
    // A line broken in another shard's share is still no summary: its slug cannot be read without parsing it.
    const broken = path.join(work, "broken.jsonl");
    const elsewhere = lines.findIndex((line, i) => i > 0 && line !== "" && articleShard((JSON.parse(line) as { slug: string }).slug, 2) === 0);
    await writeFile(broken, lines.map((line, i) => (i === elsewhere ? line.replace('"slug":"', '"slug": "').slice(0, -5) : line)).join("\n"));
    assert.match(await shardError(buildShard(config(path.join(work, "s")), { summaryFile: broken, shard: { index: 1, count: 2 } }, { reporter: reporter() })), new RegExp(`line ${elsewhere + 1}: is not an archive summary \\(not JSON\\)`));
  });

  it("is stale when the articles changed since it was made: the error names the files and says to make it again", async () => {
    const changed = await mkdtemp(path.join(work, "articles-"));
    const names = (await readdir(articlesDir)).sort();
    for (const name of names) await copyFile(path.join(articlesDir, name), path.join(changed, name));
    // A file of each shard changed: the shard that builds it finds it.
    const { index } = await readArchiveSummary(summaryFile);
    const ownFiles = (shard: number) => index.filter((a) => articleShard(a.slug, 2) === shard && a.source_file !== names[5]).map((a) => a.source_file).sort();
    const [first, second] = [ownFiles(0)[0], ownFiles(1)[0]];
    for (const file of [first, second]) await appendFile(path.join(changed, file), "\nA sentence added after the summary was made.\n");
    await writeFile(path.join(changed, "999_new-article.txt"), "A new article\n\nIts text arrived after the summary was made, so no shard can build it.\n");
    await rm(path.join(changed, names[5]));
    const message = (shard: number) =>
      shardError(buildShard(config(path.join(work, "s"), { articlesDir: changed }), { summaryFile, shard: { index: shard, count: 2 } }, { reporter: reporter() }));
    const [one, two] = [await message(0), await message(1)];
    for (const m of [one, two]) {
      assert.match(m, /summary\.jsonl is stale/);
      assert.match(m, new RegExp(`1 article file is new \\(999_new-article\\.txt\\); 1 is gone \\(${names[5]}\\); `));
      assert.match(m, /Make the summary again .*--make-summary .*summary\.jsonl/);
    }
    // Shard 2 reads its own files only; shard 1 also the newest articles, for the feeds.
    assert.match(two, new RegExp(`; 1 changed \\(${second}\\)`));
    assert.match(one, new RegExp(`changed \\([^)]*${first}`));
  });

  it("is read by a shard for its own articles, and again for the whole index, which must not change in between", async () => {
    const whole = await readArchiveSummary(summaryFile);
    const seen: string[] = [];
    const mine = await readArchiveSummary(summaryFile, { keep: (slug) => articleShard(slug, 2) === 1, each: (a) => seen.push(a.slug) });
    assert.deepEqual(seen, whole.index.map((a) => a.slug), "every article is shown, in the file's order");
    assert.deepEqual(mine.index, whole.index.filter((a) => articleShard(a.slug, 2) === 1));
    // Shown none, it parses only its own articles' lines, and finds the same.
    for (const index of [0, 1]) {
      const own = await readArchiveSummary(summaryFile, { keep: (slug) => articleShard(slug, 2) === index });
      assert.deepEqual(own.index, whole.index.filter((a) => articleShard(a.slug, 2) === index));
      assert.equal(own.hash, whole.hash);
    }
    assert.ok(mine.index.length > 0 && mine.index.length < whole.index.length);
    assert.equal(mine.header.articles, whole.index.length);
    const chunks: Buffer[] = [];
    for await (const chunk of summaryIndexChunks(mine)) chunks.push(chunk);
    // The index file's lines, joined as it joins them.
    const lines = Buffer.concat(chunks.flatMap((chunk, i) => (i ? [Buffer.from(",\n"), chunk] : [chunk]))).toString("utf8").split(",\n");
    assert.deepEqual(lines.map((line) => JSON.parse(line)), whole.index);
    const copy = path.join(work, "copy.jsonl");
    await writeFile(copy, (await readFile(summaryFile, "utf8")).replace('"articles":24', '"articles":24 '));
    await assert.rejects(
      (async () => {
        for await (const chunk of summaryIndexChunks({ file: copy, hash: mine.hash })) void chunk;
      })(),
      (error: Error) => error instanceof ShardBuildError && /copy\.jsonl changed while the build read it/.test(error.message),
    );
  });

  it("must come from the same ingest code as the shard", async () => {
    const versions = { ...(await buildVersions(config(work))), ingest: "another-version-of-the-ingest-code" };
    const message = await shardError(buildShard(config(path.join(work, "s")), { summaryFile, shard: { index: 0, count: 2 } }, { reporter: reporter(), versions }));
    assert.match(message, /made by another version of the ingest code/);
    assert.match(message, /--make-summary/);
    // The command line reads the summary in a child process: the same refusal comes back.
    const fromChild = await shardError(buildShard(config(path.join(work, "s")), { summaryFile, shard: { index: 0, count: 2 } }, { reporter: reporter(), versions, contentInChild: true }));
    assert.equal(fromChild, message);
    const missing = path.join(work, "no-such-summary.jsonl");
    assert.equal(
      await shardError(buildShard(config(path.join(work, "s")), { summaryFile: missing, shard: { index: 0, count: 2 } }, { reporter: reporter(), contentInChild: true })),
      await shardError(buildShard(config(path.join(work, "s")), { summaryFile: missing, shard: { index: 0, count: 2 } }, { reporter: reporter() })),
    );
  });

  it("read in a child process gives the shard it gives in this one, byte for byte", async () => {
    const here = path.join(work, "shard-here");
    const child = path.join(work, "shard-child");
    const a = await buildShard(config(here), { summaryFile, shard: { index: 1, count: 2 } }, { reporter: reporter() });
    const b = await buildShard(config(child), { summaryFile, shard: { index: 1, count: 2 } }, { reporter: reporter(), contentInChild: true });
    assert.deepEqual([b.articles, b.pagesWritten, b.pagesIndexed], [a.articles, a.pagesWritten, a.pagesIndexed]);
    assert.ok(a.articles > 5, `${a.articles} articles`);
    const files = (await readdir(here, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.relative(here, path.join(f.parentPath, f.name))).sort();
    const childFiles = (await readdir(child, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.relative(child, path.join(f.parentPath, f.name))).sort();
    assert.deepEqual(childFiles, files);
    for (const f of files) {
      if (f === "shard.json") continue;
      assert.ok((await readFile(path.join(here, f))).equals(await readFile(path.join(child, f))), f);
    }
    const manifest = (dir: string) => readFile(path.join(dir, "shard.json"), "utf8").then((t) => JSON.parse(t) as Record<string, unknown>);
    assert.deepEqual(await manifest(child), await manifest(here));
  });
});

describe("a shard's articles written by the summary job (--for-shards N)", () => {
  let dir: string;
  let file: string;
  const articlesFile = (shard: number) => path.join(dir, `summary.articles-${shard}-of-2.jsonl`);
  const build = (out: string, shard = 0, log?: string[]) => {
    const recording = recordingReporter();
    const built = buildShard(config(path.join(work, out)), { summaryFile: file, shard: { index: shard, count: 2 } }, { reporter: recording.reporter });
    return log ? built.finally(() => log.push(...recording.log)) : built;
  };
  before(async () => {
    dir = await mkdtemp(path.join(work, "for-shards-"));
    file = path.join(dir, "summary.jsonl");
    await makeArchiveSummary(config(path.join(work, "unused")), file, { reporter: reporter(), forShards: 2 });
  });

  it("are taken by the shard instead of its raw files, and give the shard its raw files give", async () => {
    const log: string[] = [];
    const fromFile = await build("from-file", 1, log);
    assert.match(log.join(""), /articles from summary\.articles-2-of-2\.jsonl/);
    const fromRaw = await buildShard(config(path.join(work, "from-raw")), { summaryFile, shard: { index: 1, count: 2 } }, { reporter: reporter() });
    assert.equal(fromFile.articles, fromRaw.articles);
    const pages = async (d: string) => (await readdir(path.join(work, d, "site", "articles"), { recursive: true })).filter((f) => f.endsWith(".html")).sort();
    const names = await pages("from-file");
    assert.deepEqual(names, await pages("from-raw"));
    for (const f of names) assert.equal(await readFile(path.join(work, "from-file", "site", "articles", f), "utf8"), await readFile(path.join(work, "from-raw", "site", "articles", f), "utf8"), f);
  });

  it("still have the raw files checked against the summary: a changed, new or missing file refuses the shard, whose folder is left as it was", async () => {
    const changed = await mkdtemp(path.join(work, "articles-"));
    const names = (await readdir(articlesDir)).sort();
    for (const name of names) await copyFile(path.join(articlesDir, name), path.join(changed, name));
    const { index } = await readArchiveSummary(file);
    const own = index.filter((a) => articleShard(a.slug, 2) === 1).map((a) => a.source_file).sort();
    const out = path.join(work, "checked");
    await buildShard(config(out, { articlesDir: changed }), { summaryFile: file, shard: { index: 1, count: 2 } }, { reporter: reporter() });
    const before = await readFile(path.join(out, "shard.json"), "utf8");
    const refusal = () => shardError(buildShard(config(out, { articlesDir: changed }), { summaryFile: file, shard: { index: 1, count: 2 } }, { reporter: reporter() }));
    await appendFile(path.join(changed, own[0]), "\nA sentence added after the summary was made.\n");
    const edited = await refusal();
    assert.match(edited, new RegExp(`summary\\.jsonl is stale: .*1 article file changed \\(${own[0]}\\)`));
    assert.match(edited, /Make the summary again/);
    await copyFile(path.join(articlesDir, own[0]), path.join(changed, own[0]));
    await writeFile(path.join(changed, "999_new-article.txt"), "A new article\n\nIts text arrived after the summary was made.\n");
    assert.match(await refusal(), /1 article file is new \(999_new-article\.txt\)/);
    await rm(path.join(changed, "999_new-article.txt"));
    await rm(path.join(changed, own[1]));
    assert.match(await refusal(), new RegExp(`1 article file is gone \\(${own[1]}\\)`));
    assert.equal(await readFile(path.join(out, "shard.json"), "utf8"), before, "the shard built before is still there");
  });

  it("of another summary are refused, naming the article and saying to make the summary again", async () => {
    const changed = await mkdtemp(path.join(work, "articles-"));
    for (const name of await readdir(articlesDir)) await copyFile(path.join(articlesDir, name), path.join(changed, name));
    const { index } = await readArchiveSummary(file);
    const target = index.find((a) => articleShard(a.slug, 2) === 0)!;
    await appendFile(path.join(changed, target.source_file), "\nA sentence the other summary's articles have.\n");
    const otherDir = await mkdtemp(path.join(work, "other-summary-"));
    await makeArchiveSummary(config(path.join(work, "unused"), { articlesDir: changed }), path.join(otherDir, "summary.jsonl"), { reporter: reporter(), forShards: 2 });
    const saved = await readFile(articlesFile(1));
    await copyFile(path.join(otherDir, "summary.articles-1-of-2.jsonl"), articlesFile(1));
    try {
      const message = await shardError(build("other"));
      assert.match(message, new RegExp(`the article ${target.slug} is not the one the summary .*summary\\.jsonl describes`));
      assert.match(message, /--make-summary .*summary\.jsonl --for-shards 2/);
    } finally {
      await writeFile(articlesFile(1), saved);
    }
  });

  it("of another shard, cut short, or lacking one of the shard's articles are refused", async () => {
    const saved = await readFile(articlesFile(1));
    const lines = saved.toString("utf8").trimEnd().split("\n");
    try {
      await copyFile(articlesFile(2), articlesFile(1));
      assert.match(await shardError(build("wrong")), /holds the articles of shard 2\/2, not 1\/2/);
      await writeFile(articlesFile(1), `${lines.slice(0, -1).join("\n")}\n`);
      assert.match(await shardError(build("cut")), new RegExp(`is cut short: it holds ${lines.length - 2} of its ${lines.length - 1} articles`));
      const header = JSON.parse(lines[0]) as { articles: number };
      await writeFile(articlesFile(1), `${JSON.stringify({ ...header, articles: header.articles - 1 })}\n${lines.slice(2).join("\n")}\n`);
      const slug = (JSON.parse(lines[1]) as { slug: string }).slug;
      assert.match(await shardError(build("lacking")), new RegExp(`lacks 1 of this shard's articles \\(${slug}\\)`));
    } finally {
      await writeFile(articlesFile(1), saved);
    }
    await build("restored");
  });

  it("on the command line, need --make-summary and a whole number of shards", async () => {
    const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
    const fail = (args: string[]) => run(tsx, ["scripts/build.ts", ...args], { cwd: projectRoot }).then(() => assert.fail("accepted"), (e: { code: number; stderr: string }) => e);
    const alone = await fail(["--for-shards", "2"]);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--for-shards N is for making the summary/);
    const zero = await fail(["--make-summary", path.join(work, "never.jsonl"), "--for-shards", "0"]);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--for-shards takes the number of shards .* got "0"/);
  });
});

describe("merging shards", () => {
  let shard1: string;
  let shard2: string;
  let otherShard2: string;
  let wrongCount: string;

  before(async () => {
    shard1 = path.join(work, "shard-1");
    shard2 = path.join(work, "shard-2");
    await buildShard(config(shard1), { summaryFile, shard: { index: 0, count: 2 } }, { reporter: reporter() });
    await buildShard(config(shard2), { summaryFile, shard: { index: 1, count: 2 } }, { reporter: reporter() });
    // The same shard of an archive with one more article: another summary.
    const grown = await mkdtemp(path.join(work, "articles-"));
    for (const name of await readdir(articlesDir)) await copyFile(path.join(articlesDir, name), path.join(grown, name));
    await writeFile(path.join(grown, "998_late-article.txt"), "A late article\n\nThe council met again to discuss the late item on its agenda that evening.\n");
    const otherSummary = path.join(work, "other-summary.jsonl");
    await makeSummary(otherSummary, grown);
    otherShard2 = path.join(work, "other-shard-2");
    await buildShard(config(otherShard2, { articlesDir: grown }), { summaryFile: otherSummary, shard: { index: 1, count: 2 } }, { reporter: reporter() });
    wrongCount = path.join(work, "shard-2-of-3");
    await buildShard(config(wrongCount), { summaryFile, shard: { index: 1, count: 3 } }, { reporter: reporter() });
  });

  const merge = (dirs: string[], pathPrefix?: string) => mergeShards(config(path.join(work, "merged"), { pathPrefix }), dirs, { reporter: reporter() });

  it("of different summaries is refused, naming both and what to do", async () => {
    const message = await shardError(merge([shard1, otherShard2]));
    assert.match(message, /other-shard-2 was built from another archive summary \(.*other-summary\.jsonl\) than .*shard-1 \(.*summary\.jsonl\)/);
    assert.match(message, /Build every shard from the same summary/);
  });

  it("needs every shard once", async () => {
    assert.match(await shardError(merge([shard1])), /Shard 2 of 2 is missing: build it with `npm run build -- --shard 2\/2 --summary .*summary\.jsonl --output DIR` and pass its folder to --merge too/);
    assert.match(await shardError(merge([shard1, shard1, shard2])), /Shard 1\/2 is given twice/);
    assert.match(await shardError(merge([shard1, wrongCount])), /is shard 2 of 3, but .* is shard 1 of 2/);
    assert.match(await shardError(merge([shard1, path.join(work, "nothing-here")])), /nothing-here holds no built shard .*--shard I\/N/);
  });

  it("with other site settings than the shards were built with is refused", async () => {
    assert.match(await shardError(merge([shard1, shard2], "/archive/")), /other templates, code or site settings \(--path-prefix/);
  });

  it("leaves the site folder alone when it refuses", async () => {
    const site = path.join(work, "merged");
    await merge([shard1, shard2]);
    const before = await readFile(path.join(site, "index.html"));
    await shardError(merge([shard1, otherShard2]));
    assert.ok((await readFile(path.join(site, "index.html"))).equals(before));
  });
});
