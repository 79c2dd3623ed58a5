/**
 * Mutation testing: plants small bugs (mutants) in source modules with StrykerJS and
 * counts how many the unit tests catch.
 *
 *   npm run test:mutation -- [files or folders under src/, or file.ts:START-END] [--base main] [--concurrency 2]
 *                            [--time-limit MINUTES] [--target 80] [--depth 2] [--list]
 *                            [--reports reports/mutation] [--incremental]
 *
 * A file with a line range (`src/x.ts:100-300`) mutates only those lines, against the
 * file's tests. Without files it mutates the src/ files changed since --base (default `main`): those
 * committed since the branch left it, changed in the work tree, or new. Each module runs
 * in its own Stryker run against the unit tests that import it within --depth imports
 * (scripts/mutation/plan.ts), one module after another. --list prints that plan and
 * stops. --time-limit (minutes from the start) stops the run when the time is up and
 * reports the modules it reached.
 *
 * Reports: <reports>/<module>/mutation.html and mutation.json per module, the per-module
 * table in <reports>/summary.md and, in GitHub Actions, in the job summary. Exits non-zero
 * --incremental keeps each module's results in <reports>/<module>.incremental.json and, on the
 * next --incremental run, re-tests only the mutants whose code or covering test files changed
 * (Stryker's incremental mode): after adding tests in a new test file, only the mutants that
 * file reaches run again.
 *
 * --retest LOG (one module) mutates only the lines where LOG, a `mutants.jsonl` of an earlier
 * run of that module, has mutants that survived or that no test ran: after new tests, their
 * new results, merged by hand with the earlier run's kills, give the after-score without
 * testing again the mutants already killed (adding tests cannot revive them; a change in
 * the module's source can, so use it only when the source is unchanged).
 *
 * Exits non-zero only when a Stryker run itself fails (for example when a test fails before any mutant
 * is planted); a low score is reported, not failed.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "./cli-args.ts";
import { changedSourceFiles, DEFAULT_DEPTH, expandTargets, lineRanges, splitTarget, survivorLines, testFilesFor } from "./mutation/plan.ts";
import { markdownSummary, mergeRetest, moduleMutants, scoreOf, type ModuleOutcome } from "./mutation/score.ts";

const root = path.resolve(import.meta.dirname, "..");
const { values, positional } = parseArgs(process.argv.slice(2), {
  base: "string",
  concurrency: "string",
  "time-limit": "string",
  target: "string",
  depth: "string",
  reports: "string",
  list: "boolean",
  incremental: "boolean",
  retest: "string",
});

const positiveNumber = (name: string, fallback: number): number => {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} needs a positive number, not "${raw}".`);
    process.exit(2);
  }
  return n;
};
const concurrency = Math.floor(positiveNumber("concurrency", 2));
const target = positiveNumber("target", 80);
const timeLimitMs = values["time-limit"] === undefined ? Infinity : positiveNumber("time-limit", 0) * 60_000;
const depth = Math.floor(positiveNumber("depth", DEFAULT_DEPTH));
const base = typeof values.base === "string" ? values.base : "main";

let modules: string[];
try {
  modules = positional.length > 0 ? expandTargets(root, positional) : changedSourceFiles(root, base);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const what = positional.length > 0 ? positional.join(" ") : `src/ files changed since ${base}`;
let retestLines: number[] | undefined;
if (typeof values.retest === "string") {
  if (modules.length !== 1) {
    console.error("--retest needs exactly one module (the one whose mutants.jsonl it names).");
    process.exit(2);
  }
  try {
    retestLines = survivorLines(readFileSync(values.retest, "utf8"));
  } catch (error) {
    console.error(`--retest ${values.retest}: ${(error as Error).message}`);
    process.exit(2);
  }
  if (retestLines.length === 0) {
    console.log(`--retest ${values.retest}: no mutant survived there; nothing to re-test.`);
    process.exit(0);
  }
}

if (values.list) {
  for (const module of modules) console.log(`${module}\n  ${testFilesFor(root, splitTarget(module).file, depth).join("\n  ") || "(no unit test imports it)"}`);
  process.exit(0);
}

const reportsDir = path.resolve(typeof values.reports === "string" ? values.reports : path.join(root, "reports/mutation"));
mkdirSync(reportsDir, { recursive: true });
const baseConfig = (await import(path.join(root, "stryker.config.mjs"))).default;
const strykerBin = path.join(root, "node_modules/@stryker-mutator/core/bin/stryker.js");
// The time limit counts from this process's start.
const deadline = performance.timeOrigin + timeLimitMs;
const outcomes: ModuleOutcome[] = [];
let failed = false;

console.log(`Mutation testing ${modules.length} module(s) (${what}), concurrency ${concurrency}${Number.isFinite(timeLimitMs) ? `, time limit ${timeLimitMs / 60_000} min` : ""}.`);
for (const [i, module] of modules.entries()) {
  if (Date.now() >= deadline) {
    outcomes.push({ module, reason: "the time limit was reached before it ran" });
    continue;
  }
  const { file } = splitTarget(module);
  const found = testFilesFor(root, file, depth);
  // A module no unit test imports still has its mutants counted, all as not covered.
  const tests = found.length > 0 ? found : ["scripts/mutation/no-unit-test.ts"];
  // A re-test keeps its own folder: the earlier run's log stays beside it.
  const dir = path.join(reportsDir, module.replace(/\.ts(?=$|:)/, "").replace(/[/\\:]/g, "-") + (retestLines ? "-retest" : ""));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = {
    ...baseConfig,
    mutate: retestLines ? lineRanges(retestLines).map(([a, b]) => `${file}:${a}-${b}`) : [module],
    concurrency,
    tap: { ...baseConfig.tap, testFiles: tests },
    jsonReporter: { fileName: path.relative(root, path.join(dir, "mutation.json")) },
    htmlReporter: { fileName: path.relative(root, path.join(dir, "mutation.html")) },
    // Kept beside the module's report folder, which each run empties.
    ...(values.incremental ? { incremental: true, incrementalFile: path.relative(root, `${dir}.incremental.json`) } : {}),
  };
  const configFile = path.join(dir, "stryker.config.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2) + "\n");
  console.log(`\n[${i + 1}/${modules.length}] ${module}: ${found.length} unit test file(s) import it${found.length > 0 ? `: ${found.join(" ")}` : ""}`);
  // Each mutant's result, written as it is tested (kept if the run is stopped early).
  const mutantLog = path.join(dir, "mutants.jsonl");
  const result = await runStryker(configFile, deadline, mutantLog);
  const reportFile = path.join(dir, "mutation.json");
  if (result === "time limit") outcomes.push({ module, reason: "stopped at the time limit" });
  else if (result !== 0 || !existsSync(reportFile)) {
    failed = true;
    outcomes.push({ module, reason: `Stryker failed (exit ${result}); see its output above` });
  } else {
    const mutants = moduleMutants(file, JSON.parse(readFileSync(reportFile, "utf8")));
    outcomes.push(scoreOf(retestLines ? `${module}, re-tested lines` : module, mutants));
    if (retestLines) outcomes.push(scoreOf(`${module}: the earlier run with those lines re-tested`, mergeRetest(readFileSync(values.retest as string, "utf8"), mutants)));
  }
}

const summary = markdownSummary(outcomes, { target, title: `Mutation score: ${what}` });
writeFileSync(path.join(reportsDir, "summary.md"), summary);
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
console.log(`\n${summary}\nReports: ${path.relative(process.cwd(), reportsDir)}/ (summary.md, and mutation.html per module)`);
process.exit(failed ? 1 : 0);

/**
 * Runs Stryker in its own process group, so the time limit (or Ctrl-C) can stop it and
 * the test processes it started: SIGTERM first, then SIGKILL for what is left once Stryker
 * has exited (a test file in the middle of a run outlives Stryker otherwise).
 */
function runStryker(configFile: string, deadline: number, mutantLog: string): Promise<number | "time limit"> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [strykerBin, "run", configFile], {
      cwd: root,
      stdio: "inherit",
      detached: true,
      env: { ...process.env, STRYKER_MUTANT_LOG: mutantLog },
    });
    const group = -child.pid!;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(group, signal);
      } catch {
        // the group is gone
      }
    };
    let stopped: "time limit" | "signal" | undefined;
    const stop = (why: "time limit" | "signal") => {
      stopped ??= why;
      signalGroup("SIGTERM");
      setTimeout(() => signalGroup("SIGKILL"), 10_000).unref();
    };
    const onSignal = () => stop("signal");
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const timer = Number.isFinite(deadline)
      ? setTimeout(() => {
          console.log("\nTime limit reached: stopping Stryker.");
          stop("time limit");
        }, Math.max(0, deadline - Date.now()))
      : undefined;
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (stopped) signalGroup("SIGKILL");
      if (stopped === "signal") process.exit(130);
      resolve(stopped === "time limit" ? "time limit" : (code ?? 1));
    });
  });
}

