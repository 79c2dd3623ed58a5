import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { decodeText, readTextFile } from "../../src/util/read-text.ts";
import { asciiJson, WRITE_PIECE_CHARS, writeJsonObjectFile, writeTextPieces } from "../../src/util/write-json.ts";

/**
 * The ingest cache's files are written a piece at a time (src/util/write-json.ts), in
 * ASCII: what a later build reads back (src/util/read-text.ts) must be the value one
 * JSON.stringify of the whole would have written, whatever the text holds.
 */
let dir: string;
const saved = WRITE_PIECE_CHARS.size;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "write-json-"));
  // Pieces of a few characters: every file below is written in many.
  WRITE_PIECE_CHARS.size = 7;
});
after(async () => {
  WRITE_PIECE_CHARS.size = saved;
  await rm(dir, { recursive: true, force: true });
});

// File names as the cache's keys: never an array index.
const keyArb = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !/^(0|[1-9]\d*)$/.test(k));

// Keys and strings of any characters: accents, curly quotes, CJK, emoji (two surrogates), lone surrogates.
const unicodeKeyArb = fc.string({ minLength: 1, maxLength: 12, unit: fc.oneof(fc.constantFrom("é", "’", "中", "😀", "\ud800", "\\", '"'), fc.string({ unit: "binary", maxLength: 1 })) }).filter((k) => k.length > 0 && !/^(0|[1-9]\d*)$/.test(k));

test("an object written an entry at a time reads back as the value JSON.stringify of the whole gives, in ASCII bytes", async () => {
  const file = path.join(dir, "object.json");
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.tuple(fc.oneof(keyArb, unicodeKeyArb), fc.jsonValue({ maxDepth: 3, stringUnit: fc.oneof(fc.constantFrom("é", "’", "中", "😀"), fc.string({ unit: "binary", maxLength: 1 })) })), { selector: ([k]) => k, maxLength: 300, size: "max" }),
      async (entries) => {
        writeJsonObjectFile(file, entries);
        const whole = JSON.stringify(Object.fromEntries(entries));
        const bytes = await readFile(file);
        assert.ok(bytes.every((b) => b < 0x80), "every byte is ASCII");
        assert.equal(bytes.toString("latin1"), asciiJson(whole));
        const text = await readTextFile(file);
        assert.deepEqual(JSON.parse(text), JSON.parse(whole));
      },
    ),
    { numRuns: 100 },
  );
});

test("ASCII escapes stand for the very characters: accents, quotes, emoji, a lone surrogate", () => {
  const value = { "café’s.txt": ["“Quoted” – naïve", "中文 😀", "\ud800 alone", "plain \\ \"q\" \u007f"] };
  const json = asciiJson(JSON.stringify(value));
  assert.match(json, /^[\x00-\x7f]*$/);
  assert.ok(json.includes("\\u00e9") && json.includes("\\ud83d\\ude00"), json);
  assert.deepEqual(JSON.parse(json), value);
  // Text that is ASCII already is left as it is.
  assert.equal(asciiJson('{"a":"b\\u00e9"}'), '{"a":"b\\u00e9"}');
});

test("a file is read as UTF-8 text whether or not it is all ASCII", async () => {
  const file = path.join(dir, "mixed.txt");
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: fc.oneof(fc.constantFrom("é", "’", "中", "😀"), fc.string({ unit: "binary-ascii", maxLength: 1 })), maxLength: 2000, size: "max" }), async (text) => {
      await writeFile(file, text);
      assert.equal(await readTextFile(file), text);
      assert.equal(decodeText(Buffer.from(text, "utf8")), text);
    }),
    { numRuns: 100 },
  );
});

test("an entry whose value has no JSON is left out, as JSON.stringify leaves it", async () => {
  const file = path.join(dir, "undefined.json");
  const entries: [string, unknown][] = [["a.txt", 1], ["b.txt", undefined], ["c.txt", { key: "k", analyzed: [undefined, "x"] }]];
  writeJsonObjectFile(file, entries);
  assert.equal(await readFile(file, "utf8"), JSON.stringify(Object.fromEntries(entries)));
  assert.deepEqual(JSON.parse(await readFile(file, "utf8")), { "a.txt": 1, "c.txt": { key: "k", analyzed: [null, "x"] } });
});

test("text written in pieces is the pieces joined, however they fall against the piece size", async () => {
  const file = path.join(dir, "text.txt");
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ maxLength: 20, unit: "grapheme" }), { maxLength: 400, size: "max" }), async (pieces) => {
      writeTextPieces(file, pieces);
      assert.equal(await readFile(file, "utf8"), pieces.join(""));
    }),
    { numRuns: 100 },
  );
});
