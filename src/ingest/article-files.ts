import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../errors.ts";

/** Safe raw article names: lowercase ASCII letters, digits, `.`, `_`, `-`, ending in `.txt`. */
export const SAFE_ARTICLE_NAME = /^[a-z0-9][a-z0-9._-]*\.txt$/;

export function checkArticleFileName(relativePath: string): string | undefined {
  const base = relativePath.split("/").pop() ?? relativePath;
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
  errors: ArticleError[];
  /** Non-article files that were skipped on purpose (README.md, .gitkeep...). */
  ignored: string[];
}

/**
 * Lists raw article files under `dir`, sorted by name so output never depends on
 * file system order. Symlinks are followed only when they stay inside the folder;
 * unsafe names (capitals, spaces, accents, `..`) are errors, not skips.
 */
export async function listArticleFiles(dir: string): Promise<ArticleListing> {
  const root = await realpath(dir).catch(() => {
    throw new Error(`The articles folder "${dir}" does not exist. Create it, or pass --articles DIR.`);
  });
  const files: ArticleFile[] = [];
  const errors: ArticleError[] = [];
  const ignored: string[] = [];

  async function walk(abs: string, rel: string): Promise<void> {
    const entries = (await readdir(abs)).sort();
    for (const name of entries) {
      const entryAbs = path.join(abs, name);
      const entryRel = rel ? `${rel}/${name}` : name;
      const info = await lstat(entryAbs);
      let isDir = info.isDirectory();
      let isFile = info.isFile();
      if (info.isSymbolicLink()) {
        const target = await realpath(entryAbs).catch(() => undefined);
        if (!target || (target !== root && !target.startsWith(root + path.sep))) {
          errors.push(new ArticleError(entryRel, "is a symbolic link that points outside the articles folder; it was not read.", { hint: "Copy the article into the folder instead." }));
          continue;
        }
        const targetInfo = await stat(target);
        isDir = targetInfo.isDirectory();
        isFile = targetInfo.isFile();
      }
      if (name.startsWith(".")) {
        ignored.push(entryRel);
        continue;
      }
      if (isDir) {
        await walk(entryAbs, entryRel);
        continue;
      }
      if (!isFile) continue;
      if (/\.(md|markdown)$/i.test(name) && /^(readme|contributing)/i.test(name)) {
        ignored.push(entryRel);
        continue;
      }
      const problem = checkArticleFileName(entryRel);
      if (problem) {
        errors.push(new ArticleError(entryRel, problem, { hint: "Rename the file." }));
        continue;
      }
      files.push({ file: entryRel, absolutePath: entryAbs });
    }
  }

  await walk(root, "");
  return { files, errors, ignored };
}

export async function readArticleFiles(files: readonly ArticleFile[]): Promise<{ file: string; bytes: Uint8Array }[]> {
  return Promise.all(files.map(async (f) => ({ file: f.file, bytes: await readFile(f.absolutePath) })));
}
