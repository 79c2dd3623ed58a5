import { analyzeArticle, archiveFurnitureEvidence, decodeArticle, type AnalyzedArticle, type DecodedArticle, type RawArticleInput } from "../ingest/pipeline.ts";
import type { ChildProcess } from "node:child_process";
import { evidenceFactsOf, type FurnitureEvidence } from "../ingest/furniture.ts";
import { inputHash, type ArticleMemo } from "./article-memo.ts";
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

/** Articles per piece of work a worker process is sent, and this process takes, from the shared queue. */
export const ANALYSIS_CHUNK = 16;
/** Texts per piece of decoding (a text is decoded and read for evidence several times faster than it is analysed). */
export const DECODE_CHUNK = 64;
/** Pieces of work a worker holds at once: the next is there as it finishes one, while this process is busy with its own. */
const CHUNKS_AHEAD = 2;

export interface ParallelAnalysisResult {
  /** Analyses the worker processes made (and this process stored). */
  analyzedByWorkers: number;
  /** Of those, each worker's. */
  perWorker: number[];
  /** Analyses this process made meanwhile. */
  analyzedHere: number;
  /** Texts the worker processes decoded (and read the evidence facts of) for this process, before the count. */
  decodedByWorkers: number;
}

/**
 * The per-article analysis (the costly part of ingest, and independent per article) of
 * the articles the memo lacks, shared between this process and worker processes on a
 * machine with more than one core (`workers`: how many at most; one per core beside this
 * one: a 4-core CI runner uses three). It runs before ingestArchive, which then finds every
 * analysis in the memo: the records are those ingestArchive alone would make, since an
 * analysis depends only on the article and the archive's furniture evidence, both
 * computed here exactly as ingestArchive computes them.
 *
 * The articles wait in one queue that every process takes ANALYSIS_CHUNK of at a time, so
 * they all finish together. Split in fixed shares, this process sat idle for a quarter of
 * a 1,000-article ingest waiting for its worker, which starts seconds later (it loads the
 * ingest code and reads its files itself).
 */
export async function analyzeInParallel(
  inputs: readonly RawArticleInput[],
  memo: ArticleMemo,
  options: {
    now: Date;
    articlesDir: string;
    workers: number;
    onProgress?: (done: number, total: number) => void;
    /**
     * Analyse only the articles of these files, and every one of them here, however few
     * (a sharded build's analysis job, after which no ingestArchive runs). Every article
     * is still decoded: the evidence is the whole archive's.
     */
    only?: (file: string) => boolean;
  },
): Promise<ParallelAnalysisResult> {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const decoded: Pending[] = [];
  const workers: ChildProcess[] = [];
  try {
    // The texts to decode (a cold build's every one) are shared with the worker processes,
    // which load the ingest code (a second or two) while this process starts on them. Each
    // process also reads what the evidence count takes from each of its texts, so the count
    // below reads none of them again (half of a 100,000-article analysis job's time was
    // this process decoding and counting alone).
    const fresh = sorted.filter((input) => memo.decodesAnew(input));
    while (workers.length < workerCount(fresh.length, options.workers)) workers.push(startWorker());
    let early = workers.length ? await decodeShared(fresh, workers, options.articlesDir) : undefined;
    const decodedByWorkers = early?.byWorkers ?? 0;
    for (const input of sorted) {
      const ahead = early?.decoded.get(input.file);
      try {
        decoded.push({ input, decoded: memo.decode(input, () => ahead?.decoded ?? decodeArticle(input)) });
        if (ahead) memo.keepFacts(input, ahead.facts);
      } catch {
        // ingestArchive reports it.
      }
    }
    early = undefined;
    // The same evidence ingestArchive then uses: the memo hands it the one computed here.
    const evidence = archiveFurnitureEvidence(
      decoded.map((d) => d.decoded),
      memo,
    );
    const only = options.only;
    const missing = decoded.filter((d) => (!only || only(d.input.file)) && !memo.has(d.decoded, evidence));
    const count = workerCount(missing.length, options.workers);
    // New texts whose analyses the memo still holds need no worker started for them.
    for (const spare of workers.splice(count)) spare.send({ type: "end" });
    while (workers.length < count) workers.push(startWorker());
    if (count === 0 && !only) return { analyzedByWorkers: 0, perWorker: [], analyzedHere: 0, decodedByWorkers };
    return { ...(await shareAnalysis(missing, workers.splice(0), evidence, memo, options)), decodedByWorkers };
  } finally {
    // Started, but never given their work (this process failed first): they must not outlive it.
    for (const worker of workers) worker.kill();
  }
}

