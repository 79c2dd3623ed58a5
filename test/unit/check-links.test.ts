import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findBrokenLinks, formatBrokenLink } from "../../src/check/links.ts";
import { normalizePathPrefix } from "../../src/site/url-prefix.ts";

const files = new Set(["index.html", "articles/a/index.html", "assets/site.css", "pagefind/pagefind-ui.js"]);
const page = (html: string, path = "articles/a/index.html") => [{ path, html }];

describe("the built site's link check", () => {
  it("accepts links under the path prefix to pages, folders and assets", () => {
    const html = `<a href="/sub/">home</a><a href="/sub/articles/a/">a</a><a href="/sub/articles/a">a</a>
      <link href="/sub/assets/site.css" rel="stylesheet"><script src="/sub/pagefind/pagefind-ui.js"></script>`;
    assert.deepEqual(findBrokenLinks(page(html), files, "/sub/"), []);
  });

  it("resolves relative links from the page's own URL", () => {
    assert.deepEqual(findBrokenLinks(page(`<a href="../../assets/site.css">css</a><a href="./">self</a>`), files, "/sub/"), []);
    assert.deepEqual(
      findBrokenLinks(page(`<a href="../b/">b</a>`), files, "/sub/").map((b) => b.url),
      ["../b/"],
    );
  });

  it("reports a link to a page the build did not write, naming the page and the link", () => {
    assert.deepEqual(findBrokenLinks(page(`<a href="/sub/articles/missing/">x</a>`), files, "/sub/"), [
      { page: "articles/a/index.html", url: "/sub/articles/missing/", reason: "points to no built file" },
    ]);
  });

  it("reports a root link that forgets the path prefix", () => {
    const [broken] = findBrokenLinks(page(`<a href="/articles/a/">a</a>`), files, "/sub/");
    assert.match(broken.reason, /outside the site's path prefix \/sub\//);
  });

  it("ignores external links, fragments, mail and data URLs, even with query strings on internal ones", () => {
    const html = `<a href="https://example.com/x">x</a><a href="//cdn.example.com/y.js">y</a><a href="#main">skip</a>
      <a href="mailto:a@b.c">m</a><img src="data:image/png;base64,AAAA"><a href="/assets/site.css?v=2#top">css</a>`;
    assert.deepEqual(findBrokenLinks(page(html), files, "/"), []);
  });

  it("checks an internal link with a colon in its path (it is not a scheme)", () => {
    assert.deepEqual(findBrokenLinks(page(`<a href="/sub/articles/note:1/">n</a><a href="note:2/">m</a>`), files, "/sub/").map((b) => b.url), ["/sub/articles/note:1/"]);
  });

  it("reports a link whose escapes are broken, and prints each problem as page: link reason", () => {
    const broken = findBrokenLinks(page(`<a href="/sub/articles/%E0%A4%A/">x</a>`), files, "/sub/");
    assert.deepEqual(broken, [{ page: "articles/a/index.html", url: "/sub/articles/%E0%A4%A/", reason: "is not a valid URL" }]);
    assert.equal(formatBrokenLink(broken[0]), "articles/a/index.html: /sub/articles/%E0%A4%A/ is not a valid URL");
  });

  it("normalizes a path prefix written without slashes", () => {
    assert.equal(normalizePathPrefix("news-archive"), "/news-archive/");
    assert.equal(normalizePathPrefix("/"), "/");
    assert.equal(normalizePathPrefix(""), "/");
  });
});
