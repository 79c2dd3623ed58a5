/**
 * Measures the readable titles (src/ingest/titles.ts) on the research corpus in
 * ../shared/corpus: per corpus, how many headlines are printed in capitals (and so get a
 * sentence-case title), and, with `--against REF`, how many titles differ from those the
 * titles.ts of a git commit or branch gives, with examples.
 *
 *   npx tsx scripts/measure-title-case.ts [--against main] [--examples N]
 *
 * Headlines are meta.jsonl's titles; the body is the article file's lines after the first.
 * The corpus is research-only and lives outside the repository; without it this script
 * says so and exits 0.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isAllCaps, readableTitle } from "../src/ingest/titles.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CORPUS = path.resolve(ROOT, "../shared/corpus");
const SETS = ["reuters21578", "bbc", "buzzfeed_webis_2016", "fakenewsnet_v1"];

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const against = arg("--against");
const examples = Number(arg("--examples") ?? 5);

if (!existsSync(CORPUS)) {
  console.log(`No research corpus at ${CORPUS}: nothing to measure (it is not part of the repository).`);
  process.exit(0);
}

/** The titles.ts of another commit, written to a scratch folder with its imports pointed back at this checkout. */
async function loadOther(ref: string): Promise<typeof readableTitle> {
  const source = execFileSync("git", ["show", `${ref}:src/ingest/titles.ts`], { cwd: ROOT, encoding: "utf8" })
    .replaceAll('"../../data/', `"${pathToFileURL(path.join(ROOT, "data")).href}/`)
    .replaceAll('"./', `"${pathToFileURL(path.join(ROOT, "src/ingest")).href}/`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "titles-")), "titles.ts");
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { readableTitle: typeof readableTitle }).readableTitle;
}

const other = against ? await loadOther(against) : undefined;
for (const set of SETS) {
  const metaFile = path.join(CORPUS, set, "meta.jsonl");
  if (!existsSync(metaFile)) continue;
  const metas = readFileSync(metaFile, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as { file: string; title: string | null });
  let caps = 0;
  let differ = 0;
  const shown: string[] = [];
  for (const meta of metas) {
    if (!meta.title) continue;
    const body = readFileSync(path.join(CORPUS, set, meta.file), "utf8").split(/\r?\n/).slice(1).map((l) => l.trim()).filter(Boolean);
    if (isAllCaps(meta.title)) caps++;
    if (!other) continue;
    const now = readableTitle(meta.title, body).title;
    const before = other(meta.title, body).title;
    if (now !== before) {
      differ++;
      if (shown.length < examples) shown.push(`    ${before}  →  ${now}`);
    }
  }
  console.log(`${set}: ${metas.length} articles, ${caps} headlines in capitals${other ? `, ${differ} titles differ from ${against}'s` : ""}`);
  for (const line of shown) console.log(line);
}
