import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bibtexEscape, citeArticle } from "../../src/site/citation.ts";
import { newsArticleJsonLd } from "../../src/site/structured-data.ts";
import type { ArticleRecord } from "../../src/schema.ts";

const page = { canonicalUrl: "https://archive.example/news/articles/harbor-reopens/", siteName: "News Archive", lang: "en" };
const record = (extra: Partial<ArticleRecord> = {}) =>
  ({ title: "Harbor reopens after the storm", summary: "s", date: "2017-02-08", authors: ["Ada Park", "Bo Li"], source: "Harbor Ledger", tags: [], word_count: 300, people: [], organizations: [], places: [], ...extra }) as ArticleRecord;
const cite = (extra: Partial<ArticleRecord> = {}) => citeArticle(newsArticleJsonLd(record(extra), page) as never);

/** The value of a BibTeX field, its outer braces taken off. */
function field(bibtex: string, name: string): string | undefined {
  const m = new RegExp(`^  ${name} = (.*?),?$`, "m").exec(bibtex);
  return m ? m[1].replace(/^\{([\s\S]*)\}$/, "$1") : undefined;
}

describe("cite this article", () => {
  it("gives a plain reference from the page's NewsArticle: authors, title, source, date, archive and URL", () => {
    assert.equal(cite().text, "Ada Park and Bo Li. “Harbor reopens after the storm.” Harbor Ledger, February 8, 2017. News Archive, https://archive.example/news/articles/harbor-reopens/.");
    assert.equal(cite({ authors: [], source: undefined, date: "2017-02" }).text, "“Harbor reopens after the storm.” February 2017. News Archive, https://archive.example/news/articles/harbor-reopens/.");
    assert.equal(cite({ authors: ["A", "B", "C"], date: undefined }).text.split(".”")[0], "A, B, and C. “Harbor reopens after the storm");
  });

  it("gives a BibTeX entry with the same fields, keyed by the page's slug", () => {
    const bib = cite().bibtex;
    assert.match(bib, /^@article\{harbor-reopens,\n/);
    assert.equal(field(bib, "title"), "{Harbor reopens after the storm}");
    assert.equal(field(bib, "author"), "Ada Park and Bo Li");
    assert.equal(field(bib, "journal"), "Harbor Ledger");
    assert.deepEqual([field(bib, "year"), field(bib, "month"), field(bib, "date")], ["2017", "feb", "2017-02-08"]);
    assert.equal(field(bib, "url"), page.canonicalUrl);
    assert.match(bib, /\n}$/);
    const noSource = cite({ source: undefined, date: undefined }).bibtex;
    assert.match(noSource, /^@misc\{/);
    assert.equal(field(noSource, "year"), undefined);
  });

  it("escapes every character TeX gives a meaning, so article text cannot close a field or run a command", () => {
    const hostile = "Budget} , note = {pwned} \\input{/etc/passwd} 100% & $5 #1 a_b ^ ~";
    const bib = cite({ title: hostile, authors: ["O'Brien {Jr}"] }).bibtex;
    const title = field(bib, "title")!;
    assert.equal(title, "{Budget\\} , note = \\{pwned\\} \\textbackslash{}input\\{/etc/passwd\\} 100\\% \\& \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{}}");
    assert.doesNotMatch(bib, /^  note = \{pwned/m);
    assert.equal(field(bib, "author"), "O'Brien \\{Jr\\}");
  });

  it("leaves any text with balanced braces, no unescaped special character and no line break", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab {}\\%$&#_^~\n\t@,=\"'é"), maxLength: 200 }), (text) => {
        const out = bibtexEscape(text);
        assert.doesNotMatch(out, /[\n\r\t]/);
        // Take the escapes away: nothing special may be left.
        const bare = out.replace(/\\textbackslash\{\}|\\textasciicircum\{\}|\\textasciitilde\{\}|\\[{}%$&#_]/g, "");
        assert.doesNotMatch(bare, /[\\{}%$&#_^~]/, out);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a citation's details", () => {
  const bare = { headline: "Harbor reopens.", url: "https://archive.example/news/articles/harbor-reopens/" };

  it("ends the title with one full stop, squashes line breaks, and names the archive in a note", () => {
    const c = citeArticle({ ...bare, headline: "Harbor\n  reopens.", isPartOf: { name: "News  Archive" } });
    assert.equal(c.text, "“Harbor reopens.” News Archive, https://archive.example/news/articles/harbor-reopens/.");
    assert.equal(field(c.bibtex, "note"), "Archived by News Archive");
    assert.equal(field(citeArticle(bare).bibtex, "note"), undefined);
    assert.equal(citeArticle(bare).text, "“Harbor reopens.” https://archive.example/news/articles/harbor-reopens/.");
  });

  it("dates a year-only article by its year, with no month, and ignores a date it cannot read", () => {
    const year = citeArticle({ ...bare, datePublished: "2017", publisher: { name: "Harbor Ledger" } });
    assert.equal(year.text, "“Harbor reopens.” Harbor Ledger, 2017. https://archive.example/news/articles/harbor-reopens/.");
    assert.deepEqual([field(year.bibtex, "year"), field(year.bibtex, "month"), field(year.bibtex, "date")], ["2017", undefined, "2017"]);
    const month = citeArticle({ ...bare, datePublished: "2016-12" });
    assert.deepEqual([field(month.bibtex, "month"), month.text.includes("December 2016")], ["dec", true]);
    assert.match(month.bibtex, /^ {2}month = dec,$/m, "a month is a BibTeX macro, not a braced string");
    const january = citeArticle({ ...bare, datePublished: "2016-01-31" });
    assert.equal(field(january.bibtex, "month"), "jan");
    const bad = citeArticle({ ...bare, datePublished: "2017-02-30" });
    assert.equal(field(bad.bibtex, "year"), undefined);
    assert.equal(bad.text, "“Harbor reopens.” https://archive.example/news/articles/harbor-reopens/.");
  });

  it("keys the entry by the URL's last segment in safe characters, at most 60, else “article”", () => {
    const key = (url: string) => /^@\w+\{([^,]*),/.exec(citeArticle({ ...bare, url }).bibtex)![1];
    assert.equal(key("https://archive.example/articles/harbor_reopens%20now/"), "harborreopens20now");
    assert.equal(key(`https://archive.example/articles/${"a".repeat(70)}/`), "a".repeat(60));
    assert.equal(key("https://archive.example/"), "article");
    assert.equal(key("https://archive.example/articles/%E5%8C%97/"), "E58C97");
    assert.equal(key("https://archive.example/articles/___/"), "article");
  });

  it("leaves out authors with blank names, and lists one author alone", () => {
    const c = citeArticle({ ...bare, author: [{ name: "  " }, { name: "Ada Park" }] });
    assert.ok(c.text.startsWith("Ada Park. “Harbor reopens.”"), c.text);
    assert.equal(field(c.bibtex, "author"), "Ada Park");
  });
});

describe("a citation's BibTeX, whole", () => {
  it("names every month by its BibTeX macro", () => {
    const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.forEach((name, i) => {
      const bib = citeArticle({ headline: "H", url: "https://a.example/articles/h/", datePublished: `2016-${String(i + 1).padStart(2, "0")}-15` }).bibtex;
      assert.equal(field(bib, "month"), name);
    });
  });

  it("has only the fields it has values for: no empty author, no stray line", () => {
    assert.equal(
      citeArticle({ headline: "Harbor reopens", url: "https://a.example/articles/harbor-reopens/" }).bibtex,
      "@misc{harbor-reopens,\n  title = {{Harbor reopens}},\n  url = {https://a.example/articles/harbor-reopens/}\n}",
    );
  });

  it("keeps the full stops inside a title, ending it with one", () => {
    assert.match(citeArticle({ headline: "U.S. ferries return", url: "https://a.example/articles/x/" }).text, /^“U\.S\. ferries return\.”/);
    assert.match(citeArticle({ headline: "Ferries return to the U.S.", url: "https://a.example/articles/x/" }).text, /^“Ferries return to the U\.S\.”/);
  });

  it("turns a line break or tab in a field into a space, not nothing", () => {
    assert.equal(bibtexEscape("Harbor\nreopens\tnow"), "Harbor reopens now");
    assert.equal(bibtexEscape("Harbor\u0000reopens"), "Harbor reopens");
  });
});
