import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { renderSite } from "../../src/publish/render.ts";
import { readArticleIndex } from "../../src/site/article-index.ts";
import { feedArticles } from "../../src/site/feed.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { buildSite, testConfig } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

describe("a render that writes a few pages", () => {
  it("reads the Markdown of only the articles whose pages (or feed entries) it writes, and writes them as a full build does", async () => {
    const { dir: articles } = await writeSyntheticArchive();
    const site = await buildSite(articles);
    const work = await mkdtemp(path.join(os.tmpdir(), "light-render-"));
    const content = path.join(work, "content");
    await cp(site.contentDir, content, { recursive: true });
    const index = await readArticleIndex(content);
    const model = buildSiteModel(index);
    const target = model.articles.find((a) => !feedArticles(model.articles).includes(a))!;
    const needed = new Set([target.slug, ...feedArticles(model.articles).map((a) => a.slug)]);
    // Every other article's Markdown is gone: only the index of the archive is left of them.
    for (const name of await readdir(content)) if (name.endsWith(".md") && !needed.has(name.slice(0, -3))) await rm(path.join(content, name));
    assert.ok((await readdir(content)).length < index.length / 2);

    const config = testConfig({ articlesDir: articles, contentDir: content, outputDir: path.join(work, "site") });
    const result = await renderSite({ contentDir: content, outputDir: config.outputDir, layoutsDir: config.layoutsDir, site: config.site, only: [target.url] }, 1);
    const page = `articles/${target.slug}/index.html`;
    assert.ok(result.outputs.includes(page));
    assert.ok(!result.outputs.some((f) => f.startsWith("articles/") && f !== page && f !== "articles/index.html"), "no other article page");
    for (const file of [page, "feed.xml", "index.html"]) {
      assert.ok((await readFile(path.join(config.outputDir, file))).equals(await readFile(path.join(site.dir, file))), `${file} is byte-identical to the full build's`);
    }
    await rm(work, { recursive: true, force: true });
  });
});
