import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { runCheck } from "../../src/check/run-check.ts";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { listArticleFiles, readArticleInputs } from "../../src/ingest/article-files.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

const NOW = new Date("2026-11-23T00:00:00Z");

/** A cocoa-report article with a dateline that has a month and day but no year. */
const article = (title: string) =>
  `${title}\n\nSALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January, the review said.\n\nArrivals for the week were 155,221 bags of 60 kilos, the review said.\n`;

describe("_defaults.yml files in the articles folder", async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "folder-defaults-"));
  const articles = path.join(work, "articles");
  const put = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(articles, file)), { recursive: true });
    await writeFile(path.join(articles, file), text);
  };
  await put("_defaults.yml", "lang: en\n");
  await put("good/_defaults.yml", "source: Reuters\nyear: 1987\n");
  await put("good/cocoa.txt", article("Bahia Cocoa Review"));
  await put("good/late/_defaults.yml", "period: 1987-09..1987-10\n");
  await put("good/late/grain.txt", article("Grain Review"));
  await put("wire/_defaults.yml", "source: Wire\nsorce: Typo\n");
  await put("wire/sugar.txt", article("Sugar Review"));
  await put("loose.txt", article("Coffee Review"));
  after(() => rm(work, { recursive: true, force: true }));

  it("are listed as settings, not as articles", async () => {
    const listing = await listArticleFiles(articles);
    assert.deepEqual(listing.files.map((f) => f.file), ["good/cocoa.txt", "good/late/grain.txt", "loose.txt", "wire/sugar.txt"]);
    assert.deepEqual(listing.defaults.map((f) => f.file), ["_defaults.yml", "good/_defaults.yml", "good/late/_defaults.yml", "wire/_defaults.yml"]);
    assert.deepEqual(listing.errors, []);
  });

  it("reach every article below them, the nearest first, and a broken one is an error naming its line", async () => {
    const { inputs, errors } = await readArticleInputs(await listArticleFiles(articles));
    const defaultsOf = (file: string) => inputs.find((i) => i.file === file)!.defaults;
    assert.deepEqual(defaultsOf("good/cocoa.txt")?.values, { source: "Reuters", lang: "en" });
    assert.equal(defaultsOf("good/cocoa.txt")?.period?.evidence, "good/_defaults.yml: year 1987");
    assert.equal(defaultsOf("good/late/grain.txt")?.period?.evidence, "good/late/_defaults.yml: period 1987-09..1987-10");
    assert.deepEqual(defaultsOf("loose.txt"), { values: { lang: "en" } });
    // The broken file is left out (its folder falls back to the one above) and reported.
    assert.deepEqual(defaultsOf("wire/sugar.txt"), { values: { lang: "en" } });
    assert.deepEqual(
      errors.map((e) => [e.file, e.line]),
      [["wire/_defaults.yml", 2]],
    );
    assert.match(errors[0].message, /^wire\/_defaults\.yml:2: key "sorce" cannot be set for a folder/);
  });

  it("a misnamed defaults file is an error that says the name to use", async () => {
    await put("misnamed/_defaults.yaml", "year: 1987\n");
    try {
      const listing = await listArticleFiles(articles);
      assert.equal(listing.errors.length, 1);
      assert.match(listing.errors[0].message, /^misnamed\/_defaults\.yaml: "_defaults\.yaml" looks like a folder defaults file, which must be named exactly _defaults\.yml/);
      const result = await runCheck({ articlesDir: "articles", files: ["articles/misnamed/_defaults.yaml"], cwd: work, now: NOW });
      assert.deepEqual(
        result.problems.map((p) => p.file),
        ["articles/misnamed/_defaults.yaml"],
        "one problem: the name (the file is not read as an article)",
      );
    } finally {
      await rm(path.join(articles, "misnamed"), { recursive: true });
    }
  });

  it("npm run check reports a broken _defaults.yml at file:line, whether it or an article below it is checked", async () => {
    for (const files of [[], ["articles/wire/_defaults.yml"], ["articles/wire/sugar.txt"], ["articles/wire"]]) {
      const result = await runCheck({ articlesDir: "articles", files, cwd: work, now: NOW });
      const broken = result.problems.filter((p) => p.file === "articles/wire/_defaults.yml");
      assert.equal(broken.length, 1, `checking ${files.join(" ") || "everything"}`);
      assert.equal(broken[0].line, 2);
      assert.equal(broken[0].severity, "error");
      assert.match(broken[0].message, /"sorce" cannot be set for a folder\. Keys a _defaults\.yml can set: source, authors, lang, section, year, period\./);
    }
    const elsewhere = await runCheck({ articlesDir: "articles", files: ["articles/good/cocoa.txt"], cwd: work, now: NOW });
    assert.deepEqual(elsewhere.problems.filter((p) => p.file.endsWith("_defaults.yml")), []);
  });

  it("npm run check dates an article by its folder's year, and tells how to date one whose folder has none", async () => {
    const result = await runCheck({ articlesDir: "articles", files: [], cwd: work, now: NOW });
    const undated = (file: string) => result.problems.filter((p) => p.file === file && /no publication (date|year)/.test(p.message));
    assert.deepEqual(undated("articles/good/cocoa.txt"), []);
    assert.deepEqual(undated("articles/good/late/grain.txt"), [], "Feb 26 is outside the late period, but the period still gives the year");
    const [loose] = undated("articles/loose.txt");
    assert.match(loose.message, /month and day only.*Add `year: YYYY` to a _defaults\.yml in its folder/);
  });
});

describe("per-article caches and folder defaults", () => {
  const bytes = new TextEncoder().encode(article("Bahia Cocoa Review"));
  const plain = { file: "reuters/cocoa.txt", bytes };
  const dated = { ...plain, defaults: { values: { source: "Reuters" }, period: { from: "1987-01-01", to: "1987-12-31", evidence: "reuters/_defaults.yml: year 1987" } } };

  it("the build's ingest cache analyses an article again when its folder defaults change, not its bytes", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defaults-cache-"));
    try {
      const run = async (input: typeof plain) => {
        const cache = await openArticleMemo({ dir, version: "test", now: NOW });
        const result = ingestArchive([input], { now: NOW, memo: cache });
        await cache.save();
        return { record: result.articles[0].record, stats: { reused: cache.stats.analyzeReused, analyzed: cache.stats.analyzed } };
      };
      assert.equal((await run(plain)).record.date, undefined);
      const withDefaults = await run(dated);
      assert.deepEqual(withDefaults.stats, { reused: 0, analyzed: 1 });
      assert.equal(withDefaults.record.date, "1987-02-26");
      assert.equal(withDefaults.record.source, "Reuters");
      assert.deepEqual((await run(dated)).stats, { reused: 1, analyzed: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the dev server's cache (decoded articles kept in memory) does the same", async () => {
    const cache = await openArticleMemo({ version: "test", now: NOW });
    assert.equal(ingestArchive([plain], { now: NOW, memo: cache }).articles[0].record.date, undefined);
    assert.equal(ingestArchive([dated], { now: NOW, memo: cache }).articles[0].record.date, "1987-02-26");
    assert.equal(ingestArchive([dated], { now: NOW, memo: cache }).articles[0].record.date, "1987-02-26");
    assert.deepEqual([cache.stats.decoded, cache.stats.decodeReused], [2, 1]);
  });
});
