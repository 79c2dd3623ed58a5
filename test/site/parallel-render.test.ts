import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { collectAfterRound, renderRounds, renderSite, RENDER_GARBAGE_BUDGET, type RenderOptions } from "../../src/publish/render.ts";
import { buildSite, listFiles, projectRoot, testConfig } from "../helpers/site-build.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** The timeline fixture's Markdown, and two output folders to render it into. */
async function fixture(): Promise<{ options: Omit<RenderOptions, "outputDir">; one: string; two: string }> {
  const articlesDir = path.join(projectRoot, "test/fixtures/timeline");
  const site = await buildSite(articlesDir);
  const work = await tempDir("parallel-render-");
  const one = path.join(work, "one");
  const config = testConfig({ articlesDir, contentDir: site.contentDir, outputDir: one });
  return { options: { contentDir: site.contentDir, layoutsDir: config.layoutsDir, site: config.site }, one, two: path.join(work, "two") };
}

/** Both folders hold the same files, byte for byte (and more than a handful). */
async function assertSameFiles(one: string, two: string): Promise<void> {
  const files = await listFiles(one);
  assert.deepEqual(await listFiles(two), files);
  assert.ok(files.length > 20, `${files.length} files`);
  for (const f of files) assert.ok((await readFile(path.join(one, f))).equals(await readFile(path.join(two, f))), f);
}

describe("rendering in two processes", () => {
  it("writes exactly the same files, byte for byte, as one process", async () => {
    const { options, one, two } = await fixture();
    const single = await renderSite({ ...options, outputDir: one, processes: 1 });
    const shared = await renderSite({ ...options, outputDir: two, processes: 2 });
    assert.deepEqual(shared.outputs, single.outputs);
    await assertSameFiles(one, two);
  });

  it("writes the same files in rounds of a few pages as in one run", async () => {
    const { options, one, two } = await fixture();
    const whole = await renderSite({ ...options, outputDir: one, processes: 1, pagesPerRound: 1_000_000 });
    const inRounds = await renderSite({ ...options, outputDir: two, processes: 1, pagesPerRound: 3 });
    assert.deepEqual(inRounds.outputs, whole.outputs);
    assert.deepEqual(new Map(inRounds.fingerprints), new Map(whole.fingerprints));
    await assertSameFiles(one, two);
  });

  it("collects what making the model left before the first round, then the rounds' garbage once they have left the budget of it, not after every round", async () => {
    const { options, one } = await fixture();
    const collections = async (garbageBudget: number) => {
      const had = (globalThis as { gc?: () => void }).gc;
      let count = 0;
      (globalThis as { gc?: () => void }).gc = () => void count++;
      try {
        const result = await renderSite({ ...options, outputDir: one, processes: 1, pagesPerRound: 3, garbageBudget });
        return { count, rounds: renderRounds(result.fingerprints.length, 1, 3) };
      } finally {
        (globalThis as { gc?: () => void }).gc = had;
      }
    };
    // Any heap over the budget: one once the model is made, then one between every two
    // rounds, none after the last.
    const eager = await collections(-Infinity);
    assert.ok(eager.rounds >= 8, `${eager.rounds} rounds`);
    assert.equal(eager.count, eager.rounds);
    // A budget no round reaches: only the one that lets go of what making the model left.
    assert.equal((await collections(Number.MAX_SAFE_INTEGER)).count, 1);
  });
});

describe("a render process's collections between rounds", () => {
  it("come once the heap holds more than the budget above what the last one left", () => {
    const held = 300 * 1024 * 1024;
    assert.equal(collectAfterRound(held + RENDER_GARBAGE_BUDGET, held), false);
    assert.equal(collectAfterRound(held + RENDER_GARBAGE_BUDGET + 1, held), true);
    assert.equal(collectAfterRound(held - 1024, held), false, "less in use than after the last collection (V8 collected on its own)");
    assert.equal(collectAfterRound(held + 10, held, 0), true);
  });
});
