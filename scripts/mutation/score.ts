/**
 * Mutation scores from Stryker's JSON report (the mutation-testing-report-schema).
 *
 * score = killed ÷ (killed + survived), where a mutant no test executed counts as
 * survived and one whose tests timed out (an endless loop, say) counts as killed.
 * Mutants that could not run (compile or runtime errors) and ignored ones are left out.
 */

export type MutantStatus = "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

export interface ModuleScore {
  module: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  /** Percent, one decimal; undefined when the module has no mutant that counts. */
  score: number | undefined;
  /** The mutants left alive, for the report: line, mutator and what replaced the code. */
  alive: Array<{ line: number; mutator: string; replacement: string; status: MutantStatus }>;
}

export function scoreOf(module: string, mutants: readonly ReportMutant[]): ModuleScore {
  const count = (...statuses: MutantStatus[]) => mutants.filter((m) => statuses.includes(m.status)).length;
  const killed = count("Killed");
  const timeout = count("Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const detected = killed + timeout;
  const counted = detected + survived + noCoverage;
  return {
    module,
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count("CompileError", "RuntimeError"),
    score: counted === 0 ? undefined : Math.round((1000 * detected) / counted) / 10,
    alive: mutants
      .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
      .map((m) => ({ line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? "", status: m.status }))
      .sort((a, b) => a.line - b.line || a.mutator.localeCompare(b.mutator)),
  };
}

/** One module's score from its report (the report of a run that mutated that module alone). */
export function scoreReport(module: string, report: MutationReport): ModuleScore {
  return scoreOf(module, moduleMutants(module, report));
}

/** The mutants a report holds for one module. */
export function moduleMutants(module: string, report: MutationReport): ReportMutant[] {
  return Object.entries(report.files)
    .filter(([file]) => file.split("\\").join("/").endsWith(module))
    .flatMap(([, f]) => f.mutants);
}

/** A module that was not scored, and why (no unit test loads it, the time limit, a failed run). */
export interface ModuleSkipped {
  module: string;
  reason: string;
}

export type ModuleOutcome = ModuleScore | ModuleSkipped;

const isScore = (o: ModuleOutcome): o is ModuleScore => "killed" in o;

/** The totals over the scored modules, with the same rule. */
export function total(outcomes: readonly ModuleOutcome[]): ModuleScore {
  const scored = outcomes.filter(isScore);
  const sum = (key: "killed" | "timeout" | "survived" | "noCoverage" | "errors") => scored.reduce((n, s) => n + s[key], 0);
  const detected = sum("killed") + sum("timeout");
  const counted = detected + sum("survived") + sum("noCoverage");
  return {
    module: "all scored modules",
    killed: sum("killed"),
    timeout: sum("timeout"),
    survived: sum("survived"),
    noCoverage: sum("noCoverage"),
    errors: sum("errors"),
    score: counted === 0 ? undefined : Math.round((1000 * detected) / counted) / 10,
    alive: [],
  };
}

const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The run as Markdown: a table of modules (score, killed, survived, no coverage, …) and,
 * folded under it, each surviving mutant, so a pull request's author sees which planted
 * bug no test noticed. `target` marks scores below it.
 */
export function markdownSummary(outcomes: readonly ModuleOutcome[], options: { target: number; title: string }): string {
  const lines = [`### ${options.title}`, ""];
  if (outcomes.length === 0) return [...lines, "No src/ module to mutate.", ""].join("\n");
  lines.push(
    `Score = killed ÷ (killed + survived), mutants no test ran counted as survived; target ${options.target}%.`,
    "",
    "| module | score | killed | timed out | survived | no coverage | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  const row = (s: ModuleScore, bold = false) => {
    const score = s.score === undefined ? "–" : `${s.score.toFixed(1)}%${s.score < options.target ? " (below target)" : ""}`;
    const name = bold ? `**${s.module}**` : `\`${s.module}\``;
    return `| ${name} | ${score} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.errors} |`;
  };
  for (const o of outcomes) lines.push(isScore(o) ? row(o) : `| \`${o.module}\` | not scored: ${escapeCell(o.reason)} | | | | | |`);
  if (outcomes.filter(isScore).length > 1) lines.push(row(total(outcomes), true));
  const withAlive = outcomes.filter(isScore).filter((s) => s.alive.length > 0);
  if (withAlive.length > 0) {
    lines.push("", "<details><summary>Surviving mutants (planted bugs no test noticed)</summary>", "");
    for (const s of withAlive) {
      lines.push(`**\`${s.module}\`**`, "");
      for (const a of s.alive) {
        const how = a.status === "NoCoverage" ? " (no test runs this line)" : "";
        lines.push(`- line ${a.line}, ${a.mutator}${how}: <code>${escapeHtml(a.replacement.replace(/\s+/g, " ").slice(0, 120))}</code>`);
      }
      lines.push("");
    }
    lines.push("</details>");
  }
  lines.push("");
  return lines.join("\n");
}

/**
 * An earlier run's mutants (its `mutants.jsonl` text) with the lines a `--retest` run
 * mutated again replaced by that run's results: the module's score after new tests, when
 * its source did not change between the two runs.
 */
export function mergeRetest(earlierLog: string, retested: readonly ReportMutant[]): ReportMutant[] {
  const lines = new Set(retested.map((m) => m.location.start.line));
  const kept: ReportMutant[] = [];
  for (const row of earlierLog.split("\n")) {
    if (row.trim() === "") continue;
    const m = JSON.parse(row) as { id: string; status: MutantStatus; line: number; column: number; mutatorName: string; replacement?: string };
    if (lines.has(m.line)) continue;
    const at = { line: m.line, column: m.column };
    kept.push({ id: m.id, status: m.status, mutatorName: m.mutatorName, replacement: m.replacement, location: { start: at, end: at } });
  }
  return [...kept, ...retested];
}
