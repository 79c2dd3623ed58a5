import { ArticleError } from "../errors.ts";
import type { ArticleListing } from "../ingest/article-files.ts";
import { filesOfReply, type ReadAheadFiles, type ReadAheadReply } from "../util/file-slabs.ts";
import { startTypeScriptWorker } from "../util/ts-worker.ts";

/**
 * The articles folder listed and every listed file read in a thread of its own, while the
 * calling thread does something else: a build's ingest process reads its cache of analyses
 * meanwhile (at 100,000 articles about 10 s of parsing JSON, after which listing the
 * folder took 1 s and reading the files 3 s). An ArticleIngest takes the result for its
 * next run that reads everything (takeReadAhead in src/publish/ingest-stage.ts).
 *
 * The files come back as FileSlabs reads them (each a view of a slab, a large one a buffer
 * of its own), the slabs moved from the thread, not copied.
 */

/** What a slab is made for, per file to read: about twice the size of a news article's text. */
export const SLAB_BYTES_PER_FILE = 8 * 1024;

export interface ArticlesReadAhead {
  listing: ArticleListing;
  /** Every listed article file's bytes, or why it could not be read, by absolute path. */
  files: ReadAheadFiles;
}

/** What the thread is asked. */
export interface ReadAheadAsk {
  articlesDir: string;
}

/** A listing's error as the thread sends it (an ArticleError is made of it again here). */
export interface ListingErrorSent {
  file: string;
  reason: string;
  line?: number;
  hint?: string;
}

/** What the thread answers: undefined when the folder could not be listed. */
export type ReadAheadAnswer = { listing: Omit<ArticleListing, "errors"> & { errors: ListingErrorSent[] }; reply: ReadAheadReply } | undefined;

/** The listing and files of `answer`, as listArticleFiles and reading each listed file give them. */
export function articlesOfAnswer(answer: NonNullable<ReadAheadAnswer>): ArticlesReadAhead {
  const { listing, reply } = answer;
  const errors = listing.errors.map((e) => new ArticleError(e.file, e.reason, { line: e.line, hint: e.hint }));
  return { listing: { ...listing, errors }, files: filesOfReply(listing.files.map((f) => f.absolutePath), reply) };
}

/**
 * Lists `articlesDir` and reads every article file listed, in a thread. Resolves to
 * undefined when the folder cannot be listed (the run lists it again and says why) or the
 * thread failed (the run then lists and reads itself): a failed read-ahead costs time,
 * nothing else.
 */
export function readArticlesAhead(articlesDir: string): Promise<ArticlesReadAhead | undefined> {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = startTypeScriptWorker(new URL("./articles-read-ahead-worker.ts", import.meta.url), { workerData: { articlesDir } satisfies ReadAheadAsk });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (answer: ReadAheadAnswer) => {
      try {
        resolve(answer && articlesOfAnswer(answer));
      } catch {
        resolve(undefined);
      }
    });
    worker.once("error", () => resolve(undefined));
    // After an answer, resolving again changes nothing.
    worker.once("exit", () => resolve(undefined));
  });
}
