import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter } from "../reporter.ts";
import { stableHash } from "../site/build-shards.ts";
import { memoEvidence, openArticleMemo } from "./article-memo.ts";
import type { ArchiveConfig } from "./config.ts";
import { ArticleIngest } from "./ingest-stage.ts";
import { parseOneOfN, ShardBuildError } from "./shard-errors.ts";
import { makeSibling, replaceDir } from "./site-folder.ts";
import { buildVersions, type BuildVersions } from "./versions.ts";

/**
 * The map step of a sharded build's ingest: `npm run build -- --analyze I/N --output DIR`
 * makes the per-article analyses (the costly, independent part of ingest: text,
 * furniture, structure, dates, names) of share I of N of the article files, so that N
 * machines share what one summary job did alone. The summary job
 * (`--make-summary FILE --analyses DIR...`, src/publish/summary-stage.ts) then finds every
 * analysis made and runs only the archive-wide passes.
 *
 * Every job still reads and decodes every article: an analysis depends on the archive's
 * furniture evidence (the lines that recur across articles), which needs them all. A
 * file belongs to the share given by a stable hash of its name; a job keeps the evidence
 * facts and word uses of its own files only, so the shares together carry one copy.
 *
 * DIR holds `analysis.json` (below) and `ingest/`, a cache folder in the ingest memo's
 * format (src/publish/article-memo.ts). It is assembled beside DIR and swapped in whole.
 * With a cache folder (the summary job's, restored), an unchanged article's analysis is
 * taken from it rather than made again; the summary saves every analysis into its cache.
 * An analysis is reused only under the same key as any cached one (the file's bytes and
 * the evidence about its lines): a file changed after the analysis jobs ran is analysed
 * again by the summary job, never taken stale.
 */

export const ANALYSIS_MANIFEST_FILE = "analysis.json";
const ANALYSIS_MEMO_DIR = "ingest";
const ANALYSIS_FORMAT = 1;
const ANALYSIS_KIND = "news-archive analysis";

/** What the summary job checks of an analysis job's output, in DIR/analysis.json. */
export interface AnalysisManifest {
  format: number;
  kind: typeof ANALYSIS_KIND;
  /** 1-based, as on the command line. */
  share: number;
  count: number;
  /** BuildVersions.ingest of the code that made the analyses. */
  ingestVersion: string;
  /** The build's "today" (YYYY-MM-DD) they were made with: the summary must use the same. */
  now: string;
  /** The digest of the furniture evidence the analyses were made under (the same in every share of the same articles). */
  evidence: string;
  /** Article files read (all of the archive's), of them this share's, and analyses made. */
  files: number;
  shareFiles: number;
  analyzed: number;
}

export interface AnalysisShare {
  /** 0-based. */
  index: number;
  count: number;
}

export interface AnalysisResult {
  share: AnalysisShare;
  manifest: AnalysisManifest;
  seconds: { read: number; analysis: number; write: number; total: number };
}

/** The share (0-based) of `count` that analyses the article file `file` (relative to the articles folder). */
export function analysisShareOf(file: string, count: number): number {
  return count <= 1 ? 0 : stableHash(file) % count;
}

/** Parses `--analyze I/N` (1 ≤ I ≤ N); anything else is a ShardBuildError that shows the form. */
export function parseAnalyzeFlag(value: string): AnalysisShare {
  return parseOneOfN(value, "--analyze", "share", "--analyze 2/4 analyses the second of four shares of the articles");
}

