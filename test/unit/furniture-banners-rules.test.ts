/**
 * The banner rules at their limits: which site name, slogan, menu or navigation line a
 * reader would otherwise see as the headline is taken off the top of an article or cut
 * from its headline, and which real headline or story line stays (removeFurniture's
 * banner, one-off top line and headline-cut rules, and the evidence key they depend on).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, NO_FURNITURE_EVIDENCE, recurringLinesOf, removeFurniture, type FurnitureEvidence } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const headlines = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling In Court", "Sheriff Says Jail Is Full Again", "Judge Orders New Count In Ward Race"];
const bodies = [
  ["The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.", "Opponents of the policy said they would sue the county over the vote."],
  ["The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.", "Lawyers for the city filed notice of the appeal on Tuesday afternoon."],
  ["The sheriff told the commission that the county jail held more inmates than it was built for, for a third month.", "Deputies have moved some inmates to a neighbouring county to make room."],
  ["A circuit judge ordered election officials to count the ballots of the ward race again by hand before Friday.", "The losing candidate had asked for the recount, citing a broken scanner."],
];
const slogan = "Truth You Will Not Hear Elsewhere";

/** The first line a reader sees (the headline), and what was taken away, as [kind, text]. */
function read(doc: Paragraph[], evidence: FurnitureEvidence = NO_FURNITURE_EVIDENCE, site?: string): { title: string; removed: [string, string][] } {
  const { kept, removed } = removeFurniture(doc, evidence, site);
  return { title: kept[0].text, removed: removed.map((r) => [r.kind, r.text]) };
}

test("a site's banner goes though a comment count sits between it and the headline, in capitals too (judged by the headline under the count)", () => {
  for (const banner of ["The Daily Post", "THE DAILY POST"]) {
    const docs = [0, 1, 2].map((i) => paras(banner, "12 Comments", headlines[i], ...bodies[i]));
    const evidence = collectFurnitureEvidence(docs);
    assert.deepEqual(read(docs[0], evidence), {
      title: headlines[0],
      removed: [
        ["banner", banner],
        ["comment-count", "12 Comments"],
      ],
    });
  }
});

test("a headline with an exclamation or a question inside is a headline when its words are capitalised ('Boom! Council …'), not when it reads as two sentences", () => {
  assert.deepEqual(read(paras(slogan, "Boom! Council Officials Keep Sanctuary Policy", ...bodies[0])), { title: "Boom! Council Officials Keep Sanctuary Policy", removed: [["banner", slogan]] });
  // "Why? The council keeps …" is a question and its answer: no headline under a slogan, so the slogan stays.
  assert.deepEqual(read(paras(slogan, "Why? The council keeps its sanctuary policy", ...bodies[0])), { title: slogan, removed: [] });
  // Title case is most of the words of four letters or more: three of five is enough ("for", "all" do not count)…
  assert.equal(read(paras(slogan, "Boom! Council keeps sanctuary Policy for all", ...bodies[0])).title, "Boom! Council keeps sanctuary Policy for all");
  // …two of five is not.
  assert.equal(read(paras(slogan, "Boom! Council keeps sanctuary policy", ...bodies[0])).title, slogan);
  // A capital inside a word ("iPhones", "eBay") does not make it capitalised.
  const phones = ["The council voted to ban iPhones from the chamber after members were caught filming a closed session.", "Listings of council property on eBay will also stop, the clerk said at the meeting on Monday night."];
  assert.equal(read(paras(slogan, "Wow! Council bans iPhones and eBay listings", ...phones)).title, slogan);
  assert.equal(read(paras(slogan, "Wow! Council Bans iPhones and eBay Listings", ...phones)).title, "Wow! Council Bans iPhones and eBay Listings");
});

/** A story whose lead (first two paragraphs) names the ferry terminal and whose later paragraphs name a garden and the quay. */
const ferry = [
  "The new ferry terminal will open in the spring, officials said on Tuesday after a long meeting.",
  "Passengers will be able to buy tickets online and wait indoors out of the rain.",
  "Construction crews have already cleared the old warehouses along the quay.",
  "A community garden will be planted beside the car park next year.",
  "Local shops expect more visitors once the service starts running.",
  "Fares have not yet been set.",
];

test("a one-off top line sharing a word with the story below its lead goes when that is at most a third of its words and fewer than the headline shares", () => {
  // "Weekend Garden Notes": one word of three ("garden") in the story's fourth paragraph; the headline shares two ("ferry", "terminal").
  const headline = "Harbour Board Approves Ferry Terminal Budget";
  assert.deepEqual(read(paras("Weekend Garden Notes", headline, ...ferry)), { title: headline, removed: [["banner", "Weekend Garden Notes"]] });
  // One word of two is more than a third: the line is about the story.
  assert.deepEqual(read(paras("Garden Notes", headline, ...ferry)), { title: "Garden Notes", removed: [] });
  // Two of six is a third, but as many as the headline shares: it stays.
  assert.equal(read(paras("Weekend Garden Notes Quay Radio Hour", headline, ...ferry)).title, "Weekend Garden Notes Quay Radio Hour");
  // Two of five is more than a third, though the headline shares three ("ferry", "terminal", "passengers").
  const three = "Harbour Board Approves Ferry Terminal For Passengers";
  assert.equal(read(paras("Weekend Garden Notes Quay Radio", three, ...ferry)).title, "Weekend Garden Notes Quay Radio");
  // Two of six, fewer than the headline's three: a banner.
  assert.equal(read(paras("Weekend Garden Notes Quay Radio Hour", three, ...ferry)).title, three);
});

