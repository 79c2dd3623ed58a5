import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { changedSourceFiles } from "../../scripts/mutation/plan.ts";
import { jobRuns } from "../helpers/actions-expression.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Job {
  "timeout-minutes"?: number;
  if?: string;
  needs?: string | string[];
  strategy?: { "fail-fast"?: boolean; matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** gray-matter's bundled YAML parser reads a workflow the way it reads front matter. */
function readWorkflow(name: string): Workflow {
  const text = readFileSync(path.join(projectRoot, ".github/workflows", name), "utf8");
  return matter(`---\n${text}\n---\n`).data as Workflow;
}

const stepIndex = (job: Job, match: (s: Step) => boolean, what: string): number => {
  const index = job.steps.findIndex(match);
  assert.ok(index >= 0, `a step that ${what}`);
  return index;
};
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? "");
const uses = (action: string) => (s: Step) => (s.uses ?? "").startsWith(`${action}@`);

describe("the pull request workflow", () => {
  const workflow = readWorkflow("pull-request.yml");
  const [job] = Object.values(workflow.jobs);

  it("runs on pull requests with read-only repository access", () => {
    assert.ok("pull_request" in workflow.on);
    assert.deepEqual(workflow.permissions, { contents: "read" });
  });

  it("sets up Node 20 with the npm cache and installs with npm ci before anything else runs", () => {
    const setup = job.steps[stepIndex(job, uses("actions/setup-node"), "sets up Node")];
    assert.equal(String(setup.with?.["node-version"]), "20");
    assert.equal(setup.with?.cache, "npm");
    const install = stepIndex(job, runs(/^npm ci$/), "runs npm ci");
    for (const command of [/npm run check/, /npm run typecheck/, /npm test/, /npm run build/, /check-links/]) {
      assert.ok(stepIndex(job, runs(command), `runs ${command}`) > install, `${command} after npm ci`);
    }
  });

  it("builds the site before checking its links", () => {
    assert.ok(stepIndex(job, runs(/npm run build/), "builds") < stepIndex(job, runs(/scripts\/check-links\.ts --dir _site/), "checks links"));
  });

  it("passes only the added and changed article files to check, whatever their names", () => {
    const step = job.steps[stepIndex(job, runs(/npm run check/), "runs check")];
    const changed = changedFilesPassedToCheck(step.run!);
    assert.deepEqual(changed, ["articles/Has Space.txt", "articles/changed.txt", "articles/new.txt", "articles/renamed-new.txt"]);
  });

  it("checks no files, and succeeds, when the pull request changes no article", () => {
    const step = job.steps[stepIndex(job, runs(/npm run check/), "runs check")];
    assert.equal(changedFilesPassedToCheck(step.run!, { touchArticles: false }), undefined);
  });
});