export async function analyzeShare(
  config: ArchiveConfig,
  options: { share: AnalysisShare },
  hooks: { reporter: Reporter; versions?: BuildVersions },
): Promise<AnalysisResult> {
  const started = performance.now();
  const { share } = options;
  const outputDir = path.resolve(config.outputDir);
  const versions = hooks.versions ?? (await buildVersions(config));
  const mine = (file: string) => analysisShareOf(file, share.count) === share.index;
  let staging: string | undefined = await makeSibling(outputDir, "staging");
  try {
    const memoDir = path.join(staging, ANALYSIS_MEMO_DIR);
    // A cache restored from the last summary job serves as a build's: an unchanged
    // article's analysis is taken from it (and written into DIR with the new ones).
    const alsoRead = config.cacheDir ? [path.join(config.cacheDir, "ingest")] : [];
    const memo = await openArticleMemo({ dir: memoDir, version: versions.ingest, now: config.now, oneRun: true, keepOnly: mine, alsoRead });
    const ingest = new ArticleIngest(config, memo, versions.ingest, { keepIndex: false });
    const made = await ingest.analyzeShare(hooks.reporter, mine);
    const writeStarted = performance.now();
    await ingest.saveMemo();
    const evidence = (await memoEvidence(memoDir, versions.ingest, config.now)) ?? "";
    const manifest: AnalysisManifest = {
      format: ANALYSIS_FORMAT,
      kind: ANALYSIS_KIND,
      share: share.index + 1,
      count: share.count,
      ingestVersion: versions.ingest,
      now: config.now.toISOString().slice(0, 10),
      evidence,
      files: made.files,
      shareFiles: made.share,
      analyzed: made.analyzed,
    };
    await writeFile(path.join(staging, ANALYSIS_MANIFEST_FILE), JSON.stringify(manifest));
    await replaceDir(staging, outputDir);
    staging = undefined;
    return { share, manifest, seconds: { read: made.seconds.read, analysis: made.seconds.analysis, write: (performance.now() - writeStarted) / 1000, total: (performance.now() - started) / 1000 } };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

function analyzeHint(dir: string, share = "I/N"): string {
  return `Make it with \`npm run build -- --analyze ${share} --output ${dir}\` (with the same --articles and --now as the summary).`;
}

/** Reads DIR/analysis.json; a folder that holds no analyses is a ShardBuildError saying how to make them. */
export async function readAnalysisManifest(dir: string): Promise<AnalysisManifest> {
  const text = await readFile(path.join(dir, ANALYSIS_MANIFEST_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw error;
  });
  let manifest: Partial<AnalysisManifest> | undefined;
  try {
    manifest = text === undefined ? undefined : (JSON.parse(text) as Partial<AnalysisManifest>);
  } catch {
    manifest = undefined;
  }
  if (!manifest || manifest.kind !== ANALYSIS_KIND) throw new ShardBuildError(`${dir} holds no analyses of articles (no readable ${ANALYSIS_MANIFEST_FILE}). ${analyzeHint(dir)}`);
  if (manifest.format !== ANALYSIS_FORMAT) throw new ShardBuildError(`${dir} was made by another version of this code (analysis format ${manifest.format}). ${analyzeHint(dir)}`);
  return manifest as AnalysisManifest;
}

/**
 * Checks the analysis jobs' folders a summary is made from: every share of the same N
 * once, made by this ingest code for this day from the same articles. Returns the cache
 * folders the summary's ingest reads the analyses from (ArticleMemoOptions.alsoRead).
 */
export async function checkAnalyses(dirs: readonly string[], expected: { ingestVersion: string; now: string }): Promise<string[]> {
  if (dirs.length === 0) throw new ShardBuildError("--analyses needs the analysis jobs' folders: npm run build -- --make-summary FILE --analyses DIR1 DIR2 ...");
  const shares = await Promise.all(dirs.map(async (dir) => ({ dir, manifest: await readAnalysisManifest(dir) })));
  const first = shares[0];
  const seen = new Map<number, string>();
  for (const s of shares) {
    const m = s.manifest;
    if (m.ingestVersion !== expected.ingestVersion) {
      throw new ShardBuildError(`${s.dir} was analysed by another version of the ingest code (or its word lists) than this one: analyse share ${m.share}/${m.count} again with this code. ${analyzeHint(s.dir, `${m.share}/${m.count}`)}`);
    }
    if (m.now !== expected.now) {
      throw new ShardBuildError(`${s.dir} was analysed for the day ${m.now}, but this summary is for ${expected.now}: give every job the same --now. ${analyzeHint(s.dir, `${m.share}/${m.count}`)}`);
    }
    if (m.count !== first.manifest.count) {
      throw new ShardBuildError(`${s.dir} is share ${m.share} of ${m.count}, but ${first.dir} is share ${first.manifest.share} of ${first.manifest.count}: analyse every share with the same N in --analyze I/N.`);
    }
    if (seen.has(m.share)) throw new ShardBuildError(`${seen.get(m.share)} and ${s.dir} are both share ${m.share} of ${m.count}: give each share's folder once.`);
    seen.set(m.share, s.dir);
    if (m.evidence !== first.manifest.evidence || m.files !== first.manifest.files) {
      throw new ShardBuildError(
        `${s.dir} and ${first.dir} were analysed from different articles (${m.files} and ${first.manifest.files} files, ${m.evidence === first.manifest.evidence ? "the same" : "different"} recurring lines): analyse every share again from the same articles.`,
      );
    }
  }
  const count = first.manifest.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (missing.length) {
    throw new ShardBuildError(
      `Share${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${count} ${missing.length > 1 ? "are" : "is"} missing: analyse ${missing.length > 1 ? "each" : "it"} with \`npm run build -- --analyze ${missing[0]}/${count} --output DIR\` and pass ${missing.length > 1 ? "their folders" : "its folder"} to --analyses too.`,
    );
  }
  return shares.map((s) => path.join(s.dir, ANALYSIS_MEMO_DIR));
}

export function formatAnalysisResult(r: AnalysisResult, dir: string): string {
  const t = r.seconds;
  const m = r.manifest;
  return [
    `Analysed share ${m.share}/${m.count}: ${m.analyzed} of the archive's ${m.files} articles (${m.shareFiles} files are this share's) into ${dir}.`,
    `Time: read ${t.read.toFixed(2)} s, analysis ${t.analysis.toFixed(2)} s, write ${t.write.toFixed(2)} s, total ${t.total.toFixed(2)} s.`,
    `When every share is analysed: npm run build -- --make-summary FILE --analyses DIR1 ... DIR${m.count}`,
  ].join("\n");
}
