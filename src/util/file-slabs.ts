import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** A slab above glibc's largest mmap threshold (32 MiB on 64-bit): always a mapping of its own. */
export const MAX_SLAB_BYTES = 64 * 1024 * 1024;

/**
 * Reads many small files into shared slabs, each file's bytes a view of its slab.
 *
 * Node's readFileSync puts a file under 4 KB in its shared 8 KB pool, allocated from the
 * malloc heap: once the files are let go, the process keeps that memory (at 100,000
 * articles 131 MB its RSS never gave back, measured). A slab larger than malloc's mmap
 * threshold is a mapping of its own, given back to the system when the last file read into
 * it is let go. `slabBytes`: about what the files will take (a slab is only virtual memory
 * until written), at most MAX_SLAB_BYTES.
 */
export class FileSlabs {
  private slab: Buffer | undefined;
  private used = 0;
  private readonly slabBytes: number;

  constructor(slabBytes: number) {
    this.slabBytes = Math.max(1, Math.min(MAX_SLAB_BYTES, Math.floor(slabBytes)));
  }

  /** The file's bytes (as readFileSync reads a regular file: its size when opened). Throws what openSync or readSync throw. */
  read(file: string): Buffer {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      // A file larger than a quarter of a slab gets a buffer of its own.
      const target = size > this.slabBytes / 4 ? Buffer.allocUnsafeSlow(size) : this.room(size);
      const start = target === this.slab ? this.used : 0;
      let done = 0;
      while (done < size) {
        const n = readSync(fd, target, start + done, size - done, null);
        if (n === 0) break;
        done += n;
      }
      if (target === this.slab) this.used += done;
      return target.subarray(start, start + done);
    } finally {
      closeSync(fd);
    }
  }

  /** The current slab when `size` more bytes fit in it, else a new one. */
  private room(size: number): Buffer {
    if (!this.slab || this.used + size > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(this.slabBytes);
      this.used = 0;
    }
    return this.slab;
  }
}

/** Why a file could not be read (what reading threw: its code, when it has one, and message). */
export interface ReadFailure {
  code?: string;
  message: string;
}

/**
 * Files read into slabs in one thread, to hand to another (postMessage with the buffers
 * moved, not copied): the buffers read into, and per path its buffer's number, offset and
 * length, or why it could not be read.
 */
export interface ReadAheadReply {
  buffers: ArrayBuffer[];
  files: ([buffer: number, offset: number, length: number] | ReadFailure)[];
}

/** Reads `paths` into slabs: the reply, and the buffers to move with it. */
export function readIntoSlabs(paths: readonly string[], slabBytes: number): { reply: ReadAheadReply; transfer: ArrayBuffer[] } {
  const slabs = new FileSlabs(slabBytes);
  const buffers: ArrayBuffer[] = [];
  const numbers = new Map<ArrayBuffer, number>();
  const files = paths.map((p): ReadAheadReply["files"][number] => {
    try {
      const bytes = slabs.read(p);
      const buffer = bytes.buffer as ArrayBuffer;
      let n = numbers.get(buffer);
      if (n === undefined) {
        numbers.set(buffer, (n = buffers.length));
        buffers.push(buffer);
      }
      return [n, bytes.byteOffset, bytes.length];
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      return code === undefined ? { message: String(message) } : { code, message: String(message) };
    }
  });
  return { reply: { buffers, files }, transfer: buffers };
}

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
