import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleLink, isArticleLink } from "../../src/site/article-link.ts";

describe("an article as a list shows it (articleLink)", () => {
  it("carries the title, link, date, source, section and standfirst a list prints", () => {
    const a = { title: "Council passes the budget", url: "/articles/council/", date_label: "Wednesday, February 8, 2017", date_datetime: "2017-02-08", source: "Harbor Times", section_name: "Politics", standfirst: "The vote was 7 to 2.", body: "not for lists" };
    assert.deepEqual(articleLink(a), {
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
    assert.deepEqual(link, { title: "Untitled", url: "/articles/untitled/" });
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

  it("is known as a shared link (page fingerprints hash it once), where a copy or any other value is not", () => {
    const link = articleLink({ title: "One", url: "/articles/one/" });
    assert.equal(isArticleLink(link), true);
    assert.equal(isArticleLink({ ...link }), false);
    for (const other of [undefined, null, "One", 1, ["One"]]) assert.equal(isArticleLink(other), false);
  });
});
