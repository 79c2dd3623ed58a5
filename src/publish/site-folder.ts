import { link, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import { copyFileSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";

/**
 * The built site's folder: a new site is assembled in a folder beside it and swapped in
 * only when complete. A warm build starts from a copy of the current site made of hard
 * links (no page is copied), replaces the re-rendered files by renaming new ones over
 * their links (never by writing into them: the link is the live site's file too), and
 * deletes the pages that are gone.
 */

/** The temporary folders a build makes beside the site, by kind. */
const SIBLING = { staging: "tmp", delta: "delta", old: "old" } as const;

export function siblingPrefix(outputDir: string, kind: keyof typeof SIBLING): string {
  return `${path.basename(outputDir)}.${SIBLING[kind]}-`;
}

export async function makeSibling(outputDir: string, kind: keyof typeof SIBLING): Promise<string> {
  await mkdir(path.dirname(outputDir), { recursive: true });
  return mkdtemp(path.join(path.dirname(outputDir), siblingPrefix(outputDir, kind)));
}

/**
 * Clears what a killed build left beside the site: half-made folders are deleted; when
 * the site itself is missing because a build was killed between the two renames of the
 * swap, the site it had moved aside is put back.
 */
export async function cleanUpAfterKilledBuilds(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const has = (kind: keyof typeof SIBLING) => names.filter((n) => n.startsWith(siblingPrefix(outputDir, kind)));
  const olds = has("old").sort();
  const exists = await stat(outputDir).then(() => true, () => false);
  if (!exists && olds.length) {
    await rename(path.join(parent, olds[olds.length - 1]), outputDir);
    olds.pop();
  }
  for (const name of [...has("staging"), ...has("delta"), ...olds]) await rm(path.join(parent, name), { recursive: true, force: true });
}

/**
 * Every file under `dir`, relative with `/` separators, sorted; undefined when `dir` does
 * not exist. Links are not followed (nor listed). A synchronous walk: at 10,000 articles
 * (50,000 entries, a folder per page) it takes 0.3 s where readdir's recursive promise
 * took 1.0 s and more, on every warm build.
 */
export async function listSiteFiles(dir: string): Promise<string[] | undefined> {
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.push(`${prefix}${entry.name}`);
    }
  };
  try {
    walk(dir, "");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && files.length === 0) return undefined;
    throw error;
  }
  return files.sort();
}

/**
 * Where a warm build keeps the site it replaced ("_site.prev" beside "_site"), with its
 * manifest in the cache: the next warm build brings that folder up to date (links of the
 * few files that differ) instead of linking every file of the site into a new folder and
 * deleting the old site afterwards, which cost seconds at 10,000 articles (a folder per page).
 */
export function previousSiteDir(outputDir: string): string {
  return path.join(path.dirname(outputDir), `${path.basename(outputDir)}.prev`);
}

/**
 * Turns `dir`, a copy of a site whose files had the fingerprints `had`, into a copy of the
 * site in `source`, whose files have `has`: a file whose fingerprint is the same in both
 * stays; every other file of `source` is linked in (replacing the one there, never
 * written into: files may be links to the live site's); files `source` lacks are deleted.
 */
export async function updateCopy(
  dir: string,
  source: string,
  had: ReadonlyMap<string, string | undefined>,
  has: ReadonlyMap<string, string | undefined>,
): Promise<{ linked: number; removed: number }> {
  const gone = [...had.keys()].filter((f) => !has.has(f));
  await removeFiles(dir, gone);
  const stale = [...has].filter(([f, fingerprint]) => fingerprint === undefined || had.get(f) !== fingerprint).map(([f]) => f);
  const folders = [...new Set(stale.map((f) => path.posix.dirname(f)).filter((d) => d !== "."))].sort();
  await mapLimited(folders, FILE_CONCURRENCY, (d) => mkdir(path.join(dir, d), { recursive: true }));
  await mapLimited(stale, FILE_CONCURRENCY, async (f) => {
    await rm(path.join(dir, f), { force: true });
    await link(path.join(source, f), path.join(dir, f));
  });
  return { linked: stale.length, removed: gone.length };
}

