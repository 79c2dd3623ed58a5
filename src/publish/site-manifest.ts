import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pageFile } from "./search-index.ts";
import { CACHE_FORMAT } from "./versions.ts";
import { readTextFile } from "../util/read-text.ts";

/**
 * What the built site holds, kept in the cache (.cache/site.json) so the next build can
 * render only the pages whose data changed: the fingerprint of every paginated page and
 * name's feed, and every file the render wrote. It describes one site folder built by one version of the
 * templates and code; any doubt (another version, another folder, files that differ)
 * makes the next build render everything. It is deleted before the site folder changes
 * and written after, so a build killed in between leaves no manifest, never a wrong one.
 */
export interface SiteManifest {
  format: number;
  /** BuildVersions.site of the build that made the site. */
  siteVersion: string;
  /** The site folder it describes (absolute). */
  outputDir: string;
  /** A hash of the light index the site was built from: the same index gives the same site. */
  indexHash: string;
  /** URL → fingerprint of every paginated page. */
  pages: Record<string, string>;
  /** Feed URL → fingerprint of every name's feed (src/site/partial-render.ts). */
  feeds: Record<string, string>;
  /** Every file the render wrote (pages, single pages, feeds, assets), sorted: not the sitemaps or the search index. */
  outputs: string[];
}

/**
 * Which site a manifest describes: the site folder, or the previous site a warm build
 * kept beside it (src/publish/site-folder.ts, previousSiteDir), which the next warm build
 * brings up to date instead of copying the whole site.
 */
export type ManifestOf = "site" | "previous";

const MANIFEST_FILE: Record<ManifestOf, string> = { site: "site.json", previous: "site-previous.json" };

export async function loadManifest(cacheDir: string | undefined, expected: { siteVersion: string; outputDir: string }, of: ManifestOf = "site"): Promise<SiteManifest | undefined> {
  if (!cacheDir) return undefined;
  try {
    const manifest = JSON.parse(await readTextFile(path.join(cacheDir, MANIFEST_FILE[of]))) as SiteManifest;
    if (manifest.format !== CACHE_FORMAT || manifest.siteVersion !== expected.siteVersion || manifest.outputDir !== expected.outputDir) return undefined;
    if (!manifest.pages || !manifest.feeds || !Array.isArray(manifest.outputs)) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/** Whether the cache holds a manifest of the site (cheap: the file is not read). */
export async function hasManifest(cacheDir: string | undefined): Promise<boolean> {
  return cacheDir !== undefined && (await stat(path.join(cacheDir, MANIFEST_FILE.site)).then(() => true, () => false));
}

export async function saveManifest(cacheDir: string | undefined, manifest: SiteManifest, of: ManifestOf = "site"): Promise<void> {
  if (!cacheDir) return;
  await mkdir(cacheDir, { recursive: true });
  const target = path.join(cacheDir, MANIFEST_FILE[of]);
  await writeFile(`${target}.tmp`, JSON.stringify(manifest));
  await rename(`${target}.tmp`, target);
}

/** Deletes the manifest, for good. */
export async function deleteManifest(cacheDir: string | undefined, of: ManifestOf): Promise<void> {
  if (cacheDir) await rm(path.join(cacheDir, MANIFEST_FILE[of]), { force: true });
}

/** Deletes the manifest; returns a function that puts it back (the site folder did not change after all). */
export async function removeManifest(cacheDir: string | undefined): Promise<() => Promise<void>> {
  if (!cacheDir) return async () => {};
  const file = path.join(cacheDir, MANIFEST_FILE.site);
  const text = await readFile(file, "utf8").catch(() => undefined);
  await rm(file, { force: true });
  return async () => {
    if (text !== undefined) await writeFile(file, text);
  };
}

/**
 * Every file the render wrote, with the fingerprint of what it shows: a page's or a
 * name's feed's, and undefined for the files no fingerprint covers (the single pages,
 * the assets), which are never taken to be unchanged.
 */
export function fileFingerprints(manifest: SiteManifest): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>(manifest.outputs.map((f) => [f, undefined]));
  const fingerprinted = [...Object.entries(manifest.pages).map(([url, fp]) => [pageFile(url), fp]), ...Object.entries(manifest.feeds).map(([url, fp]) => [feedFile(url), fp])];
  for (const [file, fingerprint] of fingerprinted) if (files.has(file)) files.set(file, fingerprint);
  return files;
}

/** The file a name's feed URL is written to: "/people/ada-park/feed.xml" → "people/ada-park/feed.xml". */
export function feedFile(url: string): string {
  return url.replace(/^\//, "");
}

/** Files the build writes after rendering, which the manifest does not list. */
export function isGeneratedAfterRender(file: string): boolean {
  return file.startsWith("pagefind/") || /^sitemap(-\d+)?\.xml$/.test(file);
}
