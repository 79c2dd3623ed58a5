import { describe, it, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from "../../src/ingest/decode.ts";
import { ArticleError } from "../../src/errors.ts";

const articlesDir = new URL("../../articles/", import.meta.url);
const seedFiles = readdirSync(articlesDir).filter((f) => f.endsWith(".txt")).sort();

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    out.set(order === "le" ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

function assertArticleError(run: () => unknown, file: string, pattern: RegExp): void {
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof ArticleError, "throws an ArticleError");
    assert.equal(err.file, file);
    assert.match(err.message, new RegExp(`^${file.replace(/[.]/g, "\\.")}: `));
    assert.match(err.message, pattern);
    assert.ok(err.hint && err.hint.length > 10, "says what to do about it");
    return true;
  });
}

test("plain UTF-8 text comes back unchanged", () => {
  assert.equal(decodeArticleBytes(utf8("Pérez said “no”.\nNext line."), "a.txt"), "Pérez said “no”.\nNext line.");
});

test("a UTF-8 byte-order mark is dropped", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Headline\n\nBody.")]);
  assert.equal(decodeArticleBytes(bytes, "a.txt"), "Headline\n\nBody.");
});

test("UTF-16 little-endian with a BOM is decoded", () => {
  assert.equal(decodeArticleBytes(utf16("Trump’s order — “sanctuary”", "le"), "a.txt"), "Trump’s order — “sanctuary”");
});

test("UTF-16 big-endian with a BOM is decoded", () => {
  assert.equal(decodeArticleBytes(utf16("Miami-Dade\r\nPérez", "be"), "a.txt"), "Miami-Dade\nPérez");
});

test("CRLF and lone CR line ends become \\n", () => {
  assert.equal(decodeArticleBytes(utf8("one\r\ntwo\rthree\n\r\nfour"), "a.txt"), "one\ntwo\nthree\n\nfour");
});

test("bytes that are not valid UTF-8 are read as Windows-1252 (Word's curly quotes)", () => {
  // 0x93/0x94 are “ ” and 0xE9 is é in Windows-1252; none is valid UTF-8 here.
  const bytes = new Uint8Array([0x93, ...utf8("P"), 0xe9, ...utf8("rez"), 0x94, ...utf8(" it"), 0x92, ...utf8("s")]);
  assert.equal(decodeArticleBytes(bytes, "a.txt"), "“Pérez” it’s");
});

test("C1 control characters left by a Latin-1 misreading get their Windows-1252 meaning", () => {
  assert.equal(decodeArticleBytes(utf8("He said \u0093yes\u0094 and it\u0092s done\u0085"), "a.txt"), "He said “yes” and it’s done…");
});

test("the result is NFC-normalised (a decomposed é becomes one character)", () => {
  const text = decodeArticleBytes(utf8("Pe\u0301rez"), "a.txt");
  assert.equal(text, "P\u00e9rez");
  assert.equal(text.length, 5);
});

test("the result never contains \\r, NUL or U+FEFF", () => {
  const text = decodeArticleBytes(utf8("\uFEFFa\r\nb\uFEFFc\rd"), "a.txt");
  assert.equal(text, "a\nbc\nd");
  assert.doesNotMatch(text, /[\r\u0000\uFEFF]/);
});

test("an empty file is refused with the file's name and a hint", () => {
  assertArticleError(() => decodeArticleBytes(new Uint8Array(), "empty.txt"), "empty.txt", /empty/);
});

test("a file of only whitespace (and a BOM) counts as empty", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(" \n\t\r\n\u00a0 \n")]);
  assertArticleError(() => decodeArticleBytes(bytes, "blank.txt"), "blank.txt", /empty/);
});

test("a file with NUL bytes is refused as binary", () => {
  const bytes = new Uint8Array([...utf8("PK"), 0x03, 0x04, 0x00, 0x00, ...utf8("word/document.xml")]);
  assertArticleError(() => decodeArticleBytes(bytes, "story.docx.txt"), "story.docx.txt", /NUL|binary/);
});

test("UTF-16 without a BOM is refused as binary rather than read as garbage", () => {
  const bytes = utf16("Hello world", "le").subarray(2);
  assertArticleError(() => decodeArticleBytes(bytes, "u16.txt"), "u16.txt", /binary/);
});

test("text that is mostly control characters is refused as not text", () => {
  const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 7)));
  assertArticleError(() => decodeArticleBytes(bytes, "junk.txt"), "junk.txt", /control characters/);
});

test("a UTF-32 file, either byte order, is refused with what to do", () => {
  const le = Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]);
  const be = Uint8Array.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x41]);
  assertArticleError(() => decodeArticleBytes(le, "le.txt"), "le.txt", /UTF-32/);
  assertArticleError(() => decodeArticleBytes(be, "be.txt"), "be.txt", /UTF-32/);
});

