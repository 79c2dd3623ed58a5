import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copyCorpusArticles, corpusExists, listCorpusArticles } from "../src/bench/corpus-archive.ts";
import { sampleTreeRss } from "../src/bench/rss-sampler.ts";
import { formatMiB, formatSeconds, markdownTable } from "../src/bench/table.ts";
import { linkOrCopyInto, listSiteFiles } from "../src/publish/site-folder.ts";
import { FILE_CONCURRENCY, mapLimited } from "../src/util/map-limited.ts";
import { parseArgs } from "./cli-args.ts";

/**
 * Times a sharded build against a single one (README, "Sharded builds"), each job as a
 * child process run one after another, with the whole process tree's peak memory
 * (Pagefind's binary and render processes included) and the machine's load beside it:
 *
 *   npm run bench:shards -- --n 100000 [--shards 1,2,4] [--analysis-jobs A] [--jobs single,summary,analyses,shards,search]
 *                           [--search bundles,one-index] [--link-shards] [--work DIR] [--json FILE]
 *
 * - single: a cold `npm run build` (the one machine's build the shards are measured against);
 * - summary: `--make-summary`, cold;
 * - analyses: for each N above 1 (and 1 with --analysis-jobs), analysis jobs 1..A
 *   (`--analyze I/A`; A is N unless --analysis-jobs says; run once for every N they serve),
 *   then the summary made from them (`--make-summary --for-shards N --analyses`), which
 *   must be the summary's bytes;
 * - shards: for each N, shards 1..N (`--shard I/N`), then each merge (`--merge`), one
 *   per way of making search cover every shard (--search), moving the pages out of
 *   hard-linked copies of the shards as the deploy workflow does (`--move-shards`), or
 *   linking them (--link-shards);
 * - search: the bytes a first search transfers on each merged site (and the single
 *   build's), compressed as a static host serves them (scripts/measure-site.ts).
 *
 * Articles come from ../shared/corpus (the corpus repeated under new names above its
 * size, as `npm run bench` does) into --work (default: a folder in the system's temporary
 * folder, kept, so a second run reuses the articles and the built shards).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = path.resolve(root, "../shared/corpus");
const NOW = process.env.ARCHIVE_NOW ?? "2026-01-01";
const { values } = parseArgs(process.argv.slice(2), { n: "string", shards: "string", jobs: "string", search: "string", work: "string", json: "string", query: "string", "render-processes": "string", "analysis-jobs": "string", "link-shards": "boolean" });
/** The merge links the shards' pages (no --move-shards) rather than moving them as the deploy workflow does. */
const linkShards = Boolean(values["link-shards"]);
/** Analysis jobs per sharded build: --analysis-jobs, else as many as its shards (the deploy workflow's ARCHIVE_ANALYSES). */
const analysisJobs = (shards: number) => (values["analysis-jobs"] === undefined ? shards : Number(values["analysis-jobs"]));
const renderProcesses = values["render-processes"] === undefined ? [] : ["--render-processes", String(values["render-processes"])];
const n = Number(String(values.n ?? "10000").replace(/[_,\s]/g, ""));
const shardCounts = String(values.shards ?? "1,2,4").split(",").map(Number);
const jobs = new Set(String(values.jobs ?? "single,summary,analyses,shards,search").split(","));
const searchModes = String(values.search ?? "bundles,one-index").split(",");
const queries = String(values.query ?? "oil,minister").split(",");
const work = path.resolve(String(values.work ?? path.join(os.tmpdir(), `news-archive-shards-${n}`)));
if (!Number.isInteger(n) || n < 1 || shardCounts.some((c) => !Number.isInteger(c) || c < 1)) {
  console.error("--n takes an article count and --shards counts separated by commas, e.g. --n 100000 --shards 1,2,4.");
  process.exit(2);
}
if (!(await corpusExists(corpusDir))) {
  console.log(`Benchmark skipped: the article corpus is not at ${corpusDir} (it is not part of the repository). Nothing was measured.`);
  process.exit(0);
}

