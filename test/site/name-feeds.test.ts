import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { buildSite, listFiles, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive, type SyntheticArticle } from "../helpers/synthetic-archive.ts";
import { xmlProblem } from "../helpers/xml-well-formed.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";

/**
 * A feed per person, organization, place, topic, section and source that three or more
 * articles name, linked from the name's pages; none for a name with fewer.
 */

let site: BuiltSite;
let synthetic: SyntheticArticle[];
let records: ArticleRecord[];
const read = (file: string) => readFile(path.join(site.dir, file), "utf8");

/** Two articles name Quentin Marsh: enough for a page of his own, not for a feed. */
const TWO_ARTICLES_NAME = "Quentin Marsh";
function marshArticle(i: number): string {
  return `---\ntitle: "Ferry captain ${i} retires after forty years"\ndate: "2019-0${i + 1}-15"\nsource: "Harbor Times"\npeople: ["${TWO_ARTICLES_NAME}"]\n---\nThe ferry captain ${TWO_ARTICLES_NAME} retired on Friday after forty years on the harbor route.\n\nPassengers gathered at the pier to wish him well.\n`;
}

/** The feed a page links in its head (beside the whole site's). */
function linkedFeed(page: ReturnType<typeof parse>): string | undefined {
  return page
    .querySelectorAll('head link[rel="alternate"][type="application/atom+xml"]')
    .map((l) => l.getAttribute("href")!)
    .find((href) => href !== "/feed.xml");
}

describe("a feed per name", () => {
  before(async () => {
    const archive = await writeSyntheticArchive();
    synthetic = archive.articles;
    for (const i of [0, 1]) await writeFile(path.join(archive.dir, `marsh-${i}.txt`), marshArticle(i));
    site = await buildSite(archive.dir);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("a person's page links the feed of their 20 newest dated articles, newest first, well-formed, with absolute links and standfirsts", async () => {
    const name = "Maria Lopez";
    const page = await readPage(site, "/people/maria-lopez/");
    assert.equal(linkedFeed(page), "/people/maria-lopez/feed.xml");
    assert.equal(page.querySelector("a.feed-link")?.getAttribute("href"), "/people/maria-lopez/feed.xml", "and a link a reader sees");
    const xml = await read("people/maria-lopez/feed.xml");
    assert.equal(xmlProblem(xml), undefined);
    const feed = parse(xml);
    assert.equal(feed.querySelector("feed > title")!.text, `${name} · News Archive`);
    const expected = records
      .filter((r) => r.people.includes(name) && r.date)
      .sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : a.slug < b.slug ? -1 : 1))
      .slice(0, 20)
      .map((r) => `http://localhost:8080/articles/${r.slug}/`);
    assert.deepEqual(feed.querySelectorAll("entry > link").map((l) => l.getAttribute("href")), expected);
    assert.ok(feed.querySelectorAll("entry > summary").every((s) => s.text.startsWith("The city council met")));
    assert.equal(feed.querySelector("feed > updated")!.text, feed.querySelectorAll("entry > updated")[0].text);
  });

  it("topics, sources and sections with three or more articles have feeds too, escaped where titles carry markup", async () => {
    for (const pagePath of ["/tags/transit/", "/sources/harbor-times/", `/sections/${records[0].section}/`]) {
      const feed = linkedFeed(await readPage(site, pagePath));
      assert.equal(feed, `${pagePath}feed.xml`, pagePath);
      assert.equal(xmlProblem(await read(feed!.slice(1))), undefined, feed);
    }
    const hostile = synthetic[synthetic.length - 2];
    const feedOf = `tags/${hostile.tags[0]}/feed.xml`;
    const titles = parse(await read(feedOf)).querySelectorAll("entry > title").map((t) => t.text);
    assert.ok(titles.includes(hostile.title), `${feedOf} holds the title with </script> & \\ as text`);
  });

  it("a name of fewer than three articles has a page but no feed, and its page links none", async () => {
    const slug = "quentin-marsh";
    const page = await readPage(site, `/people/${slug}/`);
    assert.equal(linkedFeed(page), undefined);
    assert.equal(page.querySelector("a.feed-link"), null);
    assert.ok(!(await listFiles(site.dir)).includes(`people/${slug}/feed.xml`));
  });
});

describe("a name's feed after a warm build", () => {
  let work: string;
  let articles: string;
  const warm = () => ({ articlesDir: articles, outputDir: path.join(work, "site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") });

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "name-feeds-warm-"));
    articles = path.join(work, "articles");
    await cp((await writeSyntheticArchive(30)).dir, articles, { recursive: true });
    for (const i of [0, 1, 2]) await writeFile(path.join(articles, `marsh-${i}.txt`), marshArticle(i));
    await publish(warm());
  });
  after(() => rm(work, { recursive: true, force: true }));

  /** Every feed of the site: its file's inode (a warm build keeps an unchanged file's) and bytes. */
  async function feedFiles(): Promise<Map<string, { ino: number; text: string }>> {
    const dir = path.join(work, "site");
    const feeds = (await listFiles(dir)).filter((f) => f.endsWith("/feed.xml"));
    return new Map(await Promise.all(feeds.map(async (f) => [f, { ino: (await stat(path.join(dir, f))).ino, text: await readFile(path.join(dir, f), "utf8") }] as const)));
  }

  it("after one article's headline is edited, the feeds listing it are written again with the new headline, and no other feed is", async () => {
    const before = await feedFiles();
    assert.ok(before.size >= 10, `${before.size} feeds`);
    await writeFile(path.join(articles, "marsh-1.txt"), marshArticle(1).replace("Ferry captain 1 retires", "Ferry captain 1 steers his last crossing"));
    const warmBuild = await publish(warm());
    assert.equal(warmBuild.renderedAll, false, "a warm build");
    const afterEdit = await feedFiles();
    assert.deepEqual([...afterEdit.keys()], [...before.keys()], "the same feeds");
    const rewritten = [...afterEdit].filter(([f, file]) => file.ino !== before.get(f)!.ino).map(([f]) => f);
    const differing = [...afterEdit].filter(([f, file]) => file.text !== before.get(f)!.text).map(([f]) => f);
    assert.ok(afterEdit.get("people/quentin-marsh/feed.xml")!.text.includes("Ferry captain 1 steers his last crossing"), "the name's feed shows the new headline");
    assert.ok(differing.includes("people/quentin-marsh/feed.xml"));
    assert.deepEqual(rewritten, differing, "the feeds written again are exactly those whose text changed");
    assert.ok(rewritten.length < before.size / 2, `${rewritten.length} of ${before.size} feeds written again`);
  });

  it("is gone when the name falls below three articles, and the site equals a cold build", async () => {
    assert.ok((await snapshot(path.join(work, "site"))).has("people/quentin-marsh/feed.xml"), "three articles: a feed");
    await unlink(path.join(articles, "marsh-2.txt"));
    const warmBuild = await publish(warm());
    assert.equal(warmBuild.renderedAll, false, "a warm build");
    const warmSite = await snapshot(path.join(work, "site"));
    assert.ok(!warmSite.has("people/quentin-marsh/feed.xml"), "two articles: no feed");
    const cold = path.join(work, "cold");
    await publish({ articlesDir: articles, outputDir: path.join(cold, "site"), contentDir: path.join(cold, "content"), cacheDir: path.join(cold, "cache") });
    assertSameSite(warmSite, await snapshot(path.join(cold, "site")), "warm build after a name lost its feed");
  });
});
