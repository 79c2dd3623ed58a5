import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSitemaps, sitemapPaths } from "../../src/site/sitemap.ts";

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
