// How classifyRun (entities.ts, from the possessive split on) cuts one run of capitalized words:
// at a possessive, at "and", at "on"/"for" before an organization, and which names it keeps whole.
// Written against the survivors of a mutation run over those lines; apart from the other entity
// tests so that an incremental mutation run re-tests only what this file reaches.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
const titled = (title: string, ...paragraphs: string[]) => mentionNames(extractMentions({ title, paragraphs }));
const mentions = (...paragraphs: string[]) =>
  extractMentions({ title: "", paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

describe("a possessive inside a run", () => {
  test("as the run's first word it ends the owner's name, and the office after it is an organization", () => {
    assert.deepEqual(names("A ruling by Zorvania’s Office of Tax Appeals was upheld."), {
      people: [],
      organizations: ["Office of Tax Appeals"],
      places: [],
      events: [],
    });
  });

  test("the owner keeps the cue before the run: a title word before it makes the owner a person", () => {
    // "Lorn" is no given name, so only the cue "chairman" makes "Lorn Tessaly" a person.
    assert.deepEqual(names("A report from chairman Lorn Tessaly’s Council of Quill was published."), {
      people: ["Lorn Tessaly"],
      organizations: ["Council of Quill"],
      places: [],
      events: [],
    });
  });

  test("the words after it keep the cue after the run: 'said' after the run makes its last name a person", () => {
    assert.deepEqual(names("“We will appeal,” Zorvan’s Association and Lorn Tessaly said.").people, ["Lorn Tessaly"]);
  });
});

describe("a run with 'and'", () => {
  test("a first part that is no person's name (an acronym) is still split from a person after 'and'", () => {
    assert.deepEqual(names("“We will appeal,” ZQX and Dana Tessaly said.").people, ["Dana Tessaly"]);
    assert.deepEqual(names("“We will appeal,” ZQX and Lorn Tessaly said.").people, ["Lorn Tessaly"]);
  });

  test("two people joined by 'and' are two people, not one name", () => {
    assert.deepEqual(names("Dana Quill and Lorn Tessaly said the plan was late.").people, ["Dana Quill", "Lorn Tessaly"]);
  });

  test("an organization's name with one 'and' is kept whole, but a list with two is split", () => {
    assert.deepEqual(names("Staff at the Department of Zorvan and Quill Affairs said the plan was late.").organizations, [
      "Department of Zorvan and Quill Affairs",
    ]);
    const listed = names("“We object,” the Bank of Zorvan and Lorn Tessaly and Dana Quill said.");
    assert.deepEqual(listed.organizations, ["Bank of Zorvan"]);
    assert.deepEqual(listed.people, ["Dana Quill"]);
  });
});

describe("an ampersand firm", () => {
  test("is an organization found by its form ('head-word' evidence), surface as written", () => {
    assert.deepEqual(mentions("Procter & Gamble said profits rose."), ["organization:Procter & Gamble:head-word:Procter & Gamble"]);
  });
});

describe("an organization cut at 'on' or 'for'", () => {
  test("a lowercase particle other than 'on' or 'for' does not cut the name", () => {
    assert.deepEqual(names("The Zorvan de Quill Association met.").organizations, ["Zorvan de Quill Association"]);
  });

  test("a head word anywhere before 'on' keeps the whole name, even after a word that is none", () => {
    assert.deepEqual(names("The Zorvan Council on Quill Affairs Committee met.").organizations, ["Zorvan Council on Quill Affairs Committee"]);
  });
});

describe("teams", () => {
  test("a known city ending in 's' before a bracketed state and a title is no team or organization", () => {
    const found = names("“No,” said New Orleans (La.) Mayor Dana Quill.");
    assert.deepEqual(found.organizations, []);
    assert.deepEqual(found.people, ["Dana Quill"]);
  });
});

describe("people", () => {
  test("capitalized words the same article also writes in lowercase are no person's name, even after a given name", () => {
    assert.deepEqual(names("Shares in Amber Wave rose as an amber wave of buying spread.").people, []);
    // Without the lowercase use, the same words are a name.
    assert.deepEqual(names("Amber Wave spoke to buyers on Monday.").people, ["Amber Wave"]);
  });
});

describe("where a run of capitalized words ends", () => {
  test("at 'on' or 'of' (and 'the') when no capitalized word follows: the lowercase words are no part of the name", () => {
    assert.deepEqual(names("She joined the Zorvan Quill Association on the day it opened.").organizations, ["Zorvan Quill Association"]);
    assert.deepEqual(names("The Zorvan Quill Association of the city met.").organizations, ["Zorvan Quill Association"]);
  });

  test("at a bracket holding more than a state: the name before it and the name inside are read apart", () => {
    assert.deepEqual(names("Dana Quill (Texas State University) said the study was flawed."), {
      people: ["Dana Quill"],
      organizations: ["Texas State University"],
      places: [],
      events: [],
    });
  });

  test("at a comma before a state and a closing bracket: only '(State)' right after a name joins it to the next words", () => {
    assert.deepEqual(names("The host city (Austin, Texas) Mayor Dana Quill said the games would go ahead."), {
      people: ["Dana Quill"],
      organizations: [],
      places: ["Austin", "Texas"],
      events: [],
    });
  });
});

describe("capitals in brackets after a run", () => {
  test("are an acronym only right after the opening bracket: a known acronym after a comma is still found", () => {
    const found = names("The study (Dana Quill, NATO) found the rate fell.");
    assert.deepEqual(found.organizations, ["North Atlantic Treaty Organization"]);
    assert.deepEqual(found.people, ["Dana Quill"]);
  });

  test("leave 'said' after the closing bracket as the cue of the name before them", () => {
    // "Lorn" is no given name: only the cue makes "Lorn Tessaly" a person.
    assert.deepEqual(names("Lorn Tessaly (ZQP) said the vote was lost.").people, ["Lorn Tessaly"]);
  });
});

describe("a paragraph cut short", () => {
  test("after an opening bracket still gives the name before it", () => {
    assert.deepEqual(names("Shares were sold today in the Zorvan Quill Association (").organizations, ["Zorvan Quill Association"]);
  });

  test("after a county, with or without a comma, still gives the county", () => {
    assert.deepEqual(names("Roads were closed across Zorvan County").places, ["Zorvan County"]);
    assert.deepEqual(names("Roads were closed across Zorvan County,").places, ["Zorvan County"]);
  });
});

describe("a headline's words taken by a name from the body", () => {
  // The body names "Department of Paris" and "West Paris County" from lists ("the departments of ...",
  // "... counties"); written so in the headline, their words are theirs, and "Paris" there is no place.
  test("by the body name's full name", () => {
    assert.deepEqual(titled("Department of Paris Closes", "Officials from the departments of Paris and Zorvan met."), {
      people: [],
      organizations: ["Department of Paris", "Department of Zorvan"],
      places: [],
      events: [],
    });
  });

  test("by the words the body wrote it with", () => {
    assert.deepEqual(titled("West Paris Backs Plan", "Voters in West Paris and Zorvan counties backed the plan.").places, ["West Paris County", "Zorvan County"]);
    // Written alone in the headline, "Paris" is the known place.
    assert.deepEqual(titled("Paris Backs Plan", "Voters in West Paris and Zorvan counties backed the plan.").places, ["Paris", "West Paris County", "Zorvan County"]);
  });
});

describe("a lone surname", () => {
  test("confirms the one person of the article who has it, but neither of two who share it", () => {
    // "Lorn" and "Quorra" are no given names: without a cue the full names alone are unsure.
    assert.deepEqual(names("Lorn Tessaly met Zorvan officials on Monday.", "Tessaly spoke later.").people, ["Lorn Tessaly"]);
    assert.deepEqual(names("Lorn Tessaly met Quorra Tessaly on Monday.", "Tessaly spoke later.").people, []);
  });
});

describe("a lone capitalized word with 'said'", () => {
  test("is nobody's name when it is an ordinary word ('the State said', 'the North said')", () => {
    assert.deepEqual(names("“The evidence is clear,” the State said.").people, []);
    assert.deepEqual(names("“We are ready for talks,” the North said.").people, []);
    // An unknown word in the same place is a person's name.
    assert.deepEqual(names("“We are ready for talks,” Tessaly said.").people, ["Tessaly"]);
  });
});
