import { ArticleError } from "../errors.ts";
import { decodeArticleBytes } from "../ingest/decode.ts";
import { collectFurnitureEvidence, type FurnitureEvidence } from "../ingest/furniture.ts";
import { decodeArticle, readArticleFacts, undatedMessage, type RawArticleInput } from "../ingest/pipeline.ts";
import { countWords } from "../ingest/summary.ts";
import { MIN_ARTICLE_WORDS, REMOVED_KIND_NAMES } from "./check-settings.ts";
import { findDuplicatePairs } from "./near-duplicates.ts";

/**
 * `npm run check`: what ingest would say about raw article files, before review.
 * It runs the pipeline's own steps (so it can never disagree with the build) and adds
 * what only matters to a contributor: duplicates of archived articles, slugs taken by
 * another file, headlines, dates and sources ingest could not find, and the lines
 * ingest will drop. Pure: the caller lists and reads the files.
 */

export type Severity = "error" | "warning";

export interface CheckProblem {
  /** The file as the user names it (see `label`). */
  file: string;
  line?: number;
  severity: Severity;
  message: string;
}

export interface CheckOptions {
  /** Files to check (relative to the articles folder); all inputs when absent. */
  targets?: ReadonlySet<string>;
  /** The check's "today": dates after it are never used, as in the build. */
  now: Date;
  /** How to print a file name in messages, e.g. `a.txt` → `articles/a.txt`. */
  label?: (file: string) => string;
  /** Called after each checked article (progress display). */
  onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  /** How many files were checked (not how many the archive holds). */
  checked: number;
  problems: CheckProblem[];
}

/**
 * Checks `targets` (default: every input) against the whole archive `inputs`: each
 * target alone, then for duplicates and front matter slugs against every other file.
 */
export function checkArticles(inputs: readonly RawArticleInput[], options: CheckOptions): CheckResult {
  const archive = decodeArchive(inputs, options.targets);
  const content = checkArticleContent(archive.targets, archive.evidence, options.now, options.onProgress);
  return finishCheck(archive, [...content, ...checkAgainstArchive(archive, options.label)], options.label);
}

export interface DecodedArchive {
  inputs: readonly RawArticleInput[];
  /** Every file that decoded, sorted by name. */
  decoded: DecodedArticle[];
  /** The decoded files being checked. */
  targets: DecodedArticle[];
  evidence: FurnitureEvidence;
  /** Files being checked that did not decode (problems name files as given, unlabelled). */
  problems: CheckProblem[];
  checked: number;
  targetSet?: ReadonlySet<string>;
}

/** Phase 1: decode the whole archive; the furniture evidence comes from all of it, as in the build. */
export function decodeArchive(inputs: readonly RawArticleInput[], targetSet?: ReadonlySet<string>): DecodedArchive {
  const isTarget = (file: string) => !targetSet || targetSet.has(file);
  const problems: CheckProblem[] = [];
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const decoded: DecodedArticle[] = [];
  for (const input of sorted) {
    try {
      decoded.push(decodeArticle(input));
    } catch (error) {
      // An archived file that does not decode is the build's business, not this pull request's.
      if (isTarget(input.file)) problems.push(problemFromError(error, input.file));
    }
  }
  return {
    inputs: sorted,
    decoded,
    targets: decoded.filter((d) => isTarget(d.file)),
    evidence: collectFurnitureEvidence(
      decoded.map((d) => d.paragraphs),
      decoded.map((d) => d.overrides.source),
    ),
    problems,
    checked: sorted.filter((i) => isTarget(i.file)).length,
    targetSet,
  };
}

/**
 * Phase 2: each article on its own. Independent per article and plain data in and
 * out, so a large check can share it between worker threads.
 */
export function checkArticleContent(
  articles: readonly DecodedArticle[],
  evidence: FurnitureEvidence,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report = (file: string, severity: Severity, message: string, line?: number) =>
    problems.push({ file, severity, message, ...(line ? { line } : {}) });
  articles.forEach((d, i) => {
    try {
      const facts = readArticleFacts(d, evidence, now);
      const firstLine = d.paragraphs[0]?.line;
      if (facts.titleSource === "lead") {
        report(
          d.file,
          "warning",
          `no headline found, so the title will be the lead's first words ("${facts.title}"). Put the headline alone on the first line with a blank line after it, or add \`title:\` front matter.`,
          firstLine,
        );
      }
      const words = countWords(facts.body);
      if (words < MIN_ARTICLE_WORDS) {
        report(
          d.file,
          "error",
          `has only ${words} word${words === 1 ? "" : "s"} of article text (at least ${MIN_ARTICLE_WORDS} are needed). Paste the whole article below its headline.`,
          firstLine,
        );
      }
      if (!facts.date.date) {
        report(d.file, "warning", undatedMessage(facts.date));
      }
      if (!facts.source) {
        report(d.file, "warning", "no source found (no agency tag, sign-off or staff credit in the text). Add `source: Publisher Name` front matter if you know who published it.");
      }
      for (const item of facts.removed) {
        const kind = REMOVED_KIND_NAMES[item.kind] ?? item.kind;
        report(
          d.file,
          "warning",
          `will be left out of the article as ${kind}: "${shorten(item.text)}". If it is part of the article, say so in the pull request.`,
          item.line,
        );
      }
    } catch (error) {
      problems.push(problemFromError(error, d.file));
    }
    onProgress?.(i + 1, articles.length);
  });
  return problems;
}

