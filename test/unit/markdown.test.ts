import assert from "node:assert/strict";
import { describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import fc from "fast-check";
import { articleToMarkdown, bodyToMarkdown, escapeMarkdownText, parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import type { ArticleRecord } from "../../src/schema.ts";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** What a reader sees: the rendered HTML with tags stripped and entities decoded. */
function renderedText(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

function record(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    source_file: "a.txt",
    title: "A title",
    title_source: "headline",
    slug: "a-title",
    authors: [],
    people: [],
    organizations: [],
    places: [],
    tags: [],
    summary: "",
    word_count: 2,
    removed: [],
    ...overrides,
  };
}

describe("Markdown body", () => {
  const hostile = [
    "# Not a heading",
    "1. not a list",
    "2) not a list either",
    // Two-, three- and nine-digit markers open ordered lists too (CommonMark allows up to nine digits).
    "10. Things we learned",
    "100) Reasons to visit",
    "2017. The year the harbor closed",
    "123456789. The longest marker there is",
    "10.",
    // Other line starts that open blocks.
    "## Two hashes",
    "###### Six hashes",
    "= an underline",
    "===",
    "- - -",
    "***",
    "___",
    "+++ plus signs",
    "```fence",
    "~~~ fence",
    "<div>block html</div>",
    "[label]: https://example.com/ (a link reference definition)",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "> not a quote",
    "---",
    "[a link](javascript:alert(1))",
    "![image](x.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- a comment -->",
    "</textarea>",
    "`code` and ``more``",
    "| a | b |",
    "**bold** _em_ ~~strike~~",
    "&amp; &#x41; &copy;",
    "<https://example.com>",
    "back\\slash\\",
  ];

  for (const text of hostile) {
    it(`shows ${JSON.stringify(text)} as the literal characters`, () => {
      const html = md.render(escapeMarkdownText(text));
      assert.match(html, /^<p>/, "renders as a plain paragraph");
      assert.doesNotMatch(html, /<(?!\/?p>)[a-z!/]/i, "contains no element but the paragraph");
      assert.equal(renderedText(escapeMarkdownText(text)), text);
    });
  }

  it("writes ordinary text as it is, with no backslash it does not need", () => {
    // Maintainers read the generated Markdown; only a line-opening marker needs escaping.
    for (const text of ["Miami-Dade voted 5-2 on Tuesday.", "Sales rose 5.2 percent in 2017. Then 3) fell.", "Covid-19. The count rose", "A #1 hit, 2+2=4 and C-3PO.", "Route 66) closed"]) {
      assert.equal(escapeMarkdownText(text), text);
    }
  });

  it("escapes a marker indented by up to three spaces (still a list or heading in Markdown)", () => {
    for (const indent of [" ", "  ", "   "]) {
      for (const text of ["12) indented", "7. indented", "# indented", "- indented"]) {
        const html = md.render(escapeMarkdownText(indent + text));
        assert.equal(html, `<p>${text}</p>\n`, JSON.stringify(indent + text));
      }
    }
  });

  it("escapes the marker itself, so the text after it reads the same", () => {
    assert.equal(escapeMarkdownText("10. Things we learned"), "10\\. Things we learned");
    assert.equal(escapeMarkdownText("100) Reasons"), "100\\) Reasons");
    assert.equal(escapeMarkdownText("- a dash"), "\\- a dash");
    assert.equal(escapeMarkdownText("# a hash"), "\\# a hash");
  });

  it("writes each paragraph on one line, its runs of spaces and line breaks made one space, and ends the file with a newline", () => {
    assert.equal(bodyToMarkdown(["  The council met\n  on Tuesday.  ", "It voted\t\t5 to 2."]), "The council met on Tuesday.\n\nIt voted 5 to 2.\n");
  });

  it("writes one paragraph per body paragraph", () => {
    const html = md.render(bodyToMarkdown(["First.", "Second."]));
    assert.equal(html, "<p>First.</p>\n<p>Second.</p>\n");
  });

  it("any text renders to exactly that text inside one paragraph", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 80 }), (raw) => {
        const text = raw.replace(/\s+/g, " ").trim();
        if (!text) return;
        const html = md.render(bodyToMarkdown([text]));
        assert.doesNotMatch(html, /<(?!\/?p>)[a-z!/]/i);
        assert.equal(renderedText(bodyToMarkdown([text])), text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("front matter", () => {
  it("round-trips values that would break YAML", () => {
    const tricky = ["a: b", "# not a comment", "'single' and \"double\"", "---", "- leading dash", "&anchor", "*alias", "yes", "2017-02-08", "null", "{ a: 1 }"];
    for (const value of tricky) {
      const r = record({ title: value, dek: value, authors: [value], people: [value], tags: [value] });
      const parsed = parseArticleMarkdown(articleToMarkdown(r, ["Body."]), "t.md").record;
      assert.deepEqual(parsed, r, `value ${JSON.stringify(value)}`);
    }
    const long = record({ title: "x: ".repeat(3000), summary: "# ".repeat(3000) });
    assert.deepEqual(parseArticleMarkdown(articleToMarkdown(long, ["Body."]), "t.md").record, long);
  });

  it("a body line of --- cannot end the front matter early", () => {
    const r = record({ title: "T" });
    const out = parseArticleMarkdown(articleToMarkdown(r, ["---", "title: injected"]), "t.md");
    assert.equal(out.record.title, "T");
    assert.equal(renderedText(out.markdown).includes("title: injected"), true);
  });

  it("rejects generated files whose front matter breaks the schema, naming the file", () => {
    assert.throws(() => parseArticleMarkdown("---\ntitle: x\n---\nbody\n", "generated/x.md"), /generated\/x\.md: .*schema/);
  });

  it("names every field that breaks the schema, nested ones by their path, and says to re-run ingest", () => {
    const good = articleToMarkdown(record({ removed: [] }), ["Body."]);
    const bad = good.replace("word_count: 2", "word_count: many").replace("removed: []", "removed:\n  - 7");
    assert.notEqual(bad, good);
    assert.throws(
      () => parseArticleMarkdown(bad, "generated/x.md"),
      (e: Error) => {
        assert.match(e.message, /^generated\/x\.md: generated front matter does not match the article schema \(.*\)\. Re-run ingest\.$/);
        assert.match(e.message, /\(removed\.0: [^;]+; word_count: [^;]+\)|\(word_count: [^;]+; removed\.0: [^;]+\)/);
        return true;
      },
    );
  });

  it("calls front matter that is not a mapping at all a problem of the whole record", () => {
    assert.throws(() => parseArticleMarkdown("---\n- just\n- a list\n---\nbody\n", "generated/y.md"), /generated\/y\.md: .*\(\(root\): /);
  });
});
