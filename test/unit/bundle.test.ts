import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledScript } from "../../src/util/bundle.ts";
import { forkWorker } from "../../src/publish/child-process.ts";

/**
 * A small TypeScript program in a folder of its own: an entry, a module in another folder
 * that makes a path from its own import.meta.url, a plain JavaScript module that does too
 * (as src/util/current-bundle.mjs finds the bundle folder), a JSON data file, and a module
 * the entry imports only when asked (as build.ts imports its stages).
 */
async function project(): Promise<{ dir: string; entry: URL; bundles: string; cleanUp: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bundle-"));
  await mkdir(path.join(dir, "src", "lib"), { recursive: true });
  await mkdir(path.join(dir, "data"));
  await writeFile(path.join(dir, "data", "words.json"), JSON.stringify({ words: ["oil", "grain"] }));
  await writeFile(
    path.join(dir, "src", "lib", "where.ts"),
    `import words from "../../data/words.json" with { type: "json" };
export const here: string = import.meta.url;
export const folder: string = import.meta.dirname;
export const sibling: string = new URL("./sibling.ts", import.meta.url).href;
export function greeting(name: string): string { return \`hello \${name}\`; }
export const list: string[] = words.words;
`,
  );
  await writeFile(path.join(dir, "src", "lib", "plain.mjs"), `export const plainFolder = new URL("..", import.meta.url).href;\n`);
  await writeFile(path.join(dir, "src", "later.ts"), `export const later: number = 41 + 1;\n`);
  await writeFile(
    path.join(dir, "src", "entry.ts"),
    `import { folder, greeting, here, list, sibling } from "./lib/where.ts";
import { plainFolder } from "./lib/plain.mjs";
const { later } = await import("./later.ts");
const out: Record<string, unknown> = { entry: import.meta.url, file: import.meta.filename, here, folder, sibling, plainFolder, greeting: greeting("reader"), list, later };
console.log(JSON.stringify(out));
`,
  );
  const bundles = path.join(dir, "bundles");
  return { dir, entry: pathToFileURL(path.join(dir, "src", "entry.ts")), bundles, cleanUp: () => rm(dir, { recursive: true, force: true }) };
}

/** What a bundle prints, run by plain Node (no TypeScript loader). */
function run(bundle: string): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, [bundle], { encoding: "utf8" })) as Record<string, unknown>;
}

test("a bundled worker runs with plain Node and means what its sources mean: each module's own import.meta.url, filename and dirname, its data files, its later imports", async () => {
  const p = await project();
  try {
    const failures: unknown[] = [];
    const bundle = bundledScript(p.entry, { dir: p.bundles, onFailure: (e) => failures.push(e) });
    assert.deepEqual(failures, []);
    assert.ok(bundle && bundle.startsWith(p.bundles) && bundle.endsWith(".mjs"), String(bundle));
    assert.deepEqual(run(bundle), {
      entry: p.entry.href,
      file: path.join(p.dir, "src", "entry.ts"),
      here: pathToFileURL(path.join(p.dir, "src", "lib", "where.ts")).href,
      folder: path.join(p.dir, "src", "lib"),
      sibling: pathToFileURL(path.join(p.dir, "src", "lib", "sibling.ts")).href,
      plainFolder: pathToFileURL(path.join(p.dir, "src") + "/").href,
      greeting: "hello reader",
      list: ["oil", "grain"],
      later: 42,
    });
    // Asked again with nothing changed: the same file, not made again.
    assert.equal(bundledScript(p.entry, { dir: p.bundles }), bundle);
  } finally {
    await p.cleanUp();
  }
});

