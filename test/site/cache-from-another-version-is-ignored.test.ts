import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildVersions } from "../../src/publish/versions.ts";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";

const seeds = path.join(projectRoot, "articles");

describe("a build cache written by another version of the code", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "other-version-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("is ignored, even when what it holds is wrong, and replaced by this version's", async () => {
    const folders = { articlesDir: seeds, outputDir: path.join(work, "site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") };
    const other = { ingest: "0000000000000000000000000000000000000000", site: "1111111111111111111111111111111111111111" };
    await publish(folders, { versions: other });

    // Poison everything the other version left: analyses, page fingerprints, search records.
    const cache = folders.cacheDir;
    const manifest = JSON.parse(await readFile(path.join(cache, "site.json"), "utf8"));
    for (const url of Object.keys(manifest.pages)) manifest.pages[url] = "not-a-fingerprint";
    await writeFile(path.join(cache, "site.json"), JSON.stringify(manifest));
    for (const folder of await readdir(path.join(cache, "ingest"))) {
      for (const shard of await readdir(path.join(cache, "ingest", folder))) {
        const file = path.join(cache, "ingest", folder, shard);
        await writeFile(file, (await readFile(file, "utf8")).replace(/"title":"[^"]*"/g, '"title":"A poisoned title"'));
      }
    }

    const current = await publish(folders);
    assert.equal(current.ingest.analyzed, 4, "every article is analysed again");
    assert.equal(current.ingest.reused, 0);
    assert.equal(current.renderedAll, true, "every page is rendered again");
    const site = await snapshot(folders.outputDir);
    assert.ok(![...site.values()].some((bytes) => bytes.includes("A poisoned title")));
    const cold = { articlesDir: seeds, outputDir: path.join(work, "cold/site"), contentDir: path.join(work, "cold/content") };
    await publish(cold);
    assertSameSite(site, await snapshot(cold.outputDir), "after ignoring the other version's cache");

    const versions = await buildVersions(testConfig(folders));
    assert.deepEqual(await readdir(path.join(cache, "ingest")), [`${versions.ingest.slice(0, 16)}-2026-11-23`], "only this version's analyses are kept");
    assert.deepEqual(await readdir(path.join(cache, "search")), [versions.site.slice(0, 16)], "only this version's search records are kept");
    const again = await publish(folders);
    assert.equal(again.ingest.reused, 4, "this version's cache is used by the next build");
    assert.equal(again.changed, false);
  });
});
