import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Reporter } from "../reporter.ts";
import { readArticleIndexLines } from "../site/article-index.ts";
import { openArticleMemo } from "./article-memo.ts";
import { aliasesHash, SUMMARY_FORMAT, writeArchiveSummary, type SummaryHeader } from "./archive-summary.ts";
import { refuseUnlessKeepingGoing, reportIngestWarnings, warningCount } from "./build.ts";
import { INGEST_WORKER, runInChild, SUMMARY_INGEST_PROCESS } from "./child-process.ts";
import type { ArchiveConfig } from "./config.ts";
import { checkAnalyses } from "./analysis-stage.ts";
import { shardArticlesFile } from "./shard-articles.ts";
import { ArticleIngest, type IngestStageResult } from "./ingest-stage.ts";
import { buildVersions, type BuildVersions } from "./versions.ts";

/**
 * The first job of a sharded build: `npm run build -- --make-summary FILE` reads and
 * ingests the whole archive (the archive-wide passes, entity merging, tags, slugs,
 * related articles, need every article at once) and writes the archive summary every
 * shard builds from (src/publish/archive-summary.ts). It renders nothing.
 */

export interface SummaryStageResult {
  file: string;
  hash: string;
  articles: number;
  /** The shard count it wrote each shard's articles for (--for-shards), if any. */
  forShards?: number;
  /** Analyses made by this job, and taken from the cache or the analysis jobs' folders. */
  analyzed: number;
  reused: number;
  undated: number;
  warnings: number;
  refused: number;
  bytes: number;
  seconds: { read: number; ingest: number; write: number; total: number };
}

