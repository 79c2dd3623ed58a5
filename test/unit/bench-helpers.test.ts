import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { formatSummary } from "../../src/publish/build.ts";
import { parseBuildSummary } from "../../src/bench/build-summary.ts";
import { pickCorpusArticles } from "../../src/bench/corpus-sample.ts";
import { descendantsOf, parseStatParentPid, parseVmRssBytes } from "../../src/bench/process-tree.ts";
import { sampleTreeRss } from "../../src/bench/rss-sampler.ts";
import { median } from "../../src/bench/stats.ts";
import { formatRatio, markdownTable } from "../../src/bench/table.ts";
import { SAFE_ARTICLE_NAME } from "../../src/ingest/article-files.ts";

describe("benchmark figures", () => {
  it("the median is the middle run whatever the order, the mean of the middle two for an even count", () => {
    assert.equal(median([9, 1, 5]), 5);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.throws(() => median([]));
  });

  it("reads back exactly what the build script prints as its summary", () => {
    const summary = { articles: 1000, pagesWritten: 4321, undated: 12, warnings: 345, seconds: { ingest: 1.234, render: 56.7, index: 8.9, total: 67.01 } };
    const printed = `ingest...\nwarning: a.txt: no date\n${formatSummary(summary)}\n`;
    assert.deepEqual(parseBuildSummary(printed), {
      articles: 1000,
      pages: 4321,
      undated: 12,
      warnings: 345,
      seconds: { ingest: 1.23, render: 56.7, index: 8.9, total: 67.01 },
    });
  });

  it("a build that failed before its summary yields no figures", () => {
    assert.equal(parseBuildSummary("ingest...\nerror: 3 of 10 article files could not be built\n"), undefined);
  });

  it("our wall time over the baseline's prints as a factor, and as a dash when a side is missing", () => {
    assert.equal(formatRatio(30, 10), "×3.00");
    assert.equal(formatRatio(30, undefined), "—");
    assert.equal(formatRatio(undefined, 10), "—");
  });
});

describe("process tree memory", () => {
  it("reads the parent pid even when the command name holds spaces and parentheses", () => {
    assert.equal(parseStatParentPid("4242 (node (a) b) S 17 4242 17 0 -1 4194560 1 0 0 0"), 17);
    assert.equal(parseStatParentPid(""), undefined);
  });

  it("reads resident memory in bytes, and 0 for a process that has none listed", () => {
    assert.equal(parseVmRssBytes("Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t   2048 kB\nVmHWM:\t 4096 kB\n"), 2048 * 1024);
    assert.equal(parseVmRssBytes("Name:\tzombie\nState:\tZ (zombie)\n"), 0);
  });

  it("the tree holds children and grandchildren but not siblings or the parent", () => {
    const parentOf = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 1],
      [14, 13],
    ]);
    assert.deepEqual(descendantsOf(10, parentOf).sort(), [10, 11, 12]);
  });

  it("the sampled peak includes memory held by a grandchild process", { skip: existsSync("/proc/self/stat") ? false : "no /proc on this system" }, async () => {
    const holdMiB = 150;
    // node → node that fills a buffer of holdMiB and holds it for a second.
    // Held for 3 s: on a machine busy with other work the sampler may get few turns.
    const inner = `const b = Buffer.alloc(${holdMiB} * 2 ** 20, 1); setTimeout(() => b.length, 3000);`;
    const child = spawn(process.execPath, ["-e", `require("child_process").spawnSync(process.execPath, ["-e", ${JSON.stringify(inner)}], { stdio: "inherit" })`], { stdio: "ignore" });
    const sampler = sampleTreeRss(child.pid!, 20);
    await new Promise((resolve) => child.on("close", resolve));
    const { peakBytes, samples } = await sampler.stop();
    assert.ok(samples > 2, `only ${samples} samples`);
    assert.ok(peakBytes >= holdMiB * 2 ** 20, `peak ${Math.round(peakBytes / 2 ** 20)} MiB is below the ${holdMiB} MiB the grandchild held`);
  });
});

describe("benchmark articles from the corpus", () => {
  const sources = [
    ...Array.from({ length: 800 }, (_, i) => `reuters21578/${String(i).padStart(5, "0")}.txt`),
    ...Array.from({ length: 100 }, (_, i) => `bbc/tech/${String(i).padStart(3, "0")}.txt`),
    ...Array.from({ length: 100 }, (_, i) => `buzzfeed_webis_2016/${String(i).padStart(4, "0")}.txt`),
  ].sort();

  it("fewer articles than the corpus holds are distinct files drawn from every set in proportion", () => {
    const picked = pickCorpusArticles(sources, 100);
    assert.equal(new Set(picked.map((p) => p.source)).size, 100);
    const fromSet = (set: string) => picked.filter((p) => p.source.startsWith(`${set}/`)).length;
    assert.equal(fromSet("reuters21578"), 80);
    assert.equal(fromSet("bbc"), 10);
    assert.equal(fromSet("buzzfeed_webis_2016"), 10);
  });

  it("more articles than the corpus holds repeat it under new names that the build accepts", () => {
    const picked = pickCorpusArticles(sources, 2500);
    assert.equal(picked.length, 2500);
    assert.equal(new Set(picked.map((p) => p.name)).size, 2500);
    for (const p of picked) assert.match(p.name, SAFE_ARTICLE_NAME);
    assert.equal(picked.filter((p) => p.round === 3).length, 500);
    assert.ok(picked.filter((p) => p.round > 1).every((p) => p.name.startsWith(`r${p.round}-`)));
  });
});

describe("the Markdown table", () => {
  it("pads every column to one width, right-aligns numbers and escapes pipes in cells", () => {
    const table = markdownTable(["what", "s"], [["a|b", "1.5"], ["longer name", "12.25"]], new Set(["s"]));
    const lines = table.split("\n");
    assert.equal(new Set(lines.map((l) => l.length)).size, 1, table);
    assert.equal(lines[1], "| ----------- | ----: |");
    assert.equal(lines[2], "| a\\|b        |   1.5 |");
  });

  it("refuses a row with the wrong number of cells", () => {
    assert.throws(() => markdownTable(["a", "b"], [["1"]]));
  });
});
