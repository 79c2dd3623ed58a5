import assert from "node:assert/strict";
import { appendFile, cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A warm build (the same folders and .cache/ as the last build) renders only the pages
 * whose data changed, and gives the same bytes as a cold build of the same articles.
 */
describe("a warm build after a change", () => {
  let work: string;
  let articles: string;
  const warm = () => ({ articlesDir: articles, outputDir: path.join(work, "site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") });
  let coldRuns = 0;
  /** A cold build of the articles as they are now, in folders of its own. */
  const cold = async () => {
    const dir = path.join(work, `cold-${++coldRuns}`);
    const outcome = await publish({ articlesDir: articles, outputDir: path.join(dir, "site"), contentDir: path.join(dir, "content"), cacheDir: path.join(dir, "cache") });
    return { outcome, site: await snapshot(path.join(dir, "site")) };
  };

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "warm-build-"));
    const synthetic = await writeSyntheticArchive();
    articles = path.join(work, "articles");
    await cp(synthetic.dir, articles, { recursive: true });
    const first = await publish(warm());
    assert.ok(first.renderedAll, "the first build renders every page");
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("renders nothing and changes nothing when nothing changed", async () => {
    const before = await snapshot(path.join(work, "site"));
    const again = await publish(warm());
    assert.equal(again.changed, false);
    assert.ok(again.log.some((l) => l.includes("is up to date")), again.log.join(""));
    assertSameSite(await snapshot(path.join(work, "site")), before, "untouched site");
  });

  it("after an article's text and headline are edited: re-ingests that file, renders only the pages showing it, and equals a cold build", async () => {
    const file = path.join(articles, "010_synthetic.txt");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "A harbour story nobody expected"'));
    await appendFile(file, "\nA sentence the editor added after the first build.\n");
    const warmBuild = await publish(warm());
    assert.equal(warmBuild.ingest.analyzed, 1, "only the edited file is analysed again");
    assert.equal(warmBuild.renderedAll, false);
    assert.ok(warmBuild.changedPages.includes("/articles/a-harbour-story-nobody-expected/"));
    assert.ok(warmBuild.removedPages.includes("/articles/city-council-story-number-10-on-schools/"), "the old URL is gone");
    assert.ok(warmBuild.summary.pagesRendered! < warmBuild.summary.pagesWritten / 2, `${warmBuild.summary.pagesRendered} of ${warmBuild.summary.pagesWritten} pages rendered`);
    const coldBuild = await cold();
    assert.ok(coldBuild.outcome.renderedAll);
    assertSameSite(await snapshot(path.join(work, "site")), coldBuild.site, "warm build after an edit");
  });

  it("after one article is deleted and another renamed: removes the deleted one's pages, moves the renamed one, and equals a cold build", async () => {
    await unlink(path.join(articles, "020_synthetic.txt"));
    await rename(path.join(articles, "030_synthetic.txt"), path.join(articles, "zz-renamed.txt"));
    const warmBuild = await publish(warm());
    assert.equal(warmBuild.renderedAll, false);
    assert.equal(warmBuild.summary.articles, 111);
    assert.ok(warmBuild.removedPages.includes("/articles/city-council-story-number-20-on-housing/"));
    assert.ok(warmBuild.changedPages.includes("/articles/city-council-story-number-30-on-transit/"), "the renamed file's page shows its new source file");
    const site = await snapshot(path.join(work, "site"));
    assert.ok(!site.has("articles/city-council-story-number-20-on-housing/index.html"));
    assertSameSite(site, (await cold()).site, "warm build after a delete and a rename");
  });

  it("after an article is added: builds it into every page that lists it, and equals a cold build", async () => {
    const source = await readFile(path.join(articles, "040_synthetic.txt"), "utf8");
    await writeFile(path.join(articles, "new-arrival.txt"), source.replace(/^title: .*$/m, 'title: "A new arrival at the harbour"'));
    const warmBuild = await publish(warm());
    assert.equal(warmBuild.ingest.analyzed, 1);
    assert.ok(warmBuild.changedPages.includes("/articles/a-new-arrival-at-the-harbour/"));
    assertSameSite(await snapshot(path.join(work, "site")), (await cold()).site, "warm build after an addition");
  });
});
