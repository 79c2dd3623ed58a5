import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { ArchiveBuild, type BuildHooks, type BuildOutcome } from "../../src/publish/build.ts";
import { createReporter, type Reporter } from "../../src/reporter.ts";
import { listFiles, projectRoot, testConfig } from "./site-build.ts";

/** A reporter that keeps what it prints. */
export function recordingReporter(): { reporter: Reporter; log: string[]; errors: () => string[] } {
  const log: string[] = [];
  const reporter = createReporter({ isTTY: false, write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WriteStream);
  return { reporter, log, errors: () => log.join("").split("\n").filter((l) => l.startsWith("error: ")) };
}

export interface BuildFolders {
  articlesDir: string;
  outputDir: string;
  contentDir: string;
  cacheDir?: string;
  projectRoot?: string;
  pathPrefix?: string;
}

/** One `npm run build` (in this process) with these folders; its outcome and what it printed. */
export async function publish(folders: BuildFolders, hooks: Partial<BuildHooks> & { keepGoing?: boolean } = {}): Promise<BuildOutcome & { log: string[] }> {
  const { reporter, log } = recordingReporter();
  const config = { ...testConfig(folders), keepGoing: hooks.keepGoing ?? false };
  const build = new ArchiveBuild(config, { reporter, ...hooks }, "publish");
  try {
    return { ...(await build.build()), log };
  } finally {
    await build.dispose();
  }
}

/** Every file of a built site with its bytes. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as [string, Buffer])));
}

/**
 * Pagefind 1.5.2 writes filter values from a Rust HashMap, so filter files (and the
 * meta file and entry hash that name them) change order between runs of the same
 * input: upstream Pagefind/pagefind#638.
 */
export const PAGEFIND_UNORDERED = /^pagefind\/(filter\/|pagefind\..*\.pf_meta$|pagefind-entry\.json$)/;

/** The two sites have the same files with the same bytes, Pagefind's unordered files aside (their count must match). */
export function assertSameSite(actual: Map<string, Buffer>, expected: Map<string, Buffer>, label: string): void {
  const names = (m: Map<string, Buffer>) => [...m.keys()].filter((f) => !PAGEFIND_UNORDERED.test(f));
  assert.deepEqual(names(actual), names(expected), `${label}: same file names`);
  const differing = names(expected).filter((f) => !expected.get(f)!.equals(actual.get(f)!));
  assert.deepEqual(differing, [], `${label}: files whose bytes differ`);
  const unordered = (m: Map<string, Buffer>) => [...m.keys()].filter((f) => PAGEFIND_UNORDERED.test(f)).length;
  assert.equal(unordered(actual), unordered(expected), `${label}: as many Pagefind filter and meta files`);
}

/**
 * A copy of the project whose templates are changed by `edit` (the code, data and
 * packages are links to this project's).
 */
export async function projectWithTemplate(parent: string, file: string, edit: (template: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(parent, "project-"));
  await cp(path.join(projectRoot, "layouts"), path.join(dir, "layouts"), { recursive: true });
  await cp(path.join(projectRoot, ".eleventy.ts"), path.join(dir, ".eleventy.ts"));
  for (const shared of ["src", "data", "node_modules", "package.json", "package-lock.json"]) await symlink(path.join(projectRoot, shared), path.join(dir, shared));
  const template = path.join(dir, "layouts", file);
  const original = await readFile(template, "utf8");
  const changed = edit(original);
  assert.notEqual(changed, original, "the simulated template change applies");
  await writeFile(template, changed);
  return dir;
}
