import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatSummary, type BuildSummary } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";

/** A stand-in for stderr that records what the reporter writes. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes, lines: () => writes.join("").split("\n").filter(Boolean) };
}

/** Runs `fn` with CI unset, as in a developer's terminal. */
function outsideCi<T>(fn: () => T): T {
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    return fn();
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
}

describe("build progress outside a terminal (CI, logs)", () => {
  it("a long stage prints its name, at most one count line per tenth, and its time", () => {
    const out = fakeStream(false);
    const stage = createReporter(out.stream).stage("ingest");
    const total = 2500;
    for (let done = 1; done <= total; done++) stage.update(done, total);
    const seconds = stage.end(`${total} articles`);

    const lines = out.lines();
    assert.equal(lines[0], "ingest...");
    const counts = lines.slice(1, -1).map((line) => {
      const match = /^ingest: (\d+)\/(\d+)$/.exec(line);
      assert.ok(match, `a progress line reads "ingest: done/total", got ${JSON.stringify(line)}`);
      assert.equal(Number(match[2]), total);
      return Number(match[1]);
    });
    assert.ok(counts.length >= 5 && counts.length <= 10, `${counts.length} progress lines for ${total} items`);
    const tenths = counts.map((n) => Math.floor((n / total) * 10));
    assert.deepEqual(tenths, [...new Set(tenths)].sort((a, b) => a - b), "one line per tenth, in order");
    assert.equal(lines.at(-1), `ingest: done in ${seconds.toFixed(2)} s (${total} articles)`);
    assert.ok(!out.writes.join("").includes("\r"), "no carriage returns in a log");
  });

  it("a short stage prints only its start and its time", () => {
    const out = fakeStream(false);
    const stage = createReporter(out.stream).stage("render");
    for (let done = 1; done <= 40; done++) stage.update(done, 40);
    stage.end("81 pages");
    assert.equal(out.lines().length, 2);
    assert.match(out.lines()[1], /^render: done in \d+\.\d{2} s \(81 pages\)$/);
  });

  it("warnings and errors are prefixed so they stand out in a log, and quiet mode prints nothing", () => {
    const out = fakeStream(false);
    const reporter = createReporter(out.stream);
    reporter.warn("a.txt: no publication date found");
    reporter.error("b.txt:3: bad front matter");
    reporter.info("Serving the archive");
    assert.deepEqual(out.lines(), ["warning: a.txt: no publication date found", "error: b.txt:3: bad front matter", "Serving the archive"]);

    const silent = fakeStream(false);
    const quiet = createReporter(silent.stream, { quiet: true });
    quiet.stage("ingest").end();
    quiet.warn("x");
    assert.deepEqual(silent.writes, []);
  });
});

describe("build progress in a terminal", () => {
  it("a stage redraws one line with a bar and a count, then clears it for the time", () => {
    const out = fakeStream(true);
    outsideCi(() => {
      const stage = createReporter(out.stream).stage("ingest");
      stage.update(0, 200);
      stage.update(100, 200);
      stage.update(200, 200);
      stage.end("200 articles");
    });
    const text = out.writes.join("");
    assert.ok(!text.startsWith("ingest...\n"), "no start line: the bar shows the stage");
    assert.match(text, /\ringest \[#{24}\] 200\/200/, "the last update draws a full bar");
    const cleared = text.indexOf("\r\x1b[K");
    assert.ok(cleared > 0 && !text.slice(0, cleared).includes("\n"), "the bar stays on one line until it is cleared");
    assert.match(text.slice(cleared), /^\r\x1b\[Kingest: done in \d+\.\d{2} s \(200 articles\)\n$/);
  });

  it("CI=true means plain lines even on a terminal", () => {
    const out = fakeStream(true);
    const saved = process.env.CI;
    process.env.CI = "true";
    try {
      createReporter(out.stream).stage("ingest").end();
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
    assert.equal(out.writes[0], "ingest...\n");
  });
});

describe("build summary", () => {
  const summary: BuildSummary = {
    articles: 10000,
    pagesWritten: 31234,
    undated: 17,
    warnings: 23,
    seconds: { ingest: 35.333, render: 120.5, index: 9.876, total: 165.709 },
  };

  it("counts articles, pages written, undated articles and warnings", () => {
    const [counts] = formatSummary(summary).split("\n");
    assert.match(counts, new RegExp(`\\b${summary.articles} articles\\b`));
    assert.match(counts, new RegExp(`\\b${summary.pagesWritten} pages\\b`));
    assert.match(counts, new RegExp(`\\b${summary.undated} undated\\b`));
    assert.match(counts, new RegExp(`\\b${summary.warnings} warnings\\b`));
  });

  it("gives each stage's time and the total in seconds with two decimals", () => {
    const times = formatSummary(summary).split("\n")[1];
    const stages: [string, number][] = [
      ["ingest", summary.seconds.ingest],
      ["render", summary.seconds.render],
      ["search index", summary.seconds.index],
      ["total", summary.seconds.total],
    ];
    for (const [name, seconds] of stages) assert.ok(times.includes(`${name} ${seconds.toFixed(2)} s`), `${name} in ${JSON.stringify(times)}`);
  });
});
