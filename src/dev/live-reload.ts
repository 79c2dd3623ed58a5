import type http from "node:http";

/**
 * Live reload over server-sent events. The site's Content-Security-Policy allows only
 * same-origin script files (`script-src 'self'`), so the dev server adds a
 * `<script src>` tag pointing at a file it serves itself, never an inline script.
 */

export const LIVE_RELOAD_EVENTS_PATH = "__live-reload";
export const LIVE_RELOAD_SCRIPT_PATH = "__live-reload.js";

/**
 * The browser side: reload on "reload" (when the event lists the pages that changed, only
 * a browser showing one of them), show build errors in the console.
 */
export function liveReloadClientScript(eventsUrl: string): string {
  return `// Dev server only: reloads the page when the archive has been rebuilt.
(() => {
  const events = new EventSource(${JSON.stringify(eventsUrl)});
  events.addEventListener("reload", (event) => {
    const pages = JSON.parse(event.data).pages;
    if (!pages || pages.includes(location.pathname.replace(/index\\.html$/, ""))) location.reload();
  });
  events.addEventListener("build-error", (event) => console.error("Archive build failed; still showing the last good site.\\n" + JSON.parse(event.data).message));
})();
`;
}

/** Adds the live reload script tag before `</body>` (or at the end when there is none). */
export function injectLiveReloadScript(html: string, scriptUrl: string): string {
  const tag = `<script src="${scriptUrl}"></script>`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
}

export interface LiveReloadHub {
  /** Answers an EventSource request and keeps the connection open. */
  connect(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Sends one event with a JSON payload to every open browser (a "reload" with `pages` reloads only the browsers showing one). */
  send(event: "reload" | "build-error", data: object): void;
  readonly clientCount: number;
  /** Ends every open connection (shutdown). */
  close(): void;
}

export function createLiveReloadHub(): LiveReloadHub {
  const clients = new Set<http.ServerResponse>();
  return {
    connect(req, res) {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
      // A comment line flushes the headers so the browser's EventSource opens at once.
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
    },
    send(event, data) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