/** The queue of `missing` shared by this process and `workers` (started, not yet told the evidence). */
async function shareAnalysis(
  missing: readonly Pending[],
  workers: readonly ChildProcess[],
  evidence: FurnitureEvidence,
  memo: ArticleMemo,
  options: { now: Date; articlesDir: string; onProgress?: (done: number, total: number) => void },
): Promise<Omit<ParallelAnalysisResult, "decodedByWorkers">> {
  let next = 0;
  const take = (n: number) => missing.slice(next, (next = Math.min(missing.length, next + n)));
  let done = 0;
  const progress = (n: number) => options.onProgress?.((done += n), missing.length);
  const perWorker = workers.map(() => 0);
  const runs = workers.map((worker, w) =>
    runWorker(worker, take, evidence, options, (sent, analyzed, digest) => {
      memo.store(sent.decoded, evidence, analyzed, digest);
      perWorker[w]++;
    }, progress),
  );
  // A failed worker is reported once every process has stopped (none left writing to the memo).
  const finished = Promise.allSettled(runs);
  let analyzedHere = 0;
  for (let chunk = take(ANALYSIS_CHUNK); chunk.length; chunk = take(ANALYSIS_CHUNK)) {
    for (const { decoded: d } of chunk) {
      try {
        memo.analyze(d, evidence, () => analyzeArticle(d, evidence, options.now));
        analyzedHere++;
      } catch {
        // ingestArchive reports it.
      }
    }
    progress(chunk.length);
    // The workers' finished chunks are stored, and their next ones sent, between this process's chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const outcome of await finished) if (outcome.status === "rejected") throw outcome.reason;
  return { analyzedByWorkers: perWorker.reduce((a, b) => a + b, 0), perWorker, analyzedHere };
}

const startWorker = () => forkWorker(new URL("./analyze-worker.ts", import.meta.url));

/** A text decoded ahead, with its evidence facts (EvidenceFacts as JSON). */
interface DecodedAhead {
  decoded: DecodedArticle;
  facts: string;
}

/**
 * Decodes `fresh` (and reads each text's evidence facts) in this process and `workers`,
 * which take DECODE_CHUNK texts at a time from one queue. A text a worker could not decode,
 * or read with other bytes than this process's (saved meanwhile), is left out: the caller
 * decodes it itself, and reports it.
 */
async function decodeShared(fresh: readonly RawArticleInput[], workers: readonly ChildProcess[], articlesDir: string): Promise<{ decoded: Map<string, DecodedAhead>; byWorkers: number }> {
  const ahead = new Map<string, DecodedAhead>();
  let byWorkers = 0;
  const byFile = new Map(fresh.map((input) => [input.file, input]));
  let next = 0;
  const take = () => fresh.slice(next, (next = Math.min(fresh.length, next + DECODE_CHUNK)));
  const runs = workers.map((worker) =>
    feedWorker<RawArticleInput, { results: [string, string, DecodedArticle | null, string | null][] }>(
      worker,
      take,
      (chunk) => ({ type: "decode", articlesDir, inputs: chunk.map(({ file, defaults }) => ({ file, defaults })) }),
      ({ results }) => {
        for (const [file, hash, decoded, facts] of results) {
          if (decoded && facts !== null && hash === inputHash(byFile.get(file)!)) {
            ahead.set(file, { decoded, facts });
            byWorkers++;
          }
        }
      },
    ),
  );
  const finished = Promise.allSettled(runs);
  for (let chunk = take(); chunk.length; chunk = take()) {
    for (const input of chunk) {
      try {
        const decoded = decodeArticle(input);
        ahead.set(input.file, { decoded, facts: JSON.stringify(evidenceFactsOf(decoded.paragraphs, decoded.overrides.source)) });
      } catch {
        // Decoded again by the caller, which reports it.
      }
    }
    // The workers' finished pieces are taken, and their next ones sent, between this process's.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const outcome of await finished) if (outcome.status === "rejected") throw outcome.reason;
  return { decoded: ahead, byWorkers };
}

interface Pending {
  input: RawArticleInput;
  decoded: DecodedArticle;
}

/**
 * One worker process: sent pieces of work from the queue (`take`) until it is empty, each
 * analysis it sends back handed to `store` unless its file changed since this process read it.
 */
function runWorker(
  worker: ChildProcess,
  take: (n: number) => Pending[],
  evidence: FurnitureEvidence,
  options: { now: Date; articlesDir: string },
  store: (sent: Pending, analyzed: AnalyzedArticle, digest: string) => void,
  progress: (n: number) => void,
): Promise<void> {
  const sent = new Map<string, Pending>();
  worker.send({ type: "start", now: options.now.toISOString(), evidence, articlesDir: options.articlesDir });
  return feedWorker<Pending, { results: [string, string, AnalyzedArticle | null, string | null][] }>(
    worker,
    () => take(ANALYSIS_CHUNK),
    (chunk) => {
      for (const p of chunk) sent.set(p.input.file, p);
      return { type: "work", inputs: chunk.map(({ input }) => ({ file: input.file, defaults: input.defaults })) };
    },
    ({ results }) => {
      for (const [file, hash, analyzed, digest] of results) {
        const p = sent.get(file)!;
        sent.delete(file);
        // A file saved again since this process read it is left to ingestArchive.
        if (analyzed && digest !== null && hash === inputHash(p.input)) store(p, analyzed, digest);
      }
      progress(results.length);
    },
  ).then(() => void worker.send({ type: "end" }));
}

/**
 * Keeps `worker` fed from a queue shared with other processes: sends `message(piece)` for
 * each piece `take` gives, CHUNKS_AHEAD at a time, and hands each reply to `receive`.
 * Resolves once the queue is empty and every piece is answered, with its listeners
 * removed (they hold the queue, and through it every decoded text; the worker may then be
 * given other work); rejects if the worker fails or exits first.
 */
function feedWorker<P, R>(worker: ChildProcess, take: () => P[], message: (piece: P[]) => object, receive: (reply: R) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let outstanding = 0;
    const sendWork = () => {
      const piece = take();
      if (!piece.length) return false;
      outstanding++;
      worker.send(message(piece));
      return true;
    };
    const onExit = (code: number | null) => reject(new Error(`analysis process exited with code ${code} before finishing`));
    const onMessage = (reply: R | { type: "failed"; error: string }) => {
      if ((reply as { type?: string }).type === "failed") return reject(new Error(`analysis process failed: ${(reply as { error: string }).error}`));
      receive(reply as R);
      outstanding--;
      if (!sendWork() && outstanding === 0) done();
    };
    const done = () => {
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      resolve();
    };
    worker.on("message", onMessage);
    worker.once("exit", onExit);
    for (let i = 0; i < CHUNKS_AHEAD && sendWork(); i++);
    if (outstanding === 0) done();
  });
}
