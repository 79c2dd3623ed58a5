import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleRecord } from "../../src/schema.ts";
import { indexArticle, type IndexedArticle } from "../../src/site/article-index.ts";
import { articleLink } from "../../src/site/article-link.ts";
import {
  LISTING_PAGE_SIZE,
  PAGE_SHARDS,
  articleUrl,
  buildSiteModel,
  inShare,
  pageShard,
  pagesByRound,
  pagesInShare,
  paginate,
  selectPages,
  shareOf,
  type SiteModel,
} from "../../src/site/model.ts";
import { articleRecord } from "../helpers/records.ts";

function article(slug: string, fields: Partial<ArticleRecord> = {}): IndexedArticle {
  return indexArticle(articleRecord(slug, { word_count: 460, ...fields }), `Body of ${slug}.\n`);
}

const day = (d: string): Partial<ArticleRecord> => ({ date: d, date_precision: "day" });
const allPageUrls = (model: SiteModel) => (Object.values(model.pages) as { url: string }[][]).flat().map((p) => p.url);

describe("the site model's articles", () => {
  it("are listed newest first, undated last, whatever the input order", () => {
    const input = [article("b-undated"), article("old", day("2001-03-04")), article("new", day("2017-02-08")), article("a-undated"), article("mid", day("2009-06-01"))];
    for (const order of [input, [...input].reverse()]) {
      const model = buildSiteModel(order);
      assert.deepEqual(model.articles.map((a) => a.slug), ["new", "mid", "old", "a-undated", "b-undated"]);
      assert.deepEqual(model.totals, { articles: 5, undated: 2 });
    }
  });

  it("link each dated article to the next older (previous) and next newer (next), skipping undated ones", () => {
    const model = buildSiteModel([article("new", day("2017-02-08")), article("undated"), article("mid", day("2010-01-01")), article("old", day("2001-01-01"))]);
    const by = (slug: string) => model.articles.find((a) => a.slug === slug)!;
    assert.equal(by("new").previous?.url, "/articles/mid/");
    assert.equal(by("new").next, undefined, "nothing is newer than the newest");
    assert.equal(by("mid").previous?.url, "/articles/old/");
    assert.equal(by("mid").next?.url, "/articles/new/");
    assert.equal(by("old").previous, undefined, "nothing is older than the oldest");
    assert.equal(by("old").next?.url, "/articles/mid/");
    assert.equal(by("undated").previous, undefined);
    assert.equal(by("undated").next, undefined);
  });

  it("carry their URL, reading time (at least a minute), date label and links to source and section", () => {
    const model = buildSiteModel([
      article("long", { ...day("2017-02-08"), word_count: 2300, source: "USA TODAY", section: "politics" }),
      article("short", { word_count: 12 }),
      article("other", { ...day("2017-02-07"), source: "USA Today" }),
      article("third", { ...day("2017-02-06"), source: "USA Today" }),
    ]);
    const long = model.articles.find((a) => a.slug === "long")!;
    assert.equal(long.url, articleUrl("long"));
    assert.equal(long.url, "/articles/long/");
    assert.equal(long.reading_minutes, 10);
    assert.equal(long.date_label, "Wednesday, February 8, 2017");
    assert.equal(long.date_datetime, "2017-02-08");
    assert.equal(long.source_url, "/sources/usa-today/");
    assert.equal(long.section_name, "Politics");
    assert.equal(long.section_url, "/sections/politics/");
    const short = model.articles.find((a) => a.slug === "short")!;
    assert.equal(short.reading_minutes, 1, "a 12-word article still takes a minute");
    assert.equal(short.source_url, undefined);
    assert.equal(short.section_name, undefined);
    assert.equal(short.section_url, undefined);
    assert.equal(model.articles.find((a) => a.slug === "other")!.date_label, "Tuesday, February 7, 2017");
    // Lists and search name a source as its page does, whatever spelling the article used.
    assert.equal(articleLink(long).source, model.sources.shownName.get("USA TODAY"));
    assert.ok(long.search!.filters.some((f) => f.name === "source" && f.value === model.sources.shownName.get("USA TODAY")));
    assert.equal(model.sources.shownName.get("USA TODAY"), "USA Today", "the spelling most articles use");
    assert.equal(articleLink(long).source, "USA Today");
    assert.deepEqual(long.search!.filters.filter((f) => f.name === "source").map((f) => f.value), ["USA Today"]);
    assert.ok(!("source" in articleLink(short)), "no source, no empty source on the link");
  });

  it("turn related and same-story slugs into links, dropping slugs no article has", () => {
    const model = buildSiteModel([
      article("a", { ...day("2017-01-03"), related: ["b", "gone", "c"], same_story: ["c"] }),
      article("b", day("2017-01-02")),
      article("c", day("2017-01-01")),
    ]);
    const a = model.articles.find((x) => x.slug === "a")!;
    assert.deepEqual(a.related_links.map((l) => l.url), ["/articles/b/", "/articles/c/"]);
    assert.deepEqual(a.same_story_links.map((l) => l.url), ["/articles/c/"]);
    assert.deepEqual(model.articles.find((x) => x.slug === "b")!.related_links, []);
  });

  it("give each article its names as links, aligned with the article", () => {
    const model = buildSiteModel([article("x", { ...day("2017-01-02"), people: ["Ana Ruiz"] }), article("y", { ...day("2017-01-01"), people: ["Ana Ruiz", "Bo Chan"] })]);
    const y = model.articles.find((a) => a.slug === "y")!;
    assert.deepEqual(y.entity_groups.map((g) => g.items.map((i) => [i.name, i.url])), [[["Ana Ruiz", "/people/ana-ruiz/"], ["Bo Chan", undefined]]]);
  });
});

