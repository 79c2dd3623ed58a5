
import path from "node:path";
import { analyzeShare } from "../../src/publish/analysis-stage.ts";
import { makeArchiveSummary, type SummaryStageResult } from "../../src/publish/summary-stage.ts";
import { buildShard, readShardManifest, type ShardManifest } from "../../src/publish/shard-stage.ts";
import { mergeShards, type MergedSearch } from "../../src/publish/merge-stage.ts";
import { recordingReporter } from "./builds.ts";
import { testConfig } from "./site-build.ts";
import { tempDir } from "./temp-dir.ts";

export interface ShardedBuild {
  work: string;
  summaryFile: string;
  shardDirs: string[];
  /** The shards' manifests, read before the merge (which may move the shards away). */
  manifests: ShardManifest[];
  /** The merged site. */
  dir: string;
  log: string[];
  summary: SummaryStageResult;
}

/**
 * The three steps of a sharded build, in this process, into a temporary folder: the
 * summary, every shard of `count` (one after another), the merge. With `analyses`, the
 * summary is made from that many analysis jobs' folders (`--analyze I/N`), run first.
 */
export async function buildSharded(
  articlesDir: string,
  count: number,
  options: {
    search?: MergedSearch;
    pathPrefix?: string;
    /** The day (YYYY-MM-DD) the shard and merge jobs run, when not the summary's. */
    laterDay?: string;
    analyses?: number;
    /** The summary job also writes each shard's articles (--for-shards count), which the shards then take instead of their raw files. */
    shardArticles?: boolean;
    /** The merge moves the shards' pages (--move-shards): the shards' folders are used up. */
    move?: boolean;
  } = {},
): Promise<ShardedBuild> {
  const work = await tempDir("archive-sharded-");
  const { reporter, log } = recordingReporter();
  const summaryConfig = (outputDir: string) => testConfig({ articlesDir, outputDir, contentDir: path.join(work, "content"), pathPrefix: options.pathPrefix });
  const config = (outputDir: string) => {
    const c = summaryConfig(outputDir);
    return options.laterDay ? { ...c, now: new Date(`${options.laterDay}T00:00:00Z`), site: { ...c.site, today: options.laterDay } } : c;
  };
  const summaryFile = path.join(work, "archive-summary.jsonl");
  const analysisDirs: string[] = [];
  for (let index = 0; index < (options.analyses ?? 0); index++) {
    const dir = path.join(work, `analysis-${index + 1}`);
    await analyzeShare(summaryConfig(dir), { share: { index, count: options.analyses! } }, { reporter });
    analysisDirs.push(dir);
  }
  const summary = await makeArchiveSummary(summaryConfig(path.join(work, "unused")), summaryFile, {
    reporter,
    analyses: options.analyses ? analysisDirs : undefined,
    forShards: options.shardArticles ? count : undefined,
  });
  const shardDirs: string[] = [];
  for (let index = 0; index < count; index++) {
    const dir = path.join(work, `shard-${index + 1}`);
    await buildShard(config(dir), { summaryFile, shard: { index, count } }, { reporter });
    shardDirs.push(dir);
  }
  const manifests = await Promise.all(shardDirs.map(readShardManifest));
  const dir = path.join(work, "site");
  await mergeShards(config(dir), shardDirs, { reporter, search: options.search, move: options.move });
  return { work, summaryFile, shardDirs, manifests, dir, log, summary };
}
