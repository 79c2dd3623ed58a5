import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { analysisShareOf, analyzeShare, ANALYSIS_MANIFEST_FILE, parseAnalyzeFlag } from "../../src/publish/analysis-stage.ts";
import type { ArchiveConfig } from "../../src/publish/config.ts";
import { ShardBuildError } from "../../src/publish/shard-errors.ts";
import { makeArchiveSummary } from "../../src/publish/summary-stage.ts";
import { buildVersions } from "../../src/publish/versions.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * The analysis jobs of a sharded build (`--analyze I/N`) share the per-article analysis
 * between machines; the summary made from their folders (`--make-summary FILE --analyses
 * DIR...`) is the summary one job makes alone, and every way of putting them together
 * wrongly gets an error that says what to do.
 */

const run = promisify(execFile);
let work: string;
let articlesDir: string;
let plainSummary: Buffer;
const shares: string[] = [];

const config = (outputDir: string, dir = articlesDir, cacheDir?: string): ArchiveConfig => testConfig({ articlesDir: dir, outputDir, contentDir: path.join(work, "content"), cacheDir });
const onDay = (c: ArchiveConfig, day: string): ArchiveConfig => ({ ...c, now: new Date(`${day}T00:00:00Z`), site: { ...c.site, today: day } });

async function analyze(dir: string, index: number, count: number, from = articlesDir, cacheDir?: string): Promise<string> {
  await analyzeShare(config(dir, from, cacheDir), { share: { index, count } }, { reporter: recordingReporter().reporter });
  return dir;
}

async function summarize(name: string, analyses: string[] | undefined, from = articlesDir, cacheDir?: string): Promise<{ bytes: Buffer; log: string; result: Awaited<ReturnType<typeof makeArchiveSummary>> }> {
  const { reporter, log } = recordingReporter();
  const file = path.join(work, name);
  const result = await makeArchiveSummary(config(path.join(work, "unused"), from, cacheDir), file, { reporter, analyses });
  return { bytes: await readFile(file), log: log.join(""), result };
}

async function shardError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ShardBuildError, `a ShardBuildError, not ${error}`);
  return error.message;
}

/** The article files a share's folder holds analyses and evidence facts of. */
async function filesIn(dir: string): Promise<{ analysed: string[]; facts: string[] }> {
  const analysed: string[] = [];
  const facts: string[] = [];
  const ingest = path.join(dir, "ingest");
  for (const version of await readdir(ingest)) {
    for (const name of await readdir(path.join(ingest, version))) {
      const text = await readFile(path.join(ingest, version, name), "utf8");
      if (/^\d+\.json$/.test(name)) analysed.push(...Object.keys(JSON.parse(text)));
      if (/^facts-\d+\.txt$/.test(name)) facts.push(...text.split("\n").filter(Boolean).map((line) => JSON.parse(line.slice(0, line.indexOf("\t"))) as string));
    }
  }
  return { analysed: analysed.sort(), facts: facts.sort() };
}

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "analysis-jobs-"));
  articlesDir = (await writeSyntheticArchive(24)).dir;
  plainSummary = (await summarize("plain.jsonl", undefined)).bytes;
  for (let i = 0; i < 3; i++) shares.push(await analyze(path.join(work, `analysis-${i + 1}`), i, 3));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(articlesDir, { recursive: true, force: true });
});

