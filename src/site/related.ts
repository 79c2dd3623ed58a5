/**
 * "Related articles": those sharing the most people, organizations, places and tags
 * with an article, then the nearest in time.
 *
 * Comparing every pair would be O(n²) (23,000 articles → 260 million pairs). Instead an
 * inverted index maps each entity or tag to the articles that carry it, sorted by date,
 * and an article only looks at the `window` postings on either side of its own place in
 * each of its lists: O(n · k · window) for k keys per article. A key shared by thousands
 * of articles (a tag like "politics") thus contributes only its nearest-in-time
 * neighbours, which are the ones the tie-break would prefer anyway.
 */

export interface RelatedCandidate {
  slug: string;
  date?: string;
  people: readonly string[];
  organizations: readonly string[];
  places: readonly string[];
  tags: readonly string[];
}

export interface RelatedOptions {
  /** How many related articles to keep per article. */
  limit?: number;
  /** How many neighbours on each side of an article to visit in each key's posting list. */
  window?: number;
}

export const RELATED_LIMIT = 5;
export const RELATED_WINDOW = 40;

const DAY_MS = 86_400_000;

/** Day number of an ISO date of any precision (a month or year counts from its first day); undated: NaN. */
export function dayNumber(date: string | undefined): number {
  if (!date) return Number.NaN;
  const [y, m = "01", d = "01"] = date.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
}

/** The keys an article is matched on; namespaced so a person and a tag of the same name stay apart. */
export function relatedKeys(a: RelatedCandidate): string[] {
  const keys = new Set<string>();
  for (const p of a.people) keys.add(`person:${p.toLowerCase()}`);
  for (const o of a.organizations) keys.add(`org:${o.toLowerCase()}`);
  for (const p of a.places) keys.add(`place:${p.toLowerCase()}`);
  for (const t of a.tags) keys.add(`tag:${t.toLowerCase()}`);
  return [...keys];
}

/** Days apart; undated articles are infinitely far from everything. */
function distance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
}

/**
 * For each article (same order as the input), its related articles, best first:
 * most shared keys, then fewest days apart, then slug. An article with no keys, or
 * sharing none, gets an empty list; an article is never related to itself.
 */
export function findRelatedArticles<T extends RelatedCandidate>(articles: readonly T[], options: RelatedOptions = {}): T[][] {
  const limit = options.limit ?? RELATED_LIMIT;
  const window = options.window ?? RELATED_WINDOW;
  const days = articles.map((a) => dayNumber(a.date));

  // Visit articles in time order (undated last, then slug) so every posting list is sorted by date.
  const order = articles.map((_, i) => i);
  order.sort((i, j) => {
    const di = Number.isNaN(days[i]) ? Number.POSITIVE_INFINITY : days[i];
    const dj = Number.isNaN(days[j]) ? Number.POSITIVE_INFINITY : days[j];
    if (di !== dj) return di < dj ? -1 : 1;
    return articles[i].slug < articles[j].slug ? -1 : articles[i].slug > articles[j].slug ? 1 : 0;
  });

  const postings = new Map<string, number[]>();
  // For each article: its lists and its position in each.
  const memberships: { list: number[]; position: number }[][] = articles.map(() => []);
  for (const i of order) {
    for (const key of relatedKeys(articles[i])) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      memberships[i].push({ list, position: list.length });
      list.push(i);
    }
  }

  // Shared-key counts per candidate, in a flat array reset after each article (far
  // cheaper than a Map at 23,000 articles × ~1,000 candidates).
  const shared = new Int32Array(articles.length);
  const touched: number[] = [];
  return articles.map((_, i) => {
    if (limit <= 0) return [];
    touched.length = 0;
    for (const { list, position } of memberships[i]) {
      const from = Math.max(0, position - window);
      const to = Math.min(list.length, position + window + 1);
      for (let p = from; p < to; p++) {
        const j = list[p];
        if (j === i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]++;
      }
    }
    // Keep the best `limit` in a small sorted array: cheaper than sorting every candidate.
    const best: Ranked[] = [];
    for (const j of touched) {
      const count = shared[j];
      shared[j] = 0;
      if (best.length === limit && count < best[best.length - 1].count) continue;
      const candidate = { j, count, apart: distance(days[i], days[j]), slug: articles[j].slug };
      if (best.length === limit && !isBetter(candidate, best[best.length - 1])) continue;
      let at = best.length;
      while (at > 0 && isBetter(candidate, best[at - 1])) at--;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
    return best.map((r) => articles[r.j]);
  });
}

interface Ranked {
  j: number;
  count: number;
  apart: number;
  slug: string;
}

/** More shared keys, then fewer days apart, then the smaller slug (a total order). */
function isBetter(x: Ranked, y: Ranked): boolean {
  if (x.count !== y.count) return x.count > y.count;
  if (x.apart !== y.apart) return x.apart < y.apart;
  return x.slug < y.slug;
}
