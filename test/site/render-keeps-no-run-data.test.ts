import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { renderSiteInProcess } from "../../src/publish/render.ts";
import { readArticleIndex } from "../../src/site/article-index.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { buildSite, testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A render process runs Eleventy once per round, and the dev server once per save: what a
 * run was given must be garbage once it has written its pages. Eleventy's compile cache
 * (one map for the process) kept each run's compiled templates, and through their Nunjucks
 * environment the run's whole site model: at 100,000 articles each render process grew by
 * more than a gigabyte over its rounds.
 */
describe("a render run", () => {
  it("keeps nothing of the site model it was given once a later run has written its pages", async () => {
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    const { dir: articles } = await writeSyntheticArchive();
    const site = await buildSite(articles);
    const work = await mkdtemp(path.join(os.tmpdir(), "render-run-"));
    const config = testConfig({ articlesDir: articles, contentDir: site.contentDir, outputDir: path.join(work, "site") });
    const index = await readArticleIndex(site.contentDir);
    const render = async () => {
      const model = buildSiteModel(index);
      const held = new WeakRef(model);
      const result = await renderSiteInProcess({ contentDir: site.contentDir, outputDir: config.outputDir, layoutsDir: config.layoutsDir, site: config.site, model }, { index: 0, count: 1 }, 1);
      assert.ok(result.pagesWritten > 10);
      return held;
    };
    const runs = [await render(), await render(), await render()];
    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    // Eleventy keeps a little of its latest run until the next (not the cache): only runs before it must be gone.
    assert.equal(runs[0].deref(), undefined, "the first run's model is gone");
    assert.equal(runs[1].deref(), undefined, "the second run's model is gone");
    await rm(work, { recursive: true, force: true });
  });
});
