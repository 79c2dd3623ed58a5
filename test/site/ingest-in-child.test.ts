import assert from "node:assert/strict";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { BuildFailedError, runBuild } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";

describe("ingesting in a child process (what npm run build does)", () => {
  const quiet = createReporter({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);

  it("builds the same articles as ingesting in the build's own process", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "ingest-child-"));
    const articlesDir = path.join(projectRoot, "articles");
    const inChild = await runBuild(testConfig({ articlesDir, outputDir: path.join(work, "a"), contentDir: path.join(work, "ca") }), { reporter: quiet, ingestInChild: true });
    const here = await runBuild(testConfig({ articlesDir, outputDir: path.join(work, "b"), contentDir: path.join(work, "cb") }), { reporter: quiet });
    assert.equal(inChild.articles, 4);
    assert.deepEqual({ ...inChild, seconds: undefined }, { ...here, seconds: undefined });
    assert.deepEqual((await readdir(path.join(work, "ca"))).sort(), (await readdir(path.join(work, "cb"))).sort());
  });

  it("still fails the build naming the bad file", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "ingest-child-"));
    const lines: string[] = [];
    const reporter = createReporter({ isTTY: false, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream);
    await assert.rejects(
      runBuild(testConfig({ articlesDir: path.join(projectRoot, "test/fixtures/hostile/bad-front-matter"), outputDir: path.join(work, "site"), contentDir: path.join(work, "c") }), { reporter, ingestInChild: true }),
      BuildFailedError,
    );
    assert.match(lines.join(""), /error: [a-z0-9._-]+\.txt:\d+: /);
  });
});
