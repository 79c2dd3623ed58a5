// StrykerJS settings shared by every mutation run. `npm run test:mutation` (scripts/mutation.ts)
// runs Stryker once per source module, adding `mutate` (that module), `tap.testFiles` (the
// unit tests that import it) and the report paths; see README.md, "Mutation testing".
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // node:test prints TAP when its output is not a terminal; each test file runs as
  // `node --import tsx <file>`, as `npm test` runs it.
  testRunner: "tap",
  tap: {
    testFiles: ["test/unit/*.test.ts"],
    nodeArgs: ["--import", "tsx"],
    // Stop a test file at its first failing test: one failure kills the mutant.
    forceBail: true,
  },
  // Per-test coverage: a mutant runs only the test files that executed its code.
  coverageAnalysis: "perTest",
  // The machines have 2 cores.
  concurrency: 2,
  // Stryker rewrites tsconfig.json's `extends`/`references` for its sandbox with the
  // TypeScript compiler API, which TypeScript 7 (the native compiler) no longer has. Ours
  // has neither, so Stryker is pointed at a file that does not exist and leaves it alone.
  tsconfigFile: "tsconfig.stryker-has-nothing-to-rewrite.json",
  // Build output and caches are not copied into Stryker's sandbox.
  ignorePatterns: ["_site", "_site.*", "generated", ".cache", "test-results", "reports"],
  // A busy machine (shared cores) makes tests slower; wait longer before calling a mutant a timeout.
  timeoutMS: 10000,
  reporters: ["clear-text", "progress", "json", "html", "mutant-log"],
  // Each mutant's result as it is tested (scripts/mutation/mutant-log-reporter.mjs): the
  // reports above are written only at the end, so a run stopped early would lose its survivors.
  appendPlugins: ["./scripts/mutation/mutant-log-reporter.mjs"],
  clearTextReporter: { reportTests: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
};
