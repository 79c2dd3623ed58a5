import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import { buildSite, listFiles, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";

let site: BuiltSite;
let records: ArticleRecord[];
const bySource = (file: string) => records.find((r) => r.source_file === file)!;

async function bodyText(record: ArticleRecord): Promise<string> {
  const page = await readPage(site, `/articles/${record.slug}/`);
  return page.querySelector("[data-pagefind-body] .body")!.text;
}

describe("building the four seed articles", () => {
  before(async () => {
    site = await buildSite();
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("writes one Markdown file and one page per raw article", async () => {
    assert.equal(records.length, 4);
    assert.deepEqual(records.map((r) => r.source_file).sort(), [
      "000_12e87a7c7f271ebb.txt",
      "001_5742304cf4503c0a.txt",
      "002_b04d322f93dc3252.txt",
      "004_8f3418854753f031.txt",
    ]);
    const files = await listFiles(site.dir);
    for (const r of records) assert.ok(files.includes(`articles/${r.slug}/index.html`), `page for ${r.source_file}`);
    assert.equal(site.summary.articles, 4);
  });

  it("finds the headline of the three files that have one, even below a site banner", () => {
    assert.equal(bySource("001_5742304cf4503c0a.txt").title, "Team Trump’s Fight With Sanctuary Cities Heats Up");
    assert.equal(bySource("002_b04d322f93dc3252.txt").title, "Trump asks cops to turn over ‘bad’ undocumented immigrants");
    assert.equal(bySource("004_8f3418854753f031.txt").title, "Trump Admin Makes Fight Against Sanctuary Cities Personal, Releases List ‘Naming and Shaming’ Them");
    for (const f of ["001_5742304cf4503c0a.txt", "002_b04d322f93dc3252.txt", "004_8f3418854753f031.txt"]) assert.equal(bySource(f).title_source, "headline");
  });

  it("derives a headline from the lead for the file without one, and says so", () => {
    const r = bySource("000_12e87a7c7f271ebb.txt");
    assert.equal(r.title_source, "lead");
    assert.match(r.title, /Trump/);
    assert.ok(r.title.length <= 120);
    assert.doesNotMatch(r.title, /CLOSE|███/);
  });

  it("shows each article's title as its page's only h1", async () => {
    for (const r of records) {
      const page = await readPage(site, `/articles/${r.slug}/`);
      const h1s = page.querySelectorAll("h1");
      assert.equal(h1s.length, 1);
      assert.equal(h1s[0].text, r.title);
    }
  });

  it("leaves no Penn-Treebank spacing in any body", async () => {
    for (const r of records) {
      const text = await bodyText(r);
      for (const bad of [" ,", " .", "``", "''", " 's", " n't", "( ", " )", "$ 3", " :", " ;"]) {
        assert.ok(!text.includes(bad), `${r.source_file} contains ${JSON.stringify(bad)}`);
      }
    }
  });

  it("reads the quoted sentences as a person would write them", async () => {
    const text = await bodyText(bySource("000_12e87a7c7f271ebb.txt"));
    assert.ok(text.includes("tweeting on Thursday: “Right decision. Strong!”"), text);
    assert.ok(text.includes("“They can use my office,” Walsh said. “They can use any office in this building.”"));
    assert.ok(text.includes("Immigration and Customs Enforcement (ICE)"));
    assert.ok(text.includes("$355 million"));
    assert.ok(text.includes("Montgomery County (Md.) Police Chief Tom Manger"));
    assert.ok(text.includes("in the U.S. It ordered"));
    assert.ok(text.includes("the nation’s 11 million"));
  });

  it("drops the page furniture and lists what it dropped", async () => {
    const furniture = ["CLOSE", "███", "Up Next", "contributed to this report", "is a freelance writer", "Exposing Hillary", "Trump holds White House meeting with county sheriffs"];
    for (const r of records) {
      const text = await bodyText(r);
      for (const f of furniture) assert.ok(!text.includes(f), `${r.source_file} still shows ${JSON.stringify(f)}`);
    }
    const removedText = records.flatMap((r) => r.removed.map((x) => x.text)).join("\n");
    for (const f of ["CLOSE One week in", "Up Next", "Morgan is a freelance writer", "Exposing Hillary"]) {
      assert.ok(removedText.includes(f), `removed list mentions ${f}`);
    }
    const page = await readPage(site, `/articles/${bySource("002_b04d322f93dc3252.txt").slug}/`);
    assert.ok(page.querySelector("details.removed"), "removed furniture is listed under the article");
    // Readers see plain words for each kind, never the ids stored in front matter.
    const kinds = page.querySelectorAll("details.removed .kind").map((k) => k.text);
    assert.ok(kinds.includes("Read next"), kinds.join(", "));
    assert.ok(kinds.every((k) => !/^[a-z]+(?:-[a-z]+)+$/.test(k)), kinds.join(", "));
  });

  it("shows a staff credit as the article's credits, with its contributor, not as removed furniture", async () => {
    const r = bySource("002_b04d322f93dc3252.txt");
    assert.deepEqual(r.contributors, ["Douglas Hanks"]);
    assert.equal(r.source, "Miami Herald");
    const page = await readPage(site, `/articles/${r.slug}/`);
    assert.match(page.querySelector(".credits")!.text, /Credits: Miami Herald staff writer Douglas Hanks contributed to this report\./);
    assert.ok(!page.querySelector("details.removed")!.text.includes("contributed to this report"));
  });

  it("keeps every real paragraph", async () => {
    const raw = await readFile(path.join("articles", "002_b04d322f93dc3252.txt"), "utf8");
    const text = await bodyText(bySource("002_b04d322f93dc3252.txt"));
    for (const sentence of ["Speaking to a conference of police chiefs in Washington", "“I have always said Miami-Dade police will not be immigration officers,” Gimenez said Tuesday."]) {
      assert.ok(raw.includes(sentence) && text.includes(sentence), sentence);
    }
    const text1 = await bodyText(bySource("001_5742304cf4503c0a.txt"));
    assert.ok(text1.includes("Several big cities, including New York, Chicago and Los Angeles"));
  });

  it("front matter validates against the schema and records where the article came from", async () => {
    for (const r of records) {
      const md = await readFile(path.join(site.contentDir, `${r.slug}.md`), "utf8");
      assert.equal(parseArticleMarkdown(md, r.slug).record.source_file, r.source_file);
      assert.ok(r.word_count > 100);
      assert.ok(r.summary.length > 20);
    }
  });

  it("builds a Pagefind index of the four articles", async () => {
    const entry = JSON.parse(await readFile(path.join(site.dir, "pagefind/pagefind-entry.json"), "utf8"));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    assert.equal(pages, 4);
    const files = await listFiles(site.dir);
    for (const file of ["pagefind/pagefind.js", "pagefind/archive-date-order.json", "pagefind/archive-filter-counts.json", "assets/search.js", "assets/search/pagefind.js"]) {
      assert.ok(files.includes(file), file);
    }
  });

  it("lists every article on the articles index", async () => {
    const page = await readPage(site, "/articles/");
    const links = page.querySelectorAll(".article-list a").map((a) => a.getAttribute("href"));
    for (const r of records) assert.ok(links.includes(`/articles/${r.slug}/`));
  });

  it("every page has a title, a language and a canonical URL", async () => {
    const files = (await listFiles(site.dir)).filter((f) => f.endsWith(".html"));
    for (const f of files) {
      const page = await readPage(site, f);
      assert.ok(page.querySelector("title")?.text.trim(), `${f} title`);
      assert.equal(page.querySelector("html")?.getAttribute("lang"), "en", `${f} lang`);
      assert.ok(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${f} canonical`);
    }
  });
});
