// The archive-sized check of furniture evidence, apart from furniture.test.ts so that a
// mutation run tries the quick tests first (this one builds 20,000 articles, about 3 s).
import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";
import { assertLinearGrowth } from "../helpers/scaling.ts";

// Speed is measured by the benchmark; this checks what 20,000 articles give, and that the
// cost grows with the number of articles, not its square (a quadratic pass takes minutes
// at this size; test/helpers/scaling.ts compares CPU time, never a wall-clock limit).
test("collecting evidence over 20,000 articles finds the recurring lines and only those, at a cost in step with the count", () => {
  // A name in letters for each article (numbers are read as a recurring line's varying part).
  const name = (i: number) => i.toString(26).replace(/[0-9]/g, (d) => "qrstuvwxyz"[Number(d)]);
  const archive = (articles: number) => {
    const docs: Paragraph[][] = [];
    for (let i = 0; i < articles; i++) {
      docs.push(paras(`Harbor ${name(i)} reopens`, `The ${name(i)} pier reopened on Monday.`, "Advertisement", "Reuter"));
    }
    return docs;
  };
  const evidence = collectFurnitureEvidence(archive(20_000));
  assert.equal(evidence.articleCount, 20_000);
  assert.deepEqual(evidence.recurring, ["advertisement", "reuter"], "the lines every article repeats, not the headlines or the story");
  assertLinearGrowth("collecting furniture evidence", { input: (scale) => archive(2_500 * scale), run: collectFurnitureEvidence });
});
