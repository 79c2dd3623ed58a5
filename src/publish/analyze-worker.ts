import { readFile } from "node:fs/promises";
import path from "node:path";
import { evidenceFactsOf, type FurnitureEvidence } from "../ingest/furniture.ts";
import type { InheritedDefaults } from "../ingest/folder-defaults.ts";
import { analyzeArticle, articleInputHash, decodeArticle, type AnalyzedArticle, type DecodedArticle } from "../ingest/pipeline.ts";
import { evidenceDigestOf } from "./article-memo.ts";
import { sendToParent, serveInOrder } from "./child-process.ts";

type Message =
  | { type: "start"; now: string; evidence: FurnitureEvidence; articlesDir: string }
  | { type: "work"; inputs: { file: string; defaults?: InheritedDefaults }[] }
  | { type: "decode"; articlesDir: string; inputs: { file: string; defaults?: InheritedDefaults }[] }
  | { type: "end" };

/**
 * Analyses articles for src/publish/parallel-analysis.ts: told the archive's evidence
 * first, then sent pieces of work from the build's queue, it reads each file, decodes and
 * analyses it, and sends each piece's analyses back, each with the hash of the input it
 * read and the digest of what the evidence says of the article, the two halves of the
 * analysis's key in the memo (null for an article whose analysis fails: the build reports
 * it itself). Pieces are done one at a time, in the order they came; "end" stops it.
 *
 * Before the evidence is known it may be sent texts to decode ("decode"): it sends back
 * each decoded article with the evidence facts the count will read from it (null for a
 * text that cannot be decoded: the build decodes it again, and reports it).
 */
let settings: { now: Date; evidence: FurnitureEvidence; articlesDir: string } | undefined;

serveInOrder<Message>(async (message) => {
  if (message.type === "decode") {
    const results: [string, string, DecodedArticle | null, string | null][] = [];
    for (const input of await readInputs(message.articlesDir, message.inputs)) {
      const { file } = input;
      try {
        const decoded = decodeArticle(input);
        results.push([file, articleInputHash(input), decoded, JSON.stringify(evidenceFactsOf(decoded.paragraphs, decoded.overrides.source))]);
      } catch {
        results.push([file, articleInputHash(input), null, null]);
      }
    }
    await sendToParent({ type: "decoded", results });
  } else if (message.type === "start") settings = { now: new Date(message.now), evidence: message.evidence, articlesDir: message.articlesDir };
  else if (message.type === "work") {
    if (!settings) throw new Error("work came before the evidence");
    const results: [string, string, AnalyzedArticle | null, string | null][] = [];
    for (const input of await readInputs(settings.articlesDir, message.inputs)) {
      const { file } = input;
      let analyzed: AnalyzedArticle | null = null;
      let digest: string | null = null;
      try {
        const decoded = decodeArticle(input);
        analyzed = analyzeArticle(decoded, settings.evidence, settings.now);
        digest = evidenceDigestOf(decoded, settings.evidence);
      } catch {
        // Reported by the build.
      }
      results.push([file, articleInputHash(input), analyzed, digest]);
    }
    await sendToParent({ type: "batch", results });
  }
});

/**
 * A piece's files, read all at once: one after another, this process sat idle for a fifth
 * of its decoding at 100,000 articles, waiting on each file's open, read and close.
 */
function readInputs(articlesDir: string, inputs: readonly { file: string; defaults?: InheritedDefaults }[]) {
  return Promise.all(inputs.map(async ({ file, defaults }) => ({ file, bytes: await readFile(path.join(articlesDir, file)), defaults })));
}
