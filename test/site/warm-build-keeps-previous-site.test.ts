import assert from "node:assert/strict";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * A warm build keeps the site it replaced beside the new one ("site.prev"), and the next
 * warm build starts from it: only the files that differ are linked in, instead of a link
 * for every file of the site and a whole site deleted after the swap. The kept site
 * shares files with the live one, so bringing it up to date must never write into a file.
 */
describe("a warm build that starts from the kept previous site", () => {
  let work: string;
  let articles: string;
  const folders = () => ({ articlesDir: articles, outputDir: path.join(work, "out/site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") });
  const live = () => path.join(work, "out/site");
  const kept = () => path.join(work, "out/site.prev");
  let colds = 0;
  const coldSite = async () => {
    const dir = path.join(work, `cold-${++colds}`);
    await publish({ articlesDir: articles, outputDir: path.join(dir, "site"), contentDir: path.join(dir, "content"), cacheDir: path.join(dir, "cache") });
    return snapshot(path.join(dir, "site"));
  };
  const edit = (n: number, line: string) => appendFile(path.join(articles, `${String(n).padStart(3, "0")}_synthetic.txt`), `\n${line}\n`);

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "kept-site-"));
    articles = path.join(work, "articles");
    await cp((await writeSyntheticArchive()).dir, articles, { recursive: true });
    assert.ok((await publish(folders())).renderedAll);
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("a cold build keeps nothing; a warm build keeps the site it replaced, byte for byte as it was served", async () => {
    assert.deepEqual(await readdir(path.join(work, "out")), ["site"], "nothing kept after the first (cold) build");
    const served = await snapshot(live());
    await edit(5, "A correction to the fifth story.");
    const warm = await publish(folders());
    assert.equal(warm.renderedAll, false);
    assert.deepEqual((await readdir(path.join(work, "out"))).sort(), ["site", "site.prev"]);
    assertSameSite(await snapshot(kept()), served, "the kept site");
  });

  it("the next warm builds start from the kept site (two builds behind) and still equal a cold build, and never write into the files it shares with the live site", async () => {
    for (const [step, change] of [
      ["an edit", () => edit(7, "A correction to the seventh story.")],
      ["a deletion", () => unlink(path.join(articles, "012_synthetic.txt"))],
      ["an addition", async () => writeFile(path.join(articles, "new-one.txt"), (await readFile(path.join(articles, "040_synthetic.txt"), "utf8")).replace(/^title: .*$/m, 'title: "A late arrival at the harbour"'))],
      ["an edit of the same file as two builds ago", () => edit(7, "A second correction to the seventh story.")],
    ] as const) {
      const served = await snapshot(live());
      await change();
      const warm = await publish(folders());
      assert.equal(warm.renderedAll, false, step);
      assertSameSite(await snapshot(kept()), served, `after ${step}, the kept site is the site that was served`);
      assertSameSite(await snapshot(live()), await coldSite(), `after ${step}, the warm build`);
    }
  });

  it("a build that finds the site up to date, or refuses a bad file, keeps the copy it made of the site as the previous site", async () => {
    // Copied while ingest runs, the staging folder is a copy of the live site's pages: unused, it is kept for the next build.
    const pages = (files: Map<string, Buffer>) => new Map([...files].filter(([f]) => !/^(pagefind\/|sitemap)/.test(f)));
    await edit(15, "A correction to the fifteenth story.");
    await publish(folders());
    const upToDate = await publish(folders());
    assert.equal(upToDate.changed, false);
    assertSameSite(pages(await snapshot(kept())), pages(await snapshot(live())), "the kept site after a build that found the site up to date");
    assert.ok(existsSync(path.join(work, "cache/site-previous.json")), "with its manifest");
    await edit(15, "A second correction to the fifteenth story.");
    await writeFile(path.join(articles, "empty.txt"), "");
    await assert.rejects(publish(folders()), (error: Error & { details?: string[] }) => /could not be built/.test(error.message) && /^empty\.txt: is empty/.test(error.details?.[0] ?? ""));
    await rm(path.join(articles, "empty.txt"));
    assertSameSite(pages(await snapshot(kept())), pages(await snapshot(live())), "the kept site after a refused build");
    assert.ok(existsSync(path.join(work, "cache/site-previous.json")), "with its manifest");
    const served = await snapshot(live());
    const warm = await publish(folders());
    assert.equal(warm.renderedAll, false);
    assertSameSite(await snapshot(live()), await coldSite(), "the next warm build");
    assertSameSite(await snapshot(kept()), served, "the site it replaced, kept");
  });

  it("a kept site whose manifest is missing (a build killed before it saved it) is not used, and is replaced", async () => {
    await rm(path.join(work, "cache/site-previous.json"));
    await writeFile(path.join(kept(), "stray.html"), "<p>left by nobody knows what</p>");
    await edit(9, "A correction to the ninth story.");
    const served = await snapshot(live());
    // It is deleted while the build runs, not by the swap (at 10,000 articles, seconds at the end of the build).
    let keptAtSwap: boolean | undefined;
    const warm = await publish(folders(), { beforeSwap: async () => void (keptAtSwap = existsSync(kept())) });
    assert.equal(warm.renderedAll, false);
    assert.equal(keptAtSwap, false, "the unused kept site was gone before the swap");
    assertSameSite(await snapshot(live()), await coldSite(), "the warm build");
    assertSameSite(await snapshot(kept()), served, "the new kept site");
  });

  it("a kept site deleted by hand is only a slower warm build", async () => {
    await rm(kept(), { recursive: true });
    await edit(11, "A correction to the eleventh story.");
    const warm = await publish(folders());
    assert.equal(warm.renderedAll, false);
    assertSameSite(await snapshot(live()), await coldSite(), "the warm build");
  });

  it("a build without a cache folder keeps nothing", async () => {
    const dir = path.join(work, "no-cache");
    await mkdir(dir);
    const noCache = { articlesDir: articles, outputDir: path.join(dir, "site"), contentDir: path.join(dir, "content") };
    await publish(noCache);
    await edit(13, "A correction to the thirteenth story.");
    await publish(noCache);
    assert.deepEqual((await readdir(dir)).sort(), ["content", "site"]);
  });
});
