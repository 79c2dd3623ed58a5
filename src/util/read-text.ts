import { isAscii } from "node:buffer";
import { readFile } from "node:fs/promises";

/**
 * A whole file as text, decoded in one piece. `readFile(file, "utf8")` decodes it chunk by
 * chunk into a string joined from the pieces, which JSON.parse first copies into one: for
 * the large JSON files a build reads whole (the ingest cache's shards, the site
 * manifest), reading the bytes and decoding them at once is faster (the 120 MB article
 * index of 100,000 articles, when it was read whole: about 1.5 s against 1.1 to 1.3 s,
 * parse included) and holds less memory while parsing. The article index is now read a
 * line at a time (src/site/article-index.ts).
 */
export async function readTextFile(file: string): Promise<string> {
  return decodeText(await readFile(file));
}

/**
 * UTF-8 bytes as text. Bytes that are all ASCII (the ingest cache's JSON, written so by
 * src/util/write-json.ts) are the same text in Latin-1, which is copied as it is rather
 * than decoded (about 2.5 times as fast, 95 MB in 0.28 s against 0.72).
 */
export function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}