test("a bundle is never run stale: a changed module, data file or later import makes a new one", async () => {
  const p = await project();
  try {
    const first = bundledScript(p.entry, { dir: p.bundles })!;
    await writeFile(path.join(p.dir, "src", "lib", "where.ts"), (await import("node:fs")).readFileSync(path.join(p.dir, "src", "lib", "where.ts"), "utf8").replace("hello", "good morning"));
    const second = bundledScript(p.entry, { dir: p.bundles })!;
    assert.notEqual(second, first);
    assert.equal(run(second).greeting, "good morning reader");
    await writeFile(path.join(p.dir, "data", "words.json"), JSON.stringify({ words: ["coffee"] }));
    const third = bundledScript(p.entry, { dir: p.bundles })!;
    assert.deepEqual(run(third).list, ["coffee"]);
    await writeFile(path.join(p.dir, "src", "later.ts"), `export const later: number = 7;\n`);
    assert.equal(run(bundledScript(p.entry, { dir: p.bundles })!).later, 7);
    // A bundle file gone (a cleaned cache) is made again.
    const current = bundledScript(p.entry, { dir: p.bundles })!;
    await rm(current);
    const remade = bundledScript(p.entry, { dir: p.bundles })!;
    assert.ok(existsSync(remade));
    assert.equal(run(remade).later, 7);
  } finally {
    await p.cleanUp();
  }
});

test("a source that cannot be bundled gives no bundle (the worker runs with tsx, which reports the error) and says why", async () => {
  const p = await project();
  try {
    await writeFile(path.join(p.dir, "src", "later.ts"), `export const later: number = (;\n`);
    const failures: unknown[] = [];
    assert.equal(bundledScript(p.entry, { dir: p.bundles, onFailure: (e) => failures.push(e) }), undefined);
    assert.equal(failures.length, 1);
    assert.match(String((failures[0] as { stderr?: string }).stderr ?? failures[0]) + String(failures[0]), /later\.ts|Command failed/);
    // JavaScript runs as it is, and the switch turns bundles off.
    assert.equal(bundledScript(pathToFileURL(path.join(p.dir, "x.mjs")), { dir: p.bundles }), undefined);
    await writeFile(path.join(p.dir, "src", "later.ts"), `export const later = 1;\n`);
    process.env.NEWS_ARCHIVE_NO_BUNDLES = "1";
    try {
      assert.equal(bundledScript(p.entry, { dir: p.bundles }), undefined);
    } finally {
      delete process.env.NEWS_ARCHIVE_NO_BUNDLES;
    }
    assert.ok(bundledScript(p.entry, { dir: p.bundles }));
  } finally {
    await p.cleanUp();
  }
});

test("forkWorker runs a TypeScript worker from its bundle, without tsx, and one with tsx when bundles are off", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fork-bundle-"));
  try {
    const script = path.join(dir, "report.ts");
    await writeFile(script, `const argv: string[] = process.execArgv;\nprocess.send!({ argv, file: process.argv[1] }, () => process.exit(0));\n`);
    const report = () =>
      new Promise<{ argv: string[]; file: string }>((resolve, reject) => {
        const child = forkWorker(pathToFileURL(script));
        child.once("message", (m) => resolve(m as { argv: string[]; file: string }));
        child.once("error", reject);
      });
    const bundled = await report();
    assert.match(bundled.file, /\.mjs$/);
    assert.equal(bundled.argv.some((a) => a.includes("tsx")), false, bundled.argv.join(" "));
    assert.ok(bundled.argv.includes("--expose-gc"));
    process.env.NEWS_ARCHIVE_NO_BUNDLES = "1";
    try {
      const plain = await report();
      assert.equal(plain.file, script);
      assert.ok(plain.argv.some((a) => a.includes("tsx")), plain.argv.join(" "));
    } finally {
      delete process.env.NEWS_ARCHIVE_NO_BUNDLES;
    }
    // The bundle went to the shared folder under the worker's name: remove it with the test's files.
    const shared = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "node_modules", ".cache", "news-archive-workers");
    for (const file of readdirSync(shared).filter((f) => f.startsWith("report-"))) await rm(path.join(shared, file), { force: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
