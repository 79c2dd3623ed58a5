import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ArchiveBuild, BuildFailedError } from "../../src/publish/build.ts";
import { projectWithTemplate, recordingReporter } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";


/**
 * npm start runs the same stages as npm run build: what the production build checks and
 * writes, the dev server's builds check and write too (they used to write no sitemap and
 * skip the check that every article page has what search reads).
 */
describe("the dev server's build", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "dev-pipeline-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  async function devBuild(name: string, project = projectRoot) {
    const articlesDir = path.join(work, name, "articles");
    await mkdir(articlesDir, { recursive: true });
    for (const seed of (await readdir(path.join(projectRoot, "articles"))).filter((n) => n.endsWith(".txt"))) {
      await copyFile(path.join(projectRoot, "articles", seed), path.join(articlesDir, seed));
    }
    const outputDir = path.join(work, name, "site");
    const config = testConfig({ articlesDir, outputDir, contentDir: path.join(work, name, "content"), projectRoot: project });
    return { build: new ArchiveBuild(config, { reporter: recordingReporter().reporter }, "serve"), articlesDir, outputDir };
  }

  it("writes the sitemap, and rewrites it when a page is added", async () => {
    const { build, articlesDir, outputDir } = await devBuild("sitemap");
    await build.build();
    const sitemap = await readFile(path.join(outputDir, "sitemap.xml"), "utf8");
    assert.match(sitemap, /<loc>http:\/\/localhost:8080\/articles\/[a-z0-9-]+\/<\/loc>/);
    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour Board Approves New Ferry Dock\n\nThe harbour board approved a new ferry dock on Tuesday after months of debate about its cost.\n");
    await build.build(new Set(["harbour.txt"]));
    assert.match(await readFile(path.join(outputDir, "sitemap.xml"), "utf8"), /\/articles\/harbour-board-approves-new-ferry-dock\/<\/loc>/);
    await build.removeOldSites();
    await build.dispose();
  });

  it("fails, naming the article, when its page would have no data-pagefind-body, and serves the last good site", async () => {
    const project = await projectWithTemplate(work, "article.njk", (t) =>
      t.replace("data-pagefind-body", "{% if article.source_file != 'harbour.txt' %}data-pagefind-body{% endif %}"),
    );
    const { build, articlesDir, outputDir } = await devBuild("search-body", project);
    await build.build();
    const before = await readFile(path.join(outputDir, "index.html"), "utf8");
    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour Board Approves New Ferry Dock\n\nThe harbour board approved a new ferry dock on Tuesday after months of debate about its cost.\n");
    const error = await build.build(new Set(["harbour.txt"])).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof BuildFailedError && /no data-pagefind-body, so search would miss them: harbour\.txt$/.test(error.message), String(error));
    assert.equal(await readFile(path.join(outputDir, "index.html"), "utf8"), before, "the served home page is the last good one");
    await build.removeOldSites();
    await build.dispose();
  });
});
