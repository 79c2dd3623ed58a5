import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Eleventy 3.1 marks its Nunjucks engine uncacheable, so every paginated page compiles
 * its template, its layouts and its permalink again: at 1,000 articles that was a third
 * of the render time. A compiled Nunjucks template is a pure function of its source, so
 * Eleventy's own compile cache (keyed by input path and source, cleared when a file
 * changes) is safe to use. Eleventy does not export the engine class, so it is reached
 * by file path; the site tests fail if a future Eleventy moves it.
 */
export async function enableNunjucksCompileCache(): Promise<void> {
  const enginePath = path.join(eleventySource(), "Engines", "Nunjucks.js");
  const { default: NunjucksEngine } = (await import(pathToFileURL(enginePath).href)) as { default: { prototype: object } };
  Object.defineProperty(NunjucksEngine.prototype, "cacheable", { configurable: true, get: () => true });
}

/**
 * Empties Eleventy's compile cache, as Eleventy does when its configuration is reset. The
 * cache is one map for the whole process whose keys name each Eleventy run's
 * configuration, and a compiled template holds its run's Nunjucks environment and through
 * it that run's data: a process that runs Eleventy again and again (a render process's
 * rounds, the dev server's rebuilds) kept the data of every run. At 100,000 articles each
 * render process grew by more than a gigabyte over its rounds.
 */
export async function clearEleventyCompileCache(): Promise<void> {
  const busPath = path.join(eleventySource(), "EventBus.js");
  const { default: bus } = (await import(pathToFileURL(busPath).href)) as { default: { emit(event: string): unknown } };
  await bus.emit("eleventy.compileCacheReset");
}

/** The folder of Eleventy's own modules (its package exports only the entry point). */
function eleventySource(): string {
  return path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
}
