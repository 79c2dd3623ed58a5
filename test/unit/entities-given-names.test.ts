// Given names from beyond the English-speaking world (data/first-names.json): a name that
// starts with one is a person's without a title or "said" beside it, and a word before it
// ("Striker", "Briton", a firm's acronym) is not part of it. Sentences from the corpus.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));

describe("international given names", () => {
  test("start a person's name with no cue, the word before them left out", () => {
    assert.deepEqual(names("Striker Thierry Henry, along with Robert Pires, scored against Fulham.").people, ["Robert Pires", "Thierry Henry"]);
    assert.deepEqual(names("Best actor went to Jamie Foxx while Briton Clive Owen and Natalie Portman won prizes.").people, ["Clive Owen", "Jamie Foxx", "Natalie Portman"]);
    assert.deepEqual(names("Lucio Cesar Pires, the finance secretary, resigned.").people, ["Lucio Cesar Pires"]);
  });

  test("keep a person's name out of the firm the word before it names", () => {
    const found = names("The French co-head of European defence and aerospace group EADS Philippe Camus is to leave his post.");
    assert.deepEqual(found.organizations, []);
  });
});

describe("a title before a given name that is also a word ('Bill', 'Christian')", () => {
  test("is the title, and the name after it the person's", () => {
    assert.deepEqual(names("President Bill Clinton said so.").people, ["Bill Clinton"]);
    assert.deepEqual(names("Mayor Christian Bollwage said the city would appeal.").people, ["Christian Bollwage"]);
  });

  test("names no one when the word ends the name ('the Criminal Justice Bill')", () => {
    const found = names("MPs will vote on the Criminal Justice Bill next week.");
    assert.deepEqual(found.people, []);
    assert.deepEqual(found.events, ["Criminal Justice Bill"]);
  });
});

describe("a role word before a name and a verb of saying ('Singer Sam Endicott said')", () => {
  test("is not part of the name", () => {
    assert.deepEqual(names("Singer Sam Endicott said the band would tour.").people, ["Sam Endicott"]);
    assert.deepEqual(names("Coach Mike Ruddock said he was happy.").people, ["Mike Ruddock"]);
  });

  test("while a first name no list knows stays, before a middle name or an initial", () => {
    assert.deepEqual(names("Harland C. Stoneciphjer said the plant would close.").people, ["Harland C. Stoneciphjer"]);
    assert.deepEqual(names("Iain Duncan Smith said he would stand.").people, ["Iain Duncan Smith"]);
  });
});

describe("a pageant's title before a name", () => {
  test("is a title, not part of the name, and names nobody on its own", () => {
    assert.deepEqual(names("Trump attacked former Miss Universe Alicia Machado on Friday.").people, ["Alicia Machado"]);
    assert.deepEqual(names("She was crowned Miss America Gretchen Carlson in 1989, said Mr. Universe Arnold Schwarzenegger.").people, ["Arnold Schwarzenegger", "Gretchen Carlson"]);
    assert.deepEqual(names("He met Miss Smith and Miss Universe.").people, ["Smith"]);
  });
  test("before a pageant's or organization's head word is that body's name", () => {
    const pageant = names("The Miss Universe Pageant was sold to a talent agency.");
    assert.deepEqual([pageant.people, pageant.organizations], [[], ["Miss Universe Pageant"]]);
    // Not before any other word: "Chief Executive of" is still read as the title "Chief" and a role, the body after "of" apart.
    assert.deepEqual(
      names("Ann Wells, chief executive of Dunmore Local Health Board, had said it was unacceptable.", "Earlier, David Rowe, Chief Executive of Kelston Hospitals NHS Trust, had said it was regrettable.").organizations,
      ["Dunmore Local Health Board", "Kelston Hospitals NHS Trust"],
    );
  });
});

describe("a military or police rank before a name", () => {
  test("is a title, not part of the name", () => {
    assert.deepEqual(names("Lieutenant Colonel Oliver North testified before Congress.").people, ["Oliver North"]);
    assert.deepEqual(names("Colonel Sitivene Rabuka led the coup.").people, ["Sitivene Rabuka"]);
    assert.deepEqual(names("Staff Sergeant Ann Reyes and Lance Corporal Tom Hale were hurt.").people, ["Ann Reyes", "Tom Hale"]);
    assert.deepEqual(names("Detective Inspector Carl Mott said the van was found.").people, ["Carl Mott"]);
  });
});

describe("a brand's joined word (PlayStation, BellSouth)", () => {
  test("starts no person's name, and names no one alone later", () => {
    assert.deepEqual(names("Game shops said the PlayStation Portable sold out, and PlayStation said more were coming.").people, []);
    assert.deepEqual(names("BellSouth System said profits rose.").people, []);
  });
  test("is not a joined given name or a name's prefix", () => {
    assert.deepEqual(names("KellyAnne Conway said Trump would win.").people, ["KellyAnne Conway", "Trump"]);
    assert.deepEqual(names("Senator Mitch McConnell and Ryan DeShawn MacDonald spoke.").people, ["Mitch McConnell", "Ryan DeShawn MacDonald"]);
    assert.deepEqual(names("FitzRoy Maclean said the war was over.").people, ["FitzRoy Maclean"]);
  });
});

describe("given names added from common English and international ones", () => {
  test("start a person's name with no cue ('Gianni Agnelli', 'Camilla Parker Bowles', 'Kylie Minogue')", () => {
    assert.deepEqual(names("Reports from Gianni Zorvan reached the town.").people, ["Gianni Zorvan"]);
    assert.deepEqual(names("The guests were Camilla Quill and Kylie Zorvan.").people, ["Camilla Quill", "Kylie Zorvan"]);
    assert.deepEqual(names("The novel by Martyn Quill sold well in Japan.").people, ["Martyn Quill"]);
  });

  test("leave out names as often surnames, so a name ending in one stays whole ('Ferdinand Marcos', 'Rabah Yusuf', 'Leao Franco')", () => {
    assert.deepEqual(names("Opposition leader Ferdinand Marcos said he would return.").people, ["Ferdinand Marcos"]);
    assert.deepEqual(names("Rabah Yusuf said he won the race in Doha.").people, ["Rabah Yusuf"]);
    assert.deepEqual(names("Leao Franco said output rose.").people, ["Leao Franco"]);
  });
});
