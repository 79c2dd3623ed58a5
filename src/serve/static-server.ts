import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { normalizePathPrefix } from "../site/url-prefix.ts";

/** Content types of the files a built site holds. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * The file a request for `sitePath` (below the path prefix, no leading slash) serves:
 * a folder gives its index.html (a redirect adds the missing trailing slash first);
 * nothing outside `root` is ever served.
 */
export async function findSiteFile(root: string, sitePath: string, url: URL): Promise<{ file: string; size: number } | { redirect: string } | undefined> {
  let file = path.resolve(root, `./${sitePath}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith("/")) return { redirect: `${url.pathname}/${url.search}` };
    file = path.join(file, "index.html");
    info = await stat(file).catch(() => undefined);
  }
  return info?.isFile() ? { file, size: info.size } : undefined;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A small static file server for the built site (local preview and tests), serving
 * it under `pathPrefix` the way GitHub Pages serves a project site. Never serves
 * anything outside `dir`.
 */
export async function serveStatic(options: { dir: string; port?: number; pathPrefix: string; host?: string }): Promise<StaticServer> {
  const root = path.resolve(options.dir);
  const prefix = normalizePathPrefix(options.pathPrefix);
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(prefix)) {
        if (`${pathname}/` === prefix) return redirect(res, prefix);
        return notFound(res, root, prefix);
      }
      const found = await findSiteFile(root, pathname.slice(prefix.length), url);
      if (!found) return notFound(res, root, prefix);
      if ("redirect" in found) return redirect(res, found.redirect);
      const { file, size } = found;
      res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": size, "cache-control": "no-cache" });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end("Bad request");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}${prefix}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(301, { location }).end();
}

async function notFound(res: http.ServerResponse, root: string, _prefix: string) {
  const page = path.join(root, "404.html");
  const info = await stat(page).catch(() => undefined);
  res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  if (info?.isFile()) createReadStream(page).pipe(res);
  else res.end("Not found");
}