describe("--analyze I/N", () => {
  it("takes the share's number from 1 to N, and refuses anything else showing the form", () => {
    assert.deepEqual(parseAnalyzeFlag("2/4"), { index: 1, count: 4 });
    assert.deepEqual(parseAnalyzeFlag(" 1 / 1 "), { index: 0, count: 1 });
    const message = (value: string) => {
      try {
        parseAnalyzeFlag(value);
      } catch (error) {
        assert.ok(error instanceof ShardBuildError);
        return error.message;
      }
      assert.fail(`--analyze ${value} was accepted`);
    };
    assert.match(message("0/0"), /at least one share/);
    assert.match(message("3/2"), /no share 3 of 2/);
    assert.match(message("0/4"), /no share 0 of 4/);
    for (const bad of ["two", "2", "/4", "1.5/4"]) assert.match(message(bad), /is not I\/N.*--analyze 2\/4 analyses the second of four shares/, bad);
  });

  it("each share keeps the analyses and evidence facts of its own files only, and the shares together every file once", async () => {
    const all = (await readdir(articlesDir)).filter((f) => f.endsWith(".txt")).sort();
    const seen: string[] = [];
    for (const [i, dir] of shares.entries()) {
      const { analysed, facts } = await filesIn(dir);
      const own = all.filter((file) => analysisShareOf(file, 3) === i);
      assert.ok(own.length > 0 && own.length < all.length, `share ${i + 1} has some of the files`);
      assert.deepEqual(analysed, own, `share ${i + 1}'s analyses`);
      assert.deepEqual(facts, own, `share ${i + 1}'s evidence facts`);
      seen.push(...analysed);
      const manifest = JSON.parse(await readFile(path.join(dir, ANALYSIS_MANIFEST_FILE), "utf8"));
      assert.deepEqual([manifest.share, manifest.count, manifest.files, manifest.shareFiles, manifest.analyzed], [i + 1, 3, all.length, own.length, own.length]);
    }
    assert.deepEqual(seen.sort(), all);
  });

  it("on the command line: --analyses belongs to --make-summary, --analyze needs --output, and a bad share is refused, without a stack trace", async () => {
    const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
    const fail = (args: string[]) =>
      run(tsx, ["scripts/build.ts", "--articles", articlesDir, ...args], { cwd: projectRoot }).then(
        () => assert.fail(`${args.join(" ")} succeeded`),
        (e: { code: number; stderr: string }) => e,
      );
    for (const [args, expected] of [
      [["--analyses", shares[0]], /--analyses DIR\.\.\. is for making the summary/],
      [["--analyze", "1/2"], /--analyze needs --output DIR/],
      [["--analyze", "3/2", "--output", path.join(work, "cli")], /no share 3 of 2/],
      [["--make-summary", path.join(work, "cli.jsonl"), "--analyses"], /--analyses needs the analysis jobs' folders/],
    ] as const) {
      const result = await fail([...args]);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, expected);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    }
  });
});

