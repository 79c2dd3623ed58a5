import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { collectFurnitureEvidence, hasEvidenceFacts, type EvidenceSource, type FurnitureEvidence } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";

/**
 * The dev server ingests the whole archive again after each save, and the furniture
 * evidence (banners, navigation glued to headlines, site names after them, recurring
 * lines) keeps what it read from each article with that article's paragraph list. After
 * any run of edits, the evidence must be what a fresh build of the same articles finds:
 * otherwise a save leaves a banner on some other article's page, or cuts a headline,
 * until the server is restarted.
 */

const TOP_LINES = [
  "The Daily Post",
  "Breaking News Network",
  "LONDON, March 2 (Reuters) - The bank said on Monday it would cut rates",
  "Skip to content Council keeps the harbour policy",
  "Skip to content Menu Rail strike ends after nine days",
  "Menu Library opens a new wing downtown",
  "Ferry fares rise for the summer | The Daily Post",
  "Council keeps the harbour policy – Harbour Times",
  "Story continued below",
  "Advertisement",
  "WATCH: Rail strike ends after nine days",
  "NC MOB ATTACKS Library opens a new wing downtown",
];
const HEADLINES = ["Council keeps the harbour policy", "Rail strike ends after nine days", "Library opens a new wing downtown", "Ferry fares rise for the summer", "Menu prices climb at city cafes"];
const BODY = [
  "The county commission voted 7-6 on Friday to keep the harbour policy in place after a long meeting.",
  "Rail workers returned on Monday after a strike over pay, the union said in a statement.",
  "The city library opened a new wing on Saturday, with room for many more books and readers.",
  "Story continued below",
  "Commuters with season tickets are not affected until autumn, the operator said.",
  "Cafe owners blamed the menu prices on the cost of milk and rent in the centre.",
];
const SITES = [undefined, "Daily Post", "Harbour Times"];

const articleArb = fc.record({
  top: fc.array(fc.nat({ max: TOP_LINES.length - 1 }), { maxLength: 3 }),
  headline: fc.nat({ max: HEADLINES.length - 1 }),
  body: fc.array(fc.nat({ max: BODY.length - 1 }), { minLength: 1, maxLength: 4 }),
  site: fc.nat({ max: SITES.length - 1 }),
});
type ArticleSpec = { top: number[]; headline: number; body: number[]; site: number };

const parasOf = (a: ArticleSpec): Paragraph[] =>
  [...a.top.map((i) => TOP_LINES[i]), HEADLINES[a.headline], ...a.body.map((i) => BODY[i])].map((text, i) => ({ text, line: i + 1 }));

const editArb = fc.oneof(
  fc.record({ kind: fc.constant("site" as const), at: fc.nat(), site: fc.nat({ max: SITES.length - 1 }) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), article: articleArb }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), article: articleArb }),
  fc.record({ kind: fc.constant("copy" as const), at: fc.nat() }),
);

const isEmpty = (e: FurnitureEvidence) => [e.recurring, e.openers, e.pairOpeners, e.bannerOpeners, e.prefixes, e.suffixes, e.pairSuffixes].every((list) => !list?.length);

