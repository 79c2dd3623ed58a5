import type { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { bodyToMarkdown } from "../ingest/markdown.ts";
import type { ArticleRecord } from "../schema.ts";
import { indexArticle, joinIndexLines } from "../site/article-index.ts";
import { startTypeScriptWorker } from "../util/ts-worker.ts";
import { shardArticleLine, shardsHolding } from "./shard-articles.ts";

/**
 * The bytes a sharded build's summary job writes for its articles: each one's line of the
 * archive's index (src/site/article-index.ts) and, with `--for-shards`, its line of its
 * shard's articles file (src/publish/shard-articles.ts). Made in the summary's ingest
 * process, they took 8 s at 100,000 articles at the end of the job, a third of it that
 * process's garbage collection (it holds the whole archive's analyses), while the machine's
 * other core sat idle. Helper threads make them instead, a batch of articles at a time, and
 * hand back the bytes (moved, not copied), which this thread writes in the articles' order:
 * this thread only sends each batch.
 *
 * The bytes are the same whichever thread makes them (one function of the batch alone).
 */

/** An article as ingest leaves it: its record and its body's paragraphs. */
export interface ArticleForLines {
  record: ArticleRecord;
  body: readonly string[];
}

/** Where shard lines go: `count` shards, and shard 1's file also has the newest articles of every shard (its feeds'). */
export interface ShardLinesPlan {
  count: number;
  newest: ReadonlySet<string>;
}

/** A batch's lines, encoded: the index lines joined (joinIndexLines), and per shard its lines and how many. */
export interface LinesBatch {
  index: Uint8Array;
  shards?: { bytes: Uint8Array; lines: number }[];
}

/** The lines of a batch of articles (in their order). */
export function linesBatch(articles: readonly ArticleForLines[], plan?: ShardLinesPlan): LinesBatch {
  const index: string[] = [];
  const shards = plan && Array.from({ length: plan.count }, () => ({ lines: [] as string[] }));
  for (const { record, body } of articles) {
    const markdown = bodyToMarkdown(body);
    index.push(JSON.stringify(indexArticle(record, markdown)));
    if (!plan || !shards) continue;
    const line = shardArticleLine({ slug: record.slug, removed: record.removed, summary: record.summary, body: markdown });
    for (const shard of shardsHolding(record.slug, plan.count, plan.newest)) shards[shard].lines.push(line);
  }
  return {
    index: joinIndexLines(index),
    ...(shards && { shards: shards.map(({ lines }) => ({ bytes: Buffer.from(lines.join("")), lines: lines.length })) }),
  };
}

/** What a helper thread is sent: once the plan, then batches; it answers each batch. */
export type LinesMessage = { plan?: ShardLinesPlan } | { batch: number; articles: readonly ArticleForLines[] };
export interface LinesAnswer {
  batch: number;
  lines?: LinesBatch;
  error?: string;
}

/** Articles per batch (a few milliseconds' work). */
export const LINES_BATCH = 250;
/** Batches a helper holds at once: the next is there as it finishes one. */
const HELPER_AHEAD = 2;
/** Batches made ahead of the one being written (their bytes held until then). */
const MAX_AHEAD = 16;
/** Below this many articles the helpers' start costs more than they save. */
export const MIN_ARTICLES_FOR_HELPERS = 2000;
/** At most this many helpers (this thread sends the batches, and has little else to do). */
const MAX_HELPERS = 2;

/**
 * The lines of `articles`, a batch at a time, in their order: made by helper threads from
 * MIN_ARTICLES_FOR_HELPERS articles on a machine of more than one core (`helpers` says how
 * many, 0 for none), else here. A helper that fails to start or to answer costs time,
 * never a line: this thread makes the batches it did not answer.
 */
export async function* linesOfArticles(
  articles: readonly ArticleForLines[],
  plan: ShardLinesPlan | undefined,
  options: {
    helpers?: number;
    /** Counted as they are handed on: batches the helpers made, and this thread. */
    made?: { byHelpers: number; here: number };
    /** The helpers' module (tests give one that fails). */
    helperEntry?: URL;
  } = {},
): AsyncGenerator<LinesBatch> {
  const count = options.helpers ?? (articles.length >= MIN_ARTICLES_FOR_HELPERS ? Math.min(MAX_HELPERS, availableParallelism()) : 0);
  const batches = Math.ceil(articles.length / LINES_BATCH);
  const batchOf = (b: number) => articles.slice(b * LINES_BATCH, Math.min(articles.length, (b + 1) * LINES_BATCH));
  const entry = options.helperEntry ?? new URL("./index-lines-worker.ts", import.meta.url);
  const helpers = Array.from({ length: count }, () => startHelper(entry, plan)).filter((h): h is Helper => h !== undefined);
  // Each batch's answer, asked for in order (a batch no helper could take is made here when its turn comes).
  const asked: (Promise<LinesBatch> | undefined)[] = new Array(batches);
  let next = 0;
  let writing = 0;
  const feed = () => {
    for (;;) {
      const helper = helpers.filter((h) => h.alive && h.holding < HELPER_AHEAD).sort((a, b) => a.holding - b.holding)[0];
      if (!helper || next >= batches || next >= writing + MAX_AHEAD) return;
      const b = next++;
      const answer = helper.ask(b, batchOf(b));
      asked[b] = answer;
      // The next batch is sent as soon as a helper is free.
      answer.then(feed, feed);
    }
  };
  try {
    for (let b = 0; b < batches; b++) {
      writing = b;
      feed();
      const answer = asked[b];
      asked[b] = undefined;
      const helpersMade = await answer?.catch(() => undefined);
      if (options.made) options.made[helpersMade ? "byHelpers" : "here"]++;
      yield helpersMade ?? linesBatch(batchOf(b), plan);
    }
  } finally {
    for (const helper of helpers) helper.stop();
  }
}

interface Helper {
  readonly alive: boolean;
  /** Batches sent and not yet answered. */
  readonly holding: number;
  ask(batch: number, articles: readonly ArticleForLines[]): Promise<LinesBatch>;
  stop(): void;
}

function startHelper(entry: URL, plan: ShardLinesPlan | undefined): Helper | undefined {
  let worker: Worker;
  try {
    worker = startTypeScriptWorker(entry);
    worker.postMessage({ plan } satisfies LinesMessage);
  } catch {
    return undefined;
  }
  const waiting = new Map<number, { resolve: (lines: LinesBatch) => void; reject: (error: Error) => void }>();
  let alive = true;
  const fail = (error: Error) => {
    alive = false;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on("message", (answer: LinesAnswer) => {
    const w = waiting.get(answer.batch);
    if (!w) return;
    waiting.delete(answer.batch);
    if (answer.lines) w.resolve(answer.lines);
    else w.reject(new Error(answer.error ?? "no lines"));
  });
  worker.on("error", fail);
  worker.on("exit", () => fail(new Error("the helper thread stopped")));
  return {
    get alive() {
      return alive;
    },
    get holding() {
      return waiting.size;
    },
    ask(batch, articles) {
      if (!alive) return Promise.reject(new Error("the helper thread stopped"));
      return new Promise((resolve, reject) => {
        waiting.set(batch, { resolve, reject });
        try {
          worker.postMessage({ batch, articles } satisfies LinesMessage);
        } catch (error) {
          waiting.delete(batch);
          reject(error as Error);
        }
      });
    },
    stop() {
      alive = false;
      void worker.terminate();
    },
  };
}
