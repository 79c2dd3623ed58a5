// The word lists of src/ingest/entities.ts read one word at a time: each word is written
// out here (not imported), so a word lost from a list fails the test that needs it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractMentions, mentionNames, PLACE_CONTAINER, tokenize, US_STATES } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));

test("a name ending in County, Parish, Province, Island, Islands, Borough or Township is a place", () => {
  for (const word of ["County", "Parish", "Province", "Island", "Islands", "Borough", "Township"]) {
    const found = names(`Crews worked near Zorvan ${word} on Sunday.`);
    assert.deepEqual(found, { people: [], organizations: [], places: [`Zorvan ${word}`], events: [] }, word);
  }
});

test("a name ending in a landmark word is a place, not a person or a lone word", () => {
  const landmarks = [
    "Tower", "Towers", "Bridge", "Street", "Avenue", "Boulevard", "Square", "Park", "Airport", "Station", "Building", "Hall", "Stadium",
    "Arena", "Palace", "Beach", "Valley", "Base", "Hotel", "River", "Lake", "Mountains", "Mountain", "Bay", "Canyon", "Highway", "Plaza",
    "Harbor", "Harbour", "Peninsula", "Desert", "Strait", "Gulf", "Sea", "Ocean", "Coast", "Falls", "Hills", "Heights", "Road", "Castle",
    "Cathedral", "Abbey", "Theater", "Theatre", "Library", "Museum", "Village", "Trail", "Resort", "Garden", "Gardens", "Zoo",
  ];
  for (const word of landmarks) {
    const found = names(`Crews worked near Zorvan ${word} on Sunday.`);
    assert.deepEqual(found, { people: [], organizations: [], places: [`Zorvan ${word}`], events: [] }, word);
  }
});

test("a name starting with Fort, Mount, Mt., Lake, Port, Cape, Camp, Saint, St. or Sainte is a place", () => {
  for (const word of ["Fort", "Mount", "Mt.", "Lake", "Port", "Cape", "Camp", "Saint", "St.", "Sainte"]) {
    const found = names(`Crews worked near ${word} Zorvan on Sunday.`);
    assert.deepEqual(found, { people: [], organizations: [], places: [`${word} Zorvan`], events: [] }, word);
  }
});

test("a place and a group word is the place, never a person named like the group", () => {
  const groups = [
    "MPs", "MEPs", "MSPs", "Democrats", "Republicans", "Senators", "Lawmakers", "Officials", "Members", "Leaders", "Ministers", "Supporters",
    "Voters", "Fans", "Players", "Troops", "Conservatives", "Liberals", "Tories", "Peers", "Councillors", "Governors", "Mayors", "Candidates",
    "Democrat", "Republican", "Independent", "Libertarian",
  ];
  for (const word of groups) {
    const found = names(`Ohio ${word} said no on Tuesday.`);
    assert.deepEqual(found, { people: [], organizations: [], places: ["Ohio"], events: [] }, word);
  }
});

test("a name next to any verb of saying is a person, even without a given name", () => {
  const verbs = [
    "said", "says", "say", "told", "tells", "added", "asked", "wrote", "writes", "explained", "noted", "argued", "insisted",
    "insists", "recalled", "stated", "tweeted", "testified", "warned", "claimed", "acknowledged", "admitted", "replied",
  ];
  for (const verb of verbs) {
    assert.deepEqual(names(`Quintero Vasquez ${verb} the plan was sound.`).people, ["Quintero Vasquez"], verb);
  }
});

test("the little words inside names join them: of, for, on, the, and, and the particles of people's names", () => {
  const org = (text: string) => names(text).organizations;
  assert.deepEqual(org("Crews from the Department of Zorvan arrived on Monday."), ["Department of Zorvan"]);
  assert.deepEqual(org("Crews from the Center for Zorvan Studies arrived on Monday."), ["Center for Zorvan Studies"]);
  assert.deepEqual(org("Crews from the Council on Zorvan Relations arrived on Monday."), ["Council on Zorvan Relations"]);
  assert.deepEqual(org("Crews from the Department of the Zorvan arrived on Monday."), ["Department of the Zorvan"]);
  assert.deepEqual(org("Crews from the Bureau of Zorvan and Quill Affairs arrived on Monday."), ["Bureau of Zorvan and Quill Affairs"]);
  for (const particle of ["de", "del", "da", "dos", "du", "van", "von", "der", "den", "la", "le", "y", "bin", "al"]) {
    assert.deepEqual(names(`The prize went to Maria ${particle} Zorvan on Monday.`).people, [`Maria ${particle} Zorvan`], particle);
  }
  // "do" is also an ordinary verb: "Maria do Zorvan" is one run, never a lone "Maria".
  assert.deepEqual(names("“Yes,” said Maria do Zorvan.").people, []);
});

test("a period after an abbreviation does not end the sentence, so the next word is not a sentence opener", () => {
  for (const abbreviation of ["Jr.", "Sr.", "St.", "Mt.", "Ft.", "No.", "Vs.", "Corp.", "Inc.", "Co.", "Ltd.", "Bros.", "Jan.", "Feb."]) {
    const tokens = tokenize(`they met Zorvan ${abbreviation} Quill today`);
    assert.deepEqual(
      tokens.map((t) => [t.text, t.sentenceStart]),
      [["they", true], ["met", false], ["Zorvan", false], [abbreviation, false], ["Quill", false], ["today", false]],
      abbreviation,
    );
  }
});

test("a county is qualified by a US state named after it, and by nothing else", () => {
  assert.deepEqual(names("Officials in Zorvan County, Texas, met on Monday.").places, ["Zorvan County, Texas"]);
  assert.deepEqual(names("Officials in Zorvan County, Ontario, met on Monday.").places, ["Ontario", "Zorvan County"]);
  assert.deepEqual(names("Zorvan County (Md.) Police Chief Ann Lee spoke on Monday.").places, ["Zorvan County, Maryland"]);
  assert.deepEqual(names("Zorvan County (Ontario) Police Chief Ann Lee spoke on Monday.").places, ["Ontario", "Zorvan County"]);
  assert.deepEqual(names("Zorvan County (Paris) Police Chief Ann Lee spoke on Monday.").places, ["Paris", "Zorvan County"]);
});

test("the curated places say what country or state a place lies in, and countries lie in nothing", () => {
  assert.equal(PLACE_CONTAINER.get("Paris"), "France");
  assert.equal(PLACE_CONTAINER.has("France"), false);
  assert.equal(US_STATES.has("Texas"), true);
  assert.equal(US_STATES.has("Ontario"), false);
  assert.equal(US_STATES.has("Paris"), false);
});

test("a headline in capitals finds places of one and several words, but not a longer name starting the same", () => {
  assert.deepEqual(mentionNames(extractMentions({ title: "ROME AND NEW YORK CITY REJOICE", paragraphs: ["Nobody knows why."] })).places, ["New York", "Rome"]);
  assert.deepEqual(mentionNames(extractMentions({ title: "LOS ANGELES TIMES SOLD", paragraphs: ["Nobody knows why."] })), {
    people: [], organizations: ["Los Angeles Times"], places: [], events: [],
  });
});
