/**
 * What a mutation run mutates and which tests it runs (`npm run test:mutation`).
 *
 * Each source module is mutated in its own Stryker run, against only the unit test
 * files that import it, directly or through other modules: Stryker's per-test coverage
 * then narrows each mutant to the test files that executed it. Tests under test/site and
 * test/browser build whole sites in child processes, which report no coverage; they are
 * too slow to run once per mutant and are left out.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The test files a mutation run may use, relative to the project root. */
export const UNIT_TEST_DIR = "test/unit";

// `import … from "./x.ts"`, `export … from "./x.ts"`, `import "./x.ts"`, `import("./x.ts")`,
// and `new URL("./worker.ts", import.meta.url)` (a worker's entry point).
const SPECIFIERS = [
  /\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g,
  /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
  /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
  /\bnew URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url/g,
];

/** The project files a TypeScript file imports (relative specifiers only), as project-relative paths. */
export function localImports(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const resolved = resolveModule(root, path.posix.join(path.posix.dirname(file), match[1]));
      if (resolved) found.add(resolved);
    }
  }
  return [...found].sort();
}

function resolveModule(root: string, spec: string): string | undefined {
  const candidates = [spec, spec.replace(/\.js$/, ".ts"), `${spec}.ts`, `${spec}/index.ts`];
  return candidates.find((c) => c.endsWith(".ts") && existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile());
}

/**
 * How many imports away a test file may be from the module and still run against its
 * mutants: 2 reaches the module's own tests and those of the modules that use it directly
 * (the ingest pipeline's, the site model's), and leaves out tests about other things that
 * happen to load it through a chain (the benchmark helpers' process sampling, the
 * corpus-backed tests that reach everything through the site build helper), which are
 * slow, timing-sensitive under load, or skipped in Stryker's sandbox.
 */
export const DEFAULT_DEPTH = 2;

/**
 * The unit test files that load `module` within `maxDepth` imports, nearest first: those
 * importing it directly (the module's own test file, named after it, leading), then those
 * reaching it through one more module, and so on, the slow `*-large` and `*-corpus` files
 * last at each depth. Stryker tries a mutant's tests in this
 * order and stops at the first that fails, so the quick, focused tests go first.
 */
export function testFilesFor(root: string, module: string, maxDepth = DEFAULT_DEPTH): string[] {
  const tests = readdirSync(path.join(root, UNIT_TEST_DIR))
    .filter((f) => f.endsWith(".test.ts"))
    .sort()
    .map((f) => `${UNIT_TEST_DIR}/${f}`);
  const importsOf = new Map<string, string[]>();
  const imports = (file: string) => {
    let list = importsOf.get(file);
    if (!list) importsOf.set(file, (list = localImports(root, file)));
    return list;
  };
  const ownName = `${path.posix.basename(module, ".ts")}.test.ts`;
  const ranked: Array<{ test: string; depth: number }> = [];
  for (const test of tests) {
    const depth = importDepth(test, module, imports);
    if (depth !== undefined && depth <= maxDepth) ranked.push({ test, depth });
  }
  const rank = (r: { test: string; depth: number }) => (path.posix.basename(r.test) === ownName && r.depth === 1 ? 0 : r.depth);
  return ranked.sort((a, b) => rank(a) - rank(b) || Number(isSlow(a.test)) - Number(isSlow(b.test)) || a.test.localeCompare(b.test)).map((r) => r.test);
}

/**
 * Test files kept apart because they are slow (archive-sized inputs, corpus runs): named
 * `*-large.test.ts` or `*-corpus.test.ts`. They go after the other files at the same depth,
 * so a mutant the quick tests kill never waits for them.
 */
function isSlow(test: string): boolean {
  return /-(?:large|corpus)\.test\.ts$/.test(test);
}

