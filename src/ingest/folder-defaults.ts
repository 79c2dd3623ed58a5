import matter from "gray-matter";
import { ArticleError } from "../errors.ts";
import { FolderDefaults, FOLDER_DEFAULT_KEYS, type ContributorFrontMatter } from "../schema.ts";
import type { DatePeriod } from "./dates.ts";

/**
 * Folder defaults: a `_defaults.yml` in the articles folder or any folder below it says
 * once what every article file there and below shares (its source, year or period,
 * language, authors). A nearer file wins over a farther one, key by key (`year` and
 * `period` count as one key: when); an article's own front matter wins over both.
 * The schema (FolderDefaults in src/schema.ts) decides which keys exist. Pure: the
 * caller lists and reads the files (src/ingest/article-files.ts).
 */

export const DEFAULTS_FILE = "_defaults.yml";

/** What one article inherits from the `_defaults.yml` files above it. */
export interface InheritedDefaults {
  /** Front matter the article takes unless it sets the key itself. */
  values: Partial<ContributorFrontMatter>;
  /** When the folder's articles were published (from `year` or `period`). */
  period?: DatePeriod;
}

/** One parsed `_defaults.yml`. */
export interface FolderDefaultsFile {
  /** Path relative to the articles folder, e.g. "reuters/_defaults.yml". */
  file: string;
  defaults: FolderDefaults;
}

const WHEN_KEYS = new Set(["year", "period"]);
const INHERITED_KEYS = FOLDER_DEFAULT_KEYS.filter((k) => !WHEN_KEYS.has(k)) as (keyof ContributorFrontMatter)[];

const HINT = `A ${DEFAULTS_FILE} holds \`key: value\` lines, for example \`source: Reuters\`, \`year: 1987\` or \`period: 1987-02..1987-10\`, \`lang: en\`, \`authors: [Jane Doe]\`.`;

/** Reads one `_defaults.yml`; bad YAML, unknown keys and bad values are errors naming the line. */
export function parseFolderDefaults(text: string, file: string): FolderDefaults {
  let data: unknown;
  try {
    // gray-matter's YAML reader (js-yaml), as for front matter: one YAML dialect for both.
    data = matter(`---\n${text.replace(/\r\n?/g, "\n")}\n---\n`, {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // An unclosed bracket is reported at the end of the text: name the last line instead.
    const lastLine = text.trimEnd().split(/\r\n?|\n/).length;
    throw new ArticleError(file, `is not valid YAML (${(error as Error).message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}).`, {
      line: mark?.line !== undefined ? Math.min(mark.line + 1, lastLine) : undefined,
      hint: `Fix it on that line or just above. ${HINT}`,
    });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ArticleError(file, "must be a list of `key: value` lines.", { line: 1, hint: HINT });
  }
  const result = FolderDefaults.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === "unrecognized_keys") {
      const suggestion = issue.keys.includes("date") ? " A folder has no single date: use `year: 1987` or `period: 1987-02..1987-10`." : "";
      throw new ArticleError(file, `${plural(issue.keys.length, "key")} ${issue.keys.map((k) => `"${k}"`).join(", ")} cannot be set for a folder.${suggestion}`, {
        line: keyLine(text, issue.keys[0]),
        hint: `Keys a ${DEFAULTS_FILE} can set: ${FOLDER_DEFAULT_KEYS.join(", ")}.`,
      });
    }
    const key = String(issue.path[0] ?? "");
    const value = JSON.stringify((data as Record<string, unknown>)[key]) ?? "empty";
    throw new ArticleError(file, `"${key}" is ${value}, which ${EXPECTED[key] ?? `is not allowed (${issue.message})`}.`, { line: keyLine(text, key), hint: valueHint(key) });
  }
  const defaults = result.data;
  if (defaults.year !== undefined && defaults.period !== undefined) {
    throw new ArticleError(file, "sets both `year` and `period`; they say the same thing.", {
      line: keyLine(text, "period"),
      hint: "Keep one: `year: 1987` for a whole year, `period: 1987-02..1987-10` for part of one or several.",
    });
  }
  if (defaults.period !== undefined && parsePeriod(defaults.period) === undefined) {
    throw new ArticleError(file, `"period" is "${defaults.period}", which ${EXPECTED.period}.`, { line: keyLine(text, "period"), hint: valueHint("period") });
  }
  return defaults;
}

