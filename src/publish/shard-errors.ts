import { BuildFailedError } from "./build.ts";

/**
 * A sharded build's mistakes a maintainer can fix: a bad --shard, a missing or stale
 * archive summary, shards that do not belong together. The message says what to do;
 * the command line prints it without a stack trace.
 */
export class ShardBuildError extends BuildFailedError {}
