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

const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|Junior|Senior|II|III|IV)$/;

/** "Junior" and "Jr" are written "Jr."; "Senior" and "Sr" "Sr.". */
function normalizeSuffix(name: string): string {
  return name.replace(/ (?:Jr\.?|Junior)$/, " Jr.").replace(/ (?:Sr\.?|Senior)$/, " Sr.");
}

interface NameParts {
  first: string;
  /** Middle names and initials. */
  middle: string[];
  last: string;
  /** "Jr.", "III", or "" */
  suffix: string;
}

function nameParts(fullName: string): NameParts {
  const words = fullName.split(" ");
  const suffix = words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]) ? words.pop()! : "";
  return { first: words[0], middle: words.slice(1, -1), last: words[words.length - 1], suffix };
}

/** Two middle-name lists that can be one person's: one empty, or word by word the same (an initial matches its name). */
function middlesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const initial = (w: string) => /^\p{Lu}\.$/u.test(w);
  // "Kathleen Kennedy Townsend" and "Kathleen Hartington Kennedy Townsend": the shorter's
  // middle names, written in full, all in the longer's in order. Not initials: "George W.
  // Bush" is not "George H. W. Bush".
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    if (short.some(initial)) return false;
    let at = 0;
    for (const word of short) {
      while (at < long.length && long[at] !== word) at++;
      if (at++ >= long.length) return false;
    }
    return true;
  }
  return a.every((x, i) => {
    const y = b[i];
    return x === y || ((initial(x) || initial(y)) && x[0] === y[0]);
  });
}

/** Levenshtein distance, up to `limit` (returns limit + 1 beyond it). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** How much more often a spelling must be used before a close spelling is taken for a misspelling of it. */
export const MISSPELLING_RATIO = 5;

/**
 * One name per person across the archive. `counts`: full names (two words or more) → articles.
 * Returns each full name's canonical form:
 * - middle names and initials: "Donald J. Trump", "Keith Lamont Scott" are "Donald Trump" and
 *   "Keith Scott" when no other middle name goes with that first and last name (George W. and
 *   George H. W. Bush stay two people, and a plain "George Bush" stays apart from both);
 * - a suffix belongs to the name: "Donald Trump Jr." is never "Donald Trump";
 * - a misspelling: a first or last name one letter off (five letters or more) from a spelling
 *   used MISSPELLING_RATIO times as often, with the other name the same ("Barrack Obama").
 * The commonest spelling names the group; ties go to string order.
 */
