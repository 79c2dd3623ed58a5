/**
 * The part of CBOR (RFC 8949) Pagefind's index files use: unsigned and negative integers,
 * text strings and definite-length arrays, encoded the way Pagefind's encoder (minicbor)
 * writes them, shortest form first, so a file decoded and encoded again is the same bytes
 * (test/unit/pagefind-merge.test.ts checks it on Pagefind's own files).
 */

export type CborValue = number | string | CborValue[];

/** Decodes one value starting at `offset`; throws on anything outside the subset above. */
export function decodeCbor(bytes: Uint8Array, offset = 0): { value: CborValue; end: number } {
  let at = offset;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (): CborValue => {
    if (at >= buffer.length) throw new Error(`CBOR: the data ends at byte ${at} inside a value`);
    const initial = buffer[at++];
    const major = initial >> 5;
    const info = initial & 31;
    // Byte strings, maps, tags and floats (major types 2, 5, 6, 7) are not in Pagefind's files.
    if (major === 2 || major > 4) throw new Error(`CBOR: unsupported major type ${major} at byte ${at - 1}`);
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = buffer[at++];
    else if (info === 25) (n = buffer.readUInt16BE(at)), (at += 2);
    else if (info === 26) (n = buffer.readUInt32BE(at)), (at += 4);
    else if (info === 27) {
      const big = buffer.readBigUInt64BE(at);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`CBOR: integer at byte ${at - 1} is too large`);
      n = Number(big);
      at += 8;
    } else throw new Error(`CBOR: unsupported length encoding ${info} at byte ${at - 1}`);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) {
      const end = at + n;
      if (end > buffer.length) throw new Error(`CBOR: a string runs past the end of the data`);
      const text = buffer.toString("utf8", at, end);
      at = end;
      return text;
    }
    // Major type 4: an array of n items.
    const items: CborValue[] = new Array(n);
    for (let i = 0; i < n; i++) items[i] = read();
    return items;
  };
  const value = read();
  return { value, end: at };
}

/** Reads CBOR item by item, for formats known in advance (no values built that are not asked for). */
export class CborReader {
  private readonly buffer: Buffer;
  at: number;
  constructor(bytes: Uint8Array, offset = 0) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = offset;
  }

  /** The last head read: its major type and number (fields, not an object per item: the merge reads millions). */
  private major = 0;
  private n = 0;

  /** The next item's major type and number (a length, or an integer's magnitude). */
  head(): { major: number; n: number } {
    this.readHead();
    return { major: this.major, n: this.n };
  }

  private readHead(): void {
    const b = this.buffer;
    if (this.at >= b.length) throw new Error(`CBOR: the data ends at byte ${this.at} inside a value`);
    const initial = b[this.at++];
    const info = initial & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = b[this.at++];
    else if (info === 25) (n = b.readUInt16BE(this.at)), (this.at += 2);
    else if (info === 26) (n = b.readUInt32BE(this.at)), (this.at += 4);
    else throw new Error(`CBOR: unsupported length encoding ${info} at byte ${this.at - 1}`);
    this.major = initial >> 5;
    this.n = n;
  }

  array(): number {
    this.readHead();
    if (this.major !== 4) throw new Error(`CBOR: expected an array at byte ${this.at}`);
    return this.n;
  }

  int(): number {
    this.readHead();
    const { major, n } = this;
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    throw new Error(`CBOR: expected an integer at byte ${this.at}`);
  }

  text(): string {
    this.readHead();
    const { major, n } = this;
    if (major !== 3) throw new Error(`CBOR: expected a string at byte ${this.at}`);
    const s = this.buffer.toString("utf8", this.at, this.at + n);
    this.at += n;
    return s;
  }

  /** Skips one item; returns its length when it is an array (else 0). */
  skip(): number {
    this.readHead();
    const { major, n } = this;
    if (major === 0 || major === 1) return 0;
    if (major === 2 || major === 3) {
      this.at += n;
      return 0;
    }
    if (major === 4) {
      for (let i = 0; i < n; i++) this.skip();
      return n;
    }
    throw new Error(`CBOR: unsupported major type ${major}`);
  }

  /** The bytes read (offsets such as `at` are into these). */
  get data(): Buffer {
    return this.buffer;
  }
}

/** A growable byte buffer that CBOR values are appended to. */
export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  private head(major: number, n: number): void {
    this.reserve(9);
    const b = this.buffer;
    if (n < 24) b[this.length++] = (major << 5) | n;
    else if (n <= 0xff) {
      b[this.length++] = (major << 5) | 24;
      b[this.length++] = n;
    } else if (n <= 0xffff) {
      b[this.length++] = (major << 5) | 25;
      b.writeUInt16BE(n, this.length);
      this.length += 2;
    } else if (n <= 0xffffffff) {
      b[this.length++] = (major << 5) | 26;
      b.writeUInt32BE(n, this.length);
      this.length += 4;
    } else {
      b[this.length++] = (major << 5) | 27;
      b.writeBigUInt64BE(BigInt(n), this.length);
      this.length += 8;
    }
  }

  /** The head of an array of `n` items; the items follow. */
  arrayHead(n: number): void {
    this.head(4, n);
  }

  int(n: number): void {
    if (!Number.isSafeInteger(n)) throw new Error(`CBOR: ${n} is not an integer`);
    if (n >= 0) this.head(0, n);
    else this.head(1, -1 - n);
  }

  text(s: string): void {
    const n = Buffer.byteLength(s, "utf8");
    this.head(3, n);
    this.reserve(n);
    this.buffer.write(s, this.length, n, "utf8");
    this.length += n;
  }

  value(v: CborValue): void {
    if (typeof v === "number") this.int(v);
    else if (typeof v === "string") this.text(v);
    else {
      this.arrayHead(v.length);
      for (const item of v) this.value(item);
    }
  }

  /** Bytes `start` to `end` of `source` as they are (already encoded values), without a view made of them. */
  rawRange(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    // Most are a few bytes (a page's word positions): a loop beats Buffer#copy's overhead there.
    if (end - start <= 32) {
      const b = this.buffer;
      let at = this.length;
      for (let i = start; i < end; i++) b[at++] = source[i];
      this.length = at;
    } else this.length += source.copy(this.buffer, this.length, start, end);
  }

  /** Raw bytes (an already encoded value). */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  get size(): number {
    return this.length;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

export function encodeCbor(value: CborValue): Buffer {
  const w = new CborWriter();
  w.value(value);
  return Buffer.from(w.bytes());
}
