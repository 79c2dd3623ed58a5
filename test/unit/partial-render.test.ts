import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleRecord } from "../../src/schema.ts";
import { indexArticle, type IndexedArticle } from "../../src/site/article-index.ts";
import { articleUrl, buildSiteModel } from "../../src/site/model.ts";
import { comparePageFingerprints, feedFingerprints, pageFingerprints } from "../../src/site/partial-render.ts";
import { articleRecord } from "../helpers/records.ts";

function article(slug: string, fields: Partial<ArticleRecord> = {}, body = `Body of ${slug}.\n`): IndexedArticle {
  return indexArticle(articleRecord(slug, fields), body);
}

/**
 * Three articles about a council, and three unrelated ones about a harbour years before
 * (enough articles for each name and topic to have its page: two for a name, three for a topic).
 */
const archive = [
  article("council-meets", { date: "2017-02-08", date_precision: "day", people: ["Ana Ruiz"], tags: ["council"] }),
  article("council-votes", { date: "2017-02-09", date_precision: "day", people: ["Ana Ruiz"], tags: ["council"] }),
  article("council-adjourns", { date: "2017-02-10", date_precision: "day", tags: ["council"] }),
  article("harbour-opens", { date: "2009-06-01", date_precision: "day", places: ["Port Ellis"], tags: ["harbour"] }),
  article("harbour-dredged", { date: "2009-05-01", date_precision: "day", places: ["Port Ellis"], tags: ["harbour"] }),
  article("harbour-plans", { date: "2009-04-01", date_precision: "day", tags: ["harbour"] }),
];

function withTitle(slug: string, title: string): IndexedArticle[] {
  return archive.map((a) => (a.slug === slug ? { ...a, title } : a));
}

