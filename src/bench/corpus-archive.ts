import { copyFile, mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ingestArchive } from "../ingest/pipeline.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";
import { pickCorpusArticles } from "./corpus-sample.ts";

/**
 * Benchmark archives made of real corpus articles (read from ../shared/corpus, never
 * copied into the repository): which corpus files the build accepts, and an articles
 * folder of N of them, the corpus repeated under new names above its size.
 */

/** The corpus sets benchmarks draw from. */
export const CORPUS_SETS = ["reuters21578", "bbc", "buzzfeed_webis_2016"];

export async function corpusExists(corpusDir: string): Promise<boolean> {
  return stat(corpusDir).then((s) => s.isDirectory(), () => false);
}

/**
 * Every corpus article file the build accepts, relative to the corpus folder, in a fixed
 * order, and the files it refuses (a headline alone, "Moved Permanently" pages). Recurring
 * furniture depends on how often a line recurs in the archive at hand, so a file can pass
 * in one archive and be refused in another: each set is ingested alone as well as the whole.
 */
export async function listCorpusArticles(corpusDir: string, now: Date, sets = CORPUS_SETS): Promise<{ accepted: string[]; refused: string[] }> {
  const found: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(corpusDir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && e.name.endsWith(".txt")) found.push(child);
    }
  }
  for (const set of sets) {
    if (await stat(path.join(corpusDir, set)).then(() => true, () => false)) await walk(set);
  }
  const inputs = await mapLimited(found, FILE_CONCURRENCY, async (file) => ({ file, bytes: await readFile(path.join(corpusDir, file)) }));
  const bad = new Set<string>();
  for (const set of [...sets.map((name) => `${name}/`), ""]) {
    for (const e of ingestArchive(inputs.filter((i) => i.file.startsWith(set)), { now }).errors) bad.add(e.file);
  }
  return {
    accepted: found.filter((f) => !bad.has(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    refused: [...bad].sort(),
  };
}

/** Copies N of `sources` into `dir` (copies, not links: a warm build edits one); says what the archive is made of. */
export async function copyCorpusArticles(corpusDir: string, sources: readonly string[], n: number, dir: string, sets = CORPUS_SETS): Promise<{ note: string; names: string[] }> {
  const picked = pickCorpusArticles(sources, n);
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < picked.length; i += 256) {
    await Promise.all(picked.slice(i, i + 256).map((p) => copyFile(path.join(corpusDir, p.source), path.join(dir, p.name))));
  }
  const perSet = sets.map((set) => `${set} ${picked.filter((p) => p.source.startsWith(`${set}/`)).length.toLocaleString("en-US")}`).join(", ");
  const rounds = Math.max(...picked.map((p) => p.round));
  const note =
    rounds > 1
      ? `${n.toLocaleString("en-US")} articles: all ${sources.length.toLocaleString("en-US")} corpus files, then the corpus again under new names (r2-…${rounds > 2 ? `, up to r${rounds}-…` : ""}), so ${(((n - sources.length) / n) * 100).toFixed(0)}% of the articles are copies of others (${perSet})`
      : `${n.toLocaleString("en-US")} articles taken at an even stride from the corpus (${perSet})`;
  return { note, names: picked.map((p) => p.name).sort() };
}
