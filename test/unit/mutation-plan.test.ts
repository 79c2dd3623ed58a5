import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { changedSourceFiles, expandTargets, lineRanges, splitTarget, survivorLines, testFilesFor } from "../../scripts/mutation/plan.ts";
import { markdownSummary, mergeRetest, scoreOf, scoreReport, total, type MutantStatus, type ReportMutant } from "../../scripts/mutation/score.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "mutation-plan-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A throwaway project with the given files (path → text). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(scratch, "p-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("which unit tests run against a module's mutants", () => {
  const root = project({
    "src/a.ts": "export const a = 1;\n",
    "src/b.ts": 'import { a } from "./a.ts";\nexport const b = a;\n',
    "src/c.ts": 'export { b } from "./b.ts";\n',
    "src/d.ts": 'import "./c.js";\n',
    "src/pool.ts": 'new Worker(new URL("./worker.ts", import.meta.url));\n',
    "src/worker.ts": "export {};\n",
    "src/lazy.ts": 'export const load = () => import("./a.ts");\n',
    "test/unit/a.test.ts": 'import { a } from "../../src/a.ts";\n',
    "test/unit/also-a.test.ts": 'import { a } from "../../src/a.ts";\n',
    "test/unit/a-large.test.ts": 'import { a } from "../../src/a.ts";\n',
    "test/unit/a-corpus.test.ts": 'import { a } from "../../src/a.ts";\n',
    "test/unit/b.test.ts": 'import { b } from "../../src/b.ts";\n',
    "test/unit/d.test.ts": 'import "../../src/d.ts";\n',
    "test/unit/lazy.test.ts": 'import { load } from "../../src/lazy.ts";\n',
    "test/unit/pool.test.ts": 'import "../../src/pool.ts";\n',
    "test/unit/unrelated.test.ts": 'import { x } from "../helpers/x.ts";\n',
    "test/helpers/x.ts": "export const x = 1; // mentions src/a.ts only in a comment\n",
    "test/site/a.test.ts": 'import { a } from "../../src/a.ts";\n',
  });

  it("runs the module's own test first, then direct importers, then tests further away", () => {
    assert.deepEqual(testFilesFor(root, "src/a.ts", 10), [
      "test/unit/a.test.ts",
      "test/unit/also-a.test.ts",
      "test/unit/a-corpus.test.ts",
      "test/unit/a-large.test.ts",
      "test/unit/b.test.ts",
      "test/unit/lazy.test.ts",
      "test/unit/d.test.ts",
    ]);
  });

  it("puts the slow *-large and *-corpus files after the quick ones at the same depth", () => {
    assert.deepEqual(testFilesFor(root, "src/a.ts", 1), ["test/unit/a.test.ts", "test/unit/also-a.test.ts", "test/unit/a-corpus.test.ts", "test/unit/a-large.test.ts"]);
  });

  it("leaves out tests more than the given number of imports away", () => {
    assert.deepEqual(testFilesFor(root, "src/a.ts", 2).slice(4), ["test/unit/b.test.ts", "test/unit/lazy.test.ts"]);
    assert.equal(testFilesFor(root, "src/a.ts", 1).includes("test/unit/b.test.ts"), false);
  });

  it("follows a worker started from a URL, and .js specifiers of .ts files", () => {
    assert.deepEqual(testFilesFor(root, "src/worker.ts"), ["test/unit/pool.test.ts"]);
    assert.deepEqual(testFilesFor(root, "src/c.ts"), ["test/unit/d.test.ts"]);
  });

  it("runs no site or browser test, and none for a module no unit test imports", () => {
    assert.equal(testFilesFor(root, "src/a.ts", 10).includes("test/site/a.test.ts"), false);
    assert.deepEqual(testFilesFor(root, "src/pool.ts"), ["test/unit/pool.test.ts"]);
    writeFileSync(path.join(root, "src/orphan.ts"), "export const o = 1;\n");
    assert.deepEqual(testFilesFor(root, "src/orphan.ts"), []);
  });
});

