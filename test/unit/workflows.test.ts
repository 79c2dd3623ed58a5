import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { changedSourceFiles } from "../../scripts/mutation/plan.ts";

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
  needs?: string | string[];
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

  it("configures Pages and uploads _site after the build", () => {
    const built = stepIndex(build, runs(/npm run build/), "builds");
    assert.ok(stepIndex(build, uses("actions/configure-pages"), "configures Pages") > built);
    const upload = stepIndex(build, uses("actions/upload-pages-artifact"), "uploads the site");
    assert.ok(upload > built);
    assert.equal(build.steps[upload].with?.path, "_site");
  });

  it("deploys in a separate job in the github-pages environment, after the build", () => {
    assert.equal(deploy.needs, "build");
    assert.equal(deploy.environment?.name, "github-pages");
    const step = deploy.steps[stepIndex(deploy, uses("actions/deploy-pages"), "deploys")];
    assert.match(deploy.environment?.url ?? "", new RegExp(`steps\\.${step.id}\\.outputs\\.page_url`));
  });
});

describe("every workflow", () => {
  for (const name of ["pull-request.yml", "deploy.yml"]) {
    const workflow = readWorkflow(name);
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

    it(`${name} pins each action to a major version`, () => {
      for (const s of steps) if (s.uses) assert.match(s.uses, /^[\w-]+\/[\w-]+@v\d+$/, s.uses);
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