const log = (line: string) => process.stderr.write(`[bench:shards] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
const articlesDir = path.join(work, "articles");
const summaryFile = path.join(work, "archive-summary.jsonl");
const shardDir = (count: number, i: number) => path.join(work, `shards-${count}`, `shard-${i}`);
const analysisDir = (count: number, i: number) => path.join(work, `analyses-${count}`, `analysis-${i}`);
/** The summary for `count` shards made from analysis jobs' folders. */
const analysedSummaryFile = (count: number) => path.join(work, `archive-summary-from-${analysisJobs(count)}-analyses-for-${count}.jsonl`);
const mergedDir = (count: number, mode: string) => path.join(work, `merged-${count}-${mode}`);

interface JobRun {
  job: string;
  shards?: number;
  exitCode: number;
  wallSeconds: number;
  peakRssBytes: number;
  /** 1-minute load average when the job started and ended (`uptime`). */
  load: [number, number];
  /** MiB of memory available when it started. */
  availableMiB: number;
  /** The build's own closing lines. */
  summary: string;
}

interface SearchBytes {
  site: string;
  query: string;
  /** The line measure-site prints for the first search (the page load and the search). */
  total: string;
  gzipKiB?: number;
}

const runs: JobRun[] = [];
const searches: SearchBytes[] = [];
const sizes: Record<string, number> = {};

async function availableMiB(): Promise<number> {
  const text = await readFile("/proc/meminfo", "utf8").catch(() => "");
  const kb = Number(/^MemAvailable:\s+(\d+)/m.exec(text)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * Reads every file under `dir` once, before a job that reads the articles starts its clock:
 * a runner starts its job just after its checkout wrote them, so they are in its page
 * cache. Run one after another here, a job found them wherever the jobs before it had left
 * the cache: the first analysis job after the single build (which writes 147,000 pages)
 * read them in 4.6 s, the seven after it in 1.7-2.0 s (2026-12-06).
 */
async function readIntoPageCache(dir: string): Promise<void> {
  await mapLimited((await listSiteFiles(dir)) ?? [], FILE_CONCURRENCY, (file) => readFile(path.join(dir, file)).then(() => undefined));
}

/**
 * Runs `node scripts/launch.mjs scripts/build.ts ...args` (what `npm run build` runs), sampling its process tree's memory. Each job's
 * output folder is removed before it starts: a job that replaces a folder left by an
 * earlier run deletes the old one inside its timed run (a 100,000-article merge took
 * 116.8 s instead of 42.0 to 59.9 s that way).
 */
async function runJob(job: string, args: string[], shards?: number): Promise<JobRun> {
  const articles = args.indexOf("--articles");
  if (articles >= 0) await readIntoPageCache(args[articles + 1]);
  const available = await availableMiB();
  const load0 = os.loadavg()[0];
  log(`${job}: starting (load ${load0.toFixed(2)}, ${available} MiB available)`);
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/launch.mjs", "scripts/build.ts", ...args], {
    cwd: root,
    env: { ...process.env, CI: "1", ARCHIVE_NOW: NOW },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sampler = sampleTreeRss(child.pid!, 100);
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => {
    output += c.toString();
    output = output.slice(-20_000);
  });
  const exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const wallSeconds = (performance.now() - started) / 1000;
  const { peakBytes } = await sampler.stop();
  const lines = output.trim().split("\n");
  const closing = lines.filter((l) => /^(Built|Summarised|Merged|Analysed|Time:)/.test(l)).join(" ");
  const run: JobRun = { job, shards, exitCode, wallSeconds, peakRssBytes: peakBytes, load: [load0, os.loadavg()[0]], availableMiB: available, summary: closing };
  log(`${job}: exit ${exitCode}, ${wallSeconds.toFixed(1)} s, peak ${formatMiB(peakBytes)} MiB; ${closing || lines.slice(-8).join("\n")}`);
  runs.push(run);
  return run;
}

/** Bytes of the files in `dir` (not below it) whose names match `name`. */
async function filesBytes(dir: string, name: RegExp): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) if (e.isFile() && name.test(e.name)) total += (await stat(path.join(dir, e.name))).size;
  return total;
}

async function duBytes(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const e of await readdir(target, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

/** The gzip-compressed bytes a first search for `query` transfers on `site` (scripts/measure-site.ts). */
async function measureSearch(site: string, label: string, query: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/measure-site.ts", "--dir", site, "--query", query], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  await new Promise((resolve) => child.on("close", resolve));
  const first = out.split("\n").find((l) => l.startsWith("first search for")) ?? "";
  const total = out.split("\n").find((l) => l.startsWith("total for a first search")) ?? out.trim().split("\n").slice(-3).join(" ");
  const gzip = /: ([\d.]+) KB gzip/.exec(total)?.[1];
  searches.push({ site: label, query, total: `${first} | ${total}`, gzipKiB: gzip === undefined ? undefined : Number(gzip) });
  log(`search bytes, ${label}, "${query}": ${first} | ${total}`);
}

// ---- articles ----
const marker = path.join(articlesDir, ".bench-articles.json");
const prepared = JSON.parse(await readFile(marker, "utf8").catch(() => "{}")) as { n?: number; note?: string };
let note = prepared.note ?? "";
if (prepared.n !== n) {
  log(`copying ${n} corpus articles into ${articlesDir} (listing the corpus takes a few minutes)`);
  await rm(articlesDir, { recursive: true, force: true });
  const { accepted, refused } = await listCorpusArticles(corpusDir, new Date(`${NOW}T00:00:00Z`));
  note = (await copyCorpusArticles(corpusDir, accepted, n, articlesDir)).note + (refused.length ? `; ${refused.length} corpus files the build refuses left out` : "");
  // The marker is a dot file: the build ignores it.
  await writeFile(marker, JSON.stringify({ n, note }));
}
log(`articles: ${note}`);

// ---- jobs ----
if (jobs.has("single")) {
  await rm(path.join(work, "single"), { recursive: true, force: true });
  await runJob("single build (cold)", ["--articles", articlesDir, "--output", path.join(work, "single", "site"), "--content", path.join(work, "single", "content"), "--cache-dir", path.join(work, "single", "cache")]);
}
if (jobs.has("summary")) {
  await rm(path.join(work, "summary-content"), { recursive: true, force: true });
  await runJob("summary", ["--articles", articlesDir, "--make-summary", summaryFile, "--content", path.join(work, "summary-content"), "--no-cache"]);
  sizes.summary = await duBytes(summaryFile);
}
if (jobs.has("analyses")) {
  const plain = await readFile(summaryFile).catch(() => undefined);
  /** Analysis job counts run already: the jobs of A analyses serve every N they are given for (the same folders). */
  const analysed = new Set<number>();
  // N = 1 too when the analysis jobs are counted apart (--analysis-jobs): its summary is then made from them, as for the others.
  for (const count of shardCounts.filter((c) => c > 1 || values["analysis-jobs"] !== undefined)) {
    const analyses = analysisJobs(count);
    for (let i = 1; i <= analyses && !analysed.has(analyses); i++) {
      await rm(analysisDir(analyses, i), { recursive: true, force: true });
      // Cold, as the summary: without --no-cache a cache left in the working folder would give it its analyses.
      await runJob(`analysis ${i}/${analyses}`, ["--articles", articlesDir, "--analyze", `${i}/${analyses}`, "--output", analysisDir(analyses, i), "--no-cache"], count);
      sizes[`analysis ${i}/${analyses}`] = await duBytes(analysisDir(analyses, i));
    }
    analysed.add(analyses);
    await rm(path.join(work, "summary-content"), { recursive: true, force: true });
    const dirs = Array.from({ length: analyses }, (_, i) => analysisDir(analyses, i + 1));
    // With each shard's articles beside it (--for-shards), as the deploy workflow makes it.
    await runJob(`summary from ${analyses} analyses for ${count} shards`, ["--articles", articlesDir, "--make-summary", analysedSummaryFile(count), "--for-shards", String(count), "--content", path.join(work, "summary-content"), "--no-cache", "--analyses", ...dirs], count);
    sizes[`shards' articles for ${count}`] = await filesBytes(work, new RegExp(`^${path.basename(analysedSummaryFile(count), ".jsonl").replace(/[.-]/g, "\\$&")}\\.articles-\\d+-of-${count}\\.jsonl$`));
    // The shards below are built from the summary: this one must be it, byte for byte.
    const made = await readFile(analysedSummaryFile(count)).catch(() => undefined);
    const same = plain !== undefined && made !== undefined && plain.equals(made);
    log(`summary from ${analyses} analyses: ${plain === undefined ? "no plain summary to compare with" : same ? "the same bytes as the summary" : "DIFFERS from the summary"}`);
    if (plain !== undefined && !same) process.exitCode = 1;
  }
}
if (jobs.has("shards")) {
  for (const count of shardCounts) {
    // The one made from this many analyses (with each shard's articles beside it), else the
    // plain summary (the same bytes, checked above when both were made; the shards then read
    // their raw files).
    const shardSummary = [analysedSummaryFile(count), summaryFile].find((file) => existsSync(file));
    if (!shardSummary) {
      log(`shards of ${count}: no archive summary in ${work} (neither ${path.basename(summaryFile)} nor ${path.basename(analysedSummaryFile(count))}); run with --jobs summary (or analyses) first`);
      process.exitCode = 1;
      continue;
    }
    if (shardSummary !== summaryFile) log(`shards of ${count}: built from ${path.basename(shardSummary)}`);
    for (let i = 1; i <= count; i++) {
      await rm(shardDir(count, i), { recursive: true, force: true });
      await runJob(`shard ${i}/${count}`, ["--articles", articlesDir, "--shard", `${i}/${count}`, "--summary", shardSummary, "--output", shardDir(count, i), ...renderProcesses], count);
      sizes[`shard ${i}/${count}`] = await duBytes(shardDir(count, i));
    }
    for (const mode of searchModes) {
      await rm(mergedDir(count, mode), { recursive: true, force: true });
      let shards = Array.from({ length: count }, (_, i) => shardDir(count, i + 1));
      const copies = path.join(work, `shards-${count}-to-merge`);
      if (!linkShards) {
        // The deploy workflow's merge moves the pages out of the shards it downloaded
        // (--move-shards): here out of copies made of hard links (untimed), so that the
        // built shards stay for the next merge.
        await rm(copies, { recursive: true, force: true });
        shards = await Promise.all(
          shards.map(async (dir) => {
            const copy = path.join(copies, path.basename(dir));
            linkOrCopyInto(dir, copy, (await listSiteFiles(dir)) ?? []);
            return copy;
          }),
        );
      }
      await runJob(`merge (${mode})`, ["--merge", ...shards, "--output", mergedDir(count, mode), "--merged-search", mode, ...(linkShards ? [] : ["--move-shards"])], count);
      await rm(copies, { recursive: true, force: true });
      sizes[`merged ${count} (${mode})`] = await duBytes(mergedDir(count, mode));
    }
  }
}
if (jobs.has("search")) {
  const sites: [string, string][] = [];
  if (await stat(path.join(work, "single", "site")).catch(() => undefined)) sites.push([path.join(work, "single", "site"), "single build"]);
  for (const count of shardCounts) for (const mode of searchModes) if (await stat(mergedDir(count, mode)).catch(() => undefined)) sites.push([mergedDir(count, mode), `${count} shards, ${mode}`]);
  for (const [site, label] of sites) for (const query of queries) await measureSearch(site, label, query);
}

