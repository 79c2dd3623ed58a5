/**
 * `sitemap.xml`, written after rendering from the list of HTML files Eleventy actually
 * wrote, so every page is listed by construction (a new kind of page needs no change
 * here). Never the 404 page. Above 50,000 URLs (the sitemaps.org limit per file)
 * `sitemap.xml` becomes a sitemap index over `sitemap-1.xml`, `sitemap-2.xml`, ...
 */

export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapFile {
  /** Path relative to the site root. */
  path: string;
  xml: string;
}

/** Site-relative URLs ("/articles/x/") of the HTML pages among `outputs`, sorted. */
export function sitemapPaths(outputs: readonly string[]): string[] {
  const paths = outputs
    .filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("pagefind/"))
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, "$1")}`);
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `siteRoot` is the absolute URL of the site's root, path prefix included, ending in "/". */
export function buildSitemaps(outputs: readonly string[], siteRoot: string, limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  const urls = sitemapPaths(outputs).map((p) => new URL(p.slice(1), siteRoot).href);
  const urlset = (list: string[]) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>\n`).join("")}</urlset>\n`;
  if (urls.length <= limit) return [{ path: "sitemap.xml", xml: urlset(urls) }];
  const parts: SitemapFile[] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push({ path: `sitemap-${parts.length + 1}.xml`, xml: urlset(urls.slice(i, i + limit)) });
  const index = `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts
    .map((p) => `  <sitemap><loc>${escapeXml(new URL(p.path, siteRoot).href)}</loc></sitemap>\n`)
    .join("")}</sitemapindex>\n`;
  return [{ path: "sitemap.xml", xml: index }, ...parts];
}
