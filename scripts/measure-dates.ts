/**
 * Measures publication dates against every dated corpus in ../shared/corpus, through
 * ingest's own steps (decode, furniture, structure, dates), once without folder
 * defaults and once with the `_defaults.yml` a maintainer could honestly write for the
 * corpus from its README. Per corpus and run it prints:
 *
 *   coverage   articles given a date (by precision), of those with a known truth
 *   precision  a day within one day of the truth, a month the right month, a year the right year
 *   wrong yrs  dates in a year the truth rules out
 *   month-day  articles shown with "month and day, year unknown" (and how many are right)
 *
 * Then it measures ways to get a year from body text that were tried and not kept.
 * The corpus is research-only and read in place; when it is absent the script says so.
 *
 *   npx tsx scripts/measure-dates.ts [--corpus reuters21578] [--show-wrong N]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { collectFurnitureEvidence } from "../src/ingest/furniture.ts";
import { folderDefaultsLookup, parseFolderDefaults } from "../src/ingest/folder-defaults.ts";
import { decodeArticle, readArticleFacts, type DecodedArticle } from "../src/ingest/pipeline.ts";
import type { DateResult } from "../src/ingest/dates.ts";

const NOW = new Date("2026-11-23T00:00:00Z");
const CORPUS = resolve(import.meta.dirname, "../../shared/corpus");
const { values } = parseArgs({ options: { corpus: { type: "string" }, "show-wrong": { type: "string" } } });
const showWrong = Number(values["show-wrong"] ?? 0);

/**
 * What a maintainer would put in the corpus folder's `_defaults.yml`, knowing only what
 * its README says (fakenewsnet_v1 spans five years, which pins nothing).
 */
const FOLDER_DEFAULTS: Record<string, string> = {
  reuters21578: "year: 1987",
  fakenewsnet_v1: "period: 2013..2017",
  buzzfeed_webis_2016: "period: 2016-09-19..2016-09-27",
  bbc: "period: 2004..2005",
};

interface Truth {
  /** First and last day the publication can be (one day when the date is known). */
  from: string;
  to: string;
}

interface Sample {
  file: string;
  truth?: Truth;
  decoded?: DecodedArticle;
}

