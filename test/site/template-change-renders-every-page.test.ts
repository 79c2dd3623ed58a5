import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildVersions } from "../../src/publish/versions.ts";
import { assertSameSite, projectWithTemplate, publish, snapshot } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";

const seeds = path.join(projectRoot, "articles");

describe("after a template change", () => {
  let work: string;
  let changedProject: string;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "template-change-"));
    changedProject = await projectWithTemplate(work, "_includes/base.njk", (t) => t.replace("<body>", "<body>\n<!-- a new line in the page template -->"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("a warm build renders every page again and keeps the per-article analyses, and equals a cold build of the new templates", async () => {
    const folders = { articlesDir: seeds, outputDir: path.join(work, "site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") };
    await publish(folders);
    const warm = await publish({ ...folders, projectRoot: changedProject });
    assert.equal(warm.renderedAll, true, "every page is rendered again");
    assert.equal(warm.ingest.analyzed, 0, "no article is analysed again: templates do not change records");
    const site = await snapshot(folders.outputDir);
    assert.match(site.get("index.html")!.toString(), /a new line in the page template/);
    const cold = await publish({ articlesDir: seeds, outputDir: path.join(work, "cold/site"), contentDir: path.join(work, "cold/content"), projectRoot: changedProject });
    assertSameSite(site, await snapshot(path.join(work, "cold/site")), "warm build with new templates");
    assert.equal(cold.renderedAll, true);
  });

  it("what a change invalidates: templates and site settings the pages, never the ingest results", async () => {
    const base = testConfig({ articlesDir: seeds, outputDir: work, contentDir: work });
    const original = await buildVersions(base);
    const newTemplates = await buildVersions(testConfig({ articlesDir: seeds, outputDir: work, contentDir: work, projectRoot: changedProject }));
    assert.notEqual(newTemplates.site, original.site);
    assert.equal(newTemplates.ingest, original.ingest);
    const newPrefix = await buildVersions(testConfig({ articlesDir: seeds, outputDir: work, contentDir: work, pathPrefix: "/archive/" }));
    assert.notEqual(newPrefix.site, original.site, "a path prefix changes every link");
    assert.equal(newPrefix.ingest, original.ingest);
    assert.deepEqual(await buildVersions(base), original, "the same inputs give the same versions");
  });
});