export async function makeArchiveSummary(
  config: ArchiveConfig,
  file: string,
  hooks: {
    reporter: Reporter;
    ingestInChild?: boolean;
    versions?: BuildVersions;
    analyses?: readonly string[];
    /** Also write the articles of each of this many shards beside the summary (src/publish/shard-articles.ts). */
    forShards?: number;
  },
): Promise<SummaryStageResult> {
  // The light index is written into a folder of its own, not beside the build's Markdown.
  const work = await mkdtemp(path.join(os.tmpdir(), "archive-summary-"));
  try {
    return await summarize(config, file, hooks, work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function summarize(config: ArchiveConfig, file: string, hooks: Parameters<typeof makeArchiveSummary>[2], work: string): Promise<SummaryStageResult> {
  const { reporter } = hooks;
  const started = performance.now();
  const elapsed = (since: number) => (performance.now() - since) / 1000;
  const versions = hooks.versions ?? (await buildVersions(config));

  // Analyses the analysis jobs made (--analyses, src/publish/analysis-stage.ts): read
  // beside the cache, and saved into it (the next summary finds them there).
  const alsoRead = hooks.analyses && (await checkAnalyses(hooks.analyses, { ingestVersion: versions.ingest, now: config.now.toISOString().slice(0, 10) }));

  // read → ingest, as a build runs it (in a child process, whose memory is given back
  // before the summary is written), into the light index alone: no Markdown is written.
  const ingestStarted = performance.now();
  const ingestConfig = { ...config, contentDir: work };
  const shardArticles = hooks.forShards ? { summaryFile: path.resolve(file), count: hooks.forShards } : undefined;
  const ingested = hooks.ingestInChild
    ? (await runInChild<{ result: IngestStageResult }>(INGEST_WORKER, { config: { ...ingestConfig, now: config.now.toISOString() }, ingestVersion: versions.ingest, indexOnly: true, shardArticles, alsoRead, reportWarnings: true }, "ingest process", SUMMARY_INGEST_PROCESS)).result
    : await ingestInProcess(ingestConfig, versions, reporter, alsoRead, shardArticles);
  // Articles the analysis jobs did not analyse as they now read: made here, and said (the jobs ran on other files).
  // (A file that cannot be analysed is analysed again, and refused: not counted.)
  const analysedHere = Math.max(0, ingested.analyzed - ingested.refused.length);
  if (alsoRead && analysedHere > 0) {
    reporter.warn(`${analysedHere} article${analysedHere === 1 ? " was" : "s were"} analysed by this summary job, not taken from --analyses: ${analysedHere === 1 ? "it" : "they"} changed after the analysis jobs read the articles. The summary is right, but to share that work, run the analysis jobs on the same articles as the summary.`);
  }
  await reportIngestWarnings(ingested, reporter, config);
  refuseUnlessKeepingGoing(ingested, reporter, config, "no summary was written. Fix them, or leave them out with --keep-going.");
  if (!ingested.evidence || !ingested.inputHashes) throw new Error("ingest returned no furniture evidence or input hashes");
  // What the summary is made from: every raw input's hash as ingest read it, which each
  // shard checks against what it sees (the files are read once, by ingest).
  const inputs = { files: ingested.inputHashes, aliases: await aliasesHash(config.aliasesFile) };
  const readSeconds = ingested.seconds.read;
  const ingestSeconds = elapsed(ingestStarted) - readSeconds;

  const writeStage = reporter.stage("summary");
  const header: SummaryHeader = {
    format: SUMMARY_FORMAT,
    kind: "news-archive summary",
    ingestVersion: versions.ingest,
    now: config.now.toISOString().slice(0, 10),
    articles: ingested.articles.length,
    inputs,
    evidence: ingested.evidence,
  };
  const hash = await writeArchiveSummary(file, header, readArticleIndexLines(work));
  const writeSeconds = writeStage.end(`${header.articles} articles`);
  const { size } = await stat(file);
  return {
    file,
    hash,
    articles: header.articles,
    forShards: hooks.forShards,
    analyzed: ingested.analyzed,
    reused: ingested.reused,
    undated: ingested.articles.filter((a) => !a.dated).length,
    warnings: warningCount(ingested),
    refused: ingested.refused.length,
    bytes: size,
    seconds: { read: readSeconds, ingest: ingestSeconds, write: writeSeconds, total: elapsed(started) },
  };
}

async function ingestInProcess(
  config: ArchiveConfig,
  versions: BuildVersions,
  reporter: Reporter,
  alsoRead?: string[],
  shardArticles?: { summaryFile: string; count: number },
): Promise<IngestStageResult> {
  const memo = await openArticleMemo({ dir: config.cacheDir && path.join(config.cacheDir, "ingest"), version: versions.ingest, now: config.now, oneRun: true, alsoRead });
  // The summary is written from the index file: the ingest need not hold the index too.
  const ingest = new ArticleIngest(config, memo, versions.ingest, { keepIndex: false });
  const result = await ingest.run(reporter, { indexOnly: true, shardArticles });
  await ingest.saveMemo();
  return result;
}

export function formatSummaryResult(r: SummaryStageResult): string {
  const t = r.seconds;
  return [
    `Summarised ${r.articles} articles into ${r.file} (${(r.bytes / 2 ** 20).toFixed(1)} MiB); ${r.undated} undated; ${r.warnings} warnings${r.refused ? `; ${r.refused} files refused` : ""}; ${r.analyzed} analysed here${r.reused ? `, ${r.reused} analyses reused` : ""}.`,
    `Time: read ${t.read.toFixed(2)} s, ingest ${t.ingest.toFixed(2)} s, summary ${t.write.toFixed(2)} s, total ${t.total.toFixed(2)} s.`,
    ...(r.forShards ? [`Beside it, each shard's articles: ${path.basename(shardArticlesFile(r.file, { index: 0, count: r.forShards })).replace("-1-of-", "-I-of-")} for I = 1..${r.forShards}.`] : []),
    `Build each shard with: npm run build -- --shard I/${r.forShards ?? "N"} --summary ${r.file} --output DIR`,
  ].join("\n");
}
