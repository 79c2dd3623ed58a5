import { parse } from "node-html-parser";
import { normalizePathPrefix } from "../site/url-prefix.ts";

/**
 * Internal links of a built site: every `href` and `src` that points into the site
 * must name a file the build wrote. Pure: the caller lists the files and reads the
 * pages (scripts/check-links.ts).
 */

export interface SitePage {
  /** Path inside the site folder, with `/` separators, e.g. `articles/x/index.html`. */
  path: string;
  html: string;
}

export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

const LINK_ATTRIBUTES = ["href", "src"];
/** Anything with a scheme (https:, mailto:, data:...) or protocol-relative leaves the site. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;


export function findBrokenLinks(pages: readonly SitePage[], siteFiles: ReadonlySet<string>, pathPrefix: string): BrokenLink[] {
  const prefix = normalizePathPrefix(pathPrefix);
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const root = parse(page.html);
    // The URL the page is served at, so relative links resolve as a browser resolves them.
    const pageUrl = new URL(`http://site${prefix}${page.path.replace(/(^|\/)index\.html$/, "$1")}`);
    for (const attribute of LINK_ATTRIBUTES) {
      for (const element of root.querySelectorAll(`[${attribute}]`)) {
        const url = element.getAttribute(attribute)?.trim() ?? "";
        if (url === "" || url.startsWith("#") || EXTERNAL.test(url)) continue;
        const reason = unresolvedReason(url, pageUrl, prefix, siteFiles);
        if (reason) broken.push({ page: page.path, url, reason });
      }
    }
  }
  return broken;
}

function unresolvedReason(url: string, pageUrl: URL, prefix: string, siteFiles: ReadonlySet<string>): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, pageUrl).pathname);
  } catch {
    return "is not a valid URL";
  }
  if (!pathname.startsWith(prefix)) return `is outside the site's path prefix ${prefix}`;
  const inside = pathname.slice(prefix.length);
  const candidates = inside === "" || inside.endsWith("/") ? [`${inside}index.html`] : [inside, `${inside}/index.html`];
  return candidates.some((c) => siteFiles.has(c)) ? undefined : "points to no built file";
}

export function formatBrokenLink(link: BrokenLink): string {
  return `${link.page}: ${link.url} ${link.reason}`;
}
