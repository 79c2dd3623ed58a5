import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

// Up Next blocks and the link lists around them (src/ingest/furniture.ts, markLinkList
// and markUpNextBlock): which lines of an article a reader loses, and as what.

const headline = "Harbor Plan Wins Vote";
const story = [
  "The harbor board voted 5-2 on Thursday to dredge the north channel, ending a dispute that had stalled the project for two years.",
  "Fishermen who opposed the plan said they would ask the state to review the permit before any work begins next spring.",
];
const later = "The board meets again in June.";
const run = (lines: string[]) => removeFurniture(paras(...lines), NO_FURNITURE_EVIDENCE);
const kept = (lines: string[]) => run(lines).kept.map((p) => p.text);
const removed = (lines: string[]) => run(lines).removed.map((r) => [r.kind, r.text]);

test("a link under a list label may have a comma or a full stop inside it; only one at its end makes it a sentence", () => {
  const links = ["Tugboat Crews, Pilots Strike at Dawn", "Ferry Fares Rise 5.5 Percent in May"];
  assert.deepEqual(removed([headline, ...story, "Related Stories", ...links]), [
    ["related-links", "Related Stories"],
    ["related-links", links[0]],
    ["related-links", links[1]],
  ]);
  // The same words closed by a comma are a sentence running on: the list ends above it.
  assert.deepEqual(kept([headline, ...story, "Related Stories", links[1], "Tugboat Crews, Pilots Strike at Dawn,"]), [
    headline,
    ...story,
    "Tugboat Crews, Pilots Strike at Dawn,",
  ]);
});

test("the Up Next list runs on through the teaser under its label to the headlines below it", () => {
  // Longer than a list label (60 characters): the list is the Up Next label's.
  const teaser = "Divers search the channel floor before the dredgers arrive at the north pier";
  const links = ["Seals Return to the Inner Harbor", "Lighthouse Keeper Retires After Forty Years"];
  assert.deepEqual(removed([headline, ...story, "Up Next", teaser, ...links]), [
    ["up-next", "Up Next"],
    ["up-next", teaser],
    ["related-links", links[0]],
    ["related-links", links[1]],
  ]);
});

test("an Up Next teaser printed again over a list of headlines labels that list", () => {
  const teaser = "Divers search the channel floor before the dredgers arrive";
  const links = ["Seals Return to the Inner Harbor", "Lighthouse Keeper Retires After Forty Years"];
  assert.deepEqual(removed([headline, ...story, "Up Next", teaser, later, teaser, ...links]), [
    ["up-next", "Up Next"],
    ["up-next", teaser],
    ["up-next", teaser],
    ["related-links", links[0]],
    ["related-links", links[1]],
  ]);
});

test("an Up Next label on the page's first line goes with the teaser under it; the headline below stays", () => {
  const teaser = "Divers search the channel floor before the dredgers arrive";
  const { kept: k, removed: r } = run(["Up Next", teaser, headline, ...story]);
  assert.deepEqual(k.map((p) => p.text), [headline, ...story]);
  assert.deepEqual(r.map((x) => [x.kind, x.text]), [
    ["up-next", "Up Next"],
    ["up-next", teaser],
  ]);
});

test("the teaser above an Up Next label is the one whose copy elsewhere on the page goes, not the story line under the label", () => {
  const teaser = "Divers search the channel floor before the dredgers arrive";
  assert.deepEqual(removed([headline, ...story, teaser, "Up Next", later, teaser]), [
    ["up-next", teaser],
    ["up-next", "Up Next"],
    ["up-next", teaser],
  ]);
});

test("two Up Next blocks in a row: the second's own teaser is the one whose copy further down goes", () => {
  const first = "Divers search the channel floor before the dredgers arrive";
  const second = "Seals return to the inner harbor after a quiet winter";
  assert.deepEqual(kept([headline, ...story, "Up Next", first, "Up Next", second, later, second]), [headline, ...story, later]);
});

test("a video title over an Up Next teaser goes though it has a full stop or a question mark inside it", () => {
  const teaser = "Divers search the channel floor before the dredgers arrive";
  for (const title of ["U.S. Divers Search the Channel", "Dredging? Divers Search the Channel First"]) {
    assert.deepEqual(removed([headline, ...story, title, teaser, "Up Next", teaser]), [
      ["up-next", title],
      ["up-next", teaser],
      ["up-next", "Up Next"],
      ["up-next", teaser],
    ], title);
  }
});
