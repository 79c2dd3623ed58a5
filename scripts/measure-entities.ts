/**
 * Measures entity and tag extraction on the research corpus (../shared/corpus, never part of
 * the repository) and on the seed articles: place recall against Reuters' own place codes,
 * places per article, extraction speed on one core, and the archive-wide steps' time.
 *
 *   npx tsx scripts/measure-entities.ts
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { extractMentions, mentionNames, PLACE_CONTAINER, type ArticleMentions } from "../src/ingest/entities.ts";
import { resolveEntities, EMPTY_ALIAS_TABLE } from "../src/ingest/entity-merge.ts";
import { extractTagCandidates, chooseTags, type TagCandidates } from "../src/ingest/tags.ts";

/**
 * The few place codes of the benchmark's ground truth whose name in data/places.json is
 * not the code title-cased with hyphens as spaces ("el-salvador" → "El Salvador").
 * Hand-written here (no corpus data in the repository); used only to score recall.
 */
const SPECIAL_PLACE_CODES: Record<string, string> = {
  usa: "United States", uk: "United Kingdom", ussr: "Soviet Union", uae: "United Arab Emirates",
  "trinidad-tobago": "Trinidad and Tobago", "yemen-arab-republic": "North Yemen", "yemen-demo-republic": "South Yemen",
  "us-virgin-islands": "U.S. Virgin Islands", burma: "Myanmar", kampuchea: "Cambodia", swaziland: "Eswatini",
  antigua: "Antigua and Barbuda",
};

const root = new URL("..", import.meta.url).pathname;
const corpus = join(root, "..", "shared", "corpus", "reuters21578");

interface Article {
  title: string;
  paragraphs: string[];
}

function canonicalForCode(code: string): string {
  const special = SPECIAL_PLACE_CODES[code];
  if (special) return special;
  return code
    .split("-")
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ");
}

/** The place and every place containing it ("Miami" → United States). */
function withContainers(place: string): string[] {
  const out = [place];
  let current = PLACE_CONTAINER.get(place);
  while (current && !out.includes(current)) {
    out.push(current);
    current = PLACE_CONTAINER.get(current);
  }
  return out;
}

/** CPU time of the work (user + system), so a busy machine does not distort the rate. */
function timeIt<T>(run: () => T): { result: T; ms: number; wallMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, ms: (used.user + used.system) / 1000, wallMs: performance.now() - started };
}

function measureArchive(label: string, articles: Article[]): { mentions: ArticleMentions[] } {
  // Warm up the JIT so the figure is the steady rate a build sees.
  for (const a of articles.slice(0, 200)) {
    extractMentions(a);
    extractTagCandidates(a);
  }
  const extraction = timeIt(() => {
    const mentions: ArticleMentions[] = [];
    const candidates: TagCandidates[] = [];
    for (const a of articles) {
      mentions.push(extractMentions(a));
      candidates.push(extractTagCandidates(a));
    }
    return { mentions, candidates };
  });
  const resolve = timeIt(() => resolveEntities(extraction.result.mentions, EMPTY_ALIAS_TABLE));
  const tags = timeIt(() => chooseTags(extraction.result.candidates));
  const rate = (articles.length / extraction.ms) * 1000;
  console.log(`${label}: ${articles.length} articles`);
  console.log(`  extractMentions + extractTagCandidates: ${extraction.ms.toFixed(0)} ms CPU (${extraction.wallMs.toFixed(0)} ms wall), ${rate.toFixed(0)} articles/s (one core)`);
  console.log(`  resolveEntities: ${resolve.ms.toFixed(0)} ms CPU; chooseTags: ${tags.ms.toFixed(0)} ms CPU (${tags.wallMs.toFixed(0)} ms wall)`);
  const counts = resolve.result.reduce(
    (sum, e) => ({ people: sum.people + e.people.length, organizations: sum.organizations + e.organizations.length, places: sum.places + e.places.length }),
    { people: 0, organizations: 0, places: 0 },
  );
  const n = Math.max(articles.length, 1);
  console.log(
    `  per article: ${(counts.people / n).toFixed(2)} people, ${(counts.organizations / n).toFixed(2)} organizations, ${(counts.places / n).toFixed(2)} places, ${(tags.result.reduce((s, t) => s + t.length, 0) / n).toFixed(2)} tags`,
  );
  return { mentions: extraction.result.mentions };
}

function measureSeeds(): void {
  const folder = join(root, "articles");
  const articles = readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const lines = readFileSync(join(folder, f), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
      return { title: lines[0] ?? "", paragraphs: lines.slice(1) };
    });
  measureArchive("seeds (raw lines, no detokenizing or furniture removal)", articles);
}

function measureReuters(): void {
  if (!existsSync(join(corpus, "meta.jsonl"))) {
    console.log(`Reuters corpus not found at ${corpus}: skipping the corpus measurement.`);
    return;
  }
  const metas = readFileSync(join(corpus, "meta.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; places: string[] });
  const articles = metas.map((meta) => {
    const lines = readFileSync(join(corpus, meta.file), "utf8").split("\n");
    return { title: lines[0] ?? "", paragraphs: lines.slice(1).map((l) => l.trim()).filter(Boolean) };
  });
  const { mentions } = measureArchive("reuters21578", articles);

  let expected = 0;
  let strictHits = 0;
  let containedHits = 0;
  let extractedPlaces = 0;
  metas.forEach((meta, i) => {
    const places = mentionNames(mentions[i]).places;
    extractedPlaces += places.length;
    const strict = new Set(places);
    const contained = new Set(places.flatMap(withContainers));
    for (const code of meta.places) {
      const name = canonicalForCode(code);
      expected++;
      if (strict.has(name)) strictHits++;
      if (contained.has(name)) containedHits++;
    }
  });
  console.log(`  place recall against meta.jsonl codes (${expected} article-place pairs):`);
  console.log(`    named in the text: ${((strictHits / expected) * 100).toFixed(1)}%`);
  console.log(`    named, or a city/state of it named: ${((containedHits / expected) * 100).toFixed(1)}%`);
  console.log(`  extracted places per article: ${(extractedPlaces / articles.length).toFixed(2)}`);
}

measureSeeds();
measureReuters();
