import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Text held before it is written: below V8's large-object size (128 KiB), so each piece
 * dies young. A large file's text made as one string goes to the old generation, which
 * is collected only once it has grown by about its live size: the ingest cache's 256
 * shards of 100,000 analyses (520 MB) written one after another took a summary job's
 * ingest process from 1.9 to 2.4 GB before the collector ran.
 */
export const WRITE_PIECE_CHARS = { size: 48 * 1024 };

/** Writes the concatenation of `pieces` to `file`, a few tens of kilobytes at a time. */
export function writeTextPieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, "w");
  try {
    let text = "";
    for (const piece of pieces) {
      text += piece;
      if (text.length >= WRITE_PIECE_CHARS.size) {
        writeSync(fd, text);
        text = "";
      }
    }
    if (text) writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** A character JSON text would hold as more than one byte of UTF-8. */
const NOT_ASCII = /[^\x00-\x7f]/;
const NOT_ASCII_ALL = /[^\x00-\x7f]/g;

/**
 * JSON text with every character beyond ASCII written as its `\uXXXX` escape (a character
 * outside the Basic Multilingual Plane as its two surrogates): the same value to
 * JSON.parse, in one byte a character. Read back (src/util/read-text.ts), such a file
 * is text of one byte a character, where UTF-8 with a single curly quote in it is
 * decoded into text of two: the ingest cache's analyses of 25,000 articles (95 MB, every
 * shard with some) took 0.72 s to decode and 0.92 s to parse, escaped 0.28 s and 0.79 s.
 */
export function asciiJson(json: string): string {
  return NOT_ASCII.test(json) ? json.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/**
 * Writes `entries` to `file` as one JSON object: `JSON.stringify(Object.fromEntries(entries))`
 * when no key is an array index (those JSON.stringify puts first), made an entry at a
 * time, with every character beyond ASCII escaped (asciiJson): the same value, parsed.
 */
export function writeJsonObjectFile(file: string, entries: Iterable<readonly [string, unknown]>): void {
  writeTextPieces(
    file,
    (function* () {
      yield "{";
      let first = true;
      for (const [key, value] of entries) {
        const json = JSON.stringify(value);
        // JSON.stringify leaves out a key whose value has no JSON (undefined, a function).
        if (json === undefined) continue;
        yield asciiJson(`${first ? "" : ","}${JSON.stringify(key)}:${json}`);
        first = false;
      }
      yield "}";
    })(),
  );
}
