/**
 * Reads the two summary lines `scripts/build.ts` prints at the end (see `formatSummary`
 * in src/publish/build.ts), so the benchmark can run the build as a child process and
 * still report the build's own per-stage times.
 */
export interface ParsedBuildSummary {
  articles: number;
  pages: number;
  undated: number;
  warnings: number;
  seconds: { ingest: number; render: number; index: number; total: number };
}

const BUILT_LINE = /Built (\d+) articles into (\d+) pages; (\d+) undated; (\d+) warnings\./;
const TIME_LINE = /Time: ingest ([\d.]+) s, render ([\d.]+) s, search index ([\d.]+) s, total ([\d.]+) s\./;

/** The last summary in `output`, or undefined when the build printed none (it failed). */
export function parseBuildSummary(output: string): ParsedBuildSummary | undefined {
  const built = lastMatch(output, BUILT_LINE);
  const time = lastMatch(output, TIME_LINE);
  if (!built || !time) return undefined;
  return {
    articles: Number(built[1]),
    pages: Number(built[2]),
    undated: Number(built[3]),
    warnings: Number(built[4]),
    seconds: { ingest: Number(time[1]), render: Number(time[2]), index: Number(time[3]), total: Number(time[4]) },
  };
}

function lastMatch(text: string, pattern: RegExp): RegExpMatchArray | undefined {
  let found: RegExpMatchArray | undefined;
  for (const line of text.split("\n")) found = line.match(pattern) ?? found;
  return found;
}
