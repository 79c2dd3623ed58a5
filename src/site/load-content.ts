import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArticleMarkdown } from "../ingest/markdown.ts";
import type { ArticleRecord } from "../schema.ts";
import { FILE_CONCURRENCY, mapLimited } from "../util/map-limited.ts";

export interface ContentArticle {
  record: ArticleRecord;
  /** Escaped Markdown body, as ingest wrote it. */
  markdown: string;
}

// Ingest writes UTF-8; a file that is not was damaged after, and is refused rather than
// published with replacement characters.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads every generated `.md` file in `dir` (sorted), validating each against the schema. */
export async function loadContentDir(dir: string): Promise<ContentArticle[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".md")).sort();
  return mapLimited(names, FILE_CONCURRENCY, async (name) => {
    const file = path.join(dir, name);
    const bytes = await readFile(file);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new Error(`${file}: generated Markdown is not valid UTF-8 (damaged on disk?). Re-run ingest.`);
    }
    return parseArticleMarkdown(text, file);
  });
}
