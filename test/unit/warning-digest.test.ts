import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { digestWarnings, reportWarnings, type FileWarning } from "../../src/warning-digest.ts";

const UNDATED = "no publication date found; it will be listed as undated. Add `date: YYYY-MM-DD` front matter, or `year: YYYY` to a _defaults.yml in its folder.";
const NO_SOURCE = "no source found. Add `source: Publisher Name` front matter if you know who published it.";
const undated = (file: string): FileWarning => ({ file, message: UNDATED, kind: "undated" });
const pad = (n: number) => String(n).padStart(5, "0");

describe("the digest of a build's warnings", () => {
  it("prints 10,000 identical warnings as one line with the count and the first three files", () => {
    const files = Array.from({ length: 10_000 }, (_, i) => `reuters/${pad(i + 1)}.txt`);
    // Out of order on purpose: the digest names files in order.
    const digest = digestWarnings([...files].reverse().map(undated), { articleFiles: files, folderLabel: (f) => `articles/${f}` });
    assert.deepEqual(digest.lines, [
      `10000 files: ${UNDATED} (reuters/00001.txt, reuters/00002.txt, reuters/00003.txt and 9997 more)`,
      "all 10000 articles in articles/reuters/ are undated. If they were published in one year or period, say so once in articles/reuters/_defaults.yml: `year: YYYY` or `period: YYYY-MM..YYYY-MM` (see CONTRIBUTING.md).",
    ]);
    assert.equal(digest.fullList.split("\n").length, 10_001);
    assert.equal(digest.fullList.split("\n")[0], `reuters/00001.txt: ${UNDATED}`);
  });

  it("prints a warning that only one file has as that file's own line, most frequent messages first", () => {
    const warnings = [undated("b.txt"), { file: "a.txt", message: NO_SOURCE }, undated("a.txt"), undated("c.txt")];
    assert.deepEqual(digestWarnings(warnings, { articleFiles: ["a.txt", "b.txt", "c.txt", "d.txt"], examples: 2 }).lines, [
      `3 files: ${UNDATED} (a.txt, b.txt and 1 more)`,
      `a.txt: ${NO_SOURCE}`,
    ]);
    assert.deepEqual(digestWarnings([undated("a.txt"), undated("b.txt")], { articleFiles: ["a.txt", "b.txt", "c.txt"] }).lines, [`2 files: ${UNDATED} (a.txt, b.txt)`]);
  });

  it("suggests a _defaults.yml for each folder whose every article is undated, and for no other", () => {
    const articleFiles = ["wire/a.txt", "wire/b.txt", "wire/1987/c.txt", "mixed/d.txt", "mixed/e.txt", "mixed/deep/f.txt", "mixed/deep/g.txt", "lone/h.txt", "top.txt"];
    const warnings = ["wire/a.txt", "wire/b.txt", "wire/1987/c.txt", "mixed/d.txt", "mixed/deep/f.txt", "mixed/deep/g.txt", "lone/h.txt"].map(undated);
    const suggestions = digestWarnings(warnings, { articleFiles }).lines.filter((l) => l.startsWith("all "));
    assert.deepEqual(
      suggestions.map((l) => l.replace(/ are undated.*/, "")),
      ["all 2 articles in mixed/deep/", "all 2 articles in wire/"],
      "not mixed/ (d.txt's neighbour e.txt is dated), not wire/1987/ or lone/ (a single article each), not the top (top.txt is dated)",
    );
  });

  it("orders messages by how many files have them, and names all files when there are no more than three", () => {
    const rare = "a rare warning about one file";
    const common = "zz a common warning";
    const warnings = [{ file: "x.txt", message: rare }, ...["a.txt", "b.txt", "c.txt"].map((file) => ({ file, message: common }))];
    assert.deepEqual(digestWarnings(warnings, { articleFiles: [] }).lines, [`3 files: ${common} (a.txt, b.txt, c.txt)`, `x.txt: ${rare}`]);
  });

  it("names a folder as its label gives it, with or without a closing slash", () => {
    const lines = digestWarnings(["a/x.txt", "a/y.txt"].map(undated), { articleFiles: ["a/x.txt", "a/y.txt"], folderLabel: (f) => `articles/${f}/` }).lines;
    assert.match(lines.at(-1)!, /^all 2 articles in articles\/a\/ are undated\. .* in articles\/a\/_defaults\.yml:/);
  });

  it("names the articles folder itself when none of the articles directly in it is dated", () => {
    const lines = digestWarnings(["a.txt", "b.txt", "c/d.txt"].map(undated), { articleFiles: ["a.txt", "b.txt", "c/d.txt"] }).lines;
    assert.match(lines.at(-1)!, /^all 2 articles in the articles folder are undated\. .*say so once in _defaults\.yml:/);
  });

  it("does not count other warnings as undated", () => {
    const lines = digestWarnings(["a.txt", "b.txt"].map((file) => ({ file, message: NO_SOURCE })), { articleFiles: ["a.txt", "b.txt"] }).lines;
    assert.deepEqual(lines, [`2 files: ${NO_SOURCE} (a.txt, b.txt)`]);
  });
});

describe("reporting a build's warnings", () => {
  it("prints the digest, writes every warning to the list file and says where it is", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "warnings-"));
    try {
      const printed: string[] = [];
      const reporter = { warn: (l: string) => printed.push(`warning: ${l}`), info: (l: string) => printed.push(l) };
      const listFile = path.join(work, ".cache/build/warnings.txt");
      const files = ["reuters/a.txt", "reuters/b.txt", "reuters/c.txt", "reuters/d.txt"];
      await reportWarnings(files.map(undated), files, reporter, { articlesDir: path.join(work, "articles"), listFile, cwd: work });
      assert.deepEqual(printed, [
        `warning: 4 files: ${UNDATED} (reuters/a.txt, reuters/b.txt, reuters/c.txt and 1 more)`,
        "warning: all 4 articles in articles/reuters/ are undated. If they were published in one year or period, say so once in articles/reuters/_defaults.yml: `year: YYYY` or `period: YYYY-MM..YYYY-MM` (see CONTRIBUTING.md).",
        "All 4 warnings, one line per file: .cache/build/warnings.txt",
      ]);
      assert.equal(await readFile(listFile, "utf8"), files.map((f) => `${f}: ${UNDATED}\n`).join(""));

      printed.length = 0;
      await reportWarnings([undated("reuters/a.txt")], files, reporter, { articlesDir: path.join(work, "articles"), listFile, cwd: work });
      assert.deepEqual(printed, [`warning: reuters/a.txt: ${UNDATED}`, "All 1 warning, one line per file: .cache/build/warnings.txt"]);

      printed.length = 0;
      await reportWarnings([], files, reporter, { articlesDir: path.join(work, "articles"), listFile, cwd: work });
      assert.deepEqual(printed, []);
      await assert.rejects(stat(listFile), "a build without warnings leaves no list from an earlier build");
      await reportWarnings([], files, reporter, { articlesDir: path.join(work, "articles"), listFile, cwd: work });

      // Without a list file (--no-cache) the digest is printed and nothing is written.
      printed.length = 0;
      await reportWarnings(files.map(undated), files, reporter, { articlesDir: work, cwd: work });
      assert.deepEqual(printed.length, 2);
      assert.match(printed[1], /^warning: all 4 articles in reuters\/ are undated/);
      await assert.rejects(stat(listFile));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
