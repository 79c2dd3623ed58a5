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

/**
 * Writes `entries` to `file` as one JSON object: `JSON.stringify(Object.fromEntries(entries))`
 * byte for byte when no key is an array index (those JSON.stringify puts first), made an
 * entry at a time.
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
        yield `${first ? "" : ","}${JSON.stringify(key)}:${json}`;
        first = false;
      }
      yield "}";
    })(),
  );
}