/** How many imports away `target` is from `start` (1 = imported directly), or undefined when unreachable. */
function importDepth(start: string, target: string, imports: (file: string) => string[]): number | undefined {
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const file of frontier) {
      for (const dep of imports(file)) {
        if (dep === target) return depth;
        if (!seen.has(dep)) {
          seen.add(dep);
          next.push(dep);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

/** A source file worth mutating: TypeScript under src/, not a type declaration. */
export function isMutable(file: string): boolean {
  return file.startsWith("src/") && file.endsWith(".ts") && !file.endsWith(".d.ts");
}

// `src/x.ts:100-300`: only the mutants on lines 100 to 300 (Stryker's own `mutate` syntax).
const LINE_RANGE = /^(.+\.ts):(\d+)-(\d+)$/;

/**
 * A mutation target split into its file and, when it names one (`file.ts:START-END`), its
 * line range: the tests are found by the file, Stryker is given the whole target.
 */
export function splitTarget(target: string): { file: string; lines?: { start: number; end: number } } {
  const match = LINE_RANGE.exec(target);
  if (!match) return { file: target };
  return { file: match[1], lines: { start: Number(match[2]), end: Number(match[3]) } };
}

/**
 * The files named on the command line, folders expanded to the mutable files under them,
 * project-relative and sorted. A file may carry a line range (`src/x.ts:100-300`), kept
 * on the target. Names outside src/ or missing, and empty ranges, are refused with a message.
 */
export function expandTargets(root: string, args: string[]): string[] {
  const out = new Set<string>();
  for (const arg of args) {
    const { file, lines } = splitTarget(arg);
    const rel = path.relative(root, path.resolve(root, file)).split(path.sep).join("/");
    const full = path.join(root, rel);
    if (!existsSync(full)) throw new Error(`${file}: no such file or folder.`);
    if (lines) {
      if (!isMutable(rel) || statSync(full).isDirectory()) throw new Error(`${arg}: a line range needs a TypeScript source file under src/.`);
      if (lines.start < 1 || lines.end < lines.start) throw new Error(`${arg}: the line range must be START-END with 1 ≤ START ≤ END.`);
      out.add(`${rel}:${lines.start}-${lines.end}`);
    } else if (statSync(full).isDirectory()) {
      for (const f of walk(root, rel)) if (isMutable(f)) out.add(f);
    } else if (isMutable(rel)) out.add(rel);
    else throw new Error(`${arg}: not a TypeScript source file under src/ (type declarations and tests are not mutated).`);
  }
  return [...out].sort();
}

function walk(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(root, `${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

/**
 * The mutable src/ files changed since `base`: committed on this branch since it left
 * `base` (their merge base), changed in the work tree, or new and not ignored. In a pull
 * request's CI, `base` is the merge commit's first parent, the branch it merges into.
 */
export function changedSourceFiles(root: string, base: string): string[] {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  let mergeBase: string;
  try {
    mergeBase = git("merge-base", base, "HEAD").trim();
  } catch {
    throw new Error(`git cannot find the merge base of ${base} and HEAD; pass --base with a branch or commit this clone has, or name the files.`);
  }
  const changed = git("diff", "--name-only", "--no-renames", "--diff-filter=AM", "-z", mergeBase, "--", "src").split("\0");
  const added = git("ls-files", "--others", "--exclude-standard", "-z", "--", "src").split("\0");
  return [...new Set([...changed, ...added])].filter((f) => f && isMutable(f) && existsSync(path.join(root, f))).sort();
}

/** The lines of a `mutants.jsonl` log holding a mutant that survived or that no test ran, sorted. */
export function survivorLines(log: string): number[] {
  const lines = new Set<number>();
  for (const [i, row] of log.split("\n").entries()) {
    if (row.trim() === "") continue;
    let entry: { status?: unknown; line?: unknown };
    try {
      entry = JSON.parse(row);
    } catch {
      throw new Error(`line ${i + 1} is not JSON; pass the mutants.jsonl a mutation run wrote.`);
    }
    if ((entry.status === "Survived" || entry.status === "NoCoverage") && Number.isInteger(entry.line)) lines.add(entry.line as number);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Sorted line numbers as START-END ranges of consecutive lines. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else out.push([line, line]);
  }
  return out;
}
