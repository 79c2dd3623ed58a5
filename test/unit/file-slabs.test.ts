import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { FileSlabs, MAX_SLAB_BYTES } from "../../src/util/file-slabs.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * The ingest reads article files into shared slabs (so that a process can give the memory
 * back once it lets the files go): each file must still read as its own bytes, whatever
 * the slab size and however the files fall against it.
 */
describe("reading files into slabs", () => {
  it("reads every file as readFileSync does, across slab boundaries, with files larger than a slab and empty ones", async () => {
    const dir = await tempDir("file-slabs-");
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 300, size: "max" }),
        async (slabBytes, sizes) => {
          round++;
          const files = sizes.map((size, i) => {
            const file = path.join(dir, `${round}-${i}.txt`);
            // Each file's bytes differ from every other's, so a file read from the wrong place shows.
            writeFileSync(file, Buffer.from(Array.from({ length: size }, (_, j) => (i * 31 + j * 7 + round) % 256)));
            return file;
          });
          const slabs = new FileSlabs(slabBytes);
          const read = files.map((file) => slabs.read(file));
          read.forEach((bytes, i) => assert.ok(bytes.equals(readFileSync(files[i])), `file ${i} of ${files.length} (${sizes[i]} bytes, slab ${slabBytes})`));
          // No two files share bytes: overwriting each in turn leaves every other as it was.
          for (const bytes of read) bytes.fill(0);
          read.forEach((bytes) => assert.ok(bytes.every((b) => b === 0)));
          const total = read.reduce((sum, bytes) => sum + bytes.length, 0);
          assert.equal(total, sizes.reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("puts many small files in one slab, and a large file in a buffer of its own", async () => {
    const dir = await tempDir("file-slabs-");
    const small = Array.from({ length: 50 }, (_, i) => {
      const file = path.join(dir, `small-${i}.txt`);
      writeFileSync(file, `article ${i}\n`.repeat(20));
      return file;
    });
    const large = path.join(dir, "large.txt");
    writeFileSync(large, "x".repeat(100_000));
    const slabs = new FileSlabs(64 * 1024);
    const read = small.map((file) => slabs.read(file));
    assert.equal(new Set(read.map((bytes) => bytes.buffer)).size, 1, "the small files share one slab");
    const big = slabs.read(large);
    assert.equal(big.length, 100_000);
    assert.notEqual(big.buffer, read[0].buffer);
    assert.equal(big.byteOffset, 0);
    // A slab is never asked for more than the largest size.
    assert.ok(new FileSlabs(10 * MAX_SLAB_BYTES).read(small[0]).buffer.byteLength <= MAX_SLAB_BYTES);
  });

  it("throws what reading throws for a missing file, and goes on reading the next", async () => {
    const dir = await tempDir("file-slabs-");
    const there = path.join(dir, "there.txt");
    writeFileSync(there, "text");
    const slabs = new FileSlabs(1024);
    assert.throws(() => slabs.read(path.join(dir, "gone.txt")), (error: NodeJS.ErrnoException) => error.code === "ENOENT");
    assert.equal(slabs.read(there).toString(), "text");
  });
});
