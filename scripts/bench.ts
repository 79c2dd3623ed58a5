import { spawn } from "node:child_process";
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { parseBuildSummary, type ParsedBuildSummary } from "../src/bench/build-summary.ts";
import { measureSaveToReload, medianSave } from "../src/bench/dev-reload.ts";
import { pickCorpusArticles } from "../src/bench/corpus-sample.ts";
import { SET_DEFAULTS } from "../src/bench/corpus-mix.ts";
import { CORPUS_SETS, listCorpusArticles } from "../src/bench/corpus-archive.ts";
import { FILE_CONCURRENCY, mapLimited } from "../src/util/map-limited.ts";
import { sampleTreeRss } from "../src/bench/rss-sampler.ts";
import { median } from "../src/bench/stats.ts";
import { formatMiB, formatRatio, formatSeconds, markdownTable } from "../src/bench/table.ts";
import { parseArgs } from "./cli-args.ts";

// npm run bench -- [--n 1000,10000] [--runs 3] [--json FILE] [--no-baseline] [--no-dev] [--no-pagefind-cli] [--keep]
// Builds N real corpus articles as a child process (as a user would), cold and warm,
// beside bare Eleventy + the Pagefind CLI on the same Markdown (title and date only),
// runs the Pagefind CLI over our own site, times npm start's save → reload, and prints
// a Markdown table.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = path.resolve(root, "../shared/corpus");
/** Default runs per size: the median of 3 where a build is short, one run above this. */
const MEDIAN_MAX_ARTICLES = 2_000;
/** At this size and above there is always one run and no median. */
const SINGLE_RUN_MIN_ARTICLES = 100_000;
/** npm run check is timed up to this size (its cross-article checks grow faster than linearly). */
const CHECK_MAX_ARTICLES = 10_000;
/** npm start's save → reload is timed up to this size, this many saves. */
const DEV_MAX_ARTICLES = 10_000;
const DEV_SAVES = 3;
const WARM_SENTENCE = " The benchmark appended this sentence to measure a warm build.\n";
const BASELINE_LAYOUT = "<!doctype html><html><head><title>{{ title }}</title></head><body>{{ content | safe }}</body></html>\n";
/** A fixed "today", so every run builds the same site. */
const BENCH_NOW = process.env.ARCHIVE_NOW ?? "2026-01-01";

