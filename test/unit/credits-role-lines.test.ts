// Role credits ("Reporting by …", "Editing by …") are read where a credit line puts them: at
// the start of the line or after a semicolon or period, never from a sentence that only
// mentions someone's reporting.
import assert from "node:assert/strict";
import { it } from "node:test";
import { readContributionLine } from "../../src/ingest/credits.ts";

it("takes the names a role credit line gives, at its start and after a semicolon or a period", () => {
  assert.deepEqual(readContributionLine("Reporting by Jane Doe; Editing by Bob Ray", 9)?.names, ["Jane Doe", "Bob Ray"]);
  assert.deepEqual(readContributionLine("— Additional reporting by Sam Green. Writing by Ann Lee", 9)?.names, ["Sam Green", "Ann Lee"]);
});

it("credits nobody for a sentence that mentions someone's reporting in passing", () => {
  assert.equal(readContributionLine("The award honoured the reporting by Maria Lopez on the flood", 9), undefined);
  assert.equal(readContributionLine("Judges praised the editing by Tom Hale", 9), undefined);
});
