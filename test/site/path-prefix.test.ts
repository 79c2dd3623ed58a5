import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, listFiles, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";
import { brokenInternalLinks } from "../helpers/internal-links.ts";

const PREFIX = "/news-archive/";
let site: BuiltSite;
const read = (file: string) => readFile(path.join(site.dir, file), "utf8");

describe("a site built under the path prefix /news-archive/", () => {
  before(async () => {
    site = await buildSite((await writeSyntheticArchive()).dir, PREFIX);
  });

  it("every internal link, stylesheet, script and form stays under the prefix and leads to a built file", async () => {
    const broken = await brokenInternalLinks(site, PREFIX);
    assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken links`);
  });

  it("canonical URLs, OpenGraph URLs and JSON-LD URLs include the prefix", async () => {
    const pages = (await listFiles(site.dir)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    for (const file of pages) {
      const html = parse(await read(file));
      assert.ok(html.querySelector('link[rel="canonical"]')!.getAttribute("href")!.startsWith(`http://localhost:8080${PREFIX}`), file);
    }
    const article = pages.find((f) => /^articles\/[^/]+\/index\.html$/.test(f))!;
    const html = parse(await read(article));
    assert.ok(html.querySelector('meta[property="og:url"]')!.getAttribute("content")!.startsWith(`http://localhost:8080${PREFIX}articles/`));
    assert.ok(JSON.parse(html.querySelector('script[type="application/ld+json"]')!.text).url.startsWith(`http://localhost:8080${PREFIX}articles/`));
  });

  it("the search page loads its script and Pagefind's API from under the prefix", async () => {
    const html = parse(await read("search/index.html"));
    assert.equal(html.querySelector("pagefind-config")!.getAttribute("bundle-path"), `${PREFIX}assets/search/`);
    assert.deepEqual(html.querySelectorAll("script[src]").map((s) => s.getAttribute("src")), [`${PREFIX}assets/search.js`]);
    // The stand-in for Pagefind's API imports Pagefind's own by a relative path, which stays under the prefix.
    assert.match(await read("assets/search/pagefind.js"), /from\s*"\.\.\/\.\.\/pagefind\/pagefind\.js"/);
  });

  it("feeds, the sitemap and robots.txt give absolute URLs under the prefix", async () => {
    const atom = parse(await read("feed.xml"));
    const atomLinks = atom.querySelectorAll("link").map((l) => l.getAttribute("href")!);
    assert.ok(atomLinks.length > 20);
    for (const href of atomLinks) assert.ok(href.startsWith(`http://localhost:8080${PREFIX}`), href);
    const json = JSON.parse(await read("feed.json"));
    assert.equal(json.feed_url, `http://localhost:8080${PREFIX}feed.json`);
    for (const item of json.items) assert.ok(item.url.startsWith(`http://localhost:8080${PREFIX}articles/`), item.url);
    const locs = parse(await read("sitemap.xml")).querySelectorAll("loc").map((l) => l.text);
    assert.ok(locs.length > 100);
    for (const loc of locs) assert.ok(loc.startsWith(`http://localhost:8080${PREFIX}`), loc);
    assert.match(await read("robots.txt"), new RegExp(`^Sitemap: http://localhost:8080${PREFIX}sitemap\\.xml$`, "m"));
  });

  it("the 404 page, served at any address, links home with the prefix", async () => {
    const html = parse(await read("404.html"));
    assert.ok(html.querySelectorAll("a").some((a) => a.getAttribute("href") === PREFIX));
    assert.equal(html.querySelector('link[rel="stylesheet"]')!.getAttribute("href"), `${PREFIX}assets/site.css`);
  });
});
