// A name written after "the" as a sentence goes on ("won the Golden Globe.", "the Mac Mini
// is") is a thing's, so no article makes it a person, even one where it "said" something.
// Readers of the BBC set saw people pages for the Golden Globe, the Mac Mini and the
// Triple Crown, and of the Reuters set for Gross Domestic Product and the Red Cross.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";
import { EMPTY_ALIAS_TABLE, resolveEntities } from "../../src/ingest/entity-merge.ts";

const mentions = (...paragraphs: string[]) => extractMentions({ title: "", paragraphs });
const names = (...paragraphs: string[]) => mentionNames(mentions(...paragraphs));
const archivePeople = (...articles: string[]) => resolveEntities(articles.map((text) => mentions(text)), EMPTY_ALIAS_TABLE).map((a) => a.people);

describe("a name after 'the'", () => {
  test("is a thing's, in the article and across the archive", () => {
    assert.deepEqual(names("He said he liked the Mac Mini. Mac Mini said nothing.").people, []);
    assert.deepEqual(names("We saw the Zorvan Quill. Zorvan Quill said so.").people, []);
    assert.deepEqual(archivePeople("Foxx won the Golden Globe on Sunday.", "Golden Globe said the show would go on."), [[], []]);
  });

  test("is still a person's used as a word ('the Gennifer Flowers affair'), or one that starts with a given name", () => {
    assert.deepEqual(names("The Gennifer Flowers affair returned. Gennifer Flowers said nothing.").people, ["Gennifer Flowers"]);
    assert.deepEqual(names("It was the Bill Clinton of the left, and Bill Clinton said so.").people, ["Bill Clinton"]);
    assert.deepEqual(archivePeople("The Zorvan Quill case is closed.", "Zorvan Quill said he was relieved."), [["Zorvan Quill"], ["Zorvan Quill"]]);
  });
});

describe("a name spelled out before its acronym", () => {
  const browser = (name: string, acronym: string) => `Users of ${name} (${acronym}) fell in March. Later ${name} lost more users.`;

  test("is no person's when it does not start with a given name ('Internet Explorer (IE)'), in the article and across the archive", () => {
    assert.deepEqual(names(browser("Zorvan Quill", "ZQ")).people, []);
    assert.deepEqual(names(browser("Zorvan Quill", "ZQ")).organizations, ["Zorvan Quill"]);
    assert.deepEqual(archivePeople(browser("Zorvan Quill", "ZQ"), "Zorvan Quill crashed again. Quill said nothing."), [[], []]);
  });

  test("stays a person's when it starts with a given name ('Ruth Bader Ginsburg (RBG)')", () => {
    assert.deepEqual(archivePeople(browser("Ruth Bader Ginsburg", "RBG"), "Ruth Bader Ginsburg said the court would rule."), [["Ruth Bader Ginsburg"], ["Ruth Bader Ginsburg"]]);
  });
});

describe("a name that begins an organization's name in the same article", () => {
  const phelps = "Phelps Dodge Corp said it would sell the unit. Later, Phelps Dodge said the sale was done.";

  test("is that organization written short ('Phelps Dodge' after 'Phelps Dodge Corp'), in the article and across the archive", () => {
    assert.deepEqual(names(phelps).people, []);
    assert.deepEqual(names(phelps).organizations, ["Phelps Dodge Corp"]);
    assert.deepEqual(archivePeople(phelps, "Phelps Dodge said copper prices rose."), [[], []]);
  });

  test("is still a person's when it starts with a given name or an initial ('John Lewis', 'J. Paul Getty')", () => {
    assert.deepEqual(names("The John Lewis Group said sales rose. John Lewis said he was glad.").people, ["John Lewis"]);
    assert.deepEqual(names("The J. Paul Getty Trust bought the painting. J. Paul Getty said so in 1970.").people, ["J. Paul Getty"]);
  });

  test("is still a person's when it is a lone surname ('Reagan' beside 'Reagan Administration')", () => {
    assert.deepEqual(archivePeople("Ronald Reagan spoke on Monday.", "The Reagan Administration will act, Reagan said."), [["Ronald Reagan"], ["Ronald Reagan"]]);
  });
});