describe("the home page's lists", () => {
  it("show the ten newest dated articles, never an undated one, and the top twelve topics and people", () => {
    const tags = Array.from({ length: 14 }, (_, i) => `topic ${String(i).padStart(2, "0")}`);
    const input = [
      article("undated-1", { tags, people: ["Ana Ruiz"] }),
      ...Array.from({ length: 12 }, (_, i) => article(`d${String(i).padStart(2, "0")}`, { ...day(`2017-01-${String(i + 1).padStart(2, "0")}`), tags, people: i < 3 ? ["Ana Ruiz"] : [] })),
    ];
    const model = buildSiteModel(input);
    assert.deepEqual(model.newest.map((l) => l.url), Array.from({ length: 10 }, (_, i) => `/articles/d${String(11 - i).padStart(2, "0")}/`));
    assert.equal(model.topTags.length, 12);
    assert.deepEqual(model.topTags[0], { name: "topic 00", count: 13, url: "/tags/topic-00/" });
    assert.deepEqual(model.topPeople, [{ name: "Ana Ruiz", count: 4, url: "/people/ana-ruiz/" }]);
  });

  it("show no newest articles when none is dated", () => {
    assert.deepEqual(buildSiteModel([article("a"), article("b")]).newest, []);
  });
});

describe("listing pages", () => {
  it("hold 50 articles a page, numbered, linked to each other, the first at the base URL", () => {
    const model = buildSiteModel(Array.from({ length: 2 * LISTING_PAGE_SIZE + 1 }, (_, i) => article(`a${String(i).padStart(3, "0")}`)));
    assert.equal(LISTING_PAGE_SIZE, 50);
    assert.deepEqual(model.articleListing.map((p) => [p.url, p.title, p.pageNumber, p.pageCount, p.items.length, p.previousUrl, p.nextUrl]), [
      ["/articles/", "All articles (page 1 of 3)", 1, 3, 50, undefined, "/articles/page/2/"],
      ["/articles/page/2/", "All articles (page 2 of 3)", 2, 3, 50, "/articles/", "/articles/page/3/"],
      ["/articles/page/3/", "All articles (page 3 of 3)", 3, 3, 1, "/articles/page/2/", undefined],
    ]);
    assert.deepEqual(model.articleListing.flatMap((p) => p.items.map((i) => i.url)), model.articles.map((a) => a.url), "every article once, in order");
  });

  it("paginate exactly full pages without an empty last page, and an empty list as one page", () => {
    const link = (n: number) => ({ title: `t${n}`, url: `/u${n}/` });
    const full = paginate(Array.from({ length: 100 }, (_, i) => i), "/x/", "X", 50, link);
    assert.deepEqual(full.map((p) => p.items.length), [50, 50]);
    assert.equal(full[1].nextUrl, undefined);
    const one = paginate([1, 2], "/x/", "X", 50, link);
    assert.deepEqual(one.map((p) => [p.url, p.title, p.pageCount, p.previousUrl, p.nextUrl]), [["/x/", "X", 1, undefined, undefined]]);
    const none = paginate([], "/x/", "X", 50, link);
    assert.deepEqual(none.map((p) => [p.url, p.title, p.items.length]), [["/x/", "X", 0]]);
    const odd = paginate(Array.from({ length: 51 }, (_, i) => i), "/x/", "X", 50, link);
    assert.deepEqual(odd.map((p) => p.items.length), [50, 1], "51 items need two pages, not one (ceil, not round)");
  });
});

