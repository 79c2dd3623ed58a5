import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createReporter } from "../../src/reporter.ts";
import { ArchiveBuild, BuildFailedError, type BuildOutcome } from "../../src/publish/build.ts";
import { parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import { testConfig } from "../helpers/site-build.ts";

const article = (title: string, dateline: string) =>
  `${title}\n\n${dateline} - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January, the review said.\n\nArrivals for the week were 155,221 bags of 60 kilos, the review said.\n`;

let contentDir: string;

/** The record an article got, as its generated Markdown holds it. */
async function record(result: BuildOutcome, file: string) {
  const { slug } = result.ingest.articles.find((a) => a.source_file === file)!;
  return parseArticleMarkdown(await readFile(path.join(contentDir, `${slug}.md`), "utf8"), slug).record;
}

describe("the dev server's build reads _defaults.yml as settings", () => {
  let work: string;
  let articles: string;
  let builder: ArchiveBuild;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "dev-defaults-"));
    articles = path.join(work, "articles");
    await mkdir(path.join(articles, "reuters"), { recursive: true });
    await writeFile(path.join(articles, "reuters/cocoa.txt"), article("Bahia Cocoa Review", "SALVADOR, Feb 26"));
    await writeFile(path.join(articles, "coffee.txt"), article("Coffee Review", "SANTOS, March 3"));
    contentDir = path.join(work, "content");
    builder = new ArchiveBuild(
      testConfig({ articlesDir: articles, contentDir, outputDir: path.join(work, "site") }),
      { reporter: createReporter({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream, { quiet: true }) },
      "serve",
    );
  });
  after(async () => {
    await builder.removeOldSites();
    await builder.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it("a new _defaults.yml in a folder re-ingests that folder's articles only, and their pages show its year and source", async () => {
    const first = await builder.build();
    assert.equal((await record(first, "reuters/cocoa.txt")).date, undefined);
    assert.equal((await record(first, "reuters/cocoa.txt")).date_month_day, "02-26");

    await writeFile(path.join(articles, "reuters/_defaults.yml"), "source: Reuters\nyear: 1987\n");
    const second = await builder.build(new Set(["reuters/_defaults.yml"]));
    const cocoa = await record(second, "reuters/cocoa.txt");
    assert.equal(cocoa.date, "1987-02-26");
    assert.equal(cocoa.source, "Reuters");
    assert.equal((await record(second, "coffee.txt")).date, undefined, "an article outside the folder keeps no date");
    assert.equal(second.ingest.analyzed, 1, "only the folder's article is analysed again");
    const page = await readFile(path.join(work, "site/articles", cocoa.slug, "index.html"), "utf8");
    assert.match(page, /February 26, 1987/);
  });

  it("a _defaults.yml at the top of the articles folder reaches every article, and removing it takes its values away", async () => {
    await writeFile(path.join(articles, "_defaults.yml"), "lang: en\nyear: 1987\n");
    const added = await builder.build(new Set(["_defaults.yml"]));
    assert.equal((await record(added, "coffee.txt")).date, "1987-03-03");
    assert.equal((await record(added, "coffee.txt")).lang, "en");
    assert.equal((await record(added, "reuters/cocoa.txt")).lang, "en");

    await unlink(path.join(articles, "_defaults.yml"));
    const removed = await builder.build(new Set(["_defaults.yml"]));
    assert.equal((await record(removed, "coffee.txt")).date, undefined);
    assert.equal((await record(removed, "coffee.txt")).lang, undefined);
    assert.equal((await record(removed, "reuters/cocoa.txt")).date, "1987-02-26", "the nearer file still dates its folder");
  });

  it("a broken _defaults.yml fails the build with its file and line, and fixing it builds again", async () => {
    await writeFile(path.join(articles, "reuters/_defaults.yml"), "source: Reuters\nyear: 87\n");
    const broken = await builder.build(new Set(["reuters/_defaults.yml"])).then(() => assert.fail("the build should fail"), (e: unknown) => e);
    assert.ok(broken instanceof BuildFailedError);
    assert.match(broken.details.join("\n"), /^reuters\/_defaults\.yml:2: "year" is 87/m);

    await writeFile(path.join(articles, "reuters/_defaults.yml"), "source: Reuters\nyear: 1987\n");
    assert.equal((await record(await builder.build(new Set(["reuters/_defaults.yml"])), "reuters/cocoa.txt")).date, "1987-02-26");
  });
});
