import { test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions } from "../../src/ingest/entities.ts";
import { EMPTY_ALIAS_TABLE, mergePersonNames, resolveEntities } from "../../src/ingest/entity-merge.ts";

/** The archive-wide names of each article, as ingest resolves them. */
function resolve(...articles: string[][]) {
  return resolveEntities(articles.map((paragraphs) => extractMentions({ title: "", paragraphs })), EMPTY_ALIAS_TABLE);
}
const one = (...paragraphs: string[]) => resolve(paragraphs)[0];

test("a sentence word before a known person is not part of the name", () => {
  assert.deepEqual(one("Collapsing Hillary Clinton could not finish the speech.").people, ["Hillary Clinton"]);
  assert.deepEqual(one("Isn't Donald Trump the nominee now?").people, ["Donald Trump"]);
  // A first name the given-name list lacks: only the list of well-known people tells where the name starts.
  assert.deepEqual(one("Collapsing Condoleezza Rice could not finish the speech.").people, ["Condoleezza Rice"]);
});

test("a word before a given name is not part of an unknown person's name", () => {
  assert.deepEqual(one("Reformist Dana Whitfield promised a recount on Monday.").people, ["Dana Whitfield"]);
});

test("a name shaped like a person's is one only if it starts with a given name or some article gives a cue", () => {
  assert.deepEqual(one("Shares in Deutsche Boerse rose on Monday.").people, []);
  const [alone, cued] = resolve(["Shares in Quintero Vasquez rose on Monday."], ["“We will grow,” Quintero Vasquez said."]);
  assert.deepEqual(alone.people, ["Quintero Vasquez"]);
  assert.deepEqual(cued.people, ["Quintero Vasquez"]);
  assert.deepEqual(one("Shares in Quintero Vasquez rose on Monday.").people, []);
});

test("a group is not a person: its first words are read on their own", () => {
  const found = one("Labour MPs voted against the plan on Tuesday.");
  assert.deepEqual(found.people, []);
  assert.deepEqual(found.organizations, ["Labour Party"]);
  assert.deepEqual(one("The vote angered a Nevada Democrat on Tuesday.").people, []);
});

test("a title or an initial never ends a person's name", () => {
  assert.deepEqual(one("The bill was blocked, said Senate Minority Leader.").people, []);
  assert.deepEqual(one("“No,” said Springfield Mayor.").people, []);
  assert.deepEqual(one("The speech was written for George W. and nobody else.").people, []);
});

test("a person's name ends before 'of' or 'and': the place after it is a place", () => {
  const found = one("The bill came from Ted Cruz and Senate Commerce Chairman John Thune of South Dakota on Monday.");
  assert.deepEqual(found.people, ["John Thune", "Ted Cruz"]);
  assert.ok(found.places.includes("South Dakota"), JSON.stringify(found));
});

test("landmarks are places, but a given name and a landmark word is a person", () => {
  const found = one("Protesters gathered outside Trump Tower and the George Washington Bridge on Sunday.");
  assert.deepEqual(found.people, []);
  assert.deepEqual(found.places, ["George Washington Bridge", "Trump Tower"]);
  assert.deepEqual(one("“It was a joke,” Arsenio Hall said on Monday.").people, ["Arsenio Hall"]);
});

test("events and works are their own kind", () => {
  const found = one("She won the Australian Open in January, and the film Finding Neverland opened the same week.");
  assert.deepEqual(found.events, ["Australian Open", "Finding Neverland"]);
  assert.deepEqual(found.people, []);
});

test("a known place and a plural is a team, an organization", () => {
  const found = one("The Dallas Mavericks won again on Sunday night.");
  assert.deepEqual(found.organizations, ["Dallas Mavericks"]);
  assert.deepEqual(found.people, []);
});

test("a nickname is the person it names", () => {
  assert.deepEqual(one("Hillary Clinton spoke first.", "Then Crooked Hillary was mocked again.").people, ["Hillary Clinton"]);
  assert.deepEqual(one("Hillary Clinton spoke first.", "“Enough,” said Crooked Hillary.").people, ["Hillary Clinton"]);
});

