import assert from "node:assert/strict";
import { appendFile, cp, mkdir, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { BuildFailedError, runBuild } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";
import { ARTICLE_INDEX_FILE } from "../../src/site/article-index.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("ingesting in a child process (what npm run build does)", () => {
  const quiet = createReporter({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);

  it("builds the same articles as ingesting in the build's own process", async () => {
    const work = await tempDir("ingest-child-");
    const articlesDir = path.join(projectRoot, "articles");
    const inChild = await runBuild(testConfig({ articlesDir, outputDir: path.join(work, "a"), contentDir: path.join(work, "ca") }), { reporter: quiet, ingestInChild: true });
    const here = await runBuild(testConfig({ articlesDir, outputDir: path.join(work, "b"), contentDir: path.join(work, "cb") }), { reporter: quiet });
    assert.equal(inChild.articles, 4);
    assert.deepEqual({ ...inChild, seconds: undefined }, { ...here, seconds: undefined });
    assert.deepEqual((await readdir(path.join(work, "ca"))).sort(), (await readdir(path.join(work, "cb"))).sort());
  });

  it("a warm build there brings the index up to date from the lines it had, and equals a cold build", async () => {
    // The ingest process keeps no parsed index: unchanged articles' lines are copied from the
    // index file, changed ones written anew, deleted ones dropped, a lost one made again.
    const work = await tempDir("ingest-child-warm-");
    try {
      const articles = path.join(work, "articles");
      await cp((await writeSyntheticArchive()).dir, articles, { recursive: true });
      const folders = { articlesDir: articles, outputDir: path.join(work, "site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") };
      await publish(folders, { ingestInChild: true });
      // The cold build kept no parsed index (its hash was read line by line): the same hash a warm build makes from the parsed index.
      const again = await publish(folders, { ingestInChild: true });
      assert.equal(again.changed, false);
      assert.ok(again.log.some((l) => l.includes("is up to date")), again.log.join(""));
      const edited = path.join(articles, "010_synthetic.txt");
      await writeFile(edited, (await readFile(edited, "utf8")).replace(/^title: .*$/m, 'title: "A harbour story nobody expected"'));
      await appendFile(edited, "\nA sentence the editor added after the first build.\n");
      await unlink(path.join(articles, "020_synthetic.txt"));
      const source = await readFile(path.join(articles, "040_synthetic.txt"), "utf8");
      await writeFile(path.join(articles, "new-arrival.txt"), source.replace(/^title: .*$/m, 'title: "A new arrival at the harbour"'));
      // An index that lost an unchanged article's line (a hand edit, a disk error) gets it back.
      const indexFile = path.join(folders.contentDir, ARTICLE_INDEX_FILE);
      const lines = (await readFile(indexFile, "utf8")).split("\n");
      const lost = lines.findIndex((l) => l.includes('"source_file":"050_synthetic.txt"'));
      assert.ok(lost > 0);
      lines.splice(lost, 1);
      await writeFile(indexFile, lines.join("\n"));
      const warm = await publish(folders, { ingestInChild: true });
      assert.equal(warm.ingest.analyzed, 2, "the edited and the added file are analysed, no other");
      const cold = { articlesDir: articles, outputDir: path.join(work, "cold-site"), contentDir: path.join(work, "cold-content"), cacheDir: path.join(work, "cold-cache") };
      await publish(cold, { ingestInChild: true });
      assertSameSite(await snapshot(folders.contentDir), await snapshot(cold.contentDir), "content folder of a warm build in the ingest process");
      assertSameSite(await snapshot(folders.outputDir), await snapshot(cold.outputDir), "site of a warm build in the ingest process");
      // An index deleted by hand is made again whole, with the next change.
      await unlink(indexFile);
      await appendFile(edited, "\nOne more sentence.\n");
      await publish(folders, { ingestInChild: true });
      await rm(path.join(work, "cold-cache"), { recursive: true, force: true });
      await publish(cold, { ingestInChild: true });
      assertSameSite(await snapshot(folders.contentDir), await snapshot(cold.contentDir), "content folder after the index was deleted");
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it("prints the same warnings and writes the same list of them as ingesting in the build's own process", async () => {
    // The ingest process digests its warnings and writes their list itself, sending the
    // build the digest only (at 100,000 articles, 280,808 warnings).
    const work = await tempDir("ingest-child-warnings-");
    try {
      const articles = path.join(work, "articles");
      await cp(path.join(projectRoot, "articles"), articles, { recursive: true });
      const seed = (await readdir(articles)).find((f) => f.endsWith(".txt"))!;
      await cp(path.join(articles, seed), path.join(articles, "zz-copy.txt"));
      await mkdir(path.join(articles, "undated"));
      for (const name of ["one", "two"]) {
        await writeFile(path.join(articles, "undated", `${name}.txt`), `A harbour story, ${name}\n\nThe harbour board met and talked about the ${name} boats for a long time.\n`);
      }
      const run = async (name: string, ingestInChild: boolean) => {
        const folders = { articlesDir: articles, outputDir: path.join(work, `${name}-site`), contentDir: path.join(work, `${name}-content`), cacheDir: path.join(work, `${name}-cache`) };
        const outcome = await publish(folders, { ingestInChild });
        const printed = outcome.log.join("").split("\n").filter((l) => l.startsWith("warning: ") || l.startsWith("All "));
        return { outcome, printed: printed.map((l) => l.replace(`${name}-cache`, "CACHE")), list: await readFile(path.join(folders.cacheDir, "warnings.txt"), "utf8") };
      };
      const inChild = await run("child", true);
      const here = await run("here", false);
      assert.equal(inChild.outcome.summary.warnings, here.outcome.summary.warnings);
      assert.ok(here.outcome.summary.warnings >= 3, `the copy and the two undated articles warn (${here.outcome.summary.warnings})`);
      assert.deepEqual(inChild.printed, here.printed);
      assert.ok(inChild.printed.some((l) => l.includes("zz-copy.txt: has the same text as")), inChild.printed.join("\n"));
      assert.ok(inChild.printed.some((l) => l.includes("undated/") && l.startsWith("warning: all 2 articles")), inChild.printed.join("\n"));
      assert.ok(inChild.printed.some((l) => l.startsWith("All ") && l.endsWith("CACHE/warnings.txt")), inChild.printed.join("\n"));
      assert.equal(inChild.list, here.list);
      assert.match(inChild.list, /^undated\/one\.txt: no publication date found/m);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it("still fails the build naming the bad file", async () => {
    const work = await tempDir("ingest-child-");
    const lines: string[] = [];
    const reporter = createReporter({ isTTY: false, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream);
    await assert.rejects(
      runBuild(testConfig({ articlesDir: path.join(projectRoot, "test/fixtures/hostile/bad-front-matter"), outputDir: path.join(work, "site"), contentDir: path.join(work, "c") }), { reporter, ingestInChild: true }),
      BuildFailedError,
    );
    assert.match(lines.join(""), /error: [a-z0-9._-]+\.txt:\d+: /);
  });
});
