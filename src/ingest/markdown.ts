import matter from "gray-matter";
import { ArticleRecord } from "../schema.ts";

/**
 * Markdown output. Raw article text is untrusted, so every character Markdown
 * could read as structure is backslash-escaped (CommonMark allows a backslash
 * before any ASCII punctuation), and markdown-it renders with `html: false`.
 * Front matter is written by gray-matter (js-yaml), which quotes anything that
 * would otherwise be read as YAML structure.
 */

// Inline characters that open emphasis, code, links, HTML, entities, tables or strikethrough.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;
// Line starts that open headings, lists, block quotes or thematic breaks ("# ", "- ", "+ ", "=").
const BLOCK_MARKER_START = /^(\s*)([#+=-])/;
// "1. " and "1) " open ordered lists.
const ORDERED_LIST_START = /^(\s*\d+)([.)])/;

export function escapeMarkdownText(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(BLOCK_MARKER_START, "$1\\$2")
    .replace(ORDERED_LIST_START, "$1\\$2");
}

/** One Markdown paragraph per body paragraph; newlines inside a paragraph become spaces. */
export function bodyToMarkdown(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => escapeMarkdownText(p.replace(/\s+/g, " ").trim())).join("\n\n") + "\n";
}

// Front matter key order: the contract's order, so files diff cleanly.
const KEY_ORDER = Object.keys(ArticleRecord.shape);

export function articleToMarkdown(record: ArticleRecord, bodyParagraphs: readonly string[]): string {
  return articleFile(record, bodyToMarkdown(bodyParagraphs));
}

/** articleToMarkdown of a body already made into Markdown (bodyToMarkdown). */
export function articleFile(record: ArticleRecord, markdownBody: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  // Passing options disables gray-matter's global cache, which would otherwise keep every file in memory.
  return matter.stringify(markdownBody, ordered, {});
}

export interface ParsedArticleMarkdown {
  record: ArticleRecord;
  markdown: string;
}

/** Reads a generated Markdown file back, validating its front matter against the schema. */
export function parseArticleMarkdown(text: string, fileForMessages: string): ParsedArticleMarkdown {
  const parsed = matter(text, {});
  const result = ArticleRecord.safeParse(parsed.data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${fileForMessages}: generated front matter does not match the article schema (${issues}). Re-run ingest.`);
  }
  return { record: result.data, markdown: parsed.content };
}
