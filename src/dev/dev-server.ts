import path from "node:path";
import type { IngestWarning } from "../ingest/pipeline.ts";
import { ArchiveBuild, BuildFailedError, formatSummary, printWarnings, type BuildOutcome } from "../publish/build.ts";
import type { ArchiveConfig } from "../publish/config.ts";
import type { Reporter } from "../reporter.ts";
import { urlPrefixer } from "../site/url-prefix.ts";
import { startDevHttpServer } from "./dev-http-server.ts";
import { createLiveReloadHub } from "./live-reload.ts";
import { watchArticles } from "./watch-articles.ts";

export interface DevServerOptions extends ArchiveConfig {
  reporter: Reporter;
  /** Quiet time after the last file event before rebuilding. */
  debounceMs?: number;
}

export interface DevServer {
  /** The site's address, path prefix included. */
  url: string;
  port: number;
  /** Resolves once no rebuild or search index run is pending. */
  idle(): Promise<void>;
  /** Stops watching, waits for a running build, closes every connection. */
  close(): Promise<void>;
}

/** Time the reloading browsers get before the background work after a rebuild starts. */
const AFTER_RELOAD_DELAY_MS = 1500;

/** How many warnings a build prints before it only counts the rest. */
const WARNINGS_SHOWN = 10;

