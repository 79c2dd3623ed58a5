/**
 * One-off top lines at their limits: whether a line above an article's headline that no
 * other article shows is the site's banner (removed) or the story's own (kept), told by
 * whether it uses a word of the story's lead, with plurals read as their word ("parties"
 * is "party") but a word running on into digits or "_" read as a name ("Cities2030").
 * (removeFurniture's one-off top line rule.)
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const headline = "Bridge Reopens After Repairs Finish Early";

/** An article: a top line over the bridge headline, over a story whose lead opens with `lead`. */
function article(top: string, lead: string) {
  return paras(
    top,
    headline,
    `${lead} The river bridge reopened to traffic on Monday, two weeks ahead of schedule.`,
    "Engineers replaced the rusted deck plates and painted the railings during the closure.",
    "Commuters had faced detours of twenty minutes through the industrial estate.",
  );
}

/** The first line a reader sees, and what was taken away, as [kind, text]. */
function read(top: string, lead: string): { title: string; removed: [string, string][] } {
  const { kept, removed } = removeFurniture(article(top, lead), NO_FURNITURE_EVIDENCE);
  return { title: kept[0].text, removed: removed.map((r) => [r.kind, r.text]) };
}

const kept = (top: string) => ({ title: top, removed: [] });
const banner = (top: string) => ({ title: headline, removed: [["banner", top]] });

test("a top line sharing no word with the story is a banner; one naming in the singular what the lead names in the plural is the story's", () => {
  const parties = "Both parties on the council backed the repairs.";
  assert.deepEqual(read("Garden Notes", parties), banner("Garden Notes"));
  assert.deepEqual(read("Party Notes", parties), kept("Party Notes"));
  // "parties’": a plural before a curly apostrophe (the parties’ leaders) is at its word's end.
  assert.deepEqual(read("Party Notes", "The parties’ leaders on the council backed the repairs."), kept("Party Notes"));
  // Six letters ending in "ies" are a plural ("cities" is "city")…
  assert.deepEqual(read("City Notes", "Both cities on the river paid for the repairs."), kept("City Notes"));
  // …and five ending in "s" after a letter, small or capital ("areas" is "area", "NCAAs" is "NCAA").
  assert.deepEqual(read("Area Notes", "Shops in nearby areas paid for the repairs."), kept("Area Notes"));
  assert.deepEqual(read("NCAA Notes", "Fans driving to the NCAAs used the bridge."), kept("NCAA Notes"));
});

test("a word running on into digits or an underscore ('Cities2030', 'Cities_Now') is a name, not the plural of the story's 'city': a banner", () => {
  const city = "The city paid for the repairs.";
  assert.deepEqual(read("Cities Now", city), kept("Cities Now"));
  // The digits 0 and 9 (the ends of the range) and "_" all go on the word.
  for (const name of ["Cities2030", "Cities09", "Cities90", "Cities_Now"]) assert.deepEqual(read(name, city), banner(name), name);
});

test("a word of five letters ending in 'ies' ('fries') is not cut to three ('fry'): a top line naming it is the story's", () => {
  assert.deepEqual(read("Fries Notes", "Stalls selling fries lined the road for the opening."), kept("Fries Notes"));
});

test("a word ending in 'ss' ('class') is no plural: 'Night Classes' over a story of a welding class is the story's", () => {
  assert.deepEqual(read("Night Classes", "A welding class helped with the repairs."), kept("Night Classes"));
});
