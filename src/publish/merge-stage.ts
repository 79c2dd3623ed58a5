import { renameSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter } from "../reporter.ts";
import { archiveFilterCounts, DATE_ORDER_FILE, dateOrder, FILTER_COUNTS_FILE, type IndexedPage } from "../site/search-index-files.ts";
import { buildSitemaps } from "../site/sitemap.ts";
import type { ArchiveConfig } from "./config.ts";
import { mergePagefindIndexes } from "./pagefind-merge.ts";
import { INDEX_CHUNK_SIZE, writeSearchIndex } from "./search-index.ts";
import { ShardBuildError } from "./shard-errors.ts";
import { MOVED_SHARD_MANIFEST_FILE, onSummaryDay, readShardManifest, SHARD_MANIFEST_FILE, SHARD_SITE_DIR, type ShardManifest } from "./shard-stage.ts";
import { linkOrCopyInto, listSiteFiles, makeSibling, replaceDir } from "./site-folder.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";
import { buildVersions, type BuildVersions } from "./versions.ts";

/**
 * The last job of a sharded build: `npm run build -- --merge DIR... --output DIR` puts
 * the shards' pages together into one site (hard links where it can), writes the
 * sitemaps over all of them, and makes search cover every shard. Nothing is rendered.
 *
 * With `move` (`--move-shards`, what the deploy workflow's merge job does with the shards
 * it downloaded) the pages are moved out of the shards' folders instead: a folder no
 * earlier shard wrote into moves whole, one rename for every page in it, where linking
 * makes each folder anew and links each file (at 100,000 articles, 147,000 files in
 * 110,000 folders). The shards' folders are used up: each manifest is renamed before
 * anything moves, so what is left of a shard is never taken for a whole one (and a merge
 * given it again says what became of it).
 *
 * Search, two ways (`search`):
 * - "one-index" (the default): one Pagefind index of every shard's pages, the shards' own
 *   indexes merged (no Pagefind run). It is the index a single build makes, so the merged
 *   site is a single build's, and a reader's search fetches, finds and ranks the same.
 * - "bundles": each shard's Pagefind index is kept whole, shard 1's at pagefind/ and the
 *   others' at pagefind-2/, pagefind-3/..., and the search page names them; the browser
 *   merges them with Pagefind's mergeIndex. The date order and filter counts the search
 *   page reads are written for the whole archive. The merge takes seconds, but every
 *   search fetches from every shard's index (more bytes as N grows), and Pagefind ranks
 *   and matches within each index, so counts and order can differ from a single build's
 *   (README, "Sharded builds"). For an archive whose index is too big for one machine.
 */

export type MergedSearch = "bundles" | "one-index";

/** The `<meta>` on the search page naming the other shards' index folders (read by layouts/search-ui/search/pagefind.js). */
export const SEARCH_BUNDLES_META = "archive-search-bundles";
const SEARCH_PAGE = "search/index.html";

export interface MergeResult {
  shards: number;
  articles: number;
  files: number;
  search: MergedSearch;
  seconds: { copy: number; index: number; total: number };
}

/** The Pagefind folder of shard `n` (1-based) in the merged site. */
export function bundleFolder(n: number): string {
  return n === 1 ? "pagefind" : `pagefind-${n}`;
}

