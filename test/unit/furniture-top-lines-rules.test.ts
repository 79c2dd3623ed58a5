/**
 * One-off top lines and headline cuts at their limits: whether a line above an article's
 * headline that no other article shows is the site's banner (removed) or the story's own
 * (kept), told by whether it uses a word or a name of the story's lead, with plurals read
 * as their word ("parties" is "party") but a word running on into digits or "_" read as a
 * name ("Cities2030"); which words glued before or after a headline are navigation or a
 * site's name; and the evidence key that says when a cached analysis still holds.
 * (removeFurniture's one-off top line and headline-cut rules, and recurringLinesOf.)
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NO_FURNITURE_EVIDENCE, recurringLinesOf, removeFurniture } from "../../src/ingest/furniture.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const headline = "Bridge Reopens After Repairs Finish Early";

/** An article: a top line over the bridge headline, over a story whose lead opens with `lead`. */
function article(top: string, lead: string) {
  return paras(
    top,
    headline,
    `${lead} The river bridge reopened to traffic on Monday, two weeks ahead of schedule.`,
    "Engineers replaced the rusted deck plates and painted the railings during the closure.",
    "Commuters had faced detours of twenty minutes through the industrial estate.",
  );
}

/** The first line a reader sees, and what was taken away, as [kind, text]. */
function read(top: string, lead: string): { title: string; removed: [string, string][] } {
  const { kept, removed } = removeFurniture(article(top, lead), NO_FURNITURE_EVIDENCE);
  return { title: kept[0].text, removed: removed.map((r) => [r.kind, r.text]) };
}

const kept = (top: string) => ({ title: top, removed: [] });
const banner = (top: string) => ({ title: headline, removed: [["banner", top]] });

test("a top line sharing no word with the story is a banner; one naming in the singular what the lead names in the plural is the story's", () => {
  const parties = "Both parties on the council backed the repairs.";
  assert.deepEqual(read("Garden Notes", parties), banner("Garden Notes"));
  assert.deepEqual(read("Party Notes", parties), kept("Party Notes"));
  // "parties’": a plural before a curly apostrophe (the parties’ leaders) is at its word's end.
  assert.deepEqual(read("Party Notes", "The parties’ leaders on the council backed the repairs."), kept("Party Notes"));
  // Six letters ending in "ies" are a plural ("cities" is "city")…
  assert.deepEqual(read("City Notes", "Both cities on the river paid for the repairs."), kept("City Notes"));
  // …and five ending in "s" after a letter, small or capital ("areas" is "area", "NCAAs" is "NCAA").
  assert.deepEqual(read("Area Notes", "Shops in nearby areas paid for the repairs."), kept("Area Notes"));
  assert.deepEqual(read("NCAA Notes", "Fans driving to the NCAAs used the bridge."), kept("NCAA Notes"));
  // "z" is a letter too: a family's plural written without "-es" ("the Ruizs") is that family.
  assert.deepEqual(read("Ruiz Notes", "Neighbours of the Ruizs paid for the repairs."), kept("Ruiz Notes"));
});

test("a word running on into digits or an underscore ('Cities2030', 'Cities_Now') is a name, not the plural of the story's 'city': a banner", () => {
  const city = "The city paid for the repairs.";
  assert.deepEqual(read("Cities Now", city), kept("Cities Now"));
  // The digits 0 and 9 (the ends of the range) and "_" all go on the word.
  for (const name of ["Cities2030", "Cities09", "Cities90", "Cities_Now"]) assert.deepEqual(read(name, city), banner(name), name);
});

test("a word of five letters ending in 'ies' ('fries') is not cut to three ('fry'): a top line naming it is the story's", () => {
  assert.deepEqual(read("Fries Notes", "Stalls selling fries lined the road for the opening."), kept("Fries Notes"));
});

test("a word ending in 'ss' ('class') is no plural: 'Night Classes' over a story of a welding class is the story's", () => {
  assert.deepEqual(read("Night Classes", "A welding class helped with the repairs."), kept("Night Classes"));
});

test("a two-letter word a banner shares with the lead ('In') names nobody: 'Your Town In Pictures' over a lead opening 'In March' is a banner", () => {
  assert.deepEqual(read("Your Town In Pictures", "In March the council voted to pay for the repairs."), banner("Your Town In Pictures"));
});

