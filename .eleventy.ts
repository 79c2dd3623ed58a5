import path from "node:path";
import MarkdownIt from "markdown-it";
import { loadContentDir } from "./src/site/load-content.ts";
import { buildSiteModel } from "./src/site/model.ts";

/**
 * Eleventy's configuration: a thin file that wires the site model (built in
 * TypeScript from the generated Markdown) into the Nunjucks templates in `layouts/`.
 *
 * ARCHIVE_CONTENT_DIR names the folder of generated Markdown (default `generated/articles`);
 * the build script sets it. The path prefix comes from Eleventy's own `pathPrefix` option.
 */

// Raw article text is untrusted: no HTML, no autolinks, no typographic rewriting.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addPassthroughCopy(spec: Record<string, string>): void;
  setLibrary(name: string, lib: unknown): void;
  setQuietMode(quiet: boolean): void;
}

export default function configureArchiveSite(eleventyConfig: EleventyConfig) {
  const contentDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR ?? "generated/articles");

  eleventyConfig.addGlobalData("archive", async () => buildSiteModel(await loadContentDir(contentDir)));
  eleventyConfig.addGlobalData("site", {
    title: process.env.ARCHIVE_TITLE ?? "News Archive",
    description: "A searchable archive of news articles.",
    url: process.env.ARCHIVE_SITE_URL ?? "http://localhost:8080",
    lang: "en",
  });

  eleventyConfig.addFilter("absoluteUrl", (url: string, base: string) => new URL(url, base).href);
  eleventyConfig.addFilter("markdownBody", (md: string) => markdown.render(md));
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.setLibrary("md", markdown);

  return {
    dir: { input: "layouts", includes: "_includes", data: "_data", output: "_site" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
