import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ArchiveBuild, runBuild } from "../../src/publish/build.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";

/**
 * The dev server's preview of a saved article (ArchiveBuild.preview): its page made from
 * its new text alone, before the archive-wide passes of the build that follows. When those
 * passes change nothing about it, the preview is that build's page, byte for byte, and the
 * build renders it no more; a server stopped between the two leaves a cache and content
 * folder the next build starts from as if from scratch.
 */
describe("the dev server's preview of a saved article", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "dev-preview-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const FILE = "000_12e87a7c7f271ebb.txt";

  async function project(name: string) {
    const articlesDir = path.join(work, name, "articles");
    await mkdir(articlesDir, { recursive: true });
    for (const seed of (await readdir(path.join(projectRoot, "articles"))).filter((n) => n.endsWith(".txt"))) {
      await copyFile(path.join(projectRoot, "articles", seed), path.join(articlesDir, seed));
    }
    const folders = { articlesDir, outputDir: path.join(work, name, "site"), contentDir: path.join(work, name, "content"), cacheDir: path.join(work, name, "cache") };
    return { folders, config: testConfig(folders) };
  }

  /** Every file of a built site but the search index, by path. */
  async function siteFiles(dir: string): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
      const rel = path.relative(dir, path.join(f.parentPath, f.name));
      if (!/^pagefind(-[^/]*)?\//.test(rel)) files.set(rel, await readFile(path.join(dir, rel)));
    }
    return files;
  }

  function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
    return [...new Set([...a.keys(), ...b.keys()])].filter((f) => !a.get(f) || !b.get(f) || !a.get(f)!.equals(b.get(f)!)).sort();
  }

  async function coldSite(name: string, articlesDir: string): Promise<Map<string, Buffer>> {
    const outputDir = path.join(work, name, "site");
    await runBuild(testConfig({ articlesDir, outputDir, contentDir: path.join(work, name, "content") }), { reporter: recordingReporter().reporter });
    return siteFiles(outputDir);
  }

  /** The Markdown files and the index of a content folder, by name. */
  async function contentFiles(dir: string): Promise<Map<string, Buffer>> {
    return new Map(await Promise.all((await readdir(dir)).map(async (name) => [name, await readFile(path.join(dir, name))] as [string, Buffer])));
  }

  /**
   * A dev server's build of the seeds in a folder of its own, built once, handed to `use`
   * with the saved file's path, then let go (its old sites and temporary folder removed).
   */
  async function withServedArchive(name: string, use: (served: { build: ArchiveBuild; folders: Awaited<ReturnType<typeof project>>["folders"]; file: string }) => Promise<void>) {
    const { folders, config } = await project(name);
    const build = new ArchiveBuild(config, { reporter: recordingReporter().reporter }, "serve");
    try {
      await build.build();
      await use({ build, folders, file: path.join(folders.articlesDir, FILE) });
    } finally {
      await build.removeOldSites();
      await build.dispose();
    }
    return { folders, config };
  }

  /** Appends a sentence of short words only: no name, tag or content word of the article changes. */
  async function appendShortSentence(file: string) {
    await writeFile(file, `${(await readFile(file, "utf8")).trimEnd()}\n\nSo it is.\n`);
  }

  it("shows the new text at once, and is the page the build after it makes when nothing archive-wide changed", async () => {
    await withServedArchive("same", async ({ build, folders, file }) => {
      await appendShortSentence(file);
      const preview = await build.preview(new Set([FILE]));
      assert.ok(preview, "the save is previewed");
      assert.equal(preview.pages.length, 1);
      const pageFile = path.join(folders.outputDir, preview.pages[0], "index.html");
      const previewed = await readFile(pageFile, "utf8");
      assert.match(previewed, /So it is\./, "the served page shows the new sentence");
      const markdown = await readdir(folders.contentDir).then((names) => names.find((n) => preview.pages[0].includes(n.replace(/\.md$/, ""))));
      assert.ok(markdown);
      const previewMarkdown = await readFile(path.join(folders.contentDir, markdown), "utf8");

      const outcome = await build.build(new Set([FILE]));
      assert.deepEqual(outcome.changedPages, [], "the build after the preview renders no page again");
      assert.equal(await readFile(pageFile, "utf8"), previewed);
      assert.equal(await readFile(path.join(folders.contentDir, markdown), "utf8"), previewMarkdown, "the preview wrote the record the build makes");
      assert.deepEqual(differences(await siteFiles(folders.outputDir), await coldSite("same-cold", folders.articlesDir)), []);
      assert.deepEqual(differences(await contentFiles(folders.contentDir), await contentFiles(path.join(work, "same-cold", "content"))), [], "the content folder and its index are a cold build's");
    });
  });

  it("is not made for a new headline (the page may move), a new file, or an unchanged save", async () => {
    await withServedArchive("none", async ({ build, folders, file }) => {
      const text = await readFile(file, "utf8");
      assert.equal(await build.preview(new Set([FILE])), undefined, "nothing changed");
      await writeFile(path.join(folders.articlesDir, "harbour.txt"), "Harbour Board Approves New Ferry Dock\n\nThe harbour board approved a new ferry dock on Tuesday after months of debate about its cost.\n");
      assert.equal(await build.preview(new Set(["harbour.txt"])), undefined, "a new file");
      const lines = text.split("\n");
      const headline = lines[0] === "---" ? lines.indexOf("---", 1) + 1 : 0;
      lines[headline] = "Police Chiefs Weigh In On Federal Funding";
      await writeFile(file, lines.join("\n"));
      assert.equal(await build.preview(new Set([FILE])), undefined, "a headline that gives another slug");
    });
  });

  it("leaves a cache the next build starts from when the server stops right after it", async () => {
    const { folders, config } = await withServedArchive("stopped", async ({ build, file }) => {
      await appendShortSentence(file);
      assert.ok(await build.preview(new Set([FILE])));
    });
    // The server stopped: a production build over the same folders and cache.
    await runBuild(config, { reporter: recordingReporter().reporter });
    assert.deepEqual(differences(await siteFiles(folders.outputDir), await coldSite("stopped-cold", folders.articlesDir)), []);
    assert.deepEqual(differences(await contentFiles(folders.contentDir), await contentFiles(path.join(work, "stopped-cold", "content"))), []);
  });
});