test("middle names and initials are one person when no other middle name goes with the name", () => {
  const names = mergePersonNames(new Map([["Donald J. Trump", 3], ["Donald Trump", 10], ["Keith Lamont Scott", 5], ["Keith Scott", 2]]));
  assert.equal(names.get("Donald J. Trump"), "Donald Trump");
  assert.equal(names.get("Keith Scott"), "Keith Lamont Scott");
  const bushes = mergePersonNames(new Map([["George W. Bush", 5], ["George H. W. Bush", 3], ["George Bush", 2]]));
  assert.deepEqual([bushes.get("George W. Bush"), bushes.get("George H. W. Bush"), bushes.get("George Bush")], ["George W. Bush", "George H. W. Bush", "George Bush"]);
});

test("Jr. and Junior are one suffix, and a son is never his father", () => {
  const names = mergePersonNames(new Map([["Donald Trump", 10], ["Donald Trump Jr.", 3], ["Donald J. Trump Jr.", 1]]));
  assert.equal(names.get("Donald Trump Jr."), "Donald Trump Jr.");
  assert.equal(names.get("Donald J. Trump Jr."), "Donald Trump Jr.");
  const [a, b, c] = resolve(["President Donald Trump spoke."], ["His son Donald Trump Junior spoke too.", "Donald Trump Jr. smiled."], ["Trump Jr. said no."]);
  assert.deepEqual(a.people, ["Donald Trump"]);
  assert.deepEqual(b.people, ["Donald Trump Jr."]);
  assert.deepEqual(c.people, ["Donald Trump Jr."]);
  const [d, e] = resolve(["Bobby Vance Junior spoke."], ["Bobby Vance Jr. spoke again."]);
  assert.deepEqual([d.people, e.people], [["Bobby Vance Jr."], ["Bobby Vance Jr."]]);
});

test("a one-letter misspelling of a name used five times as often is that name, and not when less often", () => {
  const five = mergePersonNames(new Map([["Jonathan Smithers", 5], ["Jonathon Smithers", 1]]));
  assert.equal(five.get("Jonathon Smithers"), "Jonathan Smithers");
  const two = mergePersonNames(new Map([["Jonathan Smithers", 2], ["Jonathon Smithers", 1]]));
  assert.equal(two.get("Jonathon Smithers"), "Jonathon Smithers");
  // Short names are different people, not misspellings ("Jon" and "John").
  const short = mergePersonNames(new Map([["John Ward", 9], ["Jon Ward", 1]]));
  assert.equal(short.get("Jon Ward"), "Jon Ward");
  assert.deepEqual(one("Barrack Obama spoke in Chicago.").people, ["Barack Obama"]);
});

test("organizations written with or without 'The', 'News' or with U.S. for US are one", () => {
  const [a, b, c, d] = resolve(
    ["BBC News reported it first, and the Springfield Gazette Company agreed."],
    ["The BBC said so, and The Springfield Gazette Company did not."],
    ["The U.S. District Court ruled, said the LA Times."],
    ["The US District Court sat again."],
  );
  assert.deepEqual(a.organizations, b.organizations);
  assert.ok(a.organizations.includes("BBC"), JSON.stringify(a));
  assert.deepEqual(c.organizations.filter((o) => /District Court/.test(o)), d.organizations.filter((o) => /District Court/.test(o)));
  assert.ok(c.organizations.includes("Los Angeles Times"), JSON.stringify(c));
});

test("a county is the state-qualified county other articles name, when only one state has it", () => {
  const [a, b] = resolve(["Officials in Vigo County, Indiana, met."], ["Vigo County voters went to the polls."]);
  assert.deepEqual(a.places, ["Vigo County, Indiana"]);
  assert.deepEqual(b.places, ["Vigo County, Indiana"]);
});

test("a lone name that no full name in the archive explains is dropped, a lone surname that one does becomes it", () => {
  const [a, b] = resolve(["“No,” Henderson said."], ["Senator Elena Vasquez arrived.", "Later, “yes,” Vasquez said."]);
  assert.deepEqual(a.people, []);
  assert.deepEqual(b.people, ["Elena Vasquez"]);
});

test("a contraction after a name is not part of it, and newspaper and college words make organizations", () => {
  assert.deepEqual(one("“Heidi Cruz I’m told left early,” an aide said.").people.filter((p) => p.includes("I’m")), []);
  const found = one("The Charlotte Observer and Virginia Tech both reported it on Monday.");
  assert.deepEqual(found.people, []);
  assert.deepEqual(found.organizations, ["Charlotte Observer", "Virginia Tech"]);
});
