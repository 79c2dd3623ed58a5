import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./site-build.ts";

/** The research corpus beside the project (never copied into it). */
export const CORPUS_DIR = join(projectRoot, "../shared/corpus");

/** A test's `skip` option: a reason when the corpus is absent, as on a fresh clone. */
export const corpusMissing: string | false = existsSync(CORPUS_DIR) ? false : "../shared/corpus is absent (a fresh clone has no research corpus)";

/** Every corpus article as [path, text], in a fixed order. */
export function* corpusArticles(dir = CORPUS_DIR): Generator<[string, string]> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* corpusArticles(path);
    else if (entry.endsWith(".txt")) yield [path, readFileSync(path, "utf8")];
  }
}
