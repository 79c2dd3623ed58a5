/**
 * Prints random people, organizations, places, works and events, and topics of a build,
 * so a maintainer can audit them by eye: each with the number of articles naming it,
 * whether it gets a page, and one headline that names it.
 *
 *   npx tsx scripts/audit-names.ts [--content generated/articles] [--n 50] [--seed 1] [--kinds people,organizations,tags] [--pages]
 *   npx tsx scripts/audit-names.ts --corpus fakenewsnet_v1 [--seed 7]
 *
 * `--content` is a folder of generated Markdown (what `npm run build` or `npm run ingest`
 * writes); `--corpus` ingests one set of ../shared/corpus in memory instead (its file
 * names need not be safe article names). `--pages` samples only names that get a page.
 * The same seed gives the same sample.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingestArchive } from "../src/ingest/pipeline.ts";
import type { ArticleRecord } from "../src/schema.ts";
import { loadContentDir } from "../src/site/load-content.ts";
import { ENTITY_KINDS, pageThreshold, type EntityKind } from "../src/site/entity-pages.ts";
import { parseArgs } from "./cli-args.ts";
import { mulberry32 } from "./seeded-random.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs(process.argv.slice(2), { content: "string", corpus: "string", n: "string", seed: "string", kinds: "string", pages: "boolean" });
const contentDir = path.resolve(String(values.content ?? path.join(root, "generated/articles")));
const n = Number(values.n ?? 50);
const kinds = String(values.kinds ?? "people,organizations,places,events,tags").split(",") as EntityKind[];


/** Ingests one set of the research corpus in memory, as one archive. */
function ingestCorpus(set: string): { record: ArticleRecord }[] {
  const dir = path.resolve(root, "../shared/corpus", set);
  const files = readFileSync(path.join(dir, "meta.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { file: string }).file);
  const inputs = files.map((file) => ({ file: file.split("/").join("-").toLowerCase(), bytes: readFileSync(path.join(dir, file)) }));
  return ingestArchive(inputs, { now: new Date("2026-11-23T00:00:00Z") }).articles;
}

const content = values.corpus
  ? ingestCorpus(String(values.corpus))
  : await loadContentDir(contentDir).catch((error: Error) => {
      console.error(`Cannot read generated articles in ${contentDir}: ${error.message}\nBuild first (npm run build), or pass --content DIR.`);
      process.exit(2);
    });
const next = mulberry32(Number(values.seed ?? 1));
console.log(`${content.length} articles in ${values.corpus ? `corpus set ${values.corpus}` : contentDir}`);
for (const kind of kinds) {
  const info = ENTITY_KINDS.find((k) => k.kind === kind);
  if (!info) {
    console.error(`Unknown kind "${kind}"; use ${ENTITY_KINDS.map((k) => k.kind).join(", ")}.`);
    process.exit(2);
  }
  const uses = new Map<string, { count: number; example: string }>();
  for (const { record } of content) {
    for (const name of new Set((record as unknown as Record<string, string[] | undefined>)[kind] ?? [])) {
      const use = uses.get(name);
      if (use) use.count++;
      else uses.set(name, { count: 1, example: record.title });
    }
  }
  const threshold = pageThreshold(kind);
  const names = [...uses.keys()].filter((name) => !values.pages || uses.get(name)!.count >= threshold).sort();
  const paged = [...uses.values()].filter((u) => u.count >= threshold).length;
  // A partial Fisher–Yates shuffle: the first n of a random order.
  for (let i = 0; i < Math.min(n, names.length); i++) {
    const j = i + Math.floor(next() * (names.length - i));
    [names[i], names[j]] = [names[j], names[i]];
  }
  console.log(`\n## ${info.label}: ${uses.size} names, ${paged} with a page (named by ${threshold}+ articles); ${Math.min(n, names.length)} at random${values.pages ? " among those with a page" : ""}`);
  for (const name of names.slice(0, n)) {
    const use = uses.get(name)!;
    console.log(`${use.count >= threshold ? "page" : "    "} ${String(use.count).padStart(4)}  ${name}    — e.g. “${use.example.slice(0, 70)}”`);
  }
}
