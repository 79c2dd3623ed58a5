// A Stryker reporter that writes each mutant's result as soon as it is tested, so a run
// stopped early (the time limit, a shared machine's deadline) still leaves its survivors:
// Stryker's own reports are written only at the end. Every result goes as one JSON line to
// the file named by STRYKER_MUTANT_LOG; survivors and mutants no test covers are also printed.
import { appendFileSync, readFileSync } from "node:fs";
import { declareClassPlugin, PluginKind } from "@stryker-mutator/api/plugin";

const LEFT = new Set(["Survived", "NoCoverage"]);

class MutantLogReporter {
  sources = new Map();

  original(fileName, location) {
    let lines = this.sources.get(fileName);
    if (!lines) {
      try {
        lines = readFileSync(fileName, "utf8").split("\n");
      } catch {
        lines = [];
      }
      this.sources.set(fileName, lines);
    }
    const { start, end } = location;
    const picked = lines.slice(start.line - 1, end.line);
    if (picked.length === 0) return "";
    picked[picked.length - 1] = picked[picked.length - 1].slice(0, end.column - 1);
    picked[0] = picked[0].slice(start.column - 1);
    return picked.join("\n");
  }

  onMutantTested(result) {
    const { id, mutatorName, replacement, location, status, fileName } = result;
    const file = process.env.STRYKER_MUTANT_LOG;
    const line = { id, status, line: location.start.line, column: location.start.column, mutatorName, original: this.original(fileName, location), replacement };
    if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
    if (LEFT.has(status)) {
      const short = (s) => (s.length > 160 ? `${s.slice(0, 160)}…` : s).replace(/\n/g, "⏎");
      console.log(`${status}: ${fileName}:${location.start.line}:${location.start.column} ${mutatorName}: ${short(line.original)} → ${short(replacement ?? "")}`);
    }
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, "mutant-log", MutantLogReporter)];
