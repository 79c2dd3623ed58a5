import path from "node:path";
import { formatSummary } from "../publish/build.ts";
import { buildSearchIndex } from "../publish/search-index.ts";
import type { IngestWarning } from "../ingest/pipeline.ts";
import { createBackgroundIndexer } from "./background-index.ts";
import { startDevHttpServer } from "./dev-http-server.ts";
import { createIncrementalBuilder, type IncrementalBuildOptions, type IncrementalBuildResult } from "./incremental-build.ts";
import { createLiveReloadHub } from "./live-reload.ts";
import { watchArticles } from "./watch-articles.ts";
import { digestWarnings } from "../warning-digest.ts";

export interface DevServerOptions extends IncrementalBuildOptions {
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
 * `npm start`: builds the archive, serves it, and rebuilds on every change in the
 * articles folder. Each rebuild re-reads only the changed files, reuses cached
 * per-article results, re-renders only the pages whose data changed (the whole site
 * on the first build) and sends "reload" to open browsers; the search index follows
 * in the background. A rebuild that fails prints
 * its errors and leaves the last good site being served.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { reporter } = options;
  const outputDir = path.resolve(options.outputDir);
  const builder = createIncrementalBuilder(options);
  const hub = createLiveReloadHub();
  const indexer = createBackgroundIndexer(outputDir, {
    done: (run) => reporter.info(`search index: rebuilt in ${run.seconds.toFixed(2)} s (${run.pagesIndexed} articles)`),
    failed: (message) => reporter.error(`search index: ${message}`),
  });

  let pending = new Set<string>();
  let building: Promise<void> | undefined;
  let closed = false;
  let serving = false;
  // Watching starts before the first build so a file saved during it is not missed.
  const watcher = watchArticles(
    options.articlesDir,
    (files) => {
      // Editor swap and lock files (.x.swp, .#x) come and go; listing skips dot files anyway.
      const relevant = [...files].filter((f) => !f.split("/").some((part) => part.startsWith(".")));
      if (!relevant.length || closed) return;
      for (const f of relevant) pending.add(f);
      if (serving) building ??= rebuild();
    },
    { debounceMs: options.debounceMs, poll: options.server.poll },
  );

  const initial = await builder.build();
  if (initial.ok) {
    printWarnings(initial.warnings, reporter.warn);
    const index = reporter.stage("search index");
    let indexSeconds = 0;
    try {
      const indexed = await buildSearchIndex(outputDir, initial.articles.length);
      indexSeconds = index.end(`${indexed.pagesIndexed} articles indexed`);
    } catch (error) {
      indexSeconds = index.end("failed");
      reporter.error(`search index: ${(error as Error).message}`);
    }
    const t = initial.seconds;
    reporter.info(
      formatSummary({
        articles: initial.articles.length,
        pagesWritten: initial.pagesWritten,
        undated: initial.articles.filter((a) => !a.record.date).length,
        warnings: initial.warnings.length,
        seconds: { ingest: t.read + t.ingest + t.markdown, render: t.render, index: indexSeconds, total: t.total + indexSeconds },
      }),
    );
  } else {
    for (const e of initial.errors) reporter.error(e);
    reporter.error("The archive could not be built; fix the files above and save: the dev server rebuilds on every change.");
  }

  let server;
  try {
    server = await startDevHttpServer({ dir: outputDir, port: options.server.port, host: options.server.host, pathPrefix: options.site.pathPrefix, hub });
  } catch (error) {
    watcher.close();
    throw error;
  }

  let afterReloadTimer: NodeJS.Timeout | undefined;
  let afterReload: Promise<void> = Promise.resolve();
  let lastWarnings = new Set(initial.ok ? initial.warnings.map(warningText) : []);

  const rebuild = async () => {
    while (pending.size && !closed) {
      const changed = pending;
      pending = new Set();
      const result = await builder.build(changed);
      if (closed) break;
      report(changed, result);
    }
    building = undefined;
  };

  const report = (changed: Set<string>, result: IncrementalBuildResult) => {
    const what = changed.size === 1 ? [...changed][0] : `${changed.size} files`;
    if (!result.ok) {
      for (const e of result.errors) reporter.error(e);
      reporter.error(`${what} changed: the build failed (${result.seconds.total.toFixed(2)} s); still serving the last good site.`);
      hub.send("build-error", { message: result.errors.join("\n") });
      return;
    }
    const warnings = result.warnings.filter((w) => !lastWarnings.has(warningText(w)));
    lastWarnings = new Set(result.warnings.map(warningText));
    printWarnings(warnings, reporter.warn);
    const t = result.seconds;
    if (!result.rendered) {
      reporter.info(`${what} changed: no article's Markdown changed (${t.total.toFixed(2)} s); the served site is up to date.`);
      return;
    }
    reporter.info(
      `${what} changed: rebuilt in ${t.total.toFixed(2)} s ` +
        `(read ${t.read.toFixed(2)} s, ingest ${t.ingest.toFixed(2)} s with ${result.articlesAnalyzed} analyzed, ` +
        `Markdown ${t.markdown.toFixed(2)} s with ${result.markdownWritten} written and ${result.markdownRemoved} removed, ` +
        `compare ${t.compare.toFixed(2)} s, render ${t.render.toFixed(2)} s ${renderedPages(result)}, swap ${t.swap.toFixed(2)} s); ` +
        `reloading ${hub.clientCount} browser${hub.clientCount === 1 ? "" : "s"}`,
    );
    hub.send("reload", { changed: [...changed].sort() });
    const articleCount = result.articles.length;
    // Deleting the old site and indexing read and write tens of thousands of files;
    // started at once they queue up the reloading browser's requests for seconds.
    clearTimeout(afterReloadTimer);
    afterReloadTimer = setTimeout(() => {
      afterReloadTimer = undefined;
      afterReload = builder.removeOldSites().then(() => indexer.request(articleCount));
    }, AFTER_RELOAD_DELAY_MS);
  };


  serving = true;
  if (pending.size) building ??= rebuild();
  reporter.info(`Serving the archive at ${server.url} with live reload; watching ${options.articlesDir} (Ctrl+C to stop)`);

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
      await indexer.idle();
    },
    async close() {
      closed = true;
      watcher.close();
      while (building) await building;
      clearTimeout(afterReloadTimer);
      await afterReload;
      await indexer.idle();
      await builder.removeOldSites();
      await server.close();
    },
  };
}

/** "with 12 changed pages written and 1 removed (37195 in the site)" or "of all 37195 pages". */
function renderedPages(result: Extract<IncrementalBuildResult, { ok: true }>): string {
  if (result.renderedAll) return `of all ${result.pagesWritten} pages`;
  return `with ${result.pagesWritten} changed pages written and ${result.pagesRemoved} removed (${result.pagesInSite} in the site)`;
}

function warningText(w: IngestWarning): string {
  return `${w.file}: ${w.message}`;
}

/** Repeated warnings once each, with a count and the first files (src/warning-digest.ts). */
function printWarnings(warnings: readonly IngestWarning[], warn: (line: string) => void) {
  const lines = digestWarnings(warnings, { articleFiles: [] }).lines;
  for (const line of lines.slice(0, WARNINGS_SHOWN)) warn(line);
  if (lines.length > WARNINGS_SHOWN) warn(`... and ${lines.length - WARNINGS_SHOWN} more warnings like these.`);
}
