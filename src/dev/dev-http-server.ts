import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { CONTENT_TYPES, findSiteFile } from "../serve/static-server.ts";
import { injectLiveReloadScript, liveReloadClientScript, LIVE_RELOAD_EVENTS_PATH, LIVE_RELOAD_SCRIPT_PATH, type LiveReloadHub } from "./live-reload.ts";
import { normalizePathPrefix } from "../site/url-prefix.ts";


export interface DevHttpServer {
  /** The site's address, path prefix included, e.g. http://127.0.0.1:8080/. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface DevHttpOptions {
  dir: string;
  port?: number;
  host?: string;
  pathPrefix: string;
  hub: LiveReloadHub;
}

/**
 * Serves the built site under its path prefix like the preview server does, plus the
 * live reload endpoints (`<prefix>__live-reload` for events, `<prefix>__live-reload.js`
 * for the script). HTML responses get the script tag; files on disk are never changed.
 * Files are looked up on every request, so a swapped-in rebuild is served at once.
 */
export async function startDevHttpServer(options: DevHttpOptions): Promise<DevHttpServer> {
  const root = path.resolve(options.dir);
  const prefix = normalizePathPrefix(options.pathPrefix);
  const host = options.host ?? "127.0.0.1";
  const scriptUrl = `${prefix}${LIVE_RELOAD_SCRIPT_PATH}`;
  const script = liveReloadClientScript(`${prefix}${LIVE_RELOAD_EVENTS_PATH}`);

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(prefix)) {
        if (`${pathname}/` === prefix) return redirect(res, prefix);
        return await sendNotFound(res, root, scriptUrl);
      }
      pathname = pathname.slice(prefix.length);
      if (pathname === LIVE_RELOAD_EVENTS_PATH) return options.hub.connect(req, res);
      if (pathname === LIVE_RELOAD_SCRIPT_PATH) {
        res.writeHead(200, { "content-type": CONTENT_TYPES[".js"], "cache-control": "no-cache" });
        return res.end(script);
      }
      const found = await findSiteFile(root, pathname, url);
      if (!found) return await sendNotFound(res, root, scriptUrl);
      if ("redirect" in found) return redirect(res, found.redirect);
      const { file, size } = found;
      const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
      if (path.extname(file) === ".html") {
        const html = await readFile(file, "utf8").catch(() => undefined);
        // The file can vanish between stat and read when a rebuild swaps the site in.
        if (html === undefined) return await sendNotFound(res, root, scriptUrl);
        return sendHtml(res, 200, injectLiveReloadScript(html, scriptUrl), req.method === "HEAD");
      }
      res.writeHead(200, { "content-type": type, "content-length": size, "cache-control": "no-cache" });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).on("error", () => res.destroy()).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end("Bad request");
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}${prefix}`,
    port,
    close: () =>
      new Promise((resolve) => {
        options.hub.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendHtml(res: http.ServerResponse, status: number, html: string, headOnly: boolean) {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, { "content-type": CONTENT_TYPES[".html"], "content-length": body.length, "cache-control": "no-cache" });
  res.end(headOnly ? undefined : body);
}

async function sendNotFound(res: http.ServerResponse, root: string, scriptUrl: string) {
  const page = await readFile(path.join(root, "404.html"), "utf8").catch(() => undefined);
  if (page === undefined) return sendHtml(res, 404, "Not found", false);
  sendHtml(res, 404, injectLiveReloadScript(page, scriptUrl), false);
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(301, { location }).end();
}