test("a Windows-1252 file that starts with ï (the first byte of a UTF-8 BOM) keeps its first letters", () => {
  const bytes = Uint8Array.from("ïle de la Cité: the harbor council met on Tuesday, the mayor said.", (c) => c.charCodeAt(0));
  assert.equal(decodeArticleBytes(bytes, "w.txt"), "ïle de la Cité: the harbor council met on Tuesday, the mayor said.");
  const almostBom = Uint8Array.from([0xef, 0xbb, 0x41, 0x42, 0x43, 0x20, 0x6e, 0x65, 0x77, 0x73]);
  assert.equal(decodeArticleBytes(almostBom, "w.txt"), "ï»ABC news");
});

test("the five bytes Windows-1252 leaves undefined are dropped, not shown as control characters", () => {
  assert.equal(decodeArticleBytes(utf8("The vote\u0081 was \u009dheld on Tuesday."), "c1.txt"), "The vote was held on Tuesday.");
  assert.equal(decodeArticleBytes(utf8("He said \u0093yes\u0094 \u0096 then left."), "c1.txt"), "He said “yes” – then left.");
});

test("a few stray control characters are dropped, the text is kept", () => {
  assert.equal(decodeArticleBytes(utf8("An ordinary\u0007 line\u001b of text."), "a.txt"), "An ordinary line of text.");
});

test("a file over 2 MiB is refused at once, without decoding it", () => {
  assert.equal(MAX_ARTICLE_BYTES, 2 * 1024 * 1024);
  assertArticleError(() => decodeArticleBytes(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61), "big.txt"), "big.txt", /larger than 2 MiB; split it or trim it/);
});

test("a 20 MB file is refused by its size before anything else is read in it", () => {
  // NUL bytes that are not valid UTF-8 either: were the file decoded first, it would be
  // refused as binary instead, and a huge dump would be decoded on every build.
  const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x00).fill(0xff, 0, 1024);
  assertArticleError(() => decodeArticleBytes(bytes, "huge.txt"), "huge.txt", /^huge\.txt: is 20\.0 MiB, larger than 2 MiB; split it or trim it\./);
});

test("a file of exactly 2 MiB is still accepted", () => {
  const bytes = new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61);
  assert.equal(decodeArticleBytes(bytes, "a.txt").length, MAX_ARTICLE_BYTES);
});

for (const file of seedFiles) {
  test(`seed ${file} decodes to its UTF-8 text, NFC, without \\r, NUL or BOM`, () => {
    const bytes = readFileSync(new URL(file, articlesDir));
    const text = decodeArticleBytes(bytes, file);
    assert.equal(text, new TextDecoder().decode(bytes).normalize("NFC"));
    assert.doesNotMatch(text, /[\r\u0000\uFEFF]/);
  });
}

