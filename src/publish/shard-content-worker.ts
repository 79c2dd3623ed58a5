import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../errors.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";
import type { InheritedDefaults } from "../ingest/folder-defaults.ts";
import { articleInputHash } from "../ingest/pipeline.ts";
import type { IndexedArticle } from "../site/article-index.ts";
import { sendToParent, serveInOrder } from "./child-process.ts";
import { changedSinceCheckedMessage, shardArticleMarkdown } from "./shard-content.ts";

type Message =
  | { type: "start"; now: string; evidence: FurnitureEvidence; articlesDir: string; contentDir: string }
  | { type: "work"; items: { file: string; defaults?: InheritedDefaults; hash: string; entry: IndexedArticle }[] }
  | { type: "end" };

/**
 * Writes a shard's article files for src/publish/shard-content.ts (writeShardArticles):
 * told the archive's evidence first, then sent pieces of work, it reads each raw file,
 * checks it is the file the shard checked against the summary (its hash), and writes
 * its Markdown. Each piece is answered with the first refusal in it, if any; "end" stops it.
 */
let settings: { now: Date; evidence: FurnitureEvidence; articlesDir: string; contentDir: string } | undefined;

serveInOrder<Message>(async (message) => {
  if (message.type === "start") settings = { now: new Date(message.now), evidence: message.evidence, articlesDir: message.articlesDir, contentDir: message.contentDir };
  else if (message.type === "work") {
    if (!settings) throw new Error("work came before the evidence");
    let refused: { file: string; message: string } | undefined;
    for (const { file, defaults, hash, entry } of message.items) {
      const input = { file, bytes: await readFile(path.join(settings.articlesDir, file)), defaults };
      try {
        if (articleInputHash(input) !== hash) throw new ArticleError(file, changedSinceCheckedMessage);
        await writeFile(path.join(settings.contentDir, `${entry.slug}.md`), shardArticleMarkdown(input, entry, settings.evidence, settings.now));
      } catch (error) {
        if (!(error instanceof ArticleError)) throw error;
        refused = { file, message: error.message };
        break;
      }
    }
    await sendToParent({ type: "batch", count: message.items.length, refused });
  }
});
