/**
 * Times ingest on N real corpus articles (an even mix of the three sets), single thread:
 * the whole `ingestArchive` in articles per second, then each step on its own, in wall
 * time and in CPU time (the machine may be shared, so CPU time is the steadier figure).
 * The corpus is research-only and read in place; when it is absent the script says so.
 *
 *   npx tsx scripts/profile-ingest.ts [--n 10000] [--runs 3]
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pickCorpusArticles } from "../src/bench/corpus-sample.ts";
import { ArticleRecord } from "../src/schema.ts";
import { extractPublicationDate } from "../src/ingest/dates.ts";
import { extractMentions } from "../src/ingest/entities.ts";
import { loadAliasTable, resolveEntities } from "../src/ingest/entity-merge.ts";
import { collectFurnitureEvidence, removeFurniture } from "../src/ingest/furniture.ts";
import { decodeArticle, ingestArchive, type DecodedArticle, type RawArticleInput } from "../src/ingest/pipeline.ts";
import { assignSlugs } from "../src/ingest/slug.ts";
import { detectSource } from "../src/ingest/source.ts";
import { extractStructure } from "../src/ingest/structure.ts";
import { countWords, summarizeLead } from "../src/ingest/summary.ts";
import { chooseTags, extractTagCandidates } from "../src/ingest/tags.ts";
import { parseArgs } from "./cli-args.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CORPUS = path.resolve(ROOT, "../shared/corpus");
const SETS = ["reuters21578", "bbc", "buzzfeed_webis_2016"];
const NOW = new Date("2026-01-01T00:00:00Z");

const { values } = parseArgs(process.argv.slice(2), { n: "string", runs: "string" });
const n = Number(values.n ?? 10_000);
const runs = Number(values.runs ?? 3);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("--n and --runs take positive whole numbers.");
  process.exit(2);
}
if (!existsSync(CORPUS)) {
  console.log(`Profile skipped: the article corpus is not at ${CORPUS} (it is not part of the repository). Nothing was measured.`);
  process.exit(0);
}

function listTxt(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listTxt(full, `${prefix}${entry}/`));
    else if (entry.endsWith(".txt")) out.push(`${prefix}${entry}`);
  }
  return out;
}
const sources = SETS.flatMap((set) => listTxt(path.join(CORPUS, set), `${set}/`));
const inputs: RawArticleInput[] = pickCorpusArticles(sources, n).map((p) => ({ file: p.name, bytes: readFileSync(path.join(CORPUS, p.source)) }));

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(run: () => T): [T, Timing] {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return [result, { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }];
}

/** Each step over all articles in turn, as ingestArchive runs them (errors are skipped). */
function stepByStep(): Map<string, Timing> {
  const steps = new Map<string, Timing>();
  const step = <T>(name: string, run: () => T): T => {
    const [result, t] = timed(run);
    steps.set(name, t);
    return result;
  };
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const decoded = step("decode", () => {
    const out: DecodedArticle[] = [];
    for (const input of sorted) {
      try {
        out.push(decodeArticle(input));
      } catch {
        // refused files are not part of the profile
      }
    }
    return out;
  });
  const evidence = step("furniture evidence", () => collectFurnitureEvidence(decoded.map((d) => d.paragraphs)));
  const kept = step("facts: furniture", () => decoded.map((d) => removeFurniture(d.paragraphs, evidence)));
  const structures = step("facts: structure", () => kept.map((k) => extractStructure(k.kept)));
  step("facts: source", () => structures.map((s, i) => detectSource(s, [...kept[i].removed, ...s.removed])));
  const articles = structures.map((s, i) => ({ file: decoded[i].file, title: s.title, body: s.body.map((p) => p.text), datelineRaw: s.dateline_raw }));
  step("facts: date", () =>
    articles.map((a) => extractPublicationDate({ paragraphs: a.body, title: a.title, fileName: a.file, datelineRaw: a.datelineRaw, now: NOW })),
  );
  // Mentions and tags article by article, as ingest runs them (tags reuse the body's tokens).
  const mentions: ReturnType<typeof extractMentions>[] = [];
  const candidates: ReturnType<typeof extractTagCandidates>[] = [];
  const mentionsTime: Timing = { wallMs: 0, cpuMs: 0 };
  const tagsTime: Timing = { wallMs: 0, cpuMs: 0 };
  const add = (total: Timing, t: Timing) => {
    total.wallMs += t.wallMs;
    total.cpuMs += t.cpuMs;
  };
  for (const a of articles) {
    const [m, mt] = timed(() => extractMentions({ title: a.title, paragraphs: a.body }));
    const [c, ct] = timed(() => extractTagCandidates({ title: a.title, paragraphs: a.body }));
    mentions.push(m);
    candidates.push(c);
    add(mentionsTime, mt);
    add(tagsTime, ct);
  }
  steps.set("mentions", mentionsTime);
  steps.set("tag candidates", tagsTime);
  step("resolveEntities", () => resolveEntities(mentions, loadAliasTable({})));
  step("chooseTags", () => chooseTags(candidates));
  step("records", () => {
    const slugs = assignSlugs(articles.map((a) => ({ sourceFile: a.file, title: a.title })));
    for (const a of articles) {
      ArticleRecord.safeParse({
        source_file: a.file,
        title: a.title,
        title_source: "first_line",
        slug: slugs.get(a.file),
        authors: [],
        people: [],
        organizations: [],
        places: [],
        tags: [],
        summary: summarizeLead(a.body),
        word_count: countWords(a.body),
        removed: [],
      });
    }
  });
  return steps;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => ms.toFixed(0).padStart(7);

console.log(`${inputs.length} corpus articles (${SETS.join(", ")}), ${runs} runs, medians; node ${process.version}`);
ingestArchive(inputs.slice(0, 200), { now: NOW }); // warm up the JIT and the word lists

const whole: Timing[] = [];
let accepted = 0;
for (let r = 0; r < runs; r++) {
  const [result, t] = timed(() => ingestArchive(inputs, { now: NOW }));
  accepted = result.articles.length;
  whole.push(t);
}
const wallMs = median(whole.map((t) => t.wallMs));
const cpuMs = median(whole.map((t) => t.cpuMs));
console.log(`ingestArchive: ${accepted} articles kept; wall ${fmt(wallMs)} ms (${(inputs.length / (wallMs / 1000)).toFixed(0)} articles/s), cpu ${fmt(cpuMs)} ms (${(inputs.length / (cpuMs / 1000)).toFixed(0)} articles/s of CPU)`);

const perStep: Map<string, Timing>[] = [];
for (let r = 0; r < runs; r++) perStep.push(stepByStep());
console.log(`\n| step | wall ms | cpu ms | share of cpu |\n|---|---:|---:|---:|`);
const names = [...perStep[0].keys()];
const cpuOf = (name: string) => median(perStep.map((s) => s.get(name)!.cpuMs));
const totalCpu = names.reduce((sum, name) => sum + cpuOf(name), 0);
for (const name of names) {
  const wall = median(perStep.map((s) => s.get(name)!.wallMs));
  console.log(`| ${name} | ${fmt(wall)} | ${fmt(cpuOf(name))} | ${((100 * cpuOf(name)) / totalCpu).toFixed(1).padStart(5)}% |`);
}
console.log(`| all steps | | ${fmt(totalCpu)} | |`);
