import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { replaceDir, type SwapOperations } from "../../src/publish/site-folder.ts";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { projectRoot } from "../helpers/site-build.ts";

/** File operations whose rename of `fresh` into place fails, as a full disk or a lost mount would make it. */
function failingToMoveIn(fresh: () => string | undefined): SwapOperations & { failures: number } {
  const ops = {
    failures: 0,
    async rename(from: string, to: string) {
      if (from === fresh() || path.basename(from).includes(".tmp-")) {
        ops.failures++;
        throw Object.assign(new Error(`simulated failure moving ${from} into place`), { code: "EIO" });
      }
      await rename(from, to);
    },
  };
  return ops;
}

describe("when the swap itself fails", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "failed-swap-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("replaceDir puts the old folder back: the site is never missing or half-replaced", async () => {
    const target = path.join(work, "unit/site");
    const fresh = path.join(work, "unit/site.tmp-new");
    await mkdir(target, { recursive: true });
    await mkdir(fresh, { recursive: true });
    await writeFile(path.join(target, "index.html"), "old site");
    await writeFile(path.join(fresh, "index.html"), "new site");
    const ops = failingToMoveIn(() => fresh);
    await assert.rejects(replaceDir(fresh, target, { ops }), /simulated failure/);
    assert.equal(ops.failures, 1, "the failure happened inside the swap");
    assert.deepEqual((await snapshot(target)).get("index.html")!.toString(), "old site");
    assert.deepEqual((await readdir(path.dirname(target))).sort(), ["site", "site.tmp-new"], "the old site is back under its name, nothing else moved");
  });

  it("a build whose swap fails leaves the old site in place, byte for byte, and no folder behind", async () => {
    const folders = { articlesDir: path.join(projectRoot, "articles"), outputDir: path.join(work, "build/site"), contentDir: path.join(work, "build/content"), cacheDir: path.join(work, "build/cache") };
    await publish(folders);
    const before = await snapshot(folders.outputDir);
    // A new path prefix changes every page, so the new site differs from the old one throughout.
    const ops = failingToMoveIn(() => undefined);
    await assert.rejects(publish({ ...folders, pathPrefix: "/moved/" }, { swapOperations: ops }), /simulated failure/);
    assert.equal(ops.failures, 1);
    assertSameSite(await snapshot(folders.outputDir), before, "the site after the failed swap");
    assert.deepEqual(await readdir(path.dirname(folders.outputDir)), ["cache", "content", "site"]);
    const next = await publish(folders);
    assert.equal(next.changed, false, "the next build finds the old site and its cache in agreement");
  });
});
