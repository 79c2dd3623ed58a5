/**
 * Scores furniture removal and headline extraction on furnished test sets
 * (scripts/furnished-set.ts): per corpus and per kind, the share of headlines right,
 * of furniture lines removed, and of long real paragraphs (150+ characters) kept.
 * Each corpus's set is ingested as one archive, so recurring-line evidence works as it
 * does in a real build.
 *
 *   npx tsx scripts/measure-furniture.ts [--per-kind 30] [--seed 13] [--vocabulary tuning|holdout] [--show N]
 *   npx tsx scripts/measure-furniture.ts --kinds banner,site-name --site-sizes 1,2,3,10,50 [--source-share 0.5]
 *
 * `--site-sizes` varies how many articles each made-up site has (1: a one-off banner) and
 * adds a table per site size; `--source-share` gives that share of sites `source:` front
 * matter (what a folder's `_defaults.yml` would say).
 *
 * Without ../shared/corpus it says so and exits 0.
 */
import { existsSync } from "node:fs";
import { ingestArchive } from "../src/ingest/pipeline.ts";
import { repairMojibake } from "../src/ingest/decode.ts";
import { rejoinDropCaps } from "../src/ingest/drop-caps.ts";
import { CORPUS_DIR, KINDS, makeFurnishedSet, type FurnishedArticle, type FurnitureKind } from "./furnished-set.ts";

