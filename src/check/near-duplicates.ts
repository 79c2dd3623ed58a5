import { createHash } from "node:crypto";
import { NEAR_DUPLICATE } from "./check-settings.ts";

/**
 * Exact and near-duplicate articles, without comparing every pair: texts are reduced
 * to words (case, accents, punctuation and spacing ignored), exact copies share a
 * hash, and near copies are found by MinHash over word 5-shingles with LSH banding.
 * Only pairs that share a band become candidates, and each candidate's Jaccard
 * similarity is then computed exactly, so a reported figure is never an estimate.
 */

export interface DuplicateText {
  /** Any stable id (the file name). */
  id: string;
  text: string;
}

export interface DuplicatePair {
  /** The pair in id order: `a < b`. */
  a: string;
  b: string;
  /** 1 for the same words in the same order; otherwise the shingle Jaccard similarity. */
  similarity: number;
  exact: boolean;
}

export interface NearDuplicateSettings {
  shingleWords: number;
  bands: number;
  rowsPerBand: number;
  /** Pairs at or above this Jaccard similarity are near-duplicates. */
  threshold: number;
  /** Texts with fewer words are only compared exactly (a few shared words mean little). */
  minWords: number;
}

/** Lowercase words without accents: what stays the same when a text is re-typed or re-saved. */
export function normalizedWords(text: string): string[] {
  // NFKD is slow on long texts and does nothing to plain ASCII.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** FNV-1a over a word's UTF-16 units: a cheap, stable 32-bit id for a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: spreads the bits of a 32-bit value. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The sorted, distinct hashes of a text's k-word shingles (one shingle for a shorter text). */
export function shingleHashes(words: readonly string[], k: number): Uint32Array {
  const wordHashes = words.map(hashWord);
  const count = Math.max(1, wordHashes.length - k + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // Each word rotated by its place in the shingle, so word order counts.
    let h = 0x9747b28c;
    for (let j = 0; j < k && i + j < wordHashes.length; j++) {
      const w = wordHashes[i + j];
      const r = (j * 7) & 31;
      h ^= (w << r) | (w >>> (32 - r));
    }
    shingles[i] = mix32(h);
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i];
  return shingles.subarray(0, distinct);
}

/** |A ∩ B| / |A ∪ B| of two sorted, distinct arrays, in one merge pass. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 1 : shared / union;
}

/** Fixed seeds so the same archive always gives the same candidates. */
function permutationSeeds(n: number): Uint32Array {
  const seeds = new Uint32Array(n);
  let s = 0x2545f491;
  for (let i = 0; i < n; i++) {
    s = mix32(s + 0x9e3779b9);
    seeds[i] = s;
  }
  return seeds;
}

function minHashSignature(shingles: Uint32Array, seeds: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < seeds.length; i++) {
      // Half of mix32: `x` is already well mixed, each seed only has to reorder it.
      let h = Math.imul(x ^ seeds[i], 0x85ebca6b);
      h = (h ^ (h >>> 13)) >>> 0;
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/** What the pairs are found from, per text: it depends on the text and the settings only. */
export interface TextSketch {
  /** Of its normalized words: equal hashes, the same words in the same order. */
  hash: string;
  /** Its shingles, sorted, and their MinHash signature; none for a text under `minWords`. */
  shingles?: Uint32Array;
  signature?: Uint32Array;
}

/** The last call's sketches by text (the dev server saves one article at a time; a sketch is a few KB). */
let sketchCache: { settings: NearDuplicateSettings; byText: Map<string, TextSketch> } | undefined;

/**
 * Sketches kept by the caller between calls, by textDigest of their text (a build keeps
 * them on disk: src/publish/article-memo.ts). A call finds the sketches of unchanged texts
 * here and leaves the store holding exactly the sketches of its own texts.
 */
export type SketchStore = Map<string, TextSketch>;

/** The key of a text in a SketchStore. */
export function textDigest(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}

const SKETCH_FILE_MAGIC = "news-archive sketches 1\n";
const DIGEST_BYTES = 20;
/** Written as the shingle count of a text too short to be compared by shingles. */
const NO_SHINGLES = 0xffffffff;

/**
 * A SketchStore as bytes: a header naming the settings, then per text its digest, its
 * words' hash, its shingle count, its shingles and its signature (all in 4-byte units).
 */
export function encodeSketches(store: SketchStore, settings: NearDuplicateSettings = NEAR_DUPLICATE): Buffer {
  let header = Buffer.from(`${SKETCH_FILE_MAGIC}${JSON.stringify(settings)}\n`);
  // Padded so every number after it starts at a multiple of 4 bytes.
  header = Buffer.concat([header, Buffer.alloc((4 - (header.length % 4)) % 4, " ")]);
  const signatureLength = settings.bands * settings.rowsPerBand;
  let size = header.length + 4;
  for (const sketch of store.values()) size += 2 * DIGEST_BYTES + 4 + (sketch.shingles ? 4 * (sketch.shingles.length + signatureLength) : 0);
  const out = Buffer.alloc(size);
  header.copy(out, 0);
  let at = header.length;
  out.writeUInt32LE(store.size, at);
  at += 4;
  for (const [digest, sketch] of store) {
    at += Buffer.from(digest, "base64").copy(out, at);
    at += Buffer.from(sketch.hash, "base64").copy(out, at);
    if (!sketch.shingles || !sketch.signature) {
      out.writeUInt32LE(NO_SHINGLES, at);
      at += 4;
      continue;
    }
    out.writeUInt32LE(sketch.shingles.length, at);
    at += 4;
    for (const list of [sketch.shingles, sketch.signature]) {
      for (let i = 0; i < list.length; i++, at += 4) out.writeUInt32LE(list[i], at);
    }
  }
  return out;
}

/** The store encodeSketches wrote, or undefined for bytes written with other settings, or cut short, or not sketches at all. */
export function decodeSketches(bytes: Buffer, settings: NearDuplicateSettings = NEAR_DUPLICATE): SketchStore | undefined {
  const expected = `${SKETCH_FILE_MAGIC}${JSON.stringify(settings)}\n`;
  if (bytes.length < expected.length || bytes.toString("utf8", 0, expected.length) !== expected) return undefined;
  const signatureLength = settings.bands * settings.rowsPerBand;
  let at = expected.length + ((4 - (Buffer.byteLength(expected) % 4)) % 4);
  const readList = (length: number): Uint32Array => {
    const list = new Uint32Array(length);
    for (let i = 0; i < length; i++, at += 4) list[i] = bytes.readUInt32LE(at);
    return list;
  };
  try {
    const count = bytes.readUInt32LE(at);
    at += 4;
    const store: SketchStore = new Map();
    for (let n = 0; n < count; n++) {
      const digest = bytes.toString("base64", at, (at += DIGEST_BYTES));
      const hash = bytes.toString("base64", at, (at += DIGEST_BYTES));
      if (at + 4 > bytes.length) return undefined;
      const shingleCount = bytes.readUInt32LE(at);
      at += 4;
      if (shingleCount === NO_SHINGLES) {
        store.set(digest, { hash, shingles: undefined, signature: undefined });
        continue;
      }
      if (at + 4 * (shingleCount + signatureLength) > bytes.length) return undefined;
      store.set(digest, { hash, shingles: readList(shingleCount), signature: readList(signatureLength) });
    }
    return at === bytes.length ? store : undefined;
  } catch {
    // A read past the end: the file was cut short.
    return undefined;
  }
}

/**
 * Every exact or near-duplicate pair among `texts`, sorted by `a` then `b`.
 * `involving`, when given, keeps only pairs with at least one id in it (a pull
 * request's files against the whole archive).
 */
export function findDuplicatePairs(
  texts: readonly DuplicateText[],
  options: { involving?: ReadonlySet<string>; settings?: NearDuplicateSettings; store?: SketchStore } = {},
): DuplicatePair[] {
  const settings = options.settings ?? NEAR_DUPLICATE;
  const keep = (a: string, b: string) => !options.involving || options.involving.has(a) || options.involving.has(b);
  const pairs = new Map<string, DuplicatePair>();
  const add = (x: string, y: string, similarity: number, exact: boolean) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    if (!pairs.has(key) && keep(a, b)) pairs.set(key, { a, b, similarity, exact });
  };

  const ordered = [...texts].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const byExactHash = new Map<string, string[]>();
  const sketches: { id: string; sketch: TextSketch & { shingles: Uint32Array } }[] = [];
  const seeds = permutationSeeds(settings.bands * settings.rowsPerBand);
  const { store } = options;
  const known = store || sketchCache?.settings !== settings ? new Map<string, TextSketch>() : sketchCache.byText;
  const byText = new Map<string, TextSketch>();
  const byDigest: SketchStore = new Map();
  for (const t of ordered) {
    const digest = store && textDigest(t.text);
    let sketch = digest ? (store!.get(digest) ?? byDigest.get(digest)) : (known.get(t.text) ?? byText.get(t.text));
    if (!sketch) {
      const words = normalizedWords(t.text);
      const shingles = words.length >= settings.minWords ? shingleHashes(words, settings.shingleWords) : undefined;
      sketch = { hash: createHash("sha1").update(words.join(" ")).digest("base64"), shingles, signature: shingles && minHashSignature(shingles, seeds) };
    }
    if (digest) byDigest.set(digest, sketch);
    else byText.set(t.text, sketch);
    const same = byExactHash.get(sketch.hash);
    if (same) {
      for (const other of same) add(other, t.id, 1, true);
      same.push(t.id);
      // A copy is reported as a copy of the first; its near-duplicates are the first's.
      continue;
    }
    byExactHash.set(sketch.hash, [t.id]);
    if (sketch.shingles) sketches.push({ id: t.id, sketch: sketch as TextSketch & { shingles: Uint32Array } });
  }
  // The next call (npm start's next save) reuses the sketches of the texts that did not change.
  if (store) {
    store.clear();
    for (const [digest, sketch] of byDigest) store.set(digest, sketch);
  } else {
    sketchCache = { settings, byText };
  }

  // Per band, the texts whose rows there are the same: keyed by the rows as text (two
  // UTF-16 units per row), a lone text by its index, not a list. At 100,000 articles the
  // 1.2 million keys written out in digits, each with a list, were about 150 MB.
  const buckets = Array.from({ length: settings.bands }, () => new Map<string, number | number[]>());
  const candidates = new Set<number>();
  sketches.forEach(({ sketch }, index) => {
    const signature = sketch.signature!;
    for (let band = 0; band < settings.bands; band++) {
      let key = "";
      for (let r = band * settings.rowsPerBand; r < (band + 1) * settings.rowsPerBand; r++) key += String.fromCharCode(signature[r] >>> 16, signature[r] & 0xffff);
      const inBand = buckets[band];
      const bucket = inBand.get(key);
      if (bucket === undefined) {
        inBand.set(key, index);
        continue;
      }
      // Pair keys as numbers (index pairs) keep the candidate set small and fast.
      if (typeof bucket === "number") {
        candidates.add(bucket * sketches.length + index);
        inBand.set(key, [bucket, index]);
        continue;
      }
      for (const other of bucket) candidates.add(other * sketches.length + index);
      bucket.push(index);
    }
  });

  for (const key of candidates) {
    const x = sketches[Math.floor(key / sketches.length)];
    const y = sketches[key % sketches.length];
    if (!keep(x.id, y.id)) continue;
    const [xs, ys] = [x.sketch.shingles, y.sketch.shingles];
    // Jaccard can only reach the threshold when the sizes are close enough.
    const [small, large] = xs.length < ys.length ? [xs.length, ys.length] : [ys.length, xs.length];
    if (small / large < settings.threshold) continue;
    const similarity = jaccard(xs, ys);
    if (similarity >= settings.threshold) add(x.id, y.id, similarity, false);
  }

  return [...pairs.values()].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
