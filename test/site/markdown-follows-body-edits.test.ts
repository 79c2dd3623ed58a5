import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { ArticleIngest } from "../../src/publish/ingest-stage.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { testConfig } from "../helpers/site-build.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * A build writes an article's Markdown again only when its key changes: a digest of its
 * record and of its body, the body's digest made with the analysis and kept in the cache
 * with it. An edit that changes the body and nothing in the record (a figure in the last
 * paragraph: the same words counted, the same lead) must still reach the page, in the
 * next build's ingest process, which opens the cache afresh, and in every one after.
 */
describe("the Markdown of an article edited in its body alone", () => {
  const story = (i: number, boats: number) =>
    [
      `Harbour board story number ${i}`,
      "",
      `The harbour board met on Tuesday to decide on the new quay, story ${i} of the week.`,
      "",
      `Members said work on quay ${i} would take ${i + 2} months and cost less than the last repairs.`,
      "",
      `By the end of meeting ${i} the crews had moved ${boats} boats to the outer moorings.`,
      "",
    ].join("\n");

  it("is written again by the next build, from an analysis read from the cache", async () => {
    const work = await tempDir("body-edit-");
    const articles = path.join(work, "articles");
    await mkdir(articles);
    for (let i = 0; i < 4; i++) await writeFile(path.join(articles, `story-${i}.txt`), story(i, 12));
    const config = testConfig({ articlesDir: articles, contentDir: path.join(work, "content"), outputDir: path.join(work, "site"), cacheDir: path.join(work, "cache") });
    // As a build's ingest process runs: a memo opened from the cache folder, for one run.
    const build = async () => {
      const memo = await openArticleMemo({ dir: path.join(work, "cache", "ingest"), version: "test", now: config.now, oneRun: true });
      const ingest = new ArticleIngest(config, memo, "test", { keepIndex: false });
      const result = await ingest.run(recordingReporter().reporter);
      await ingest.saveMemo();
      return result;
    };
    const first = await build();
    assert.equal(first.articles.length, 4);
    const slug = first.articles.find((a) => a.source_file === "story-2.txt")!.slug;
    const markdown = () => readFile(path.join(config.contentDir, `${slug}.md`), "utf8");
    assert.match(await markdown(), /12 boats/);

    await writeFile(path.join(articles, "story-2.txt"), story(2, 14));
    const second = await build();
    assert.equal(second.markdownWritten, 1, "its Markdown written again, and no other");
    assert.match(await markdown(), /14 boats/);

    // Back as it was: the analysis comes from the cache, and so must the digest that shows the change.
    await writeFile(path.join(articles, "story-2.txt"), story(2, 12));
    const third = await build();
    assert.equal(third.markdownWritten, 1, "its Markdown written again, and no other");
    assert.match(await markdown(), /12 boats/);
    // Every analysis from the cache, each with the digest kept with it: the same keys.
    const fourth = await build();
    assert.equal(fourth.reused, 4);
    assert.equal(fourth.markdownWritten, 0, "nothing changed, nothing written");
  });
});
