import path from "node:path";
import MarkdownIt from "markdown-it";
import { loadContentDir } from "./src/site/load-content.ts";
import { fileURLToPath } from "node:url";
import { buildSiteModel, type RenderShare } from "./src/site/model.ts";
import { enableNunjucksCompileCache } from "./src/site/nunjucks-compile-cache.ts";
import { urlPrefixer } from "./src/site/url-prefix.ts";
import { loadRenderOnly } from "./src/site/partial-render.ts";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import { feedEntries, newestFeedDate } from "./src/site/feed.ts";
import { articleOpenGraph, newsArticleJsonLd, pageOpenGraph, serializeJsonLd, type PageContext } from "./src/site/structured-data.ts";

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
  addPlugin(plugin: unknown, options?: unknown): void;
  addNunjucksFilter(name: string, fn: (...args: any[]) => unknown): void;
  addCollection(name: string, fn: () => unknown): void;
  ignores: Set<string>;
}

const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "layouts");
/** Templates that write one page each (not paginated over the archive). */
const SINGLE_PAGE_TEMPLATES = ["index.njk", "search.njk", "404.njk", "robots.njk", "sources.njk", "timeline.njk"];

/** ARCHIVE_RENDER_SHARE="1/2": this process writes share 1 of 2 (counting from 0). */
function parseRenderShare(value: string | undefined): RenderShare {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? "");
  if (!match) return { index: 0, count: 1 };
  return { index: Number(match[1]), count: Number(match[2]) };
}

export default async function configureArchiveSite(eleventyConfig: EleventyConfig) {
  await enableNunjucksCompileCache();
  const contentDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR ?? "generated/articles");

  // Computed once per build and shared by the templates and the feed collections.
  let archive: ReturnType<typeof buildSiteModel> | undefined;
  const share = parseRenderShare(process.env.ARCHIVE_RENDER_SHARE);
  // The dev server re-renders only the pages whose data changed (src/site/partial-render.ts).
  const only = await loadRenderOnly(process.env.ARCHIVE_RENDER_ONLY);
  const loadArchive = async () => (archive ??= buildSiteModel(await loadContentDir(contentDir), share, only));
  // The build may render in several processes at once (src/build/render.ts): each writes
  // its share of the paginated pages, and the first one also writes the single pages,
  // the feeds and the assets.
  const writesSinglePages = share.index === 0;
  if (!writesSinglePages) {
    for (const single of SINGLE_PAGE_TEMPLATES) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(layoutsDir, single)));
  }
  const site = {
    title: process.env.ARCHIVE_TITLE ?? "News Archive",
    description: "A searchable archive of news articles.",
    url: process.env.ARCHIVE_SITE_URL ?? "http://localhost:8080",
    lang: "en",
  };

  eleventyConfig.addGlobalData("archive", loadArchive);
  eleventyConfig.addGlobalData("site", site);

  // Eleventy's own `url` filter parses every link with the URL class (a sixth of the render
  // time); site links are always root-relative paths, so prefixing them is a string join.
  const prefixUrl = urlPrefixer(process.env.ARCHIVE_PATH_PREFIX ?? "/");
  eleventyConfig.addFilter("url", prefixUrl);
  eleventyConfig.addFilter("absoluteUrl", (url: string, base: string) => new URL(url, base).href);
  eleventyConfig.addFilter("markdownBody", (md: string) => markdown.render(md));

  // Crawler and link-preview data (src/site/structured-data.ts); `canonicalUrl` is absolute.
  const pageContext = (canonicalUrl: string): PageContext => ({ canonicalUrl, siteName: site.title, lang: site.lang });
  eleventyConfig.addFilter("newsArticleJsonLd", (article, canonicalUrl: string) => serializeJsonLd(newsArticleJsonLd(article, pageContext(canonicalUrl))));
  eleventyConfig.addFilter("articleOpenGraph", (article, canonicalUrl: string) => articleOpenGraph(article, pageContext(canonicalUrl)));
  eleventyConfig.addFilter("pageOpenGraph", (title: string, description: string, canonicalUrl: string) => pageOpenGraph(title, description, pageContext(canonicalUrl)));

  // Atom and JSON feeds of the newest articles, from the official plugin. Its HTML <base>
  // plugin is told the base is "/" so it leaves page links alone: templates already add
  // the path prefix with the `url` filter, and the feeds still get absolute URLs with it.
  // (Nunjucks escapes `\` as &#92; too, so the plugin's JSON feed stays valid JSON.)
  if (writesSinglePages) addFeeds();
  function addFeeds() {
    eleventyConfig.addCollection("feedArticles", async () => feedEntries((await loadArchive()).articles, (md) => markdown.render(md)));
    const feedMetadata = {
      language: site.lang,
      title: site.title,
      subtitle: site.description,
      description: site.description,
      base: `${site.url}/`,
      author: { name: site.title },
    };
    // The feed plugin and the RSS plugin it loads each add the <base> plugin (its "first add
    // wins" does not hold here), so both must be given the option, or links get the prefix twice.
    const htmlBasePluginOptions = { baseHref: "/" };
    const feedOptions = { collection: { name: "feedArticles", limit: 0 }, metadata: feedMetadata, htmlBasePluginOptions, rssPluginOptions: { htmlBasePluginOptions } };
    eleventyConfig.addPlugin(feedPlugin, { ...feedOptions, type: "atom", outputPath: "/feed.xml" });
    eleventyConfig.addPlugin(feedPlugin, { ...feedOptions, type: "json", outputPath: "/feed.json" });
    // The plugin's own version falls back to the wall clock when no article has a date,
    // so two builds of the same archive would differ; a fixed date keeps builds repeatable.
    // (Added as a plugin so that it runs after the feed plugins and replaces their filter.)
    eleventyConfig.addPlugin((config: EleventyConfig) => config.addNunjucksFilter("getNewestCollectionItemDate", newestFeedDate));
  }
  if (writesSinglePages) eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(layoutsDir, "assets"))]: "assets" });
  eleventyConfig.setLibrary("md", markdown);

  return {
    // The input folder (layouts/) comes from the build (src/build/render.ts), relative to
    // the project; these are relative to it.
    dir: { includes: "_includes", data: "_data" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
