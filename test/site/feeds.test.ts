import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, listFiles, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive, type SyntheticArticle } from "../helpers/synthetic-archive.ts";
import { xmlProblem } from "../helpers/xml-well-formed.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";

let site: BuiltSite;
let synthetic: SyntheticArticle[];
let records: ArticleRecord[];
const read = (file: string) => readFile(path.join(site.dir, file), "utf8");

/** The 20 newest dated articles' URLs, newest first, from the ingested records. */
function expectedFeedUrls(base: string): string[] {
  return records
    .filter((r) => r.date)
    .sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : a.slug < b.slug ? -1 : 1))
    .slice(0, 20)
    .map((r) => `${base}articles/${r.slug}/`);
}

describe("feeds and sitemap", () => {
  before(async () => {
    const archive = await writeSyntheticArchive();
    synthetic = archive.articles;
    site = await buildSite(archive.dir);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("the Atom feed is well-formed XML listing the 20 newest dated articles, newest first, with absolute links", async () => {
    const xml = await read("feed.xml");
    assert.equal(xmlProblem(xml), undefined);
    const feed = parse(xml);
    const links = feed.querySelectorAll("entry > link").map((l) => l.getAttribute("href"));
    assert.deepEqual(links, expectedFeedUrls("http://localhost:8080/"));
    const hostile = synthetic[synthetic.length - 2];
    const titles = feed.querySelectorAll("entry > title").map((t) => t.text);
    assert.ok(titles.includes(hostile.title), titles[1]);
  });

  it("the JSON feed parses and lists the same 20 articles with their titles and dates", async () => {
    const feed = JSON.parse(await read("feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.deepEqual(feed.items.map((i: { url: string }) => i.url), expectedFeedUrls("http://localhost:8080/"));
    const bySlugUrl = new Map(records.map((r) => [`http://localhost:8080/articles/${r.slug}/`, r]));
    for (const item of feed.items as { url: string; title: string; date_published: string; content_html: string }[]) {
      const record = bySlugUrl.get(item.url)!;
      // The plugin's JSON template HTML-escapes titles; decoded, they are the article's own.
      const title = item.title.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#92;/g, "\\").replace(/&amp;/g, "&");
      assert.equal(title, record.title);
      assert.equal(item.date_published.slice(0, 10), record.date);
      assert.ok(item.content_html.includes("city council"), "the article body");
    }
  });

  it("every page links to both feeds from its head", async () => {
    const pages = (await listFiles(site.dir)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    for (const file of pages) {
      const head = parse(await read(file)).querySelector("head")!;
      assert.equal(head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), "/feed.xml", file);
      assert.equal(head.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href"), "/feed.json", file);
    }
  });

  it("the sitemap is well-formed XML listing every page but the 404 page, by absolute URL", async () => {
    const xml = await read("sitemap.xml");
    assert.equal(xmlProblem(xml), undefined);
    const listed = parse(xml).querySelectorAll("url > loc").map((l) => l.text);
    const pages = (await listFiles(site.dir))
      .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/") && f !== "404.html")
      .map((f) => `http://localhost:8080/${f.replace(/index\.html$/, "")}`)
      .sort();
    assert.deepEqual([...listed].sort(), pages);
  });

  it("the well-formedness check rejects broken XML", () => {
    assert.ok(xmlProblem('<?xml version="1.0"?><a><b></a></b>'));
    assert.ok(xmlProblem('<?xml version="1.0"?><a>Tom & Jerry</a>'));
    assert.ok(xmlProblem('<?xml version="1.0"?><a></a><a></a>'));
    assert.equal(xmlProblem('<?xml version="1.0"?><a x="1"><b/>&amp;&#39;</a>'), undefined);
  });
});
