import { BuildFailedError } from "./build.ts";

/**
 * A sharded build's mistakes a maintainer can fix: a bad --shard, a missing or stale
 * archive summary, shards that do not belong together. The message says what to do;
 * the command line prints it without a stack trace.
 */
export class ShardBuildError extends BuildFailedError {}

/**
 * Parses a sharded build's `I/N` (`--shard`, `--analyze`): the 0-based index and the
 * count, 1 ≤ I ≤ N; anything else is a ShardBuildError that shows `example`.
 */
export function parseOneOfN(value: string, flag: string, noun: string, example: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw new ShardBuildError(`${flag} "${value}" is not I/N: give the ${noun}'s number and the number of ${noun}s, like ${example}.`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ShardBuildError(`${flag} ${value}: there is at least one ${noun} (N ≥ 1); ${example}.`);
  if (index < 1 || index > count) throw new ShardBuildError(`${flag} ${value}: ${noun}s are numbered 1 to ${count}, so there is no ${noun} ${index} of ${count}; ${example}.`);
  return { index: index - 1, count };
}
