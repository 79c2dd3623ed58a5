import assert from "node:assert/strict";
import { test } from "node:test";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "Weekend in the valley", paragraphs }));

test("a theatre, a library, a museum, a trail, a village or a resort is a place, never a person", () => {
  const found = names(
    "On Saturday the walkers left the Appalachian Trail and stopped at Grandin Village before a show at the Lyric Theatre.",
    "The manuscript went from the Bodleian Library to the Science Museum, and the delegates stayed at the Greenbrier Resort.",
  );
  for (const place of ["Appalachian Trail", "Grandin Village", "Lyric Theatre", "Bodleian Library", "Science Museum", "Greenbrier Resort"]) {
    assert.ok(found.places.includes(place), `${place} is a place: ${JSON.stringify(found)}`);
    assert.ok(!found.people.includes(place), `${place} is not a person`);
  }
});

test("a brewery, a restaurant or an inn is an organization, never a person", () => {
  const found = names("Deschutes Brewery will open a hub in the city, Peter Pan Restaurant said it would hire 40 cooks, and Pizza Inn reported higher sales.");
  for (const org of ["Deschutes Brewery", "Peter Pan Restaurant", "Pizza Inn"]) {
    assert.ok(found.organizations.includes(org), `${org} is an organization: ${JSON.stringify(found)}`);
    assert.ok(!found.people.includes(org), `${org} is not a person`);
  }
});

test("a person whose first name comes before such a word is still a person", () => {
  const found = names("The award went to Maria Garden, and David Village thanked the jury.");
  assert.ok(found.people.includes("Maria Garden"), JSON.stringify(found));
  assert.ok(found.people.includes("David Village"), JSON.stringify(found));
  assert.ok(!found.places.includes("Maria Garden") && !found.places.includes("David Village"), JSON.stringify(found));
});

test("a prison, a jail, a dam, a canal or a cemetery is a place, never a person", () => {
  const found = names(
    "The men were held at Belmarsh Prison, and Belmarsh Prison staff agreed.",
    "Engineers began work on the Xiluodu Dam as ships queued for the Welland Canal near Malvern Cemetery and the Dallas County Jail.",
  );
  for (const place of ["Belmarsh Prison", "Xiluodu Dam", "Welland Canal", "Malvern Cemetery", "Dallas County Jail"]) {
    assert.ok(found.places.includes(place), `${place} is a place: ${JSON.stringify(found)}`);
    assert.ok(!found.people.includes(place), `${place} is not a person`);
  }
});

test("a slogan with 'for' in it is not a place ('Hillary for Prison')", () => {
  const found = names("Supporters waved Hillary For Prison signs, and the Hillary for Prison slogan spread.");
  assert.deepEqual(found.places, [], JSON.stringify(found));
});

test("an alliance is an organization, and a firm's estates are the firm ('Rosemount Estates')", () => {
  const found = names("The Countryside Alliance said the ban would fail, and Rosemount Estates said sales rose.");
  for (const org of ["Countryside Alliance", "Rosemount Estates"]) {
    assert.ok(found.organizations.includes(org), `${org} is an organization: ${JSON.stringify(found)}`);
    assert.ok(!found.people.includes(org), `${org} is not a person`);
  }
});
