import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { runInChild } from "./child-process.ts";

export interface RenderOptions {
  /** Folder of generated Markdown. */
  contentDir: string;
  outputDir: string;
  /** e.g. "/news-archive/" for a GitHub Pages project site; "/" by default. */
  pathPrefix?: string;
  projectRoot: string;
  /** How many processes render at once (default: one per core, at most 2). */
  processes?: number;
}

export interface RenderResult {
  pagesWritten: number;
  /** Output paths relative to outputDir, sorted. */
  outputs: string[];
}

/** Below this many articles a second process costs more (its start-up) than it saves. */
const MIN_ARTICLES_PER_EXTRA_PROCESS = 300;

/**
 * Renders the site with Eleventy and our `.eleventy.ts`. Eleventy uses one core, so for
 * a large archive the pages are shared among processes, one per core (each builds the
 * site model and writes every n-th page of each kind), and their file lists merged.
 */
export async function renderSite(options: RenderOptions, articleCount = Infinity): Promise<RenderResult> {
  const wanted = options.processes ?? Math.min(2, os.availableParallelism());
  const processes = Math.max(1, Math.min(wanted, Math.floor(articleCount / MIN_ARTICLES_PER_EXTRA_PROCESS)));
  if (processes === 1) return renderSiteInProcess(options);
  const results = await Promise.all(Array.from({ length: processes }, (_, i) => renderInChild(options, `${i}/${processes}`)));
  const outputs = results.flatMap((r) => r.outputs).sort();
  return { pagesWritten: outputs.length, outputs };
}

async function renderInChild(options: RenderOptions, share: string): Promise<RenderResult> {
  const reply = await runInChild<{ result: RenderResult }>(new URL("./render-worker.ts", import.meta.url), { options, share }, `render process ${share}`);
  return reply.result;
}

/** Renders (this process's share of) the site with Eleventy's programmatic API. */
export async function renderSiteInProcess(options: RenderOptions): Promise<RenderResult> {
  process.env.ARCHIVE_CONTENT_DIR = path.resolve(options.contentDir);
  process.env.ARCHIVE_PATH_PREFIX = options.pathPrefix ?? "/";
  const root = options.projectRoot;
  const eleventy = new Eleventy(path.join(root, "layouts"), path.resolve(options.outputDir), {
    configPath: path.join(root, ".eleventy.ts"),
    pathPrefix: options.pathPrefix ?? "/",
    quietMode: true,
  });
  const results = (await eleventy.write()) as unknown as [unknown[], { outputPath?: string | false }[]] | { outputPath?: string | false }[];
  const templates = Array.isArray(results[1]) ? (results[1] as { outputPath?: string | false }[]) : (results as { outputPath?: string | false }[]);
  const outputs = templates
    .map((t) => t.outputPath)
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map((p) => path.relative(path.resolve(options.outputDir), path.resolve(p)))
    .sort();
  return { pagesWritten: outputs.length, outputs };
}
