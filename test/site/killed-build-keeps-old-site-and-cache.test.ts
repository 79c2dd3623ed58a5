import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { assertSameSite, publish, snapshot } from "../helpers/builds.ts";
import { projectRoot } from "../helpers/site-build.ts";
import { writeSyntheticArchive } from "../helpers/synthetic-archive.ts";

/**
 * Runs `npm run build` (scripts/build.ts) with these folders and kills it (SIGKILL, as
 * an out-of-memory killer or a cancelled CI job would) as soon as it prints `line`.
 */
function buildKilledAt(folders: { articlesDir: string; outputDir: string; contentDir: string; cacheDir: string }, line: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(projectRoot, "node_modules/.bin/tsx"),
      ["scripts/build.ts", "--articles", folders.articlesDir, "--output", folders.outputDir, "--content", folders.contentDir, "--cache-dir", folders.cacheDir, "--now", "2026-11-23"],
      { cwd: projectRoot, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let output = "";
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && line.test(output)) {
        killed = true;
        // The whole process group: the build and the processes it forked.
        process.kill(-child.pid!, "SIGKILL");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", () => (killed ? resolve(output) : reject(new Error(`the build finished before it printed ${line}:\n${output}`))));
  });
}

describe("a build killed midway", () => {
  let work: string;
  let folders: { articlesDir: string; outputDir: string; contentDir: string; cacheDir: string };

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "killed-build-"));
    const synthetic = await writeSyntheticArchive();
    folders = { articlesDir: path.join(work, "articles"), outputDir: path.join(work, "out/site"), contentDir: path.join(work, "content"), cacheDir: path.join(work, "cache") };
    await cp(synthetic.dir, folders.articlesDir, { recursive: true });
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("the first build, killed while rendering, leaves no site and nothing half-made once the next build ran", async () => {
    await buildKilledAt(folders, /^render\.\.\.$/m);
    const next = await publish(folders);
    assert.ok(next.renderedAll);
    assert.deepEqual(await readdir(path.dirname(folders.outputDir)), ["site"], "no temporary folder left behind");
  });

  it("a warm build killed while rendering leaves the old site in place, byte for byte, and a cache the next build uses", async () => {
    const before = await snapshot(folders.outputDir);
    await appendFile(path.join(folders.articlesDir, "005_synthetic.txt"), "\nA late correction to the fifth story.\n");
    await appendFile(path.join(folders.articlesDir, "006_synthetic.txt"), "\nA late correction to the sixth story.\n");
    const output = await buildKilledAt(folders, /^render\.\.\.$/m);
    assert.match(output, /ingest: done/);
    assertSameSite(await snapshot(folders.outputDir), before, "the site after the killed build");

    const next = await publish(folders);
    assert.equal(next.ingest.analyzed, 0, "the killed build's analyses of the two edited files are reused");
    assert.equal(next.renderedAll, false, "the next build is still a warm one");
    assert.deepEqual((await readdir(path.dirname(folders.outputDir))).sort(), ["site", "site.prev"], "no temporary folder left behind, the replaced site kept for the next warm build");
    const cold = { articlesDir: folders.articlesDir, outputDir: path.join(work, "cold/site"), contentDir: path.join(work, "cold/content") };
    await publish(cold);
    assertSameSite(await snapshot(folders.outputDir), await snapshot(cold.outputDir), "the next build");
  });

  it("a warm build killed after it began bringing the kept previous site up to date leaves the site in place and nothing claiming the half-updated folder", async () => {
    const before = await snapshot(folders.outputDir);
    await appendFile(path.join(folders.articlesDir, "007_synthetic.txt"), "\nA late correction to the seventh story.\n");
    await buildKilledAt(folders, /^render\.\.\.$/m);
    assertSameSite(await snapshot(folders.outputDir), before, "the site after the killed build");
    assert.ok(!(await readdir(path.dirname(folders.outputDir))).includes("site.prev"), "the kept site had become the killed build's staging folder");

    const next = await publish(folders);
    assert.equal(next.renderedAll, false, "the next build is still a warm one");
    assert.deepEqual((await readdir(path.dirname(folders.outputDir))).sort(), ["site", "site.prev"]);
    const cold = { articlesDir: folders.articlesDir, outputDir: path.join(work, "cold2/site"), contentDir: path.join(work, "cold2/content") };
    await publish(cold);
    assertSameSite(await snapshot(folders.outputDir), await snapshot(cold.outputDir), "the next build");
  });
});
