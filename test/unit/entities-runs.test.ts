// How src/ingest/entities.ts reads one run of capitalized words, rule by rule, and which
// lines it reads as headlines: each test is a name a reader would see filed wrongly.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
/** Every mention as kind:name:evidence:surface, sorted as extraction sorts them. */
const mentions = (title: string, ...paragraphs: string[]) =>
  extractMentions({ title, paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

test("'the ministries of' or 'the departments of' two names are two organizations", () => {
  assert.deepEqual(mentions("", "Talks between the ministries of Zorvan Affairs and Quill Trade ended on Monday."), [
    "organization:Ministry of Quill Trade:head-word:Quill Trade",
    "organization:Ministry of Zorvan Affairs:head-word:Zorvan Affairs",
  ]);
  assert.deepEqual(mentions("", "Talks between the departments of Zorvan Affairs and Justice ended on Monday."), [
    "organization:Department of Justice:known:Justice",
    "organization:Department of Zorvan Affairs:head-word:Zorvan Affairs",
  ]);
  // Without the plural, "of" is only a word before a name.
  assert.deepEqual(names("Talks with the head of Zorvan Affairs ended on Monday.").organizations, []);
});

test("two names before 'counties' are two counties", () => {
  assert.deepEqual(mentions("", "Officials from Zorvan and Quill counties met on Monday."), [
    "place:Quill County:head-word:Quill",
    "place:Zorvan County:head-word:Zorvan",
  ]);
});

test("an acronym defined after a name: the name is the organization, the words before it are read apart", () => {
  assert.deepEqual(mentions("", "Experts at the World Health Organization (WHO) met on Monday."), [
    "organization:World Health Organization:known:World Health Organization",
  ]);
  const quill = extractMentions({ title: "", paragraphs: ["Experts at the Zorvan Quill Board (ZQB) met on Monday.", "Later ZQB said no."] });
  assert.deepEqual(quill.acronyms, { ZQB: "Zorvan Quill Board" });
  assert.deepEqual(mentionNames(quill).organizations, ["Zorvan Quill Board"]);
  // "Paris" before the long form is read on its own: a place.
  assert.deepEqual(mentions("", "Experts at the Paris Quill Board (QB) met on Monday."), [
    "organization:Quill Board:acronym:Quill Board",
    "place:Paris:known:Paris",
  ]);
  // Letters that spell no tail of the run define nothing.
  assert.deepEqual(extractMentions({ title: "", paragraphs: ["Experts at the Zorvan Health Body (WHO) met on Monday."] }).acronyms, {});
});

test("capitals an article never defines are an organization only when they could be an acronym", () => {
  const found = extractMentions({ title: "", paragraphs: ["Later NATO met.", "Later ZQXB met.", "Later ABCDEFG met.", "Later Q met."] });
  assert.deepEqual(found.mentions.map((m) => `${m.name}:${m.evidence}`), ["North Atlantic Treaty Organization:known", "ZQXB:acronym-use"]);
  // An undefined acronym is not listed until some article defines it.
  assert.deepEqual(mentionNames(found).organizations, ["North Atlantic Treaty Organization"]);
});

test("a title inside a run: the words before it are read apart, the name ends at a possessive, the rest is read apart", () => {
  assert.deepEqual(mentions("", "Yesterday Zorvan Mayor Ann Lee’s Quill Plan passed easily."), [
    "event:Quill Plan:head-word:Quill Plan",
    "person:Ann Lee:title:Ann Lee",
  ]);
  assert.deepEqual(mentions("", "Yesterday Paris Mayor Ann Lee’s Quill Plan passed easily.").filter((m) => m.startsWith("place")), ["place:Paris:known:Paris"]);
});

test("a possessive inside a run ends the name before it; an organization head after it keeps the run whole", () => {
  assert.deepEqual(names("Yesterday Ann Lee’s Zorvan Quill passed easily.").people, ["Ann Lee"]);
  assert.deepEqual(names("The Zorvan Growers’ Association’s report came out on Monday.").organizations, ["Zorvan Growers’ Association"]);
});

test("'and' inside a run: an organization's name keeps it, two names are split", () => {
  assert.deepEqual(names("The Bureau of Zorvan and Quill Affairs met.").organizations, ["Bureau of Zorvan and Quill Affairs"]);
  assert.deepEqual(names("The Zorvan and Quill Company met.").organizations, ["Quill Company"]);
  assert.deepEqual(names("The Zorvan Company and Quill Company met.").organizations, ["Quill Company", "Zorvan Company"]);
  assert.deepEqual(names("Crews from Paris and Zorvan Company met.").organizations, ["Zorvan Company"]);
  assert.deepEqual(names("Crews from Paris and Zorvan Company met.").places, ["Paris"]);
  assert.deepEqual(names("The prize went to Ann Lee and Dana Kim on Monday.").people, ["Ann Lee", "Dana Kim"]);
});

test("a cue word makes a work of a name that is not a person's or a known name; event words make events", () => {
  assert.deepEqual(mentions("", "The film Zorvan Quill opened on Monday.", "The film Ann Quill opened on Monday.", "The film Paris opened on Monday."), [
    "event:Zorvan Quill:context:Zorvan Quill",
    "person:Ann Quill:name-shape:Ann Quill",
    "place:Paris:known:Paris",
  ]);
  assert.deepEqual(names("The film New York Stories opened on Monday.").events, ["New York Stories"]);
  assert.deepEqual(names("The Zorvan War ended, and the Zorvan Act passed; the Operation Quill began.").events, ["Operation Quill", "Zorvan Act", "Zorvan War"]);
  // A capitalized word before the name is no cue ("Film Zorvan Quill" is one run anyway).
  assert.deepEqual(names("The Film Zorvan Quill opened on Monday.").events, []);
});

test("a landmark word after a given name, or after a cue, is a person of two words; of three words it is a place", () => {
  assert.deepEqual(mentions("", "“Yes,” said Mount Zorvan.", "A mayor Quill Lake arrived."), [
    "person:Mount Zorvan:speech:Mount Zorvan",
    "person:Quill Lake:speech:Quill Lake",
  ]);
  assert.deepEqual(names("Crews worked near Ann Zorvan Lake on Sunday.").places, ["Ann Zorvan Lake"]);
  assert.deepEqual(names("The prize went to Ann Lake on Monday.").places, []);
});

test("a word that starts a known name is kept at the start of a run: New York Knicks, not York Knicks", () => {
  assert.deepEqual(names("The New York Knicks won on Monday.").organizations, ["New York Knicks"]);
  assert.deepEqual(names("On Sunday the New England Patriots won.").organizations, ["New England Patriots"]);
  assert.deepEqual(names("Traders at the New York Zorvan Exchange cheered on Monday.").organizations, ["New York Zorvan Exchange"]);
  assert.deepEqual(names("Voters in New Mexico Zorvan County went to the polls.").places, ["New Mexico Zorvan County"]);
  assert.deepEqual(names("The film New York Stories opened on Monday.").events, ["New York Stories"]);
  // "New" that starts no known name is still dropped.
  assert.deepEqual(names("On Sunday the New Zorvan Quills won.").organizations, []);
});

test("a known place and a plural is a team; a word ending in -ss is no plural", () => {
  assert.deepEqual(names("The Paris Zorvans won on Monday.").organizations, ["Paris Zorvans"]);
  assert.deepEqual(names("The Paris Glass lost on Monday.").organizations, []);
  assert.deepEqual(names("The Zorvan Quills won on Monday.").organizations, []);
  assert.deepEqual(names("The New York Zorvans won on Monday.").organizations, ["New York Zorvans"]);
});

test("a lone word is a person only with a cue, and never when it is a role, a day or an ordinary word", () => {
  assert.deepEqual(names("Mayor Quill said yes.", "Mayor Monday spoke.", "“No,” said Zorvan.", "“No,” said Ministers.", "“No,” said Analysts.").people, ["Quill", "Zorvan"]);
  assert.deepEqual(names("Zorvan arrived on Monday.").people, []);
  // A word the article also writes in lowercase is ordinary after "said", but not after a title.
  assert.deepEqual(names("“No,” said Hope.", "There is no hope.").people, []);
  assert.deepEqual(names("Mayor Hope spoke.", "There is no hope.").people, ["Hope"]);
});

test("a lone surname or first name is the one person of the article it names, and nobody when two share it", () => {
  assert.deepEqual(mentions("", "Quintero Vasquez said yes.", "Vasquez said no.", "Quintero agreed."), ["person:Quintero Vasquez:speech:Quintero Vasquez"]);
  assert.deepEqual(names("Ann Lee and Dana Lee spoke.", "“Yes,” Lee said.").people, ["Ann Lee", "Dana Lee"]);
  assert.deepEqual(names("Dana Whitfield Jr. spoke.", "“Yes,” Whitfield said.").people, ["Dana Whitfield Jr."]);
});

test("a headline naming a person of the body is that person, not a place that starts the name", () => {
  assert.deepEqual(mentionNames(extractMentions({ title: "Paris Zorvan Wins Again", paragraphs: ["“Yes,” Paris Zorvan said on Monday."] })), {
    people: ["Paris Zorvan"], organizations: [], places: [], events: [],
  });
  assert.deepEqual(mentionNames(extractMentions({ title: "Paris Wins Again", paragraphs: ["“Yes,” Paris Zorvan said on Monday."] })).places, ["Paris"]);
});

test("a title-case or capitals line in the body is read like a headline: only known names count", () => {
  const people = (line: string) => names(line).people;
  assert.deepEqual(people("Ann Zorvan Quill"), []);
  assert.deepEqual(people("ANN ZORVAN QUILL"), []);
  assert.deepEqual(people("Ann Zorvan Quill!"), []);
  // Three capitalized words of five is a headline; of six, prose.
  assert.deepEqual(people("Ann Zorvan Quill spoke today"), []);
  assert.deepEqual(people("Ann Zorvan Quill spoke loudly today"), ["Ann Zorvan Quill"]);
  // Numbers and punctuation are not words of the line.
  assert.deepEqual(people("Ann Zorvan Quill 2019 2020 prize"), []);
  assert.deepEqual(people("Ann Zorvan Quill - - prize"), []);
  // A line ending like a sentence is prose.
  assert.deepEqual(people("Ann Zorvan Quill."), ["Ann Zorvan Quill"]);
  assert.deepEqual(people("Ann Zorvan Quill”"), ["Ann Zorvan Quill"]);
  assert.deepEqual(people("Ann Zorvan Quill\""), ["Ann Zorvan Quill"]);
  // A headline's little words are not counted: with each, three capitalized words of five remain.
  for (const word of ["a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "vs", "via", "nor", "so", "up"]) {
    assert.deepEqual(people(`Ann Zorvan Quill spoke ${word} today`), [], word);
  }
});

test("a byline printed twice is one name; a name of three words is not halved", () => {
  assert.deepEqual(names("Dana Whitfield Dana Whitfield wrote this story on Monday.").people, ["Dana Whitfield"]);
  assert.deepEqual(names("Ann Lee Ann wrote this story on Monday.").people, ["Ann Lee Ann"]);
});

test("a lone word after a title stays a person even where 'said' would not make one; a later cue upgrades a word first seen without one", () => {
  // Title first, then "said" with a word the article also writes in lowercase: the title's cue is kept.
  assert.deepEqual(names("Mayor Hope spoke.", "“No,” said Hope.", "There is no hope.").people, ["Hope"]);
  assert.deepEqual(names("“No,” said Hope.", "Mayor Hope spoke.", "There is no hope.").people, ["Hope"]);
  assert.deepEqual(names("Zorvan arrived.", "“No,” said Zorvan.").people, ["Zorvan"]);
  assert.deepEqual(names("“No,” said Zorvan.", "Zorvan arrived.").people, ["Zorvan"]);
});

test("a county's state after a comma: New York and Washington count, 'State' is dropped, and the state must end the phrase", () => {
  assert.deepEqual(names("Officials in Zorvan County, New York, met.", "Officials in Quill County, Washington, met.", "Officials in Ash County, New York State, met.").places, [
    "Ash County, New York", "Quill County, Washington", "Zorvan County, New York",
  ]);
  assert.deepEqual(names("Officials in Zorvan County, Texas officials said.").places, ["Texas", "Zorvan County"]);
  assert.deepEqual(names("Officials in County, Texas, met.").places, ["Texas"]);
  assert.deepEqual(mentions("", "Zorvan County (Md.) Police Chief Ann Lee spoke on Monday."), [
    "person:Ann Lee:title:Ann Lee",
    "place:Zorvan County, Maryland:head-word:Zorvan County (Md.)",
  ]);
});

test("mentions are sorted by kind and name, and acronyms by acronym, whatever the order of the text", () => {
  const found = extractMentions({
    title: "",
    paragraphs: ["The Zorvan Arts Council (ZAC) and the Quill Trade Board (QTB) met in Paris with Ann Lee and Dana Kim at the Zorvan War museum."],
  });
  assert.deepEqual(Object.keys(found.acronyms), ["QTB", "ZAC"]);
  assert.deepEqual(
    found.mentions.map((m) => `${m.kind}:${m.name}`),
    ["event:Zorvan War", "organization:Quill Trade Board", "organization:Zorvan Arts Council", "person:Ann Lee", "person:Dana Kim", "place:Paris"],
  );
});

test("a name of up to 300 characters is kept, a longer run of capitals is no name", () => {
  const run = (length: number) => {
    const words = ["Zorvan"];
    while (words.join(" ").length + " Quill Company".length <= length) words.push("Quill");
    const name = `${words.join(" ")} Company`;
    // Lengthen the first word to the exact length: "Zorvannnn Quill Quill ... Company".
    return `Zorvan${"n".repeat(length - name.length)}${name.slice(6)}`;
  };
  assert.equal(run(300).length, 300);
  assert.equal(run(301).length, 301);
  assert.deepEqual(names(`The ${run(300)} met.`).organizations, [run(300)]);
  assert.deepEqual(names(`The ${run(301)} met.`).organizations, []);
});

test("a person's name has at most five words, particles and a suffix included, and never 'of' inside", () => {
  assert.deepEqual(names("The prize went to Maria de la Cruz Zorvan on Monday.").people, ["Maria de la Cruz Zorvan"]);
  assert.deepEqual(names("The prize went to Ana Maria de la Cruz Zorvan on Monday.").people, []);
  assert.deepEqual(names("The prize went to Dana Whitfield III on Monday.", "Then Dana Whitfield Junior arrived.").people, ["Dana Whitfield III", "Dana Whitfield Junior"]);
  assert.deepEqual(names("The prize went to Ann of Zorvan on Monday.").people, []);
});

test("ordinary words at the edges of a run are dropped, but capitals that name something are kept", () => {
  assert.deepEqual(names("The US Zorvan Council met.").organizations, ["US Zorvan Council"]);
  assert.deepEqual(names("On Monday Zorvan Quill Council met.").organizations, ["Zorvan Quill Council"]);
  assert.deepEqual(names("Then New Zealand won.").places, ["New Zealand"]);
  assert.deepEqual(names("Then Dade County Police Chief Ann Lee spoke on Monday.").places, ["Miami-Dade County"]);
  assert.deepEqual(names("“No,” said Dana Monday.").people, ["Dana"]);
});

test("words the article also writes in lowercase are no name without a cue, and are one after 'said'", () => {
  assert.deepEqual(names("Hope Summer opened the show.", "There is hope this summer.").people, []);
  assert.deepEqual(names("“No,” said Hope Summer.", "There is hope this summer.").people, ["Hope Summer"]);
});

test("a known name of three letters in a headline in capitals is an ordinary word", () => {
  assert.deepEqual(mentionNames(extractMentions({ title: "FED UP WITH TAXES IN RIO", paragraphs: ["Nobody knows why."] })), {
    people: [], organizations: [], places: [], events: [],
  });
});
