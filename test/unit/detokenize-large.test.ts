/**
 * The detokenizer on large input: pathological lines (the whole output checked, and its
 * cost growing with the input, not its square) and the research corpus. Kept apart from
 * detokenize.test.ts because they take seconds (and the corpus helper loads the site
 * build), and a mutation run tries the module's own quick tests on each mutant first.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { detokenize, looksTreebankTokenized } from "../../src/ingest/detokenize.ts";
import { corpusArticles, corpusMissing } from "../helpers/corpus.ts";
import { assertLinearGrowth } from "../helpers/scaling.ts";

// ---- Pathological input: the whole output checked, and its cost growing with the input, not its square ----
// (no wall-clock limit: the speed figures live in npm run bench; test/helpers/scaling.ts says how cost is compared)

test("a 1 MB single line of Treebank text is rejoined throughout, at a cost that grows in step with its length", () => {
  const unit = "`` Trump 's aides do n't say , '' he wrote ( in the U.S . ) : $ 5 ... ";
  const lineOf = (chars: number) => unit.repeat(Math.ceil(chars / unit.length));
  const line = lineOf(1_000_000);
  assert.equal(looksTreebankTokenized(line), true);
  // Every repetition rejoined alike, to the last: none left spaced out past some length.
  const rejoined = "“Trump’s aides don’t say,” he wrote (in the U.S.): $5 ... ";
  assert.equal(detokenize(line), rejoined.repeat(line.length / unit.length));
  assertLinearGrowth("detecting and rejoining a long Treebank line", {
    input: (scale) => lineOf(125_000 * scale),
    run: (text) => detokenize(text) && looksTreebankTokenized(text),
  });
});

test("pathological punctuation runs are left as written and lose no character, at a cost that grows in step with their length", () => {
  const lineOf = (n: number) => "?".repeat(n) + "x " + "'".repeat(n) + " " + "( ".repeat(n / 2);
  const line = lineOf(200_000);
  assert.equal(looksTreebankTokenized(line), false, "runs of punctuation are not Treebank text, so ingest leaves them as written");
  const out = detokenize(line);
  // Rejoining removes spaces and may turn straight quotes curly; it never drops or adds anything else.
  const visible = (s: string) => s.replace(/[\s'`‘’“”]/g, "");
  assert.equal(visible(out), visible(line));
  assert.ok(out.startsWith(`${"?".repeat(200_000)}x `), "the question marks and the word are untouched");
  assert.ok(out.length <= line.length);
  assertLinearGrowth("detecting and rejoining runs of punctuation", {
    input: (scale) => lineOf(50_000 * scale),
    run: (text) => detokenize(text) && looksTreebankTokenized(text),
  });
});

// ---- Corpus (research copy, outside the repo) ----

test("almost no real articles in the research corpus are detected as tokenized", { skip: corpusMissing }, () => {
  let files = 0;
  const detected: string[] = [];
  for (const [path, text] of corpusArticles()) {
    files++;
    if (looksTreebankTokenized(text)) detected.push(path);
  }
  assert.ok(files > 20_000, `read ${files} files`);
  assert.ok(detected.length <= 5, `detected ${detected.length}: ${detected.slice(0, 5).join(", ")}`);
});
