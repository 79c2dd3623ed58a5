import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { promisify } from "node:util";
import { checkArticles, decodeArchive, formatCheckSummary, formatGithubAnnotation, formatProblem, sortProblems, type CheckProblem } from "../../src/check/check.ts";
import { runCheck } from "../../src/check/run-check.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(projectRoot, "test/fixtures/check");
const NOW = new Date("2026-11-23T00:00:00Z");

function fixture(name: string): { file: string; bytes: Uint8Array } {
  return { file: name, bytes: readFileSync(path.join(FIXTURES, name)) };
}

/** Checks `targets` (default: every file) in an archive of the named fixtures. */
function check(archive: string[], targets?: string[]): CheckProblem[] {
  return checkArticles(archive.map(fixture), { now: NOW, targets: targets && new Set(targets) }).problems;
}

const errors = (problems: CheckProblem[]) => problems.filter((p) => p.severity === "error");
const warnings = (problems: CheckProblem[]) => problems.filter((p) => p.severity === "warning");

describe("check, one article at a time", () => {
  it("says nothing about an article with a headline, a date and a source", () => {
    assert.deepEqual(check(["2017-02-08-valid-article.txt"]), []);
  });

  it("refuses an empty file and says to add text or delete it", () => {
    const [problem, ...rest] = check(["empty.txt"]);
    assert.equal(rest.length, 0);
    assert.equal(problem.severity, "error");
    assert.match(problem.message, /is empty.*delete the file/);
  });

  it("refuses a binary file", () => {
    assert.match(errors(check(["binary.txt"]))[0].message, /binary file/);
  });

  it("refuses a file larger than 2 MiB, saying how large it is", () => {
    const huge = { file: "huge.txt", bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61) };
    const [problem] = checkArticles([huge], { now: NOW }).problems;
    assert.equal(problem.severity, "error");
    assert.match(problem.message, /2\.0 MiB, larger than 2 MiB/);
  });

  it("reads a Windows-1252 file without an error", () => {
    assert.deepEqual(errors(check(["windows-1252.txt"])), []);
  });

  it("refuses a front matter key contributors cannot set, on that key's line", () => {
    const [problem] = errors(check(["front-matter-unknown-key.txt"]));
    assert.equal(problem.line, 3);
    assert.match(problem.message, /"permalink" cannot be set.*Allowed keys: title/);
  });

  it("refuses a front matter date that is not a date, on its line", () => {
    const [problem] = errors(check(["front-matter-bad-date.txt"]));
    assert.equal(problem.line, 2);
    assert.match(problem.message, /"date" must be YYYY-MM-DD/);
  });

  it("refuses front matter that is not valid YAML", () => {
    assert.match(errors(check(["front-matter-invalid-yaml.txt"]))[0].message, /not valid YAML/);
  });

  it("refuses a file with front matter but no article text", () => {
    assert.match(errors(check(["front-matter-only.txt"]))[0].message, /no article text/);
  });

  it("takes a contributor's title, date and source instead of warning that they are missing", () => {
    assert.deepEqual(check(["front-matter-corrections.txt"]), []);
  });

  it("refuses a body too short to be an article, counting its words", () => {
    const [problem] = errors(check(["too-short.txt"]));
    assert.match(problem.message, /has only 5 words of article text/);
  });

  it("warns when no headline is found, on the first line, and says how to add one", () => {
    const problems = check(["no-headline.txt"]);
    assert.deepEqual(errors(problems), []);
    const headline = problems.find((p) => /no headline/.test(p.message));
    assert.ok(headline, "a headline warning");
    assert.equal(headline.severity, "warning");
    assert.equal(headline.line, 1);
    assert.match(headline.message, /`title:` front matter/);
  });

  it("warns when no date or source is found, naming the front matter to add", () => {
    const problems = check(["no-date-or-source.txt"]);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.message.match(/`(\w+): /)?.[1]]),
      [
        ["warning", "date"],
        ["warning", "source"],
      ],
    );
  });

  it("lists each line it will drop as page furniture, with its line and text, but not a credit line (kept as the article's credits)", () => {
    const problems = check(["2017-02-08-page-furniture.txt"]);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line]),
      [["warning", 5]],
    );
    assert.match(problems[0].message, /"Up next" teaser: "Up Next"/);
  });
});

describe("check, against the whole archive", () => {
  it("refuses an exact copy retyped with other case and spacing, once, naming the first file", () => {
    const problems = errors(check(["exact-duplicate-a.txt", "exact-duplicate-b.txt"]));
    assert.deepEqual(
      problems.map((p) => p.file),
      ["exact-duplicate-b.txt"],
    );
    assert.match(problems[0].message, /same text as exact-duplicate-a\.txt/);
  });

  it("refuses a near-duplicate, naming the other file and how much they share", () => {
    const [problem, ...rest] = errors(check(["near-duplicate-a.txt", "near-duplicate-b.txt"]));
    assert.equal(rest.length, 0);
    assert.equal(problem.file, "near-duplicate-b.txt");
    assert.match(problem.message, /nearly the same text as near-duplicate-a\.txt \(\d\d% of their 5-word phrases/);
  });

  it("does not call two different articles duplicates", () => {
    assert.deepEqual(errors(check(["2017-02-08-valid-article.txt", "no-date-or-source.txt", "near-duplicate-a.txt", "exact-duplicate-a.txt"])), []);
  });

  it("refuses a front matter slug another file already asks for, on the slug's line", () => {
    const [problem, ...rest] = errors(check(["slug-collision-a.txt", "slug-collision-b.txt"]));
    assert.equal(rest.length, 0);
    assert.deepEqual([problem.file, problem.line], ["slug-collision-b.txt", 3]);
    assert.match(problem.message, /slug "harbor-festival" is also asked for by slug-collision-a\.txt/);
  });

  it("reports only on the files being checked, though it compares them with every file", () => {
    const archive = ["empty.txt", "near-duplicate-a.txt", "slug-collision-a.txt", "near-duplicate-b.txt", "slug-collision-b.txt"];
    const problems = errors(check(archive, ["near-duplicate-b.txt"]));
    assert.deepEqual(
      problems.map((p) => [p.file, /nearly the same text as near-duplicate-a/.test(p.message)]),
      [["near-duplicate-b.txt", true]],
    );
  });

  it("reports a new file that sorts before the archived copy it duplicates", () => {
    const problems = errors(check(["exact-duplicate-a.txt", "exact-duplicate-b.txt", "slug-collision-a.txt", "slug-collision-b.txt"], ["exact-duplicate-a.txt", "slug-collision-a.txt"]));
    assert.deepEqual(
      problems.map((p) => p.file),
      ["exact-duplicate-a.txt", "slug-collision-a.txt"],
    );
    assert.match(problems[0].message, /same text as exact-duplicate-b\.txt/);
    assert.match(problems[1].message, /also asked for by slug-collision-b\.txt/);
  });

  it("counts only the files being checked", () => {
    const result = checkArticles(["near-duplicate-a.txt", "near-duplicate-b.txt", "empty.txt"].map(fixture), { now: NOW, targets: new Set(["empty.txt"]) });
    assert.equal(formatCheckSummary(result), "checked 1 file: 1 error, 0 warnings");
  });
});

describe("check's output", () => {
  it("prints file:line: severity: message, and file: severity: message without a line", () => {
    assert.equal(formatProblem({ file: "articles/a.txt", line: 3, severity: "error", message: "bad." }), "articles/a.txt:3: error: bad.");
    assert.equal(formatProblem({ file: "articles/a.txt", severity: "warning", message: "hm." }), "articles/a.txt: warning: hm.");
  });

  it("escapes GitHub annotations so a message cannot end the command early", () => {
    assert.equal(
      formatGithubAnnotation({ file: "articles/a,b.txt", line: 2, severity: "error", message: "50% done\nnext: line" }),
      "::error file=articles/a%2Cb.txt,line=2::50%25 done%0Anext: line",
    );
  });
});

describe("check's files from the command line", async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "check-test-"));
  const articles = path.join(work, "articles");
  await mkdir(articles);
  for (const name of ["2017-02-08-valid-article.txt", "near-duplicate-a.txt", "near-duplicate-b.txt"]) await copyFile(path.join(FIXTURES, name), path.join(articles, name));
  // Unsafe names are made here, not committed: some file systems and tools mangle them.
  await writeFile(path.join(articles, "Bad Name.txt"), "");
  await writeFile(path.join(work, "outside.txt"), "Some text outside the articles folder.");
  after(() => rm(work, { recursive: true, force: true }));

  const run = (files: string[]) => runCheck({ articlesDir: "articles", files, cwd: work, now: NOW });

  it("names files as given from the repository root, and skips a deleted file quietly", async () => {
    const result = await run(["articles/near-duplicate-b.txt", "articles/deleted.txt"]);
    assert.equal(result.checked, 1);
    assert.deepEqual(errors(result.problems).map((p) => p.file), ["articles/near-duplicate-b.txt"]);
    assert.match(errors(result.problems)[0].message, /near-duplicate-a\.txt/);
  });

  it("refuses an unsafe file name and still checks what the file holds", async () => {
    const result = await run(["articles/Bad Name.txt"]);
    const messages = errors(result.problems).map((p) => `${p.file}: ${p.message}`);
    assert.equal(messages.length, 2, messages.join("\n"));
    assert.match(messages[0], /^articles\/Bad Name\.txt: "Bad Name\.txt" is not a safe file name/);
    assert.match(messages[1], /^articles\/Bad Name\.txt: is empty/);
  });

  it("refuses a file outside the articles folder", async () => {
    const result = await run(["outside.txt"]);
    assert.match(errors(result.problems)[0].message, /is not in the articles folder/);
  });

  it("checks every file when none is given", async () => {
    const result = await run([]);
    assert.equal(result.checked, 4);
  });

  it("exits 1 with file:line problems and a summary line when a file has errors, 0 when it has none", async () => {
    const exec = promisify(execFile);
    const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVE_NOW: "2026-11-23" };
    delete env.GITHUB_ACTIONS;
    const script = path.join(projectRoot, "scripts/check.ts");
    // The project's own tsx: `npx tsx` from a folder outside the project would fetch one.
    const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
    const failed = await exec(tsx, [script, "--articles", "articles", "articles/near-duplicate-b.txt"], { cwd: work, env }).then(
      () => assert.fail("expected a non-zero exit"),
      (e: { code: number; stdout: string }) => e,
    );
    assert.equal(failed.code, 1);
    const lines = failed.stdout.trim().split("\n");
    assert.match(lines[0], /^articles\/near-duplicate-b\.txt: error: is nearly the same text as articles\/near-duplicate-a\.txt/);
    for (const line of lines.slice(0, -1)) assert.match(line, /^articles\/near-duplicate-b\.txt(:\d+)?: (error|warning): \S/);
    assert.equal(lines.at(-1), "checked 1 file: 1 error, 2 warnings");

    const passed = await exec(tsx, [script, "--articles", "articles", "articles/2017-02-08-valid-article.txt"], { cwd: work, env });
    assert.equal(passed.stdout, "checked 1 file: 0 errors, 0 warnings\n");
  });
});

describe("a whole-archive check of thousands of files", () => {
  const parallel = os.availableParallelism() >= 2;
  it("finds the same problems when worker threads share the work", { skip: parallel ? false : "needs at least 2 CPU cores to start a worker thread" }, async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "check-parallel-"));
    try {
      let seed = 1;
      const word = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return `w${(seed >>> 8) % 3000}`;
      };
      const files: { file: string; bytes: Uint8Array }[] = [];
      for (let i = 0; i < 2500; i++) {
        const body = Array.from({ length: 40 + (i % 60) }, word).join(" ");
        // Every 500th file copies the one before it; every 7th has no headline.
        const text = i % 500 === 499 ? new TextDecoder().decode(files[i - 1].bytes) : i % 7 === 0 ? `${body}\n` : `Headline number ${i}\n\n${body}\n`;
        files.push({ file: `article-${String(i).padStart(5, "0")}.txt`, bytes: new TextEncoder().encode(text) });
      }
      await mkdir(path.join(work, "articles"));
      await Promise.all(files.map((f) => writeFile(path.join(work, "articles", f.file), f.bytes)));
      const inThreads = await runCheck({ articlesDir: "articles", cwd: work, now: NOW });
      const inOneThread = checkArticles(files, { now: NOW, label: (f) => `articles/${f}` });
      assert.equal(inThreads.checked, 2500);
      assert.equal(errors(inThreads.problems).length, 5);
      assert.deepEqual(sortProblems(inThreads.problems).map(formatProblem), sortProblems(inOneThread.problems).map(formatProblem));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