function truthOf(meta: { date?: string | null; period?: string | null }): Truth | undefined {
  if (meta.date) return { from: meta.date.slice(0, 10), to: meta.date.slice(0, 10) };
  const period = meta.period ?? "";
  const days = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (days) return { from: days[1], to: days[2] };
  const years = /^(\d{4})-(\d{4})$/.exec(period);
  if (years) return { from: `${years[1]}-01-01`, to: `${years[2]}-12-31` };
  return undefined;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Right at the date's own precision: the day within one day, the month, or the year. */
function judge(result: DateResult, truth: Truth): { right: boolean; wrongYear: boolean } {
  const date = result.date!;
  const year = date.slice(0, 4);
  const wrongYear = year < truth.from.slice(0, 4) || year > truth.to.slice(0, 4);
  switch (result.date_precision) {
    case "day":
      return { right: dayNumber(date) >= dayNumber(truth.from) - 1 && dayNumber(date) <= dayNumber(truth.to) + 1, wrongYear };
    case "month":
      return { right: date >= truth.from.slice(0, 7) && date <= truth.to.slice(0, 7), wrongYear };
    default:
      return { right: !wrongYear, wrongYear };
  }
}

function loadCorpus(name: string): Sample[] {
  const dir = join(CORPUS, name);
  const metas = readFileSync(join(dir, "meta.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file: string; date?: string | null; period?: string | null });
  return metas.map((m) => ({ file: m.file, truth: truthOf(m), bytes: readFileSync(join(dir, m.file)) })).map(({ file, truth, bytes }) => {
    try {
      return { file, truth, decoded: decodeArticle({ file, bytes }) };
    } catch {
      return { file, truth }; // ingest refuses it: it is on no page, so it has no date to judge
    }
  });
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);

interface Row {
  judged: number;
  dated: number;
  byPrecision: Record<string, number>;
  right: number;
  wrongYears: number;
  monthDay: number;
  monthDayRight: number;
  wrong: string[];
}

function measure(samples: readonly Sample[], defaultsYaml: string | undefined): Row {
  // The whole corpus is one folder: its _defaults.yml applies to every file.
  const lookup = defaultsYaml ? folderDefaultsLookup([{ file: "_defaults.yml", defaults: parseFolderDefaults(defaultsYaml, "_defaults.yml") }]) : undefined;
  const decoded = samples.filter((s) => s.decoded).map((s) => ({ ...s, decoded: lookup ? withDefaults(s.decoded!, lookup(s.file)) : s.decoded! }));
  const evidence = collectFurnitureEvidence(decoded.map((s) => s.decoded.paragraphs));
  const row: Row = { judged: 0, dated: 0, byPrecision: {}, right: 0, wrongYears: 0, monthDay: 0, monthDayRight: 0, wrong: [] };
  row.judged = samples.filter((s) => s.truth).length;
  for (const s of decoded) {
    if (!s.truth) continue;
    let date: DateResult;
    try {
      date = readArticleFacts(s.decoded, evidence, NOW).date;
    } catch {
      continue;
    }
    if (date.date_month_day) {
      row.monthDay++;
      const sameDay = (iso: string) => Math.abs(dayNumber(`2000-${date.date_month_day}`) - dayNumber(`2000-${iso.slice(5)}`)) <= 1;
      if (s.truth.from === s.truth.to && sameDay(s.truth.from)) row.monthDayRight++;
    }
    if (!date.date) continue;
    row.dated++;
    const key = `${date.date_precision} (${date.date_source})`;
    row.byPrecision[key] = (row.byPrecision[key] ?? 0) + 1;
    const { right, wrongYear } = judge(date, s.truth);
    if (right) row.right++;
    else row.wrong.push(`${s.file}: truth ${s.truth.from}${s.truth.to !== s.truth.from ? `..${s.truth.to}` : ""}, given ${date.date} (${date.date_source}: ${date.date_evidence})`);
    if (wrongYear) row.wrongYears++;
  }
  return row;
}

/** A decoded article as if its folder's `_defaults.yml` applied (what decodeArticle does with `input.defaults`). */
function withDefaults(decoded: DecodedArticle, inherited: ReturnType<ReturnType<typeof folderDefaultsLookup>>): DecodedArticle {
  if (!inherited) return decoded;
  return { ...decoded, overrides: { ...inherited.values, ...decoded.overrides }, ...(inherited.period ? { period: inherited.period } : {}) };
}

function printRow(label: string, row: Row): void {
  const kinds = Object.entries(row.byPrecision).sort().map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  console.log(`  ${label}`);
  console.log(`    coverage   ${row.dated}/${row.judged} = ${pct(row.dated, row.judged)}  [${kinds}]`);
  console.log(`    precision  ${row.right}/${row.dated} = ${pct(row.right, row.dated)}`);
  console.log(`    wrong yrs  ${row.wrongYears}`);
  console.log(`    month-day  ${row.monthDay} shown without a year${row.monthDay ? ` (${row.monthDayRight} within a day of the truth's month and day)` : ""}`);
  for (const line of row.wrong.slice(0, showWrong)) console.log(`    WRONG ${line}`);
}

/**
 * Ways to get a year from body text, measured here because they look plausible and do
 * not hold: every one gives wrong years on some corpus (history, year-ago comparisons,
 * maturities and forecasts name years as readily as the present does).
 */
function measureRejectedRules(name: string, samples: readonly Sample[]): void {
  const YEAR = /(?<![\d$.,/-])\b(1[89]\d\d|20\d\d)\b(?![.,]?\d)/g;
  const rules: Record<string, (years: number[]) => number | undefined> = {
    "the latest year the text names": (years) => (years.length ? Math.max(...years) : undefined),
    "the year the text names most (3+ times, no tie)": (years) => {
      const counts = new Map<number, number>();
      for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
      const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
      return first && first[1] >= 3 && (!second || second[1] < first[1]) ? first[0] : undefined;
    },
  };
  for (const [rule, pick] of Object.entries(rules)) {
    let fired = 0;
    let right = 0;
    for (const s of samples) {
      if (!s.truth || !s.decoded) continue;
      const years = [...s.decoded.paragraphs.slice(1).map((p) => p.text).join("\n").matchAll(YEAR)].map((m) => Number(m[1])).filter((y) => y <= NOW.getUTCFullYear());
      const year = pick(years);
      if (year === undefined) continue;
      fired++;
      if (String(year) >= s.truth.from.slice(0, 4) && String(year) <= s.truth.to.slice(0, 4)) right++;
    }
    console.log(`  not kept: ${rule}: right year ${right}/${fired} = ${pct(right, fired)} (${name})`);
  }
}

if (!existsSync(CORPUS)) {
  console.log(`The research corpus is not at ${CORPUS}: nothing to measure. Unit tests cover the rules (test/unit/dates.test.ts).`);
  process.exit(0);
}
const names = values.corpus ? [values.corpus] : Object.keys(FOLDER_DEFAULTS);
for (const name of names) {
  const started = performance.now();
  const samples = loadCorpus(name);
  console.log(`${name}: ${samples.length} articles, ${samples.filter((s) => s.truth).length} with a known date or period`);
  printRow("without folder defaults", measure(samples, undefined));
  const defaults = FOLDER_DEFAULTS[name];
  if (defaults) printRow(`with _defaults.yml "${defaults}"`, measure(samples, defaults));
  measureRejectedRules(name, samples);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
