import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CborReader, CborWriter, decodeCbor, encodeCbor, type CborValue } from "../../src/publish/cbor.ts";

/**
 * The CBOR subset Pagefind's index files use (src/publish/cbor.ts): what it writes must be
 * what Pagefind's encoder writes (shortest forms), or a merged index's bytes would differ
 * from a build's, and what it reads must fail loudly on anything else.
 */

/** Examples from RFC 8949, Appendix A. */
const RFC_EXAMPLES: [CborValue, string][] = [
  [0, "00"],
  [23, "17"],
  [24, "1818"],
  [100, "1864"],
  [255, "18ff"],
  [256, "190100"],
  [1000, "1903e8"],
  [65535, "19ffff"],
  [65536, "1a00010000"],
  [1000000, "1a000f4240"],
  [4294967295, "1affffffff"],
  [1000000000000, "1b000000e8d4a51000"],
  [-1, "20"],
  [-10, "29"],
  [-24, "37"],
  [-25, "3818"],
  [-100, "3863"],
  [-1000, "3903e7"],
  ["", "60"],
  ["a", "6161"],
  ["IETF", "6449455446"],
  ["ü", "62c3bc"],
  ["水", "63e6b0b4"],
  ["𐅑", "64f0908591"],
  [[], "80"],
  [[1, 2, 3], "83010203"],
  [[1, [2, 3], [4, 5]], "8301820203820405"],
  [Array.from({ length: 25 }, (_, i) => i + 1), "98190102030405060708090a0b0c0d0e0f101112131415161718181819"],
];

const value: fc.Arbitrary<CborValue> = fc.letrec<{ v: CborValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    fc.constantFrom(0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -24, -25, -256, -257, -65537),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.array(tie("v"), { maxLength: 40 }),
  ),
})).v;

describe("CBOR as Pagefind's index files use it", () => {
  it("writes RFC 8949's examples byte for byte (shortest forms) and reads them back", () => {
    for (const [v, hex] of RFC_EXAMPLES) {
      assert.equal(encodeCbor(v).toString("hex"), hex, JSON.stringify(v));
      const bytes = Buffer.from(hex, "hex");
      assert.deepEqual(decodeCbor(bytes), { value: v, end: bytes.length });
    }
  });

  it("reads back whatever it writes, at every length form (arrays past 65,535 items, strings past 65,535 bytes)", () => {
    fc.assert(
      fc.property(value, (v) => {
        const bytes = encodeCbor(v);
        assert.deepEqual(decodeCbor(bytes), { value: v, end: bytes.length });
      }),
      { numRuns: 300 },
    );
    const long: CborValue = [Array.from({ length: 70_000 }, (_, i) => i % 300), "x".repeat(70_000), "é".repeat(200)];
    const bytes = encodeCbor(long);
    assert.deepEqual(decodeCbor(bytes).value, long);
    assert.equal(bytes[1], 0x9a, "an array of 70,000 items has a 4-byte length");
  });

  it("reads item by item what the writer wrote, and skips whole items", () => {
    const w = new CborWriter();
    w.arrayHead(4);
    w.int(-300);
    w.text("naïve");
    w.value([[1, 2, [3]], "skip me", 70_000]);
    w.int(2 ** 33);
    const r = new CborReader(w.bytes());
    assert.equal(r.array(), 4);
    assert.equal(r.int(), -300);
    assert.equal(r.text(), "naïve");
    const start = r.at;
    assert.equal(r.skip(), 3, "skip tells an array's length");
    assert.deepEqual(decodeCbor(r.data.subarray(start, r.at)).value, [[1, 2, [3]], "skip me", 70_000]);
    assert.throws(() => r.int(), /unsupported length encoding 27/, "the reader's integers stop at 32 bits");
  });

  it("refuses data cut short, maps, byte strings, floats and integers past 2^53, naming the problem", () => {
    assert.throws(() => decodeCbor(Buffer.from("83010203", "hex").subarray(0, 3)), /ends at byte 3/);
    assert.throws(() => decodeCbor(Buffer.from("6449455446", "hex").subarray(0, 4)), /runs past the end/);
    assert.throws(() => decodeCbor(Buffer.from("a0", "hex")), /unsupported major type 5/);
    assert.throws(() => decodeCbor(Buffer.from("4161", "hex")), /unsupported major type 2/);
    assert.throws(() => decodeCbor(Buffer.from("fb3ff199999999999a", "hex")), /unsupported/);
    assert.throws(() => decodeCbor(Buffer.from("1bffffffffffffffff", "hex")), /too large/);
    assert.throws(() => decodeCbor(Buffer.from("9f01ff", "hex")), /unsupported length encoding 31/);
    assert.throws(() => new CborReader(Buffer.from("01", "hex")).array(), /expected an array/);
    assert.throws(() => new CborReader(Buffer.from("6161", "hex")).int(), /expected an integer/);
    assert.throws(() => new CborReader(Buffer.from("01", "hex")).text(), /expected a string/);
    assert.throws(() => new CborReader(Buffer.from("", "hex")).head(), /ends at byte 0/);
    assert.throws(() => new CborReader(Buffer.from("a0", "hex")).skip(), /unsupported major type 5/);
    assert.throws(() => encodeCbor(1.5), /not an integer/);
  });
});
