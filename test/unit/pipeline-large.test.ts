import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingestArchive, type RawArticleInput } from "../../src/ingest/pipeline.ts";

/**
 * The pipeline on long articles (over 50,000 characters): slower than pipeline.test.ts, so
 * apart from it (a mutation run tries the quick file first).
 */

const NOW = new Date("2026-11-23T00:00:00Z");
const article = (file: string, text: string): RawArticleInput => ({ file, bytes: new TextEncoder().encode(text) });

/** Paragraphs of made-up harbor prose, the same for the same seed. */
function harborProse(minLength: number, seed: number): string {
  const words = ["harbor", "pier", "council", "ferry", "budget", "vote", "repair", "spring", "tide", "boat", "crew", "storm", "plank", "rope", "gull"];
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const paragraphs: string[] = [];
  let length = 0;
  while (length < minLength) {
    const sentence = Array.from({ length: 40 }, () => words[Math.floor(next() * words.length)]).join(" ");
    paragraphs.push(`The ${sentence}.`);
    length += sentence.length + 7;
  }
  return paragraphs.join("\n\n");
}

describe("long articles", () => {
  it("compares two long articles on their headline and first 50,000 characters: a copy with another ending after them is a copy", () => {
    // The 50,000th character falls inside the last paragraph, whose endings differ after it.
    const shared = harborProse(48_000, 7);
    const last = harborProse(3_000, 8).replaceAll("\n\n", " ");
    const result = ingestArchive(
      [
        article("a.txt", `Long harbor report\n\n${shared}\n\n${last} The first ending is here and nowhere else.`),
        article("b.txt", `Long harbor report\n\n${shared}\n\n${last} A second ending was written instead.`),
      ],
      { now: NOW },
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.warnings.filter((w) => w.kind === "duplicate").map((w) => [w.file, w.message.slice(0, 30)]),
      [["b.txt", "has the same text as a.txt (\"L"]],
    );
    const [a, b] = result.articles;
    assert.deepEqual(a.record.same_story, [b.record.slug]);
    assert.ok(a.body.at(-1)!.endsWith("The first ending is here and nowhere else."));
    assert.ok(`Long harbor report\n\n${shared}\n\n`.length < 50_000 && `Long harbor report\n\n${shared}\n\n${last}`.length > 50_000);
  });
});
