import { parentPort, workerData } from "node:worker_threads";
import { readIntoSlabs, type ReadAheadRequest } from "./file-slabs.ts";

/**
 * The thread of readFilesAhead (src/util/read-ahead.ts): reads the files it is given into
 * slabs and hands the slabs over (moved, not copied), then ends.
 */
const { paths, slabBytes } = workerData as ReadAheadRequest;
const { reply, transfer } = readIntoSlabs(paths, slabBytes);
parentPort!.postMessage(reply, transfer);
