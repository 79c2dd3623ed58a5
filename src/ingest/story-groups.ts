import { findDuplicatePairs, type DuplicatePair } from "../check/near-duplicates.ts";

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

export function findStoryGroups(texts: readonly { id: string; text: string }[]): StoryGroups {
  const pairs = findDuplicatePairs(texts);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (!parent.has(rb)) parent.set(rb, rb);
    // The smaller id is the root, so the grouping does not depend on the pairs' order.
    if (ra !== rb) ra < rb ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    (members.get(root) ?? members.set(root, []).get(root)!).push(id);
  }
  const siblings = new Map<string, string[]>();
  for (const group of members.values()) {
    group.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const id of group) siblings.set(id, group.filter((other) => other !== id).slice(0, MAX_SIBLINGS));
  }
  return { siblings, exact: pairs.filter((p) => p.exact) };
}
