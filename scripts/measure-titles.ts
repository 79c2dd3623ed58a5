/**
 * Measures ingest steps 4–5 (furniture removal, structure) against the research
 * corpus in ../shared/corpus: how many extracted titles equal meta.jsonl's title, how
 * many Reuters datelines equal the printed one, and how fast the steps run.
 *
 *   npx tsx scripts/measure-titles.ts [--mismatches N]
 *
 * The corpus is research-only and lives outside the repository; without it this
 * script says so and exits 0.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { collectFurnitureEvidence, removeFurniture } from "../src/ingest/furniture.ts";
import { extractStructure } from "../src/ingest/structure.ts";
import { detectSource } from "../src/ingest/source.ts";
import type { Paragraph } from "../src/ingest/types.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");
const SETS = ["reuters21578", "bbc", "buzzfeed_webis_2016", "fakenewsnet_v1"];

interface Meta {
  file: string;
  title: string;
  dateline?: string | null;
  source?: string | null;
}

/** Simple splitting: each non-empty line is a paragraph (the real step also detokenizes). */
function splitParagraphs(text: string): Paragraph[] {
  const paras: Paragraph[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line !== "") paras.push({ text: line, line: i + 1 });
  });
  return paras;
}

/** Whitespace collapsed, curly quotes and dashes made plain. */
function looseTitle(s: string): string {
  return s
    .replace(/[‘’′`]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const mismatchArg = process.argv.indexOf("--mismatches");
const showMismatches = mismatchArg > 0 ? Number(process.argv[mismatchArg + 1]) : 10;

if (!existsSync(CORPUS)) {
  console.log(`No research corpus at ${CORPUS}: nothing to measure (it is not part of the repository).`);
  process.exit(0);
}

let allArticles = 0;
let allMs = 0;
for (const set of SETS) {
  const metaFile = path.join(CORPUS, set, "meta.jsonl");
  if (!existsSync(metaFile)) {
    console.log(`${set}: no meta.jsonl, skipped`);
    continue;
  }
  const metas: Meta[] = readFileSync(metaFile, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Meta);
  const docs = metas.map((m) => splitParagraphs(readFileSync(path.join(CORPUS, set, m.file), "utf8")));

  const start = performance.now();
  const evidence = collectFurnitureEvidence(docs);
  const evidenceMs = performance.now() - start;
  const results = docs.map((paras) => {
    const { kept, removed } = removeFurniture(paras, evidence);
    const structure = extractStructure(kept);
    return { structure, removed, source: detectSource(structure, removed) };
  });
  const ms = performance.now() - start;
  allArticles += docs.length;
  allMs += ms;

  let exact = 0;
  let loose = 0;
  let fromLead = 0;
  let datelineCompared = 0;
  let datelineExact = 0;
  let sourceFound = 0;
  let sourceRight = 0;
  const removedByKind = new Map<string, number>();
  const mismatches: string[] = [];
  results.forEach(({ structure, removed, source }, i) => {
    const meta = metas[i];
    if (structure.title === meta.title) exact++;
    if (looseTitle(structure.title) === looseTitle(meta.title)) loose++;
    else if (mismatches.length < showMismatches) {
      mismatches.push(`  ${meta.file}: got ${JSON.stringify(structure.title.slice(0, 100))} want ${JSON.stringify(meta.title.slice(0, 100))}`);
    }
    if (structure.title_source === "lead") fromLead++;
    if (meta.dateline) {
      datelineCompared++;
      if (structure.dateline_raw === meta.dateline.trim()) datelineExact++;
    }
    if (source.source) {
      sourceFound++;
      if (meta.source && source.source.toLowerCase().includes(meta.source.toLowerCase())) sourceRight++;
    }
    for (const item of [...removed, ...structure.removed]) {
      removedByKind.set(item.kind, (removedByKind.get(item.kind) ?? 0) + 1);
    }
  });

  const n = docs.length;
  const pct = (k: number) => `${((100 * k) / n).toFixed(2)}%`;
  console.log(`\n${set}: ${n} articles`);
  console.log(`  titles equal to meta.jsonl: ${exact} (${pct(exact)}); after whitespace/quote normalization: ${loose} (${pct(loose)})`);
  console.log(`  titles cut from the lead: ${fromLead}`);
  if (datelineCompared > 0) {
    console.log(`  datelines as printed equal to meta.jsonl: ${datelineExact} of ${datelineCompared}`);
  }
  console.log(`  source found: ${sourceFound}; agreeing with meta.jsonl: ${sourceRight}`);
  console.log(`  recurring lines in evidence: ${evidence.recurring.length} (threshold ${evidence.minArticles} articles), collected in ${evidenceMs.toFixed(0)} ms`);
  console.log(`  removed: ${[...removedByKind].map(([k, v]) => `${k} ${v}`).join(", ") || "nothing"}`);
  console.log(`  steps 4–5 (+ source): ${ms.toFixed(0)} ms, ${Math.round((n / ms) * 1000)} articles/s`);
  if (mismatches.length > 0) console.log(`  first title mismatches:\n${mismatches.join("\n")}`);
}
if (allArticles > 0) {
  console.log(`\nall sets: ${allArticles} articles in ${allMs.toFixed(0)} ms, ${Math.round((allArticles / allMs) * 1000)} articles/s`);
}
