import { findDuplicatePairs, type DuplicatePair, type SketchStore } from "../check/near-duplicates.ts";

/**
 * Story groups: articles that tell the same story, re-syndicated or lightly edited, found
 * by the same MinHash comparison `npm run check` uses (src/check/near-duplicates.ts), and
 * joined transitively (A like B, B like C: one story). Exact copies are reported apart:
 * the same text published twice is a mistake a maintainer should hear about.
 */

export interface StoryGroups {
  /** Each id with siblings → the other ids of its group, sorted. */
  siblings: Map<string, string[]>;
  /** Pairs with the same words in the same order. */
  exact: DuplicatePair[];
}

/** At most this many siblings are listed for an article. */
export const MAX_SIBLINGS = 10;

export function findStoryGroups(texts: readonly { id: string; text: string }[], store?: SketchStore): StoryGroups {
  const pairs = findDuplicatePairs(texts, { store });
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => (neighbours.get(from) ?? neighbours.set(from, []).get(from)!).push(to);
  for (const { a, b } of pairs) {
    link(a, b);
    link(b, a);
  }
  // Each group is everything reachable from its first member through pairs: a breadth-first
  // walk, so the membership does not depend on the pairs' order.
  const siblings = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const start of neighbours.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const next of neighbours.get(group[i])!) {
        if (seen.has(next)) continue;
        seen.add(next);
        group.push(next);
      }
    }
    // Ids are file paths; the default sort orders them by code unit, as `<` does.
    group.sort();
    for (const id of group) siblings.set(id, group.filter((other) => other !== id).slice(0, MAX_SIBLINGS));
  }
  return { siblings, exact: pairs.filter((p) => p.exact) };
}
