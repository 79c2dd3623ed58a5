import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { ArticleError } from "../../src/errors.ts";
import { repairMojibake } from "../../src/ingest/decode.ts";
import { articleToMarkdown, bodyToMarkdown, parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

/**
 * Properties of the whole ingest pipeline on generated input. (Detokenizing clean text
 * is already a property in detokenize.test.ts; escaping alone in markdown.test.ts.)
 */

const NOW = new Date("2026-11-23T00:00:00Z");
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const encoder = new TextEncoder();

/** Pieces that stress every step: HTML, Markdown, YAML, datelines, bylines, furniture, Treebank tokens. */
const hostilePiece = fc.constantFrom(
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<!-- c -->", "</textarea>",
  "# ", "* ", "1. ", "- ", "> ", "`", "|", "---", "***", "&amp;", "&#60;", "\\", "{{ x }}", "{% raw %}",
  ": ", "#", "'", "\"", "&anchor", "*alias", "? ", "!tag",
  "MIAMI — ", "WASHINGTON (Reuters) - ", "By Jane Doe", "Share this:", "16.8k SHARES", "Up Next:", "CLOSE ",
  "`` ", " ''", " n't", " 's", " ,", "-LRB-", "“", "”", "’", "—", "…", "\u00a0", "\t",
  "Feb. 7, 2017", "Tuesday", "2017-02-08", "Donald Trump", "New York", "U.S.", "ICE",
);
const word = fc.constantFrom("the", "harbor", "council", "voted", "Mayor", "said", "budget", "on", "a", "Miami", "police");
const piece = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: hostilePiece },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(" ", "\n", "\n\n", "\r\n", ". ") },
);
const rawText = fc.array(piece, { maxLength: 120 }).map((ps) => ps.join(" "));
const rawFile = fc.oneof(
  { weight: 4, arbitrary: rawText.map((t) => encoder.encode(t)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 80 }), rawText).map(([fm, t]) => encoder.encode(`---\n${fm}\n---\n${t}`)) },
);
const archive = fc.array(rawFile, { minLength: 1, maxLength: 4 }).map((files) => files.map((bytes, i) => ({ file: `a${i}.txt`, bytes })));

function ingestChecked(inputs: { file: string; bytes: Uint8Array }[]) {
  const result = ingestArchive(inputs, { now: NOW });
  for (const e of result.errors) assert.ok(e instanceof ArticleError, `not an ArticleError: ${String(e)}`);
  assert.equal(new Set([...result.articles.map((a) => a.record.source_file), ...result.errors.map((e) => e.file)]).size, inputs.length, "every file gets an article or an error");
  return result;
}

describe("ingest on generated input", () => {
  it("returns articles or ArticleErrors for any files, never throws anything else", () => {
    fc.assert(fc.property(archive, (inputs) => void ingestChecked(inputs)), { numRuns: 400 });
  });

  it("writes a Markdown body that renders to paragraphs of exactly the body text, with no element from the input", () => {
    fc.assert(
      fc.property(archive, (inputs) => {
        for (const a of ingestChecked(inputs).articles) {
          const html = md.render(bodyToMarkdown(a.body));
          assert.doesNotMatch(html, /<(?!\/?p>)[a-z!/?]/i, "only <p> elements");
          const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
            m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
          );
          assert.deepEqual(paragraphs, a.body.map((p) => p.replace(/\s+/g, " ").trim()));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("writes front matter that parses back to the same record and the same body", () => {
    fc.assert(
      fc.property(archive, (inputs) => {
        for (const a of ingestChecked(inputs).articles) {
          const back = parseArticleMarkdown(articleToMarkdown(a.record, a.body), `${a.record.slug}.md`);
          assert.deepEqual(back.record, a.record);
          assert.equal(back.markdown, bodyToMarkdown(a.body));
        }
      }),
      { numRuns: 300 },
    );
  });

  // What a contributor may type in a value: any printable text (decode removes control
  // characters, line separators and BOMs from the whole file, so those are left out).
  const printable = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
    .filter((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s) && s.trim() !== "")
    // Decoding repairs mojibake in the whole file, front matter included ("Â " is a
    // non-breaking space read as Windows-1252; decode.test.ts covers that repair), so the
    // round trip is a property of text that is not mojibake.
    .filter((s) => repairMojibake(s) === s);

  it("takes titles, names and tags from a file's own front matter exactly as written, through ingest and back", () => {
    fc.assert(
      fc.property(printable, fc.array(printable, { minLength: 1, maxLength: 4 }), fc.array(printable, { maxLength: 4 }), (title, authors, tags) => {
        const yaml = `---\ntitle: ${JSON.stringify(title)}\nauthors: ${JSON.stringify(authors)}\ntags: ${JSON.stringify(tags)}\n---\n`;
        const body = "Harbor Vote\n\nThe harbor council voted on the budget on Tuesday.\n";
        const result = ingestChecked([{ file: "fm.txt", bytes: encoder.encode(yaml + body) }]);
        assert.deepEqual(result.errors.map((e) => e.message), []);
        const r = result.articles[0].record;
        assert.equal(r.title, title.normalize("NFC"));
        assert.deepEqual(r.authors, authors.map((a) => a.normalize("NFC")));
        assert.deepEqual(r.tags, tags.map((t) => t.normalize("NFC")));
        assert.deepEqual(parseArticleMarkdown(articleToMarkdown(r, result.articles[0].body), "fm.md").record, r);
      }),
      { numRuns: 300 },
    );
  });
});
