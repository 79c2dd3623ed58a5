import { ArticleError } from "../errors.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import { articleToMarkdown, bodyToMarkdown } from "../ingest/markdown.ts";
import { decodeArticle, readArticleFacts, type RawArticleInput } from "../ingest/pipeline.ts";
import { summarizeLead } from "../ingest/summary.ts";
import type { ArticleRecord } from "../schema.ts";
import { indexArticle, type IndexedArticle } from "../site/article-index.ts";

/**
 * A shard's article files, made from its own raw files and the archive summary: the
 * summary holds each article's record but its body (the light index), so a shard reads
 * the body again from the raw file, with the archive-wide furniture evidence the summary
 * carries, exactly as ingest did. Only the per-article steps run (decode, furniture,
 * structure, credits); entities, tags, slugs and links come from the summary.
 *
 * The body must hash to the summary's content_hash: if it does not, the raw file or the
 * ingest code is not what the summary was made from, and the shard says so rather than
 * publish a page that differs from a single build.
 */
export function shardArticleMarkdown(input: RawArticleInput, entry: IndexedArticle, evidence: FurnitureEvidence, now: Date): string {
  const facts = readArticleFacts(decodeArticle(input), evidence, now);
  const { content_hash, ...light } = entry;
  const record = { ...light, removed: facts.removed, summary: summarizeLead(facts.body) } as ArticleRecord;
  for (const key of Object.keys(record) as (keyof ArticleRecord)[]) if (record[key] === undefined) delete record[key];
  if (indexArticle(record, bodyToMarkdown(facts.body)).content_hash !== content_hash) {
    throw new ArticleError(
      input.file,
      "reads differently from what the archive summary says of it (its body, removed furniture or summary differ).",
      { hint: "The summary was made from another version of this file or of the ingest code: make the summary again, then build every shard with it." },
    );
  }
  return articleToMarkdown(record, facts.body);
}
