import { createReporter } from "../reporter.ts";
import { openArticleMemo } from "./article-memo.ts";
import { collectGarbageNow, replyAndExit } from "./child-process.ts";
import type { ArchiveConfig } from "./config.ts";
import { readArticlesAhead } from "./articles-read-ahead.ts";
import { ArticleIngest, type IngestStageResult } from "./ingest-stage.ts";
import path from "node:path";
import { buildWarningOptions, writeWarningReport } from "../warning-digest.ts";

/**
 * Read, ingest and Markdown in a process of their own (src/publish/build.ts forks it for
 * `npm run build`): every article's text and analysis lives here and is gone when it
 * exits, so the render processes that follow do not run beside it. Progress goes to the
 * shared terminal; the stage's result goes back to the parent, the index of the archive
 * through the file it writes beside the Markdown.
 */
type IngestMessage = {
  config: Omit<ArchiveConfig, "now"> & { now: string };
  ingestVersion: string;
  indexOnly?: boolean;
  /** With indexOnly: write each shard's articles beside the summary (src/publish/shard-articles.ts). */
  shardArticles?: { summaryFile: string; count: number };
  alsoRead?: string[];
  /** Digest the warnings and write their list here, sending the digest (IngestStageResult.warningReport), not every warning. */
  reportWarnings?: boolean;
  /**
   * Send `{ passesBegin: true }` as the archive-wide passes begin and `{ relatedScoring: true }`
   * as their related-articles pass starts scoring on every core (the build reads the last
   * search index's batches between the two, on the core the passes leave idle),
   * `{ passesDone: true }` once the passes are done (the build reads the rest then) and
   * `{ indexWritten: true }` once the index of the archive is written (the build reads it
   * meanwhile), all before the reply.
   */
  announce?: boolean;
};

process.once("message", async (message: IngestMessage) => {
  try {
    const result = await ingest(message);
    // What the ingest held is garbage now: collected before a result with every warning
    // (at 100,000 articles 69 MB of JSON) is serialized, not beside it. A digest of them is
    // small, and the collection then only kept the build waiting (0.2 s at 100,000).
    if (!result.warningReport) collectGarbageNow();
    replyAndExit({ ok: true, result });
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});

async function ingest(message: IngestMessage): Promise<IngestStageResult> {
  const config: ArchiveConfig = { ...message.config, now: new Date(message.config.now) };
  // The folder is listed and its files read in a thread while this one reads the cache of
  // analyses (at 100,000 articles about 10 s, after which listing and reading took 4 s).
  let readAhead: ReturnType<typeof readArticlesAhead> | undefined = readArticlesAhead(config.articlesDir);
  const memo = await openArticleMemo({ dir: config.cacheDir && path.join(config.cacheDir, "ingest"), version: message.ingestVersion, now: config.now, oneRun: true, alsoRead: message.alsoRead });
  // Nothing reads the ingest's index after this process: the parent reads the index file.
  const ingest = new ArticleIngest(config, memo, message.ingestVersion, { keepIndex: false });
  ingest.takeReadAhead(readAhead);
  // Held here, it would hold every file's bytes to the end.
  readAhead = undefined;
  const say = (news: object) => (message.announce ? () => void process.send!(news) : undefined);
  const result = await ingest.run(createReporter(), {
    indexOnly: message.indexOnly,
    shardArticles: message.shardArticles,
    onPassesBegin: say({ passesBegin: true }),
    onRelatedScoring: say({ relatedScoring: true }),
    onPassesDone: say({ passesDone: true }),
    onIndexWritten: say({ indexWritten: true }),
  });
  await ingest.saveMemo();
  // The furniture evidence is for a sharded build's summary (indexOnly) alone: a build's own
  // process never reads it.
  if (!message.indexOnly) delete result.evidence;
  if (!message.reportWarnings) return result;
  const warningReport = await writeWarningReport(
    result.warnings,
    result.articles.map((a) => a.source_file),
    buildWarningOptions(config),
  );
  return { ...result, warnings: [], warningReport };
}
