import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizePathPrefix, urlPrefixer } from "../../src/site/url-prefix.ts";

describe("the url filter", () => {
  it("puts site links under the path prefix", () => {
    const url = urlPrefixer("news-archive");
    assert.equal(url("/articles/x/"), "/news-archive/articles/x/");
    assert.equal(url("/"), "/news-archive/");
    assert.equal(url("/pagefind/pagefind-ui.js"), "/news-archive/pagefind/pagefind-ui.js");
  });

  it("leaves links alone without a prefix, and leaves absolute and fragment links alone", () => {
    assert.equal(urlPrefixer("/")("/articles/x/"), "/articles/x/");
    const url = urlPrefixer("/sub/");
    assert.equal(url("https://example.com/a"), "https://example.com/a");
    assert.equal(url("//cdn.example.com/a"), "//cdn.example.com/a");
    assert.equal(url("#main"), "#main");
  });

  it("passes a missing or non-text value through instead of failing the build", () => {
    const url = urlPrefixer("/sub/");
    for (const value of [undefined, null, 42, ["/a/"]]) assert.equal(url(value), value);
  });

  it("prefixes a site path even when it starts with the prefix's name", () => {
    assert.equal(urlPrefixer("/people/")("/people/x/"), "/people/people/x/");
  });

  it("normalizes the prefix's slashes", () => {
    assert.equal(normalizePathPrefix(""), "/");
    assert.equal(normalizePathPrefix("//a/b//"), "/a/b/");
  });
});
