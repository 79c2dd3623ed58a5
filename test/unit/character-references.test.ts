// HTML character references left in text copied from a page's source ("Jos&#233; Manuel
// Barroso", "&#163;1.8m"): a reader sees the characters they stand for, in the headline and
// the names too.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { decodeCharacterReferences, NAMED_REFERENCES } from "../../src/ingest/character-references.ts";
import { decodeArticleBytes } from "../../src/ingest/decode.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

const NOW = new Date("2026-01-01T00:00:00Z");

describe("decodeCharacterReferences", () => {
  test("reads decimal, hexadecimal and named references as their characters", () => {
    assert.equal(decodeCharacterReferences("Jos&#233; Manuel Barroso"), "José Manuel Barroso");
    assert.equal(decodeCharacterReferences("&#xA3;1.8m and &#XE9;t&#xe9;"), "£1.8m and été");
    assert.equal(decodeCharacterReferences("6&frac12; months, AT&amp;T, &quot;no&quot; &lt;b&gt;"), '6½ months, AT&T, "no" <b>');
    assert.equal(decodeCharacterReferences("caf&eacute; &Eacute;mile &yuml; &nbsp;"), "café Émile ÿ \u00a0");
    assert.equal(decodeCharacterReferences("&euro;5 &mdash; &hellip;&rsquo;"), "€5 — …’");
    // An emoji above U+FFFF is one character, not two halves.
    assert.equal(decodeCharacterReferences("&#128512;"), "😀");
  });

  test("decodes once: a reference to an ampersand is not read again", () => {
    assert.equal(decodeCharacterReferences("&amp;amp; and &amp;#233;"), "&amp; and &#233;");
  });

  test("leaves text that is no reference as written", () => {
    for (const text of ["R&D and AT&T", "&copy 2017 (no semicolon)", "&notaname; and &zz;", "& amp;", "&#;", "&#x;", "a &# 65; b"]) {
      assert.equal(decodeCharacterReferences(text), text);
    }
    // Numbers that are no character: a lone surrogate, beyond U+10FFFF.
    assert.equal(decodeCharacterReferences("&#xD800; &#55296; &#x110000; &#9999999;"), "&#xD800; &#55296; &#x110000; &#9999999;");
  });

  test("names HTML 4's Latin-1 characters in order, from nbsp to yuml", () => {
    assert.equal(NAMED_REFERENCES.get("nbsp"), "\u00a0");
    assert.equal(NAMED_REFERENCES.get("iquest"), "¿");
    assert.equal(NAMED_REFERENCES.get("Agrave"), "À");
    assert.equal(NAMED_REFERENCES.get("times"), "×");
    assert.equal(NAMED_REFERENCES.get("szlig"), "ß");
    assert.equal(NAMED_REFERENCES.get("divide"), "÷");
    assert.equal(NAMED_REFERENCES.get("yuml"), "ÿ");
  });
});

describe("an article's text with character references", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test("decodes to clean text: controls dropped, Windows-1252 numbers repaired, line ends normalised", () => {
    assert.equal(decodeArticleBytes(bytes("Title\n\nIt&#146;s up&#5;&#0; 5&#37;.&#13;&#10;Next line"), "a.txt"), "Title\n\nIt’s up 5%.\nNext line");
    // A soft hyphen is nothing a reader sees: the word is whole again.
    assert.equal(decodeArticleBytes(bytes("Title\n\ninfor&shy;mation"), "a.txt"), "Title\n\ninformation");
  });

  test("gives the headline, the body and the names their real characters", () => {
    const text = "&#163;1.8m indecency fine for Viacom\n\nIn a letter, EC President Jos&#233; Manuel Barroso told the firm it had paid &#163;1.8m.\n\nJos&#233; Manuel Barroso said the case was closed.\n";
    const { articles, errors } = ingestArchive([{ file: "viacom.txt", bytes: bytes(text) }], { now: NOW });
    assert.deepEqual(errors, []);
    const [{ record, body }] = articles;
    assert.equal(record.title, "£1.8m indecency fine for Viacom");
    assert.ok(body.join("\n").includes("José Manuel Barroso told the firm it had paid £1.8m."), body.join("\n"));
    assert.ok(!body.join("\n").includes("&#"), body.join("\n"));
    assert.deepEqual(record.people, ["José Manuel Barroso"]);
  });
});
