import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { collectFurnitureEvidence, recurringLinesOf, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

/**
 * A warm build reuses an article's cached analysis while `recurringLinesOf` (what the
 * archive-wide evidence says about the article) is unchanged (src/publish/article-memo.ts).
 * If furniture removal read evidence the key leaves out, a warm build would keep a stale
 * page that a cold build of the same archive would not.
 */

const headlines = ["Council keeps the harbour policy", "Rail strike ends after nine days", "Library opens a new wing downtown", "Ferry fares rise for the summer"];
const bodies = [
  ["The county commission voted 7-6 on Friday to keep the harbour policy in place, after a nine-hour meeting.", "Opponents said they would take the decision to court."],
  ["Rail workers returned on Monday after a nine-day strike over pay, the union said in a statement.", "Trains ran on most lines by the afternoon."],
  ["The city library opened a new wing downtown on Saturday, with room for 40,000 more books.", "Hundreds of readers queued before the doors opened."],
  ["Ferry fares will rise by five percent from June, the operator said, blaming fuel costs.", "Commuters with season tickets are not affected until autumn."],
];

test("a site name after the headline, below three lines of share buttons, is part of what the cached analysis depends on", () => {
  const article = paras("Shares 402", "12 Comments", "Share on Facebook", `${headlines[0]} - The Daily Post`, ...bodies[0]);
  // The same article in two archives: in one, other stories carry the same site name; in the other, none does.
  const named = collectFurnitureEvidence([article, paras("Tweet", `${headlines[1]} - The Daily Post`, ...bodies[1]), paras(`${headlines[2]} - The Daily Post`, ...bodies[2])]);
  const unnamed = collectFurnitureEvidence([article, paras("Tweet", headlines[1], ...bodies[1]), paras(headlines[2], ...bodies[2])]);
  assert.equal(removeFurniture(article, named).kept[0].text, headlines[0], "the site's name is cut from the headline");
  assert.equal(removeFurniture(article, unnamed).kept[0].text, `${headlines[0]} - The Daily Post`, "a name no other story carries stays");
  assert.notEqual(recurringLinesOf(article, named), recurringLinesOf(article, unnamed), "so the cache key differs between the two archives");
});

test("whenever two archives give an article the same cache key, its furniture removal is the same in both", () => {
  // The article's own top lines are buttons no other article has; the other articles differ in their headlines' site names.
  const buttons = ["Shares 402", "12 Comments", "Share on Facebook", "Pin It", "View 3 comments", "Video: the vote"];
  const other = fc.record({ headline: fc.nat({ max: headlines.length - 1 }), suffixed: fc.boolean(), top: fc.constantFrom([], ["Tweet"], ["The Daily Post"]) });
  const otherParas = (o: { headline: number; suffixed: boolean; top: readonly string[] }) => paras(...o.top, o.suffixed ? `${headlines[o.headline]} - The Daily Post` : headlines[o.headline], ...bodies[o.headline]);
  fc.assert(
    fc.property(fc.subarray(buttons), fc.nat({ max: headlines.length - 1 }), fc.array(other, { minLength: 1, maxLength: 8 }), fc.array(other, { minLength: 1, maxLength: 8 }), (top, h, one, two) => {
      const doc = paras(...top, `${headlines[h]} - The Daily Post`, ...bodies[h]);
      const first = collectFurnitureEvidence([doc, ...one.map(otherParas)]);
      const second = collectFurnitureEvidence([doc, ...two.map(otherParas)]);
      if (recurringLinesOf(doc, first) !== recurringLinesOf(doc, second)) return;
      assert.deepEqual(removeFurniture(doc, first), removeFurniture(doc, second));
    }),
    { numRuns: 300 },
  );
});
