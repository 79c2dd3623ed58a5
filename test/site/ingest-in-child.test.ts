import assert from "node:assert/strict";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { BuildFailedError, runBuild } from "../../src/build/build.ts";
import { createReporter } from "../../src/build/reporter.ts";
import { projectRoot, TEST_NOW } from "../helpers/site-build.ts";

describe("ingesting in a child process (what npm run build does)", () => {
  const quiet = createReporter({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);

  it("builds the same articles as ingesting in the build's own process", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "ingest-child-"));
    const common = { articlesDir: path.join(projectRoot, "articles"), projectRoot, now: TEST_NOW, reporter: quiet };
    const inChild = await runBuild({ ...common, outputDir: path.join(work, "a"), contentDir: path.join(work, "ca"), ingestInChild: true });
    const here = await runBuild({ ...common, outputDir: path.join(work, "b"), contentDir: path.join(work, "cb") });
    assert.equal(inChild.articles, 4);
    assert.deepEqual({ ...inChild, seconds: undefined }, { ...here, seconds: undefined });
    assert.deepEqual((await readdir(path.join(work, "ca"))).sort(), (await readdir(path.join(work, "cb"))).sort());
  });

  it("still fails the build naming the bad file", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "ingest-child-"));
    const lines: string[] = [];
    const reporter = createReporter({ isTTY: false, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream);
    await assert.rejects(
      runBuild({ articlesDir: path.join(projectRoot, "test/fixtures/hostile/bad-front-matter"), projectRoot, now: TEST_NOW, reporter, outputDir: path.join(work, "site"), contentDir: path.join(work, "c"), ingestInChild: true }),
      BuildFailedError,
    );
    assert.match(lines.join(""), /error: [a-z0-9._-]+\.txt:\d+: /);
  });
});