describe("which files a mutation run mutates", () => {
  it("expands folders to their TypeScript sources, without type declarations", () => {
    const root = project({ "src/x/a.ts": "", "src/x/deep/b.ts": "", "src/x/types.d.ts": "", "src/x/notes.md": "", "src/y.ts": "" });
    assert.deepEqual(expandTargets(root, ["src/x", "src/y.ts", "./src/x/deep/b.ts"]), ["src/x/a.ts", "src/x/deep/b.ts", "src/y.ts"]);
  });

  it("refuses files outside src/ and names that do not exist, naming them", () => {
    const root = project({ "src/a.ts": "", "test/unit/a.test.ts": "", "scripts/s.ts": "" });
    assert.throws(() => expandTargets(root, ["test/unit/a.test.ts"]), /test\/unit\/a\.test\.ts: not a TypeScript source file under src\//);
    assert.throws(() => expandTargets(root, ["scripts/s.ts"]), /scripts\/s\.ts/);
    assert.throws(() => expandTargets(root, ["src/missing.ts"]), /src\/missing\.ts: no such file/);
  });

  it("keeps a file's line range, so a long module can be mutated a part at a time, and its tests are still the file's", () => {
    const root = project({ "src/a.ts": "", "src/b.ts": "", "test/unit/a.test.ts": 'import "../../src/a.ts";\n' });
    assert.deepEqual(expandTargets(root, ["./src/a.ts:100-300", "src/b.ts"]), ["src/a.ts:100-300", "src/b.ts"]);
    assert.deepEqual(splitTarget("src/a.ts:100-300"), { file: "src/a.ts", lines: { start: 100, end: 300 } });
    assert.deepEqual(splitTarget("src/a.ts"), { file: "src/a.ts" });
    assert.deepEqual(testFilesFor(root, splitTarget("src/a.ts:100-300").file), ["test/unit/a.test.ts"]);
  });

  it("refuses a line range that is empty, or on a folder or a file outside src/, naming it", () => {
    const root = project({ "src/a.ts": "", "src/x/b.ts": "", "scripts/s.ts": "" });
    assert.throws(() => expandTargets(root, ["src/a.ts:300-100"]), /src\/a\.ts:300-100: the line range must be START-END/);
    assert.throws(() => expandTargets(root, ["src/a.ts:0-10"]), /src\/a\.ts:0-10: the line range/);
    assert.throws(() => expandTargets(root, ["scripts/s.ts:1-5"]), /scripts\/s\.ts:1-5: a line range needs a TypeScript source file under src\//);
    assert.throws(() => expandTargets(root, ["src/missing.ts:1-5"]), /src\/missing\.ts: no such file/);
  });

  /** A repository whose `main` has src/kept.ts, src/edited.ts and src/removed.ts. */
  function repository(): { root: string; git: (...args: string[]) => string; write: (file: string, text: string) => void } {
    const root = project({ "src/kept.ts": "1\n", "src/edited.ts": "1\n", "src/removed.ts": "1\n", "README.md": "r\n" });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root, encoding: "utf8" });
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "base");
    return { root, git, write };
  }

  it("by default, the src/ files a branch added or changed since main, committed or not", () => {
    const { root, git, write } = repository();
    git("checkout", "-qb", "topic");
    write("src/edited.ts", "2\n");
    write("src/new/added.ts", "1\n");
    write("src/types.d.ts", "declare const x: 1;\n");
    write("README.md", "changed\n");
    git("rm", "-q", "src/removed.ts");
    git("add", "-A");
    git("commit", "-qm", "topic");
    write("src/kept.ts", "changed in the work tree\n");
    write("src/untracked.ts", "1\n");
    // main moving on after the branch left it changes nothing about the branch's files.
    git("checkout", "-q", "main");
    write("src/main-only.ts", "1\n");
    git("add", "src/main-only.ts");
    git("commit", "-qm", "main moves on");
    git("checkout", "-q", "topic");
    assert.deepEqual(changedSourceFiles(root, "main"), ["src/edited.ts", "src/kept.ts", "src/new/added.ts", "src/untracked.ts"]);
  });

  it("in a pull request's merge commit, the files changed against the base branch (its first parent)", () => {
    const { root, git, write } = repository();
    git("checkout", "-qb", "pr");
    write("src/edited.ts", "pr\n");
    git("commit", "-qam", "pr");
    git("checkout", "-q", "main");
    write("src/kept.ts", "main moved\n");
    git("commit", "-qam", "main moves");
    git("merge", "-q", "--no-ff", "--no-edit", "pr");
    assert.deepEqual(changedSourceFiles(root, "HEAD^1"), ["src/edited.ts"]);
  });

  it("says what to do when the base is unknown", () => {
    const { root } = repository();
    assert.throws(() => changedSourceFiles(root, "no-such-branch"), /merge base of no-such-branch.*--base/);
  });
});

