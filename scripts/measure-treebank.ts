/**
 * Measures how well ingest undoes Penn Treebank tokenization: every corpus article is
 * tokenized with scripts/treebank-tokenizer.ts (NLTK's rules, sentence by sentence, as
 * `word_tokenize` does), run through ingest's decoding step (detection, detokenizing,
 * paragraphs), and compared paragraph by paragraph with the original run through the
 * same step.
 *
 *   npx tsx scripts/measure-treebank.ts [--style treebank|nltk|both] [--limit N] [--show N]
 *
 * A paragraph is exact when it equals the original up to quote style (ingest writes
 * “curly” quotes and ’ for apostrophes where the tokenizer left `` '' and '). Spacing
 * errors are spaces missing or extra, as a share of the original's characters; other
 * differences (a word changed) are counted apart. Paragraphs the tokenizer left as they
 * were are reported but are not what the figure is about.
 *
 * The corpus is research-only and lives outside the repository; without it this script
 * says so and exits 0.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { decodeArticle } from "../src/ingest/pipeline.ts";
import { tokenizeParagraph, type TreebankStyle } from "./treebank-tokenizer.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");
const SETS = (process.env.MEASURE_SETS ?? "reuters21578,bbc,buzzfeed_webis_2016,fakenewsnet_v1").split(",");

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Quote style is not what tokenizing loses: “ ” " and ‘ ’ ' compare equal. */
export function quoteBlind(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}

/**
 * Spaces missing or extra in `got` against `want`, when the two have the same
 * characters otherwise; undefined when they differ in more than spaces.
 */
export function spacingErrors(want: string, got: string): number | undefined {
  if (want.replace(/ /g, "") !== got.replace(/ /g, "")) return undefined;
  let errors = 0;
  let i = 0;
  let j = 0;
  while (i < want.length || j < got.length) {
    const spaceW = want[i] === " ";
    const spaceG = got[j] === " ";
    if (spaceW && spaceG) {
      i++;
      j++;
    } else if (spaceW) {
      errors++;
      i++;
    } else if (spaceG) {
      errors++;
      j++;
    } else {
      i++;
      j++;
    }
  }
  return errors;
}

interface Tally {
  articles: number;
  changed: number;
  changedExact: number;
  unchanged: number;
  unchangedExact: number;
  spacingErrors: number;
  otherDifferences: number;
  characters: number;
  notDetected: number;
  examples: string[];
}

function listArticles(set: string): string[] {
  const meta = path.join(CORPUS, set, "meta.jsonl");
  return readFileSync(meta, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => path.join(CORPUS, set, (JSON.parse(l) as { file: string }).file));
}

function paragraphsOf(file: string, text: string): string[] {
  try {
    return decodeArticle({ file, bytes: new TextEncoder().encode(text) }).paragraphs.map((p) => p.text);
  } catch {
    return [];
  }
}

function measure(set: string, style: TreebankStyle, limit: number, show: number): Tally {
  const tally: Tally = { articles: 0, changed: 0, changedExact: 0, unchanged: 0, unchangedExact: 0, spacingErrors: 0, otherDifferences: 0, characters: 0, notDetected: 0, examples: [] };
  for (const file of listArticles(set).slice(0, limit)) {
    const text = readFileSync(file, "utf8");
    const original = paragraphsOf(file, text);
    if (original.length === 0) continue;
    const tokenizedText = text
      .split("\n")
      .map((line) => tokenizeParagraph(line.replace(/\s+/g, " ").trim(), style))
      .join("\n");
    const restored = paragraphsOf(file, tokenizedText);
    tally.articles++;
    if (restored.some((p) => / (?:,|\.|''|n't|'s)(?: |$)|`` /.test(p))) tally.notDetected++;
    original.forEach((want, k) => {
      const got = restored[k] ?? "";
      const changed = tokenizeParagraph(want, style) !== want;
      const exact = quoteBlind(got) === quoteBlind(want);
      if (changed) {
        tally.changed++;
        if (exact) tally.changedExact++;
      } else {
        tally.unchanged++;
        if (exact) tally.unchangedExact++;
      }
      tally.characters += want.length;
      if (exact) return;
      const spacing = spacingErrors(quoteBlind(want), quoteBlind(got));
      if (spacing === undefined) tally.otherDifferences++;
      else tally.spacingErrors += spacing;
      if (tally.examples.length < show) {
        const a = quoteBlind(want);
        const b = quoteBlind(got);
        let at = 0;
        while (at < a.length && a[at] === b[at]) at++;
        const from = Math.max(0, at - 40);
        tally.examples.push(`  ${path.relative(CORPUS, file)}\n    want …${want.slice(from, at + 40)}\n    got  …${got.slice(from, at + 40)}`);
      }
    });
  }
  return tally;
}

function main(): void {
  if (!existsSync(CORPUS)) {
    console.log(`No research corpus at ${CORPUS}: nothing to measure (it is not part of the repository).`);
    return;
  }
  const styleArg = argument("style") ?? "both";
  const styles: TreebankStyle[] = styleArg === "both" ? ["treebank", "nltk"] : [styleArg as TreebankStyle];
  const limit = Number(argument("limit") ?? Infinity);
  const show = Number(argument("show") ?? 0);
  const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(2)}%`);
  console.log("| tokenizer | corpus | articles | tokenized paragraphs | restored exactly | spacing errors (% of chars) | paragraphs with other differences | untouched paragraphs kept |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const style of styles) {
    const all: Tally = { articles: 0, changed: 0, changedExact: 0, unchanged: 0, unchangedExact: 0, spacingErrors: 0, otherDifferences: 0, characters: 0, notDetected: 0, examples: [] };
    for (const set of SETS) {
      const t = measure(set, style, limit, show);
      for (const key of Object.keys(all) as (keyof Tally)[]) if (key !== "examples") (all[key] as number) += t[key] as number;
      console.log(`| ${style} | ${set} | ${t.articles} | ${t.changed} | ${pct(t.changedExact, t.changed)} | ${pct(t.spacingErrors, t.characters)} | ${t.otherDifferences} | ${pct(t.unchangedExact, t.unchanged)} |`);
      if (t.examples.length > 0) console.error(`${style} ${set}:\n${t.examples.join("\n")}`);
    }
    console.log(`| ${style} | all | ${all.articles} | ${all.changed} | ${pct(all.changedExact, all.changed)} | ${pct(all.spacingErrors, all.characters)} | ${all.otherDifferences} | ${pct(all.unchangedExact, all.unchanged)} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