describe("the pull request's mutation testing", () => {
  const workflow = readWorkflow("pull-request.yml");
  const tests = workflow.jobs.test;
  const mutation = workflow.jobs.mutation;
  const mutationRun = () => mutation.steps[stepIndex(mutation, runs(/npm run test:mutation/), "runs test:mutation")].run!;

  it("runs in its own job, after npm ci, and never as part of npm test", () => {
    assert.ok(mutation, "a job named mutation");
    assert.ok(stepIndex(mutation, runs(/npm run test:mutation/), "runs test:mutation") > stepIndex(mutation, runs(/^npm ci$/), "runs npm ci"));
    assert.equal(tests.steps.some(runs(/test:mutation|stryker/)), false, "the test job does not mutate");
    const scripts = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;
    for (const name of ["pretest", "test", "posttest"]) assert.doesNotMatch(scripts[name] ?? "", /mutation|stryker/, `npm ${name}`);
  });

  it("mutates the src/ files the pull request changes against its base branch", () => {
    const checkout = mutation.steps[stepIndex(mutation, uses("actions/checkout"), "checks out")];
    assert.ok(Number(checkout.with?.["fetch-depth"]) >= 2 || checkout.with?.["fetch-depth"] === 0, "the base commit is fetched");
    const base = /--base (\S+)/.exec(mutationRun())?.[1];
    assert.ok(base, "passes --base");
    // The workflow's base, in a merge commit like the one actions/checkout checks out for a pull request.
    const repo = mkdtempSync(path.join(os.tmpdir(), "workflow-mutation-"));
    try {
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: repo, stdio: "pipe" });
      mkdirSync(path.join(repo, "src"));
      const write = (file: string, text: string) => writeFileSync(path.join(repo, file), text);
      write("src/a.ts", "1\n");
      write("src/b.ts", "1\n");
      git("init", "-q", "-b", "main");
      git("add", "-A");
      git("commit", "-qm", "base");
      git("checkout", "-qb", "pr");
      write("src/a.ts", "changed by the pull request\n");
      git("commit", "-qam", "pr");
      git("checkout", "-q", "main");
      write("src/b.ts", "changed on main since\n");
      git("commit", "-qam", "main");
      git("merge", "-q", "--no-ff", "--no-edit", "pr");
      assert.deepEqual(changedSourceFiles(repo, base!), ["src/a.ts"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it("stops at a time limit that leaves the job time to install and post the score", () => {
    const limit = Number(/--time-limit (\d+)/.exec(mutationRun())?.[1]);
    assert.ok(limit > 0, "passes --time-limit");
    assert.ok(mutation["timeout-minutes"]! >= limit + 5, `job timeout ${mutation["timeout-minutes"]} min leaves time after ${limit} min`);
  });

  it("keeps each run's results and restores the last ones, so a later push re-tests only what changed", () => {
    const restore = stepIndex(mutation, uses("actions/cache"), "restores the last results");
    assert.ok(restore > stepIndex(mutation, runs(/^npm ci$/), "installs") && restore < stepIndex(mutation, runs(/npm run test:mutation/), "mutates"));
    assert.match(mutationRun(), /--incremental(\s|$)/, "passes --incremental");
    const cache = mutation.steps[restore].with!;
    // The files scripts/mutation.ts writes with --incremental: <reports>/<module>.incremental.json.
    assert.equal(String(cache.path).trim(), "reports/mutation/*.incremental.json");
    assert.doesNotMatch(mutationRun(), /--reports/, "the default reports folder, where the cache puts them back");
    assert.match(String(cache.key), /\$\{\{ github\.sha \}\}$/, "a new entry per commit (entries cannot be overwritten)");
    const restoreKeys = String(cache["restore-keys"]).trim().split("\n").map((k) => k.trim());
    assert.ok(String(cache.key).startsWith(restoreKeys[0]), "this pull request's newest entry first");
  });

  it("posts the score to the job summary, with no write permission and no token", () => {
    assert.equal(mutation.permissions, undefined, "inherits the workflow's read-only permissions");
    assert.deepEqual(workflow.permissions, { contents: "read" });
    for (const step of mutation.steps) assert.doesNotMatch(JSON.stringify(step), /secrets\.|GITHUB_TOKEN|github\.token/);
  });

  it("writes the per-module table to the job summary, also for modules the time limit left out", () => {
    // A time limit already over when the first module would start: no Stryker run, only the summary.
    const work = mkdtempSync(path.join(os.tmpdir(), "workflow-summary-"));
    try {
      const summary = path.join(work, "step-summary.md");
      writeFileSync(summary, "earlier step\n");
      const args = ["--import", "tsx", "scripts/mutation.ts", "src/site/url-prefix.ts", "src/site/sitemap.ts", "--time-limit", "0.00001", "--reports", work];
      execFileSync(process.execPath, args, { cwd: projectRoot, stdio: "pipe", env: { ...process.env, GITHUB_STEP_SUMMARY: summary } });
      const text = readFileSync(summary, "utf8");
      assert.match(text, /^earlier step\n### Mutation score/, "appended after what earlier steps wrote");
      assert.match(text, /\| `src\/site\/sitemap\.ts` \| not scored: the time limit was reached before it ran \|/);
      assert.match(text, /\| `src\/site\/url-prefix\.ts` \| not scored: the time limit/);
      assert.equal(readFileSync(path.join(work, "summary.md"), "utf8"), text.slice("earlier step\n".length));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("the deploy workflow", () => {
  const workflow = readWorkflow("deploy.yml");
  const build = workflow.jobs.build;
  const deploy = workflow.jobs.deploy;

  it("runs on pushes to main", () => {
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ["main"]);
  });

  it("grants Pages and id-token write to the deploy job only", () => {
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.equal(build.permissions, undefined);
    assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
  });

  it("builds with the repository's name as the path prefix and checks the links under it", () => {
    assert.equal(build.env?.PATH_PREFIX, "/${{ github.event.repository.name }}/");
    assert.equal(build.env?.ARCHIVE_SITE_URL, "https://${{ github.repository_owner }}.github.io", "absolute URLs point at the Pages site");
    stepIndex(build, runs(/^npm run build -- --path-prefix "\$PATH_PREFIX"$/), "builds with the prefix");
    stepIndex(build, runs(/check-links\.ts --dir _site --path-prefix "\$PATH_PREFIX"/), "checks links with the prefix");
  });

  it("restores the last build's cache (its state, Markdown and site) before building, and saves a new entry per commit", () => {
    const restore = stepIndex(build, uses("actions/cache"), "restores the build cache");
    const built = stepIndex(build, runs(/npm run build/), "builds");
    assert.ok(restore > stepIndex(build, runs(/^npm ci$/), "installs") && restore < built, "restored after npm ci, before the build");
    const cache = build.steps[restore].with!;
    const paths = String(cache.path).trim().split("\n").map((p) => p.trim());
    assert.deepEqual(paths.sort(), [".cache", "_site", "_site.prev", "generated"], "the cache and what it describes travel together (the kept previous site too)");
    assert.match(String(cache.key), /\$\{\{ github\.sha \}\}/, "a new entry per commit (entries cannot be overwritten)");
    assert.ok(String(cache.key).startsWith(String(cache["restore-keys"]).trim()), "the newest earlier entry is restored");
    assert.doesNotMatch(build.steps[built].run!, /--no-cache/);
  });

  it("configures Pages and uploads _site after the build", () => {
    const built = stepIndex(build, runs(/npm run build/), "builds");
    assert.ok(stepIndex(build, uses("actions/configure-pages"), "configures Pages") > built);
    const upload = stepIndex(build, uses("actions/upload-pages-artifact"), "uploads the site");
    assert.ok(upload > built);
    assert.equal(build.steps[upload].with?.path, "_site");
  });

  it("deploys in a separate job in the github-pages environment, after the build", () => {
    assert.deepEqual(deploy.needs, ["build", "merge"]);
    assert.equal(deploy.environment?.name, "github-pages");
    const step = deploy.steps[stepIndex(deploy, uses("actions/deploy-pages"), "deploys")];
    assert.match(deploy.environment?.url ?? "", new RegExp(`steps\\.${step.id}\\.outputs\\.page_url`));
  });
});

describe("the deploy workflow's sharded build", () => {
  const workflow = readWorkflow("deploy.yml");
  const { build, plan: planJob, analyze, summary, shard, merge, deploy } = workflow.jobs;
  const job = (name: string, vars: Record<string, string>, needs: Record<string, string> = {}) => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) values[`vars.${k}`] = v;
    for (const [k, v] of Object.entries(needs)) values[`needs.${k}.result`] = v;
    const succeeded = Object.values(needs).every((r) => r === "success");
    return jobRuns(workflow.jobs[name].if, { values, needsSucceeded: succeeded });
  };

  it("stays one build job unless the repository variable ARCHIVE_SHARDS asks for shards", () => {
    for (const unset of [{}, { ARCHIVE_SHARDS: "" }, { ARCHIVE_SHARDS: "1" }] as Record<string, string>[]) {
      assert.equal(job("build", unset), true, `build runs with ${JSON.stringify(unset)}`);
      assert.equal(job("plan", unset), false, `no sharded build with ${JSON.stringify(unset)}`);
    }
    assert.equal(job("build", { ARCHIVE_SHARDS: "4" }), false);
    assert.equal(job("plan", { ARCHIVE_SHARDS: "4" }), true);
    // A value that is no number still takes the sharded path, where its plan step says what is wrong.
    assert.equal(job("plan", { ARCHIVE_SHARDS: "four" }), true);
    // Every other job of the sharded build waits for the plan (and is skipped with it).
    assert.equal(analyze.needs, "plan");
    assert.deepEqual(summary.needs, ["plan", "analyze"]);
    assert.deepEqual(shard.needs, ["plan", "summary"]);
    for (const j of [analyze, summary, shard]) assert.equal(j.if, undefined, "runs only when the jobs it needs succeeded");
  });

  it("deploys after whichever way built the site, and never after a failure", () => {
    assert.equal(job("deploy", {}, { build: "success", merge: "skipped" }), true);
    assert.equal(job("deploy", {}, { build: "skipped", merge: "success" }), true);
    assert.equal(job("deploy", {}, { build: "failure", merge: "skipped" }), false);
    assert.equal(job("deploy", {}, { build: "skipped", merge: "failure" }), false);
    assert.equal(job("deploy", {}, { build: "skipped", merge: "skipped" }), false);
  });

  it("plans one shard job per shard, and stops with an error for a count it cannot run", () => {
    const plan = planJob.steps[stepIndex(planJob, (s) => s.id === "plan", "plans the shards")];
    assert.equal(plan.run!.includes("${{"), false, "the variable reaches the script through the environment, not pasted into it");
    assert.match(JSON.stringify(plan), /"ARCHIVE_SHARDS":"\$\{\{ vars\.ARCHIVE_SHARDS \}\}"/);
    assert.deepEqual(runPlan(plan.run!, "4"), { ok: true, output: "shards=[1,2,3,4]\ncount=4\nshares=[1,2,3,4]\n" });
    const upTo256 = `[${Array.from({ length: 256 }, (_, i) => i + 1).join(",")}]`;
    assert.deepEqual(runPlan(plan.run!, "256").output, `shards=${upTo256}\ncount=256\nshares=${upTo256}\n`);
    for (const bad of ["0", "1", "257", "four", "2.5", "-3", "08", "4; echo shards=[1]"]) {
      const result = runPlan(plan.run!, bad);
      assert.equal(result.ok, false, `ARCHIVE_SHARDS=${bad} is refused`);
      assert.match(result.output, /::error::The repository variable ARCHIVE_SHARDS must be a whole number of shard jobs from 2 to 256/);
    }
    assert.equal(planJob.outputs?.shards, "${{ steps.plan.outputs.shards }}");
    assert.equal(planJob.outputs?.count, "${{ steps.plan.outputs.count }}");
    assert.equal(planJob.outputs?.shares, "${{ steps.plan.outputs.shares }}");
    assert.equal(shard.strategy?.matrix?.shard, "${{ fromJSON(needs.plan.outputs.shards) }}");
    assert.equal(analyze.strategy?.matrix?.share, "${{ fromJSON(needs.plan.outputs.shares) }}", "one analysis job per share");
  });

  it("runs as many analysis jobs as shards, or as many as the repository variable ARCHIVE_ANALYSES says, and stops with an error for a count it cannot run", () => {
    const plan = planJob.steps[stepIndex(planJob, (s) => s.id === "plan", "plans the shards")];
    assert.match(JSON.stringify(plan), /"ARCHIVE_ANALYSES":"\$\{\{ vars\.ARCHIVE_ANALYSES \}\}"/);
    assert.deepEqual(runPlan(plan.run!, "4", "8"), { ok: true, output: "shards=[1,2,3,4]\ncount=4\nshares=[1,2,3,4,5,6,7,8]\n" });
    assert.deepEqual(runPlan(plan.run!, "4", "1"), { ok: true, output: "shards=[1,2,3,4]\ncount=4\nshares=[1]\n" });
    for (const bad of ["0", "257", "eight", "08", "8; echo shares=[1]"]) {
      const result = runPlan(plan.run!, "4", bad);
      assert.equal(result.ok, false, `ARCHIVE_ANALYSES=${bad} is refused`);
      assert.match(result.output, /::error::The repository variable ARCHIVE_ANALYSES must be a whole number of analysis jobs from 1 to 256/);
    }
  });

  it("fixes one day for the analysis and summary jobs, so a run across midnight reads dates alike", () => {
    const day = planJob.steps[stepIndex(planJob, (s) => s.id === "day", "fixes the day")];
    const work = mkdtempSync(path.join(os.tmpdir(), "workflow-day-"));
    try {
      const output = path.join(work, "output");
      writeFileSync(output, "");
      execFileSync("bash", ["-euo", "pipefail", "-c", day.run!], { env: { ...process.env, GITHUB_OUTPUT: output } });
      assert.match(readFileSync(output, "utf8"), /^day=\d{4}-\d{2}-\d{2}\n$/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    assert.equal(planJob.outputs?.day, "${{ steps.day.outputs.day }}");
    for (const [j, pattern] of [[analyze, /--analyze /], [summary, /--make-summary /]] as const) {
      assert.equal(j.env?.ARCHIVE_DAY, "${{ needs.plan.outputs.day }}");
      assert.match(j.steps[stepIndex(j, runs(pattern), "runs the build")].run!, /--now "\$ARCHIVE_DAY"/);
    }
  });

  it("shares the analysis between N analysis jobs, each with the last summary's cache, and hands every job's folder to the summary", () => {
    const analysed = stepIndex(analyze, runs(/^npm run build -- --analyze "\$SHARE\/\$SHARES" --now "\$ARCHIVE_DAY" --output "\$RUNNER_TEMP\/analysis"$/), "analyses its share");
    assert.ok(analysed > stepIndex(analyze, runs(/^npm ci$/), "installs"));
    assert.equal(analyze.env?.SHARE, "${{ matrix.share }}");
    assert.equal(analyze.env?.SHARES, "${{ strategy.job-total }}");
    // The cache is restored, never saved, by an analysis job (the summary saves it, with every share's analyses).
    const restore = analyze.steps[stepIndex(analyze, uses("actions/cache/restore"), "restores the summary's cache")];
    assert.ok(analyze.steps.indexOf(restore) < analysed);
    assert.equal(analyze.steps.some(uses("actions/cache")), false, "no analysis job saves a cache");
    const summaryCache = summary.steps.find(uses("actions/cache"))!;
    assert.equal(String(restore.with?.path).trim(), String(summaryCache.with?.path).trim());
    assert.equal(String(restore.with?.["restore-keys"]).trim(), String(summaryCache.with?.["restore-keys"]).trim());

    const pack = analyze.steps[stepIndex(analyze, runs(/^tar -cf/), "packs the analyses")].run!;
    const upload = analyze.steps[stepIndex(analyze, uses("actions/upload-artifact"), "uploads the analyses")];
    assert.equal(upload.with?.name, "archive-analysis-${{ matrix.share }}");
    const download = summary.steps[stepIndex(summary, uses("actions/download-artifact"), "downloads the analyses")];
    assert.equal(download.with?.pattern, "archive-analysis-*");
    assert.equal(download.with?.["merge-multiple"], undefined, "one folder per artifact");
    const made = summary.steps[stepIndex(summary, runs(/npm run build -- --make-summary/), "makes the summary")];
    assert.ok(summary.steps.indexOf(made) > summary.steps.indexOf(download));
    // Run the scripts as the runners would: three analysis jobs, then the summary (npm recorded, not run).
    const work = mkdtempSync(path.join(os.tmpdir(), "workflow-analyses-"));
    try {
      for (const n of [1, 2, 3]) {
        const temp = path.join(work, `runner-${n}`);
        mkdirSync(path.join(temp, "analysis", "ingest"), { recursive: true });
        writeFileSync(path.join(temp, "analysis", "analysis.json"), `{"share": ${n}}`);
        writeFileSync(path.join(temp, "analysis", "ingest", `${n}.json`), "{}");
        execFileSync("bash", ["-euo", "pipefail", "-c", pack], { env: { ...process.env, RUNNER_TEMP: temp, SHARE: String(n) } });
        const artifact = path.join(work, "summary-runner", "analysis-artifacts", interpolate(upload.with!.name as string, { "matrix.share": String(n) }));
        mkdirSync(artifact, { recursive: true });
        const file = interpolate(upload.with!.path as string, { "runner.temp": temp, "matrix.share": String(n) });
        writeFileSync(path.join(artifact, path.basename(file)), readFileSync(file));
      }
      const args = runWithFakeNpm(made.run!, path.join(work, "summary-runner"), { ARCHIVE_DAY: "2026-12-03", SHARDS: "3" });
      const folders = args.slice(args.indexOf("--analyses") + 1);
      assert.equal(folders.length, 3);
      assert.deepEqual(folders.map((f) => JSON.parse(readFileSync(path.join(f, "analysis.json"), "utf8")).share).sort(), [1, 2, 3]);
      for (const f of folders) assert.equal(readdirSync(path.join(f, "ingest")).length, 1, "the share's analyses came along");
      assert.deepEqual(args.slice(0, args.indexOf("--analyses")), ["run", "build", "--", "--make-summary", path.join(work, "summary-runner", "summary", "archive-summary.jsonl"), "--for-shards", "3", "--now", "2026-12-03"]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("makes the summary once, with each shard's articles beside it, and hands them to every shard job as an artifact", () => {
    const made = stepIndex(summary, runs(/npm run build -- --make-summary "\$RUNNER_TEMP\/summary\/archive-summary\.jsonl" --for-shards "\$SHARDS"/), "makes the summary");
    assert.equal(summary.env?.SHARDS, "${{ needs.plan.outputs.count }}", "the summary is for as many shards as the matrix runs");
    assert.ok(made > stepIndex(summary, runs(/^npm ci$/), "installs"));
    const upload = summary.steps[stepIndex(summary, uses("actions/upload-artifact"), "uploads the summary")];
    assert.ok(summary.steps.indexOf(upload) > made);
    assert.equal(upload.with?.name, "archive-summary");
    assert.equal(upload.with?.path, "${{ runner.temp }}/summary", "the folder: the summary and the files of each shard's articles");
    const download = shard.steps[stepIndex(shard, uses("actions/download-artifact"), "downloads the summary")];
    assert.equal(download.with?.name, "archive-summary");
    const built = stepIndex(shard, runs(/npm run build -- --shard/), "builds the shard");
    assert.ok(built > shard.steps.indexOf(download) && built > stepIndex(shard, runs(/^npm ci$/), "installs"));
    assert.match(
      shard.steps[built].run!,
      new RegExp(`--shard "\\$SHARD/\\$SHARDS" --summary "\\$RUNNER_TEMP/summary/archive-summary\\.jsonl" --output "\\$RUNNER_TEMP/shard" --path-prefix "\\$PATH_PREFIX"`),
    );
    assert.equal(shard.env?.SHARD, "${{ matrix.shard }}");
    assert.equal(shard.env?.SHARDS, "${{ strategy.job-total }}", "N is the matrix's size");
    assert.equal(shard.env?.PATH_PREFIX, build.env?.PATH_PREFIX, "shards use the single build's path prefix");
    assert.equal(shard.env?.ARCHIVE_SITE_URL, build.env?.ARCHIVE_SITE_URL);
    assert.equal(merge.env?.PATH_PREFIX, build.env?.PATH_PREFIX);
    assert.equal(merge.env?.ARCHIVE_SITE_URL, build.env?.ARCHIVE_SITE_URL);
  });

  it("restores the last summary's ingest cache before making the summary, a new entry per commit", () => {
    const restore = stepIndex(summary, uses("actions/cache"), "restores the ingest cache");
    const made = stepIndex(summary, runs(/--make-summary/), "makes the summary");
    assert.ok(restore > stepIndex(summary, runs(/^npm ci$/), "installs") && restore < made);
    const cache = summary.steps[restore].with!;
    assert.equal(String(cache.path).trim(), ".cache");
    assert.match(String(cache.key), /\$\{\{ github\.sha \}\}/);
    assert.ok(String(cache.key).startsWith(String(cache["restore-keys"]).trim()), "the newest earlier entry is restored");
    assert.notEqual(String(cache["restore-keys"]).trim(), String(build.steps.find(uses("actions/cache"))?.with?.["restore-keys"] ?? "").trim(), "not the single build's cache, which holds a site too");
    assert.doesNotMatch(summary.steps[made].run!, /--no-cache/);
  });

  it("passes every shard's folder from its job to the merge, which checks the links and uploads the site for Pages", () => {
    const pack = shard.steps[stepIndex(shard, runs(/^tar -cf/), "packs the shard")].run!;
    const upload = shard.steps[stepIndex(shard, uses("actions/upload-artifact"), "uploads the shard")];
    assert.equal(upload.with?.name, "archive-shard-${{ matrix.shard }}");
    assert.equal(merge.needs, "shard");
    const download = merge.steps[stepIndex(merge, uses("actions/download-artifact"), "downloads the shards")];
    assert.equal(download.with?.pattern, "archive-shard-*");
    assert.equal(download.with?.["merge-multiple"], undefined, "one folder per artifact");
    const mergeStep = merge.steps[stepIndex(merge, runs(/npm run build -- --merge/), "merges")];
    // Run the two scripts as the runners would: three shard jobs, then the merge (npm recorded, not run).
    const work = mkdtempSync(path.join(os.tmpdir(), "workflow-shards-"));
    try {
      for (const n of [1, 2, 3]) {
        const temp = path.join(work, `runner-${n}`);
        mkdirSync(path.join(temp, "shard", "site", "articles"), { recursive: true });
        writeFileSync(path.join(temp, "shard", "shard.json"), `{"shard": ${n}}`);
        writeFileSync(path.join(temp, "shard", "site", "articles", `page-${n}.html`), "page");
        execFileSync("bash", ["-euo", "pipefail", "-c", pack], { env: { ...process.env, RUNNER_TEMP: temp, SHARD: String(n) } });
        // download-artifact puts each artifact in a folder named after it.
        const artifact = path.join(work, "merge-runner", "shard-artifacts", interpolate(upload.with!.name as string, { "matrix.shard": String(n) }));
        mkdirSync(artifact, { recursive: true });
        const file = interpolate(upload.with!.path as string, { "runner.temp": temp, "matrix.shard": String(n) });
        writeFileSync(path.join(artifact, path.basename(file)), readFileSync(file));
      }
      const args = runWithFakeNpm(mergeStep.run!, path.join(work, "merge-runner"), { PATH_PREFIX: "/repo/" });
      const folders = args.slice(args.indexOf("--merge") + 1, args.indexOf("--output"));
      assert.equal(folders.length, 3);
      assert.deepEqual(folders.map((f) => JSON.parse(readFileSync(path.join(f, "shard.json"), "utf8")).shard).sort(), [1, 2, 3]);
      for (const f of folders) assert.equal(readdirSync(path.join(f, "site", "articles")).length, 1, "the shard's pages came along");
      // The downloaded shards are the job's own: moved into the site, not linked.
      assert.deepEqual(args.slice(args.indexOf("--output")), ["--output", "_site", "--path-prefix", "/repo/", "--move-shards"]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const merged = stepIndex(merge, runs(/npm run build -- --merge/), "merges");
    assert.ok(stepIndex(merge, runs(/check-links\.ts --dir _site --path-prefix "\$PATH_PREFIX"/), "checks links") > merged);
    const pages = merge.steps[stepIndex(merge, uses("actions/upload-pages-artifact"), "uploads the site")];
    assert.ok(merge.steps.indexOf(pages) > merged);
    assert.equal(pages.with?.path, "_site");
  });

  it("keeps its artifacts a day, and gives no job but deploy any write permission", () => {
    for (const job of [analyze, summary, shard]) {
      const upload = job.steps.find(uses("actions/upload-artifact"))!;
      assert.equal(upload.with?.["retention-days"], 1);
      assert.equal(upload.with?.["if-no-files-found"], "error");
    }
    for (const job of [build, planJob, analyze, summary, shard, merge]) assert.equal(job.permissions, undefined);
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
    for (const job of [planJob, analyze, summary, shard, merge]) assert.ok(job["timeout-minutes"]! > 0, "each job has a time limit");
  });
});

/** Runs the plan step's script with ARCHIVE_SHARDS set; what it wrote to GITHUB_OUTPUT, or its error output. */
function runPlan(script: string, value: string, analyses = ""): { ok: boolean; output: string } {
  const work = mkdtempSync(path.join(os.tmpdir(), "workflow-plan-"));
  const output = path.join(work, "output");
  writeFileSync(output, "");
  try {
    execFileSync("bash", ["-euo", "pipefail", "-c", script], { env: { ...process.env, ARCHIVE_SHARDS: value, ARCHIVE_ANALYSES: analyses, GITHUB_OUTPUT: output }, stdio: "pipe" });
    return { ok: true, output: readFileSync(output, "utf8") };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: Buffer }).stdout ?? "") };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `${{ name }}` placeholders replaced by the given values. */
function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for ${name}`);
    return values[name];
  });
}

/** Runs a step's script with RUNNER_TEMP set and a stand-in `npm` that records its arguments; returns them. */
function runWithFakeNpm(script: string, runnerTemp: string, env: Record<string, string>): string[] {
  const bin = path.join(runnerTemp, "bin");
  mkdirSync(bin, { recursive: true });
  const recorded = path.join(runnerTemp, "npm-args");
  writeFileSync(path.join(bin, "npm"), `#!/bin/sh\nprintf '%s\\0' "$@" >> "${recorded}"\n`);
  chmodSync(path.join(bin, "npm"), 0o755);
  execFileSync("bash", ["-euo", "pipefail", "-c", script], { cwd: runnerTemp, stdio: "pipe", env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: runnerTemp } });
  return readFileSync(recorded, "utf8").split("\0").slice(0, -1);
}

describe("every workflow", () => {
  for (const name of ["pull-request.yml", "deploy.yml"]) {
    const workflow = readWorkflow(name);
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

    it(`${name} pins each action to a major version`, () => {
      for (const s of steps) if (s.uses) assert.match(s.uses, /^[\w-]+\/[\w-]+(\/[\w-]+)*@v\d+$/, s.uses);
    });

    it(`${name} puts no pull request text (titles, branch names) into a shell script`, () => {
      for (const s of steps) assert.doesNotMatch(s.run ?? "", /\$\{\{[^}]*(head_ref|pull_request\.(title|body|head))/, s.run);
    });
  }
});

/**
 * Runs the workflow's own check script in a throwaway repository whose last commit
 * adds, changes, renames and deletes articles, with a stand-in `npm` that records
 * its arguments. Returns the files given to `npm run check`, or undefined when it
 * did not run.
 */
function changedFilesPassedToCheck(script: string, options: { touchArticles?: boolean } = {}): string[] | undefined {
  const work = mkdtempSync(path.join(os.tmpdir(), "workflow-test-"));
  try {
    const repo = path.join(work, "repo");
    const bin = path.join(work, "bin");
    mkdirSync(path.join(repo, "articles"), { recursive: true });
    mkdirSync(bin);
    const recorded = path.join(work, "npm-args");
    writeFileSync(path.join(bin, "npm"), `#!/bin/sh\nprintf '%s\\0' "$@" >> "${recorded}"\n`);
    chmodSync(path.join(bin, "npm"), 0o755);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    const write = (file: string, text: string) => writeFileSync(path.join(repo, file), text);
    write("articles/changed.txt", "Before\n\nText.\n");
    write("articles/deleted.txt", "Gone\n\nText.\n");
    write("articles/renamed-old.txt", "A long enough article to be recognised as a rename by git.\n".repeat(5));
    write("README.md", "readme\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
    if (options.touchArticles !== false) {
      write("articles/changed.txt", "After\n\nText.\n");
      write("articles/new.txt", "New\n\nText.\n");
      write("articles/Has Space.txt", "Spaced\n\nText.\n");
      git("rm", "-q", "articles/deleted.txt");
      git("mv", "articles/renamed-old.txt", "articles/renamed-new.txt");
    }
    write("README.md", "readme changed\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pull request");
    execFileSync("bash", ["-euo", "pipefail", "-c", script], {
      cwd: repo,
      stdio: "pipe",
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: work },
    });
    let args: string[];
    try {
      args = readFileSync(recorded, "utf8").split("\0").slice(0, -1);
    } catch {
      return undefined;
    }
    assert.deepEqual(args.slice(0, 3), ["run", "check", "--"]);
    return args.slice(3).sort();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