export function mergePersonNames(counts: ReadonlyMap<string, number>): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const name of counts.keys()) {
    const p = nameParts(name);
    const key = `${p.first}\u0000${p.last}\u0000${p.suffix}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(name);
  }
  const canonical = new Map<string, string>();
  const groupTotal = new Map<string, number>();
  /** Per group: the name its members take (a misspelling of the group takes it too). */
  const groupLead = new Map<string, string>();
  for (const [key, names] of groups) {
    const middles = names.map((n) => nameParts(n).middle).filter((m) => m.length > 0);
    const agree = middles.every((m) => middles.every((o) => middlesAgree(m, o)));
    const members = agree ? names : names.filter((n) => nameParts(n).middle.length === 0);
    const lead = pickMostFrequent(new Map(members.map((n) => [n, counts.get(n)!])))!;
    groupLead.set(key, lead);
    for (const n of members) canonical.set(n, lead);
    for (const n of names) if (!canonical.has(n)) canonical.set(n, n);
    groupTotal.set(key, members.reduce((sum, n) => sum + counts.get(n)!, 0));
  }
  // Misspellings: compare groups sharing a last name (or a first name), most used first.
  const keys = [...groups.keys()].sort((a, b) => groupTotal.get(b)! - groupTotal.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const byLast = new Map<string, string[]>();
  const byFirst = new Map<string, string[]>();
  for (const key of keys) {
    const [first, last, suffix] = key.split("\u0000");
    (byLast.get(`${last}\u0000${suffix}`) ?? byLast.set(`${last}\u0000${suffix}`, []).get(`${last}\u0000${suffix}`)!).push(key);
    (byFirst.get(`${first}\u0000${suffix}`) ?? byFirst.set(`${first}\u0000${suffix}`, []).get(`${first}\u0000${suffix}`)!).push(key);
  }
  const target = new Map<string, string>();
  const consider = (siblings: readonly string[], part: 0 | 1) => {
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        const big = siblings[i];
        const small = siblings[j];
        if (target.has(small) || target.has(big)) continue;
        const a = big.split("\u0000")[part];
        const b = small.split("\u0000")[part];
        if (Math.min(a.length, b.length) < 5 || a[0] !== b[0]) continue;
        if (groupTotal.get(big)! < MISSPELLING_RATIO * groupTotal.get(small)!) continue;
        if (editDistance(a, b, 1) === 1) target.set(small, big);
      }
    }
  };
  for (const siblings of byLast.values()) consider(siblings, 0);
  for (const siblings of byFirst.values()) consider(siblings, 1);
  for (const [small, big] of target) {
    const lead = groupLead.get(big)!;
    for (const n of groups.get(small)!) canonical.set(n, lead);
  }
  return canonical;
}

/** Org spelling differences that are not different organizations: a leading "The", "U.S." for "US". */
function organizationKey(name: string): string {
  return foldName(name.replace(/^The /, "").replace(/\bU\.S\.(?=\s|$)/g, "US").replace(/\bU\.K\.(?=\s|$)/g, "UK"));
}

export function resolveEntities(all: ArticleMentions[], aliases: AliasTable): EntityMentions[] {
  const applyAlias = (name: string) => aliases.canonical.get(name) ?? name;

  // Acronyms: what articles define them as, by vote; then the curated lists.
  const acronymVotes = new Map<string, Map<string, number>>();
  for (const article of all) for (const [acronym, longForm] of Object.entries(article.acronyms)) increment(acronymVotes, acronym, longForm);
  const acronymMeaning = new Map<string, string>();
  for (const [acronym, votes] of acronymVotes) acronymMeaning.set(acronym, pickMostFrequent(votes)!);

  // People named with a cue somewhere (a title, "said", the curated list): a name shaped like a
  // person's but never cued ("Deutsche Boerse", "Finding Neverland") is not taken for one.
  const confirmed = new Set<string>();
  for (const article of all) for (const m of article.mentions) if (m.kind === "person" && m.evidence !== "unsure") confirmed.add(normalizeSuffix(applyAlias(m.name)));
  // Unless some article writes it after "the" ("the Golden Globe": ArticleMentions.things).
  const things = new Set<string>();
  for (const article of all) for (const name of article.things ?? []) things.add(normalizeSuffix(applyAlias(name)));
  const isPerson = (name: string) => (confirmed.has(name) && !things.has(name)) || aliases.canonical.has(name) || KNOWN_NAMES.get(name)?.kind === "person";

  // Full names, counted once per article, merged into one spelling per person.
  const fullNameCounts = new Map<string, number>();
  const placeNames = new Set<string>();
  for (const article of all) {
    const seen = new Set<string>();
    for (const m of article.mentions) {
      if (m.kind === "place") placeNames.add(applyAlias(m.name));
      if (m.kind !== "person") continue;
      const name = normalizeSuffix(applyAlias(m.name));
      if (!name.includes(" ") || seen.has(name) || !isPerson(name)) continue;
      seen.add(name);
      fullNameCounts.set(name, (fullNameCounts.get(name) ?? 0) + 1);
    }
  }
  const personName = mergePersonNames(fullNameCounts);
  // A lone surname becomes the full name the archive uses most with that surname; "Trump Jr." the one with that suffix.
  const fullNamesBySurname = new Map<string, Map<string, number>>();
  for (const [name, count] of fullNameCounts) {
    const p = nameParts(personName.get(name)!);
    const key = p.suffix ? `${p.last} ${p.suffix}` : p.last;
    const inner = fullNamesBySurname.get(key) ?? fullNamesBySurname.set(key, new Map()).get(key)!;
    const canonical = personName.get(name)!;
    inner.set(canonical, (inner.get(canonical) ?? 0) + count);
  }
  const personForSurname = new Map<string, string>();
  for (const [surname, names] of fullNamesBySurname) personForSurname.set(surname, pickMostFrequent(names)!);
  const mononyms = new Set<string>([...KNOWN_NAMES.values()].filter((k) => k.kind === "person" && !k.canonical.includes(" ")).map((k) => k.canonical));

  const resolveName = (name: string, kind: EntityKind): string | undefined => {
    const overridden = aliases.canonical.get(name);
    if (overridden) return overridden;
    if (aliases.keepSeparate.has(name)) return name;
    let resolved: string | undefined = name;
    if (kind === "person") {
      const normal = normalizeSuffix(name);
      const words = normal.split(" ");
      if (words.length === 1 || (words.length === 2 && NAME_SUFFIX.test(words[1]))) {
        // A lone name no full name explains is dropped: a page for "Smith" would mix strangers.
        resolved = personForSurname.get(normal) ?? (mononyms.has(normal) ? normal : undefined);
      } else resolved = isPerson(normal) ? personName.get(normal) ?? normal : undefined;
    } else if (kind === "organization") {
      const known = KNOWN_NAMES.get(name);
      resolved = known?.kind === "organization" ? known.canonical : acronymMeaning.get(name) ?? name;
    } else if (kind === "place") {
      const known = KNOWN_NAMES.get(name);
      if (known?.kind === "place") resolved = known.canonical;
      // "Miami-Dade" is the "Miami-Dade County" other articles name in full.
      else if (!name.endsWith(" County") && placeNames.has(`${name} County`)) resolved = `${name} County`;
    } else {
      const known = KNOWN_NAMES.get(name);
      if (known?.kind === "event") resolved = known.canonical;
    }
    return resolved === undefined ? undefined : applyAlias(resolved);
  };

  const perArticle = all.map((article) => {
    const lists: Record<EntityKind, Set<string>> = { person: new Set(), organization: new Set(), place: new Set(), event: new Set() };
    for (const m of article.mentions) {
      if (aliases.ignore.has(m.name)) continue;
      // Undefined capitals count only when some article (or the curated list) says what they stand for.
      if (m.evidence === "acronym-use" && !acronymMeaning.has(m.name) && !aliases.canonical.has(m.name)) continue;
      const name = resolveName(m.name, m.kind);
      if (name === undefined || aliases.ignore.has(name)) continue;
      lists[m.kind].add(name);
    }
    return lists;
  });

  // "Vigo County" is the "Vigo County, Indiana" other articles name, when only one state has one.
  const qualifiedCounties = new Map<string, Set<string>>();
  for (const lists of perArticle) {
    for (const place of lists.place) {
      const comma = place.indexOf(", ");
      if (comma > 0 && place.slice(0, comma).endsWith(" County")) {
        const base = place.slice(0, comma);
        (qualifiedCounties.get(base) ?? qualifiedCounties.set(base, new Set()).get(base)!).add(place);
      }
    }
  }
  for (const lists of perArticle) {
    for (const place of [...lists.place]) {
      const qualified = qualifiedCounties.get(place);
      if (qualified?.size === 1 && !aliases.keepSeparate.has(place)) {
        lists.place.delete(place);
        lists.place.add([...qualified][0]);
      }
    }
  }

  // Names that differ only in case, accents or punctuation ("Banque Nationale De Paris" /
  // "Banque Nationale de Paris") are one entity, named by the form the archive uses most;
  // so are organizations written with or without "The" or "News" ("BBC News" / "BBC") and
  // with "U.S." or "US". The same names recur across articles: each is folded once.
  const folds = new Map<string, string>();
  const fold = (kind: EntityKind, name: string): string => {
    const cacheKey = `${kind}\u0000${name}`;
    let folded = folds.get(cacheKey);
    if (folded === undefined) folds.set(cacheKey, (folded = kind === "organization" ? organizationKey(name) : foldName(name)));
    return folded;
  };
  const spellingFor = new Map<EntityKind, Map<string, string>>();
  for (const kind of ["person", "organization", "place", "event"] as const) {
    const byFold = new Map<string, Map<string, number>>();
    for (const lists of perArticle) for (const name of lists[kind]) increment(byFold, fold(kind, name), name);
    if (kind === "organization") {
      // "BBC News" is the BBC when the archive names the BBC too.
      for (const [folded, names] of [...byFold]) {
        if (!folded.endsWith(" news")) continue;
        const base = byFold.get(folded.slice(0, -" news".length));
        if (!base) continue;
        for (const [name, count] of names) base.set(name, (base.get(name) ?? 0) + count);
        byFold.delete(folded);
        for (const name of names.keys()) folds.set(`${kind}\u0000${name}`, folded.slice(0, -" news".length));
      }
      // Names of the same letters and digits are one, whatever folded them apart: "U.S."
      // folds as "US", but "U.S" (its point taken by the sentence's) as "U S", and the two
      // spellings, each chosen for its own group, would ask for one page's address (a
      // build of 100,000 articles failed on "Joint Agricultural Weather Facility of the
      // U.S Agriculture and Commerce Departments"). Groups sharing a plain fold are joined.
      const joinedTo = new Map<string, string>();
      const root = (key: string): string => {
        let r = key;
        for (let next = joinedTo.get(r); next !== undefined; next = joinedTo.get(r)) r = next;
        return r;
      };
      const groupOfPlain = new Map<string, string>();
      for (const [folded, names] of byFold) {
        for (const name of names.keys()) {
          const plain = foldName(name);
          const other = groupOfPlain.get(plain);
          if (other === undefined) groupOfPlain.set(plain, folded);
          else if (root(other) !== root(folded)) joinedTo.set(root(folded), root(other));
        }
      }
      for (const folded of [...joinedTo.keys()]) {
        const into = byFold.get(root(folded))!;
        for (const [name, count] of byFold.get(folded)!) {
          into.set(name, (into.get(name) ?? 0) + count);
          folds.set(`${kind}\u0000${name}`, root(folded));
        }
        byFold.delete(folded);
      }
    }
    const chosen = new Map<string, string>();
    for (const [folded, names] of byFold) {
      const commonest = pickMostFrequent(names)!;
      chosen.set(folded, aliases.canonical.get(commonest) ?? commonest);
    }
    spellingFor.set(kind, chosen);
  }
  const respell = (kind: EntityKind, names: Set<string>) =>
    [...new Set([...names].map((n) => (aliases.keepSeparate.has(n) ? n : spellingFor.get(kind)!.get(fold(kind, n)) ?? n)))].sort(compareStrings);

  return perArticle.map((lists) => ({
    people: respell("person", lists.person),
    organizations: respell("organization", lists.organization),
    places: respell("place", lists.place),
    events: respell("event", lists.event),
  }));
}

/** What stays of a name when case, accents, apostrophes and punctuation are set aside: its slug words. */
export function foldName(name: string): string {
  return slugWords(name).join(" ");
}
