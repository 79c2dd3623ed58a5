/**
 * Compares the names src/ingest/entities.ts reads with those another copy of it reads
 * (main's, say), article by article, on every set of ../shared/corpus: how many articles
 * change, the names gained and lost per kind, and a sample of each, to judge a rule change
 * on every corpus before keeping it.
 *
 *   npx tsx scripts/compare-entities.ts --baseline /path/to/other/src/ingest/entities.ts [--n 2000] [--show 15]
 *
 * Articles are read as the corpus stores them (headline on line 1, paragraphs separated by
 * blank lines), not through ingest's furniture and structure steps: both copies read the same text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "./cli-args.ts";
import * as current from "../src/ingest/entities.ts";

const ROOT = resolve(import.meta.dirname, "..");
const CORPUS = resolve(ROOT, "../shared/corpus");
const { values } = parseArgs(process.argv.slice(2), { baseline: "string", n: "string", show: "string" });
if (typeof values.baseline !== "string") {
  console.error("Pass --baseline with the path of the entities.ts to compare with (e.g. a checkout of main).");
  process.exit(2);
}
if (!existsSync(CORPUS)) {
  console.log(`No corpus at ${CORPUS}: nothing to compare.`);
  process.exit(0);
}
const baseline = (await import(pathToFileURL(resolve(values.baseline)).href)) as typeof current;
const n = Number(values.n ?? 2000);
const show = Number(values.show ?? 15);

type Names = ReturnType<typeof current.mentionNames>;
const KINDS = ["people", "organizations", "places", "events"] as const;

for (const set of readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, "meta.jsonl"))).sort()) {
  const files = readFileSync(join(CORPUS, set, "meta.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { file: string }).file)
    .sort();
  const count = Math.min(n, files.length);
  let changed = 0;
  const gained = new Map<string, string[]>();
  const lost = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const file = files[Math.floor((i * files.length) / count)];
    const lines = readFileSync(join(CORPUS, set, file), "utf8").split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
    const input = { title: lines[0] ?? "", paragraphs: lines.slice(1) };
    const now: Names = current.mentionNames(current.extractMentions({ title: input.title, paragraphs: [...input.paragraphs] }));
    const was: Names = baseline.mentionNames(baseline.extractMentions({ title: input.title, paragraphs: [...input.paragraphs] }));
    let differs = false;
    for (const kind of KINDS) {
      for (const name of now[kind]) if (!was[kind].includes(name)) ((gained.get(kind) ?? gained.set(kind, []).get(kind)!).push(name), (differs = true));
      for (const name of was[kind]) if (!now[kind].includes(name)) ((lost.get(kind) ?? lost.set(kind, []).get(kind)!).push(name), (differs = true));
    }
    if (differs) changed++;
  }
  console.log(`\n## ${set}: ${changed} of ${count} articles change`);
  for (const kind of KINDS) {
    const g = gained.get(kind) ?? [];
    const l = lost.get(kind) ?? [];
    if (g.length + l.length === 0) continue;
    console.log(`- ${kind}: +${g.length} / -${l.length}`);
    if (g.length) console.log(`  gained: ${g.slice(0, show).join(" | ")}`);
    if (l.length) console.log(`  lost: ${l.slice(0, show).join(" | ")}`);
  }
}
