import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSitemaps, sitemapPaths } from "../../src/site/sitemap.ts";
import { xmlProblem } from "../helpers/xml-well-formed.ts";

/** The <loc> values of a sitemap file, in order. */
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
/** What is left of a sitemap besides its elements and their URLs: must be only line breaks and indentation. */
const strayText = (xml: string) => xml.replace(/<\?xml[^>]*\?>/, "").replace(/<loc>[^<]*<\/loc>/g, "").replace(/<[^>]+>/g, "").trim();

describe("the sitemap", () => {
  const outputs = ["index.html", "articles/a/index.html", "404.html", "feed.xml", "pagefind/x.html", "tags/a&b/index.html"];

  it("lists every written HTML page but the 404 page", () => {
    assert.deepEqual(sitemapPaths(outputs), ["/", "/articles/a/", "/tags/a&b/"]);
  });

  it("gives absolute URLs under the path prefix, escaped for XML", () => {
    const [file] = buildSitemaps(outputs, "https://example.org/news-archive/");
    assert.equal(file.path, "sitemap.xml");
    assert.match(file.xml, /<loc>https:\/\/example\.org\/news-archive\/articles\/a\/<\/loc>/);
    assert.match(file.xml, /<loc>https:\/\/example\.org\/news-archive\/tags\/a&amp;b\/<\/loc>/);
    assert.doesNotMatch(file.xml, /404/);
  });

  it("lists each page once, in the same order whatever order the pages were written in", () => {
    const pages = ["tags/b/index.html", "index.html", "articles/z/index.html", "articles/a/index.html", "people/index.html", "articles/a/index.html", "about.html"];
    const expected = ["/", "/about.html", "/articles/a/", "/articles/z/", "/people/", "/tags/b/"];
    assert.deepEqual(sitemapPaths(pages), expected);
    assert.deepEqual(sitemapPaths([...pages].reverse()), expected);
    const xml = buildSitemaps(pages, "https://example.org/")[0].xml;
    assert.equal(xml, buildSitemaps([...pages].reverse(), "https://example.org/")[0].xml, "the same bytes: builds are deterministic");
    assert.deepEqual(locs(xml), expected.map((p) => `https://example.org${p}`));
  });

  it("is a well-formed sitemaps.org document with nothing but its URLs in it", () => {
    const [file] = buildSitemaps(outputs, "https://example.org/");
    assert.equal(xmlProblem(file.xml), undefined);
    assert.match(file.xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">\n/);
    assert.equal(strayText(file.xml), "");
    assert.equal((file.xml.match(/<url><loc>/g) ?? []).length, 3);
  });

  it("stays one file up to the limit, and splits into full files with no empty one after", () => {
    const pages = (n: number) => Array.from({ length: n }, (_, i) => `articles/a${String(i).padStart(2, "0")}/index.html`);
    assert.deepEqual(buildSitemaps(pages(10), "https://example.org/", 10).map((f) => f.path), ["sitemap.xml"]);
    const files = buildSitemaps(pages(20), "https://example.org/", 10);
    assert.deepEqual(files.map((f) => f.path), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    assert.deepEqual(files.slice(1).map((f) => locs(f.xml).length), [10, 10]);
    assert.deepEqual(locs(files[0].xml), ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml"]);
    for (const f of files) {
      assert.equal(xmlProblem(f.xml), undefined, f.path);
      assert.equal(strayText(f.xml), "", f.path);
    }
  });

  it("becomes an index of several files past the per-file limit, losing no page", () => {
    const many = Array.from({ length: 25 }, (_, i) => `articles/a${String(i).padStart(2, "0")}/index.html`);
    const files = buildSitemaps(many, "https://example.org/", 10);
    assert.deepEqual(files.map((f) => f.path), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
    assert.match(files[0].xml, /<sitemapindex/);
    assert.equal((files[0].xml.match(/<sitemap>/g) ?? []).length, 3);
    const listed = files.slice(1).flatMap((f) => [...f.xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    assert.equal(listed.length, 25);
    assert.equal(new Set(listed).size, 25);
  });
});
