import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleLink, withLinksAs } from "../../src/site/article-link.ts";

describe("an article as a list shows it (articleLink)", () => {
  it("carries the title, link, date, source, section and standfirst a list prints", () => {
    const a = { title: "Council passes the budget", url: "/articles/council/", date_label: "Wednesday, February 8, 2017", date_datetime: "2017-02-08", source: "Harbor Times", section_name: "Politics", standfirst: "The vote was 7 to 2.", body: "not for lists" };
    assert.deepEqual({ ...articleLink(a) }, {
      title: "Council passes the budget",
      url: "/articles/council/",
      date_label: "Wednesday, February 8, 2017",
      date_datetime: "2017-02-08",
      source: "Harbor Times",
      section: "Politics",
      standfirst: "The vote was 7 to 2.",
    });
  });

  it("leaves out what the article does not have, so a list prints no empty date, source or line", () => {
    const link = articleLink({ title: "Untitled", url: "/articles/untitled/", date_label: "", source: "", standfirst: "" });
    assert.deepEqual({ ...link }, { title: "Untitled", url: "/articles/untitled/" });
    assert.deepEqual(Object.keys(link), ["title", "url"]);
  });

  it("is one shared object per article, so every list holds the same link and a change to it shows everywhere", () => {
    const a = { title: "One", url: "/articles/one/" };
    const first = articleLink(a);
    assert.equal(articleLink(a), first);
    first.source = "Harbor Times";
    assert.equal(articleLink(a).source, "Harbor Times");
    assert.notEqual(articleLink({ title: "One", url: "/articles/one/" }), first, "another article (even alike) has its own link");
  });

  it("serializes as its fields, and as a stand-in while page fingerprints hash each link once (a copy of it stays its fields)", () => {
    const link = articleLink({ title: "One", url: "/articles/one/", source: "Harbor Times" });
    const page = { items: [link, { ...link }], title: "Harbor Times" };
    assert.equal(JSON.stringify(link), '{"title":"One","url":"/articles/one/","source":"Harbor Times"}');
    assert.deepEqual(JSON.parse(JSON.stringify(page)), { items: [{ ...link }, { ...link }], title: "Harbor Times" });
    const seen: object[] = [];
    const hashed = withLinksAs((l) => (seen.push(l), `link:${l.url}`), () => JSON.stringify(page));
    assert.equal(hashed, '{"items":["link:/articles/one/",{"title":"One","url":"/articles/one/","source":"Harbor Times"}],"title":"Harbor Times"}');
    assert.deepEqual(seen, [link]);
    assert.equal(JSON.stringify(link), '{"title":"One","url":"/articles/one/","source":"Harbor Times"}', "only inside withLinksAs");
  });
});