test("a one-off top line in capitals stays unless another article opens with it too; a byline or a line over 100 characters is no banner", () => {
  assert.deepEqual(read(paras("TRUTH YOU WILL NOT HEAR", headlines[0], ...bodies[0])), { title: "TRUTH YOU WILL NOT HEAR", removed: [] });
  const docs = [0, 1].map((i) => paras("SITE MENU", headlines[i], ...bodies[i]));
  assert.deepEqual(read(docs[0], collectFurnitureEvidence(docs)), { title: headlines[0], removed: [["banner", "SITE MENU"]] });
  assert.equal(read(docs[0]).title, "SITE MENU");
  const long = "Truth You Will Not Hear Elsewhere From Writers Who Refuse To Bow To Pressure From Anyone, Ever Again";
  assert.equal(long.length, 100);
  assert.deepEqual(read(paras(long, headlines[0], ...bodies[0])), { title: headlines[0], removed: [["banner", long]] });
  const longer = long.replace("Ever Again", "Ever, Again");
  assert.equal(longer.length, 101);
  assert.equal(read(paras(longer, headlines[0], ...bodies[0])).title, longer);
  assert.equal(read(paras("By Maria Lopez", headlines[0], ...bodies[0])).title, "By Maria Lopez");
});

test("a one-off top line naming whom the lead names is the story's, found as a whole word after a longer word holding it ('Kimberley … Kim')", () => {
  const lead = ["Kimberley fans watched Ann Lee beat Joy Kim in three sets on Sunday to take the title again.", "The crowd stayed in the rain to watch the final, which ran for more than three hours."];
  assert.equal(read(paras("Lee v Kim", "Champion Keeps Her Crown In Rain-Soaked Final", ...lead)).title, "Lee v Kim");
});

test("a kicker ending in a colon ('Update: Oil prices …') is the headline's, not navigation glued to it", () => {
  const oil = ["Oil prices climbed to a three-month high on Monday as traders bet on lower output.", "Analysts said oil could rise further this week."];
  assert.deepEqual(read(paras("Update: Oil prices reach three-month high", ...oil)), { title: "Update: Oil prices reach three-month high", removed: [] });
  assert.deepEqual(read(paras("Toggle Oil prices reach three-month high", ...oil)), { title: "Oil prices reach three-month high", removed: [["banner", "Toggle"]] });
});

/** 40 stories of one town, all using "news" and "local": the archive's common words. */
const town = (() => {
  const topics = ["harbour", "railway", "library", "orchard", "bakery", "stadium", "theatre", "hospital", "museum", "airport"];
  return Array.from({ length: 40 }, (_, i) =>
    paras(`Town ${topics[i % 10]} plan number ${i} approved`, `Local news: the ${topics[i % 10]} plan was approved by the town board on a vote of ${i % 7} to two on Monday night.`, `Board members told news reporters that work on the ${topics[i % 10]} would begin in the spring.`),
  );
})();

test("in a large archive, a web address at the top ('Metro News.com') shares only common words with a story that says 'news': a banner; 'Metro News' is not shaped like one", () => {
  const story = (top: string) => paras(top, "Commission Keeps Sanctuary Policy In Place", `${bodies[0][0]} Members spoke to news crews afterwards.`, bodies[0][1]);
  const address = story("Metro News.com");
  assert.deepEqual(read(address, collectFurnitureEvidence([...town, address])), { title: "Commission Keeps Sanctuary Policy In Place", removed: [["banner", "Metro News.com"]] });
  const name = story("Metro News");
  assert.equal(read(name, collectFurnitureEvidence([...town, name])).title, "Metro News");
});

test("the evidence key of an article names the archive's common words it uses, so a change in which words are common re-analyses it", () => {
  const doc = paras("Harbour and railway plans approved", "The harbour and railway plans were approved on Monday night by the board.");
  const base: FurnitureEvidence = { ...NO_FURNITURE_EVIDENCE };
  const harbour = recurringLinesOf(doc, { ...base, commonStems: ["harbo"] });
  const railway = recurringLinesOf(doc, { ...base, commonStems: ["railw"] });
  assert.notEqual(harbour, railway);
  assert.notEqual(harbour, recurringLinesOf(doc, base));
});

test("sign-offs and bios are taken from the story's end, past a share button under them, up to 400 characters, and never its first line", () => {
  const story = [headlines[0], ...bodies[0]];
  const bio = "Ann Lee is a staff writer at the Courier.";
  assert.deepEqual(removeFurniture(paras(...story, bio, "Share on Facebook"), NO_FURNITURE_EVIDENCE).removed.map((r) => [r.kind, r.text]), [
    ["author-bio", bio],
    ["share-widget", "Share on Facebook"],
  ]);
  const long = (place: string) =>
    "Ann Lee is a staff writer at the Courier, where she has covered county government, the courts and the jails since 2009. Before that she reported for the Valley Voice and the Prairie Ledger. She grew up on a farm outside Millbrook, studied history at the state university and lives in the county seat with her husband, two children and a dog named Biscuit. " +
    `Write to her with tips about the ${place} fair.`;
  assert.equal(long("state").length, 400);
  assert.deepEqual(removeFurniture(paras(...story, long("state")), NO_FURNITURE_EVIDENCE).removed.map((r) => r.kind), ["author-bio"]);
  assert.equal(long("county").length, 401);
  assert.deepEqual(removeFurniture(paras(...story, long("county")), NO_FURNITURE_EVIDENCE).kept.at(-1)?.text, long("county"));
  // A headline shaped like a bio, over nothing but a bio and a sign-off, is still the headline.
  const { kept, removed } = removeFurniture(paras("Maria Lopez is a reporter who never gave up", bio, "Reuters"), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), ["Maria Lopez is a reporter who never gave up"]);
  assert.deepEqual(removed.map((r) => r.kind), ["author-bio", "agency-signoff"]);
});
