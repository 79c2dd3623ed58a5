import { parentPort } from "node:worker_threads";
import { scoreClaimedChunks, type RelatedScoringJob } from "./related-scoring.ts";

/**
 * The helper thread of findRelated (src/ingest/related.ts): scores the chunks of each job
 * it is sent that the calling thread has not claimed yet. It says "ready" once loaded and
 * never answers a job: the calling thread scores whatever this one has not finished, so a
 * helper that is slow to start, or fails, costs time and nothing else.
 */
parentPort!.postMessage("ready");
parentPort!.on("message", (job: RelatedScoringJob) => {
  try {
    scoreClaimedChunks(job);
  } catch {
    // The chunk it was scoring stays unfinished: the calling thread scores it.
  }
});
