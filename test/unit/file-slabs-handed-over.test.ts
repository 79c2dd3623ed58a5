import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { filesOfReply, readIntoSlabs } from "../../src/util/file-slabs.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * A build's ingest process has its article files read into slabs in a thread, which hands
 * the slabs over (src/publish/articles-read-ahead.ts). Each file must come back as its own
 * bytes, whatever the slab size and however the files fall against it, and a file that
 * cannot be read must come back with why, not as some other file's bytes or an empty text.
 */
describe("files read into slabs and handed to another thread", () => {
  /** `sizes.length` files whose bytes differ from every other's, so a file read from the wrong place shows. */
  const writeFiles = (dir: string, round: number, sizes: readonly number[]) =>
    sizes.map((size, i) => {
      const file = path.join(dir, `${round}-${i}.txt`);
      writeFileSync(file, Buffer.from(Array.from({ length: size }, (_, j) => (i * 31 + j * 7 + round) % 256)));
      return file;
    });

  it("hands over every file's bytes as readFileSync reads them, across slabs, with large and empty files", async () => {
    const dir = await tempDir("read-ahead-");
    let round = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 300, size: "max" }),
        (slabBytes, sizes) => {
          round++;
          const paths = writeFiles(dir, round, sizes);
          const { reply, transfer } = readIntoSlabs(paths, slabBytes);
          // What the thread moves: each buffer once (a buffer moved twice fails the move).
          assert.equal(new Set(transfer).size, transfer.length);
          const files = filesOfReply(paths, structuredClone(reply, { transfer }));
          paths.forEach((p, i) => {
            const bytes = files.get(p);
            assert.ok(Buffer.isBuffer(bytes), `file ${i} was read`);
            assert.ok(bytes.equals(readFileSync(p)), `file ${i} of ${paths.length} (${sizes[i]} bytes, slab ${slabBytes})`);
          });
          // No two files share bytes: overwriting each in turn leaves every other as it was.
          for (const bytes of files.values()) (bytes as Buffer).fill(0);
          for (const bytes of files.values()) assert.ok((bytes as Buffer).every((b) => b === 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("says why a file could not be read, and reads the rest", async () => {
    const dir = await tempDir("read-ahead-");
    const paths = writeFiles(dir, 0, [0, 10, 5_000, 40_000, 3]);
    const folder = path.join(dir, "a-folder.txt");
    mkdirSync(folder);
    const gone = path.join(dir, "gone.txt");
    const asked = [paths[0], gone, paths[1], folder, ...paths.slice(2)];
    const { reply, transfer } = readIntoSlabs(asked, 8 * 1024);
    const files = filesOfReply(asked, structuredClone(reply, { transfer }));
    assert.deepEqual([...files.keys()], asked);
    for (const p of paths) assert.ok((files.get(p) as Buffer).equals(readFileSync(p)), path.basename(p));
    assert.equal((files.get(gone) as { code?: string }).code, "ENOENT");
    assert.equal((files.get(folder) as { code?: string }).code, "EISDIR");
    assert.match((files.get(folder) as { message: string }).message, /directory/);
  });
});
