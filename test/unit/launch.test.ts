import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundledScript, defaultBundleDir } from "../../src/util/bundle.ts";
import { currentBundle } from "../../src/util/current-bundle.mjs";

/**
 * `npm run build` (and ingest, check, start, serve) runs its script through
 * scripts/launch.mjs: from a bundle of its code with plain Node, made again when a source
 * changed, or with tsx when bundles are off.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const launcher = path.join(root, "scripts", "launch.mjs");

const SCRIPT = `// Where this code runs from: the stack without source maps (with them, it names this file).
process.setSourceMapsEnabled(false);
const stack = new Error().stack ?? "";
process.setSourceMapsEnabled(true);
const data: Record<string, unknown> = {
  argv: process.argv.slice(1),
  url: import.meta.url,
  bundled: stack.includes("news-archive-workers"),
  word: "first",
};
if (process.argv.includes("--fail")) throw new Error("the script failed on purpose");
console.log(JSON.stringify(data));
`;

function launch(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [launcher, script, ...args], { encoding: "utf8", env: { ...process.env, ...env, NODE_OPTIONS: "" } });
  return { status: run.status, stderr: run.stderr, out: run.status === 0 ? (JSON.parse(run.stdout) as { argv: string[]; url: string; bundled: boolean; word: string }) : undefined };
}

test("the launcher runs a script from its bundle with the command line it was given, and again after an edit, never stale", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "launch-"));
  const script = path.join(dir, "report.ts");
  try {
    await writeFile(script, SCRIPT);
    const first = launch(script, ["--articles", "some dir"]);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(first.out, { argv: [script, "--articles", "some dir"], url: pathToFileURL(script).href, bundled: true, word: "first" });
    // The launcher's check (without tsx) finds the bundle src/util/bundle.ts keeps.
    const made = bundledScript(pathToFileURL(script));
    assert.ok(made);
    assert.equal(currentBundle(script), made);
    await writeFile(script, SCRIPT.replace('"first"', '"second"'));
    assert.equal(currentBundle(script), undefined, "an edited script's bundle is not current");
    const second = launch(script, []);
    assert.equal(second.out?.word, "second");
    assert.equal(second.out?.bundled, true);
    // Bundles off: the script runs with tsx, the same.
    const plain = launch(script, ["x"], { NEWS_ARCHIVE_NO_BUNDLES: "1" });
    assert.deepEqual(plain.out, { argv: [script, "x"], url: pathToFileURL(script).href, bundled: false, word: "second" });
    // A failing script fails the command, its error pointing into its own source.
    const failed = launch(script, ["--fail"]);
    assert.notEqual(failed.status, 0);
    assert.match(failed.stderr, /the script failed on purpose/);
    assert.match(failed.stderr, /report\.ts:\d+/);
  } finally {
    await rm(dir, { recursive: true, force: true });
    for (const file of readdirSync(defaultBundleDir()).filter((f) => f.startsWith("report-"))) await rm(path.join(defaultBundleDir(), file), { force: true });
  }
});

test("the npm scripts a maintainer or contributor runs go through the launcher", async () => {
  const scripts = (JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  for (const name of ["build", "ingest", "check", "start", "serve"]) assert.equal(scripts[name], `node scripts/launch.mjs scripts/${name}.ts`, name);
  // And the launcher with no script says how to use it.
  const bare = spawnSync(process.execPath, [launcher], { encoding: "utf8" });
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /Usage: node scripts\/launch\.mjs SCRIPT\.ts/);
});
