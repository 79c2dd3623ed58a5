import { z } from "zod";
import { KNOWN_NAMES, type ArticleMentions, type EntityKind } from "./entities.ts";
import type { EntityMentions } from "./types.ts";
import { slugWords } from "./slug.ts";

/**
 * Archive-wide entity names: one entity, one name. Works on the mentions of every article
 * at once so that "Trump" in one article and "President Donald Trump" in another end up on
 * the same page. Every choice is made by counting, with ties broken by plain string order,
 * so the result never depends on the order articles arrive in.
 */

export interface AliasTable {
  /** Name as extracted or merged → the name the site uses. */
  canonical: Map<string, string>;
  /** Names automatic merging leaves as they are. */
  keepSeparate: Set<string>;
  /** Names dropped everywhere. */
  ignore: Set<string>;
}

const AliasFile = z
  .object({
    _comment: z.string().optional(),
    canonical: z.record(z.string().min(1), z.string().min(1)).optional(),
    keep_separate: z.array(z.string().min(1)).optional(),
    ignore: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Validates data/aliases.json (already parsed); throws an Error naming the bad key. */
export function loadAliasTable(json: unknown): AliasTable {
  const parsed = AliasFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`).join("; ");
    throw new Error(
      `data/aliases.json is not a valid alias file: ${problems}. Expected {"canonical": {"name": "canonical name"}, "keep_separate": ["name"], "ignore": ["name"]}.`,
    );
  }
  const canonical = new Map(Object.entries(parsed.data.canonical ?? {}));
  for (const [from, to] of canonical) {
    if (canonical.has(to) && canonical.get(to) !== to) {
      throw new Error(`data/aliases.json: "${from}" maps to "${to}", which itself maps to "${canonical.get(to)}"; point "${from}" at the final name.`);
    }
  }
  return { canonical, keepSeparate: new Set(parsed.data.keep_separate ?? []), ignore: new Set(parsed.data.ignore ?? []) };
}

export const EMPTY_ALIAS_TABLE: AliasTable = { canonical: new Map(), keepSeparate: new Set(), ignore: new Set() };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most frequent candidate; ties go to the longer name, then to string order. */
function pickMostFrequent(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [name, count] of counts) {
    if (
      best === undefined ||
      count > bestCount ||
      (count === bestCount && (name.length > best.length || (name.length === best.length && compareStrings(name, best) < 0)))
    ) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

function increment(counts: Map<string, Map<string, number>>, key: string, value: string): void {
  let inner = counts.get(key);
  if (!inner) counts.set(key, (inner = new Map()));
  inner.set(value, (inner.get(value) ?? 0) + 1);
}

function lastNameOf(fullName: string): string {
  const parts = fullName.split(" ");
  const last = parts[parts.length - 1];
  return /^(Jr\.|Sr\.|II|III|IV)$/.test(last) && parts.length > 2 ? parts[parts.length - 2] : last;
}

export function resolveEntities(all: ArticleMentions[], aliases: AliasTable): EntityMentions[] {
  const applyAlias = (name: string) => aliases.canonical.get(name) ?? name;

  // Acronyms: what articles define them as, by vote; then the curated lists.
  const acronymVotes = new Map<string, Map<string, number>>();
  for (const article of all) for (const [acronym, longForm] of Object.entries(article.acronyms)) increment(acronymVotes, acronym, longForm);
  const acronymMeaning = new Map<string, string>();
  for (const [acronym, votes] of acronymVotes) acronymMeaning.set(acronym, pickMostFrequent(votes)!);

  // People: a lone surname becomes the full name the archive uses most with that surname.
  const fullNamesBySurname = new Map<string, Map<string, number>>();
  const placeNames = new Set<string>();
  for (const article of all) {
    const seen = new Set<string>();
    for (const m of article.mentions) {
      if (m.kind === "place") placeNames.add(applyAlias(m.name));
      if (m.kind !== "person" || !m.name.includes(" ") || seen.has(m.name)) continue;
      seen.add(m.name);
      increment(fullNamesBySurname, lastNameOf(m.name), applyAlias(m.name));
    }
  }
  const personForSurname = new Map<string, string>();
  for (const [surname, names] of fullNamesBySurname) personForSurname.set(surname, pickMostFrequent(names)!);

  const resolveName = (name: string, kind: EntityKind): string => {
    const overridden = aliases.canonical.get(name);
    if (overridden) return overridden;
    if (aliases.keepSeparate.has(name)) return name;
    let resolved = name;
    if (kind === "person" && !name.includes(" ")) {
      resolved = personForSurname.get(name) ?? name;
    } else if (kind === "organization") {
      const known = KNOWN_NAMES.get(name);
      resolved = known?.kind === "organization" ? known.canonical : acronymMeaning.get(name) ?? name;
    } else if (kind === "place") {
      const known = KNOWN_NAMES.get(name);
      if (known?.kind === "place") resolved = known.canonical;
      // "Miami-Dade" is the "Miami-Dade County" other articles name in full.
      else if (!name.endsWith(" County") && placeNames.has(`${name} County`)) resolved = `${name} County`;
    }
    return applyAlias(resolved);
  };

  const perArticle = all.map((article) => {
    const lists: Record<EntityKind, Set<string>> = { person: new Set(), organization: new Set(), place: new Set() };
    for (const m of article.mentions) {
      if (aliases.ignore.has(m.name)) continue;
      // Undefined capitals count only when some article (or the curated list) says what they stand for.
      if (m.evidence === "acronym-use" && !acronymMeaning.has(m.name) && !aliases.canonical.has(m.name)) continue;
      const name = resolveName(m.name, m.kind);
      if (aliases.ignore.has(name)) continue;
      lists[m.kind].add(name);
    }
    return lists;
  });

  // Names that differ only in case, accents or punctuation ("Banque Nationale De Paris" /
  // "Banque Nationale de Paris") are one entity, named by the form the archive uses most.
  // The same names recur across articles: each is folded once (NFKD and two replacements are not cheap).
  const folds = new Map<string, string>();
  const fold = (name: string): string => {
    let folded = folds.get(name);
    if (folded === undefined) folds.set(name, (folded = foldName(name)));
    return folded;
  };
  const spellingFor = new Map<EntityKind, Map<string, string>>();
  for (const kind of ["person", "organization", "place"] as const) {
    const byFold = new Map<string, Map<string, number>>();
    for (const lists of perArticle) for (const name of lists[kind]) increment(byFold, fold(name), name);
    const chosen = new Map<string, string>();
    for (const [folded, names] of byFold) {
      const commonest = pickMostFrequent(names)!;
      chosen.set(folded, aliases.canonical.get(commonest) ?? commonest);
    }
    spellingFor.set(kind, chosen);
  }
  const respell = (kind: EntityKind, names: Set<string>) =>
    [...new Set([...names].map((n) => (aliases.keepSeparate.has(n) ? n : spellingFor.get(kind)!.get(fold(n)) ?? n)))].sort(compareStrings);

  return perArticle.map((lists) => ({
    people: respell("person", lists.person),
    organizations: respell("organization", lists.organization),
    places: respell("place", lists.place),
  }));
}

/** What stays of a name when case, accents, apostrophes and punctuation are set aside: its slug words. */
export function foldName(name: string): string {
  return slugWords(name).join(" ");
}
