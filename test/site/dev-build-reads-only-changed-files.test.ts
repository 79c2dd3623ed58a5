import assert from "node:assert/strict";
import { appendFile, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ArchiveBuild, type BuildOutcome } from "../../src/publish/build.ts";
import { recordingReporter } from "../helpers/builds.ts";
import { testConfig } from "../helpers/site-build.ts";

/**
 * npm start applies a saved file without listing the whole articles folder again (a
 * second or more at 10,000 articles) when the listing's rules can be applied to the
 * file alone: at the top of the folder, or in a subfolder the last listing walked. A
 * file in a new folder, or in a folder replaced by a link, makes it list everything, so
 * the archive is always the one a fresh build reads.
 */
describe("the dev server's build after a save", () => {
  let work: string;
  let articles: string;
  let build: ArchiveBuild;
  let runs = 0;

  const story = (title: string, sentence: string) => `${title}\n\n${sentence} The harbour board met on Tuesday to decide, and members said the work would take a year.\n`;
  const config = (articlesDir: string, name: string) => ({
    ...testConfig({ articlesDir, outputDir: path.join(work, name, "site"), contentDir: path.join(work, name, "content") }),
    keepGoing: true,
  });
  /** What a fresh build of the folder as it is now reads: its articles and refused files. */
  async function fresh(): Promise<Pick<BuildOutcome["ingest"], "articles" | "refused">> {
    const cold = new ArchiveBuild(config(articles, `fresh-${++runs}`), { reporter: recordingReporter().reporter }, "serve");
    const { ingest } = await cold.build();
    await cold.removeOldSites();
    await cold.dispose();
    return { articles: ingest.articles, refused: ingest.refused };
  }
  const page = (slug: string) => readFile(path.join(work, "dev", "site", "articles", slug, "index.html"), "utf8");

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "dev-changed-files-"));
    articles = path.join(work, "articles");
    await mkdir(path.join(articles, "wire", "y2017"), { recursive: true });
    await writeFile(path.join(articles, "pier.txt"), story("Pier Repairs Approved After Long Debate", "The council approved pier repairs."));
    await writeFile(path.join(articles, "wire", "ferry.txt"), story("Ferry Fares Rise For The First Time In Years", "Ferry fares will rise in March."));
    await writeFile(path.join(articles, "wire", "y2017", "dredging.txt"), story("Harbour Dredging Starts Next Month", "Dredging of the harbour starts next month."));
    build = new ArchiveBuild(config(articles, "dev"), { reporter: recordingReporter().reporter }, "serve");
    assert.equal((await build.build()).ingest.listed, true, "the first build lists the folder");
  });
  after(async () => {
    await build.removeOldSites();
    await build.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it("reads a saved file in a subfolder alone, and its page shows the edit", async () => {
    await appendFile(path.join(articles, "wire", "y2017", "dredging.txt"), "\nThe dredger arrives from Rotterdam on Monday.\n");
    const outcome = await build.build(new Set(["wire/y2017/dredging.txt"]));
    assert.equal(outcome.ingest.listed, false, "no listing of the whole folder");
    assert.equal(outcome.ingest.filesRead, 1);
    assert.match(await page("harbour-dredging-starts-next-month"), /The dredger arrives from Rotterdam on Monday\./);
    assert.deepEqual({ articles: outcome.ingest.articles, refused: outcome.ingest.refused }, await fresh());
  });

  it("refuses a badly named file in a known subfolder with the listing's own message", async () => {
    await writeFile(path.join(articles, "wire", "Tide Tables.txt"), story("Tide Tables For The Week Ahead", "High tide is at noon."));
    const outcome = await build.build(new Set(["wire/Tide Tables.txt"]));
    assert.equal(outcome.ingest.listed, false);
    assert.deepEqual({ articles: outcome.ingest.articles, refused: outcome.ingest.refused }, await fresh());
    assert.ok(outcome.ingest.refused.some((r) => r.file === "wire/Tide Tables.txt" && /not a safe file name/.test(r.message)), JSON.stringify(outcome.ingest.refused));
    await rm(path.join(articles, "wire", "Tide Tables.txt"));
    const removed = await build.build(new Set(["wire/Tide Tables.txt"]));
    assert.deepEqual(removed.ingest.refused, [], "deleting it takes the refusal away");
  });

  it("lists the folder again for a file in a new folder, and builds it", async () => {
    await mkdir(path.join(articles, "desk"));
    await writeFile(path.join(articles, "desk", "lighthouse.txt"), story("Lighthouse Keeper Retires After Forty Years", "The lighthouse keeper retired on Friday."));
    const outcome = await build.build(new Set(["desk/lighthouse.txt"]));
    assert.equal(outcome.ingest.listed, true);
    assert.match(await page("lighthouse-keeper-retires-after-forty-years"), /The lighthouse keeper retired on Friday\./);
    assert.deepEqual({ articles: outcome.ingest.articles, refused: outcome.ingest.refused }, await fresh());
  });

  it("lists the folder again when a known folder became a link, and reads it as a fresh build would", async () => {
    await rename(path.join(articles, "wire", "y2017"), path.join(articles, "y2017"));
    await symlink(path.join(articles, "y2017"), path.join(articles, "wire", "y2017"));
    await appendFile(path.join(articles, "y2017", "dredging.txt"), "\nThe work ends in autumn.\n");
    const outcome = await build.build(new Set(["wire/y2017/dredging.txt"]));
    assert.equal(outcome.ingest.listed, true);
    const expected = await fresh();
    assert.deepEqual({ articles: outcome.ingest.articles, refused: outcome.ingest.refused }, expected);
    assert.ok(expected.articles.some((a) => a.source_file === "y2017/dredging.txt"), JSON.stringify(expected.articles));
    assert.ok(!expected.articles.some((a) => a.source_file === "wire/y2017/dredging.txt"), "the link is not a second copy of the article");
  });
});
