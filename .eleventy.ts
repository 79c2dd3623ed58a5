import path from "node:path";
import MarkdownIt from "markdown-it";
import { withArticleContent, type IndexedArticle } from "./src/site/article-index.ts";
import { fileURLToPath } from "node:url";
import { loadSiteModel, selectPages, type RenderShare, type SiteModel } from "./src/site/model.ts";
import { writesSinglePages as writesSharedPages, type BuildShard } from "./src/site/build-shards.ts";
import { enableNunjucksCompileCache } from "./src/site/nunjucks-compile-cache.ts";
import { urlPrefixer } from "./src/site/url-prefix.ts";
import type { SiteSettings } from "./src/site/site-settings.ts";
import { buildSearchUi } from "./src/site/search-ui.ts";
import { furnitureLabel } from "./src/site/furniture-labels.ts";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import { feedArticles, feedEntries, newestFeedDate } from "./src/site/feed.ts";
import { articleOpenGraph, newsArticleJsonLd, pageOpenGraph, serializeJsonLd, type PageContext } from "./src/site/structured-data.ts";
import { citeArticle, type CitedArticle } from "./src/site/citation.ts";

/**
 * Eleventy's configuration: a thin file that wires the site model (built in
 * TypeScript from the generated Markdown) into the Nunjucks templates in `layouts/`.
 *
 * The build hands its settings in through Eleventy's programmatic API
 * (src/publish/render.ts: `new Eleventy(input, output, { config: archiveSite(settings) })`);
 * the default export serves `npx @11ty/eleventy --config=.eleventy.ts` with the settings
 * the build would resolve from the environment and defaults (src/publish/config.ts).
 */

/** What one render needs to know, made from the build's configuration. */
export interface RenderSettings {
  /** Folder of generated Markdown and its index (src/site/article-index.ts). */
  contentDir: string;
  /** Templates: Eleventy's input folder. */
  layoutsDir: string;
  site: SiteSettings;
  /** Which share of the paginated pages this process writes. */
  share: RenderShare;
  /** In a sharded build (npm run build -- --shard I/N): the shard this render is part of. */
  buildShard?: BuildShard;
  /** Only the pages at these URLs (and the single pages); every page when absent. */
  only?: readonly string[];
  /** In-process callers may hand in the model of the archive (or its index) they already hold. */
  model?: SiteModel;
  index?: readonly IndexedArticle[];
  /** In-process: told the model of the pages this render writes, and each HTML page as written. */
  hooks?: RenderHooks;
}

export interface RenderHooks {
  pages?(model: SiteModel): void;
  html?(url: string, html: string): void;
  /** Files written besides Eleventy's pages and copies (relative to the output folder). */
  files?(written: readonly string[]): void;
}

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
  on(event: "eleventy.after", fn: (event: { directories: { output: string } }) => Promise<unknown>): void;
  addTransform(name: string, fn: (this: any, content: string) => unknown): void;
  ignores: Set<string>;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  configureTemplateHandling(options: { writeMode: "sync" | "async" }): void;
}

/** Templates that write one page each (not paginated over the archive). */
const SINGLE_PAGE_TEMPLATES = ["index.njk", "search.njk", "404.njk", "robots.njk", "sources.njk", "sections.njk", "timeline.njk", "on-this-day-index.njk", "name-feed.njk"];

export default async function configureFromEnvironment(eleventyConfig: EleventyConfig) {
  const { resolveConfig } = await import("./src/publish/config.ts");
  const config = resolveConfig({ projectRoot: path.dirname(fileURLToPath(import.meta.url)), env: process.env });
  archiveSite({ contentDir: config.contentDir, layoutsDir: config.layoutsDir, site: config.site, share: { index: 0, count: 1 } })(eleventyConfig);
}

export function archiveSite(settings: RenderSettings) {
  return (eleventyConfig: EleventyConfig) => {
    // The input folder (layouts/) is given to Eleventy by the build (src/publish/render.ts);
    // these are relative to it. (Eleventy takes folders from the callback, not from plugins.)
    eleventyConfig.setIncludesDirectory("_includes");
    eleventyConfig.setDataDirectory("_data");
    eleventyConfig.setTemplateFormats(["njk"]);
    // Everything else as a plugin: Eleventy applies its own defaults after this callback
    // and before plugins, so only a plugin's `url` filter replaces Eleventy's.
    eleventyConfig.addPlugin((pluginConfig: EleventyConfig) => configureArchiveSite(pluginConfig, settings));
  };
}

