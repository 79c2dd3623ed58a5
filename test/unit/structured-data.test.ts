import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { articleOpenGraph, newsArticleJsonLd, serializeJsonLd, type PageContext } from "../../src/site/structured-data.ts";

const page: PageContext = { canonicalUrl: "https://example.org/news-archive/articles/a/", siteName: "News Archive", lang: "en" };

function record(fields: Record<string, unknown> = {}) {
  return {
    title: "Trump asks cops to turn over ‘bad’ undocumented immigrants",
    summary: "The president said...",
    authors: ["Alan Gomez"],
    source: "USA TODAY",
    date: "2017-02-08",
    tags: ["immigration"],
    people: ["Donald Trump"],
    organizations: ["ICE"],
    places: ["Miami"],
    word_count: 640,
    ...fields,
  };
}

describe("structured data for article pages", () => {
  it("describes the article as a schema.org NewsArticle with its headline, date, authors and publisher", () => {
    const data = newsArticleJsonLd(record(), page);
    assert.equal(data["@type"], "NewsArticle");
    assert.equal(data.headline, "Trump asks cops to turn over ‘bad’ undocumented immigrants");
    assert.equal(data.datePublished, "2017-02-08");
    assert.deepEqual(data.author, [{ "@type": "Person", name: "Alan Gomez" }]);
    assert.deepEqual(data.publisher, { "@type": "Organization", name: "USA TODAY" });
    assert.equal(data.url, page.canonicalUrl);
  });

  it("leaves out the date, authors and publisher it does not know rather than inventing them", () => {
    const data = newsArticleJsonLd(record({ date: undefined, authors: [], source: undefined }), page);
    assert.ok(!("datePublished" in data));
    assert.ok(!("author" in data));
    assert.ok(!("publisher" in data));
  });

  it("serializes a headline containing </script> so it cannot end the script element, and still parses back", () => {
    const hostile = "</script><script>alert(1)</script><!-- & \u2028";
    const json = serializeJsonLd(newsArticleJsonLd(record({ title: hostile }), page));
    assert.ok(!json.includes("<"), json);
    assert.ok(!json.includes("\u2028"));
    const doc = parse(`<script type="application/ld+json">${json}</script>`);
    const scripts = doc.querySelectorAll("script");
    assert.equal(scripts.length, 1);
    assert.equal(JSON.parse(scripts[0].text).headline, hostile);
  });

  it("round-trips any text through the safe serialization", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const json = serializeJsonLd({ text });
        assert.ok(!/[<>]/.test(json));
        assert.deepEqual(JSON.parse(json), { text });
      }),
    );
  });

  it("gives link previews the article's title, URL, description and date", () => {
    const tags = new Map(articleOpenGraph(record({ dek: "A short dek" }), page).map((t) => [t.property, t.content]));
    assert.equal(tags.get("og:type"), "article");
    assert.equal(tags.get("og:title"), "Trump asks cops to turn over ‘bad’ undocumented immigrants");
    assert.equal(tags.get("og:url"), page.canonicalUrl);
    assert.equal(tags.get("og:description"), "A short dek");
    assert.equal(tags.get("article:published_time"), "2017-02-08");
  });
});
