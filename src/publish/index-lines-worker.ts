import { parentPort } from "node:worker_threads";
import { linesBatch, type LinesAnswer, type LinesMessage, type ShardLinesPlan } from "./index-lines.ts";

/**
 * A helper thread of linesOfArticles (src/publish/index-lines.ts): told the shard plan
 * first, it answers each batch of articles with their lines, encoded, and hands the bytes
 * over (moved, not copied).
 */
let plan: ShardLinesPlan | undefined;
parentPort!.on("message", (message: LinesMessage) => {
  if (!("batch" in message)) {
    plan = message.plan;
    return;
  }
  let answer: LinesAnswer;
  const moved = new Set<ArrayBuffer>();
  try {
    const lines = linesBatch(message.articles, plan);
    // A buffer of a few kilobytes is a slice of Node's shared pool: that one is copied, then moved.
    const own = (bytes: Uint8Array) => {
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
      moved.add(whole.buffer as ArrayBuffer);
      return whole;
    };
    answer = { batch: message.batch, lines: { index: own(lines.index), ...(lines.shards && { shards: lines.shards.map((s) => ({ bytes: own(s.bytes), lines: s.lines })) }) } };
  } catch (error) {
    answer = { batch: message.batch, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer, [...moved]);
});
