import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recurringLinesOf } from "../ingest/furniture.ts";
import { articleInputHash, type AnalyzedArticle, type PerArticleMemo } from "../ingest/pipeline.ts";

/**
 * The build's ingest cache on disk: each article's analysis, reused while the file's
 * bytes, the build's "today", the archive-wide furniture evidence about its own lines,
 * and the ingest code and word lists are all unchanged. Entity merging, tags and slugs
 * are archive-wide and always recomputed (they are cheap). The entries are spread over
 * 256 shard files, so no single JSON string grows with the archive.
 */

const SHARDS = 256;

interface CacheEntry {
  key: string;
  analyzed: AnalyzedArticle;
}

type Shard = Record<string, CacheEntry>;

export interface IngestCache extends PerArticleMemo {
  readonly stats: { reused: number; analyzed: number };
  /** Writes the shards that changed; entries for files no longer in the archive are dropped. */
  save(files: ReadonlySet<string>): Promise<void>;
}

/** A hash of the ingest code and its data files: a new version never reuses old results. */
export async function ingestCodeVersion(): Promise<string> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const hash = createHash("sha1");
  for (const dir of ["src/ingest", "data"]) {
    for (const name of (await readdir(path.join(root, dir))).sort()) {
      hash.update(name).update(await readFile(path.join(root, dir, name)));
    }
  }
  return hash.digest("hex");
}

function shardOf(file: string): number {
  return createHash("sha1").update(file).digest()[0] % SHARDS;
}

export async function openIngestCache(dir: string, now: Date): Promise<IngestCache> {
  const version = `${await ingestCodeVersion()}:${now.toISOString().slice(0, 10)}`;
  const folder = path.join(dir, version.slice(0, 16));
  const shards = new Map<number, Shard>();
  const dirty = new Set<number>();
  const byteHashes = new Map<string, string>();
  const stats = { reused: 0, analyzed: 0 };

  async function shard(n: number): Promise<Shard> {
    let s = shards.get(n);
    if (!s) {
      s = await readFile(path.join(folder, `${n}.json`), "utf8").then(
        (text) => JSON.parse(text) as Shard,
        () => ({}),
      );
      shards.set(n, s);
    }
    return s;
  }
  // Load every shard up front (the memo's calls are synchronous).
  await Promise.all(Array.from({ length: SHARDS }, (_, n) => shard(n)));

  return {
    stats,
    decode(input, run) {
      byteHashes.set(input.file, articleInputHash(input));
      return run();
    },
    analyze(decoded, evidence, run) {
      const key = `${version}\n${byteHashes.get(decoded.file)}\n${recurringLinesOf(decoded.paragraphs, evidence)}`;
      const n = shardOf(decoded.file);
      const s = shards.get(n)!;
      const hit = s[decoded.file];
      if (hit && hit.key === key) {
        stats.reused++;
        return hit.analyzed;
      }
      stats.analyzed++;
      const analyzed = run();
      s[decoded.file] = { key, analyzed };
      dirty.add(n);
      return analyzed;
    },
    async save(files) {
      for (const [n, s] of shards) {
        for (const file of Object.keys(s)) {
          if (!files.has(file)) {
            delete s[file];
            dirty.add(n);
          }
        }
      }
      if (dirty.size === 0) return;
      await mkdir(folder, { recursive: true });
      // Results of other code versions or other days can never be reused.
      for (const other of await readdir(dir)) if (other !== path.basename(folder)) await rm(path.join(dir, other), { recursive: true, force: true });
      for (const n of dirty) {
        const target = path.join(folder, `${n}.json`);
        await writeFile(`${target}.tmp`, JSON.stringify(shards.get(n)));
        await rename(`${target}.tmp`, target);
      }
      dirty.clear();
    },
  };
}
