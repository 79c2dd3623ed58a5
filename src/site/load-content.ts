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

/** Reads every generated `.md` file in `dir` (sorted), validating each against the schema. */
export async function loadContentDir(dir: string): Promise<ContentArticle[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".md")).sort();
  return mapLimited(names, FILE_CONCURRENCY, async (name) => {
    const text = await readFile(path.join(dir, name), "utf8");
    return parseArticleMarkdown(text, path.join(dir, name));
  });
}