const SETS = (process.env.MEASURE_SETS ?? "reuters21578,bbc,buzzfeed_webis_2016,fakenewsnet_v1").split(",");
const LONG_PARAGRAPH = 150;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Case, quote style and spacing aside (and the mojibake decoding repairs, as ingest does). */
function loose(text: string): string {
  return repairMojibake(text).normalize("NFC").replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

interface Score {
  articles: number;
  headlines: number;
  furniture: number;
  removed: number;
  long: number;
  kept: number;
  refused: number;
}

const empty = (): Score => ({ articles: 0, headlines: 0, furniture: 0, removed: 0, long: 0, kept: 0, refused: 0 });

function add(into: Score, from: Score): void {
  for (const key of Object.keys(into) as (keyof Score)[]) into[key] += from[key];
}

/** Scores per kind, and per kind and site size ("banner 10"). */
export function scoreSet(set: FurnishedArticle[], show = 0, log: string[] = []): Map<string, Score> {
  const result = ingestArchive(
    set.map((a) => ({ file: a.file, bytes: new TextEncoder().encode(a.text), ...(a.source ? { defaults: { values: { source: a.source } } } : {}) })),
    { now: new Date("2030-01-01") },
  );
  const byFile = new Map(result.articles.map((a) => [a.record.source_file, a]));
  const scores = new Map<string, Score>(KINDS.map((k) => [k, empty()]));
  for (const article of set) {
    const score = empty();
    const into = [scores.get(article.kind)!, scores.get(`${article.kind} ${article.siteSize}`) ?? scores.set(`${article.kind} ${article.siteSize}`, empty()).get(`${article.kind} ${article.siteSize}`)!];
    scoreArticle(article, byFile.get(article.file), score, show, log);
    for (const s of into) add(s, score);
  }
  return scores;
}

function scoreArticle(article: FurnishedArticle, ingested: ReturnType<typeof ingestArchive>["articles"][number] | undefined, score: Score, show: number, log: string[]): void {
  {
    score.articles++;
    score.furniture += article.furniture.length;
    score.long += rejoinDropCaps(article.paragraphs.map((text, line) => ({ text, line }))).filter((p) => p.text.length >= LONG_PARAGRAPH).length;
    if (!ingested) {
      score.refused++;
      if (log.length < show) log.push(`${article.file}: refused`);
      return;
    }
    const { record, body } = ingested;
    const title = record.title_original ?? record.title;
    if (loose(title) === loose(article.headline)) score.headlines++;
    else if (log.length < show) log.push(`${article.file} [${article.kind}] title ${JSON.stringify(title)} want ${JSON.stringify(article.headline)}`);
    const shown = [title, record.dek ?? "", ...body].map(loose);
    for (const line of article.furniture) {
      const l = loose(line);
      const left = shown.some((s) => s === l || (l.length >= 20 && s.includes(l)) || (s.startsWith(l + " ") && l.length >= 4));
      if (!left) score.removed++;
      else if (log.length < show) log.push(`${article.file} [${article.kind}] furniture kept: ${JSON.stringify(line)}`);
    }
    const bodyText = body.map(loose);
    // Drop caps split in the source are rejoined by ingest: compare with the rejoined text.
    const truth = rejoinDropCaps(article.paragraphs.map((text, line) => ({ text, line }))).map((p) => p.text);
    for (const p of truth) {
      if (p.length < LONG_PARAGRAPH) continue;
      const tail = loose(p).slice(-80);
      if (bodyText.some((b) => b.includes(tail))) score.kept++;
      else if (log.length < show) log.push(`${article.file} [${article.kind}] paragraph lost: ${JSON.stringify(p.slice(0, 100))}`);
    }
  }
}

function main(): void {
  if (!existsSync(CORPUS_DIR)) {
    console.log(`No research corpus at ${CORPUS_DIR}: nothing to measure (it is not part of the repository).`);
    return;
  }
  const perKind = Number(arg("per-kind", "30"));
  const seed = Number(arg("seed", "13"));
  const vocabulary = arg("vocabulary", "tuning") as "tuning" | "holdout";
  const show = Number(arg("show", "0"));
  const siteSizes = arg("site-sizes", "") ? arg("site-sizes", "").split(",").map(Number) : undefined;
  const sourceShare = arg("source-share", "") ? Number(arg("source-share", "")) : undefined;
  const kinds = arg("kinds", "") ? (arg("kinds", "").split(",") as FurnitureKind[]) : undefined;
  const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);
  const total = new Map<string, Score>();
  const log: string[] = [];
  console.log(
    `Furnished sets: ${perKind} articles per kind per corpus, seed ${seed}, ${vocabulary} vocabulary` +
      `${siteSizes ? `, sites of ${siteSizes.join(", ")} articles in turn` : ""}${sourceShare !== undefined ? `, ${sourceShare * 100}% of sites named in front matter` : ""}.\n`,
  );
  console.log("| corpus | articles | headlines right | furniture removed | long paragraphs kept | refused |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const corpus of SETS) {
    const scores = scoreSet(makeFurnishedSet({ corpus, perKind, seed, vocabulary, perSite: 5, siteSizes, sourceShare, kinds }), show, log);
    const all = empty();
    for (const [key, s] of scores) {
      if (!key.includes(" ")) add(all, s);
      if (!total.has(key)) total.set(key, empty());
      add(total.get(key)!, s);
    }
    console.log(`| ${corpus} | ${all.articles} | ${pct(all.headlines, all.articles)} | ${pct(all.removed, all.furniture)} | ${pct(all.kept, all.long)} | ${all.refused} |`);
  }
  console.log("\n| kind | articles | headlines right | furniture lines | removed | long paragraphs kept |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const grand = empty();
  const row = (label: string, s: Score) => console.log(`| ${label} | ${s.articles} | ${pct(s.headlines, s.articles)} | ${s.furniture} | ${pct(s.removed, s.furniture)} | ${pct(s.kept, s.long)} |`);
  for (const kind of kinds ?? KINDS) {
    const s = total.get(kind)!;
    add(grand, s);
    row(kind, s);
  }
  row("all", grand);
  if (siteSizes) {
    console.log("\n| kind, articles of its site | articles | headlines right | furniture lines | removed | long paragraphs kept |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    const bySize = [...total.keys()].filter((k) => k.includes(" ")).sort((a, b) => {
      const [ka, na] = a.split(" ");
      const [kb, nb] = b.split(" ");
      return KINDS.indexOf(ka as FurnitureKind) - KINDS.indexOf(kb as FurnitureKind) || Number(na) - Number(nb);
    });
    for (const key of bySize) row(key, total.get(key)!);
  }
  if (log.length > 0) console.error(log.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
