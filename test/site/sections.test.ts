import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { loadContentDir } from "../../src/site/load-content.ts";
import { SECTION_NAMES } from "../../src/ingest/section-taxonomy.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSite, projectRoot, readPage, type BuiltSite } from "../helpers/site-build.ts";

/** Section pages as a reader finds them, checked against the articles' own front matter. */

for (const [label, dir] of [
  ["the timeline fixture", path.join(projectRoot, "test/fixtures/timeline")],
  ["the four seed articles", path.join(projectRoot, "articles")],
] as const) {
  describe(`sections built from ${label}`, () => {
    let site: BuiltSite;
    let records: ArticleRecord[];
    before(async () => {
      site = await buildSite(dir);
      records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    });

    it("every article has a section, shown on its page as a link to the section's page", async () => {
      for (const r of records) {
        assert.ok(r.section, `${r.source_file} has no section`);
        const link = (await readPage(site, `/articles/${r.slug}/`)).querySelector(".meta a.section")!;
        assert.equal(link.text, SECTION_NAMES[r.section!]);
        assert.equal(link.getAttribute("href"), `/sections/${r.section}/`);
      }
    });

    it("/sections/ lists each section in use with its count, and each section page lists exactly its articles", async () => {
      const index = await readPage(site, "/sections/");
      const entries = index.querySelectorAll(".section-list li").map((li) => ({ url: li.querySelector("a")!.getAttribute("href")!, count: Number(li.querySelector(".count")!.text.split(" ")[0]) }));
      const used = new Set(records.map((r) => r.section!));
      assert.deepEqual(entries.map((e) => e.url).sort(), [...used].map((s) => `/sections/${s}/`).sort());
      for (const e of entries) {
        const id = e.url.split("/")[2];
        const expected = records.filter((r) => r.section === id).map((r) => `/articles/${r.slug}/`).sort();
        assert.equal(e.count, expected.length, id);
        const listed = (await readPage(site, e.url)).querySelectorAll(".article-list a").map((a) => a.getAttribute("href")!).sort();
        assert.deepEqual(listed, expected, id);
      }
    });

    it("each article page gives search its section as a filter", async () => {
      for (const r of records) {
        const filters = (await readPage(site, `/articles/${r.slug}/`)).querySelectorAll('[data-pagefind-filter="section"]').map((f) => f.text);
        assert.deepEqual(filters, [SECTION_NAMES[r.section!]]);
      }
    });

    it("offers the sections in every page's navigation", async () => {
      const nav = (await readPage(site, "/")).querySelectorAll(".site-header nav a").map((a) => a.getAttribute("href"));
      assert.ok(nav.includes("/sections/"));
    });
  });
}
