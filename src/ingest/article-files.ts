import { readdirSync, realpathSync, statSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../errors.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";
import { DEFAULTS_FILE, folderDefaultsLookup, parseFolderDefaults, type FolderDefaultsFile } from "./folder-defaults.ts";
import type { RawArticleInput } from "./pipeline.ts";

/** Safe raw article names: lowercase ASCII letters, digits, `.`, `_`, `-`, ending in `.txt`. */
export const SAFE_ARTICLE_NAME = /^[a-z0-9][a-z0-9._-]*\.txt$/;

/** Safe folder names inside articles/: the same alphabet as file names. */
const SAFE_FOLDER_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** "_defaults.yaml", "defaults.yml", "_Default.yml": a misnamed folder defaults file, not an article. */
export function looksLikeDefaultsFile(base: string): boolean {
  return /^_?defaults?\.ya?ml$/i.test(base);
}

export function checkArticleFileName(relativePath: string): string | undefined {
  const segments = relativePath.split("/");
  const base = segments.pop() ?? relativePath;
  if (base !== DEFAULTS_FILE && looksLikeDefaultsFile(base)) {
    return `"${base}" looks like a folder defaults file, which must be named exactly ${DEFAULTS_FILE}.`;
  }
  // Folders become part of the file's name in messages and records, so they follow the same rules.
  const badFolder = segments.find((s) => !SAFE_FOLDER_NAME.test(s) || s.includes(".."));
  if (badFolder !== undefined) {
    return `is in the folder "${badFolder}", which is not a safe name: use only lowercase letters a-z, digits, ".", "_" and "-".`;
  }
  if (!base.endsWith(".txt")) return `"${base}" does not end in .txt. Article files are plain text named like 2017-02-08-miami-dade.txt.`;
  if (!SAFE_ARTICLE_NAME.test(base) || base.includes("..")) {
    return `"${base}" is not a safe file name: use only lowercase letters a-z, digits, ".", "_" and "-" (no spaces, capitals or accents), e.g. 2017-02-08-miami-dade.txt.`;
  }
  return undefined;
}

export interface ArticleFile {
  /** Path relative to the articles folder, with `/` separators. */
  file: string;
  absolutePath: string;
}

export interface ArticleListing {
  files: ArticleFile[];
  /** The `_defaults.yml` files (settings for their folder, not articles). */
  defaults: ArticleFile[];
  errors: ArticleError[];
  /** Non-article files that were skipped on purpose (README.md, .gitkeep...). */
  ignored: string[];
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/**
 * Lists raw article files under `dir`, sorted by name so output never depends on
 * file system order. Symlinks are followed only when they stay inside the folder;
 * unsafe names (capitals, spaces, accents, `..`) are errors, not skips. The walk's file
 * calls are synchronous: awaited one by one they took 0.9 s at 10,000 files, 0.2 s so.
 */
export async function listArticleFiles(dir: string): Promise<ArticleListing> {
  const root = await realpath(dir).catch(() => {
    throw new Error(`The articles folder "${dir}" does not exist. Create it, or pass --articles DIR.`);
  });
  const files: ArticleFile[] = [];
  const defaults: ArticleFile[] = [];
  const errors: ArticleError[] = [];
  const ignored: string[] = [];
  // Real paths already read, so a link back into the folder (a loop, or a second name
  // for an article) is reported instead of walked forever or built twice.
  const seen = new Map<string, string>([[root, "."]]);

  /**
   * `real`: the folder's real path. An entry's type comes with the folder's listing, and a
   * plain file's real path is the folder's with its name: only links cost a call of their
   * own (two calls per file, before, took 0.7 s of a warm build of 10,000 articles).
   */
  async function walk(abs: string, rel: string, real: string): Promise<void> {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const info of entries) {
      const name = info.name;
      const entryAbs = path.join(abs, name);
      const entryRel = rel ? `${rel}/${name}` : name;
      let isDir = info.isDirectory();
      let isFile = info.isFile();
      if (info.isSymbolicLink()) {
        const target = realpathOrUndefined(entryAbs);
        if (!target || (target !== root && !target.startsWith(root + path.sep))) {
          errors.push(new ArticleError(entryRel, "is a symbolic link that points outside the articles folder; it was not read.", { hint: "Copy the article into the folder instead." }));
          continue;
        }
        const targetInfo = statSync(target);
        isDir = targetInfo.isDirectory();
        isFile = targetInfo.isFile();
      }
      if (name.startsWith(".")) {
        ignored.push(entryRel);
        continue;
      }
      if (isDir) {
        // A linked folder is walked after every real one, so the real folder keeps its own
        // name and the link is the one reported (whichever sorts first).
        if (info.isSymbolicLink()) linkedFolders.push({ abs: entryAbs, rel: entryRel });
        else await walkFolder(entryAbs, entryRel);
        continue;
      }
      if (!isFile) continue;
      if (name === DEFAULTS_FILE) {
        defaults.push({ file: entryRel, absolutePath: entryAbs });
        continue;
      }
      if (/\.(md|markdown)$/i.test(name) && /^(readme|contributing)/i.test(name)) {
        ignored.push(entryRel);
        continue;
      }
      const problem = checkArticleFileName(entryRel);
      if (problem) {
        errors.push(new ArticleError(entryRel, problem, { hint: "Rename the file." }));
        continue;
      }
      candidates.push({ file: { file: entryRel, absolutePath: entryAbs }, real: info.isSymbolicLink() ? realpathSync.native(entryAbs) : path.join(real, name), isLink: info.isSymbolicLink() });
    }
  }

  async function walkFolder(abs: string, rel: string): Promise<void> {
    const real = realpathSync.native(abs);
    const first = seen.get(real);
    if (first !== undefined) {
      errors.push(new ArticleError(rel, `is a link to the folder "${first}", which is already read (a loop or a second name).`, { hint: "Remove the link." }));
      return;
    }
    seen.set(real, rel);
    await walk(abs, rel, real);
  }

  const candidates: { file: ArticleFile; real: string; isLink: boolean }[] = [];
  const linkedFolders: { abs: string; rel: string }[] = [];
  await walk(root, "", root);
  // Walking a linked folder can find more links: the list grows while it is read.
  for (let i = 0; i < linkedFolders.length; i++) await walkFolder(linkedFolders[i].abs, linkedFolders[i].rel);
  // Two names for one file (a link to another article) would build the article twice:
  // the plain file keeps it, each link is an error.
  const owner = new Map<string, string>();
  for (const c of [...candidates].sort((a, b) => Number(a.isLink) - Number(b.isLink))) if (!owner.has(c.real)) owner.set(c.real, c.file.file);
  for (const c of candidates) {
    const keeper = owner.get(c.real)!;
    if (keeper === c.file.file) files.push(c.file);
    else errors.push(new ArticleError(c.file.file, `is a second name (a link) for "${keeper}"; it was not read twice.`, { hint: "Remove the link." }));
  }
  return { files, defaults, errors, ignored };
}

export async function readArticleFiles(files: readonly ArticleFile[]): Promise<{ file: string; bytes: Uint8Array }[]> {
  return mapLimited(files, FILE_CONCURRENCY, async (f) => ({ file: f.file, bytes: await readFile(f.absolutePath) }));
}

/** Reads and checks the listing's `_defaults.yml` files; a broken one is an error naming its line. */
export async function readFolderDefaultsFiles(files: readonly ArticleFile[]): Promise<{ parsed: FolderDefaultsFile[]; errors: ArticleError[] }> {
  const parsed: FolderDefaultsFile[] = [];
  const errors: ArticleError[] = [];
  for (const f of files) {
    try {
      parsed.push({ file: f.file, defaults: parseFolderDefaults(await readFile(f.absolutePath, "utf8"), f.file) });
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      errors.push(error);
    }
  }
  return { parsed, errors };
}

/** Each input with what the `_defaults.yml` files above it say. */
export function withFolderDefaults<T extends RawArticleInput>(inputs: readonly T[], defaults: readonly FolderDefaultsFile[]): T[] {
  if (defaults.length === 0) return [...inputs];
  const lookup = folderDefaultsLookup(defaults);
  return inputs.map((input) => {
    const inherited = lookup(input.file);
    return inherited ? { ...input, defaults: inherited } : input;
  });
}

/** The listing's articles read into ingest inputs, each with its folder defaults; broken `_defaults.yml` files are errors. */
export async function readArticleInputs(listing: ArticleListing): Promise<{ inputs: RawArticleInput[]; errors: ArticleError[] }> {
  const { parsed, errors } = await readFolderDefaultsFiles(listing.defaults);
  return { inputs: withFolderDefaults(await readArticleFiles(listing.files), parsed), errors };
}
