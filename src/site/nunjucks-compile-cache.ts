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
  const eleventyEntry = createRequire(import.meta.url).resolve("@11ty/eleventy");
  const enginePath = path.join(path.dirname(eleventyEntry), "Engines", "Nunjucks.js");
  const { default: NunjucksEngine } = (await import(pathToFileURL(enginePath).href)) as { default: { prototype: object } };
  Object.defineProperty(NunjucksEngine.prototype, "cacheable", { configurable: true, get: () => true });
}
