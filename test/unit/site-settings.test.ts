import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { siteSettings } from "../../src/site/site-settings.ts";

const base = { title: "Harbor Archive", description: "Twenty years of harbour news", lang: "en" };

describe("the site's settings (siteSettings)", () => {
  it("keep the title, description and language, and make the root URL from the origin and the path prefix", () => {
    assert.deepEqual(siteSettings({ ...base, origin: "https://example.github.io", pathPrefix: "news-archive" }), {
      ...base,
      origin: "https://example.github.io",
      pathPrefix: "/news-archive/",
      rootUrl: "https://example.github.io/news-archive/",
    });
  });

  it("reduce an origin given with a path or a trailing slash to the origin alone", () => {
    const settings = siteSettings({ ...base, origin: "https://Example.org:8443/some/path/", pathPrefix: "/" });
    assert.equal(settings.origin, "https://example.org:8443");
    assert.equal(settings.pathPrefix, "/");
    assert.equal(settings.rootUrl, "https://example.org:8443/");
  });

  it("normalize the path prefix however it is written", () => {
    for (const prefix of ["/news-archive", "news-archive/", "/news-archive/", "//news-archive//"]) {
      const settings = siteSettings({ ...base, origin: "https://example.org", pathPrefix: prefix });
      assert.equal(settings.pathPrefix, "/news-archive/", prefix);
      assert.equal(settings.rootUrl, "https://example.org/news-archive/", prefix);
    }
  });

  it("carry the build's pinned day only when one is given", () => {
    assert.equal(siteSettings({ ...base, origin: "https://example.org", pathPrefix: "/", today: "2017-02-08" }).today, "2017-02-08");
    const unpinned = siteSettings({ ...base, origin: "https://example.org", pathPrefix: "/" });
    assert.ok(!("today" in unpinned), "no `today` key: the home page uses the real day");
    assert.ok(!("today" in siteSettings({ ...base, origin: "https://example.org", pathPrefix: "/", today: "" })));
  });

  it("refuse an origin that is not a URL", () => {
    assert.throws(() => siteSettings({ ...base, origin: "example.org", pathPrefix: "/" }), TypeError);
  });
});
