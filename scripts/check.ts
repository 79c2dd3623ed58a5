import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatCheckSummary, formatGithubAnnotation, formatProblem, sortProblems } from "../src/check/check.ts";
import { runCheck } from "../src/check/run-check.ts";
import { createReporter } from "../src/reporter.ts";
import { configFromCommandLine, parseArgs } from "./cli-args.ts";

// npm run check [--articles DIR] [files...]: problems on stdout, progress on stderr.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values, positional } = parseArgs(process.argv.slice(2), { articles: "string", now: "string" });
const config = configFromCommandLine(root, values);
const reporter = createReporter(process.stderr, { quiet: positional.length > 0 && positional.length < 100 });

try {
  const stage = reporter.stage("check");
  const result = await runCheck({
    articlesDir: config.articlesDir,
    files: positional,
    // npm runs scripts from the package root; INIT_CWD is where the user typed `npm run check`.
    cwd: (process.env.npm_lifecycle_event === "check" && process.env.INIT_CWD) || process.cwd(),
    now: config.now,
    onProgress: (done, total) => stage.update(done, total),
  });
  stage.end();
  const problems = sortProblems(result.problems);
  const lines = problems.map(formatProblem);
  // On GitHub Actions the same problems also become annotations on the pull request's files.
  if (process.env.GITHUB_ACTIONS === "true") lines.push(...problems.map(formatGithubAnnotation));
  lines.push(formatCheckSummary(result));
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exitCode = problems.some((p) => p.severity === "error") ? 1 : 0;
} catch (error) {
  reporter.error((error as Error).message);
  process.exitCode = 2;
}
