import { analyzeArticle, archiveFurnitureEvidence, articleInputHash, decodeArticle, type AnalyzedArticle, type DecodedArticle, type RawArticleInput } from "../ingest/pipeline.ts";
import type { ArticleMemo } from "./article-memo.ts";
import { forkWorker } from "./child-process.ts";

/** Below this many articles to analyse, a second process costs more (its start-up) than it saves. */
const MIN_ARTICLES_FOR_A_WORKER = 600;
/** Each further worker process takes at least this many articles (each process's share is about the same). */
const MIN_ARTICLES_PER_PROCESS = 300;
/**
 * At most this many worker processes, however many cores: each holds its own copy of the
 * ingest code and its share in flight (218 MiB at its peak in a 100,000-article summary
 * job), and the whole build's memory counts.
 */
export const MAX_ANALYSIS_WORKERS = 3;

/**
 * How many worker processes share `missing` articles with this process, given `workers`
 * (cores beside this process's): none below MIN_ARTICLES_FOR_A_WORKER, and never so many
 * that a process gets fewer than MIN_ARTICLES_PER_PROCESS.
 */
export function workerCount(missing: number, workers: number): number {
  if (workers < 1 || missing < MIN_ARTICLES_FOR_A_WORKER) return 0;
  return Math.min(Math.floor(workers), MAX_ANALYSIS_WORKERS, Math.floor(missing / MIN_ARTICLES_PER_PROCESS) - 1);
}

/**
 * The per-article analysis (the costly part of ingest, and independent per article) of
 * the articles the memo lacks, shared between this process and worker processes on a
 * machine with more than one core (`workers`: how many at most; one per core beside this
 * one: a 4-core CI runner uses three). It runs before ingestArchive, which then finds every
 * analysis in the memo: the records are those ingestArchive alone would make, since an
 * analysis depends only on the article and the archive's furniture evidence, both
 * computed here exactly as ingestArchive computes them.
 */
export async function analyzeInParallel(
  inputs: readonly RawArticleInput[],
  memo: ArticleMemo,
  options: { now: Date; articlesDir: string; workers: number; onProgress?: (done: number, total: number) => void },
): Promise<{ analyzedByWorkers: number; perWorker: number[] }> {
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
  const count = workerCount(missing.length, options.workers);
  if (count === 0) return { analyzedByWorkers: 0, perWorker: [] };

  // Every (count + 1)th article to each worker, the rest here: each share holds a similar mix of long and short ones.
  const processes = count + 1;
  const ours: typeof missing = [];
  const shares = Array.from({ length: count }, () => new Map<string, (typeof missing)[number]>());
  missing.forEach((m, i) => (i % processes === 0 ? ours.push(m) : shares[(i % processes) - 1].set(m.input.file, m)));
  const perWorker = shares.map(() => 0);
  const runs = shares.map((theirs, w) => runWorker(theirs, evidence, options, (sent, analyzed) => {
    memo.store(sent.decoded, evidence, analyzed);
    perWorker[w]++;
  }));
  // A failed worker is reported once every process has stopped (none left writing to the memo).
  const finished = Promise.allSettled(runs);
  let done = 0;
  for (const { decoded: d } of ours) {
    try {
      memo.analyze(d, evidence, () => analyzeArticle(d, evidence, options.now));
    } catch {
      // ingestArchive reports it.
    }
    options.onProgress?.(Math.min(missing.length, ++done * processes), missing.length);
  }
  for (const outcome of await finished) if (outcome.status === "rejected") throw outcome.reason;
  return { analyzedByWorkers: perWorker.reduce((a, b) => a + b, 0), perWorker };
}

/** One worker process's share: each analysis it sends back is handed to `store`, unless its file changed since this process read it. */
function runWorker(
  theirs: ReadonlyMap<string, { input: RawArticleInput; decoded: DecodedArticle }>,
  evidence: ReturnType<typeof archiveFurnitureEvidence>,
  options: { now: Date; articlesDir: string },
  store: (sent: { input: RawArticleInput; decoded: DecodedArticle }, analyzed: AnalyzedArticle) => void,
): Promise<void> {
  const worker = forkWorker(new URL("./analyze-worker.ts", import.meta.url));
  const finished = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { type: "batch"; results: [string, string, AnalyzedArticle | null][] } | { type: "done" } | { type: "failed"; error: string }) => {
      if (message.type === "failed") reject(new Error(`analysis process failed: ${message.error}`));
      else if (message.type === "done") resolve();
      else {
        for (const [file, inputHash, analyzed] of message.results) {
          const sent = theirs.get(file)!;
          // A file saved again since this process read it is left to ingestArchive.
          if (analyzed && inputHash === articleInputHash(sent.input)) store(sent, analyzed);
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
  return finished;
}