test("a site's name and section naming a word common in the archive ('County') is a banner though the lead capitalises it too ('Harlan County')", () => {
  const top = "Lakeside Gazette | County Edition";
  const doc = article(top, "Harlan County paid for the repairs.");
  // In an archive of county news "county" is everyone's word: it ties the line to no story.
  assert.deepEqual(removeFurniture(doc, { ...NO_FURNITURE_EVIDENCE, commonStems: ["count"] }).removed, [{ kind: "banner", text: top, line: 1 }]);
  // Where it is not common, the line shares the story's word and stays.
  assert.equal(removeFurniture(doc, NO_FURNITURE_EVIDENCE).kept[0].text, top);
  // A word of the line the archive does not share ("Harlan") names what the lead names.
  const harlan = article("Lakeside Gazette | Harlan County", "Harlan County paid for the repairs.");
  assert.equal(removeFurniture(harlan, { ...NO_FURNITURE_EVIDENCE, commonStems: ["count"] }).kept[0].text, "Lakeside Gazette | Harlan County");
});

test("a one-off top line naming whom the lead names is the story's when the name opens the lead or closes it ('Lee v Kim')", () => {
  const final = "Champion Keeps Her Crown In Rain-Soaked Final";
  const crowd = "The crowd stayed in the rain to watch the final, which ran for more than three hours.";
  const top = (...story: string[]) => removeFurniture(paras("Lee v Kim", final, ...story), NO_FURNITURE_EVIDENCE).kept[0].text;
  assert.equal(top("Kim took the first set on Sunday but Ann Lee won the next two to keep the title.", crowd), "Lee v Kim");
  assert.equal(top("On Sunday Ann Lee won the final in three sets to keep the title.", "Women's singles final: Lee beat Kim", crowd), "Lee v Kim");
  // Named in neither of the first two paragraphs, the pairing is the site's banner.
  assert.equal(top("On Sunday Ann Lee won the final in three sets to keep the title.", crowd, "Women's singles final: Lee beat Kim"), final);
});

test("an acronym's plural ('TVs') is no name the story names: a shop's 'Sale on TVs' over a lead mentioning TVs is a banner", () => {
  assert.deepEqual(read("Sale on TVs", "A van carrying TVs was the first across."), banner("Sale on TVs"));
});

test("a story of twelve words of four letters or more is long enough to tell a banner over it; one of eleven is not, and its top line stays", () => {
  const doc = (last: string) => paras("Weekend Reading", "Mayor Opens Harbour Bridge", "Mayor Lena Ortiz opened the harbour bridge on Monday.", last);
  // mayor, lena, ortiz, opened, harbour, bridge, monday, crowds, cheered, loudly, below: eleven.
  assert.equal(removeFurniture(doc("Crowds cheered loudly below."), NO_FURNITURE_EVIDENCE).kept[0].text, "Weekend Reading");
  // …and "waving": twelve.
  assert.deepEqual(removeFurniture(doc("Crowds cheered loudly below, waving."), NO_FURNITURE_EVIDENCE).removed, [{ kind: "banner", text: "Weekend Reading", line: 1 }]);
});

test("a site's name with an exclamation mark inside ('Yahoo! Local') is a banner: only a line ending in one is a headline", () => {
  assert.deepEqual(read("Yahoo! Local", "Crews worked through the night."), banner("Yahoo! Local"));
  // A kicker ending in one ("Finally!") is the story's, though it shares no word with it.
  assert.deepEqual(read("Finally!", "Crews worked through the night."), kept("Finally!"));
  assert.deepEqual(read("Finally", "Crews worked through the night."), banner("Finally"));
});

test("words before a headline's capitalised word are the headline's own when the story writes them ('U.S.', 'U.S. Steel'); words it does not write are navigation glued on", () => {
  const first = (...doc: string[]) => {
    const { kept, removed } = removeFurniture(paras(...doc), NO_FURNITURE_EVIDENCE);
    return { title: kept[0].text, removed: removed.map((r) => [r.kind, r.text]) };
  };
  const oil = ["Oil prices fell to a three-month low on Monday as U.S. stockpiles of crude grew for a fourth week.", "Traders expect oil to stay cheap through the winter."];
  assert.deepEqual(first("U.S. Oil prices reach three-month low", ...oil), { title: "U.S. Oil prices reach three-month low", removed: [] });
  assert.deepEqual(first("Markets Oil prices reach three-month low", ...oil), { title: "Oil prices reach three-month low", removed: [["banner", "Markets"]] });
  // Two words: the story writes them together ("U.S. Steel said…"), though not the first alone as a word ("us").
  const steel = ["U.S. Steel said on Tuesday that its quarterly profits fell by a third as car makers bought less sheet metal.", "The company expects demand to recover next year."];
  assert.deepEqual(first("U.S. Steel Profits fall on weak demand", ...steel), { title: "U.S. Steel Profits fall on weak demand", removed: [] });
  assert.deepEqual(first("Navigation Steel Profits fall on weak demand", ...steel), { title: "Profits fall on weak demand", removed: [["banner", "Navigation Steel"]] });
});

