import { buildSearchIndex } from "../publish/search-index.ts";

export interface BackgroundIndexer {
  /** Asks for an index of the site as it is now; returns at once. */
  request(expectedArticles: number): void;
  /** Resolves when no index run is going on or asked for. */
  idle(): Promise<void>;
}

export interface IndexRun {
  seconds: number;
  pagesIndexed: number;
}

/**
 * Rebuilds the Pagefind index of the served site after a reload, one run at a time.
 * A request during a run is remembered and runs next, so the index always ends up
 * matching the last site; a run whose site was replaced while it ran only reports
 * when it was the last one asked for.
 */
export function createBackgroundIndexer(siteDir: string, handlers: { done(run: IndexRun): void; failed(message: string): void }): BackgroundIndexer {
  let running: Promise<void> | undefined;
  let next: number | undefined;

  const runLoop = async () => {
    while (next !== undefined) {
      const pages = next;
      next = undefined;
      const started = performance.now();
      try {
        const { pagesIndexed } = await buildSearchIndex(siteDir, pages);
        if (next === undefined) handlers.done({ seconds: (performance.now() - started) / 1000, pagesIndexed });
      } catch (error) {
        if (next === undefined) handlers.failed((error as Error).message);
      }
    }
    running = undefined;
  };

  return {
    request(expectedArticles) {
      next = expectedArticles;
      running ??= runLoop();
    },
    async idle() {
      while (running) await running;
    },
  };
}
