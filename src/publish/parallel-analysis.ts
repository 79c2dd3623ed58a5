import { analyzeArticle, archiveFurnitureEvidence, articleInputHash, decodeArticle, type AnalyzedArticle, type DecodedArticle, type RawArticleInput } from "../ingest/pipeline.ts";
import type { ArticleMemo } from "./article-memo.ts";
import { forkWorker } from "./child-process.ts";

/** Below this many articles to analyse, a second process costs more (its start-up) than it saves. */
const MIN_ARTICLES_FOR_A_WORKER = 600;

/**
 * The per-article analysis (the costly part of ingest, and independent per article) of
 * the articles the memo lacks, shared between this process and a worker process on a
 * machine with more than one core. It runs before ingestArchive, which then finds every
 * analysis in the memo: the records are those ingestArchive alone would make, since an
 * analysis depends only on the article and the archive's furniture evidence, both
 * computed here exactly as ingestArchive computes them.
 */
export async function analyzeInParallel(
  inputs: readonly RawArticleInput[],
  memo: ArticleMemo,
  options: { now: Date; articlesDir: string; workers: number; onProgress?: (done: number, total: number) => void },
): Promise<{ analyzedByWorkers: number }> {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const decoded: { input: RawArticleInput; decoded: DecodedArticle }[] = [];
  for (const input of sorted) {
    try {
      decoded.push({ input, decoded: memo.decode(input, () => decodeArticle(input)) });
    } catch {
      // ingestArchive reports it.
    }
  }
  // The same evidence ingestArchive then uses: the memo hands it the one computed here.
  const evidence = archiveFurnitureEvidence(
    decoded.map((d) => d.decoded),
    memo,
  );
  const missing = decoded.filter((d) => !memo.has(d.decoded, evidence));
  if (options.workers < 1 || missing.length < MIN_ARTICLES_FOR_A_WORKER) return { analyzedByWorkers: 0 };

  // Every other article to the worker: both halves hold a similar mix of long and short ones.
  const theirs = new Map(missing.filter((_, i) => i % 2 === 1).map((m) => [m.input.file, m]));
  const ours = missing.filter((_, i) => i % 2 === 0);
  let stored = 0;
  const worker = forkWorker(new URL("./analyze-worker.ts", import.meta.url));
  const finished = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { type: "batch"; results: [string, string, AnalyzedArticle | null][] } | { type: "done" } | { type: "failed"; error: string }) => {
      if (message.type === "failed") reject(new Error(`analysis process failed: ${message.error}`));
      else if (message.type === "done") resolve();
      else {
        for (const [file, inputHash, analyzed] of message.results) {
          const sent = theirs.get(file)!;
          // A file saved again since this process read it is left to ingestArchive.
          if (analyzed && inputHash === articleInputHash(sent.input)) {
            memo.store(sent.decoded, evidence, analyzed);
            stored++;
          }
        }
      }
    });
    worker.once("exit", (code) => reject(new Error(`analysis process exited with code ${code} before finishing`)));
  });
  worker.send({
    now: options.now.toISOString(),
    evidence,
    articlesDir: options.articlesDir,
    inputs: [...theirs.values()].map(({ input }) => ({ file: input.file, defaults: input.defaults })),
  });
  let done = 0;
  for (const { decoded: d } of ours) {
    try {
      memo.analyze(d, evidence, () => analyzeArticle(d, evidence, options.now));
    } catch {
      // ingestArchive reports it.
    }
    options.onProgress?.(Math.min(missing.length, ++done * 2), missing.length);
  }
  await finished;
  return { analyzedByWorkers: stored };
}
