import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { archiveSite, type RenderSettings } from "../../.eleventy.ts";
import type { IndexedArticle } from "../site/article-index.ts";
import type { SiteSettings } from "../site/site-settings.ts";
import { runInChild } from "./child-process.ts";

export interface RenderOptions {
  /** Folder of generated Markdown. */
  contentDir: string;
  outputDir: string;
  /** Templates (Eleventy's input folder). */
  layoutsDir: string;
  site: SiteSettings;
  /** How many processes render at once (default: one per core, at most 2). */
  processes?: number;
  /** Render only the pages at these URLs (and the single pages: home, feeds, search...). */
  only?: readonly string[];
  /** The archive's index when the caller holds it (a render in this process uses it instead of reading the file). */
  index?: readonly IndexedArticle[];
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
  if (processes === 1) return renderSiteInProcess(options, { index: 0, count: 1 });
  const results = await Promise.all(Array.from({ length: processes }, (_, index) => renderInChild(options, { index, count: processes })));
  const outputs = results.flatMap((r) => r.outputs).sort();
  return { pagesWritten: outputs.length, outputs };
}

async function renderInChild(options: RenderOptions, share: RenderSettings["share"]): Promise<RenderResult> {
  const name = `render process ${share.index}/${share.count}`;
  // A render process reads the index file itself rather than get a copy of it through the pipe.
  const reply = await runInChild<{ result: RenderResult }>(new URL("./render-worker.ts", import.meta.url), { options: { ...options, index: undefined }, share }, name);
  return reply.result;
}

/** Renders (this process's share of) the site with Eleventy's programmatic API. */
export async function renderSiteInProcess(options: RenderOptions, share: RenderSettings["share"]): Promise<RenderResult> {
  const settings: RenderSettings = { contentDir: options.contentDir, site: options.site, share, only: options.only, index: options.index };
  const outputDir = path.resolve(options.outputDir);
  const eleventy = new Eleventy(options.layoutsDir, outputDir, {
    // Every setting comes in through the callback; no configuration file is looked for.
    configPath: false,
    config: archiveSite(settings),
    pathPrefix: options.site.pathPrefix,
    quietMode: true,
  });
  const results = (await eleventy.write()) as unknown as [unknown[], { outputPath?: string | false }[]] | { outputPath?: string | false }[];
  const templates = Array.isArray(results[1]) ? (results[1] as { outputPath?: string | false }[]) : (results as { outputPath?: string | false }[]);
  const outputs = templates
    .map((t) => t.outputPath)
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map((p) => path.relative(outputDir, path.resolve(p)))
    .sort();
  return { pagesWritten: outputs.length, outputs };
}