describe("a summary made from the analysis jobs' folders", () => {
  it("is the summary one job makes alone, byte for byte, and analyses no article itself", async () => {
    const { bytes, result, log } = await summarize("from-analyses.jsonl", shares);
    assert.ok(bytes.equals(plainSummary));
    assert.equal(result.analyzed, 0);
    assert.equal(result.reused, 24);
    assert.doesNotMatch(log, /analysed by this summary job/);
  });

  it("analyses an article changed after the analysis jobs ran again, says so, and is the summary made alone from the changed articles", async () => {
    const changed = await mkdtemp(path.join(work, "articles-"));
    const names = (await readdir(articlesDir)).sort();
    for (const name of names) await copyFile(path.join(articlesDir, name), path.join(changed, name));
    await appendFile(path.join(changed, names[4]), "\nThe committee's chair added a sentence after the analysis jobs had run.\n");
    const alone = await summarize("changed-alone.jsonl", undefined, changed);
    const split = await summarize("changed-split.jsonl", shares, changed);
    assert.ok(split.bytes.equals(alone.bytes), "the same summary");
    assert.ok(!split.bytes.equals(plainSummary), "the change shows in the summary");
    assert.equal(split.result.analyzed, 1);
    assert.match(split.log, /warning: 1 article was analysed by this summary job, not taken from --analyses: it changed after the analysis jobs read the articles/);
  });

  it("with caches: an analysis job takes unchanged articles' analyses from the last summary's cache, and the summary saves every analysis into its own", async () => {
    const lastCache = path.join(work, "last-summary-cache");
    assert.ok((await summarize("cached.jsonl", undefined, articlesDir, lastCache)).bytes.equals(plainSummary));
    const all = (await readdir(articlesDir)).filter((f) => f.endsWith(".txt")).sort();
    const warm: string[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = await analyze(path.join(work, `warm-analysis-${i + 1}`), i, 2, articlesDir, lastCache);
      const manifest = JSON.parse(await readFile(path.join(dir, ANALYSIS_MANIFEST_FILE), "utf8"));
      assert.equal(manifest.analyzed, 0, `share ${i + 1} analysed nothing again`);
      // Still its whole share, for the summary.
      const own = all.filter((file) => analysisShareOf(file, 2) === i);
      assert.deepEqual(await filesIn(dir), { analysed: own, facts: own });
      warm.push(dir);
    }
    const newCache = path.join(work, "new-summary-cache");
    const made = await summarize("warm.jsonl", warm, articlesDir, newCache);
    assert.ok(made.bytes.equals(plainSummary));
    assert.equal(made.result.analyzed, 0);
    const next = await summarize("next.jsonl", undefined, articlesDir, newCache);
    assert.equal(next.result.analyzed, 0, "the next summary finds every analysis in the cache");
    assert.ok(next.bytes.equals(plainSummary));
  });

  it("needs every share of the same N once", async () => {
    assert.match(await shardError(summarize("x.jsonl", [shares[0], shares[2]])), /Share 2 of 3 is missing: analyse it with `npm run build -- --analyze 2\/3 --output DIR` and pass its folder to --analyses too/);
    assert.match(await shardError(summarize("x.jsonl", [shares[0], shares[1], shares[1], shares[2]])), /analysis-2 and .*analysis-2 are both share 2 of 3: give each share's folder once/);
    const otherN = await analyze(path.join(work, "analysis-1-of-2"), 0, 2);
    assert.match(await shardError(summarize("x.jsonl", [...shares, otherN])), /analysis-1-of-2 is share 1 of 2, but .*analysis-1 is share 1 of 3/);
    assert.match(await shardError(summarize("x.jsonl", [shares[0], path.join(work, "nothing-here")])), /nothing-here holds no analyses of articles .*npm run build -- --analyze I\/N --output .*nothing-here/);
  });

  it("must come from the same ingest code, the same day and the same articles", async () => {
    const versions = { ...(await buildVersions(config(work))), ingest: "another-version-of-the-ingest-code" };
    const other = await makeArchiveSummary(config(work), path.join(work, "x.jsonl"), { reporter: recordingReporter().reporter, versions, analyses: shares }).then(
      () => "",
      (e: Error) => e.message,
    );
    assert.match(other, /analysis-1 was analysed by another version of the ingest code .*analyse share 1\/3 again/);

    const nextDay = await makeArchiveSummary(onDay(config(work), "2026-11-24"), path.join(work, "x.jsonl"), { reporter: recordingReporter().reporter, analyses: shares }).then(
      () => "",
      (e: Error) => e.message,
    );
    assert.match(nextDay, /analysis-1 was analysed for the day 2026-11-23, but this summary is for 2026-11-24: give every job the same --now/);

    const grown = await mkdtemp(path.join(work, "articles-"));
    for (const name of await readdir(articlesDir)) await copyFile(path.join(articlesDir, name), path.join(grown, name));
    await writeFile(path.join(grown, "998_late-article.txt"), "A late article\n\nThe council met again to discuss the late item on its agenda that evening.\n");
    const grownShare = await analyze(path.join(work, "grown-2"), 1, 3, grown);
    assert.match(await shardError(summarize("x.jsonl", [shares[0], grownShare, shares[2]], grown)), /grown-2 and .*analysis-1 were analysed from different articles \(25 and 24 files/);
  });

  it("leaves an existing summary alone when it refuses", async () => {
    const file = path.join(work, "kept.jsonl");
    await writeFile(file, plainSummary);
    await shardError(makeArchiveSummary(config(work), file, { reporter: recordingReporter().reporter, analyses: [shares[0]] }));
    assert.ok((await readFile(file)).equals(plainSummary));
  });
});
