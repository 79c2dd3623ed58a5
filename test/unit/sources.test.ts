import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSourceIndex, sourceSlug, sourceUrl } from "../../src/site/sources.ts";
import type { SiteArticle } from "../../src/site/model.ts";

/** An article as the site model holds it; the sources pages read only its source and its link. */
function article(slug: string, source?: string): SiteArticle {
  const fields: Pick<SiteArticle, "slug" | "title" | "url" | "date_label" | "source"> = { slug, title: `Title ${slug}`, url: `/articles/${slug}/`, date_label: `label ${slug}`, source };
  return fields as SiteArticle;
}

const urlsOf = (pages: ReturnType<typeof buildSourceIndex>["pages"], url: string) =>
  pages.filter((p) => p.url === url || p.url.startsWith(`${url}page/`)).flatMap((p) => p.items.map((i) => i.url));

describe("the sources index and source pages", () => {
  it("lists each source once by name with its article count, and counts the articles with no source", () => {
    const index = buildSourceIndex([article("a", "Reuters"), article("b", "BBC News"), article("c"), article("d", "Reuters"), article("e", "")]);
    assert.deepEqual(
      index.sources.map((s) => [s.name, s.count, s.url]),
      [
        ["BBC News", 1, "/sources/bbc-news/"],
        ["Reuters", 2, "/sources/reuters/"],
      ],
    );
    assert.equal(index.unattributed, 2);
    assert.deepEqual(urlsOf(index.pages, "/sources/reuters/"), ["/articles/a/", "/articles/d/"], "in the order given (newest first)");
    // A shared article link (src/site/article-link.ts): its fields, as a list prints them.
    assert.deepEqual({ ...index.pages.find((p) => p.url === "/sources/reuters/")!.items[0] }, { title: "Title a", url: "/articles/a/", date_label: "label a", source: "Reuters" });
  });

  it("makes spellings that share a URL one source, named by the spelling most articles use", () => {
    const index = buildSourceIndex([article("a", "USA TODAY"), article("b", "USA Today"), article("c", "USA Today"), article("d", "usa today")]);
    assert.equal(index.sources.length, 1);
    assert.deepEqual(index.sources[0], { name: "USA Today", slug: "usa-today", url: "/sources/usa-today/", count: 4 });
    assert.deepEqual(urlsOf(index.pages, "/sources/usa-today/"), ["/articles/a/", "/articles/b/", "/articles/c/", "/articles/d/"]);
    for (const spelling of ["USA TODAY", "USA Today", "usa today"]) assert.equal(index.shownName.get(spelling), "USA Today", spelling);
  });

  it("breaks a tie between spellings the same way whatever the article order", () => {
    const one = buildSourceIndex([article("a", "The Guardian"), article("b", "THE GUARDIAN")]);
    const two = buildSourceIndex([article("b", "THE GUARDIAN"), article("a", "The Guardian")]);
    assert.equal(one.sources[0].name, "THE GUARDIAN", "code-point order: capitals first");
    assert.equal(two.sources[0].name, "THE GUARDIAN");
    // Three spellings: the tie between the two used twice, not the one used once.
    const three = buildSourceIndex(["Ap", "AP", "ap", "AP", "ap"].map((s, i) => article(`x${i}`, s)));
    assert.equal(three.sources[0].name, "AP");
    // More articles beat an earlier place in code-point order.
    assert.equal(buildSourceIndex(["ap", "ap", "AP"].map((s, i) => article(`y${i}`, s))).sources[0].name, "ap");
  });

  it("orders sources by name as a reader sorts them, not by capitals first", () => {
    const index = buildSourceIndex([article("a", "reuters"), article("b", "BBC"), article("c", "Al Jazeera"), article("d", "bloomberg"), article("e", "Oban Times"), article("f", "O’Brien Post")]);
    // By the names shown, not their URLs ("obrien-post" would sort after "oban-times").
    assert.deepEqual(index.sources.map((s) => s.name), ["Al Jazeera", "BBC", "bloomberg", "O’Brien Post", "Oban Times", "reuters"]);
  });

  it("orders two sources whose names sort alike (a soft hyphen is invisible to sorting) by URL, whatever the article order", () => {
    const names = ["Fox\u00adNews", "FoxNews"];
    for (const order of [names, [...names].reverse()]) {
      const index = buildSourceIndex(order.map((n, i) => article(`a${i}`, n)));
      assert.deepEqual(index.sources.map((s) => s.url), ["/sources/fox-news/", "/sources/foxnews/"]);
    }
  });

  it("gives a name with no Latin letters or digits its own stable URL", () => {
    assert.match(sourceSlug("新华社"), /^source-[0-9a-f]{6}$/);
    assert.equal(sourceSlug("新华社"), sourceSlug("新华社"));
    assert.notEqual(sourceSlug("新华社"), sourceSlug("人民日报"));
    assert.equal(sourceUrl("新华社"), `/sources/${sourceSlug("新华社")}/`);
    const index = buildSourceIndex([article("a", "新华社"), article("b", "人民日报")]);
    assert.equal(new Set(index.sources.map((s) => s.url)).size, 2);
  });

  it("pages a source's listing 100 at a time (or the size given)", () => {
    const many = Array.from({ length: 230 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, "Reuters"));
    const pages = buildSourceIndex(many).pages;
    assert.deepEqual(pages.map((p) => [p.url, p.items.length, p.title]), [
      ["/sources/reuters/", 100, "Reuters (page 1 of 3)"],
      ["/sources/reuters/page/2/", 100, "Reuters (page 2 of 3)"],
      ["/sources/reuters/page/3/", 30, "Reuters (page 3 of 3)"],
    ]);
    for (const p of pages) assert.equal(p.source.name, "Reuters");
    assert.equal(buildSourceIndex(many, 120).pages.length, 2);
  });
});
