import { createReporter } from "../reporter.ts";
import { ingestDir, summarizeIngest, type IngestDirOptions } from "./ingest-dir.ts";

/**
 * Ingest in a process of its own (src/publish/ingest-process.ts forks it for large
 * archives): every article's text and analysis lives here and is gone when it exits,
 * so the render processes that follow do not run beside it. Progress goes to the
 * shared terminal; the summary goes back to the parent.
 */
process.once("message", async (message: { options: Omit<IngestDirOptions, "reporter" | "now"> & { now: string } }) => {
  try {
    const result = await ingestDir({ ...message.options, now: new Date(message.options.now), reporter: createReporter() });
    process.send!({ ok: true, summary: summarizeIngest(result) }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