// ---- report ----
const mib = (bytes: number | undefined) => (bytes ? (bytes / 2 ** 20).toFixed(1) : "—");
const lines: string[] = [
  `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "?"}), ${formatMiB(os.totalmem())} MiB, Node ${process.version}; shared with other work (load averages below).`,
  `Articles: ${note}.`,
  "",
  markdownTable(
    ["job", "N", "exit", "wall s", "peak RSS MiB", "load at start → end", "its summary"],
    runs.map((r) => [r.job, r.shards === undefined ? "—" : String(r.shards), String(r.exitCode), formatSeconds(r.wallSeconds), formatMiB(r.peakRssBytes), `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`, r.summary]),
    new Set(["N", "wall s", "peak RSS MiB"]),
  ),
];
const single = runs.find((r) => r.job.startsWith("single"));
const summary = runs.find((r) => r.job === "summary");
// The critical path of N machines: (slowest analysis job +) summary + slowest shard + merge.
const pathRows = shardCounts.flatMap((count) =>
  searchModes.flatMap((mode) => {
    const shards = runs.filter((r) => r.shards === count && r.job.startsWith("shard"));
    const merge = runs.find((r) => r.shards === count && r.job === `merge (${mode})`);
    if (!shards.length || !merge) return [];
    const analysisCount = analysisJobs(count);
    // The jobs of this many analyses, whichever N they were run for (they serve every N: see above).
    const analyses = runs.filter((r) => new RegExp(`^analysis \\d+/${analysisCount}$`).test(r.job));
    const fromAnalyses = runs.find((r) => r.job === `summary from ${analysisCount} analyses for ${count} shards`);
    const ways: [string, JobRun[], JobRun][] = [];
    if (summary) ways.push(["one summary job", [], summary]);
    if (fromAnalyses && analyses.length === analysisCount) ways.push([`${analysisCount} analysis jobs, then the summary`, analyses, fromAnalyses]);
    return ways.map(([way, before, made]) => {
      const slowestAnalysis = before.length ? Math.max(...before.map((r) => r.wallSeconds)) : 0;
      const slowest = Math.max(...shards.map((r) => r.wallSeconds));
      const critical = slowestAnalysis + made.wallSeconds + slowest + merge.wallSeconds;
      const peak = Math.max(...before.map((r) => r.peakRssBytes), made.peakRssBytes, ...shards.map((r) => r.peakRssBytes), merge.peakRssBytes);
      return [String(count), mode, way, before.length ? formatSeconds(slowestAnalysis) : "—", formatSeconds(made.wallSeconds), formatSeconds(slowest), formatSeconds(merge.wallSeconds), formatSeconds(critical), single ? `${((critical / single.wallSeconds) * 100).toFixed(0)}%` : "—", formatMiB(peak)];
    });
  }),
);
if (pathRows.length) {
  const numeric = new Set(["N", "slowest analysis s", "summary s", "slowest shard s", "merge s", "critical path s", "÷ single build", "highest job peak MiB"]);
  lines.push("", markdownTable(["N", "merge", "summary made by", "slowest analysis s", "summary s", "slowest shard s", "merge s", "critical path s", "÷ single build", "highest job peak MiB"], pathRows, numeric));
}
if (Object.keys(sizes).length) lines.push("", markdownTable(["output", "MiB"], Object.entries(sizes).map(([k, v]) => [k, mib(v)]), new Set(["MiB"])));
if (searches.length) lines.push("", markdownTable(["site", "query", "first search"], searches.map((s) => [s.site, s.query, s.total])));
process.stdout.write(`${lines.join("\n")}\n`);
if (values.json) {
  await mkdir(path.dirname(path.resolve(String(values.json))), { recursive: true });
  await writeFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), String(values.json)), `${JSON.stringify({ n, note, now: NOW, runs, sizes, searches }, null, 2)}\n`);
}
if (runs.some((r) => r.exitCode !== 0)) process.exitCode = 1;