const { values } = parseArgs(process.argv.slice(2), { n: "string", runs: "string", json: "string", "no-baseline": "boolean", "no-dev": "boolean", "no-pagefind-cli": "boolean", keep: "boolean" });
const sizes = String(values.n ?? "1000,10000")
  .split(",")
  .map((s) => Number(s.replace(/[_\s]/g, "")));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--n takes article counts separated by commas, e.g. --n 1000,10000; got "${values.n}".`);
  process.exit(2);
}
const runsOption = values.runs === undefined ? undefined : Number(values.runs);
if (runsOption !== undefined && !(Number.isInteger(runsOption) && runsOption >= 1)) {
  console.error(`--runs takes a positive whole number; got "${values.runs}".`);
  process.exit(2);
}
const withBaseline = !values["no-baseline"];

if (!(await stat(corpusDir).then((s) => s.isDirectory(), () => false))) {
  console.log(`Benchmark skipped: the article corpus is not at ${corpusDir} (it is not part of the repository). Nothing was measured.`);
  process.exit(0);
}

interface ChildRun {
  exitCode: number;
  wallSeconds: number;
  peakRssBytes: number;
  /** stdout and stderr together, in arrival order. */
  output: string;
  stdout: string;
}

interface BuildRun extends ChildRun {
  summary?: ParsedBuildSummary;
}

interface BaselineRun {
  eleventy: ChildRun;
  pagefind: ChildRun;
  pages?: number;
}

interface DevRun {
  /** Seconds from each save to the browsers' reload event. */
  saves: number[];
  peakRssBytes: number;
  error?: string;
}

interface SizeResult {
  articles: number;
  runs: number;
  corpusNote: string;
  cold: BuildRun[];
  warm: BuildRun[];
  /** A second warm build (the article changed back), which starts from the site the first one kept (_site.prev). */
  warmAgain: BuildRun[];
  baselineCold: BaselineRun[];
  baselineWarm: BaselineRun[];
  /** The Pagefind CLI over our cold build's site (the same pages our search index step indexes). */
  pagefindOverOurs: ChildRun[];
  dev?: DevRun;
  check?: ChildRun;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Runs a command with its whole process tree's memory sampled; never throws on a non-zero exit. */
async function runChild(command: string, args: string[], cwd = root): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, CI: "1", ARCHIVE_NOW: BENCH_NOW }, stdio: ["ignore", "pipe", "pipe"] });
  const sampler = sampleTreeRss(child.pid!);
  const chunks: Buffer[] = [];
  const stdoutChunks: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => {
    chunks.push(c);
    stdoutChunks.push(c);
  });
  child.stderr.on("data", (c: Buffer) => chunks.push(c));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const { peakBytes } = await sampler.stop();
  return { exitCode, wallSeconds, peakRssBytes: peakBytes, output: Buffer.concat(chunks).toString("utf8"), stdout: Buffer.concat(stdoutChunks).toString("utf8") };
}

async function runOurBuild(articlesDir: string, contentDir: string, outputDir: string, cacheDir: string): Promise<BuildRun> {
  const run = await runChild(process.execPath, ["scripts/launch.mjs", "scripts/build.ts", "--articles", articlesDir, "--output", outputDir, "--content", contentDir, "--cache-dir", cacheDir]);
  const summary = parseBuildSummary(run.output);
  if (run.exitCode !== 0 || !summary) {
    // The error lines and the stack below the first one: enough to find the failing file or step.
    const lines = run.output.split("\n");
    const first = lines.findIndex((l) => l.startsWith("error:"));
    const shown = first < 0 ? lines.slice(-30) : [...lines.slice(first, first + 12), ...lines.slice(first + 12).filter((l) => l.startsWith("error:"))];
    log(`build FAILED (exit ${run.exitCode}):\n${shown.join("\n")}`);
  }
  return { ...run, summary };
}

async function runBaseline(inputDir: string, outputDir: string): Promise<BaselineRun> {
  // Run beside its folders, not in the project, so Eleventy finds no project config: bare Eleventy.
  const cwd = path.dirname(inputDir);
  const eleventy = await runChild(path.join(root, "node_modules/.bin/eleventy"), [`--input=${inputDir}`, `--output=${outputDir}`, "--quiet"], cwd);
  const pagefind = await runChild(path.join(root, "node_modules/.bin/pagefind"), ["--site", outputDir], cwd);
  const wrote = eleventy.output.match(/Wrote (\d+) files?/);
  for (const [name, run] of [["Eleventy", eleventy], ["Pagefind", pagefind]] as const) {
    if (run.exitCode !== 0) log(`baseline ${name} FAILED (exit ${run.exitCode}):\n${run.output.split("\n").slice(-20).join("\n")}`);
  }
  return { eleventy, pagefind, pages: wrote ? Number(wrote[1]) : undefined };
}

async function prepareArticles(sources: string[], n: number, dir: string): Promise<{ note: string; warmFile: string }> {
  const picked = pickCorpusArticles(sources, n).map((p) => ({ ...p, name: `${p.source.split("/")[0]}/${p.name}` }));
  // One folder per set with the _defaults.yml period a maintainer would give it (from the
  // corpus README): the corpus files name no year, and an archive of undated articles would
  // have no timeline pages to build.
  for (const set of CORPUS_SETS) {
    await mkdir(path.join(dir, set), { recursive: true });
    if (SET_DEFAULTS[set]) await writeFile(path.join(dir, set, "_defaults.yml"), SET_DEFAULTS[set]);
  }
  // Copies, not links: the warm build edits one file, and the corpus must never change.
  for (let i = 0; i < picked.length; i += 256) {
    await Promise.all(picked.slice(i, i + 256).map((p) => copyFile(path.join(corpusDir, p.source), path.join(dir, p.name))));
  }
  const perSet = CORPUS_SETS.map((set) => `${set} ${picked.filter((p) => p.source.startsWith(`${set}/`)).length.toLocaleString("en-US")}`).join(", ");
  const rounds = Math.max(...picked.map((p) => p.round));
  const note =
    rounds > 1
      ? `${n.toLocaleString("en-US")} articles: all ${sources.length.toLocaleString("en-US")} corpus files, then the corpus again under new names (r2-…${rounds > 2 ? `, up to r${rounds}-…` : ""}), so ${(((n - sources.length) / n) * 100).toFixed(0)}% of the articles are copies of others (${perSet}), each set in a folder with its _defaults.yml period`
      : `${n.toLocaleString("en-US")} articles taken at an even stride from the corpus (${perSet}), each set in a folder with its _defaults.yml period`;
  const warmFile = picked.map((p) => p.name).sort()[0];
  return { note, warmFile };
}

/**
 * The baseline's input: our generated Markdown with only `title` and `date` in its front
 * matter. A list such as `tags` would make bare Eleventy build a collection per tag (401 s
 * at 10,000 articles), a cost our build never pays, so the ratio would mean nothing.
 */
async function prepareBaselineInput(contentDir: string, inputDir: string): Promise<void> {
  await mkdir(path.join(inputDir, "_includes"), { recursive: true });
  const names = (await readdir(contentDir)).filter((n) => n.endsWith(".md"));
  await mapLimited(names, FILE_CONCURRENCY, async (n) => {
    const parsed = matter(await readFile(path.join(contentDir, n), "utf8"), {});
    const data: Record<string, unknown> = { title: parsed.data.title };
    if (parsed.data.date) data.date = String(parsed.data.date);
    await writeFile(path.join(inputDir, n), matter.stringify(parsed.content, data, {}));
  });
  await writeFile(path.join(inputDir, "_includes", "l.njk"), BASELINE_LAYOUT);
  // A directory data file named after its folder applies the layout to every page in it.
  await writeFile(path.join(inputDir, `${path.basename(inputDir)}.json`), JSON.stringify({ layout: "l.njk" }));
}

async function benchSize(sources: string[], n: number, workRoot: string): Promise<SizeResult> {
  const runs = n >= SINGLE_RUN_MIN_ARTICLES ? 1 : runsOption ?? (n <= MEDIAN_MAX_ARTICLES ? 3 : 1);
  const sizeDir = path.join(workRoot, `n${n}`);
  const articlesDir = path.join(sizeDir, "articles");
  log(`${n} articles: copying from the corpus into ${articlesDir}`);
  const { note, warmFile } = await prepareArticles(sources, n, articlesDir);
  const result: SizeResult = { articles: n, runs, corpusNote: note, cold: [], warm: [], warmAgain: [], baselineCold: [], baselineWarm: [], pagefindOverOurs: [] };

  for (let r = 1; r <= runs; r++) {
    const runDir = path.join(sizeDir, `run${r}`);
    await rm(runDir, { recursive: true, force: true });
    const contentDir = path.join(runDir, "content");
    const outputDir = path.join(runDir, "site");
    const cacheDir = path.join(runDir, "cache");
    log(`${n} articles, run ${r}/${runs}: cold build`);
    const cold = await runOurBuild(articlesDir, contentDir, outputDir, cacheDir);
    result.cold.push(cold);
    if (!cold.summary) break;

    // The Pagefind CLI over the site we just built: what our search index step competes with
    // (at 100,000 articles it takes about 7 minutes and 13 GB: --no-pagefind-cli skips it).
    if (!values["no-pagefind-cli"]) {
      log(`${n} articles, run ${r}/${runs}: Pagefind CLI over our site`);
      const cliOut = path.join(runDir, "pagefind-cli");
      result.pagefindOverOurs.push(await runChild(path.join(root, "node_modules/.bin/pagefind"), ["--site", outputDir, "--output-path", cliOut], runDir));
      await rm(cliOut, { recursive: true, force: true });
    }

    const baseIn = path.join(runDir, "base-in");
    const baseOut = path.join(runDir, "base-out");
    if (withBaseline) {
      await prepareBaselineInput(contentDir, baseIn);
      log(`${n} articles, run ${r}/${runs}: baseline cold (bare Eleventy + Pagefind CLI)`);
      result.baselineCold.push(await runBaseline(baseIn, baseOut));
    }

    const warmPath = path.join(articlesDir, warmFile);
    const original = await readFile(warmPath);
    await appendFile(warmPath, WARM_SENTENCE);
    log(`${n} articles, run ${r}/${runs}: warm build (${warmFile} changed)`);
    try {
      result.warm.push(await runOurBuild(articlesDir, contentDir, outputDir, cacheDir));
    } finally {
      await writeFile(warmPath, original);
    }
    // The steady state of a deploy: the last warm build kept the site it replaced.
    log(`${n} articles, run ${r}/${runs}: warm build again (${warmFile} changed back)`);
    result.warmAgain.push(await runOurBuild(articlesDir, contentDir, outputDir, cacheDir));

    if (r === runs && !values["no-dev"] && n <= DEV_MAX_ARTICLES) {
      log(`${n} articles: npm start, ${DEV_SAVES} saves of ${warmFile}`);
      result.dev = await measureSaveToReload({ root, articlesDir, contentDir, outputDir, cacheDir, file: warmFile, saves: DEV_SAVES, env: { ...process.env, CI: "1", ARCHIVE_NOW: BENCH_NOW } });
      await writeFile(warmPath, original);
    }

    if (withBaseline) {
      const mdNames = (await readdir(baseIn)).filter((f) => f.endsWith(".md")).sort();
      await appendFile(path.join(baseIn, mdNames[0]), `\n${WARM_SENTENCE}`);
      log(`${n} articles, run ${r}/${runs}: baseline warm (${mdNames[0]} changed)`);
      result.baselineWarm.push(await runBaseline(baseIn, baseOut));
    }
    if (!values.keep) await rm(runDir, { recursive: true, force: true });
  }

  if (n <= CHECK_MAX_ARTICLES) {
    log(`${n} articles: npm run check`);
    result.check = await runChild(process.execPath, ["scripts/launch.mjs", "scripts/check.ts", "--articles", articlesDir]);
  }
  if (!values.keep) await rm(sizeDir, { recursive: true, force: true });
  return result;
}

/** The median of a figure over runs, or undefined when no run produced it. */
function med<T>(runs: readonly T[], pick: (run: T) => number | undefined): number | undefined {
  const figures = runs.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return figures.length === runs.length && figures.length ? median(figures) : undefined;
}

const count = (n: number | undefined) => (n === undefined ? "—" : n.toLocaleString("en-US"));
const baselineWall = (b: BaselineRun) => (b.eleventy.exitCode === 0 && b.pagefind.exitCode === 0 ? b.eleventy.wallSeconds + b.pagefind.wallSeconds : undefined);

function resultRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const runsLabel = s.runs === 1 ? "1" : `median of ${s.runs}`;
  const ours = (label: string, runs: BuildRun[], baseline: BaselineRun[]) => {
    if (!runs.length) return;
    const ok = runs.every((r) => r.summary && r.exitCode === 0);
    rows.push([
      count(s.articles),
      label,
      runsLabel,
      ok ? "ok" : `FAILED (exit ${runs.find((r) => r.exitCode !== 0)?.exitCode ?? "?"})`,
      formatSeconds(med(runs, (r) => r.summary?.seconds.ingest)),
      formatSeconds(med(runs, (r) => r.summary?.seconds.render)),
      formatSeconds(med(runs, (r) => r.summary?.seconds.index)),
      formatSeconds(med(runs, (r) => r.summary?.seconds.total)),
      formatSeconds(med(runs, (r) => r.wallSeconds)),
      count(med(runs, (r) => r.summary?.pages)),
      formatMiB(med(runs, (r) => r.peakRssBytes)),
      baseline.length ? formatRatio(med(runs, (r) => (r.summary ? r.wallSeconds : undefined)), med(baseline, baselineWall)) : "—",
    ]);
  };
  const base = (label: string, runs: BaselineRun[]) => {
    if (!runs.length) return;
    const ok = runs.every((b) => baselineWall(b) !== undefined);
    rows.push([
      count(s.articles),
      label,
      runsLabel,
      ok ? "ok" : "FAILED",
      "—",
      formatSeconds(med(runs, (b) => b.eleventy.wallSeconds)),
      formatSeconds(med(runs, (b) => b.pagefind.wallSeconds)),
      "—",
      formatSeconds(med(runs, baselineWall)),
      count(med(runs, (b) => b.pages)),
      formatMiB(med(runs, (b) => Math.max(b.eleventy.peakRssBytes, b.pagefind.peakRssBytes))),
      "",
    ]);
  };
  ours("cold build", s.cold, s.baselineCold);
  base("baseline cold: bare Eleventy (title and date only) + Pagefind CLI", s.baselineCold);
  if (s.pagefindOverOurs.length) {
    const run = s.pagefindOverOurs;
    rows.push([count(s.articles), "Pagefind CLI over our cold build's site", runsLabel, run.every((r) => r.exitCode === 0) ? "ok" : "FAILED", "—", "—", formatSeconds(med(run, (r) => r.wallSeconds)), "—", formatSeconds(med(run, (r) => r.wallSeconds)), "—", formatMiB(med(run, (r) => r.peakRssBytes)), ""]);
  }
  ours("warm build (1 article changed)", s.warm, s.baselineWarm);
  ours("warm build again (that article changed back; starts from the site the first kept)", s.warmAgain, s.baselineWarm);
  base("baseline warm: bare Eleventy (title and date only) + Pagefind CLI", s.baselineWarm);
  if (s.dev) {
    const saved = medianSave(s.dev);
    rows.push([count(s.articles), `npm start: save → reload (median of ${s.dev.saves.length} saves)`, "1", s.dev.error ? `FAILED (${s.dev.error.split("\n")[0]})` : "ok", "—", "—", "—", "—", formatSeconds(saved), "—", formatMiB(s.dev.peakRssBytes), ""]);
  }
  return rows;
}

/** Each of issue 15's targets with the figure this run measured. */
function targetRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const cold = med(s.cold, (r) => (r.summary ? r.wallSeconds : undefined));
  const warm = med(s.warm, (r) => (r.summary ? r.wallSeconds : undefined));
  const warmAgain = med(s.warmAgain, (r) => (r.summary ? r.wallSeconds : undefined));
  const base = med(s.baselineCold, baselineWall);
  const verdict = (ok: boolean | undefined) => (ok === undefined ? "—" : ok ? "met" : "NOT met");
  const add = (target: string, figure: string, ok: boolean | undefined) => rows.push([count(s.articles), target, figure, verdict(ok)]);
  const ratioTarget = s.articles >= 10_000 ? 1.5 : 2;
  if (cold !== undefined && base !== undefined) add(`cold ≤ ${ratioTarget}× baseline`, formatRatio(cold, base), cold / base <= ratioTarget);
  if (cold !== undefined && warm !== undefined) {
    if (s.articles >= 100_000) add("warm (1 article changed) ≤ 60 s", `${formatSeconds(warm)} s`, warm <= 60);
    else add("warm (1 article changed) ≤ 0.1× cold", formatRatio(warm, cold), warm / cold <= 0.1);
  }
  if (cold !== undefined && warmAgain !== undefined) {
    if (s.articles >= 100_000) add("warm again (from the kept site) ≤ 60 s", `${formatSeconds(warmAgain)} s`, warmAgain <= 60);
    else add("warm again (from the kept site) ≤ 0.1× cold", formatRatio(warmAgain, cold), warmAgain / cold <= 0.1);
  }
  const rss = Math.max(med(s.cold, (r) => r.peakRssBytes) ?? 0, med(s.warm, (r) => r.peakRssBytes) ?? 0, med(s.warmAgain, (r) => r.peakRssBytes) ?? 0);
  const rssLimit = s.articles >= 100_000 ? 3 * 1024 : 1024;
  if (rss) add(`peak RSS of the process tree ≤ ${rssLimit / 1024} GB`, `${formatMiB(rss)} MiB`, rss <= rssLimit * 2 ** 20);
  const ourIndex = med(s.cold, (r) => r.summary?.seconds.index);
  const cli = med(s.pagefindOverOurs, (r) => (r.exitCode === 0 ? r.wallSeconds : undefined));
  if (ourIndex !== undefined && cli !== undefined) add("search index step ≤ Pagefind CLI over the same pages", `${formatSeconds(ourIndex)} s vs ${formatSeconds(cli)} s`, ourIndex <= cli);
  const saved = s.dev && medianSave(s.dev);
  if (saved !== undefined) add("npm start: save → reload ≤ 2 s", `${formatSeconds(saved)} s`, saved <= 2);
  return rows;
}

// A few corpus files are not articles (a headline alone, "Moved Permanently" pages): the
// build rightly refuses them, so they are left out and named in the output.
const { accepted: sources, refused } = await listCorpusArticles(corpusDir, new Date(`${BENCH_NOW}T00:00:00Z`), CORPUS_SETS);
const workRoot = await mkdtemp(path.join(os.tmpdir(), "news-archive-bench-"));
const machine = {
  cores: os.availableParallelism(),
  totalMemoryBytes: os.totalmem(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? "unknown",
  platform: `${os.platform()} ${os.release()}`,
};
log(`work folder ${workRoot}; corpus ${sources.length} files at ${corpusDir} (${refused.length} files the build refuses left out: ${refused.join(", ")})`);

const results: SizeResult[] = [];
try {
  for (const n of sizes) results.push(await benchSize(sources, n, workRoot));
} finally {
  if (!values.keep) await rm(workRoot, { recursive: true, force: true });
}

const headers = ["articles", "build", "runs", "result", "ingest s", "render s", "search index s", "build total s", "wall s", "pages", "peak RSS MiB", "wall ÷ baseline"];
const numeric = new Set(["articles", "ingest s", "render s", "search index s", "build total s", "wall s", "pages", "peak RSS MiB", "wall ÷ baseline"]);
const lines: string[] = [
  `Machine: ${machine.cores} cores (${machine.cpu}), ${formatMiB(machine.totalMemoryBytes)} MiB memory, Node ${machine.node}, ${machine.platform}.`,
  "",
  markdownTable(headers, results.flatMap(resultRows), numeric),
  "",
  "- ingest / render / search index / build total: the build's own summary (render includes comparing page fingerprints); wall: the whole `node scripts/launch.mjs scripts/build.ts` process (what `npm run build` runs), start-up included.",
  "- Baseline: the same generated Markdown with only `title` and `date` kept in its front matter, through `eleventy --quiet` with a one-line Nunjucks layout (render column), then `pagefind --site` (search index column), in the same run; its wall is the sum of both processes.",
  "- Pagefind CLI over our site: `pagefind --site` over our cold build's output, the pages our search index step indexes from its records.",
  "- npm start: the dev server on the warm build's folders and cache; the time from appending a sentence to an article to the reload event a browser gets.",
  "- Peak RSS: the highest sum of VmRSS over the process and all its children (Pagefind's binary included), sampled every 50 ms.",
  "- Cold: fresh content, output and cache folders; warm: one article's text changed, built again with the same folders and `--cache-dir`; warm again: that article changed back, built again, starting from the site the first warm build kept (`_site.prev`), as every deploy after the first does.",
  ...results.map((s) => `- ${s.corpusNote}.${s.runs === 1 && s.articles < SINGLE_RUN_MIN_ARTICLES && runsOption === undefined ? " One run (a build this size is slow); pass --runs 3 for a median." : ""}`),
];
const checks = results.filter((s) => s.check);
const unchecked = results.filter((s) => !s.check).map((s) => count(s.articles));
if (unchecked.length) lines.push(`- npm run check is timed up to ${count(CHECK_MAX_ARTICLES)} articles; not run at ${unchecked.join(", ")}.`);
if (checks.length) {
  lines.push(
    "",
    markdownTable(
      ["articles", "command", "exit code", "wall s", "peak RSS MiB", "its summary"],
      checks.map((s) => {
        const summaryLine = s.check!.stdout.trim().split("\n").pop() ?? "";
        return [count(s.articles), "npm run check (whole archive)", String(s.check!.exitCode), formatSeconds(s.check!.wallSeconds), formatMiB(s.check!.peakRssBytes), summaryLine];
      }),
      new Set(["articles", "wall s", "peak RSS MiB"]),
    ),
  );
}
lines.push("", markdownTable(["articles", "target (issue 15)", "measured", "verdict"], results.flatMap(targetRows), new Set(["articles"])));
process.stdout.write(`${lines.join("\n")}\n`);

if (values.json) {
  const strip = (r: ChildRun) => ({ exitCode: r.exitCode, wallSeconds: r.wallSeconds, peakRssBytes: r.peakRssBytes });
  const raw = {
    machine,
    now: BENCH_NOW,
    sizes: results.map((s) => ({
      articles: s.articles,
      runs: s.runs,
      corpus: s.corpusNote,
      cold: s.cold.map((r) => ({ ...strip(r), summary: r.summary })),
      warm: s.warm.map((r) => ({ ...strip(r), summary: r.summary })),
      warmAgain: s.warmAgain.map((r) => ({ ...strip(r), summary: r.summary })),
      baselineCold: s.baselineCold.map((b) => ({ eleventy: strip(b.eleventy), pagefind: strip(b.pagefind), pages: b.pages })),
      baselineWarm: s.baselineWarm.map((b) => ({ eleventy: strip(b.eleventy), pagefind: strip(b.pagefind), pages: b.pages })),
      pagefindOverOurs: s.pagefindOverOurs.map(strip),
      dev: s.dev,
      check: s.check ? strip(s.check) : undefined,
    })),
  };
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  await writeFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), String(values.json)), `${JSON.stringify(raw, null, 2)}\n`);
  log(`raw figures written to ${values.json}`);
}

if (results.some((s) => [...s.cold, ...s.warm, ...s.warmAgain].some((r) => r.exitCode !== 0 || !r.summary))) process.exitCode = 1;