/** Phase 3: duplicates and slugs against the whole archive (problems name files unlabelled). */
export function checkAgainstArchive(archive: DecodedArchive, label: (file: string) => string = (f) => f): CheckProblem[] {
  const isTarget = (file: string) => !archive.targetSet || archive.targetSet.has(file);
  const problems: CheckProblem[] = [];
  const report = (file: string, severity: Severity, message: string, line?: number) =>
    problems.push({ file, severity, message, ...(line ? { line } : {}) });
  checkDuplicates(archive.decoded, isTarget, archive.targetSet, label, report);
  checkExplicitSlugs(archive.inputs, archive.decoded, isTarget, report);
  return problems;
}

/** Every phase's problems together, each file named as the user sees it. */
export function finishCheck(archive: DecodedArchive, problems: readonly CheckProblem[], label: (file: string) => string = (f) => f): CheckResult {
  return { checked: archive.checked, problems: [...archive.problems, ...problems].map((p) => ({ ...p, file: label(p.file) })) };
}

export type DecodedArticle = ReturnType<typeof decodeArticle>;

type Report = (file: string, severity: Severity, message: string, line?: number) => void;

function problemFromError(error: unknown, file: string): CheckProblem {
  if (error instanceof ArticleError) {
    return { file, severity: "error", message: error.withoutLocation, ...(error.line ? { line: error.line } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { file, severity: "error", message: `could not be checked (${message}). This is a bug in the checker; please report it with the file.` };
}

function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * A pair is reported once, on the file being checked; when both are (the whole
 * archive), on the later file, naming the earlier one, which is the one to keep.
 */
function checkDuplicates(
  decoded: readonly DecodedArticle[],
  isTarget: (file: string) => boolean,
  targets: ReadonlySet<string> | undefined,
  label: (file: string) => string,
  report: Report,
): void {
  const texts = decoded.map((d) => ({ id: d.file, text: d.paragraphs.map((p) => p.text).join("\n") }));
  for (const pair of findDuplicatePairs(texts, { involving: targets })) {
    const [file, other] = isTarget(pair.b) ? [pair.b, pair.a] : [pair.a, pair.b];
    if (pair.exact) {
      report(file, "error", `has the same text as ${label(other)} (ignoring case, punctuation and spacing). Keep only one of the two files.`);
    } else {
      const percent = Math.floor(pair.similarity * 100);
      report(
        file,
        "error",
        `is nearly the same text as ${label(other)} (${percent}% of their 5-word phrases are shared). If it is the same article, keep one file; if it is a corrected version, replace the older file instead of adding a new one.`,
      );
    }
  }
}

/**
 * Two files asking for the same `slug:` would fight for one URL (the build refuses).
 * Each file being checked in such a group is told which others hold the slug; when
 * every file of the group is being checked, the first keeps it quietly.
 */
function checkExplicitSlugs(
  inputs: readonly RawArticleInput[],
  decoded: readonly DecodedArticle[],
  isTarget: (file: string) => boolean,
  report: Report,
): void {
  const bySlug = new Map<string, string[]>();
  for (const d of decoded) {
    const slug = d.overrides.slug;
    if (!slug) continue;
    const files = bySlug.get(slug) ?? [];
    files.push(d.file);
    bySlug.set(slug, files);
  }
  const bytesOf = new Map(inputs.map((i) => [i.file, i.bytes]));
  for (const [slug, files] of bySlug) {
    if (files.length < 2) continue;
    const checkedFiles = files.filter(isTarget);
    for (const file of checkedFiles) {
      if (file === files[0] && checkedFiles.length === files.length) continue;
      const others = files.filter((f) => f !== file);
      report(
        file,
        "error",
        `its front matter slug "${slug}" is also asked for by ${others.join(", ")}; two articles cannot share a URL. Choose another slug, or remove the \`slug:\` line.`,
        frontMatterKeyLine(bytesOf.get(file)!, file, "slug"),
      );
    }
  }
}

/** The 1-based line of `key:` in a file's front matter (the file has already decoded once). */
function frontMatterKeyLine(bytes: Uint8Array, file: string, key: string): number | undefined {
  const lines = decodeArticleBytes(bytes, file).split("\n");
  if (lines[0]?.trim() !== "---") return undefined;
  for (let i = 1; i < lines.length && lines[i].trim() !== "---"; i++) if (lines[i].startsWith(`${key}:`)) return i + 1;
  return undefined;
}

/** `file:line: severity: message`, the shape editors and CI logs link to the line. */
export function formatProblem(problem: CheckProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

/** Problems in file order; within a file errors first, each kind in line order (no line first). */
export function sortProblems(problems: readonly CheckProblem[]): CheckProblem[] {
  const rank = (p: CheckProblem) => (p.severity === "error" ? 0 : 1);
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0)));
}

export function formatCheckSummary(result: CheckResult): string {
  const errors = result.problems.filter((p) => p.severity === "error").length;
  const warnings = result.problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `checked ${plural(result.checked, "file")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/**
 * The same problem as a GitHub Actions workflow command, so it shows on the pull
 * request's changed line. Data and properties are escaped as the runner expects.
 */
export function formatGithubAnnotation(problem: CheckProblem): string {
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const line = problem.line ? `,line=${problem.line}` : "";
  return `::${problem.severity} file=${property(problem.file)}${line}::${data(problem.message)}`;
}
