import path from "node:path";
import { fileURLToPath } from "node:url";
import { EarlyWorker, INGEST_PROCESS, INGEST_WORKER } from "../src/publish/child-process.ts";
import { CONFIG_FLAGS } from "../src/publish/config.ts";
import { createReporter } from "../src/reporter.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm run build [-- --articles DIR --output DIR --path-prefix /sub/ --no-cache --keep-going ...]
// A sharded build (README, "Sharded builds"), in three steps (four with the analysis jobs):
//   npm run build -- --analyze I/N --output DIR                   (optional: for I = 1..N, on any machines)
//   npm run build -- --make-summary FILE [--for-shards N] [--analyses DIR1 DIR2 ...]
//   npm run build -- --shard I/N --summary FILE --output DIR     (for I = 1..N, on any machines)
//   npm run build -- --merge DIR1 DIR2 ... --output DIR [--move-shards]
const SHARD_FLAGS = { analyze: "string", analyses: "boolean", "make-summary": "string", "for-shards": "string", shard: "string", summary: "string", merge: "boolean", "merged-search": "string", "move-shards": "boolean", "render-processes": "string" } as const;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values, positional } = parseArgs(process.argv.slice(2), { ...CONFIG_FLAGS, ...SHARD_FLAGS });
const config = configFromCommandLine(root, values);
const reporter = createReporter();

/** A command line that asks for something impossible: say what to type instead. */
function usage(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A flag's value parsed; one the parser refuses (a ShardBuildError) is a usage error, printed without a stack trace. */
async function flagOrUsage<T>(parse: () => T): Promise<T> {
  const { ShardBuildError } = await import("../src/publish/shard-errors.ts");
  try {
    return parse();
  } catch (error) {
    if (error instanceof ShardBuildError) usage(error.message);
    throw error;
  }
}

const modes = [values.analyze !== undefined && "--analyze", values["make-summary"] !== undefined && "--make-summary", values.shard !== undefined && "--shard", values.merge && "--merge"].filter(Boolean);
if (modes.length > 1) usage(`${modes.join(" and ")} are steps of a sharded build: run them one at a time.`);
if (values.analyses && values["make-summary"] === undefined) usage("--analyses DIR... is for making the summary: npm run build -- --make-summary FILE --analyses DIR1 DIR2 ...");
if (positional.length && !values.merge && !values.analyses) usage(`Unexpected argument "${positional[0]}". Only --merge and --analyses take folders: npm run build -- --merge DIR1 DIR2 ... --output DIR`);
if (values["for-shards"] !== undefined && values["make-summary"] === undefined) usage("--for-shards N is for making the summary: npm run build -- --make-summary FILE --for-shards N");
if (values.summary !== undefined && values.shard === undefined) usage("--summary FILE is for building a shard: npm run build -- --shard I/N --summary FILE --output DIR");
if (values["merged-search"] !== undefined && !values.merge) usage("--merged-search is for --merge.");
if (values["move-shards"] && !values.merge) usage("--move-shards is for --merge: npm run build -- --merge DIR1 DIR2 ... --output DIR --move-shards");

try {
  if (values.analyze !== undefined) {
    const { analyzeShare, formatAnalysisResult, parseAnalyzeFlag } = await import("../src/publish/analysis-stage.ts");
    const share = await flagOrUsage(() => parseAnalyzeFlag(String(values.analyze)));
    if (values.output === undefined) usage(`--analyze needs --output DIR: the folder the share's analyses are written to (the summary reads it with --analyses).`);
    reporter.info(formatAnalysisResult(await analyzeShare(config, { share }, { reporter }), config.outputDir));
  } else if (values["make-summary"] !== undefined) {
    const { formatSummaryResult, makeArchiveSummary } = await import("../src/publish/summary-stage.ts");
    const file = path.resolve(String(values["make-summary"]));
    if (values.analyses && positional.length === 0) usage("--analyses needs the analysis jobs' folders: npm run build -- --make-summary FILE --analyses DIR1 DIR2 ...");
    const analyses = values.analyses ? positional : undefined;
    const forShards = values["for-shards"] === undefined ? undefined : Number(values["for-shards"]);
    if (forShards !== undefined && !(Number.isInteger(forShards) && forShards >= 1 && forShards <= 256)) usage(`--for-shards takes the number of shards the summary is for, a whole number from 1 to 256; got "${values["for-shards"]}".`);
    reporter.info(formatSummaryResult(await makeArchiveSummary(config, file, { reporter, ingestInChild: true, analyses, forShards })));
  } else if (values.shard !== undefined) {
    const { buildShard, formatShardResult, parseShardFlag } = await import("../src/publish/shard-stage.ts");
    const shard = await flagOrUsage(() => parseShardFlag(String(values.shard)));
    if (values.summary === undefined) usage(`--shard needs the archive summary: npm run build -- --shard ${values.shard} --summary FILE --output DIR (make FILE with npm run build -- --make-summary FILE).`);
    if (values.output === undefined) usage(`--shard needs --output DIR: the folder the shard is written to (the merge reads it).`);
    const processes = values["render-processes"] === undefined ? undefined : Number(values["render-processes"]);
    if (processes !== undefined && !(Number.isInteger(processes) && processes >= 1)) usage(`--render-processes takes a whole number of processes, 1 or more; got "${values["render-processes"]}".`);
    reporter.info(formatShardResult(await buildShard(config, { summaryFile: String(values.summary), shard }, { reporter, processes, contentInChild: true })));
  } else if (values.merge) {
    const { formatMergeResult, mergeShards } = await import("../src/publish/merge-stage.ts");
    const search = values["merged-search"] ?? "one-index";
    if (search !== "bundles" && search !== "one-index") usage(`--merged-search is "one-index" (the default) or "bundles", not "${search}".`);
    reporter.info(formatMergeResult(await mergeShards(config, positional, { reporter, search, move: Boolean(values["move-shards"]) })));
  } else {
    // The ingest process starts loading now, beside this one's loading of the build's
    // modules (about a second each at 10,000 articles: a warm build's start-up).
    const earlyIngest = new EarlyWorker(INGEST_WORKER, INGEST_PROCESS);
    try {
      const { formatSummary, runBuild } = await import("../src/publish/build.ts");
      const summary = await runBuild(config, { reporter, ingestInChild: true, earlyIngest });
      reporter.info(formatSummary(summary));
      // --keep-going built the good articles; the refused ones still make the build fail.
      if (summary.refused?.length) process.exitCode = 1;
    } finally {
      earlyIngest.dispose();
    }
  }
} catch (error) {
  const { BuildFailedError } = await import("../src/publish/build.ts");
  reporter.error(error instanceof BuildFailedError ? error.message : (error as Error).stack ?? String(error));
  process.exit(1);
}
