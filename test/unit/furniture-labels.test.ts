import assert from "node:assert/strict";
import { test } from "node:test";
import { FURNITURE_LABELS, furnitureLabel } from "../../src/site/furniture-labels.ts";

test("readers see plain words for removed furniture, not internal ids", () => {
  assert.equal(furnitureLabel("photo-caption"), "Photo caption");
  assert.equal(furnitureLabel("banner"), "Site banner");
  assert.equal(furnitureLabel("up-next"), "Read next");
  assert.equal(furnitureLabel("share-widget"), "Share buttons");
  assert.equal(furnitureLabel("agency-signoff"), "Wire sign-off");
});

test("every kind's label is a capitalised phrase without hyphenated ids", () => {
  for (const [kind, label] of Object.entries(FURNITURE_LABELS)) {
    assert.match(label, /^[A-Z][a-z]+(?: [a-z-]+)*$/, kind);
    assert.notEqual(label.toLowerCase(), kind);
  }
});

test("an id no label knows (an older record) is spelled out, and nothing inherited from Object counts as a label", () => {
  assert.equal(furnitureLabel("legacy-widget"), "Legacy widget");
  assert.equal(furnitureLabel("toString"), "ToString");
  assert.equal(furnitureLabel("--"), "Page furniture");
});

test("an unknown id's runs of hyphens and underscores become single spaces, with none at either end", () => {
  assert.equal(furnitureLabel("legacy__old--widget"), "Legacy old widget");
  assert.equal(furnitureLabel("-legacy_"), "Legacy");
  assert.equal(furnitureLabel(""), "Page furniture");
});
