import { SIGNATURE_WORDS, type RelatedState } from "./related.ts";

/**
 * The related-articles pass's state (RelatedState, src/ingest/related.ts) as bytes, for the
 * ingest cache: a header line of JSON (the pass's settings and every part's size), the
 * slugs and the window's keys as JSON, then the numbers, little-endian, each part starting
 * at a multiple of 8 bytes. About 190 bytes an article (18 MB at 100,000).
 */
const MAGIC = "news-archive related state 1\n";

interface Header {
  format: string;
  n: number;
  cap: number;
  /** Candidates and results kept per article. */
  rescored: number;
  limit: number;
  /** Bytes of the JSON of [slugs, window entries]. */
  text: number;
}

const pad8 = (length: number) => (8 - (length % 8)) % 8;

export function encodeRelatedState(state: RelatedState): Buffer {
  const n = state.n;
  const rescored = n ? state.candidates.length / n : 0;
  const limit = n ? state.results.length / n : 0;
  const text = Buffer.from(JSON.stringify([state.slugs, [...state.window]]));
  const header: Header = { format: state.format, n, cap: state.cap, rescored, limit, text: text.length };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  const parts = [state.thresholds, state.signatures, state.candidates, state.results];
  const start = head.length + text.length;
  let size = start + pad8(start);
  for (const part of parts) size += part.byteLength;
  const out = Buffer.alloc(size);
  head.copy(out, 0);
  text.copy(out, head.length);
  let at = start + pad8(start);
  for (const part of parts) {
    // Typed arrays are in the machine's order: little-endian wherever Node runs (checked on reading).
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return out;
}

/** The state encodeRelatedState wrote, or undefined for bytes of another shape or cut short. */
export function decodeRelatedState(bytes: Buffer): RelatedState | undefined {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return undefined;
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return undefined;
  const newline = bytes.indexOf(10, MAGIC.length);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(MAGIC.length, newline).toString()) as Header;
    const { n, rescored, limit } = header;
    if (![n, rescored, limit, header.text, header.cap].every((x) => Number.isInteger(x) && x >= 0) || typeof header.format !== "string") return undefined;
    const textStart = newline + 1;
    const [slugs, window] = JSON.parse(bytes.subarray(textStart, textStart + header.text).toString()) as [string[], [string, number][]];
    if (!Array.isArray(slugs) || slugs.length !== n || !Array.isArray(window)) return undefined;
    const start = textStart + header.text;
    let at = start + pad8(start);
    if (bytes.length !== at + n * (8 + 4 * (SIGNATURE_WORDS + rescored + limit))) return undefined;
    // Copied out of the file's buffer (aligned, and not keeping the whole file alive).
    const take = <T extends Float64Array | Int32Array>(Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, count: number): T => {
      const bytesLength = count * Type.BYTES_PER_ELEMENT;
      const copy = new Uint8Array(bytesLength);
      copy.set(bytes.subarray(at, at + bytesLength));
      at += bytesLength;
      return new Type(copy.buffer);
    };
    const thresholds = take(Float64Array, n);
    const signatures = take(Int32Array, SIGNATURE_WORDS * n);
    const candidates = take(Int32Array, n * rescored);
    const results = take(Int32Array, n * limit);
    for (const list of [candidates, results]) for (const article of list) if (article < -1 || article >= n) return undefined;
    return { format: header.format, n, cap: header.cap, slugs, signatures, candidates, thresholds, results, window: new Map(window) };
  } catch {
    return undefined;
  }
}