/** Makes `to` a copy of `files` of `from` out of hard links. */
export async function linkCopy(from: string, to: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((f) => path.posix.dirname(f)).filter((d) => d !== "."))].sort();
  // Parents sort before their children, so each mkdir finds its parent made.
  await mapLimited(folders, FILE_CONCURRENCY, (d) => mkdir(path.join(to, d), { recursive: true }));
  await mapLimited(files, FILE_CONCURRENCY, (f) => link(path.join(from, f), path.join(to, f)));
}

/**
 * linkCopy for `from` that may be on another file system than `to` (a merge's shards):
 * copies where it cannot link, one file after another (linkOrCopyFilesSync); `to` and
 * the files' folders are made as needed.
 */
export function linkOrCopyInto(from: string, to: string, files: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  for (const d of new Set(files.map((f) => path.posix.dirname(f)).filter((d) => d !== "."))) mkdirSync(path.join(to, d), { recursive: true });
  linkOrCopyFilesSync(files.map((f) => ({ from: path.join(from, f), to: path.join(to, f) })));
}

/**
 * Makes each pair's `to` a hard link to its `from`, or a copy where no link can be made
 * (another file system); one after another without yielding: a link is one system call,
 * and tens of thousands queued on the thread pool took longer (a merge's 100,000 search
 * fragments: 1.5 s against 1.1 s).
 */
export function linkOrCopyFilesSync(pairs: Iterable<{ from: string; to: string }>): void {
  for (const { from, to } of pairs) {
    try {
      linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM") throw error;
      copyFileSync(from, to);
    }
  }
}

/** Moves `files` of `from` into `to`, each replacing the file (or link) of the same name there. */
export async function moveFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((f) => path.posix.dirname(f)).filter((d) => d !== "."))].sort();
  await mapLimited(folders, FILE_CONCURRENCY, (d) => mkdir(path.join(to, d), { recursive: true }));
  await mapLimited(files, FILE_CONCURRENCY, (f) => rename(path.join(from, f), path.join(to, f)));
}

/** Deletes `files` of `dir`, and their folders once empty (deepest first, never `dir` itself). */
export async function removeFiles(dir: string, files: readonly string[]): Promise<void> {
  await mapLimited(files, FILE_CONCURRENCY, (f) => rm(path.join(dir, f), { force: true }));
  const folders = new Set<string>();
  for (const f of files) for (let d = path.posix.dirname(f); d !== "."; d = path.posix.dirname(d)) folders.add(d);
  for (const d of [...folders].sort((a, b) => b.length - a.length)) await rmdir(path.join(dir, d)).catch(() => {});
}

/** The file operations the swap uses; a test replaces one to fail inside the swap. */
export interface SwapOperations {
  rename(from: string, to: string): Promise<void>;
}

const realOperations: SwapOperations = { rename };

/**
 * Swaps `fresh` in for `target`: the old site is moved aside first and removed only once
 * the new one is in place; if moving the new one in fails, the old one is moved back,
 * so the site folder is never left missing or half-written. Returns the folder the old
 * site went to when `keepOld` (the dev server deletes it after the browsers reloaded).
 */
export async function replaceDir(fresh: string, target: string, options: { ops?: SwapOperations; keepOld?: boolean } = {}): Promise<string | undefined> {
  const ops = options.ops ?? realOperations;
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    await ops.rename(fresh, target);
    return undefined;
  }
  const old = await makeSibling(target, "old");
  await rm(old, { recursive: true, force: true });
  await ops.rename(target, old);
  try {
    await ops.rename(fresh, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  if (options.keepOld) return old;
  await rm(old, { recursive: true, force: true });
  return undefined;
}