describe("the mutation score", () => {
  const mutant = (status: MutantStatus, line = 1, replacement = "x"): ReportMutant => ({
    id: `${line}-${status}`,
    mutatorName: "EqualityOperator",
    replacement,
    status,
    location: { start: { line, column: 1 }, end: { line, column: 2 } },
  });
  const of = (...statuses: MutantStatus[]) => scoreOf("src/m.ts", statuses.map((s, i) => mutant(s, i + 1)));

  it("is killed ÷ (killed + survived), a mutant no test ran counting as survived", () => {
    assert.equal(of("Killed", "Killed", "Killed", "Survived").score, 75);
    assert.equal(of("Killed", "Killed", "Killed", "NoCoverage").score, 75);
    assert.equal(of("Killed", "Survived", "NoCoverage").score, 33.3);
  });

  it("counts a timeout as caught and leaves out mutants that could not run", () => {
    const s = of("Killed", "Timeout", "Survived", "Survived", "CompileError", "RuntimeError", "Ignored");
    assert.equal(s.score, 50);
    assert.deepEqual([s.killed, s.timeout, s.survived, s.noCoverage, s.errors], [1, 1, 2, 0, 2]);
  });

  it("has no score when no mutant counts, rather than 0% or 100%", () => {
    assert.equal(of().score, undefined);
    assert.equal(of("CompileError").score, undefined);
  });

  it("lists the live mutants by line", () => {
    const s = scoreOf("src/m.ts", [mutant("Survived", 9, "a >= b"), mutant("Killed", 3), mutant("NoCoverage", 4, "{}")]);
    assert.deepEqual(
      s.alive.map((a) => [a.line, a.status, a.replacement]),
      [
        [4, "NoCoverage", "{}"],
        [9, "Survived", "a >= b"],
      ],
    );
  });

  it("reads the module's mutants from a report, whatever the path's form", () => {
    const report = {
      files: {
        "src/m.ts": { source: "", mutants: [mutant("Killed"), mutant("Survived")] },
        "src/other.ts": { source: "", mutants: [mutant("Survived"), mutant("Survived")] },
      },
    };
    assert.equal(scoreReport("src/m.ts", report).score, 50);
    assert.equal(scoreReport("src/m.ts", { files: { "src\\m.ts": report.files["src/m.ts"] } }).score, 50);
  });

  it("totals over modules with the same rule, not as an average of percentages", () => {
    const t = total([of("Killed", "Killed", "Killed", "Survived"), of("Survived"), { module: "src/x.ts", reason: "time limit" }]);
    assert.equal(t.score, 60);
    assert.deepEqual([t.killed, t.survived], [3, 2]);
  });
});

describe("the mutation summary (the pull request's job summary)", () => {
  const alive = (replacement: string): ReportMutant => ({
    id: "1",
    mutatorName: "StringLiteral",
    replacement,
    status: "Survived",
    location: { start: { line: 7, column: 1 }, end: { line: 7, column: 2 } },
  });
  const killed: ReportMutant = { ...alive(""), id: "2", status: "Killed" };

  it("has a row per module with its score, marks scores below the target, and says why a module was not scored", () => {
    const text = markdownSummary(
      [scoreOf("src/good.ts", [killed, killed, killed, killed, alive("")]), scoreOf("src/weak.ts", [killed, alive("")]), { module: "src/late.ts", reason: "the time limit was reached before it ran" }],
      { target: 80, title: "Mutation score" },
    );
    assert.match(text, /\| `src\/good\.ts` \| 80\.0% \| 4 \| 0 \| 1 \| 0 \| 0 \|/);
    assert.match(text, /\| `src\/weak\.ts` \| 50\.0% \(below target\) \|/);
    assert.match(text, /\| `src\/late\.ts` \| not scored: the time limit was reached before it ran \|/);
    assert.match(text, /\| \*\*all scored modules\*\* \| 71\.4% \(below target\) \| 5 \|/);
  });

  it("lists each surviving mutant with its line, and code in it cannot become HTML on the page", () => {
    const text = markdownSummary([scoreOf("src/m.ts", [alive('"<img src=x onerror=alert(1)>"')])], { target: 80, title: "t" });
    assert.match(text, /- line 7, StringLiteral: <code>"&lt;img src=x onerror=alert\(1\)&gt;"<\/code>/);
    assert.doesNotMatch(text, /<img/);
  });

  it("says so when there is nothing to mutate", () => {
    assert.match(markdownSummary([], { target: 80, title: "t" }), /No src\/ module to mutate/);
  });
});