async function configureArchiveSite(eleventyConfig: EleventyConfig, settings: RenderSettings) {
  await enableNunjucksCompileCache();
  const contentDir = path.resolve(settings.contentDir);

  // Computed once per build and shared by the templates and the feed collections. Every
  // page is built from the light index of the archive; only the article pages this
  // process writes read their article's Markdown (body, removed furniture, summary).
  let archive: Promise<SiteModel> | undefined;
  const { share } = settings;
  // A partial render writes only the pages whose data changed (src/site/partial-render.ts).
  const only = settings.only && new Set(settings.only);
  const loadArchive = () =>
    (archive ??= (async () => {
      const full = settings.model ?? (await loadSiteModel(contentDir, settings.index, settings.site.today));
      const model = selectPages(full, share, only, settings.buildShard);
      settings.hooks?.pages?.(model);
      return { ...model, pages: { ...model.pages, articles: await withArticleContent(model.pages.articles, contentDir) } };
    })());
  // The build may render in several processes at once (src/publish/render.ts): each writes
  // its share of the paginated pages, and the first one also writes the single pages,
  // the feeds and the assets.
  const writesSinglePages = share.index === 0 && writesSharedPages(settings.buildShard);
  const layoutsDir = path.resolve(settings.layoutsDir);
  if (!writesSinglePages) {
    for (const single of SINGLE_PAGE_TEMPLATES) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(layoutsDir, single)));
  }
  // Each HTML page as written: its search record is taken from it (src/publish/search-records.ts).
  const onHtml = settings.hooks?.html;
  if (onHtml) {
    eleventyConfig.addTransform("archive-page-hook", function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
      if (typeof this.page.url === "string" && typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html")) onHtml(this.page.url, content);
      return content;
    });
  }
  // What the templates print as `site.*`; `url` is the origin (links add the path prefix).
  const site = { title: settings.site.title, description: settings.site.description, url: settings.site.origin, lang: settings.site.lang };

  eleventyConfig.addGlobalData("archive", loadArchive);
  eleventyConfig.addGlobalData("site", site);

  // Eleventy's own `url` filter parses every link with the URL class (a sixth of the render
  // time); site links are always root-relative paths, so prefixing them is a string join.
  const prefixUrl = urlPrefixer(settings.site.pathPrefix);
  eleventyConfig.addFilter("url", prefixUrl);
  eleventyConfig.addFilter("absoluteUrl", (url: string, base: string) => new URL(url, base).href);
  eleventyConfig.addFilter("markdownBody", (md: string) => markdown.render(md));
  eleventyConfig.addFilter("furnitureLabel", furnitureLabel);

  // Crawler and link-preview data (src/site/structured-data.ts); `canonicalUrl` is absolute.
  const pageContext = (canonicalUrl: string): PageContext => ({ canonicalUrl, siteName: site.title, lang: site.lang });
  eleventyConfig.addFilter("newsArticleJsonLd", (article, canonicalUrl: string) => serializeJsonLd(newsArticleJsonLd(article, pageContext(canonicalUrl))));
  eleventyConfig.addFilter("articleOpenGraph", (article, canonicalUrl: string) => articleOpenGraph(article, pageContext(canonicalUrl)));
  // "Cite this article" from the same NewsArticle the page gives crawlers (src/site/citation.ts).
  eleventyConfig.addFilter("citation", (article, canonicalUrl: string) => citeArticle(newsArticleJsonLd(article, pageContext(canonicalUrl)) as unknown as CitedArticle));
  eleventyConfig.addFilter("pageOpenGraph", (title: string, description: string, canonicalUrl: string) => pageOpenGraph(title, description, pageContext(canonicalUrl)));

  // Atom and JSON feeds of the newest articles, from the official plugin. Its HTML <base>
  // plugin is told the base is "/" so it leaves page links alone: templates already add
  // the path prefix with the `url` filter, and the feeds still get absolute URLs with it.
  // (Nunjucks escapes `\` as &#92; too, so the plugin's JSON feed stays valid JSON.)
  if (writesSinglePages) addFeeds();
  function addFeeds() {
    eleventyConfig.addCollection("feedArticles", async () =>
      feedEntries(await withArticleContent(feedArticles((await loadArchive()).articles), contentDir), (md) => markdown.render(md)),
    );
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
  // Assets change only with the templates, which make every page render again: a partial render leaves them.
  if (writesSinglePages && !only) {
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(layoutsDir, "assets"))]: "assets" });
    // The search page's scripts, bundled with the parts of Pagefind's Component UI they use.
    eleventyConfig.on("eleventy.after", async ({ directories }) => settings.hooks?.files?.(await buildSearchUi(directories.output)));
  }
  eleventyConfig.setLibrary("md", markdown);
  // Meant to write pages while others render. Eleventy 3.1.7 does not read it back:
  // Template._write looks for `templateHandling` on the TemplateConfig, which has none, so
  // every page is still written with mkdirSync and writeFileSync (a shard's render profile
  // shows both). Kept for a version that reads it; it changes nothing now.
  eleventyConfig.configureTemplateHandling({ writeMode: "async" });
}
