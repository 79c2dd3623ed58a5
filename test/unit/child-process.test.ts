import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { bundledScript } from "../../src/util/bundle.ts";
import { forkEarlyWorker } from "../../src/util/worker-flags.mjs";
import { EarlyWorker, forkWorker, INGEST_HEAP_GROWING_PERCENT, INGEST_PROCESS, INGEST_YOUNG_GENERATION_MIB, removeOrphanedReplies, runInChild, SUMMARY_INGEST_PROCESS, type ForkOptions } from "../../src/publish/child-process.ts";

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

test("the ingest process gets a larger young generation and a tighter old one (and starts with them); other workers keep V8's", async () => {
  assert.equal(INGEST_YOUNG_GENERATION_MIB > 16, true, "the default semi-space is 16 MiB: the setting must raise it");
  assert.ok(INGEST_HEAP_GROWING_PERCENT > 0 && INGEST_HEAP_GROWING_PERCENT <= 50, "V8 grows the old generation by half or more (a 100,000-article summary job's heap: 1,647-1,804 MiB with V8's own growth, 1,468 with 50): the setting must not loosen it further");
  const ingest = await childExecArgv(INGEST_PROCESS);
  assert.ok(ingest.includes(`--max-semi-space-size=${INGEST_YOUNG_GENERATION_MIB}`), ingest.join(" "));
  assert.ok(ingest.includes(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`), ingest.join(" "));
  assert.ok(ingest.includes("--expose-gc"));
  const render = await childExecArgv();
  assert.equal(render.some((a) => a.startsWith("--max-semi-space-size") || a.startsWith("--heap-growing-percent")), false, render.join(" "));
});

test("a summary job's ingest process lets its old generation grow less than a build's on one machine (a sharded build's job has a memory target), with the same young generation", async () => {
  const growing = SUMMARY_INGEST_PROCESS.heapGrowingPercent!;
  assert.ok(growing > 0 && growing < INGEST_HEAP_GROWING_PERCENT, `${growing}`);
  const summary = await childExecArgv(SUMMARY_INGEST_PROCESS);
  assert.ok(summary.includes(`--heap-growing-percent=${growing}`), summary.join(" "));
  assert.ok(summary.includes(`--max-semi-space-size=${INGEST_YOUNG_GENERATION_MIB}`), summary.join(" "));
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

/**
 * A worker that answers its message with when it started and what it was sent; it exits at once on start while `stopFile` exists.
 * Once running it writes a file named by its pid beside its script, so a test can wait for it to have started however loaded the machine is.
 */
const ANSWERING_WORKER = `import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
const startedAt = Date.now();
if (existsSync(process.env.STOP_FILE ?? "")) process.exit(0);
writeFileSync(fileURLToPath(new URL("started-" + process.pid, import.meta.url)), "");
process.once("message", (message) => process.send({ ok: true, startedAt, pid: process.pid, message }, () => process.exit(0)));
`;

const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("runInChild hands its message to the worker started early for the same script, and starts its own for another", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "early-"));
  try {
    const script = pathToFileURL(path.join(dir, "answer.mjs"));
    const other = pathToFileURL(path.join(dir, "other.mjs"));
    await writeFile(script, ANSWERING_WORKER);
    await writeFile(other, ANSWERING_WORKER);
    const early = new EarlyWorker(script);
    const earlyPid = early.pid;
    // Wait until the early worker runs (a fixed wait was too short on a loaded CI machine), then a little more so its clock reading is strictly earlier.
    for (let i = 0; i < 1200 && !existsSync(path.join(dir, `started-${earlyPid}`)); i++) await waitFor(50);
    assert.ok(existsSync(path.join(dir, `started-${earlyPid}`)), "the early worker started within a minute");
    await waitFor(20);
    const asked = Date.now();
    const elsewhere = await runInChild<{ startedAt: number; pid: number }>(other, { n: 1 }, "other worker", {}, early);
    assert.ok(elsewhere.startedAt >= asked, "another script's worker is started when asked");
    assert.equal(early.pid, earlyPid, "the early worker is still there for its own script");
    const reply = await runInChild<{ startedAt: number; pid: number; message: unknown }>(script, { n: 2 }, "early worker", {}, early);
    assert.equal(reply.pid, earlyPid);
    assert.ok(reply.startedAt < asked, "the early worker had started before it was asked");
    assert.deepEqual(reply.message, { n: 2 });
    assert.equal(early.pid, undefined, "a worker is taken once");
    const again = await runInChild<{ startedAt: number; pid: number }>(script, { n: 3 }, "second run", {}, early);
    assert.notEqual(again.pid, earlyPid, "a second run starts a process of its own");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a worker forked before its script loaded (scripts/launch.mjs) is the script's early worker, with the same flags only, and one never taken keeps nothing running", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "early-fork-"));
  try {
    const script = path.join(dir, "worker.ts");
    await writeFile(script, ANSWERING_WORKER);
    const bundles = path.join(dir, "bundles");
    assert.ok(bundledScript(pathToFileURL(script), { dir: bundles }), "the worker has a bundle");

    const forked = forkEarlyWorker(script, INGEST_PROCESS, bundles)!;
    const early = new EarlyWorker(pathToFileURL(script), INGEST_PROCESS);
    assert.equal(early.pid, forked.pid, "the early worker is the one forked before");
    const reply = await runInChild<{ pid: number; message: unknown }>(pathToFileURL(script), "hello", "early worker", {}, early);
    assert.deepEqual([reply.pid, reply.message], [forked.pid, "hello"]);

    const otherFlags = forkEarlyWorker(script, INGEST_PROCESS, bundles)!;
    const plain = new EarlyWorker(pathToFileURL(script));
    assert.notEqual(plain.pid, otherFlags.pid, "forked with other flags: not taken");
    plain.dispose();
    for (let i = 0; i < 1200 && isRunning(otherFlags.pid!); i++) await waitFor(50);
    assert.equal(isRunning(otherFlags.pid!), false, "and ended");

    // A process that forks one and never takes it exits when its own work is done, and the worker with it.
    const program = `import { forkEarlyWorker } from ${JSON.stringify(pathToFileURL(path.resolve("src/util/worker-flags.mjs")).href)};
console.log(forkEarlyWorker(${JSON.stringify(script)}, {}, ${JSON.stringify(bundles)}).pid);`;
    const pid = Number(execFileSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", timeout: 60_000 }).trim());
    assert.ok(pid > 0);
    for (let i = 0; i < 1200 && isRunning(pid); i++) await waitFor(50);
    assert.equal(isRunning(pid), false, "the unused worker ended with its parent");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("an early worker that exited is not used, and one never taken is ended by dispose", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "early-"));
  const stopFile = path.join(dir, "stop");
  const before = process.env.STOP_FILE;
  process.env.STOP_FILE = stopFile;
  try {
    const script = pathToFileURL(path.join(dir, "answer.mjs"));
    await writeFile(script, ANSWERING_WORKER);
    await writeFile(stopFile, "");
    const exited = new EarlyWorker(script);
    const exitedPid = exited.pid!;
    for (let i = 0; i < 1200 && isRunning(exitedPid); i++) await waitFor(50);
    await rm(stopFile);
    const reply = await runInChild<{ pid: number; message: unknown }>(script, "hello", "worker", {}, exited);
    assert.notEqual(reply.pid, exitedPid);
    assert.equal(reply.message, "hello");

    const unused = new EarlyWorker(script);
    const unusedPid = unused.pid!;
    assert.ok(isRunning(unusedPid));
    unused.dispose();
    for (let i = 0; i < 1200 && isRunning(unusedPid); i++) await waitFor(50);
    assert.equal(isRunning(unusedPid), false, "dispose ends the process");
    assert.equal(unused.pid, undefined);
  } finally {
    if (before === undefined) delete process.env.STOP_FILE;
    else process.env.STOP_FILE = before;
    await rm(dir, { recursive: true, force: true });
  }
});

test("runInChild hands a worker's news to onNews as it comes, and resolves with its reply alone", async () => {
  // The ingest process says when the index is written (the build reads it meanwhile), then replies.
  const dir = await mkdtemp(path.join(os.tmpdir(), "news-"));
  try {
    const script = path.join(dir, "news.mjs");
    await writeFile(
      script,
      `process.once("message", (message) => {
  process.send({ step: 1 });
  process.send({ step: 2 });
  setTimeout(() => process.send({ ok: true, message }, () => process.exit(0)), 200);
});
`,
    );
    const news: { replied: boolean; message: object }[] = [];
    let replied = false;
    const running = runInChild<{ ok: boolean; message: unknown }>(pathToFileURL(script), "hello", "news worker", {}, undefined, (message) => news.push({ replied, message }));
    const reply = await running.then((r) => ((replied = true), r));
    assert.deepEqual(reply, { ok: true, message: "hello" });
    assert.deepEqual(news, [
      { replied: false, message: { step: 1 } },
      { replied: false, message: { step: 2 } },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a worker's long reply reaches runInChild through a file, and the worker exits while its parent is too busy to read", async () => {
  // The ingest process replies with every article's slug and file (9 MB at 100,000 articles)
  // while the build makes its model and page fingerprints, reading no message.
  const dir = await mkdtemp(path.join(os.tmpdir(), "reply-"));
  try {
    const script = path.join(dir, "reply.mjs");
    await writeFile(
      script,
      `import { writeFileSync } from "node:fs";
import { replyAndExit } from ${JSON.stringify(new URL("../../src/publish/child-process.ts", import.meta.url).href)};
process.once("message", ({ length, dir }) => {
  process.on("exit", () => writeFileSync(dir + "/exited", String(Date.now())));
  writeFileSync(dir + "/replying", "");
  replyAndExit({ ok: true, pid: process.pid, text: "x".repeat(length) });
});
`,
    );
    const replyFiles = async () => (await readdir(os.tmpdir())).filter((f) => f.startsWith("news-archive-reply-"));
    const before = await replyFiles();
    for (const length of [10, 1_000_000]) {
      await rm(path.join(dir, "replying"), { force: true });
      const running = runInChild<{ ok: boolean; pid: number; text: string }>(pathToFileURL(script), { length, dir }, "replying worker");
      // Busy, reading nothing, from before the worker replies until well after.
      const deadline = Date.now() + 30_000;
      while (!existsSync(path.join(dir, "replying")) && Date.now() < deadline);
      const busyUntil = Date.now() + 1500;
      while (Date.now() < busyUntil);
      const reply = await running;
      assert.equal(reply.text.length, length, "the whole reply");
      const exitedAt = Number(await readFile(path.join(dir, "exited"), "utf8"));
      assert.ok(exitedAt <= busyUntil, `the worker of a ${length}-character reply exited while its parent was busy (${exitedAt - busyUntil} ms after)`);
      assert.deepEqual(await replyFiles(), before, "no reply file left behind");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a reply file whose reading process is gone is deleted by the next build; one still to be read is not", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "orphans-"));
  try {
    const script = path.join(dir, "reply.mjs");
    await writeFile(
      script,
      `import { replyAndExit } from ${JSON.stringify(new URL("../../src/publish/child-process.ts", import.meta.url).href)};
process.once("message", () => replyAndExit({ ok: true, text: "x".repeat(200_000) }));
`,
    );
    // A reply this process has been sent and has not read yet: its worker has exited.
    const worker = forkWorker(pathToFileURL(script));
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    const sent = new Promise<{ replyFile?: string }>((resolve) => worker.once("message", resolve));
    worker.send("go");
    const { replyFile } = await sent;
    await exited;
    assert.ok(replyFile && existsSync(replyFile), "the long reply came as a file");
    // A build killed before it read its reply: a process that has ended.
    const gone = Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }));
    const orphan = `news-archive-reply-${gone}-${gone + 1}-0f9e8d7c-6b5a-4c3d-8e2f-1a2b3c4d5e6f.json`;
    const others = ["news-archive-reply-notes.txt", `news-archive-reply-${gone}.json`];
    for (const name of [orphan, ...others]) await writeFile(path.join(dir, name), "{}");
    await writeFile(path.join(dir, path.basename(replyFile!)), "{}");

    const removed = removeOrphanedReplies(dir);
    assert.deepEqual(removed, [orphan]);
    assert.deepEqual((await readdir(dir)).sort(), [path.basename(replyFile!), ...others, "reply.mjs"].sort(), "a file this process is still to read, and files not of that shape, are kept");
    // The same in the folder replies go to: this process's reply is kept until it reads it.
    removeOrphanedReplies();
    assert.ok(existsSync(replyFile!), "the unread reply is kept while its reader runs");
    await rm(replyFile!);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
