import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { buildSiteUncached, listFiles, projectRoot } from "../helpers/site-build.ts";

/**
 * Two builds of the same articles give the same bytes in every file (Pagefind's
 * included), whatever order the files were created in, the time zone or the locale.
 */

const sources = [path.join(projectRoot, "articles"), path.join(projectRoot, "test/fixtures/hostile/site")];

let root: string;

/** Copies every source article into a fresh folder, in the given creation order. */
async function articlesFolder(name: string, order: "forward" | "reverse"): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir);
  const files: [string, string][] = [];
  for (const src of sources) for (const f of await readdir(src)) if (f.endsWith(".txt")) files.push([src, f]);
  if (order === "reverse") files.reverse();
  for (const [src, f] of files) await copyFile(path.join(src, f), path.join(dir, f));
  return dir;
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as [string, Buffer])));
}

/**
 * Pagefind 1.5.2 writes filter values from a Rust HashMap, so filter files (and the
 * meta file and entry hash that name them) change order between runs of the same
 * input: upstream Pagefind/pagefind#638 ("fragment hashes are now stable ... other
 * files will still change, such as the filter/metadata indexes").
 */
const PAGEFIND_UNORDERED = /^pagefind\/(filter\/|pagefind\..*\.pf_meta$|pagefind-entry\.json$)/;
const outsidePagefind = (f: string) => !f.startsWith("pagefind/");

function assertSameBytes(a: Map<string, Buffer>, b: Map<string, Buffer>, label: string, include: (file: string) => boolean) {
  const names = (m: Map<string, Buffer>) => [...m.keys()].filter(include);
  assert.deepEqual(names(b), names(a), `${label}: same file names`);
  const differing = names(a).filter((f) => !a.get(f)!.equals(b.get(f)!));
  assert.deepEqual(differing, [], `${label}: files whose bytes differ`);
}

describe("two builds of the same articles", () => {
  let first: Map<string, Buffer>;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "deterministic-"));
    const site = await buildSiteUncached(await articlesFolder("articles-a", "forward"), "/", { outputDir: path.join(root, "site-a") });
    first = await snapshot(site.dir);
    assert.ok([...first.keys()].some((f) => f.startsWith("pagefind/fragment/")), "the search index is part of what is compared");
  });
  after(() => rm(root, { recursive: true, force: true }));

  let second: Map<string, Buffer>;

  it("produce byte-identical pages, feeds and assets, even when the files were created in the opposite order", async () => {
    const site = await buildSiteUncached(await articlesFolder("articles-b", "reverse"), "/", { outputDir: path.join(root, "site-b") });
    second = await snapshot(site.dir);
    assertSameBytes(first, second, "second build", outsidePagefind);
  });

  it("produce a byte-identical, complete search index (Pagefind's unordered filter files aside)", () => {
    assertSameBytes(first, second, "search index", (f) => f.startsWith("pagefind/") && !PAGEFIND_UNORDERED.test(f));
    const filterCount = (m: Map<string, Buffer>) => [...m.keys()].filter((f) => f.startsWith("pagefind/filter/")).length;
    assert.equal(filterCount(second), filterCount(first));
    const pageCount = (m: Map<string, Buffer>) => JSON.parse(m.get("pagefind/pagefind-entry.json")!.toString()).languages.en.page_count;
    assert.equal(pageCount(second), pageCount(first));
  });

  it("produce the same bytes in another time zone and locale (TZ=Pacific/Auckland, LANG=de_DE.UTF-8)", async () => {
    const articles = await articlesFolder("articles-c", "reverse");
    const outputDir = path.join(root, "site-c");
    const helper = new URL("../helpers/site-build.ts", import.meta.url).href;
    const script = `const { buildSiteUncached } = await import(${JSON.stringify(helper)});
      await buildSiteUncached(${JSON.stringify(articles)}, "/", { outputDir: ${JSON.stringify(outputDir)} });
      console.log(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2026, 0, 1).getTimezoneOffset() }));`;
    const env = { ...process.env, TZ: "Pacific/Auckland", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", LANGUAGE: "de" };
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: projectRoot,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const child = JSON.parse(stdout.trim().split("\n").pop()!);
    assert.equal(child.tz, "Pacific/Auckland", "the child really ran in another time zone");
    assert.equal(child.offset, -780, "New Zealand summer time is UTC+13");
    assertSameBytes(first, await snapshot(outputDir), "build in Pacific/Auckland, de_DE", outsidePagefind);
  });

  it("an archive with no dated article gets the same feed bytes twice", async () => {
    const dir = path.join(root, "undated");
    await mkdir(dir);
    await writeFile(path.join(dir, "harbor.txt"), "Harbor Council Votes\n\nThe harbor council voted on the budget, and the mayor said work would start soon.\n");
    const a = await buildSiteUncached(dir, "/", { outputDir: path.join(root, "undated-a") });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await buildSiteUncached(dir, "/", { outputDir: path.join(root, "undated-b") });
    assertSameBytes(await snapshot(a.dir), await snapshot(b.dir), "undated archive", (f) => f.startsWith("feed."));
  });
});