export async function mergeShards(
  config: ArchiveConfig,
  dirs: readonly string[],
  hooks: { reporter: Reporter; search?: MergedSearch; versions?: BuildVersions; move?: boolean },
): Promise<MergeResult> {
  const { reporter } = hooks;
  const search = hooks.search ?? "one-index";
  const started = performance.now();
  const outputDir = path.resolve(config.outputDir);
  if (dirs.length === 0) throw new ShardBuildError("--merge needs the shards' folders: npm run build -- --merge DIR1 DIR2 ... --output DIR");
  const shards = await Promise.all(dirs.map(async (dir) => ({ dir, manifest: await readShardManifest(dir) })));
  // The shards' day, not this job's: the merge may run after midnight.
  const siteVersion = (hooks.versions ?? (await buildVersions(onSummaryDay(config, shards[0].manifest.summary.now)))).site;
  checkShardsBelongTogether(shards, siteVersion);
  const ordered = [...shards].sort((a, b) => a.manifest.shard - b.manifest.shard);

  const copyStage = reporter.stage("merge");
  const staging = await makeSibling(outputDir, "staging");
  try {
    // Every page is written by exactly one shard.
    const owner = new Map<string, string>();
    for (const { dir, manifest } of ordered) {
      for (const file of manifest.outputs) {
        const other = owner.get(file);
        if (other !== undefined) throw new ShardBuildError(`${file} was written by two shards (${other} and ${dir}): they were not built as shards of one build. Build them again from one summary.`);
        owner.set(file, dir);
      }
    }
    if (hooks.move) {
      // Every shard was checked above: from here on they are used up, merged or not.
      for (const { dir } of ordered) await rename(path.join(dir, SHARD_MANIFEST_FILE), path.join(dir, MOVED_SHARD_MANIFEST_FILE));
      const placed = new Set<string>();
      let across = false;
      for (const { dir, manifest } of ordered) {
        const from = path.join(dir, SHARD_SITE_DIR);
        // On another file system than the site a rename cannot move them: linked or copied, as without --move-shards.
        if (!across) across = !moveInto(from, staging, manifest.outputs, placed);
        if (across) linkOrCopyInto(from, staging, manifest.outputs);
      }
    } else {
      for (const { dir, manifest } of ordered) linkOrCopyInto(path.join(dir, SHARD_SITE_DIR), staging, manifest.outputs);
    }
    const outputs = [...owner.keys()].sort();
    for (const sitemap of buildSitemaps(outputs, config.site.rootUrl)) await writeFile(path.join(staging, sitemap.path), sitemap.xml);
    const copySeconds = copyStage.end(`${outputs.length} files from ${ordered.length} shards`);

    const indexStage = reporter.stage("search index");
    const articles = ordered.reduce((n, s) => n + s.manifest.articleUrls.length, 0);
    if (search === "bundles") {
      for (const { dir, manifest } of ordered) {
        const from = path.join(dir, SHARD_SITE_DIR, "pagefind");
        const to = path.join(staging, bundleFolder(manifest.shard));
        const moved = hooks.move && (await rename(from, to).then(() => true, (error: NodeJS.ErrnoException) => (error.code === "EXDEV" ? false : Promise.reject(error))));
        if (!moved) linkOrCopyInto(from, to, (await listSiteFiles(from)) ?? []);
      }
      const pages: IndexedPage[] = ordered.flatMap((s) => s.manifest.searchPages);
      await replaceFile(path.join(staging, "pagefind", DATE_ORDER_FILE), JSON.stringify(dateOrder(pages)));
      const counts = archiveFilterCounts(pages);
      counts.present = [...new Set(ordered.flatMap((s) => s.manifest.searchFilters))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      await replaceFile(path.join(staging, "pagefind", FILTER_COUNTS_FILE), JSON.stringify(counts));
      await nameBundlesOnSearchPage(staging, ordered.slice(1).map((s) => `${bundleFolder(s.manifest.shard)}/`));
    } else {
      await indexFromShards(staging, ordered);
    }
    const indexSeconds = indexStage.end(search === "bundles" ? `${ordered.length} indexes, merged in the browser` : "one index");

    await replaceDir(staging, outputDir);
    return { shards: ordered.length, articles, files: outputs.length, search, seconds: { copy: copySeconds, index: indexSeconds, total: (performance.now() - started) / 1000 } };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Every shard of one build, each once, from one summary, with the same templates, code
 * and site settings as each other and as this merge; otherwise a ShardBuildError that
 * names the folders and what to do.
 */
export function checkShardsBelongTogether(shards: readonly { dir: string; manifest: ShardManifest }[], siteVersion: string): void {
  const [first] = shards;
  const rebuild = (m: ShardManifest) => `npm run build -- --shard I/${m.count} --summary ${m.summary.file} --output DIR`;
  for (const s of shards.slice(1)) {
    if (s.manifest.summary.hash !== first.manifest.summary.hash) {
      throw new ShardBuildError(
        `${s.dir} was built from another archive summary (${s.manifest.summary.file}) than ${first.dir} (${first.manifest.summary.file}), so their pages do not fit together. Build every shard from the same summary (\`${rebuild(first.manifest)}\`), then merge them.`,
      );
    }
    if (s.manifest.count !== first.manifest.count) {
      throw new ShardBuildError(`${s.dir} is shard ${s.manifest.shard} of ${s.manifest.count}, but ${first.dir} is shard ${first.manifest.shard} of ${first.manifest.count}: build every shard with the same N in --shard I/N.`);
    }
  }
  for (const s of shards) {
    if (s.manifest.siteVersion !== siteVersion) {
      throw new ShardBuildError(
        `${s.dir} was built with other templates, code or site settings (--path-prefix, --site-url, --title) than this merge: build the shards and merge them with the same code and settings.`,
      );
    }
  }
  const seen = new Map<number, string>();
  for (const s of shards) {
    const twice = seen.get(s.manifest.shard);
    if (twice !== undefined) throw new ShardBuildError(`Shard ${s.manifest.shard}/${s.manifest.count} is given twice (${twice} and ${s.dir}); pass each shard's folder once.`);
    seen.set(s.manifest.shard, s.dir);
  }
  const missing = Array.from({ length: first.manifest.count }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (missing.length) {
    throw new ShardBuildError(
      `Shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${first.manifest.count} ${missing.length > 1 ? "are" : "is"} missing: build ${missing.length > 1 ? "each" : "it"} with \`npm run build -- --shard ${missing[0]}/${first.manifest.count} --summary ${first.manifest.summary.file} --output DIR\` and pass ${missing.length > 1 ? "their folders" : "its folder"} to --merge too.`,
    );
  }
  const articles = shards.reduce((n, s) => n + s.manifest.articleUrls.length, 0);
  if (articles !== first.manifest.summary.articles) {
    throw new ShardBuildError(`The shards hold ${articles} article pages, but their summary has ${first.manifest.summary.articles} articles: build them again from one summary.`);
  }
}

/**
 * Moves `files` of `from` into `to` by renaming: the outermost folder of a file that `to`
 * does not have yet moves whole, with everything in it (a shard's site folder holds its
 * pages, listed in `files`, and its search index, pagefind/, where no page is), a file
 * alone when `to` has all its folders. `placed` names the folders `to` has (those of the
 * files moved into it before) and gets these files' folders. False, with nothing moved,
 * when `from` is on another file system than `to`.
 */
export function moveInto(from: string, to: string, files: readonly string[], placed: Set<string>): boolean {
  const moves = new Set<string>();
  for (const file of files) {
    // `placed` holds every folder of a file it holds, so the folders it lacks are the innermost ones.
    let unit = file;
    for (let d = path.posix.dirname(file); d !== "." && !placed.has(d); d = path.posix.dirname(d)) unit = d;
    moves.add(unit);
  }
  const [first, ...rest] = [...moves].sort();
  if (first === undefined) return true;
  // One after another, as the links are (linkOrCopyInto).
  const move = (unit: string) => renameSync(path.join(from, unit), path.join(to, unit));
  try {
    move(first);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EXDEV") return false;
    throw error;
  }
  for (const file of files) for (let d = path.posix.dirname(file); d !== "." && !placed.has(d); d = path.posix.dirname(d)) placed.add(d);
  for (const unit of rest) move(unit);
  return true;
}

/** Writes `file` anew: never into it, which may be a hard link to a shard's file. */
async function replaceFile(file: string, content: string): Promise<void> {
  await writeFile(`${file}.tmp`, content);
  await rename(`${file}.tmp`, file);
}

/** Adds the meta that names the other shards' index folders to the search page. */
async function nameBundlesOnSearchPage(siteDir: string, bundles: readonly string[]): Promise<void> {
  const file = path.join(siteDir, SEARCH_PAGE);
  const html = await readFile(file, "utf8");
  if (!html.includes("</head>")) throw new Error(`${SEARCH_PAGE} has no </head> to name the search indexes in`);
  await replaceFile(file, html.replace("</head>", `<meta name="${SEARCH_BUNDLES_META}" content="${bundles.join(" ")}">\n</head>`));
}

/**
 * One search index of every shard's pages: the shards' own indexes merged
 * (src/publish/pagefind-merge.ts), with no Pagefind run. The result is the index a single
 * build makes of the same pages, byte for byte (a shard's index is itself merged from
 * batches, and the merge depends only on the pages, never on how they were grouped).
 */
async function indexFromShards(siteDir: string, shards: readonly { dir: string; manifest: ShardManifest }[]): Promise<void> {
  const folders = shards.map(({ dir }) => path.join(dir, SHARD_SITE_DIR, "pagefind"));
  const indexes = await Promise.all(
    shards.map(async ({ dir }, i) => {
      const from = folders[i];
      // Not the fragments (a shard of 100,000 articles has 25,000): the shard's manifest
      // says what is in each, and the merged index links them.
      const files = ((await listSiteFiles(from)) ?? []).filter((f) => f !== DATE_ORDER_FILE && f !== FILTER_COUNTS_FILE && !f.startsWith("fragment/"));
      if (!files.includes("pagefind-entry.json")) throw new ShardBuildError(`${dir} has no search index (${from}/pagefind-entry.json): build the shard again.`);
      return mapLimited(files, FILE_CONCURRENCY, async (f) => ({ path: f, content: await readFile(path.join(from, f)) }));
    }),
  );
  const catalogs = shards.map(({ manifest }, i) => ({ dir: folders[i], pages: new Map(manifest.searchPages.map((p) => [p.hash, p])) }));
  const merged = await mergePagefindIndexes(indexes, { chunkSize: INDEX_CHUNK_SIZE, catalogs }).catch((error: Error) => {
    throw new ShardBuildError(`The shards' search indexes could not be merged: ${error.message}. Build the shards again from one summary, then merge them.`);
  });
  // The shards' scripts are taken as their builds wrote them (pagefind.js already minified).
  await writeSearchIndex(path.join(siteDir, "pagefind"), merged, {});
}

export function formatMergeResult(r: MergeResult): string {
  return [
    `Merged ${r.shards} shards: ${r.articles} articles, ${r.files} files; search: ${r.search === "bundles" ? `${r.shards} indexes the search page merges` : "one index"}.`,
    `Time: pages ${r.seconds.copy.toFixed(2)} s, search index ${r.seconds.index.toFixed(2)} s, total ${r.seconds.total.toFixed(2)} s.`,
  ].join("\n");
}
