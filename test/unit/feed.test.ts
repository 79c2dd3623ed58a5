import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { compareNewestFirst } from "../../src/site/dates.ts";
import { FEED_SIZE, feedArticles, feedCollector, feedDate, feedEntries, newestFeedDate } from "../../src/site/feed.ts";
import type { ArticlePageData, SiteArticle } from "../../src/site/model.ts";

/** Newest first, as the site model lists them; every third one undated. */
function archive(n: number): ArticlePageData[] {
  return Array.from({ length: n }, (_, i) => {
    const day = n - i;
    const dated = i % 3 !== 2;
    return {
      slug: `a${i}`,
      url: `/articles/a${i}/`,
      title: `Story ${i}`,
      date: dated ? `2017-01-${String(Math.min(day, 28)).padStart(2, "0")}` : undefined,
      summary: `Summary ${i}.`,
      dek: i % 2 === 0 ? `Dek ${i}.` : undefined,
      markdown: `Body *${i}*`,
    } as unknown as ArticlePageData;
  });
}

describe("the site feeds", () => {
  it("date a month or a year from its first day, in UTC", () => {
    assert.equal(feedDate("2017-02-08").toISOString(), "2017-02-08T00:00:00.000Z");
    assert.equal(feedDate("2017-02").toISOString(), "2017-02-01T00:00:00.000Z");
    assert.equal(feedDate("2017").toISOString(), "2017-01-01T00:00:00.000Z");
    assert.equal(feedDate("1987-12-31").toISOString(), "1987-12-31T00:00:00.000Z");
  });

  it("hold the 20 newest dated articles, leaving the undated out", () => {
    const articles = archive(40);
    const chosen = feedArticles(articles as SiteArticle[]);
    assert.equal(FEED_SIZE, 20);
    assert.equal(chosen.length, 20);
    assert.ok(chosen.every((a) => a.date));
    assert.deepEqual(chosen.map((a) => a.slug), articles.filter((a) => a.date).slice(0, 20).map((a) => a.slug));
    assert.deepEqual(feedArticles(articles as SiteArticle[], 3).map((a) => a.slug), ["a0", "a1", "a3"]);
    assert.deepEqual(feedArticles([]), []);
  });

  it("give each entry its link, date, rendered body, title and dek (or summary), oldest first for the feed plugin", () => {
    const articles = archive(40);
    const entries = feedEntries(articles, (md) => `<p>${md}</p>`);
    assert.equal(entries.length, 20);
    const newestDated = articles.filter((a) => a.date).slice(0, 20).reverse();
    assert.deepEqual(entries.map((e) => e.url), newestDated.map((a) => a.url));
    const last = entries.at(-1)!;
    assert.deepEqual(
      { url: last.url, date: last.date.toISOString(), content: last.content, data: last.data },
      {
        url: "/articles/a0/",
        date: "2017-01-28T00:00:00.000Z",
        content: "<p>Body *0*</p>",
        data: { title: "Story 0", summary: "Dek 0.", page: { url: "/articles/a0/", inputPath: "./layouts/article.njk", outputPath: "articles/a0/index.html" } },
      },
    );
    assert.equal(entries.find((e) => e.url === "/articles/a1/")!.data.summary, "Summary 1.");
    assert.equal(feedEntries(articles, String, 2).map((e) => e.url).join(" "), "/articles/a1/ /articles/a0/");
    assert.deepEqual(feedEntries(archive(3).map((a) => ({ ...a, date: undefined })), String), []);
  });

  it("say the feed was updated at its newest entry, or at the epoch when it is empty", () => {
    const entries = [{ date: feedDate("2016-05-01") }, { date: feedDate("2017-02-08") }, { date: feedDate("2016-12-31") }];
    assert.equal(newestFeedDate(entries).toISOString(), "2017-02-08T00:00:00.000Z");
    assert.equal(newestFeedDate([]).getTime(), 0);
    assert.equal(newestFeedDate(undefined).getTime(), 0);
  });
});

describe("feedCollector", () => {
  it("picks, from articles seen one at a time in any order, the feed's articles of them all sorted newest first", () => {
    const dates = ["2016-03-01", "2016-03", "2016", "2016-02-28", "2017-01-05", undefined];
    const articleArb = fc.record({ slug: fc.string({ minLength: 1, maxLength: 4 }), date: fc.option(fc.constantFrom(...dates.filter(Boolean) as string[]), { nil: undefined }) });
    fc.assert(
      fc.property(fc.uniqueArray(articleArb, { selector: (a) => a.slug, maxLength: 400, size: "max" }), fc.integer({ min: 1, max: 30 }), (articles, size) => {
        const collector = feedCollector<{ slug: string; date?: string }>(size);
        for (const a of articles) collector.add(a);
        assert.deepEqual(collector.newest(), feedArticles([...articles].sort(compareNewestFirst), size));
      }),
      { numRuns: 300 },
    );
  });
});