describe("page fingerprints", () => {
  it("give every paginated page one fingerprint, keyed by its URL", () => {
    const model = buildSiteModel(archive);
    const fingerprints = pageFingerprints(model);
    const lists = Object.values(model.pages) as { url: string }[][];
    assert.equal(fingerprints.size, lists.reduce((n, list) => n + list.length, 0));
    for (const a of archive) assert.ok(fingerprints.has(articleUrl(a.slug)));
  });

  it("are the same for the same archive, so nothing is re-rendered", () => {
    const changes = comparePageFingerprints(pageFingerprints(buildSiteModel(archive)), pageFingerprints(buildSiteModel(archive)));
    assert.deepEqual(changes, { changed: [], removed: [] });
  });

  it("after a headline edit, mark the article, the pages listing it and its neighbours changed, and leave unrelated pages alone", () => {
    const before = pageFingerprints(buildSiteModel(archive));
    const { changed, removed } = comparePageFingerprints(before, pageFingerprints(buildSiteModel(withTitle("council-votes", "Council Passes The Budget"))));
    assert.deepEqual(removed, []);
    for (const url of ["/articles/council-votes/", "/articles/", "/people/ana-ruiz/", "/tags/council/", "/articles/council-meets/", "/articles/council-adjourns/"]) {
      assert.ok(changed.includes(url), `${url} shows the headline and must be re-rendered; changed: ${changed.join(", ")}`);
    }
    for (const url of ["/articles/harbour-opens/", "/places/port-ellis/", "/tags/harbour/"]) {
      assert.ok(before.has(url), `${url} is a page of the site`);
      assert.ok(!changed.includes(url), `${url} does not show the headline`);
    }
  });

  it("after an article is added, leave alone the other articles naming its names, and the pages of names often named with them, whose counts none of them print", () => {
    const before = pageFingerprints(buildSiteModel(archive));
    const added = [...archive, article("ferry-strike", { date: "2012-01-01", date_precision: "day", people: ["Ana Ruiz"], places: ["Port Ellis"] })];
    const { changed } = comparePageFingerprints(before, pageFingerprints(buildSiteModel(added)));
    for (const url of ["/articles/ferry-strike/", "/people/ana-ruiz/", "/places/port-ellis/"]) assert.ok(changed.includes(url), `${url} lists or is the new article; changed: ${changed.join(", ")}`);
    // Each names Ana Ruiz or Port Ellis, whose count of articles grew, or lists one of them among the names often named with it.
    for (const url of ["/articles/council-votes/", "/articles/harbour-dredged/", "/tags/council/", "/tags/harbour/"]) {
      assert.ok(before.has(url), `${url} is a page of the site`);
      assert.ok(!changed.includes(url), `${url} prints nothing the new article changed`);
    }
  });

  it("after an edit of an article's body or removed furniture, which only its own page prints, mark only that page changed", () => {
    const before = pageFingerprints(buildSiteModel(archive));
    const edited = (replacement: IndexedArticle) => archive.map((a) => (a.slug === "council-votes" ? replacement : a));
    const body = comparePageFingerprints(before, pageFingerprints(buildSiteModel(edited(article("council-votes", { date: "2017-02-09", date_precision: "day", people: ["Ana Ruiz"], tags: ["council"] }, "A new body.\n")))));
    assert.deepEqual(body, { changed: ["/articles/council-votes/"], removed: [] });
    const removedFurniture = article("council-votes", { date: "2017-02-09", date_precision: "day", people: ["Ana Ruiz"], tags: ["council"], removed: [{ kind: "caption", text: "Photo", line: 3 }] });
    assert.deepEqual(comparePageFingerprints(before, pageFingerprints(buildSiteModel(edited(removedFurniture)))), { changed: ["/articles/council-votes/"], removed: [] });
  });

  it("mark an article page changed when one of its names gets a page or loses it, though nothing else it prints changed", () => {
    // Lea Park is named once: plain text on the page, until a second article names her.
    const named = archive.map((a) => (a.slug === "council-adjourns" ? article("council-adjourns", { date: "2017-02-10", date_precision: "day", people: ["Lea Park"], tags: ["council"] }) : a));
    const withSecond = [...named, article("ferry-strike", { date: "2001-01-01", date_precision: "day", people: ["Lea Park"] })];
    const linkOf = (model: ReturnType<typeof buildSiteModel>) => model.pages.articles.find((a) => a.slug === "council-adjourns")!.entity_groups.flatMap((g) => g.items).find((n) => n.name === "Lea Park")!.url;
    assert.equal(linkOf(buildSiteModel(named)), undefined);
    assert.equal(linkOf(buildSiteModel(withSecond)), "/people/lea-park/");
    const gets = comparePageFingerprints(pageFingerprints(buildSiteModel(named)), pageFingerprints(buildSiteModel(withSecond)));
    assert.ok(gets.changed.includes("/articles/council-adjourns/"), `its name is a link now; changed: ${gets.changed.join(", ")}`);
    const loses = comparePageFingerprints(pageFingerprints(buildSiteModel(withSecond)), pageFingerprints(buildSiteModel(named)));
    assert.ok(loses.changed.includes("/articles/council-adjourns/"), `its name is no link now; changed: ${loses.changed.join(", ")}`);
    assert.ok(!gets.changed.includes("/articles/council-votes/"), "a page naming none of the names is left alone");
  });

  it("mark an article page changed when the name its source's page shows changes, which its search metadata prints", () => {
    const spelled = archive.map((a) => (a.slug === "council-adjourns" ? article("council-adjourns", { date: "2017-02-10", date_precision: "day", tags: ["council"], source: "USA TODAY" }) : a));
    // Three articles spelling it another way, years before: that spelling is now the one the source's page shows.
    const outspelled = [...spelled, ...[1, 2, 3].map((d) => article(`brief-${d}`, { date: `2001-01-0${d}`, date_precision: "day", source: "USA Today" }))];
    const sourceShown = (model: ReturnType<typeof buildSiteModel>) => model.pages.articles.find((a) => a.slug === "council-adjourns")!.search!.meta.find((m) => m.name === "source")!.value;
    assert.equal(sourceShown(buildSiteModel(spelled)), "USA TODAY");
    assert.equal(sourceShown(buildSiteModel(outspelled)), "USA Today");
    const { changed } = comparePageFingerprints(pageFingerprints(buildSiteModel(spelled)), pageFingerprints(buildSiteModel(outspelled)));
    assert.ok(changed.includes("/articles/council-adjourns/"), `its search metadata names the source anew; changed: ${changed.join(", ")}`);
    assert.ok(!changed.includes("/articles/harbour-opens/"), "a page of another source is left alone");
  });

  it("hold every field an article page prints: the same data gives the same fingerprint, and a different name list a different one", () => {
    const model = buildSiteModel(archive);
    const again = pageFingerprints(buildSiteModel(archive.map((a) => ({ ...a }))));
    assert.deepEqual(pageFingerprints(model), again);
    const renamed = archive.map((a) => (a.slug === "council-votes" ? { ...a, people: ["Ana Ruiz", "Lea Park"] } : a));
    assert.notEqual(pageFingerprints(buildSiteModel(renamed)).get("/articles/council-votes/"), again.get("/articles/council-votes/"));
    const article0 = model.pages.articles[0];
    assert.ok(Array.isArray(article0.entity_groups) && article0.entity_groups.every((g) => typeof g.label === "string"), "outside a fingerprint, names read whole");
    assert.ok(article0.search!.filters.length > 0, "outside a fingerprint, search fields read whole");
  });

  it("after an article is deleted, list its page and the pages only it had as removed", () => {
    const before = pageFingerprints(buildSiteModel(archive));
    const { changed, removed } = comparePageFingerprints(before, pageFingerprints(buildSiteModel(archive.filter((a) => a.slug !== "harbour-opens"))));
    assert.ok(removed.includes("/articles/harbour-opens/"));
    assert.ok(removed.includes("/places/port-ellis/"));
    assert.ok(removed.includes("/tags/harbour/"));
    assert.ok(!removed.includes("/tags/council/"));
    assert.ok(changed.includes("/articles/"), "the listing no longer shows it");
  });
});

