import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { renderSite } from "../../src/publish/render.ts";
import { buildSite, listFiles, projectRoot, testConfig } from "../helpers/site-build.ts";

describe("rendering in two processes", () => {
  it("writes exactly the same files, byte for byte, as one process", async () => {
    const site = await buildSite(path.join(projectRoot, "test/fixtures/timeline"));
    const work = await mkdtemp(path.join(os.tmpdir(), "parallel-render-"));
    const one = path.join(work, "one");
    const two = path.join(work, "two");
    const config = testConfig({ articlesDir: path.join(projectRoot, "test/fixtures/timeline"), contentDir: site.contentDir, outputDir: one });
    const options = { contentDir: site.contentDir, layoutsDir: config.layoutsDir, site: config.site };
    const single = await renderSite({ ...options, outputDir: one, processes: 1 });
    const shared = await renderSite({ ...options, outputDir: two, processes: 2 });
    assert.deepEqual(shared.outputs, single.outputs);
    const files = await listFiles(one);
    assert.deepEqual(await listFiles(two), files);
    assert.ok(files.length > 20, `${files.length} files`);
    for (const f of files) assert.ok((await readFile(path.join(one, f))).equals(await readFile(path.join(two, f))), f);
  });

  it("writes the same files in rounds of a few pages as in one run", async () => {
    const site = await buildSite(path.join(projectRoot, "test/fixtures/timeline"));
    const work = await mkdtemp(path.join(os.tmpdir(), "round-render-"));
    const one = path.join(work, "one");
    const rounds = path.join(work, "rounds");
    const config = testConfig({ articlesDir: path.join(projectRoot, "test/fixtures/timeline"), contentDir: site.contentDir, outputDir: one });
    const options = { contentDir: site.contentDir, layoutsDir: config.layoutsDir, site: config.site, processes: 1 };
    const whole = await renderSite({ ...options, outputDir: one, pagesPerRound: 1_000_000 });
    const inRounds = await renderSite({ ...options, outputDir: rounds, pagesPerRound: 3 });
    assert.deepEqual(inRounds.outputs, whole.outputs);
    assert.deepEqual(new Map(inRounds.fingerprints), new Map(whole.fingerprints));
    const files = await listFiles(one);
    assert.deepEqual(await listFiles(rounds), files);
    assert.ok(files.length > 20, `${files.length} files`);
    for (const f of files) assert.ok((await readFile(path.join(one, f))).equals(await readFile(path.join(rounds, f))), f);
  });
});
