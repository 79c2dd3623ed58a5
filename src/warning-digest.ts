import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULTS_FILE } from "./ingest/folder-defaults.ts";
import type { Reporter } from "./reporter.ts";

/**
 * Build warnings a maintainer can read: 10,000 undated files make one line with a
 * count and the first few names, not 10,000 lines. A folder whose every article is
 * undated gets one suggestion to give it a `_defaults.yml`. The full list goes to a
 * file (writeWarningList). Pure apart from that one function.
 */

export interface FileWarning {
  /** Path relative to the articles folder. */
  file: string;
  message: string;
  /** "undated": the article has no publication date; "duplicate": it is an exact copy of another. */
  kind?: "undated" | "duplicate";
}

export interface DigestOptions {
  /** Every article file that was built (relative to the articles folder): tells a wholly undated folder. */
  articleFiles: readonly string[];
  /** How a folder inside the articles folder is named in messages ("" is the folder itself), e.g. f => `articles/${f}`. */
  folderLabel?: (folder: string) => string;
  /** How many files a repeated warning names before "and N more". */
  examples?: number;
}

export interface WarningDigest {
  /** What to print, one warning each: distinct messages (most frequent first), then folder suggestions. */
  lines: string[];
  /** Every warning, one `file: message` line each, sorted by file. */
  fullList: string;
}

export const WARNING_EXAMPLES = 3;
/** A folder of fewer undated articles is not worth a suggestion. */
const MIN_FOLDER_FOR_SUGGESTION = 2;

export function digestWarnings(warnings: readonly FileWarning[], options: DigestOptions): WarningDigest {
  const examples = options.examples ?? WARNING_EXAMPLES;
  const label = options.folderLabel ?? ((folder: string) => folder);
  const sorted = [...warnings].sort((a, b) => compare(a.file, b.file) || compare(a.message, b.message));

  const byMessage = new Map<string, string[]>();
  for (const w of sorted) {
    const files = byMessage.get(w.message) ?? [];
    files.push(w.file);
    byMessage.set(w.message, files);
  }
  const lines = [...byMessage]
    .sort(([ma, fa], [mb, fb]) => fb.length - fa.length || compare(ma, mb))
    .map(([message, files]) => {
      if (files.length === 1) return `${files[0]}: ${message}`;
      const shown = files.slice(0, examples).join(", ");
      const more = files.length > examples ? ` and ${files.length - examples} more` : "";
      return `${files.length} files: ${message} (${shown}${more})`;
    });

  for (const { folder, count } of whollyUndatedFolders(sorted, options.articleFiles)) {
    const where = label(folder).replace(/\/$/, "");
    const inFolder = where === "" ? "the articles folder" : `${where}/`;
    const file = where === "" ? DEFAULTS_FILE : `${where}/${DEFAULTS_FILE}`;
    lines.push(`all ${count} articles in ${inFolder} are undated. If they were published in one year or period, say so once in ${file}: \`year: YYYY\` or \`period: YYYY-MM..YYYY-MM\` (see CONTRIBUTING.md).`);
  }

  return { lines, fullList: sorted.map((w) => `${w.file}: ${w.message}\n`).join("") };
}

/**
 * Folders whose articles (those directly inside; a subfolder is judged on its own, as
 * its articles may come from another year) are all undated, largest first.
 */
function whollyUndatedFolders(warnings: readonly FileWarning[], articleFiles: readonly string[]): { folder: string; count: number }[] {
  const undated = new Set(warnings.filter((w) => w.kind === "undated").map((w) => w.file));
  if (undated.size === 0) return [];
  const total = new Map<string, number>();
  const missing = new Map<string, number>();
  for (const file of articleFiles) {
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
    total.set(folder, (total.get(folder) ?? 0) + 1);
    if (undated.has(file)) missing.set(folder, (missing.get(folder) ?? 0) + 1);
  }
  return [...total]
    .filter(([folder, count]) => count >= MIN_FOLDER_FOR_SUGGESTION && missing.get(folder) === count)
    .map(([folder, count]) => ({ folder, count }))
    .sort((a, b) => b.count - a.count || compare(a.folder, b.folder));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReportOptions {
  /** The articles folder, to name its subfolders as the maintainer sees them. */
  articlesDir: string;
  /** Where the full list goes (under .cache/); no file when absent. */
  listFile?: string;
  /** Paths in messages are relative to this folder (default: the working directory). */
  cwd?: string;
}

/**
 * A build's warnings as it prints them: the digest's lines, how many warnings there were,
 * and the line that says where the full list is (when one was written). Small whatever
 * the archive's size: the ingest process makes it (writeWarningReport) and hands it to
 * the build's own process, not every warning (280,808 at 100,000 articles, about 6 s of a
 * warm build to send, take in and digest there).
 */
export interface WarningReport {
  lines: string[];
  count: number;
  listNote?: string;
}

/**
 * Digests a build's warnings and writes the full list to `options.listFile`. A build
 * without warnings removes an old list, so the file never describes another build.
 */
export async function writeWarningReport(warnings: readonly FileWarning[], articleFiles: readonly string[], options: ReportOptions): Promise<WarningReport> {
  const cwd = options.cwd ?? process.cwd();
  // The articles folder itself may be the working directory: its label is then "".
  const shown = (p: string) => path.relative(cwd, p).split(path.sep).join("/");
  const digest = digestWarnings(warnings, { articleFiles, folderLabel: (folder) => shown(path.join(options.articlesDir, folder)) });
  const report: WarningReport = { lines: digest.lines, count: warnings.length };
  if (!options.listFile) return report;
  if (warnings.length === 0) {
    await rm(options.listFile, { force: true });
    return report;
  }
  await mkdir(path.dirname(options.listFile), { recursive: true });
  await writeFile(options.listFile, digest.fullList);
  return { ...report, listNote: `All ${warnings.length} warning${warnings.length === 1 ? "" : "s"}, one line per file: ${shown(options.listFile)}` };
}

/** Where a build's warnings list goes: `warnings.txt` in its cache folder (none without one). */
export function buildWarningOptions(config: { articlesDir: string; cacheDir?: string }): ReportOptions {
  return { articlesDir: config.articlesDir, listFile: config.cacheDir && path.join(config.cacheDir, "warnings.txt") };
}

/** Prints a WarningReport: each line as a warning, then where the full list is. */
export function printWarningReport(report: WarningReport, reporter: Pick<Reporter, "warn" | "info">): void {
  for (const line of report.lines) reporter.warn(line);
  if (report.listNote) reporter.info(report.listNote);
}

/** Prints the digest of a build's warnings and writes the full list, saying where (writeWarningReport). */
export async function reportWarnings(warnings: readonly FileWarning[], articleFiles: readonly string[], reporter: Pick<Reporter, "warn" | "info">, options: ReportOptions): Promise<void> {
  printWarningReport(await writeWarningReport(warnings, articleFiles, options), reporter);
}
