import { BuildFailedError } from "./build.ts";
import { createReporter } from "../reporter.ts";
import type { ArchiveConfig } from "./config.ts";
import { writeShardContent, type ShardContentReply } from "./shard-stage.ts";
import type { BuildShard } from "../site/build-shards.ts";
import type { BuildVersions } from "./versions.ts";

/**
 * A shard's read and articles stages in a process of their own (src/publish/shard-stage.ts
 * forks it): the summary, the raw files and the articles' Markdown are read and made here,
 * and the memory they took is gone when it exits. Progress goes to the shared terminal; a
 * refusal (a ShardBuildError: a stale summary, a changed file) goes back as its message.
 */
type Message = { config: Omit<ArchiveConfig, "now"> & { now: string }; options: { summaryFile: string; shard: BuildShard }; versions?: BuildVersions; contentDir: string };

process.once("message", async (message: Message) => {
  try {
    const config: ArchiveConfig = { ...message.config, now: new Date(message.config.now) };
    const content = await writeShardContent(config, message.options, { reporter: createReporter(), versions: message.versions }, message.contentDir);
    const reply: ShardContentReply = { ok: true, content };
    process.send!(reply, () => process.exit(0));
  } catch (error) {
    if (error instanceof BuildFailedError) {
      const reply: ShardContentReply = { ok: true, refused: error.message };
      process.send!(reply, () => process.exit(0));
    } else process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
