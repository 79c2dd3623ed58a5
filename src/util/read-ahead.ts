import type { ReadAheadReply, ReadAheadRequest, ReadFailure } from "./file-slabs.ts";
import { startTypeScriptWorker } from "./ts-worker.ts";

/**
 * Reading many files in a thread of their own while this one does something else: a
 * build's ingest process lists the articles folder, has every listed file read here, and
 * meanwhile reads its cache of analyses (at 100,000 articles, about 10 s of parsing JSON on
 * this thread, where reading the files took 3 s after it).
 *
 * The bytes come back as FileSlabs reads them (each file a view of a slab, a large file a
 * buffer of its own), the slabs moved from the thread, not copied.
 */

export type { ReadFailure };

/** Path → its bytes, or why it could not be read. */
export type ReadAheadFiles = Map<string, Buffer | ReadFailure>;

/** Turns a reply for `paths` back into each file's bytes (views of the moved buffers) or failure. */
export function filesOfReply(paths: readonly string[], reply: ReadAheadReply): ReadAheadFiles {
  if (reply.files.length !== paths.length) throw new Error(`read ahead ${reply.files.length} files of ${paths.length}`);
  const files: ReadAheadFiles = new Map();
  paths.forEach((p, i) => {
    const read = reply.files[i];
    files.set(p, Array.isArray(read) ? Buffer.from(reply.buffers[read[0]], read[1], read[2]) : read);
  });
  return files;
}

/**
 * Starts reading `paths` in a thread of its own. Resolves to every path's bytes or failure,
 * or to undefined when the thread could not do it (it failed to start, or stopped): the
 * caller then reads the files itself, so a failed read-ahead costs time, nothing else.
 */
export function readFilesAhead(paths: readonly string[], slabBytes: number): Promise<ReadAheadFiles | undefined> {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = startTypeScriptWorker(new URL("./read-ahead-worker.ts", import.meta.url), { workerData: { paths, slabBytes } satisfies ReadAheadRequest });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (reply: ReadAheadReply) => {
      try {
        resolve(filesOfReply(paths, reply));
      } catch {
        resolve(undefined);
      }
    });
    worker.once("error", () => resolve(undefined));
    // After a reply, resolving again changes nothing.
    worker.once("exit", () => resolve(undefined));
  });
}
