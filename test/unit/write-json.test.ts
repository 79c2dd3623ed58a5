import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { WRITE_PIECE_CHARS, writeJsonObjectFile, writeTextPieces } from "../../src/util/write-json.ts";

/**
 * The ingest cache's files are written a piece at a time (src/util/write-json.ts): what a
 * later build reads back must be what one JSON.stringify of the whole would have written.
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

test("an object written an entry at a time is, byte for byte, JSON.stringify of the whole", async () => {
  const file = path.join(dir, "object.json");
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(fc.tuple(keyArb, fc.jsonValue({ maxDepth: 3 })), { selector: ([k]) => k, maxLength: 300, size: "max" }), async (entries) => {
      writeJsonObjectFile(file, entries);
      assert.equal(await readFile(file, "utf8"), JSON.stringify(Object.fromEntries(entries)));
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
