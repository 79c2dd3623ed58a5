/** "/news-archive" or "news-archive/" → "/news-archive/"; "" or "/" → "/". */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Returns the `url` filter: a root-relative path gets the path prefix; anything else
 * (absolute URLs, `#fragments`, protocol-relative `//host`) is returned unchanged.
 */
export function urlPrefixer(pathPrefix: string): (url: unknown) => unknown {
  const prefix = normalizePathPrefix(pathPrefix);
  return (url) => {
    if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//") || prefix === "/") return url;
    return prefix + url.slice(1);
  };
}
