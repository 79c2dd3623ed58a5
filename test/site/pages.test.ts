import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import { buildSite, listFiles, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive, type SyntheticArticle } from "../helpers/synthetic-archive.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";

let site: BuiltSite;
let synthetic: SyntheticArticle[];
let records: ArticleRecord[];
const recordOf = (a: SyntheticArticle) => records.find((r) => r.source_file === a.file)!;

async function page(file: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(site.dir, file), "utf8"));
}
async function htmlPages(): Promise<string[]> {
  return (await listFiles(site.dir)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
}

describe("the reader's pages", () => {
  before(async () => {
    const archive = await writeSyntheticArchive();
    synthetic = archive.articles;
    site = await buildSite(archive.dir);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("every page has one h1, a title, a language and an absolute canonical URL of its own address", async () => {
    for (const file of await htmlPages()) {
      const html = await page(file);
      assert.equal(html.querySelectorAll("h1").length, 1, `${file} h1 count`);
      assert.ok(html.querySelector("title")?.text.trim(), `${file} title`);
      assert.equal(html.querySelector("html")?.getAttribute("lang"), "en", `${file} lang`);
      const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "";
      const expected = file === "index.html" ? "/" : file.endsWith("/index.html") ? `/${file.slice(0, -"index.html".length)}` : `/${file}`;
      assert.equal(new URL(canonical).pathname, expected, `${file} canonical ${canonical}`);
    }
  });

  it("an article page links its source to the source's page, which lists the article", async () => {
    const article = recordOf(synthetic[5]);
    const html = await page(`articles/${article.slug}/index.html`);
    const sourceLink = html.querySelector("a.source")!;
    assert.equal(sourceLink.text, synthetic[5].source);
    const sourcePage = await page(`${sourceLink.getAttribute("href")!.slice(1)}index.html`);
    assert.equal(sourcePage.querySelector("h1")!.text.replace(/ \(page.*/, ""), synthetic[5].source);
    const listed = [];
    for (let p: HTMLElement | undefined = sourcePage; p; ) {
      listed.push(...p.querySelectorAll(".article-list a").map((a) => a.getAttribute("href")));
      const next: string | undefined = p.querySelector('.pager a[rel="next"]')?.getAttribute("href");
      p = next ? await page(`${next.slice(1)}index.html`) : undefined;
    }
    assert.ok(listed.includes(`/articles/${article.slug}/`));
  });

  it("a source with more than 100 articles is split into pages of 100, newest first", async () => {
    const expected = synthetic.filter((a) => a.source === "Daily Ledger").length;
    assert.ok(expected > 100);
    const first = await page("sources/daily-ledger/index.html");
    const second = await page("sources/daily-ledger/page/2/index.html");
    assert.equal(first.querySelectorAll(".article-list li").length, 100);
    assert.equal(second.querySelectorAll(".article-list li").length, expected - 100);
    assert.equal(first.querySelector('.pager a[rel="next"]')?.getAttribute("href"), "/sources/daily-ledger/page/2/");
    const hrefs = first.querySelectorAll(".article-list li").map((li) => li.querySelector("a")!.getAttribute("href")!);
    const shown = hrefs.map((href) => records.find((r) => `/articles/${r.slug}/` === href)!.date ?? "");
    assert.deepEqual(shown, [...shown].sort().reverse());
  });

  it("the sources index lists every source with its number of articles", async () => {
    const html = await page("sources/index.html");
    const items = html.querySelectorAll(".source-list li").map((li) => li.text.replace(/\s+/g, " ").trim());
    for (const name of new Set(synthetic.map((a) => a.source))) {
      const count = synthetic.filter((a) => a.source === name).length;
      assert.ok(items.includes(`${name} ${count} articles`), `${name}: ${items.join(" | ")}`);
    }
  });

  it("related articles on an article page share a person or a topic with it", async () => {
    const article = recordOf(synthetic[40]);
    const html = await page(`articles/${article.slug}/index.html`);
    const related = html.querySelectorAll(".related a").map((a) => a.getAttribute("href"));
    assert.equal(related.length, 5);
    for (const href of related) {
      const other = records.find((r) => `/articles/${r.slug}/` === href)!;
      assert.notEqual(other.slug, article.slug);
      const shares = other.people.some((p) => article.people.includes(p)) || other.tags.some((t) => article.tags.includes(t));
      assert.ok(shares, `${other.title} shares nothing with ${article.title}`);
    }
  });

  it("an article page carries a NewsArticle JSON-LD with its headline and date, even for a headline containing </script>", async () => {
    const hostile = synthetic[synthetic.length - 2];
    for (const a of [synthetic[10], hostile]) {
      const html = await page(`articles/${recordOf(a).slug}/index.html`);
      const blocks = html.querySelectorAll('script[type="application/ld+json"]');
      assert.equal(blocks.length, 1);
      const data = JSON.parse(blocks[0].text);
      assert.equal(data["@type"], "NewsArticle");
      assert.equal(data.headline, a.title);
      assert.equal(data.datePublished, a.date);
      assert.equal(data.publisher.name, a.source);
      assert.equal(html.querySelector("h1")!.text, a.title);
    }
  });

  it("an article page offers a citation, as text and BibTeX, made from the same fields as its JSON-LD", async () => {
    for (const a of [synthetic[10], synthetic[synthetic.length - 2]]) {
      const html = await page(`articles/${recordOf(a).slug}/index.html`);
      const data = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.text);
      const cite = html.querySelector("details.cite")!;
      assert.equal(cite.querySelector("summary")!.text, "Cite this article");
      const text = cite.querySelector(".cite-text")!.text;
      assert.ok(text.includes(`“${data.headline}`), text);
      assert.ok(text.includes(data.publisher.name) && text.endsWith(`${data.url}.`), text);
      // (The parser keeps a <pre>'s content raw: parse it again for its text.)
      const bibtex = parse(cite.querySelector(".cite-bibtex")!.innerHTML).text;
      assert.match(bibtex, new RegExp(`^@article\\{${recordOf(a).slug.slice(0, 60)},`));
      assert.ok(bibtex.includes(`  url = {${data.url}}`), bibtex);
      if (data.datePublished) assert.ok(bibtex.includes(`  date = {${data.datePublished}}`), bibtex);
    }
    const hostile = await page(`articles/${recordOf(synthetic[synthetic.length - 2]).slug}/index.html`);
    assert.match(parse(hostile.querySelector(".cite-bibtex")!.innerHTML).text, /title = \{\{Council says "no" to <\/script> \\& fares \\textbackslash\{\} \d+\}\}/);
  });

  it("an article page gives link previews its title, type and URL", async () => {
    const html = await page(`articles/${recordOf(synthetic[10]).slug}/index.html`);
    const og = (p: string) => html.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
    assert.equal(og("og:type"), "article");
    assert.equal(og("og:title"), synthetic[10].title);
    assert.equal(og("og:url"), html.querySelector('link[rel="canonical"]')!.getAttribute("href"));
    assert.equal(og("article:published_time"), synthetic[10].date);
  });

  it("article pages hand Pagefind filters for topic, person, source, year, month and date, and the date and source to show in results", async () => {
    for (const a of [synthetic[10], synthetic[6]]) {
      const html = await page(`articles/${recordOf(a).slug}/index.html`);
      const body = html.querySelector("[data-pagefind-body]")!;
      const values = (name: string) => body.querySelectorAll(`[data-pagefind-filter="${name}"]`).map((e) => e.text);
      const meta = (name: string) => body.querySelectorAll(`[data-pagefind-meta="${name}"]`).map((e) => e.text);
      assert.deepEqual(values("tag"), a.tags);
      assert.deepEqual(values("person"), a.people);
      assert.deepEqual(values("source"), [a.source]);
      assert.deepEqual(values("year"), [a.date ? a.date.slice(0, 4) : "Undated"]);
      assert.deepEqual(values("month"), a.date ? [a.date.slice(0, 7)] : []);
      assert.deepEqual(values("date"), a.date ? [a.date] : []);
      assert.deepEqual(meta("source"), [a.source]);
      assert.equal(meta("date").length, 1);
      if (!a.date) assert.deepEqual(meta("date"), ["Undated"]);
      assert.equal(body.querySelectorAll("[data-pagefind-sort]").length, 0, "no sort keys: they would weigh on every search");
      assert.ok(body.querySelector("[data-pagefind-filter]")!.closest("[data-pagefind-ignore]"), "filter values stay out of the text index");
    }
  });

  it("only the search page loads scripts (article pages only the highlighter of searched words), and no page has inline scripts or styles", async () => {
    for (const file of await htmlPages()) {
      const html = await page(file);
      const loaded = html.querySelectorAll("script[src]").map((s) => s.getAttribute("src"));
      if (file === "search/index.html") assert.deepEqual(loaded, ["/assets/search.js"]);
      else if (/^articles\/[^/]+\/index\.html$/.test(file) && !file.startsWith("articles/page/")) assert.deepEqual(loaded, ["/assets/highlight.js"], file);
      else assert.deepEqual(loaded, [], file);
      const inline = html.querySelectorAll("script:not([src])").filter((s) => s.getAttribute("type") !== "application/ld+json");
      assert.equal(inline.length, 0, `${file} inline script`);
      assert.equal(html.querySelectorAll("[style], style").length, 0, `${file} inline style`);
    }
  });

  it("the largest article page's HTML plus the stylesheet stay under 50 KB", async () => {
    const css = (await readFile(path.join(site.dir, "assets/site.css"))).length;
    let largest = 0;
    for (const file of (await htmlPages()).filter((f) => f.startsWith("articles/") && f !== "articles/index.html")) {
      largest = Math.max(largest, (await readFile(path.join(site.dir, file))).length);
    }
    assert.ok(largest + css < 50_000, `${largest} + ${css} bytes`);
  });

  it("the home page shows the newest articles, the biggest topics and people, and the month chart", async () => {
    const html = await page("index.html");
    const newest = records.filter((r) => r.date).sort((a, b) => (a.date! < b.date! ? 1 : -1))[0];
    assert.equal(html.querySelector(".article-list a")!.getAttribute("href"), `/articles/${newest.slug}/`);
    const topics = html.querySelectorAll("#topics-heading + .name-counts a").map((a) => a.text);
    assert.deepEqual([...topics].sort(), ["housing", "schools", "transit"]);
    const people = html.querySelectorAll("#people-heading + .name-counts a").map((a) => a.text);
    assert.equal(people.length, 4);
    assert.ok(html.querySelector(".chart svg"), "month chart");
  });

  it("the 404 page and robots.txt exist, and robots.txt points at the sitemap", async () => {
    const notFound = await page("404.html");
    assert.equal(notFound.querySelector("h1")!.text, "Page not found");
    const robots = await readFile(path.join(site.dir, "robots.txt"), "utf8");
    assert.match(robots, /^Sitemap: http:\/\/localhost:8080\/sitemap\.xml$/m);
  });
});
