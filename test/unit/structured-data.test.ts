import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { articleOpenGraph, newsArticleJsonLd, pageOpenGraph, serializeJsonLd, type PageContext } from "../../src/site/structured-data.ts";

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

describe("everything a crawler and a link preview are told", () => {
  it("the full NewsArticle: page, language, length, site, description, dateline, keywords and everyone it mentions, in order", () => {
    const data = newsArticleJsonLd(record({ dek: "A short dek", dateline: "MIAMI", tags: ["immigration", "police"], people: ["Donald Trump", "Alan Gomez"] }), page);
    assert.deepEqual(data, {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Trump asks cops to turn over ‘bad’ undocumented immigrants",
      url: page.canonicalUrl,
      mainEntityOfPage: page.canonicalUrl,
      inLanguage: "en",
      wordCount: 640,
      isPartOf: { "@type": "WebSite", name: "News Archive" },
      description: "A short dek",
      datePublished: "2017-02-08",
      author: [{ "@type": "Person", name: "Alan Gomez" }],
      publisher: { "@type": "Organization", name: "USA TODAY" },
      dateline: "MIAMI",
      keywords: ["immigration", "police"],
      mentions: [
        { "@type": "Person", name: "Donald Trump" },
        { "@type": "Person", name: "Alan Gomez" },
        { "@type": "Organization", name: "ICE" },
        { "@type": "Place", name: "Miami" },
      ],
    });
  });

  it("describes the article by its summary when it has no dek, and leaves out what is empty", () => {
    const data = newsArticleJsonLd(record({ summary: "The president said...", tags: [], people: [], organizations: [], places: [] }), page);
    assert.equal(data.description, "The president said...");
    for (const key of ["keywords", "mentions", "dateline"]) assert.ok(!(key in data), key);
    const bare = newsArticleJsonLd(record({ summary: "", dek: undefined }), page);
    assert.ok(!("description" in bare));
    assert.deepEqual(newsArticleJsonLd(record({ people: [], organizations: [], places: ["Miami"] }), page).mentions, [{ "@type": "Place", name: "Miami" }]);
    assert.deepEqual(newsArticleJsonLd(record({ people: [], organizations: ["ICE"], places: [] }), page).mentions, [{ "@type": "Organization", name: "ICE" }]);
  });

  it("escapes <, >, & and the two Unicode line separators, each on its own", () => {
    assert.equal(serializeJsonLd({ t: "a>b" }), '{"t":"a\\u003eb"}');
    assert.equal(serializeJsonLd({ t: "a&b" }), '{"t":"a\\u0026b"}');
    assert.equal(serializeJsonLd({ t: "a<b" }), '{"t":"a\\u003cb"}');
    assert.equal(serializeJsonLd({ t: "a\u2028b\u2029c" }), '{"t":"a\\u2028b\\u2029c"}');
    assert.deepEqual(JSON.parse(serializeJsonLd({ t: "<>&\u2028\u2029" })), { t: "<>&\u2028\u2029" });
  });

  it("every OpenGraph tag of an article page, a tag per topic, the summary when there is no dek", () => {
    assert.deepEqual(articleOpenGraph(record({ tags: ["immigration", "police"] }), page), [
      { property: "og:type", content: "article" },
      { property: "og:title", content: "Trump asks cops to turn over ‘bad’ undocumented immigrants" },
      { property: "og:url", content: page.canonicalUrl },
      { property: "og:site_name", content: "News Archive" },
      { property: "og:description", content: "The president said..." },
      { property: "article:published_time", content: "2017-02-08" },
      { property: "article:tag", content: "immigration" },
      { property: "article:tag", content: "police" },
    ]);
    const bare = articleOpenGraph(record({ summary: "", date: undefined, tags: [] }), page).map((t) => t.property);
    assert.deepEqual(bare, ["og:type", "og:title", "og:url", "og:site_name"]);
  });

  it("every OpenGraph tag of any other page", () => {
    assert.deepEqual(pageOpenGraph("Timeline", "Articles by date", page), [
      { property: "og:type", content: "website" },
      { property: "og:title", content: "Timeline" },
      { property: "og:url", content: page.canonicalUrl },
      { property: "og:site_name", content: "News Archive" },
      { property: "og:description", content: "Articles by date" },
    ]);
  });
});
