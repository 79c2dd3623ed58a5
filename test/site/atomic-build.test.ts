import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BuildFailedError, runBuild } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";
import { buildSite, listFiles, projectRoot, testConfig } from "../helpers/site-build.ts";

/**
 * Builds that lose nothing: every article file becomes one page and one search
 * record, or the build fails naming the files that did not; and a failed build
 * leaves the previous site exactly as it was, with no temporary folders behind.
 */

const seeds = path.join(projectRoot, "articles");

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as [string, Buffer])));
}

function quietReporter() {
  const log: string[] = [];
  const reporter = createReporter({ isTTY: false, write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WriteStream);
  return { reporter, errors: () => log.join("").split("\n").filter((l) => l.startsWith("error: ")) };
}

async function build(options: { articlesDir?: string; outputDir: string; projectRoot?: string; beforeSwap?: (dir: string) => Promise<void> }) {
  const { reporter, errors } = quietReporter();
  const work = path.dirname(options.outputDir);
  const config = testConfig({
    articlesDir: options.articlesDir ?? seeds,
    outputDir: options.outputDir,
    contentDir: path.join(work, "..", `content-${path.basename(options.outputDir)}`),
    projectRoot: options.projectRoot,
  });
  const run = runBuild(config, { reporter, beforeSwap: options.beforeSwap });
  return { run, errors };
}

describe("every article file becomes one page and one search record", () => {
  it("the seeds: article files = article pages = Pagefind's page_count", async () => {
    const site = await buildSite();
    const articleFiles = (await readdir(seeds)).filter((f) => f.endsWith(".txt"));
    const pages = (await listFiles(site.dir)).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    const entry = JSON.parse(await readFile(path.join(site.dir, "pagefind/pagefind-entry.json"), "utf8"));
    const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    assert.equal(pages.length, articleFiles.length);
    assert.equal(indexed, articleFiles.length);
    assert.equal(site.summary.articles, articleFiles.length);
  });

  describe("when a template change loses an article", () => {
    let root: string;
    let fakeProject: string;

    /** A copy of the project whose article template is changed by `edit`. */
    async function projectWithArticleTemplate(edit: (template: string) => string): Promise<string> {
      const dir = await mkdtemp(path.join(root, "project-"));
      await cp(path.join(projectRoot, "layouts"), path.join(dir, "layouts"), { recursive: true });
      await cp(path.join(projectRoot, ".eleventy.ts"), path.join(dir, ".eleventy.ts"));
      for (const shared of ["src", "data", "node_modules", "package.json"]) await symlink(path.join(projectRoot, shared), path.join(dir, shared));
      const template = path.join(dir, "layouts/article.njk");
      const original = await readFile(template, "utf8");
      const changed = edit(original);
      assert.notEqual(changed, original, "the simulated template change applies");
      await writeFile(template, changed);
      return dir;
    }

    /**
     * Builds with the changed project. Eleventy reads the config's `dir.input` relative
     * to the working directory, so the build runs from the copy (one test file is one
     * process, and its tests run one at a time).
     */
    async function buildFrom(project: string, outputDir: string): Promise<unknown> {
      const cwd = process.cwd();
      process.chdir(project);
      try {
        const { run } = await build({ outputDir, projectRoot: project });
        return await run.then(() => undefined, (e: unknown) => e);
      } finally {
        process.chdir(cwd);
      }
    }

    before(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), "lose-nothing-"));
    });
    after(() => rm(root, { recursive: true, force: true }));

    it("fails naming the article whose page was written somewhere else", async () => {
      fakeProject = await projectWithArticleTemplate((t) =>
        t.replace(/^permalink: .*$/m, `permalink: "{{ ('/moved/' + article.slug + '/') if article.source_file == '001_5742304cf4503c0a.txt' else article.url }}"`),
      );
      const outputDir = path.join(root, "out-moved", "site");
      await mkdir(path.dirname(outputDir));
      const error = await buildFrom(fakeProject, outputDir);
      assert.ok(error instanceof BuildFailedError && /got no page: 001_5742304cf4503c0a\.txt$/.test(error.message), String(error));
      assert.deepEqual(await readdir(path.dirname(outputDir)), [], "no site, no temporary folder");
    });

    it("fails naming the article whose page would not be indexed for search", async () => {
      fakeProject = await projectWithArticleTemplate((t) =>
        t.replace("data-pagefind-body", "{% if article.source_file != '002_b04d322f93dc3252.txt' %}data-pagefind-body{% endif %}"),
      );
      const outputDir = path.join(root, "out-unindexed", "site");
      await mkdir(path.dirname(outputDir));
      const error = await buildFrom(fakeProject, outputDir);
      assert.ok(error instanceof BuildFailedError && /search would miss them: 002_b04d322f93dc3252\.txt$/.test(error.message), String(error));
      assert.deepEqual(await readdir(path.dirname(outputDir)), []);
    });
  });
});

describe("a failing build leaves the previous site untouched", () => {
  let root: string;
  let outputDir: string;
  let before1: Map<string, Buffer>;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "atomic-build-"));
    outputDir = path.join(root, "out", "site");
    await mkdir(path.dirname(outputDir));
    await (await build({ outputDir })).run;
    before1 = await snapshot(outputDir);
    assert.ok(before1.size > 10);
  });
  after(() => rm(root, { recursive: true, force: true }));

  async function assertUntouched() {
    const now = await snapshot(outputDir);
    assert.deepEqual([...now.keys()], [...before1.keys()], "same files");
    for (const [file, bytes] of before1) assert.ok(now.get(file)!.equals(bytes), `${file} is byte-identical`);
    assert.deepEqual(await readdir(path.dirname(outputDir)), ["site"], "no temporary or old folders left behind");
  }

  it("when the last step before the swap throws", async () => {
    let sawTemp = "";
    const { run } = await build({
      outputDir,
      beforeSwap: async (temp) => {
        sawTemp = temp;
        // The new site is complete at this point: prove the hook ran on a real build.
        assert.ok((await readdir(temp)).includes("pagefind"));
        throw new Error("simulated failure before the swap");
      },
    });
    await assert.rejects(run, /simulated failure before the swap/);
    assert.ok(sawTemp && sawTemp !== outputDir);
    await assertUntouched();
  });

  it("when a bad article is added, naming it", async () => {
    const articles = path.join(root, "articles-with-bad");
    await cp(seeds, articles, { recursive: true });
    await writeFile(path.join(articles, "bad.txt"), "---\npermalink: /index.html\n---\nHarbor Vote\n\nThe council voted.\n");
    const { run, errors } = await build({ articlesDir: articles, outputDir });
    await assert.rejects(run, (e: unknown) => e instanceof BuildFailedError && /1 of 5 article files/.test(e.message));
    assert.deepEqual(errors().map((l) => l.split(":").slice(0, 3).join(":")), ["error: bad.txt:2"]);
    await assertUntouched();
  });

  it("when an article is removed the next good build drops exactly its page, and leaves no folders behind", async () => {
    const articles = path.join(root, "articles-fewer");
    await cp(seeds, articles, { recursive: true });
    await rm(path.join(articles, "004_8f3418854753f031.txt"));
    await (await build({ articlesDir: articles, outputDir })).run;
    const after = await snapshot(outputDir);
    const pagesBefore = [...before1.keys()].filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    const pagesAfter = [...after.keys()].filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    assert.equal(pagesAfter.length, pagesBefore.length - 1);
    assert.deepEqual(await readdir(path.dirname(outputDir)), ["site"]);
    // Restore the four-article site for any later test.
    await (await build({ outputDir })).run;
    before1 = await snapshot(outputDir);
  });
});