describe("name feeds in the model", () => {
  it("give each person, topic, source and section with three dated articles a feed, and point their pages at it", () => {
    const three = [1, 2, 3].map((i) => article(`a${i}`, { ...day(`2017-01-0${i}`), people: ["Ana Ruiz"], tags: ["ferries"], source: "Harbor Times", section: "politics" }));
    const model = buildSiteModel([...three, article("b", { ...day("2017-01-04"), people: ["Bo Chan"], tags: ["ferries"] }), article("c", { ...day("2017-01-05"), people: ["Bo Chan"] })]);
    const feeds = new Map(model.nameFeeds.map((f) => [f.url, f]));
    assert.deepEqual([...feeds.keys()].sort(), ["/people/ana-ruiz/feed.xml", "/sections/politics/feed.xml", "/sources/harbor-times/feed.xml", "/tags/ferries/feed.xml"]);
    assert.equal(feeds.get("/people/ana-ruiz/feed.xml")!.subtitle, "Newest articles naming Ana Ruiz (person)");
    assert.equal(feeds.get("/tags/ferries/feed.xml")!.subtitle, "Newest articles on ferries");
    assert.equal(feeds.get("/sources/harbor-times/feed.xml")!.subtitle, "Newest articles from Harbor Times");
    assert.equal(feeds.get("/sections/politics/feed.xml")!.subtitle, "Newest articles in Politics");
    assert.equal(feeds.get("/tags/ferries/feed.xml")!.entries.length, 4);
    assert.equal(feeds.get("/tags/ferries/feed.xml")!.entries[0].url, "/articles/b/");
    const ana = model.entities.pages.find((p) => p.url === "/people/ana-ruiz/")!;
    assert.equal(ana.feedUrl, "/people/ana-ruiz/feed.xml");
    assert.equal(ana.feedTitle, "Ana Ruiz (Atom feed)");
    assert.equal(model.entities.pages.find((p) => p.url === "/people/bo-chan/")!.feedUrl, undefined, "two articles: a page but no feed");
    assert.equal(model.sources.pages.find((p) => p.url === "/sources/harbor-times/")!.feedUrl, "/sources/harbor-times/feed.xml");
    assert.equal(model.sections.pages.find((p) => p.url === "/sections/politics/")!.feedUrl, "/sections/politics/feed.xml");
  });

  it("point every page of a long name listing at the one feed, holding the newest articles", () => {
    const many = Array.from({ length: 130 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, { date: `2017-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, date_precision: "day", people: ["Ana Ruiz"], source: "Harbor Times" }));
    const model = buildSiteModel(many);
    const pages = model.entities.pages.filter((p) => p.name === "Ana Ruiz");
    assert.equal(pages.length, 2);
    assert.ok(pages.every((p) => p.feedUrl === "/people/ana-ruiz/feed.xml"));
    const sourcePages = model.sources.pages.filter((p) => p.url.startsWith("/sources/harbor-times/"));
    assert.ok(sourcePages.length >= 2 && sourcePages.every((p) => p.feedUrl === "/sources/harbor-times/feed.xml"));
    const feed = model.nameFeeds.find((f) => f.url === "/people/ana-ruiz/feed.xml")!;
    assert.equal(feed.entries.length, 20);
    assert.equal(feed.entries[0].updated, [...feed.entries].map((e) => e.updated).sort().at(-1), "the first entry is the newest");
  });
});

describe("render shares", () => {
  const urls = Array.from({ length: 2000 }, (_, i) => `/articles/a${i}/`);

  it("put each URL in one of the shards, the same one every time, spread over all of them", () => {
    const counts = new Array(PAGE_SHARDS).fill(0);
    const many = Array.from({ length: 20_000 }, (_, i) => `/articles/a${i}/`);
    for (const url of many) {
      const shard = pageShard(url);
      assert.ok(Number.isInteger(shard) && shard >= 0 && shard < PAGE_SHARDS, `${url} → ${shard}`);
      assert.equal(pageShard(url), shard);
      counts[shard]++;
    }
    assert.ok(counts.every((n) => n > 40), `every shard gets a share of 20,000 URLs: ${counts.join(",")}`);
    // FNV-1a: known values, so a render process and the search-record writer agree across releases.
    assert.equal(pageShard(""), 0x811c9dc5 % PAGE_SHARDS);
  });

  it("split the pages between processes so that each page is written exactly once, in similar shares", () => {
    for (const count of [2, 3, 4]) {
      const shares = Array.from({ length: count }, (_, index) => shareOf(urls.map((url) => ({ url })), { index, count }).map((p) => p.url));
      assert.deepEqual(shares.flat().sort(), [...urls].sort());
      for (const share of shares) assert.ok(share.length > urls.length / count / 2, `${count} shares: ${shares.map((s) => s.length)}`);
      for (const url of urls.slice(0, 50)) assert.equal(shares.filter((s) => s.includes(url)).length, 1);
      for (const url of urls.slice(0, 50)) assert.equal(inShare(url, { index: pageShard(url) % count, count }), true);
    }
  });

  it("leave the pages whole when there is one process, as a copy", () => {
    const items = urls.slice(0, 5).map((url) => ({ url }));
    const all = shareOf(items, { index: 0, count: 1 });
    assert.deepEqual(all, items);
    assert.notEqual(all, items);
    assert.equal(inShare("/anything/", { index: 0, count: 1 }), true);
    assert.equal(inShare("/anything/", { index: 3, count: 0 }), true);
  });

  it("select a share of every list of pages and keep the whole-archive data, or every page when nothing is selected", () => {
    const archive = Array.from({ length: 40 }, (_, i) => article(`a${i}`, { ...day(`2017-01-${String((i % 28) + 1).padStart(2, "0")}`), tags: ["ferries"], people: [i % 2 ? "Ana Ruiz" : "Bo Chan"] }));
    const whole = buildSiteModel(archive);
    assert.deepEqual(selectPages(whole, { index: 0, count: 1 }).pages, whole.pages);
    const parts = [0, 1, 2].map((index) => buildSiteModel(archive, { index, count: 3 }));
    assert.deepEqual(parts.flatMap(allPageUrls).sort(), allPageUrls(whole).sort());
    for (const part of parts) {
      assert.ok(allPageUrls(part).length < allPageUrls(whole).length);
      assert.equal(part.articles.length, 40);
      assert.deepEqual(part.nameFeeds, whole.nameFeeds);
    }
    const byBuildShard = [0, 1].map((index) => selectPages(whole, { index: 0, count: 1 }, undefined, { index, count: 2 }));
    assert.deepEqual(byBuildShard.flatMap(allPageUrls).sort(), allPageUrls(whole).sort());
    assert.ok(byBuildShard.every((m) => allPageUrls(m).length < allPageUrls(whole).length));
    assert.deepEqual(selectPages(whole, { index: 0, count: 1 }, undefined, { index: 0, count: 1 }).pages, whole.pages);
  });

  it("split a process's pages into rounds, each page in exactly the round whose share picks it, in one pass", () => {
    const archive = Array.from({ length: 300 }, (_, i) =>
      article(`a${i}`, { ...day(`${2001 + (i % 7)}-0${(i % 9) + 1}-1${i % 10}`), tags: [`t${i % 13}`], people: [`P${i % 17} Q`], source: `S${i % 5}` }),
    );
    const whole = buildSiteModel(archive);
    const urlsOf = (pages: SiteModel["pages"]) => (Object.values(pages) as { url: string }[][]).flat().map((p) => p.url);
    for (const buildShard of [undefined, { index: 1, count: 3 }]) {
      for (const share of [{ index: 0, count: 1 }, { index: 1, count: 2 }, { index: 2, count: 3 }]) {
        const processPages = urlsOf(selectPages(whole, share, undefined, buildShard).pages);
        assert.equal(pagesInShare(whole, share, buildShard), processPages.length);
        for (const rounds of [1, 2, 4, 16]) {
          const byRound = pagesByRound(whole, share, rounds, buildShard);
          assert.equal(byRound.length, rounds);
          for (const [round, pages] of byRound.entries()) {
            // The same pages, in the same order, as picking the round's share from the whole model.
            const picked = selectPages(whole, { index: share.index + round * share.count, count: share.count * rounds }, undefined, buildShard).pages;
            assert.deepEqual(Object.keys(pages), Object.keys(whole.pages));
            assert.deepEqual(urlsOf(pages), urlsOf(picked), `round ${round} of ${rounds}, share ${share.index}/${share.count}`);
          }
          assert.deepEqual(byRound.flatMap(urlsOf).sort(), [...processPages].sort());
        }
      }
    }
    assert.ok(pagesInShare(whole, { index: 0, count: 1 }) > 300);
  });

  it("give each page picked the same data, down to its JSON, as the whole model's page, what only its page prints written out as plain data", () => {
    const archive = Array.from({ length: 40 }, (_, i) =>
      article(`a${i}`, { ...day(`2017-01-${String((i % 28) + 1).padStart(2, "0")}`), tags: ["ferries"], people: [i % 2 ? "Ana Ruiz" : "Bo Chan", "Cy Ode"], related: [`a${(i + 1) % 40}`], same_story: i % 5 ? [] : [`a${(i + 2) % 40}`] }),
    );
    const whole = buildSiteModel(archive);
    for (const share of [0, 1, 2]) {
      const part = selectPages(whole, { index: share, count: 3 });
      for (const [list, items] of Object.entries(part.pages) as [keyof typeof part.pages, { url: string }[]][]) {
        for (const item of items) {
          const original = (whole.pages[list] as { url: string }[]).find((p) => p.url === item.url)!;
          assert.equal(JSON.stringify(item), JSON.stringify(original), item.url);
          for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(item))) assert.ok("value" in descriptor, `${item.url}: ${key} is plain data`);
        }
      }
    }
    // What an article page prints, worked out from the rest of the archive.
    const a3 = selectPages(whole, { index: 0, count: 1 }).pages.articles.find((a) => a.slug === "a3")!;
    assert.deepEqual(a3.related_links.map((l) => l.url), ["/articles/a4/"]);
    assert.deepEqual(a3.entity_groups.map((g) => g.items.map((i) => i.url)), [["/people/ana-ruiz/", "/people/cy-ode/"], ["/tags/ferries/"]]);
    assert.ok(a3.search!.filters.some((f) => f.name === "person" && f.value === "Cy Ode"));
    assert.equal(a3.timeline_links!.day!.url, "/timeline/2017/01/04/");
    const cy = selectPages(whole, { index: 0, count: 1 }).pages.entityPages.find((p) => p.url === "/people/cy-ode/")!;
    assert.deepEqual(cy.related.map((r) => r.name), ["ferries", "Ana Ruiz", "Bo Chan"]);
  });
});
