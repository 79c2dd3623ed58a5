import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { moveInto } from "../../src/publish/merge-stage.ts";
import { listSiteFiles } from "../../src/publish/site-folder.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * `--merge --move-shards` moves the shards' pages into the site: a folder no earlier shard
 * wrote into moves whole (one rename), and the rest page by page, so the site holds every
 * shard's pages, each the shard's own file, whatever the folders they share.
 */

const SHARDS: Record<string, string>[] = [
  { "index.html": "home", "articles/index.html": "list 1", "articles/a/index.html": "a", "people/p/index.html": "p", "assets/site.css": "css" },
  { "articles/b/index.html": "b", "articles/page/2/index.html": "list 2", "people/q/index.html": "q", "tags/t/index.html": "t" },
  { "articles/c/index.html": "c", "articles/page/3/index.html": "list 3", "tags/u/deep/index.html": "u", "timeline/2020/index.html": "2020" },
];

async function writeShard(dir: string, files: Record<string, string>): Promise<string[]> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  // A shard's site also holds its search index, which is not among its pages.
  await mkdir(path.join(dir, "pagefind", "fragment"), { recursive: true });
  await writeFile(path.join(dir, "pagefind", "fragment", "en_1.pf_fragment"), "fragment");
  return Object.keys(files);
}

describe("moving shards' pages into a merged site", () => {
  it("puts every shard's pages in the site, moving a folder no earlier shard has whole, and leaves the search indexes behind", async () => {
    const work = await tempDir("merge-move-");
    const site = path.join(work, "site");
    await mkdir(site);
    const shardDirs = SHARDS.map((_, i) => path.join(work, `shard-${i + 1}`));
    const lists = await Promise.all(SHARDS.map((files, i) => writeShard(shardDirs[i], files)));
    // Folders that only one shard has, first among the shards: each must arrive as the same folder (inode).
    const whole = [
      [0, "articles"],
      [0, "people"],
      [1, "people/q"],
      [1, "tags"],
      [1, "articles/page"],
      [2, "articles/page/3"],
      [2, "tags/u"],
      [2, "timeline"],
    ] as const;
    const inodes = whole.map(([shard, folder]) => statSync(path.join(shardDirs[shard], folder)).ino);
    const placed = new Set<string>();
    for (const [i, dir] of shardDirs.entries()) assert.equal(moveInto(dir, site, lists[i], placed), true);

    const expected = Object.assign({}, ...SHARDS) as Record<string, string>;
    assert.deepEqual(await listSiteFiles(site), Object.keys(expected).sort());
    for (const [file, text] of Object.entries(expected)) assert.equal(await readFile(path.join(site, file), "utf8"), text, file);
    whole.forEach(([shard, folder], n) => assert.equal(statSync(path.join(site, folder)).ino, inodes[n], `shard ${shard + 1}'s ${folder} moved whole`));
    for (const [i, dir] of shardDirs.entries()) {
      assert.deepEqual(await listSiteFiles(dir), ["pagefind/fragment/en_1.pf_fragment"], `shard ${i + 1} keeps only its search index`);
    }
  });

  it("moves nothing from another file system, and says so, so that the merge links or copies instead", async (t) => {
    const shm = "/dev/shm";
    const work = await tempDir("merge-move-");
    if (!existsSync(shm) || statSync(shm).dev === statSync(work).dev) return t.skip("no second file system here");
    const from = mkdtempSync(path.join(shm, "merge-move-"));
    try {
      const files = await writeShard(from, SHARDS[1]);
      const placed = new Set<string>();
      assert.equal(moveInto(from, work, files, placed), false);
      assert.deepEqual(await listSiteFiles(from), [...files, "pagefind/fragment/en_1.pf_fragment"].sort(), "every file is still in the shard");
      assert.deepEqual([...placed], [], "and the site was not told it has any of their folders");
    } finally {
      rmSync(from, { recursive: true, force: true });
    }
  });
});
