import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleLink } from "../../src/site/article-link.ts";
import { buildNameFeeds, NAME_FEED_MIN_ARTICLES, NAME_FEED_SIZE, nameFeed, type FeedSource } from "../../src/site/name-feeds.ts";

const link = (i: number, date?: string, standfirst?: string): ArticleLink => ({ title: `Story ${i}`, url: `/articles/s${i}/`, ...(date ? { date_datetime: date } : {}), ...(standfirst ? { standfirst } : {}) });
const source = (items: ArticleLink[], count = items.length, pageUrl = "/people/ada-park/"): FeedSource => ({ pageUrl, title: "Ada Park", subtitle: "Newest articles naming Ada Park (person)", count, items });

describe("a name's Atom feed (nameFeed)", () => {
  it("is written beside the name's page, with its title, subtitle, entries and the newest entry's date", () => {
    const feed = nameFeed(source([link(1, "2017-02-08", "The council voted."), link(2, "2017-02-07"), link(3, "2016-12")]))!;
    assert.deepEqual(feed, {
      url: "/people/ada-park/feed.xml",
      pageUrl: "/people/ada-park/",
      title: "Ada Park",
      subtitle: "Newest articles naming Ada Park (person)",
      updated: "2017-02-08T00:00:00.000Z",
      entries: [
        { title: "Story 1", url: "/articles/s1/", updated: "2017-02-08T00:00:00.000Z", summary: "The council voted." },
        { title: "Story 2", url: "/articles/s2/", updated: "2017-02-07T00:00:00.000Z" },
        { title: "Story 3", url: "/articles/s3/", updated: "2016-12-01T00:00:00.000Z" },
      ],
    });
    assert.ok(!("summary" in feed.entries[1]), "no empty summary element");
  });

  it("needs three articles naming the name: two give no feed, whatever is listed", () => {
    assert.equal(NAME_FEED_MIN_ARTICLES, 3);
    const three = [link(1, "2017-02-08"), link(2, "2017-02-07"), link(3, "2017-02-06")];
    assert.ok(nameFeed(source(three, 3)));
    assert.equal(nameFeed(source(three, 2)), undefined);
    assert.equal(nameFeed(source(three.slice(0, 2))), undefined);
  });

  it("holds the 20 newest dated articles, skipping undated ones and dates a feed cannot carry", () => {
    assert.equal(NAME_FEED_SIZE, 20);
    const items = [link(0), link(1, "--03-16"), ...Array.from({ length: 25 }, (_, i) => link(i + 2, `2017-01-${String(28 - i).padStart(2, "0")}`))];
    const feed = nameFeed(source(items))!;
    assert.equal(feed.entries.length, 20);
    assert.deepEqual(feed.entries.map((e) => e.url), items.slice(2, 22).map((l) => l.url));
    const exactly20 = nameFeed(source(items.slice(2, 22)))!;
    assert.equal(exactly20.entries.length, 20);
    assert.equal(nameFeed(source(items.slice(2, 4), 3))!.entries.length, 2, "a name whose other articles are on later pages still gets a feed of what it has");
  });

  it("takes the newest date among its entries as the feed's, wherever it is listed", () => {
    const feed = nameFeed(source([link(1, "2016-01-01"), link(2, "2017-05-04"), link(3, "2017-05")]))!;
    assert.equal(feed.updated, "2017-05-04T00:00:00.000Z");
  });

  it("is not made when no article naming it is dated", () => {
    assert.equal(nameFeed(source([link(1), link(2), link(3, "--03-16")])), undefined);
  });
});

describe("every name's feed (buildNameFeeds)", () => {
  it("returns the feeds sorted by URL and points each page of a name with a feed at it, leaving the others alone", () => {
    type Page = { url: string; feedUrl?: string; feedTitle?: string };
    const dated = [link(1, "2017-02-08"), link(2, "2017-02-07"), link(3, "2017-02-06")];
    const zoePages: Page[] = [{ url: "/people/zoe/" }, { url: "/people/zoe/page/2/" }];
    const adaPages: Page[] = [{ url: "/people/ada/" }];
    const rarePages: Page[] = [{ url: "/people/rare/" }];
    const feeds = buildNameFeeds<Page>([
      { source: { ...source(dated, 130, "/people/zoe/"), title: "Zoe" }, pages: zoePages },
      { source: source(dated.slice(0, 2), 2, "/people/rare/"), pages: rarePages },
      { source: { ...source(dated, 3, "/people/ada/"), title: "Ada" }, pages: adaPages },
    ]);
    assert.deepEqual(feeds.map((f) => f.url), ["/people/ada/feed.xml", "/people/zoe/feed.xml"]);
    assert.deepEqual(zoePages, [
      { url: "/people/zoe/", feedUrl: "/people/zoe/feed.xml", feedTitle: "Zoe (Atom feed)" },
      { url: "/people/zoe/page/2/", feedUrl: "/people/zoe/feed.xml", feedTitle: "Zoe (Atom feed)" },
    ]);
    assert.deepEqual(adaPages, [{ url: "/people/ada/", feedUrl: "/people/ada/feed.xml", feedTitle: "Ada (Atom feed)" }]);
    assert.deepEqual(rarePages, [{ url: "/people/rare/" }]);
    // The same names in the other order give the same list.
    const again = buildNameFeeds([{ source: { ...source(dated, 3, "/people/ada/"), title: "Ada" }, pages: [] }, { source: { ...source(dated, 130, "/people/zoe/"), title: "Zoe" }, pages: [] }]);
    assert.deepEqual(again.map((f) => f.url), ["/people/ada/feed.xml", "/people/zoe/feed.xml"]);
  });
});

describe("name feeds, more", () => {
  it("carry an article dated only to its year, from the year's first day", () => {
    const feed = nameFeed(source([link(1, "2015"), link(2, "2014-06"), link(3, "2013-02-01")]))!;
    assert.deepEqual(feed.entries.map((e) => e.updated), ["2015-01-01T00:00:00.000Z", "2014-06-01T00:00:00.000Z", "2013-02-01T00:00:00.000Z"]);
  });

  it("come out sorted by URL whatever order the names are given in", () => {
    const dated = [link(1, "2017-02-08"), link(2, "2017-02-07"), link(3, "2017-02-06")];
    const urls = ["/tags/e/", "/tags/d/", "/people/c/", "/places/b/", "/organizations/a/", "/events/f/"];
    for (const order of [urls, [...urls].reverse()]) {
      const feeds = buildNameFeeds(order.map((pageUrl) => ({ source: source(dated, 3, pageUrl), pages: [] })));
      assert.deepEqual(feeds.map((f) => f.pageUrl), [...urls].sort());
    }
  });
});
