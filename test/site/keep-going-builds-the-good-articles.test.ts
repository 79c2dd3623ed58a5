import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { listFiles, projectRoot } from "../helpers/site-build.ts";

/** `npm run build -- ARGS` as a user runs it: its exit code and what it printed. */
/** `npm run build` with `args`; `tmp` is its system temporary folder (TMPDIR). */
async function npmRunBuild(args: string[], tmp: string): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/build.ts", "--now", "2026-11-23", ...args], {
      cwd: projectRoot,
      env: { ...process.env, CI: "1", TMPDIR: tmp },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const articlePages = (files: string[]) => files.filter((f) => /^articles\/(?!page\/)[^/]+\/index\.html$/.test(f));

describe("refused article files", () => {
  let work: string;
  let articles: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "keep-going-"));
    articles = path.join(work, "articles");
    await cp(path.join(projectRoot, "articles"), articles, { recursive: true });
    await writeFile(path.join(articles, "bad-front-matter.txt"), "---\ncolour: red\n---\nHarbor Vote\n\nThe council voted on the harbor budget on Tuesday.\n");
    await writeFile(path.join(articles, "Bad Name.txt"), "Harbor Vote\n\nThe council voted on the harbor budget on Tuesday.\n");
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("by default fail the build, naming each file and its error, and leave the site as it was", async () => {
    const output = path.join(work, "strict/site");
    const tmp = path.join(work, "strict/tmp");
    await mkdir(tmp, { recursive: true });
    const result = await npmRunBuild(["--articles", articles, "--output", output, "--content", path.join(work, "strict/content"), "--no-cache"], tmp);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: bad-front-matter\.txt:2: /m);
    assert.match(result.stderr, /^error: Bad Name\.txt: /m);
    assert.match(result.stderr, /2 of 6 article files could not be built .* --keep-going/);
    assert.deepEqual((await readdir(path.dirname(output))).filter((f) => f !== "tmp"), [], "no site, no temporary folder");
  });

  it("with --keep-going: every good article is built and swapped in, each refused file is listed with its error, and the build exits non-zero", async () => {
    const output = path.join(work, "keep-going/site");
    const tmp = path.join(work, "keep-going/tmp");
    await mkdir(tmp, { recursive: true });
    const result = await npmRunBuild(["--articles", articles, "--output", output, "--content", path.join(work, "keep-going/content"), "--no-cache", "--keep-going"], tmp);
    assert.equal(result.code, 1, "the build says it was not complete");
    assert.match(result.stderr, /^error: bad-front-matter\.txt:2: /m);
    assert.match(result.stderr, /^error: Bad Name\.txt: /m);
    assert.match(result.stderr, /Built 4 articles into \d+ pages/);
    assert.match(result.stderr, /Refused 2 files \(listed above with their errors\)/);
    assert.equal(articlePages(await listFiles(output)).length, 4, "the four good articles are on the site");
    assert.deepEqual((await readdir(tmp)).filter((f) => !f.startsWith("tsx-")), [], "a build without a cache (--no-cache) leaves nothing in the temporary folder (tsx keeps its own cache there)");
  });
});
