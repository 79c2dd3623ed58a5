/**
 * Measures the authors ingest reads (bylines, and the bio under a story without one)
 * against `meta.jsonl`'s authors, on every corpus in ../shared/corpus, each ingested as
 * one archive through the real pipeline. Per corpus it prints:
 *
 *   truth       articles whose meta.jsonl names authors
 *   printed     of those, articles whose text prints one of the names (what a reader of
 *               the file could find; the rest name their authors only on the web page)
 *   given       articles ingest gives an author
 *   right       of those, articles whose every author is one meta.jsonl names
 *   found       of the `printed`, articles given a right author (recall)
 *   no truth    articles ingest gives an author that meta.jsonl names no author for
 *
 * The names are compared without case, accents or punctuation; BuzzFeed-Webis gives its
 * authors as one string ("Brian Ross Rhonda Schwartz"), so a name inside it counts.
 * The corpus is research-only and read in place; without it the script says so.
 *
 *   npx tsx scripts/measure-authors.ts [--sets bbc,fakenewsnet_v1] [--show N]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ingestArchive } from "../src/ingest/pipeline.ts";
import { parseArgs } from "./cli-args.ts";

const CORPUS = resolve(import.meta.dirname, "../../shared/corpus");
const SETS = ["reuters21578", "bbc", "buzzfeed_webis_2016", "fakenewsnet_v1"];
const { values } = parseArgs(process.argv.slice(2), { sets: "string", show: "string" });
const sets = typeof values.sets === "string" ? values.sets.split(",") : SETS;
const show = Number(values.show ?? 0);

interface Meta {
  file: string;
  authors?: string | string[] | null;
}

/** Lower case, no accents, letters and spaces only. */
function looseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

if (!existsSync(CORPUS)) {
  console.log(`No research corpus at ${CORPUS}: nothing to measure (it is not part of the repository).`);
  process.exit(0);
}

console.log("| corpus | articles | truth | printed | given | right | found (of printed) | given with no truth |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const notes: string[] = [];
for (const set of sets) {
  const metas = readFileSync(join(CORPUS, set, "meta.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Meta);
  const texts = new Map(metas.map((m) => [m.file, readFileSync(join(CORPUS, set, m.file))]));
  const result = ingestArchive(
    metas.map((m) => ({ file: m.file, bytes: texts.get(m.file)! })),
    { now: new Date("2026-11-23T00:00:00Z") },
  );
  const byFile = new Map(result.articles.map((a) => [a.record.source_file, a.record]));
  let truthCount = 0;
  let printed = 0;
  let given = 0;
  let right = 0;
  let found = 0;
  let noTruth = 0;
  for (const m of metas) {
    const record = byFile.get(m.file);
    if (!record) continue;
    const got = (record.authors ?? []).map(looseName).filter(Boolean);
    const truth = (Array.isArray(m.authors) ? m.authors : m.authors ? [m.authors] : []).map(looseName).filter(Boolean);
    if (got.length) given++;
    if (truth.length === 0) {
      if (got.length) {
        noTruth++;
        notes.push(`${set}/${m.file}: given ${JSON.stringify(record.authors)}, meta.jsonl names none`);
      }
      continue;
    }
    truthCount++;
    const all = ` ${truth.join(" ")} `;
    const text = ` ${looseName(texts.get(m.file)!.toString("utf8"))} `;
    const isPrinted = truth.some((t) => text.includes(` ${t} `));
    if (isPrinted) printed++;
    const hits = got.filter((g) => all.includes(` ${g} `));
    if (got.length && hits.length === got.length) right++;
    else if (got.length) notes.push(`${set}/${m.file}: given ${JSON.stringify(record.authors)}, meta.jsonl ${JSON.stringify(m.authors)}`);
    if (isPrinted && hits.length) found++;
    else if (isPrinted) notes.push(`${set}/${m.file}: none given, meta.jsonl ${JSON.stringify(m.authors)} is printed`);
  }
  const pct = (a: number, b: number) => (b ? `${a} (${((100 * a) / b).toFixed(1)}%)` : `${a}`);
  console.log(`| ${set} | ${result.articles.length} | ${truthCount} | ${printed} | ${given} | ${pct(right, given - noTruth)} | ${pct(found, printed)} | ${noTruth} |`);
}
for (const note of notes.slice(0, show)) console.log(`  ${note}`);
