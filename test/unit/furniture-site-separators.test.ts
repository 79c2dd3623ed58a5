import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const stories = [
  ["Refugee charity opens a shelter in the old mill", "The shelter in the old mill will house forty families from next month, the charity said on Tuesday.", "Volunteers spent the summer repairing its roof."],
  ["Army chief of staff criticises the budget plan", "The army's chief of staff told senators the budget plan would leave units short of training money.", "The committee will vote on the plan next week."],
  ["Anthem protest row reaches the school board", "Parents asked the school board to rule on players kneeling during the national anthem at games.", "The board said it would take advice first."],
];

test("a site's name after a star or a guillemet (WordPress title separators) is cut from the headline when other articles carry it", () => {
  for (const separator of ["⋆", "»"]) {
    const docs = stories.map(([headline, ...body]) => paras(`${headline} ${separator} Freedom Daily`, ...body));
    const { kept, removed } = removeFurniture(docs[0], collectFurnitureEvidence(docs));
    assert.equal(kept[0].text, stories[0][0], separator);
    assert.ok(removed.some((r) => r.text.includes("Freedom Daily")), `${separator}: the cut name is listed as removed furniture`);
  }
});

test("a one-off site name after a star goes when the story never names it; a star inside a headline, with the story's words after it, stays", () => {
  const [headline, ...body] = stories[0];
  assert.equal(removeFurniture(paras(`${headline} ⋆ Freedom Daily`, ...body), collectFurnitureEvidence([paras(`${headline} ⋆ Freedom Daily`, ...body)])).kept[0].text, headline);
  const starred = "Shelter opens ⋆ Forty families move into the old mill";
  const doc = paras(starred, ...body);
  assert.equal(removeFurniture(doc, collectFurnitureEvidence([doc])).kept[0].text, starred);
});
