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
interface TextSketch {
  /** Of its normalized words: equal hashes, the same words in the same order. */
  hash: string;
  /** Its shingles, sorted, and their MinHash signature; none for a text under `minWords`. */
  shingles?: Uint32Array;
  signature?: Uint32Array;
}

/** The last call's sketches by text (the dev server saves one article at a time; a sketch is a few KB). */
let sketchCache: { settings: NearDuplicateSettings; byText: Map<string, TextSketch> } | undefined;

/**
 * Every exact or near-duplicate pair among `texts`, sorted by `a` then `b`.
 * `involving`, when given, keeps only pairs with at least one id in it (a pull
 * request's files against the whole archive).
 */
export function findDuplicatePairs(
  texts: readonly DuplicateText[],
  options: { involving?: ReadonlySet<string>; settings?: NearDuplicateSettings } = {},
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
  const known = sketchCache?.settings === settings ? sketchCache.byText : new Map<string, TextSketch>();
  const byText = new Map<string, TextSketch>();
  for (const t of ordered) {
    let sketch = known.get(t.text) ?? byText.get(t.text);
    if (!sketch) {
      const words = normalizedWords(t.text);
      const shingles = words.length >= settings.minWords ? shingleHashes(words, settings.shingleWords) : undefined;
      sketch = { hash: createHash("sha1").update(words.join(" ")).digest("base64"), shingles, signature: shingles && minHashSignature(shingles, seeds) };
    }
    byText.set(t.text, sketch);
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
  sketchCache = { settings, byText };

  const buckets = new Map<string, number[]>();
  const candidates = new Set<number>();
  sketches.forEach(({ sketch }, index) => {
    const signature = sketch.signature!;
    for (let band = 0; band < settings.bands; band++) {
      const rows = signature.subarray(band * settings.rowsPerBand, (band + 1) * settings.rowsPerBand);
      const key = `${band}:${rows.join(",")}`;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [index]);
        continue;
      }
      // Pair keys as numbers (index pairs) keep the candidate set small and fast.
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
