import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import type { InheritedDefaults } from "../ingest/folder-defaults.ts";
import { analyzeArticle, articleInputHash, decodeArticle, type AnalyzedArticle } from "../ingest/pipeline.ts";

/** Articles per message back: no single message grows with the archive. */
const BATCH = 200;

/**
 * Analyses its share of the articles for src/publish/parallel-analysis.ts: reads each
 * file, decodes and analyses it, and sends the analyses back in batches, each with the
 * hash of the input it read (null for an article whose analysis fails: the build
 * reports it itself).
 */
process.once("message", async (message: { now: string; evidence: FurnitureEvidence; articlesDir: string; inputs: { file: string; defaults?: InheritedDefaults }[] }) => {
  try {
    const now = new Date(message.now);
    for (let i = 0; i < message.inputs.length; i += BATCH) {
      const results: [string, string, AnalyzedArticle | null][] = [];
      for (const { file, defaults } of message.inputs.slice(i, i + BATCH)) {
        const input = { file, bytes: await readFile(path.join(message.articlesDir, file)), defaults };
        let analyzed: AnalyzedArticle | null = null;
        try {
          analyzed = analyzeArticle(decodeArticle(input), message.evidence, now);
        } catch {
          // Reported by the build.
        }
        results.push([file, articleInputHash(input), analyzed]);
      }
      await new Promise<void>((resolve, reject) => process.send!({ type: "batch", results }, (error: Error | null) => (error ? reject(error) : resolve())));
    }
    process.send!({ type: "done" }, () => process.exit(0));
  } catch (error) {
    process.send!({ type: "failed", error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
