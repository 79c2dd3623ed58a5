import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type HTMLElement } from "node-html-parser";
import { runBuild, type BuildSummary } from "../../src/publish/build.ts";
import { resolveConfig, type ArchiveConfig } from "../../src/publish/config.ts";
import { createReporter } from "../../src/reporter.ts";
import { tempDir } from "./temp-dir.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** A fixed "today" so test builds are reproducible. */
export const TEST_NOW = new Date("2026-11-23T00:00:00Z");

export interface BuiltSite {
  dir: string;
  contentDir: string;
  summary: BuildSummary;
  log: string[];
}

/**
 * The build configuration tests use: the project's templates and word lists, the given
 * folders, a fixed "today", no build cache unless asked for.
 */
export function testConfig(folders: { articlesDir: string; outputDir: string; contentDir: string; cacheDir?: string; pathPrefix?: string; projectRoot?: string }): ArchiveConfig {
  const config = resolveConfig({
    projectRoot: folders.projectRoot ?? projectRoot,
    flags: { articles: folders.articlesDir, output: folders.outputDir, content: folders.contentDir, "path-prefix": folders.pathPrefix, now: TEST_NOW.toISOString().slice(0, 10) },
  });
  return { ...config, aliasesFile: path.join(projectRoot, "data/aliases.json"), cacheDir: folders.cacheDir };
}

const cache = new Map<string, Promise<BuiltSite>>();

/** Builds `articlesDir` once per test process (per path prefix) into a temporary folder. */
export function buildSite(articlesDir = path.join(projectRoot, "articles"), pathPrefix = "/"): Promise<BuiltSite> {
  const key = `${articlesDir}|${pathPrefix}`;
  if (!cache.has(key)) cache.set(key, buildSiteUncached(articlesDir, pathPrefix));
  return cache.get(key)!;
}

export async function buildSiteUncached(articlesDir: string, pathPrefix = "/", extra: { beforeSwap?: (dir: string) => Promise<void>; outputDir?: string } = {}): Promise<BuiltSite> {
  const work = await tempDir("archive-test-");
  const log: string[] = [];
  const reporter = createReporter({ isTTY: false, write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WriteStream);
  const dir = extra.outputDir ?? path.join(work, "site");
  const contentDir = path.join(work, "content");
  const summary = await runBuild(testConfig({ articlesDir, outputDir: dir, contentDir, pathPrefix }), { reporter, beforeSwap: extra.beforeSwap });
  return { dir, contentDir, summary, log };
}

export async function readPage(site: BuiltSite, urlPath: string): Promise<HTMLElement> {
  const rel = urlPath.replace(/^\//, "");
  const file = rel.endsWith(".html") ? rel : path.join(rel, "index.html");
  return parse(await readFile(path.join(site.dir, file), "utf8"));
}

/** All files under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}