/**
 * `npm start`: builds the archive, serves it, and runs the build again on every change
 * in the articles folder: the same pipeline as `npm run build` (src/publish/build.ts),
 * given the changed files. It re-reads only those, reuses per-article results, renders
 * only the pages whose data changed (moving each over the served file), writes the
 * sitemaps, checks every article page for search, then sends "reload" to open browsers;
 * the search index follows in the background. A build that fails prints its errors and
 * leaves the last good site being served.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { reporter, debounceMs, ...config } = options;
  const outputDir = path.resolve(config.outputDir);
  const build = new ArchiveBuild(config, { reporter }, "serve");
  const hub = createLiveReloadHub();
  const prefixed = urlPrefixer(config.site.pathPrefix) as (url: string) => string;

  let pending = new Set<string>();
  let building: Promise<void> | undefined;
  let closed = false;
  let serving = false;
  // Watching starts before the first build so a file saved during it is not missed.
  const watcher = watchArticles(
    config.articlesDir,
    (files) => {
      // Editor swap and lock files (.x.swp, .#x) come and go; listing skips dot files anyway.
      const relevant = [...files].filter((f) => !f.split("/").some((part) => part.startsWith(".")));
      if (!relevant.length || closed) return;
      for (const f of relevant) pending.add(f);
      if (serving) building ??= rebuild();
    },
    { debounceMs, poll: config.server.poll },
  );

  // The search index, one run at a time: a request during a run runs next, so the index
  // always ends up matching the last site.
  let indexing: Promise<void> | undefined;
  /** Rebuilds started so far: an index run one overlapped stops quietly, and the rebuild's reload asks for another. */
  let rebuilds = 0;
  let indexAgain = false;
  const requestIndex = () => {
    indexAgain = true;
    indexing ??= (async () => {
      while (indexAgain && !closed) {
        // A rebuild under way is writing the records this run reads: it runs after it.
        while (building) await building;
        indexAgain = false;
        const started = performance.now();
        const rebuildsBefore = rebuilds;
        try {
          // A save stops the run between batches: the rebuild gets the cores, and its reload
          // asks for the index again.
          const { pagesIndexed } = await build.indexForSearch(() => rebuilds !== rebuildsBefore);
          if (!indexAgain) reporter.info(`search index: rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s (${pagesIndexed} pages)`);
        } catch (error) {
          // A rebuild that ran meanwhile changed the records under this run: its own index
          // run follows once its browsers have reloaded (the index served is left as it was).
          if (rebuilds === rebuildsBefore && !indexAgain) reporter.error(`search index: ${(error as Error).message}`);
        }
      }
      indexing = undefined;
    })();
  };

  let lastWarnings = new Set<string>();
  const printNewWarnings = (warnings: readonly IngestWarning[]) => {
    printWarnings(warnings.filter((w) => !lastWarnings.has(warningText(w))), reporter, WARNINGS_SHOWN);
    lastWarnings = new Set(warnings.map(warningText));
  };

  try {
    const initial = await build.build();
    printNewWarnings(initial.ingest.warnings);
    const stage = reporter.stage("search index");
    let indexSeconds = 0;
    try {
      const indexed = await build.indexForSearch();
      indexSeconds = stage.end(`${indexed.pagesIndexed} pages indexed`);
    } catch (error) {
      indexSeconds = stage.end("failed");
      reporter.error(`search index: ${(error as Error).message}`);
    }
    const s = initial.summary;
    reporter.info(formatSummary({ ...s, seconds: { ...s.seconds, index: indexSeconds, total: s.seconds.total + indexSeconds } }));
  } catch (error) {
    reporter.error(failureMessage(error));
    reporter.error("The archive could not be built; fix the files above and save: the dev server rebuilds on every change.");
  }

  let server;
  try {
    server = await startDevHttpServer({ dir: outputDir, port: config.server.port, host: config.server.host, pathPrefix: config.site.pathPrefix, hub });
  } catch (error) {
    watcher.close();
    throw error;
  }

  let afterReloadTimer: NodeJS.Timeout | undefined;
  let afterReload: Promise<void> = Promise.resolve();

  const rebuild = async () => {
    while (pending.size && !closed) {
      rebuilds++;
      const changed = pending;
      pending = new Set();
      const what = changed.size === 1 ? [...changed][0] : `${changed.size} files`;
      const started = performance.now();
      let previewed: string[] = [];
      try {
        // The saved articles' own pages first, then everything the archive-wide passes change.
        const preview = await build.preview(changed).catch((error: unknown) => {
          reporter.warn(`${what} changed: could not preview its page (${(error as Error).message}); rebuilding.`);
          return undefined;
        });
        if (closed) break;
        if (preview) {
          previewed = preview.pages;
          reporter.info(`${what} changed: ${preview.pages.length === 1 ? "its page" : `their ${preview.pages.length} pages`} made again in ${preview.seconds.toFixed(2)} s; reloading ${hub.clientCount} browser${hub.clientCount === 1 ? "" : "s"}, then the rest of the archive`);
          hub.send("reload", { changed: [...changed].sort(), pages: preview.pages.map(prefixed) });
        }
        const outcome = await build.build(changed);
        if (closed) break;
        report(what, changed, outcome, previewed);
      } catch (error) {
        if (closed) break;
        reporter.error(failureMessage(error));
        reporter.error(`${what} changed: the build failed (${((performance.now() - started) / 1000).toFixed(2)} s); still serving the last good site.`);
        const details = error instanceof BuildFailedError ? error.details : [];
        hub.send("build-error", { message: [...details, failureMessage(error)].join("\n") });
      }
    }
    building = undefined;
  };

  const report = (what: string, changed: Set<string>, outcome: BuildOutcome, previewed: readonly string[]) => {
    printNewWarnings(outcome.ingest.warnings);
    const t = outcome.seconds;
    if (!outcome.changed) {
      reporter.info(`${what} changed: no article's Markdown changed (${t.total.toFixed(2)} s); the served site is up to date.`);
      return;
    }
    const i = outcome.ingest;
    // After a preview, browsers reload again only if a page changed since (not for a feed or a sitemap).
    const reload = previewed.length === 0 || outcome.renderedAll || outcome.changedPages.length > 0 || outcome.removedPages.length > 0;
    reporter.info(
      `${what} changed: rebuilt in ${t.total.toFixed(2)} s ` +
        `(read ${t.read.toFixed(2)} s, ingest ${t.ingest.toFixed(2)} s with ${i.analyzed} analyzed, ` +
        `Markdown ${t.markdown.toFixed(2)} s with ${i.markdownWritten} written and ${i.markdownRemoved} removed, ` +
        `compare ${t.compare.toFixed(2)} s, render ${t.render.toFixed(2)} s ${renderedPages(outcome)}, swap ${t.swap.toFixed(2)} s); ` +
        (reload ? `reloading ${hub.clientCount} browser${hub.clientCount === 1 ? "" : "s"}` : "no page changed since the preview"),
    );
    // Every browser: the home page and the other single pages are rendered again with any change, and no fingerprint says whether they changed.
    if (reload) hub.send("reload", { changed: [...changed].sort() });
    // Deleting an old site and indexing read and write tens of thousands of files;
    // started at once they queue up the reloading browser's requests for seconds.
    clearTimeout(afterReloadTimer);
    afterReloadTimer = setTimeout(() => {
      afterReloadTimer = undefined;
      afterReload = build.removeOldSites().then(requestIndex);
    }, AFTER_RELOAD_DELAY_MS);
  };

  serving = true;
  if (pending.size) building ??= rebuild();
  reporter.info(`Serving the archive at ${server.url} with live reload; watching ${config.articlesDir} (Ctrl+C to stop)`);

  return {
    url: server.url,
    port: server.port,
    async idle() {
      for (;;) {
        while (building) await building;
        if (!afterReloadTimer) break;
        await new Promise((resolve) => setTimeout(resolve, AFTER_RELOAD_DELAY_MS));
      }
      await afterReload;
      while (indexing) await indexing;
    },
    async close() {
      closed = true;
      watcher.close();
      while (building) await building;
      clearTimeout(afterReloadTimer);
      await afterReload;
      while (indexing) await indexing;
      await build.removeOldSites();
      await build.dispose();
      await server.close();
    },
  };
}

function failureMessage(error: unknown): string {
  return error instanceof BuildFailedError ? error.message : ((error as Error).stack ?? String(error));
}

function warningText(w: IngestWarning): string {
  return `${w.file}: ${w.message}`;
}

/** "with 12 changed pages written and 1 removed (37195 in the site)" or "of all 37195 pages". */
function renderedPages(outcome: BuildOutcome): string {
  if (outcome.renderedAll) return `of all ${outcome.pagesInSite} pages`;
  return `with ${outcome.filesWritten} changed pages written and ${outcome.removedPages.length} removed (${outcome.pagesInSite} in the site)`;
}
