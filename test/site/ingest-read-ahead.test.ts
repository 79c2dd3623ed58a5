import assert from "node:assert/strict";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { listArticleFiles } from "../../src/ingest/article-files.ts";
import { readArticlesAhead, type ArticlesReadAhead } from "../../src/publish/articles-read-ahead.ts";
import { ArticleIngest } from "../../src/publish/ingest-stage.ts";
import { ARTICLE_INDEX_FILE } from "../../src/site/article-index.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * A build's ingest process has the articles folder listed and every file read in a thread
 * while it reads its cache of analyses (readArticlesAhead), and its run takes that listing
 * and those files instead of listing and reading again. The thread must list as the run
 * would, problems included. What it builds must be what a run that reads the files
 * itself builds, and a file that could not be read ahead is treated as one that could not
 * be read: gone, left out; unreadable, refused with its name.
 */
describe("an ingest that takes the files read ahead", () => {
  const ingestOnce = async (articles: string, contentDir: string, readAhead?: Promise<ArticlesReadAhead | undefined>) => {
    const config = testConfig({ articlesDir: articles, contentDir, outputDir: path.join(contentDir, "..", "site") });
    const memo = await openArticleMemo({ version: "test", now: config.now, oneRun: true });
    const ingest = new ArticleIngest(config, memo, "test", { keepIndex: false });
    if (readAhead) ingest.takeReadAhead(readAhead);
    const result = await ingest.run(recordingReporter().reporter, { indexOnly: true });
    return { result, index: await readFile(path.join(contentDir, ARTICLE_INDEX_FILE)) };
  };

  it("lists the folder as the run would, its problems included, and reads every file listed", async () => {
    const { dir: articles } = await writeSyntheticArchive(30);
    writeFileSync(path.join(articles, "Bad Name.txt"), "Headline\n\nA paragraph of text.\n");
    symlinkSync("/etc/hostname", path.join(articles, "outside.txt"));
    writeFileSync(path.join(articles, "README.md"), "About this folder.\n");
    const ahead = await readArticlesAhead(articles);
    assert.ok(ahead, "the thread answered");
    const listing = await listArticleFiles(articles);
    assert.deepEqual(ahead.listing.files, listing.files);
    assert.deepEqual(ahead.listing.ignored, listing.ignored);
    assert.deepEqual(
      ahead.listing.errors.map((e) => [e.file, e.message, e.hint]),
      listing.errors.map((e) => [e.file, e.message, e.hint]),
    );
    assert.equal(listing.errors.length, 2, "the badly named file and the link out of the folder");
    assert.deepEqual([...ahead.files.keys()], listing.files.map((f) => f.absolutePath));
    for (const f of listing.files) assert.ok((ahead.files.get(f.absolutePath) as Buffer).equals(readFileSync(f.absolutePath)), f.file);
    assert.equal(await readArticlesAhead(path.join(articles, "no-such-folder")), undefined, "a folder that is not there: the run says why");
  });

  it("builds the same index as a run that reads the files itself", async () => {
    const { dir: articles, articles: written } = await writeSyntheticArchive(60);
    const work = await tempDir("read-ahead-ingest-");
    const itself = await ingestOnce(articles, path.join(work, "itself"));
    const ahead = await ingestOnce(articles, path.join(work, "ahead"), readArticlesAhead(articles));
    assert.equal(ahead.result.articles.length, written.length);
    assert.equal(ahead.result.filesRead, written.length);
    assert.deepEqual(ahead.result.refused, []);
    assert.ok(ahead.index.equals(itself.index), "the same index, byte for byte");
  });

  it("builds each file as it was read ahead, leaves out one gone by then, and refuses one that could not be read", async () => {
    const { dir: articles, articles: written } = await writeSyntheticArchive(12);
    const work = await tempDir("read-ahead-ingest-");
    const listed = await readArticlesAhead(articles);
    assert.ok(listed);
    const files = listed.files;
    const at = (i: number) => path.join(articles, written[i].file);
    // The text read ahead of article 0 has another headline than the file has now.
    const text = readFileSync(at(0), "utf8");
    const title = written[0].title;
    files.set(at(0), Buffer.from(text.replace(title, "Harbour ferry timetable changes")));
    files.set(at(1), { code: "ENOENT", message: `ENOENT: no such file or directory, open '${at(1)}'` });
    files.set(at(2), { code: "EIO", message: `EIO: i/o error, read` });
    await writeFile(at(3), "Changed after it was read ahead.\n");
    const { result } = await ingestOnce(articles, path.join(work, "content"), Promise.resolve({ listing: listed.listing, files }));
    const built = new Set(result.articles.map((a) => a.source_file));
    assert.equal(built.has(written[1].file), false, "the file gone is not built");
    assert.deepEqual(
      result.refused.map((r) => r.file),
      [written[2].file],
      "only the unreadable file is refused",
    );
    assert.match(result.refused[0].message, new RegExp(`^${written[2].file}: could not be read \\(EIO`));
    assert.equal(result.articles.length, written.length - 2);
    const index = readFileSync(path.join(work, "content", ARTICLE_INDEX_FILE), "utf8");
    assert.ok(index.includes("Harbour ferry timetable changes"), "article 0 is built from the text read ahead");
    assert.ok(!index.includes("Changed after it was read ahead"), "article 3 is built from the text read ahead");
    await rm(work, { recursive: true, force: true });
  });
});
