import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArchiveConfig } from "./config.ts";

/**
 * What a cached result depends on, as hashes of the files involved. A change to one of
 * them invalidates only what it affects: an ingest rule re-analyses every article but
 * keeps no page; a template, site code, a data file or the lockfile re-renders every
 * page but keeps the per-article analyses (records change, and pages with them, only
 * where the analysis does).
 */
export interface BuildVersions {
  /** Per-article ingest results (src/publish/article-memo.ts). */
  ingest: string;
  /** Rendered pages and their search records: templates, site code, settings. */
  site: string;
}

/** Bump when the layout of .cache/ changes in a way the hashes below would not notice. */
export const CACHE_FORMAT = 1;

const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Inputs of ingest, relative to the code root. */
// near-duplicates.ts makes the story-group sketches the ingest cache keeps.
const INGEST_INPUTS = ["src/ingest", "src/check/near-duplicates.ts", "src/schema.ts", "src/errors.ts", "src/util", "data", "package-lock.json"];
/** Inputs of rendering (besides the layouts folder and the site settings), relative to the code root. */
const SITE_INPUTS = ["src/site", "src/publish", "src/util", "src/schema.ts", "src/ingest/markdown.ts", ".eleventy.ts", "vendor", "data", "package-lock.json"];

export async function buildVersions(config: Pick<ArchiveConfig, "layoutsDir" | "site">): Promise<BuildVersions> {
  const ingest = createHash("sha1").update(`format ${CACHE_FORMAT}\n`);
  await hashFiles(ingest, INGEST_INPUTS.map((p) => path.join(codeRoot, p)));
  const site = createHash("sha1").update(`format ${CACHE_FORMAT}\n`).update(JSON.stringify(config.site));
  await hashFiles(site, [...SITE_INPUTS.map((p) => path.join(codeRoot, p)), config.layoutsDir]);
  return { ingest: ingest.digest("hex"), site: site.digest("hex") };
}

/** Every file under `paths` (files or folders), by path and content, in a fixed order. */
async function hashFiles(hash: ReturnType<typeof createHash>, paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) {
      hash.update(`missing ${p}\n`);
    } else if (info.isDirectory()) {
      const names = (await readdir(p, { recursive: true })).map(String).sort();
      for (const name of names) {
        const file = path.join(p, name);
        if (!(await stat(file)).isFile()) continue;
        hash.update(`${path.relative(codeRoot, file)}\n`).update(await readFile(file)).update("\n");
      }
    } else {
      hash.update(`${path.relative(codeRoot, p)}\n`).update(await readFile(p)).update("\n");
    }
  }
}