test("after any run of edits, saves and site changes, the evidence equals a fresh build's", () => {
  let nonEmpty = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.array(articleArb, { minLength: 3, maxLength: 60 }), fc.array(editArb, { minLength: 1, maxLength: 12 }), (specs, edits) => {
      const docs = specs.map(parasOf);
      const sites = specs.map((a) => SITES[a.site]);
      collectFurnitureEvidence(docs, sites);
      for (const edit of edits) {
        const at = edit.kind === "add" ? 0 : edit.at % docs.length;
        if (edit.kind === "site") sites[at] = SITES[edit.site];
        else if (edit.kind === "replace") docs[at] = parasOf(edit.article);
        else if (edit.kind === "remove" && docs.length > 1) {
          docs.splice(at, 1);
          sites.splice(at, 1);
        } else if (edit.kind === "add") {
          docs.push(parasOf(edit.article));
          sites.push(SITES[edit.article.site]);
        } else if (edit.kind === "copy") {
          // The same paragraph list twice (two files with the same text share nothing, but a caller may pass one twice).
          docs.push(docs[at]);
          sites.push(SITES[(SITES.indexOf(sites[at]) + 1) % SITES.length]);
        }
        const reused = collectFurnitureEvidence(docs, sites);
        // New paragraph lists: nothing read before can be reused.
        const fresh = collectFurnitureEvidence(docs.map((d) => d.map((p) => ({ ...p }))), [...sites]);
        assert.deepEqual(reused, fresh);
        // A build's ingest process counts once and keeps nothing of what it read: the same evidence.
        const unkept = docs.map((d) => d.map((p) => ({ ...p })));
        assert.deepEqual(collectFurnitureEvidence(unkept, [...sites], { remember: false }), fresh);
        assert.ok(!unkept.some(hasEvidenceFacts), "nothing read is kept with the articles");
        runs++;
        if (!isEmpty(fresh)) nonEmpty++;
      }
    }),
    { numRuns: 150 },
  );
  // The archives drawn have banners, prefixes and site names to find, most of the time.
  assert.ok(nonEmpty > runs / 2, `${nonEmpty} of ${runs} evidence objects found furniture`);
});

test("an article whose site changes is read again for that site's banners", () => {
  // Two articles of the Daily Post open with its banner: a banner of that site. Then one moves to another site.
  const a = parasOf({ top: [0], headline: 0, body: [0, 1], site: 1 });
  const b = parasOf({ top: [0], headline: 1, body: [2], site: 1 });
  const c = parasOf({ top: [], headline: 2, body: [4], site: 0 });
  const before = collectFurnitureEvidence([a, b, c], ["Daily Post", "Daily Post", undefined]);
  assert.ok(before.openers.some((key) => key.startsWith("daily post\u0001")), "two articles of one site share its banner");
  const after = collectFurnitureEvidence([a, b, c], ["Daily Post", "Harbour Times", undefined]);
  assert.ok(!after.openers.some((key) => key.startsWith("daily post\u0001")), "one article of a site is no evidence of its banner");
  assert.deepEqual(after, collectFurnitureEvidence([[...a], [...b], [...c]], ["Daily Post", "Harbour Times", undefined]));
});

test("what the evidence read from each article is kept for the next count, unless the caller will not count again", () => {
  const docs = [0, 1, 2, 3].map((h) => parasOf({ top: [0, 8], headline: h, body: [0, 3, 4], site: 1 }));
  const kept = collectFurnitureEvidence(docs, docs.map(() => "Daily Post"));
  assert.ok(docs.every(hasEvidenceFacts));
  assert.ok(kept.recurring.includes("story continued below") && kept.openers.length > 0, "the archive has furniture to find");
  const others = docs.map((d) => d.map((p) => ({ ...p })));
  assert.deepEqual(collectFurnitureEvidence(others, others.map(() => "Daily Post"), { remember: false }), kept);
  assert.ok(!others.some(hasEvidenceFacts));
});

test("a count that will not count again keeps nothing on the sources it is given, not even which words a text uses", () => {
  // "Menu" glued to four different headlines: a one-word prefix, so every text is looked up for the word.
  const specs = [0, 1, 2, 3].map((h) => ({ top: [] as number[], headline: h, body: [0, 4], site: 0 }));
  const docs = specs.map((a) => [{ text: `Menu ${HEADLINES[a.headline]}`, line: 1 }, ...parasOf(a).map((p) => ({ ...p, line: p.line + 1 }))]);
  const sourcesOf = (): EvidenceSource[] => docs.map((paras) => ({ paragraphs: () => paras }));
  const kept = sourcesOf();
  const evidence = collectFurnitureEvidence(kept);
  assert.ok(evidence.prefixes.includes("menu"), "the archive has a one-word prefix to look up");
  assert.ok(kept.every((s) => s.facts !== undefined && s.wordUses?.get("menu") === false), "kept for the next count");
  const unkept = sourcesOf();
  assert.deepEqual(collectFurnitureEvidence(unkept, [], { remember: false }), evidence);
  assert.ok(unkept.every((s) => s.facts === undefined && !s.wordUses?.size), "nothing read is kept on the sources");
});
