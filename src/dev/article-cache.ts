import { recurringLinesOf } from "../ingest/furniture.ts";
import { articleInputHash, type AnalyzedArticle, type DecodedArticle, type PerArticleMemo, type RawArticleInput } from "../ingest/pipeline.ts";

/**
 * In-memory cache of the per-article ingest steps for the dev server, so saving one
 * file re-runs decode and analysis for that file only. A decoded article is reused
 * while the file's bytes hash the same. An analysis is reused while its decoded
 * article is the same object and the archive-wide furniture evidence says the same
 * about this article's own short lines (which of them recur) — the only way the
 * evidence reaches analyzeArticle. Errors are cached like results and thrown again.
 */
export interface ArticleCache extends PerArticleMemo {
  /** Per-step counts since the cache was made (the dev server prints them; tests read them). */
  readonly stats: { decoded: number; decodeReused: number; analyzed: number; analyzeReused: number };
  /** Forgets files that are no longer in the archive. */
  retainOnly(files: ReadonlySet<string>): void;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface DecodeEntry {
  hash: string;
  outcome: Outcome<DecodedArticle>;
}

interface AnalyzeEntry {
  decoded: DecodedArticle;
  recurringLines: string;
  outcome: Outcome<AnalyzedArticle>;
}

export function createArticleCache(): ArticleCache {
  const decodes = new Map<string, DecodeEntry>();
  const analyses = new Map<string, AnalyzeEntry>();
  const stats = { decoded: 0, decodeReused: 0, analyzed: 0, analyzeReused: 0 };

  return {
    stats,
    decode(input, run) {
      const hash = articleInputHash(input);
      const cached = decodes.get(input.file);
      if (cached && cached.hash === hash) {
        stats.decodeReused++;
        return unwrap(cached.outcome);
      }
      stats.decoded++;
      const outcome = attempt(run);
      decodes.set(input.file, { hash, outcome });
      return unwrap(outcome);
    },
    analyze(decoded, evidence, run) {
      const recurringLines = recurringLinesOf(decoded.paragraphs, evidence);
      const cached = analyses.get(decoded.file);
      if (cached && cached.decoded === decoded && cached.recurringLines === recurringLines) {
        stats.analyzeReused++;
        return unwrap(cached.outcome);
      }
      stats.analyzed++;
      const outcome = attempt(run);
      analyses.set(decoded.file, { decoded, recurringLines, outcome });
      return unwrap(outcome);
    },
    retainOnly(files) {
      for (const file of decodes.keys()) if (!files.has(file)) decodes.delete(file);
      for (const file of analyses.keys()) if (!files.has(file)) analyses.delete(file);
    },
  };
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}
