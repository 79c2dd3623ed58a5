import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { checkArticleFileName, listArticleFiles, looksLikeDefaultsFile, readArticleInputs } from "../ingest/article-files.ts";
import { checkAgainstArchive, checkArticleContent, decodeArchive, finishCheck, type DecodedArchive, type CheckProblem, type CheckResult, type DecodedArticle } from "./check.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import { MAIN_THREAD_SHARE, PARALLEL_MIN_ARTICLES } from "./check-settings.ts";
import { startTypeScriptWorker } from "../util/ts-worker.ts";

/**
 * The I/O around `checkArticles`: list and read the archive, and turn the paths a
 * user (or a pull request's diff) gives into files of that archive.
 */

export interface RunCheckOptions {
  /** The archive: every file in it is compared with the files being checked. */
  articlesDir: string;
  /** Paths as given on the command line (relative to `cwd`); the whole archive when empty. */
  files?: readonly string[];
  cwd: string;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

export async function runCheck(options: RunCheckOptions): Promise<CheckResult> {
  const root = await realpath(path.resolve(options.cwd, options.articlesDir)).catch(() => {
    throw new Error(`The articles folder "${options.articlesDir}" does not exist.`);
  });
  // Messages name files the way the user sees them from where they ran the check.
  const label = (file: string) => toSlashes(path.relative(options.cwd, path.join(root, file))) || file;
  const listing = await listArticleFiles(root);
  const { inputs, errors: defaultsErrors } = await readArticleInputs(listing);
  const problems: CheckProblem[] = [];
  let targets: Set<string> | undefined;
  let unreadable = 0;
  const defaultsFiles = new Set(listing.defaults.map((f) => f.file));

  if (options.files && options.files.length > 0) {
    targets = new Set();
    const known = new Set(listing.files.map((f) => f.file));
    const ignored = new Set(listing.ignored);
    for (const given of options.files) {
      const absolute = path.resolve(options.cwd, given);
      const link = await lstat(absolute).catch(() => undefined);
      // A file the pull request deletes is listed in its diff but has nothing to check.
      if (!link) continue;
      const info = link.isSymbolicLink() ? await stat(absolute).catch(() => link) : link;
      // The folder is resolved, not the file: a symbolic link is judged by its own name.
      const real = path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
      const relative = toSlashes(path.relative(root, real));
      if (relative.startsWith("..") || path.isAbsolute(relative)) {
        problems.push({ file: given, severity: "error", message: `is not in the articles folder (${label("") || "."}). Article files go there.` });
        unreadable++;
        continue;
      }
      if (info.isDirectory()) {
        for (const f of listing.files) if (relative === "" || f.file.startsWith(`${relative}/`)) targets.add(f.file);
        for (const e of listing.errors) if (relative === "" || e.file.startsWith(`${relative}/`)) targets.add(e.file);
        for (const d of defaultsFiles) if (relative === "" || d.startsWith(`${relative}/`)) targets.add(d);
        continue;
      }
      if (ignored.has(relative)) continue;
      if (defaultsFiles.has(relative)) {
        // Settings for a folder, not an article: checked below with the other `_defaults.yml` files.
        targets.add(relative);
        unreadable++;
        continue;
      }
      targets.add(relative);
      if (!known.has(relative) && !listing.errors.some((e) => e.file === relative)) {
        // Not listed although it is inside: it is in a dot-folder the build skips.
        problems.push({ file: label(relative), severity: "error", message: "is in a folder the build skips (its name starts with a dot). Move it into the articles folder." });
        unreadable++;
        targets.delete(relative);
      }
    }
  }

  // A broken `_defaults.yml` is reported when it, or an article below its folder, is checked.
  for (const error of defaultsErrors) {
    const folder = error.file.slice(0, error.file.lastIndexOf("/") + 1);
    if (targets && !targets.has(error.file) && ![...targets].some((t) => t.startsWith(folder))) continue;
    problems.push({ file: label(error.file), severity: "error", message: error.withoutLocation, ...(error.line ? { line: error.line } : {}) });
  }

  for (const error of listing.errors) {
    if (targets && !targets.has(error.file)) continue;
    problems.push({ file: label(error.file), severity: "error", message: error.withoutLocation });
    // A badly named file is still read, so its contributor hears about everything at once
    // (a misnamed `_defaults.yml` is settings, not an article: the name is all there is to say).
    if (checkArticleFileName(error.file) && !looksLikeDefaultsFile(error.file.split("/").pop()!)) {
      inputs.push({ file: error.file, bytes: await readFile(path.join(root, error.file)) });
    } else {
      unreadable++;
    }
  }

  const archive = decodeArchive(inputs, targets);
  const result = finishCheck(archive, await checkInParallel(archive, options.now, label, options.onProgress), label);
  return { checked: result.checked + unreadable, problems: [...problems, ...result.problems] };
}

/**
 * The per-article checks are shared between this thread and worker threads, one per
 * spare core, while this thread also runs the archive-wide duplicate pass: on a
 * 2-core machine a whole-archive check takes about half as long. A pull request's
 * few files are checked here, without starting a worker.
 */
async function checkInParallel(
  archive: DecodedArchive,
  now: Date,
  label: (file: string) => string,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckProblem[]> {
  const articles = archive.targets;
  const workers = Math.min(availableParallelism() - 1, Math.floor(articles.length / PARALLEL_MIN_ARTICLES));
  if (workers < 1) return [...checkArticleContent(articles, archive.evidence, now, onProgress), ...checkAgainstArchive(archive, label)];
  // This thread also has the duplicate pass to do, so it takes a smaller share.
  const own = Math.floor((articles.length / (workers + 1)) * MAIN_THREAD_SHARE);
  const share = Math.ceil((articles.length - own) / workers);
  const pending = Array.from({ length: workers }, (_, i) => runWorker(articles.slice(own + i * share, own + (i + 1) * share), archive.evidence, now));
  // Progress follows this thread's share, which finishes about when the workers' do.
  const ownProblems = checkArticleContent(articles.slice(0, own), archive.evidence, now, (done) =>
    onProgress?.(Math.min(Math.round((done / own) * articles.length), articles.length - 1), articles.length),
  );
  const archiveProblems = checkAgainstArchive(archive, label);
  const others = await Promise.all(pending);
  onProgress?.(articles.length, articles.length);
  return [...ownProblems, ...others.flat(), ...archiveProblems];
}

function runWorker(articles: DecodedArticle[], evidence: FurnitureEvidence, now: Date): Promise<CheckProblem[]> {
  return new Promise((resolve, reject) => {
    const worker = startTypeScriptWorker(new URL("./check-worker.ts", import.meta.url), { workerData: { articles, evidence, now } });
    worker.once("message", (problems: CheckProblem[]) => {
      resolve(problems);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a check worker stopped with exit code ${code}`));
    });
  });
}

function toSlashes(p: string): string {
  return p.split(path.sep).join("/");
}
