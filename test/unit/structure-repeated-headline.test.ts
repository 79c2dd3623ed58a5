// The headline printed again is dropped once: right under the headline, or under the byline
// when one comes first. A third copy is part of the story and stays.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractStructure } from "../../src/ingest/structure.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const head = "Harbour Board Backs The Ferry Dock";
const story = "The harbour board backed the ferry dock on Tuesday after a year of debate.";

test("a headline printed again both above and under the byline loses only the first copy", () => {
  const s = extractStructure(paras(head, head, "By Jane Doe", head, story));
  assert.deepEqual(s.authors, ["Jane Doe"]);
  assert.deepEqual(
    s.removed.filter((r) => r.kind === "repeated-headline").map((r) => r.line),
    [2],
    "the copy right under the headline goes, once",
  );
  assert.deepEqual(
    s.body.map((p) => p.text),
    [head, story],
    "the copy under the byline stays with the story",
  );
});

test("a headline printed again only under the byline is dropped there", () => {
  const s = extractStructure(paras(head, "By Jane Doe", head, story));
  assert.deepEqual(s.removed.filter((r) => r.kind === "repeated-headline").map((r) => r.line), [3]);
  assert.deepEqual(s.body.map((p) => p.text), [story]);
});