describe("the names' feed fingerprints", () => {
  it("give every name's feed one fingerprint, keyed by its URL", () => {
    const model = buildSiteModel(archive);
    const feeds = feedFingerprints(model);
    assert.deepEqual([...feeds.keys()].sort(), model.nameFeeds.map((f) => f.url).sort());
    assert.ok(feeds.has("/tags/council/feed.xml") && feeds.has("/tags/harbour/feed.xml"), [...feeds.keys()].join(", "));
    assert.equal(new Set(feeds.values()).size, feeds.size, "feeds with different entries differ");
  });

  it("after a headline edit, mark the feeds listing the article changed and leave the others alone", () => {
    const before = feedFingerprints(buildSiteModel(archive));
    const changes = comparePageFingerprints(before, feedFingerprints(buildSiteModel(withTitle("council-votes", "Council Passes The Budget"))));
    assert.ok(changes.changed.includes("/tags/council/feed.xml"), changes.changed.join(", "));
    assert.ok(!changes.changed.includes("/tags/harbour/feed.xml"));
    assert.deepEqual(changes.removed, []);
    assert.deepEqual(comparePageFingerprints(before, feedFingerprints(buildSiteModel(archive))), { changed: [], removed: [] }, "the same archive, the same feeds");
  });

  it("after an article is deleted, list the feed of a topic left with two articles as removed", () => {
    const before = feedFingerprints(buildSiteModel(archive));
    const { removed } = comparePageFingerprints(before, feedFingerprints(buildSiteModel(archive.filter((a) => a.slug !== "harbour-plans"))));
    assert.deepEqual(removed, ["/tags/harbour/feed.xml"]);
  });
});

describe("rendering only some pages", () => {
  it("keeps only the names' feeds at the given URLs, and every feed without a restriction", () => {
    const all = buildSiteModel(archive).nameFeeds.map((f) => f.url);
    assert.ok(all.length >= 2, all.join(", "));
    const restricted = buildSiteModel(archive, undefined, new Set(["/articles/council-votes/", "/tags/council/feed.xml"]));
    assert.deepEqual(restricted.nameFeeds.map((f) => f.url), ["/tags/council/feed.xml"]);
    assert.deepEqual(buildSiteModel(archive, { index: 1, count: 2 }).nameFeeds.map((f) => f.url), all, "a render share alone keeps them all");
  });


  it("keeps only the paginated pages at the given URLs, with the whole-archive data complete", () => {
    const only = new Set(["/articles/council-votes/", "/tags/council/", "/articles/"]);
    const model = buildSiteModel(archive, undefined, only);
    const urls = (Object.values(model.pages) as { url: string }[][]).flat().map((p) => p.url).sort();
    assert.deepEqual(urls, [...only].sort());
    assert.equal(model.articles.length, archive.length, "the home page and feeds still see every article");
    assert.equal(model.totals.articles, archive.length);
    const full = buildSiteModel(archive);
    assert.deepEqual(model.pages.articles[0], full.articles.find((a) => a.slug === "council-votes"), "a kept page has the same data as in a full render");
    // A partial render records the fingerprints of the pages it writes: the next build compares them with a full model's.
    const fullFingerprints = pageFingerprints(full);
    for (const [url, fingerprint] of pageFingerprints(model)) assert.equal(fingerprint, fullFingerprints.get(url), `${url} has the fingerprint a full model gives it`);
  });

  it("combines with a render share: the shares of a restricted render together write each page once", () => {
    const only = new Set(pageFingerprints(buildSiteModel(archive)).keys());
    const urlsOf = (index: number) => (Object.values(buildSiteModel(archive, { index, count: 2 }, only).pages) as { url: string }[][]).flat().map((p) => p.url);
    const both = [...urlsOf(0), ...urlsOf(1)].sort();
    assert.deepEqual(both, [...only].sort());
  });
});

describe("comparing fingerprints", () => {
  it("lists the changed and removed pages sorted, whatever order the pages came in", () => {
    const before = new Map([["/z/", "1"], ["/b/", "1"], ["/gone-z/", "1"], ["/gone-a/", "1"], ["/same/", "1"]]);
    const after = new Map([["/z/", "2"], ["/new/", "1"], ["/b/", "2"], ["/same/", "1"], ["/a-new/", "1"]]);
    assert.deepEqual(comparePageFingerprints(before, after), { changed: ["/a-new/", "/b/", "/new/", "/z/"], removed: ["/gone-a/", "/gone-z/"] });
  });
});