/**
 * "1987", "1987-02", "1987-02-26", or two of those joined by "..", as first and last
 * day (a month or year as an end means its last day). Undefined when not a real span.
 */
export function parsePeriod(value: string): { from: string; to: string } | undefined {
  const parts = value.split(".."); // periodEnd trims each part
  if (parts.length > 2) return undefined;
  const from = periodEnd(parts[0], "first");
  const to = periodEnd(parts[parts.length - 1], "last");
  return from && to && from <= to ? { from, to } : undefined;
}

function periodEnd(text: string, which: "first" | "last"): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : which === "first" ? 1 : 12;
  if (year < 1800 || month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : which === "first" ? 1 : lastDay;
  if (day < 1 || day > lastDay) return undefined;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The article's date period from one file's `year` or `period`, with the evidence naming the file. */
function periodOf(file: FolderDefaultsFile): DatePeriod | undefined {
  const { year, period } = file.defaults;
  if (year !== undefined) return { from: `${year}-01-01`, to: `${year}-12-31`, evidence: `${file.file}: year ${year}` };
  const span = period === undefined ? undefined : parsePeriod(period);
  return span && { ...span, evidence: `${file.file}: period ${period}` };
}

/** The folder of a path relative to the articles folder ("" for the folder itself). */
function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf("/");
  return slash === -1 ? "" : relativePath.slice(0, slash);
}

/**
 * What each article file inherits: a function from an article's path (relative to the
 * articles folder) to the merged defaults of every `_defaults.yml` above it, or
 * undefined when there are none.
 */
export function folderDefaultsLookup(files: readonly FolderDefaultsFile[]): (articleFile: string) => InheritedDefaults | undefined {
  const byFolder = new Map(files.map((f) => [folderOf(f.file), f]));
  const merged = new Map<string, InheritedDefaults | undefined>();
  const forFolder = (folder: string): InheritedDefaults | undefined => {
    if (merged.has(folder)) return merged.get(folder);
    const parent = folder === "" ? undefined : forFolder(folderOf(folder));
    const own = byFolder.get(folder);
    let result = parent;
    if (own) {
      const values: Partial<ContributorFrontMatter> = { ...parent?.values };
      for (const key of INHERITED_KEYS) if (own.defaults[key as keyof FolderDefaults] !== undefined) Object.assign(values, { [key]: own.defaults[key as keyof FolderDefaults] });
      result = { values, period: periodOf(own) ?? parent?.period };
      if (!result.period) delete result.period;
    }
    merged.set(folder, result);
    return result;
  };
  return (articleFile) => forFolder(folderOf(articleFile));
}

/** The article's own front matter over what its folders say. */
export function applyFolderDefaults(inherited: InheritedDefaults | undefined, own: ContributorFrontMatter): ContributorFrontMatter {
  if (!inherited) return own;
  const result: ContributorFrontMatter = { ...own };
  for (const [key, value] of Object.entries(inherited.values)) {
    if (result[key as keyof ContributorFrontMatter] === undefined) Object.assign(result, { [key]: value });
  }
  return result;
}

/** 1-based line of `key:` in the file's text, when it is there. */
function keyLine(text: string, key: string): number | undefined {
  const index = text.split(/\r\n?|\n/).findIndex((line) => new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*:`).test(line));
  return index === -1 ? undefined : index + 1;
}

const EXPECTED: Record<string, string> = {
  year: "is not a year of four digits (1800 or later)",
  period: "is not a span of dates",
  authors: "is not a list of names",
  lang: "is not a language tag",
  source: "is not a publisher's name",
};

function valueHint(key: string): string {
  switch (key) {
    case "year":
      return "Write the year as four digits: `year: 1987`.";
    case "period":
      return "Write the first and last month or day joined by two dots: `period: 1987-02..1987-10` or `period: 2016-09-19..2016-09-27`.";
    case "authors":
      return "List names in brackets: `authors: [Jane Doe, John Roe]`.";
    case "lang":
      return "Use a language tag: `lang: en`.";
    case "source":
      return "Write the publisher's name: `source: Reuters`.";
    default:
      return HINT;
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
