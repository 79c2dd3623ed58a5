import { normalizePathPrefix } from "./url-prefix.ts";

/**
 * Where and as what the site is published: one small typed value (like Hugo's base
 * URL), made once by the build's configuration (src/publish/config.ts) and handed to
 * everything that prints a link, instead of a string re-normalised wherever it is used.
 */
export interface SiteSettings {
  title: string;
  description: string;
  lang: string;
  /** The published site's origin, e.g. "https://example.github.io" (no path, no trailing slash). */
  origin: string;
  /** Normalized: "/" or "/news-archive/". */
  pathPrefix: string;
  /** origin + pathPrefix: the absolute URL of the site's root, ending in "/". */
  rootUrl: string;
  /** The build's day, YYYY-MM-DD (the home page's "on this day"); pinned for reproducible builds with ARCHIVE_NOW. */
  today?: string;
}

export function siteSettings(options: { title: string; description: string; lang: string; origin: string; pathPrefix: string; today?: string }): SiteSettings {
  const origin = new URL(options.origin).origin;
  const pathPrefix = normalizePathPrefix(options.pathPrefix);
  const settings: SiteSettings = { title: options.title, description: options.description, lang: options.lang, origin, pathPrefix, rootUrl: new URL(pathPrefix, origin).href };
  if (options.today) settings.today = options.today;
  return settings;
}
