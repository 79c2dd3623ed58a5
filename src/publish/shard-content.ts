import type { ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../errors.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import { articleFile, bodyToMarkdown } from "../ingest/markdown.ts";
import { articleInputHash, decodeArticle, readArticleFacts, type RawArticleInput } from "../ingest/pipeline.ts";
import { summarizeLead } from "../ingest/summary.ts";
import { recordOfEntry, type IndexedArticle } from "../site/article-index.ts";
import { forkWorker } from "./child-process.ts";
import { ShardBuildError } from "./shard-errors.ts";

/**
 * A shard's article files, made from its own raw files and the archive summary: the
 * summary holds each article's record but its body (the light index), so a shard reads
 * the body again from the raw file, with the archive-wide furniture evidence the summary
 * carries, exactly as ingest did. Only the per-article steps run (decode, furniture,
 * structure, credits); entities, tags, slugs and links come from the summary.
 *
 * The body must hash to the summary's content_hash: if it does not, the raw file or the
 * ingest code is not what the summary was made from, and the shard says so rather than
 * publish a page that differs from a single build.
 */
export function shardArticleMarkdown(input: RawArticleInput, entry: IndexedArticle, evidence: FurnitureEvidence, now: Date): string {
  const facts = readArticleFacts(decodeArticle(input), evidence, now);
  const body = bodyToMarkdown(facts.body);
  const record = recordOfEntry(entry, { removed: facts.removed, summary: summarizeLead(facts.body) }, body);
  if (!record) {
    throw new ArticleError(
      input.file,
      "reads differently from what the archive summary says of it (its body, removed furniture or summary differ).",
      { hint: "The summary was made from another version of this file or of the ingest code: make the summary again, then build every shard with it." },
    );
  }
  return articleFile(record, body);
}

/** What a worker process says of a raw file that changed after the shard checked it against the summary. */
export const changedSinceCheckedMessage = "changed while the shard was being built (after it was checked against the archive summary).";

/** Below this many articles, a worker process costs more (its start-up) than it saves. */
const MIN_ARTICLES_FOR_WORKERS = 2_000;
/** At most this many worker processes (each holds the ingest code and the archive's evidence). */
const MAX_WORKERS = 3;
/** Articles per piece of work a worker is sent, and this process takes, from the shared queue. */
const CHUNK = 64;

/**
 * Writes a shard's article files (shardArticleMarkdown of each of `items`, already read
 * and checked against the summary) into `contentDir`, sharing them between this process
 * and worker processes on a machine with more than one core (`workers`: how many at most).
 * At 100,000 articles a shard of 4 spent 20 to 26 s on this alone, on one core. A refused
 * article stops the step with a ShardBuildError naming it.
 */
export async function writeShardArticles(
  items: readonly { input: RawArticleInput; entry: IndexedArticle }[],
  options: { evidence: FurnitureEvidence; now: Date; articlesDir: string; contentDir: string; workers: number; minArticlesForWorkers?: number },
): Promise<{ byWorkers: number; here: number }> {
  const count = items.length < (options.minArticlesForWorkers ?? MIN_ARTICLES_FOR_WORKERS) ? 0 : Math.max(0, Math.min(Math.floor(options.workers), MAX_WORKERS));
  const workers: ChildProcess[] = Array.from({ length: count }, () => forkWorker(new URL("./shard-content-worker.ts", import.meta.url)));
  let next = 0;
  const take = () => items.slice(next, (next = Math.min(items.length, next + CHUNK)));
  let failed: Error | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    next = items.length;
  };
  let byWorkers = 0;
  try {
    const runs = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let outstanding = 0;
          const send = () => {
            const chunk = take();
            if (!chunk.length) return false;
            outstanding++;
            worker.send({ type: "work", items: chunk.map(({ input, entry }) => ({ file: input.file, defaults: input.defaults, hash: articleInputHash(input), entry })) });
            return true;
          };
          worker.on("message", (message: { type: "batch"; count: number; refused?: { file: string; message: string } } | { type: "failed"; error: string }) => {
            if (message.type === "failed") return reject(new Error(`a shard's article process failed: ${message.error}`));
            outstanding--;
            byWorkers += message.count;
            if (message.refused) fail(new ShardBuildError(message.refused.message));
            if (!send() && outstanding === 0) {
              worker.removeAllListeners("exit");
              worker.send({ type: "end" });
              resolve();
            }
          });
          worker.once("exit", (code) => reject(new Error(`a shard's article process exited with code ${code} before finishing`)));
          worker.send({ type: "start", now: options.now.toISOString(), evidence: options.evidence, articlesDir: options.articlesDir, contentDir: options.contentDir });
          // Two pieces ahead: the next is there as it finishes one.
          send();
          send();
          if (outstanding === 0) {
            worker.removeAllListeners("exit");
            worker.send({ type: "end" });
            resolve();
          }
        }),
    );
    const finished = Promise.allSettled(runs);
    let here = 0;
    for (let chunk = take(); chunk.length; chunk = take()) {
      for (const { input, entry } of chunk) {
        try {
          await writeFile(path.join(options.contentDir, `${entry.slug}.md`), shardArticleMarkdown(input, entry, options.evidence, options.now));
          here++;
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          fail(new ShardBuildError(error.message));
          break;
        }
      }
    }
    for (const outcome of await finished) if (outcome.status === "rejected") throw outcome.reason;
    if (failed) throw failed;
    return { byWorkers, here };
  } finally {
    for (const worker of workers) if (worker.exitCode === null) worker.kill();
  }
}