describe("re-testing only the lines an earlier run left mutants alive on (--retest)", () => {
  const log = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";

  it("takes the lines of survivors and of mutants no test ran, never of killed or timed-out ones, each once and in order", () => {
    const text = log(
      { id: "1", status: "Survived", line: 40 },
      { id: "2", status: "Killed", line: 12 },
      { id: "3", status: "NoCoverage", line: 7 },
      { id: "4", status: "Timeout", line: 13 },
      { id: "5", status: "Survived", line: 40 },
      { id: "6", status: "Survived", line: 8 },
      { id: "7", status: "RuntimeError", line: 9 },
    );
    assert.deepEqual(survivorLines(text), [7, 8, 40]);
  });

  it("finds nothing to re-test in a log where every mutant was killed", () => {
    assert.deepEqual(survivorLines(log({ id: "1", status: "Killed", line: 3 }, { id: "2", status: "Timeout", line: 4 })), []);
  });

  it("names the line of the log that is not JSON, so a wrong file is not read as having no survivors", () => {
    assert.throws(() => survivorLines(`${JSON.stringify({ status: "Survived", line: 1 })}\n<html>\n`), /line 2 is not JSON/);
  });

  it("groups consecutive lines into ranges and keeps gaps apart", () => {
    assert.deepEqual(lineRanges([3, 4, 5, 9, 11, 12]), [[3, 5], [9, 9], [11, 12]]);
    assert.deepEqual(lineRanges([1, 3]), [[1, 1], [3, 3]]);
    assert.deepEqual(lineRanges([]), []);
  });
});

describe("the score after a re-test: the earlier run with its re-tested lines replaced", () => {
  const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 2 } });
  const earlier = [
    { id: "1", status: "Killed", line: 5, column: 1, mutatorName: "A" },
    { id: "2", status: "Survived", line: 9, column: 1, mutatorName: "B" },
    { id: "3", status: "Killed", line: 9, column: 4, mutatorName: "C" },
    { id: "4", status: "NoCoverage", line: 12, column: 1, mutatorName: "D" },
    { id: "5", status: "Survived", line: 20, column: 1, mutatorName: "E" },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n");

  it("counts the re-test's results for its lines and the earlier run's for every other line", () => {
    const retested: ReportMutant[] = [
      { id: "a", status: "Killed", mutatorName: "B", location: at(9) },
      { id: "b", status: "Killed", mutatorName: "C", location: at(9) },
      { id: "c", status: "Survived", mutatorName: "D", location: at(12) },
    ];
    const merged = mergeRetest(earlier, retested);
    // Line 5 (killed) and 20 (survived) from the earlier run; 9 and 12 from the re-test.
    assert.deepEqual(merged.map((m) => `${m.location.start.line}:${m.status}`).sort(), ["12:Survived", "20:Survived", "5:Killed", "9:Killed", "9:Killed"]);
    const score = scoreOf("m", merged);
    assert.equal(score.killed, 3);
    assert.equal(score.survived, 2);
    assert.equal(score.noCoverage, 0);
    assert.equal(score.score, 60);
  });

  it("keeps the earlier run whole when the re-test mutated nothing", () => {
    assert.equal(mergeRetest(earlier, []).length, 5);
  });
});
