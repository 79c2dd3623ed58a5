import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SECTIONS, type SectionId } from "../../src/ingest/section-taxonomy.ts";
import type { SiteArticle } from "../../src/site/model.ts";
import { buildSectionIndex, SECTION_PAGE_SIZE, sectionName, sectionUrl } from "../../src/site/sections.ts";

/** An article as the site model holds it; section pages read only its section and its link. */
function article(slug: string, section?: SectionId): SiteArticle {
  const fields: Pick<SiteArticle, "slug" | "title" | "url" | "date_label" | "section"> = { slug, title: `Title ${slug}`, url: `/articles/${slug}/`, date_label: `label ${slug}` };
  if (section) fields.section = section;
  return fields as SiteArticle;
}

describe("the sections index and section pages", () => {
  it("a section's page is at /sections/<id>/ and shows the taxonomy's name", () => {
    assert.equal(sectionUrl("economy"), "/sections/economy/");
    const economy = SECTIONS.find((s) => s.id === "economy")!;
    assert.equal(sectionName("economy"), economy.name);
    assert.notEqual(sectionName("economy"), sectionName("politics"));
  });

  it("lists only the sections that have articles, in the taxonomy's order, each with its count", () => {
    // Given out of the taxonomy's order, with an article filed under no section.
    const index = buildSectionIndex([article("a", "sport"), article("b", "politics"), article("c"), article("d", "sport"), article("e", "economy")]);
    const order = SECTIONS.map((s) => s.id);
    const expected = (["politics", "economy", "sport"] as const).slice().sort((x, y) => order.indexOf(x) - order.indexOf(y));
    assert.deepEqual(
      index.sections.map((s) => [s.id, s.name, s.url, s.count]),
      expected.map((id) => [id, sectionName(id), sectionUrl(id), id === "sport" ? 2 : 1]),
    );
    assert.deepEqual(index.pages.map((p) => p.url), expected.map(sectionUrl), "one page each, none for empty sections");
  });

  it("a section page lists its articles in the order given (newest first), each page knowing its section", () => {
    const index = buildSectionIndex([article("new", "sport"), article("other", "arts"), article("old", "sport")]);
    const sport = index.pages.find((p) => p.url === "/sections/sport/")!;
    assert.deepEqual(sport.items.map((i) => i.url), ["/articles/new/", "/articles/old/"]);
    assert.equal(sport.title, sectionName("sport"));
    assert.deepEqual(sport.section, index.sections.find((s) => s.id === "sport"));
    assert.equal(sport.items[0].title, "Title new");
  });

  it("an archive with no section on any article has no section pages", () => {
    assert.deepEqual(buildSectionIndex([article("a"), article("b")]), { sections: [], pages: [] });
  });

  it("a big section is split into pages of 100, numbered, with links both ways", () => {
    assert.equal(SECTION_PAGE_SIZE, 100);
    const many = Array.from({ length: 250 }, (_, i) => article(`a${i}`, "politics"));
    const index = buildSectionIndex([...many, article("x", "arts")]);
    const politics = index.pages.filter((p) => p.section.id === "politics");
    assert.deepEqual(politics.map((p) => [p.url, p.items.length, p.pageNumber, p.pageCount]), [
      ["/sections/politics/", 100, 1, 3],
      ["/sections/politics/page/2/", 100, 2, 3],
      ["/sections/politics/page/3/", 50, 3, 3],
    ]);
    assert.equal(politics[1].previousUrl, "/sections/politics/");
    assert.equal(politics[1].nextUrl, "/sections/politics/page/3/");
    assert.equal(politics[2].items.at(-1)!.url, "/articles/a249/");
    assert.equal(index.sections.find((s) => s.id === "politics")!.count, 250, "the count is every article, not one page's");
    assert.equal(index.pages.filter((p) => p.section.id === "arts").length, 1);
  });
});