test("seed 002 saved as Windows-1252 decodes to the same text as its UTF-8 original", () => {
  const file = "002_b04d322f93dc3252.txt";
  const text = readFileSync(new URL(file, articlesDir), "utf8");
  const toCp1252: Record<string, number> = { "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "—": 0x97, "é": 0xe9 };
  const bytes = Uint8Array.from([...text].map((c) => toCp1252[c] ?? c.charCodeAt(0)));
  assert.ok([...text].every((c) => c.charCodeAt(0) < 0x80 || c in toCp1252), "the seed only needs these characters");
  assert.equal(decodeArticleBytes(bytes, file), text);
});

test("seed 000 with CRLF line ends decodes to the same text as with LF", () => {
  const file = "000_12e87a7c7f271ebb.txt";
  const text = readFileSync(new URL(file, articlesDir), "utf8");
  assert.equal(decodeArticleBytes(utf8(text.replace(/\n/g, "\r\n")), file), text);
});

describe("text saved twice with the wrong encoding (mojibake)", () => {
  const decode = (text: string) => decodeArticleBytes(new TextEncoder().encode(text), "m.txt");

  it("reads “Hillaryâ€™s” as “Hillary’s”, whether the middle bytes came out as C1 controls or as Windows-1252", () => {
    assert.equal(decode("Hillaryâ€™s A â€˜Bigotâ€™ â€“ hereâ€™s how"), "Hillary’s A ‘Bigot’ – here’s how");
    assert.equal(decode("Hillary\u00e2\u0080\u0099s"), "Hillary’s");
    assert.equal(decode("Ã©tÃ© in MÃ¼nchen"), "été in München");
  });

  it("repairs two-, three- and four-byte characters, at the edges of each range", () => {
    assert.equal(decode("Â© 2017 and Ã©Ã¨ and Ã—"), "© 2017 and éè and ×");
    assert.equal(decode("à¤• and ï¼Ÿ"), "क and ？");
    assert.equal(decode("Great news ðŸ˜€ today"), "Great news 😀 today");
  });

  it("keeps a character that starts no sequence inside a repaired run", () => {
    assert.equal(decode("cafÃ©× menu"), "café× menu");
  });

  it("leaves real accented text alone", () => {
    for (const text of ["café", "Ångström", "Pérez said «non»", "São Paulo, 25°C", "naïve résumé — “quoted”", "Æsir, Ødegaard"]) {
      assert.equal(decode(text), text);
    }
  });
});

describe("only a whole byte-order mark chooses an encoding", () => {
  const decode = (bytes: number[]) => decodeArticleBytes(Uint8Array.from(bytes), "bom.txt");
  const latin = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  const words = latin(" the harbor council met on Tuesday.");

  it("a Windows-1252 file that starts with some of a mark's bytes is read as Windows-1252, whole", () => {
    for (const start of ["ÿA", "Aþ", "þA", "Aÿ", "AB¿", "A»¿", "ï»A", "ïA¿", "ABþÿ", "abcÿ"]) {
      assert.equal(decode([...latin(start), ...words]), `${start} the harbor council met on Tuesday.`, start);
    }
  });

  it("a UTF-8 mark before Windows-1252 text is dropped, and the text read as Windows-1252", () => {
    assert.equal(decode([0xef, 0xbb, 0xbf, ...latin("Caf"), 0xe9, 0x20, 0x93, ...latin("open"), 0x94, ...words]), "Café “open” the harbor council met on Tuesday.");
  });

  it("a UTF-16 file whose first character has a zero byte is not taken for UTF-32", () => {
    // U+4100 after a little-endian mark: FF FE 00 41.
    assert.equal(decode([0xff, 0xfe, 0x00, 0x41, 0x20, 0x00, 0x41, 0x00]), "\u4100 A");
    // U+4100 after a big-endian mark: FE FF 41 00.
    assert.equal(decode([0xfe, 0xff, 0x41, 0x00, 0x00, 0x20, 0x00, 0x41]), "\u4100 A");
  });

  it("binary bytes that share some of a UTF-32 mark are refused as binary, not as UTF-32", () => {
    for (const start of [[0x41, 0x42, 0x00, 0x00], [0xff, 0x41, 0x00, 0x00], [0x41, 0xfe, 0x00, 0x00], [0x00, 0x41, 0xfe, 0xff], [0x41, 0x00, 0xfe, 0xff], [0x00, 0x00, 0x41, 0xff], [0x00, 0x00, 0xfe, 0x41], [0x00, 0x41, 0x42, 0x43]]) {
      assert.throws(() => decode([...start, ...words]), /NUL bytes, so it looks like a binary file/, start.join(" "));
    }
  });
});

describe("line breaks, page breaks and control characters", () => {
  it("Unicode line and paragraph separators become a line end and a blank line", () => {
    assert.equal(decodeArticleBytes(utf8("Line one\u2028Line two\u2029Next paragraph."), "s.txt"), "Line one\nLine two\n\nNext paragraph.");
  });

  it("form feeds and vertical tabs separate what they stood between", () => {
    assert.equal(decodeArticleBytes(utf8("Page one ends.\fPage two begins.\u000bAnd a third."), "f.txt"), "Page one ends.\nPage two begins.\nAnd a third.");
  });

  it("one control character in ten is dropped; one in nine is too many", () => {
    assert.equal(decodeArticleBytes(utf8("abcdefghi\u0007"), "ten.txt"), "abcdefghi");
    assertArticleError(() => decodeArticleBytes(utf8("abcdefgh\u0007"), "nine.txt"), "nine.txt", /mostly control characters/);
  });

  it("spaces, line ends and tabs do not dilute control characters", () => {
    const junk = "a\u0001".repeat(30);
    for (const pad of [" ", "\n", "\t"]) {
      assertArticleError(() => decodeArticleBytes(utf8(junk + pad.repeat(2000)), "junk.txt"), "junk.txt", /mostly control characters/);
    }
  });
});

test("a Windows-1252 file longer than 8 KiB is decoded whole, with nothing between its pieces", () => {
  const sentence = "The harbor council\x92s vote \x96 held on Tuesday \x96 passed. ";
  const bytes = Uint8Array.from(sentence.repeat(600), (c) => c.charCodeAt(0));
  assert.ok(bytes.length > 3 * 8192);
  assert.equal(decodeArticleBytes(bytes, "long.txt"), "The harbor council’s vote – held on Tuesday – passed. ".repeat(600));
});

describe("mojibake, more edges", () => {
  const decode = (text: string) => decodeArticleBytes(new TextEncoder().encode(text), "m.txt");

  it("repairs the last two-byte lead and the last four-byte lead", () => {
    assert.equal(decode("NKo ß¿ sign"), "NKo \u07ff sign");
    assert.equal(decode("plane ô€€€ end"), "plane \u{100000} end");
  });

  it("drops the  of a non-breaking space that became a plain space, and keeps a real Â", () => {
    assert.equal(decode("The campsÂ as they stood"), "The camps as they stood");
    assert.equal(decode("L'Âge d'or\tÂ\tends"), "L'Âge d'or\t\tends");
    assert.equal(decode("L'ÂGE D'OR"), "L'ÂGE D'OR");
  });

  it("leaves Latin-1 capitals that only look like a sequence's start alone", () => {
    for (const text of ["EL PEÑÓN", "MÜÑCHEN", "ÉÉ"]) assert.equal(decode(text), text);
  });
});
