import { readFileSync } from "node:fs";
import path from "node:path";
import type { Paragraph } from "../../src/ingest/types.ts";
import { projectRoot } from "./site-build.ts";

/**
 * A seed article's text as its author wrote it: without the front-matter block of
 * corrections at the top of the file (the seeds' dates), so line 1 is its first line.
 */
export function seedText(name: string): string {
  return readFileSync(path.join(projectRoot, "articles", name), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
}

/** A seed article as paragraphs, one per non-empty line (right for the seeds not Treebank-tokenized: 001, 002, 004). */
export function seedParagraphs(name: string): Paragraph[] {
  const paras: Paragraph[] = [];
  seedText(name)
    .split("\n")
    .forEach((raw, i) => {
      const text = raw.replace(/\s+/g, " ").trim();
      if (text) paras.push({ text, line: i + 1 });
    });
  return paras;
}

/** Hand-written paragraphs, numbered from line 1. */
export function paragraphsOf(...texts: string[]): Paragraph[] {
  return texts.map((text, i) => ({ text, line: i + 1 }));
}