test("a name with a capital inside ('WiFi') is no sentence-case headline's first word, though the story writes it in lowercase: the word before it stays", () => {
  const doc = paras("Metro WiFi reaches every bus stop this spring", "Passengers can now use free wifi at every bus stop in the county, the transit agency said on Monday.", "The network cost less than the agency expected.");
  assert.deepEqual(removeFurniture(doc, NO_FURNITURE_EVIDENCE), { kept: doc, removed: [] });
});

test("a story's 'Oil' after a full stop or a colon and two spaces starts a sentence, so 'Markets' glued before the headline's 'Oil prices' is still cut; 'Oil' inside a sentence is the story's own capital", () => {
  const h = "Markets Oil prices reach three-month low";
  const later = "Analysts expect oil to stay cheap this winter.";
  const title = (lead: string) => removeFurniture(paras(h, lead, later), NO_FURNITURE_EVIDENCE).kept[0].text;
  assert.equal(title("Traders sold crude all day on Monday.  Oil prices fell to a three-month low by the close."), "Oil prices reach three-month low");
  assert.equal(title("The news for drivers:  Oil prices fell to a three-month low on Monday."), "Oil prices reach three-month low");
  assert.equal(title("Traders sold crude all day on Monday and Oil prices fell to a three-month low by the close."), h);
});

test("after a dash, words ending in a name run together ('– Watch On YouTube') go on the headline; one run-together word ('– WalkWithHer') is a site's name and is cut", () => {
  const story = ["The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.", "Lawyers for the city filed notice of the appeal on Tuesday afternoon."];
  const h = "Mayor Vows To Fight Ruling In Court";
  const doc = paras(`${h} – Watch On YouTube`, ...story);
  assert.deepEqual(removeFurniture(doc, NO_FURNITURE_EVIDENCE), { kept: doc, removed: [] });
  assert.deepEqual(removeFurniture(paras(`${h} – WalkWithHer`, ...story), NO_FURNITURE_EVIDENCE).removed, [{ kind: "banner", text: "– WalkWithHer", line: 1 }]);
});

test("a top line naming in the singular what the headline under it names in the plural ('Castle Diary' over 'Castles Reopen …') is the headline's kicker, though the story never names it", () => {
  const story = ["Visitors returned on Saturday as the three historic sites reopened after roofers mended slates and walls damaged by storms.", "Ticket prices are unchanged, and guided tours resume next month for school groups."];
  const h = "Castles Reopen To Visitors After Winter Repairs";
  const top = (line: string) => removeFurniture(paras(line, h, ...story), NO_FURNITURE_EVIDENCE).kept[0].text;
  assert.equal(top("Castle Diary"), "Castle Diary");
  assert.equal(top("Palace Diary"), h);
});

test("the evidence key keeps an article's recurring lines apart: 'Sports' and 'Weather' recurring is not 'SportsWeather' recurring, so a cached page is not reused across the two", () => {
  const doc = paras("Council Keeps Policy For Another Year", "The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.", "Opponents of the policy said they would sue the county over the vote.", "Sports", "Weather", "SportsWeather");
  const two = { ...NO_FURNITURE_EVIDENCE, recurring: ["sports", "weather"] };
  const one = { ...NO_FURNITURE_EVIDENCE, recurring: ["sportsweather"] };
  assert.deepEqual(removeFurniture(doc, two).removed.map((r) => r.text), ["Sports", "Weather"]);
  assert.deepEqual(removeFurniture(doc, one).removed.map((r) => r.text), ["SportsWeather"]);
  assert.notEqual(recurringLinesOf(doc, two), recurringLinesOf(doc, one));
});
