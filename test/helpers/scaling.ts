/**
 * Does the work grow in proportion to the input, or with its square? For tests of
 * pathological input (a megabyte of one punctuation mark, tens of thousands of articles),
 * where the bug to catch is a quadratic scan or a backtracking regular expression: on a
 * real archive that is a build that takes hours instead of seconds.
 *
 * Not a benchmark (speed figures live in `npm run bench`) and no wall-clock limit: it
 * compares the CPU time this process spends (`process.cpuUsage`, which other programs on
 * a busy machine do not add to) on an input and on one eight times larger, each the best
 * of a few rounds. Linear work costs about 8 times as much on the larger input, quadratic
 * work 64 times; the check fails above `maxRatio` (24 by default, between the two on a
 * log scale, so that garbage collection and cache misses on the larger input do not fail
 * it). A larger cost under `floorMs` of CPU time is too small to compare and passes: the
 * sizes must be chosen so that quadratic work would cost well over it.
 *
 * The same ratio holds under mutation testing, where Stryker's coverage counters make all
 * code several times slower.
 */
import assert from "node:assert/strict";

export interface GrowthOptions<T> {
  /** The input at a scale: 1, and 8 (eight times larger). Built before timing starts. */
  input: (scale: number) => T;
  /** The work measured on one input. */
  run: (input: T) => unknown;
  /** Rounds at each size; the cheapest counts. */
  rounds?: number;
  /** The largest cost ratio accepted between scale 8 and scale 1. */
  maxRatio?: number;
  /** CPU milliseconds under which the larger input's cost is not compared. */
  floorMs?: number;
}

export interface Growth {
  /** CPU milliseconds at scale 1 and 8 (best round). */
  small: number;
  large: number;
  ratio: number;
}

/** CPU milliseconds (user and system) spent by `fn`. */
function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Measures how the cost grows from scale 1 to scale 8 and fails if it grows like a square. */
export function assertLinearGrowth<T>(what: string, options: GrowthOptions<T>): Growth {
  const { input, run, rounds = 3, maxRatio = 24, floorMs = 40 } = options;
  const small = input(1);
  const large = input(8);
  // A first run compiles the code paths; it is not counted.
  run(small);
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let i = 0; i < rounds; i++) {
    smallMs = Math.min(smallMs, cpuMs(() => run(small)));
    largeMs = Math.min(largeMs, cpuMs(() => run(large)));
  }
  const ratio = largeMs / Math.max(smallMs, 0.001);
  assert.ok(
    largeMs <= Math.max(maxRatio * smallMs, floorMs),
    `${what}: 8 times the input cost ${ratio.toFixed(1)} times the CPU time (${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms); ` +
      `linear work costs about 8 times, quadratic 64`,
  );
  return { small: smallMs, large: largeMs, ratio };
}
