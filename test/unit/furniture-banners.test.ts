/**
 * Banners, glued navigation and site names a reader would otherwise see as the headline:
 * from small sites (two articles, or one), from a site named in front matter, and the
 * guards that keep a headline's own words.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, NO_FURNITURE_EVIDENCE, recurringLinesOf, removeFurniture } from "../../src/ingest/furniture.ts";
import { decodeArchive } from "../../src/check/check.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";
import { bodies, headlines } from "../helpers/furniture-stories.ts";

const title = (doc: ReturnType<typeof paras>, evidence = collectFurnitureEvidence([doc])) => removeFurniture(doc, evidence).kept[0].text;

test("a banner of a site named in front matter (`source`) goes from its second article, though it shares a word with the story", () => {
  // "County" is in every story, so only the site's own evidence can tell the line is its banner.
  const docs = [0, 2].map((i) => paras("County Courier", headlines[i], ...bodies[i]));
  const named = collectFurnitureEvidence(docs, ["County Courier", "County Courier"]);
  docs.forEach((doc, k) => {
    const { kept, removed } = removeFurniture(doc, named, "County Courier");
    assert.equal(kept[0].text, headlines[[0, 2][k]]);
    assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["banner", "County Courier"]]);
  });
  // Unnamed, two articles are too few to take a line that shares the story's words.
  assert.equal(removeFurniture(docs[0], collectFurnitureEvidence(docs), undefined).kept[0].text, "County Courier");
  // Two sites each with one article print nothing twice.
  assert.equal(removeFurniture(docs[0], collectFurnitureEvidence(docs, ["County Courier", "Valley Voice"]), "County Courier").kept[0].text, "County Courier");
});

test("a folder's `source:` reaches furniture removal in a real ingest: the site's banner is not the headline", () => {
  const text = (i: number) => ["County Courier", "", headlines[i], "", ...bodies[i].flatMap((b) => [b, ""])].join("\n");
  const inputs = [0, 2].map((i) => ({ file: `courier-${i}.txt`, bytes: new TextEncoder().encode(text(i)), defaults: { values: { source: "County Courier" } } }));
  const titles = ingestArchive(inputs, { now: new Date("2030-01-01") }).articles.map((a) => a.record.title);
  assert.deepEqual(titles, [headlines[0], headlines[2]]);
  // `npm run check` weighs the same evidence, so it reads the same headline.
  const checked = decodeArchive(inputs);
  assert.equal(removeFurniture(checked.decoded[0].paragraphs, checked.evidence, "County Courier").kept[0].text, headlines[0]);
  const unnamed = inputs.map(({ defaults: _defaults, ...input }) => input);
  assert.deepEqual(ingestArchive(unnamed, { now: new Date("2030-01-01") }).articles.map((a) => a.record.title), ["County Courier", "County Courier"]);
});

test("one word of navigation glued before many headlines ('Menu …') is cut; a word the archive's stories use ('Inside …') is the headline's", () => {
  const menu = headlines.slice(0, 3).map((h, i) => paras(`Menu ${h}`, ...bodies[i]));
  const evidence = collectFurnitureEvidence(menu);
  const { kept, removed } = removeFurniture(menu[1], evidence);
  assert.equal(kept[0].text, headlines[1]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["banner", "Menu"]]);
  // The same shape with a word other stories of the archive use is a headline's start.
  const inside = [1, 2, 3].map((i) => paras(`Inside ${headlines[i]}`, ...bodies[i]));
  assert.equal(removeFurniture(inside[0], collectFurnitureEvidence(inside)).kept[0].text, headlines[1]);
  const others = [0, 1, 2, 3].map((i) => paras(`Market Report ${i}`, `Prices rose inside the exchange as the harvest came in late, dealers in the ${["north", "south", "east", "west"][i]} said.`, "Trade was light inside the pits."));
  const archive = collectFurnitureEvidence([...inside, ...others]);
  assert.equal(removeFurniture(inside[0], archive).kept[0].text, `Inside ${headlines[1]}`);
});

test("navigation is cut, not the first word many of its headlines share ('Skip to content Senator …')", () => {
  const rests = ["Vows To Fight Ruling", "Says Jail Is Full", "Keeps Policy In Place"];
  const docs = [...rests.map((r, i) => paras(`Skip to content Senator ${r}`, ...bodies[i])), paras(`Skip to content ${headlines[3]}`, ...bodies[3])];
  const evidence = collectFurnitureEvidence(docs);
  const { kept, removed } = removeFurniture(docs[0], evidence);
  assert.equal(kept[0].text, "Senator Vows To Fight Ruling");
  assert.deepEqual(removed.map((r) => r.text), ["Skip to content"]);
  assert.equal(removeFurniture(docs[3], evidence).kept[0].text, headlines[3]);
});

test("three words of navigation glued before two different headlines are cut; two words, or words in capitals, are not", () => {
  const docs = [0, 1].map((i) => paras(`Home News Politics ${headlines[i]}`, ...bodies[i]));
  assert.equal(removeFurniture(docs[0], collectFurnitureEvidence(docs)).kept[0].text, headlines[0]);
  const short = [0, 1].map((i) => paras(`Home News ${headlines[i]}`, ...bodies[i]));
  assert.equal(removeFurniture(short[0], collectFurnitureEvidence(short)).kept[0].text, `Home News ${headlines[0]}`);
  // Words in capitals start headlines ("EXCLUSIVE VIDEO Obama …"): navigation is in ordinary case.
  const shouts = ["Admits Deal Was Rushed", "Says Deal Was Fair"].map((r, i) => paras(`EXCLUSIVE VIDEO Senator ${r}`, ...bodies[i]));
  assert.equal(removeFurniture(shouts[0], collectFurnitureEvidence(shouts)).kept[0].text, "EXCLUSIVE VIDEO Senator Admits Deal Was Rushed");
});

test("a kicker before many headlines ('BREAKING: Council …') is the headline's", () => {
  const docs = ["Keeps Policy For Another Year", "Delays Vote On Jail Budget", "Rejects Plan For New Ward"].map((r, i) => paras(`BREAKING: Council ${r}`, ...bodies[i]));
  assert.equal(removeFurniture(docs[0], collectFurnitureEvidence(docs)).kept[0].text, "BREAKING: Council Keeps Policy For Another Year");
});

test("a site's name after two different headlines is cut even after a dash; after the same headline saved twice it stays", () => {
  const docs = [0, 1].map((i) => paras(`${headlines[i]} – Prairie Ledger`, ...bodies[i]));
  const { kept, removed } = removeFurniture(docs[1], collectFurnitureEvidence(docs));
  assert.equal(kept[0].text, headlines[1]);
  assert.deepEqual(removed.map((r) => r.text), ["– Prairie Ledger"]);
  const copies = [0, 1].map(() => paras(`${headlines[0]} – Prairie Ledger`, ...bodies[0]));
  assert.equal(removeFurniture(copies[0], collectFurnitureEvidence(copies)).kept[0].text, `${headlines[0]} – Prairie Ledger`);
  // Words of a phrase after a dash ("– But Not For Long") are no name, however often.
  const phrase = [0, 1].map((i) => paras(`${headlines[i]} – But Not For Long`, ...bodies[i]));
  assert.equal(removeFurniture(phrase[0], collectFurnitureEvidence(phrase)).kept[0].text, `${headlines[0]} – But Not For Long`);
});

test("one article's site name: a web address after a dash goes, a name the story uses stays", () => {
  assert.equal(title(paras(`${headlines[0]} – PrairieLedger.com`, ...bodies[0])), headlines[0]);
  assert.equal(removeFurniture(paras(`${headlines[0]} | Prairie Ledger`, ...bodies[0]), NO_FURNITURE_EVIDENCE).kept[0].text, headlines[0]);
  const named = paras(`${headlines[0]} | Prairie Ledger`, `${bodies[0][0]} The Prairie Ledger asked for comment.`, bodies[0][1]);
  assert.equal(removeFurniture(named, NO_FURNITURE_EVIDENCE).kept[0].text, `${headlines[0]} | Prairie Ledger`);
  // However far down the story names it.
  const filler = ["The meeting opened with a prayer.", "Public comment ran for two hours.", "Several speakers were cut off.", "The chair called a recess at ten.", "Members returned at half past ten.", "The vote came just before one."];
  const late = paras(`${headlines[0]} | Prairie Ledger`, ...bodies[0], ...filler, "A reporter for Prairie Ledger was in the room.");
  assert.equal(removeFurniture(late, NO_FURNITURE_EVIDENCE).kept[0].text, `${headlines[0]} | Prairie Ledger`);
  assert.equal(removeFurniture(named, NO_FURNITURE_EVIDENCE).kept[0].text, `${headlines[0]} | Prairie Ledger`);
  // Capitals after a bar ("| USDA") are a wire's source, and a word of the story is the headline's.
  assert.equal(removeFurniture(paras(`${headlines[0]} | Sanctuary Policy`, ...bodies[0]), NO_FURNITURE_EVIDENCE).kept[0].text, `${headlines[0]} | Sanctuary Policy`);
});

test("one article's slogan above its headline goes when it shares no word with the story; a kicker, a question or a headline over its dek stays", () => {
  const slogan = removeFurniture(paras("Truth You Will Not Hear Elsewhere", headlines[0], ...bodies[0]), NO_FURNITURE_EVIDENCE);
  assert.equal(slogan.kept[0].text, headlines[0]);
  assert.deepEqual(slogan.removed.map((r) => [r.kind, r.text]), [["banner", "Truth You Will Not Hear Elsewhere"]]);
  // A line naming whom the story's lead names ("Lopez v Hartley") is the story's kicker.
  const lead = ["Maria Lopez beat Ann Hartley in three sets on Sunday to take the title for a second year running.", "The crowd stayed in the rain to watch the final, which ran for more than three hours."];
  assert.equal(title(paras("Lopez v Hartley", "Champion Keeps Her Crown In Rain-Soaked Final", ...lead)), "Lopez v Hartley");
  // Names too short to compare as words ("Lee v Kim") are compared as the lead writes them.
  const short = ["Ann Lee beat Joy Kim in three sets on Sunday to take the title for a second year running.", lead[1]];
  assert.equal(title(paras("Lee v Kim", "Champion Keeps Her Crown In Rain-Soaked Final", ...short)), "Lee v Kim");
  assert.equal(title(paras("Will Anyone Stop Them?", headlines[0], ...bodies[0])), "Will Anyone Stop Them?");
  // A headline over its dek share words: neither is a banner.
  const dek = removeFurniture(paras("Crowding Crisis Deepens", "Crowding Crisis: Sheriff Says Jail Is Full Again", ...bodies[2]), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(dek.removed, []);
  // A line using a word of the story's lead is about the story, though most of its words are not.
  assert.equal(title(paras("Immigration Desk Weekly Roundup", "Commission Keeps Sanctuary Policy In Place", ...bodies[0])), "Immigration Desk Weekly Roundup");
  // A word of the story in another number ("Votes", "Parties" for "vote", "party") is the story's word.
  assert.equal(title(paras("Budget Votes Tonight", headlines[0], ...bodies[0])), "Budget Votes Tonight");
  const party = ["The party voted to keep its leader after a long meeting about the budget and the jails.", "Opponents said they would try again at the next conference."];
  assert.equal(title(paras("Parties Take Stock", "Council Keeps Leader For Another Year", ...party)), "Parties Take Stock");
  // Over a story too short to compare with, nothing is taken.
  assert.equal(title(paras("Truth You Will Not Hear Elsewhere", headlines[0], "The policy stays.")), "Truth You Will Not Hear Elsewhere");
});

test("navigation glued to one headline shows by its case: 'Home › World' before capitals, 'Menu' before a word the story writes in lowercase", () => {
  const wire = paras("Home › World NPPC APPEAL DISMISSED BY COURT", "The court dismissed the pork producers' appeal on Tuesday, saying the council had no standing to bring it.", "The council said it would study the ruling.");
  const { kept, removed } = removeFurniture(wire, NO_FURNITURE_EVIDENCE);
  assert.equal(kept[0].text, "NPPC APPEAL DISMISSED BY COURT");
  assert.deepEqual(removed.map((r) => r.text), ["Home › World"]);
  const oil = ["Oil prices climbed to a three-month high on Monday as traders bet on lower output.", "Analysts said oil could rise further this week."];
  assert.equal(title(paras("Toggle Oil prices reach three-month high", ...oil)), "Oil prices reach three-month high");
  // The word is the story's when it says it ("Toggle" is a name there), or writes the next one capitalised.
  assert.equal(title(paras("Toggle Oil prices reach three-month high", `${oil[0]} Toggle, the broker, agreed.`, oil[1])), "Toggle Oil prices reach three-month high");
  const brand = ["Shell Oil prices its bonds on Monday, the company said, and Oil executives met buyers.", "Analysts said oil could rise further this week."];
  assert.equal(title(paras("Traders Oil prices reach three-month high", ...brand)), "Traders Oil prices reach three-month high");
  // Nor is a run of words whose first the story uses ("Markets were calm").
  assert.equal(title(paras("Markets Today Oil prices reach three-month high", ...oil, "Markets were calm elsewhere.")), "Markets Today Oil prices reach three-month high");
});

test("a site's name in capitals over many articles is a banner; a wire's standing headline in capitals over a dated line is not", () => {
  const docs = headlines.slice(0, 3).map((h, i) => paras("THE DAILY POST", h, ...bodies[i]));
  const evidence = collectFurnitureEvidence(docs);
  assert.equal(removeFurniture(docs[0], evidence).kept[0].text, headlines[0]);
  const wire = ["London", "Tokyo", "Paris"].map((city, i) => paras("CASH WHOLESALE BEEF PRICES", `${city.toUpperCase()}, April ${i + 6} - Beef prices were steady in ${city} on light trade, dealers said.`, "Buyers held back ahead of the holiday weekend, they said."));
  assert.equal(removeFurniture(wire[0], collectFurnitureEvidence(wire)).kept[0].text, "CASH WHOLESALE BEEF PRICES");
  // Nor when its table shares none of its words: the line under it is a dateline ("LONDON - …"), so the line is the wire's.
  const dated = ["London", "Tokyo", "Paris"].map((city, i) =>
    paras("CASH WHOLESALE BEEF PRICES", `${city.toUpperCase()} - Steers Steady On Light Trading`, `Choice steers ${61 + i}.50 to 62.00 dlrs, select steers 59.00 to 60.50 dlrs, heifers 58.00 dlrs, dealers in the region reported on light trading volume in ${city}.`),
  );
  assert.equal(removeFurniture(dated[0], collectFurnitureEvidence(dated)).kept[0].text, "CASH WHOLESALE BEEF PRICES");
});

test("the evidence an article's analysis depends on includes its site's own evidence, so naming the site re-analyses it", () => {
  const docs = [0, 2].map((i) => paras("County Courier", headlines[i], ...bodies[i]));
  const named = collectFurnitureEvidence(docs, ["County Courier", "County Courier"]);
  assert.notEqual(recurringLinesOf(docs[0], named, "County Courier"), recurringLinesOf(docs[0], named));
  assert.match(recurringLinesOf(docs[0], named, "County Courier"), /opener:county courier/);
});

test("in a large archive, words most stories use ('news') do not tie a site-shaped line to the story", () => {
  const topics = ["harbour", "railway", "library", "orchard", "bakery", "stadium", "theatre", "hospital", "museum", "airport"];
  const archive = Array.from({ length: 40 }, (_, i) =>
    paras(`Town ${topics[i % 10]} plan number ${i} approved`, `Local news: the ${topics[i % 10]} plan was approved by the town board on a vote of ${i % 7} to two on Monday night.`, `Board members told news reporters that work on the ${topics[i % 10]} would begin in the spring.`),
  );
  const doc = paras("Daily News | Latest", "Commission Keeps Sanctuary Policy In Place", `${bodies[0][0]} Members spoke to news crews afterwards.`, bodies[0][1]);
  const evidence = collectFurnitureEvidence([...archive, doc]);
  const { kept, removed } = removeFurniture(doc, evidence);
  assert.equal(kept[0].text, "Commission Keeps Sanctuary Policy In Place");
  assert.deepEqual(removed.map((r) => r.text), ["Daily News | Latest"]);
  // Alone, there is no telling which words are common: "news" in the story keeps the line.
  assert.equal(removeFurniture(doc, NO_FURNITURE_EVIDENCE).kept[0].text, "Daily News | Latest");
});
