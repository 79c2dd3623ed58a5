import path from "node:path";
import Eleventy from "@11ty/eleventy";

export interface RenderOptions {
  /** Folder of generated Markdown. */
  contentDir: string;
  outputDir: string;
  /** e.g. "/news-archive/" for a GitHub Pages project site; "/" by default. */
  pathPrefix?: string;
  projectRoot: string;
}

export interface RenderResult {
  pagesWritten: number;
  /** Output paths relative to outputDir, sorted. */
  outputs: string[];
}

/** Renders the site with Eleventy's programmatic API and our `.eleventy.ts`. */
export async function renderSite(options: RenderOptions): Promise<RenderResult> {
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
