import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { forkWorker, INGEST_YOUNG_GENERATION_MIB, type ForkOptions } from "../../src/publish/child-process.ts";

/** The command-line options a forked worker runs with (what it reports of itself). */
async function childExecArgv(options?: ForkOptions): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fork-"));
  try {
    const script = path.join(dir, "report.mjs");
    await writeFile(script, "process.send(process.execArgv, () => process.exit(0));\n");
    const child = forkWorker(pathToFileURL(script), options);
    return await new Promise((resolve, reject) => {
      child.once("message", (m) => resolve(m as string[]));
      child.once("error", reject);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the ingest process gets a larger young generation; other workers keep V8's", async () => {
  assert.equal(INGEST_YOUNG_GENERATION_MIB > 16, true, "the default semi-space is 16 MiB: the setting must raise it");
  const ingest = await childExecArgv({ youngGenerationMiB: INGEST_YOUNG_GENERATION_MIB });
  assert.ok(ingest.includes(`--max-semi-space-size=${INGEST_YOUNG_GENERATION_MIB}`), ingest.join(" "));
  assert.ok(ingest.includes("--expose-gc"));
  const render = await childExecArgv();
  assert.equal(render.some((a) => a.startsWith("--max-semi-space-size")), false, render.join(" "));
});

test("a young generation the user chose in NODE_OPTIONS is left alone", async () => {
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ?? ""} --max-semi-space-size=8`.trim();
  try {
    const argv = await childExecArgv({ youngGenerationMiB: INGEST_YOUNG_GENERATION_MIB });
    assert.equal(argv.some((a) => a.startsWith("--max-semi-space-size")), false, argv.join(" "));
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
});

test("collectGarbageNow frees what nothing holds any more, in a process started without --expose-gc (the build's own)", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gc-"));
  try {
    const script = path.join(dir, "collect.mts");
    const module = pathToFileURL(path.resolve("src/publish/child-process.ts")).href;
    await writeFile(
      script,
      `import { collectGarbageNow } from ${JSON.stringify(module)};
const exposedBefore = typeof (globalThis as { gc?: unknown }).gc === "function";
let big: number[] | undefined = Array.from({ length: 100_000 }, (_, i) => i);
const held = new WeakRef(big);
big = undefined;
// A WeakRef's target lives at least until the current job ends.
await new Promise((resolve) => setImmediate(resolve));
collectGarbageNow();
console.log(JSON.stringify({ exposedBefore, collected: held.deref() === undefined }));
`,
    );
    const out = execFileSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
    assert.deepEqual(JSON.parse(out.trim().split("\n").pop()!), { exposedBefore: false, collected: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
