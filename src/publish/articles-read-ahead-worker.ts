import { parentPort, workerData } from "node:worker_threads";
import { listArticleFiles } from "../ingest/article-files.ts";
import { readIntoSlabs } from "../util/file-slabs.ts";
import { SLAB_BYTES_PER_FILE, type ReadAheadAnswer, type ReadAheadAsk } from "./articles-read-ahead.ts";

/**
 * The thread of readArticlesAhead (src/publish/articles-read-ahead.ts): lists the articles
 * folder, reads every article file listed into slabs, and hands the slabs over (moved, not
 * copied), then ends.
 */
const { articlesDir } = workerData as ReadAheadAsk;
const listing = await listArticleFiles(articlesDir).catch(() => undefined);
if (!listing) parentPort!.postMessage(undefined satisfies ReadAheadAnswer);
else {
  const { reply, transfer } = readIntoSlabs(
    listing.files.map((f) => f.absolutePath),
    listing.files.length * SLAB_BYTES_PER_FILE,
  );
  const errors = listing.errors.map((e) => ({ file: e.file, reason: e.reason, line: e.line, hint: e.hint }));
  parentPort!.postMessage({ listing: { ...listing, errors }, reply } satisfies ReadAheadAnswer, transfer);
}
