/**
 * The banner rules at their limits: which site name, slogan, menu or navigation line a
 * reader would otherwise see as the headline is taken off the top of an article or cut
 * from its headline, and which real headline or story line stays (removeFurniture's
 * banner, one-off top line and headline-cut rules, and the evidence key they depend on).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, NO_FURNITURE_EVIDENCE, normalizeFurnitureLine as normalize, recurringLinesOf, removeFurniture, type FurnitureEvidence } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";
import { bodies, headlines } from "../helpers/furniture-stories.ts";

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
  for (const two of ["“Why?” The council keeps its sanctuary policy", "Why?  The council keeps its sanctuary policy"]) assert.equal(read(paras(slogan, two, ...bodies[0])).title, slogan, two);
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

test("only the headline loses glued navigation: a story line with words before capitals ('Source USDA MARKET NEWS SERVICE') is kept whole", () => {
  const doc = paras("Cattle Prices Steady At Auction", "Cattle prices were steady at the auction on Monday, dealers said, with light trade in all classes.", "Source USDA MARKET NEWS SERVICE");
  assert.deepEqual(removeFurniture(doc, NO_FURNITURE_EVIDENCE), { kept: doc, removed: [] });
});

/** Evidence an archive gave: only the lists named. */
const given = (lists: Partial<FurnitureEvidence>): FurnitureEvidence => ({ ...NO_FURNITURE_EVIDENCE, ...lists });
const h = headlines[0];

test("a site's name the archive knows is cut after the headline, except after a wire's headline in capitals ending in its source ('… | USDA')", () => {
  assert.deepEqual(read(paras(`${h} | The Daily Post`, ...bodies[0]), given({ suffixes: ["| the daily post"] })), { title: h, removed: [["banner", "| The Daily Post"]] });
  assert.deepEqual(read(paras("COUNCIL KEEPS POLICY | USDA", ...bodies[0]), given({ suffixes: ["| usda"] })), { title: "COUNCIL KEEPS POLICY | USDA", removed: [] });
  // Capitals on one side only: a site's name after a shouted headline, a source in capitals after a plain one.
  assert.equal(read(paras("COUNCIL KEEPS POLICY | The Daily Post", ...bodies[0]), given({ suffixes: ["| the daily post"] })).title, "COUNCIL KEEPS POLICY");
  assert.equal(read(paras(`${h} | USDA`, ...bodies[0]), given({ suffixes: ["| usda"] })).title, h);
  // A site's own name, known from its articles (front matter `source`), is cut from that site's headlines only.
  const scoped = given({ suffixes: ["county courier\u0001– the daily post"] });
  assert.equal(read(paras(`${h} – The Daily Post`, ...bodies[0]), scoped, "County Courier").title, h);
  assert.equal(read(paras(`${h} – The Daily Post`, ...bodies[0]), scoped, "Valley Voice").title, `${h} – The Daily Post`);
  assert.equal(read(paras(`${h} – The Daily Post`, ...bodies[0]), scoped).title, `${h} – The Daily Post`);
});

test("a headline of up to 160 characters loses the site's name after it; a longer first line is a story's lead and keeps it", () => {
  const at = (n: number) => {
    const words = `${h} After Hours Of Debate Over Jails Courts Budgets Roads Parks Schools Libraries Bridges Harbours Farms Markets Clinics Ferries Docks`.split(" ");
    let text = "";
    for (const w of words) if (`${text} ${w} | The Daily Post`.length <= n) text = text ? `${text} ${w}` : w;
    return `${text.padEnd(n - " | The Daily Post".length, "s")} | The Daily Post`;
  };
  assert.equal(at(160).length, 160);
  assert.equal(read(paras(at(160), ...bodies[0]), given({ suffixes: ["| the daily post"] })).title, at(160).replace(" | The Daily Post", ""));
  assert.equal(at(161).length, 161);
  assert.equal(read(paras(at(161), ...bodies[0]), given({ suffixes: ["| the daily post"] })).title, at(161));
});

test("a site's name after two articles' headlines is cut when it is a name and the story does not name it", () => {
  const pair = given({ pairSuffixes: ["– prairie ledger", "– not like this"] });
  assert.deepEqual(read(paras(`${h} – Prairie Ledger`, ...bodies[0]), pair), { title: h, removed: [["banner", "– Prairie Ledger"]] });
  assert.equal(read(paras(`${h} – Prairie Ledger`, bodies[0][0], "The Prairie Ledger asked the county for comment."), pair).title, `${h} – Prairie Ledger`);
  assert.equal(read(paras(`${h} – Not Like This`, ...bodies[0]), pair).title, `${h} – Not Like This`);
  // Without the evidence, words after a dash may be the headline's own.
  assert.equal(read(paras(`${h} – Prairie Ledger`, ...bodies[0])).title, `${h} – Prairie Ledger`);
});

test("navigation the archive knows is cut from the headline: up to five words, leaving three; not a kicker, not in a headline in capitals, not words the story uses", () => {
  assert.deepEqual(read(paras(`Skip to content ${h}`, ...bodies[0]), given({ prefixes: ["skip to content"] })), { title: h, removed: [["banner", "Skip to content"]] });
  const five = given({ prefixes: ["you are here home news"] });
  assert.equal(read(paras("You are here Home News Mayor Vows To Fight", ...bodies[1]), five).title, "Mayor Vows To Fight");
  assert.equal(read(paras("You are here Home News Mayor Vows Fight", ...bodies[1]), five).title, "Mayor Vows Fight");
  // Two words would be left: no cut.
  assert.equal(read(paras("You are here Home News Mayor Resigns", ...bodies[1]), five).title, "You are here Home News Mayor Resigns");
  assert.equal(read(paras(`Update: ${h}`, ...bodies[0]), given({ prefixes: ["update:"] })).title, `Update: ${h}`);
  assert.equal(read(paras("SKIP TO CONTENT COUNCIL KEEPS POLICY", ...bodies[0]), given({ prefixes: ["skip to content"] })).title, "SKIP TO CONTENT COUNCIL KEEPS POLICY");
  // One word in capitals ("MENU") is navigation all the same.
  assert.deepEqual(read(paras(`MENU ${h}`, ...bodies[0]), given({ prefixes: ["menu"] })), { title: h, removed: [["banner", "MENU"]] });
  assert.equal(read(paras(`Inside ${h}`, bodies[0][0], "Inside the chamber, members argued."), given({ prefixes: ["inside"] })).title, `Inside ${h}`);
  // A site's own navigation counts for that site's articles.
  const scoped = given({ prefixes: ["county courier\u0001skip to content"] });
  assert.equal(read(paras(`Skip to content ${h}`, ...bodies[0]), scoped, "County Courier").title, h);
  assert.equal(read(paras(`Skip to content ${h}`, ...bodies[0]), scoped).title, `Skip to content ${h}`);
});

const wire = ["The court dismissed the pork producers' appeal on Tuesday, saying the council had no standing to bring it.", "The council said it would study the ruling."];

test("navigation glued before a headline in capitals: up to six words in ordinary case, three capitalised words left, none the story's", () => {
  assert.deepEqual(read(paras("Home News World Farm Pork Markets NPPC APPEAL DISMISSED BY COURT", ...wire)), { title: "NPPC APPEAL DISMISSED BY COURT", removed: [["banner", "Home News World Farm Pork Markets"]] });
  assert.equal(read(paras("Home News World Farm Pork Markets Rulings NPPC APPEAL DISMISSED BY COURT", ...wire)).title, "Home News World Farm Pork Markets Rulings NPPC APPEAL DISMISSED BY COURT");
  assert.equal(read(paras("Home News World NPPC APPEAL DISMISSED", ...wire)).title, "NPPC APPEAL DISMISSED");
  // Two words in capitals are no headline left.
  assert.equal(read(paras("Home › World NPPC APPEAL dismissed by court", ...wire)).title, "Home › World NPPC APPEAL dismissed by court");
  assert.equal(read(paras("Home News NPPC APPEAL", ...wire)).title, "Home News NPPC APPEAL");
  // Initials ("U.S.") are no word in capitals: two words left are too few, three enough.
  assert.equal(read(paras("Home News U.S. APPEAL DENIED", ...wire)).title, "Home News U.S. APPEAL DENIED");
  assert.equal(read(paras("Home News U.S. APPEAL DENIED AGAIN", ...wire)).title, "U.S. APPEAL DENIED AGAIN");
  // A misprinted word ("INTl") is not navigation.
  assert.equal(read(paras("Home INTl NPPC APPEAL DISMISSED BY COURT", ...wire)).title, "Home INTl NPPC APPEAL DISMISSED BY COURT");
  // A first word the story uses, or the whole run, is the story's.
  assert.equal(read(paras("World › Home NPPC APPEAL DISMISSED BY COURT", ...wire, "The world watched.")).title, "World › Home NPPC APPEAL DISMISSED BY COURT");
  assert.equal(read(paras("Home › World NPPC APPEAL DISMISSED BY COURT", ...wire, "See Home › World for more.")).title, "Home › World NPPC APPEAL DISMISSED BY COURT");
});

const oil = ["Oil prices climbed to a three-month high on Monday as traders bet on lower output.", "Analysts said oil could rise further this week."];

test("navigation glued before a sentence-case headline shows by a capitalised word the story writes in lowercase, wherever else it is capitalised only at a sentence's start", () => {
  assert.deepEqual(read(paras("Toggle Oil prices reach highs", ...oil)), { title: "Oil prices reach highs", removed: [["banner", "Toggle"]] });
  // One longer word after it is too little headline to tell its case.
  assert.equal(read(paras("Toggle Oil prices up", ...oil)).title, "Toggle Oil prices up");
  assert.equal(read(paras("Toggle Oil prices reach three-month High", ...oil)).title, "Toggle Oil prices reach three-month High");
  // At a paragraph's or sentence's start, after a quotation mark or a colon, any word has a capital.
  for (const more of ["Oil is traded in dollars.", "Trade was thin. Oil is traded in dollars.", '"Oil is cheap," a trader said.', "Traders said one thing: Oil is cheap."]) {
    assert.equal(read(paras("Toggle Oil prices reach three-month high", ...oil, more)).title, "Oil prices reach three-month high", more);
  }
  // Inside a sentence the capital is the word's own ("Brent Oil"): the headline writes it so too.
  assert.equal(read(paras("Toggle Oil prices reach three-month high", ...oil, "Traders bought Brent Oil futures.")).title, "Toggle Oil prices reach three-month high");
  assert.equal(read(paras("Toggle Oil prices reach three-month high", ...oil, "Traders bought Oilfield shares and oil.")).title, "Oil prices reach three-month high");
  assert.equal(read(paras("Menu Toggle Oil prices reach three-month high", ...oil)).title, "Oil prices reach three-month high");
  assert.equal(read(paras("Home News World Markets Energy Today Oil prices reach three-month high", ...oil)).title, "Oil prices reach three-month high");
  assert.equal(read(paras("Home News World Markets Energy Today Live Oil prices reach three-month high", ...oil)).title, "Home News World Markets Energy Today Live Oil prices reach three-month high");
});

test("one article's site name after a bar, a double colon, a bullet, a middle dot, a star or a guillemet is cut; after a dash only a web address or a name run together", () => {
  for (const separator of ["|", "::", "•", "·", "⋆", "»"]) assert.equal(read(paras(`${h} ${separator} Prairie Ledger`, ...bodies[0])).title, h, separator);
  for (const separator of ["–", "—", "-"]) assert.equal(read(paras(`${h} ${separator} Prairie Ledger`, ...bodies[0])).title, `${h} ${separator} Prairie Ledger`, separator);
  for (const name of ["PrairieLedger", "WalkWithHer", "Prairie-Ledger.co.uk", "PrairieLedger.us", "PrairieLedger.net", "PrairieLedger.info", "PrairieLedger.news", "PrairieLedger.org"]) {
    assert.deepEqual(read(paras(`${h} – ${name}`, ...bodies[0])), { title: h, removed: [["banner", `– ${name}`]] }, name);
  }
  for (const name of ["Prairieledger", "PRAIRIELEDGER", "Prairie Ledger.com", "PrairieLedger.com.au"]) assert.equal(read(paras(`${h} – ${name}`, ...bodies[0])).title, `${h} – ${name}`, name);
});

test("one article's site name is a name of up to four words (joiners allowed), without punctuation or small words, sharing no word with the story, after a headline that does", () => {
  assert.equal(read(paras(`${h} | Voice of the Prairie`, ...bodies[0])).title, h);
  assert.equal(read(paras(`${h} | Voice of Prairie Farm`, ...bodies[0])).title, h);
  for (const name of ["The Prairie Ledger Daily News", "Prairie, Ledger", "Prairie Ledger…", "Prairie ledger", "Sanctuary Ledger", "Policy Ledger"]) {
    assert.equal(read(paras(`${h} | ${name}`, ...bodies[0])).title, `${h} | ${name}`, name);
  }
  assert.equal(read(paras("Spring Fair Opens Its Gates | Prairie Ledger", ...bodies[0])).title, "Spring Fair Opens Its Gates | Prairie Ledger");
  // The story's first six paragraphs are compared; a word further down does not count.
  const filler = ["The meeting opened with a prayer.", "Public comment ran for two hours.", "Several speakers were cut off.", "The chair called a recess at ten.", "Members returned at half past ten."];
  assert.equal(read(paras(`${h} | Valley Herald`, bodies[0][0], ...filler.slice(0, 4), "A herald read the result aloud.")).title, `${h} | Valley Herald`);
  assert.equal(read(paras(`${h} | Valley Herald`, bodies[0][0], ...filler, "A herald read the result aloud.")).title, h);
});

test("a word of a site's name the archive's stories commonly use ('Valley') does not tie a two-word name to the story; a one-word name it does", () => {
  const valley = ["The valley commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.", "Opponents of the policy said they would sue the valley towns over the vote."];
  const common = given({ commonStems: ["valle"] });
  assert.equal(read(paras(`${h} | Valley Herald`, ...valley), common).title, h);
  assert.equal(read(paras(`${h} | Valley Herald`, ...valley)).title, `${h} | Valley Herald`);
  assert.equal(read(paras(`${h} | Valley`, ...valley), common).title, `${h} | Valley`);
  // A one-word name is judged by that word, common or not: absent from the story, it goes.
  assert.equal(read(paras(`${h} | Valley`, ...bodies[0]), common).title, h);
  // A paragraph without a closing stop ends at its last word ("… by the herald").
  assert.equal(read(paras(`${h} | Valley Herald`, bodies[0][0], "Results were read aloud by the herald", bodies[0][1])).title, `${h} | Valley Herald`);
});

/** A ferry story of seven paragraphs; its sixth names a cafe. */
const ferryStory = ["The ferry service will run every hour from May, officials said on Tuesday.", "Tickets will cost less for pupils and pensioners.", "Crews repainted the old terminal building over the winter.", "Buses will meet each boat at the pier.", "Cyclists may bring bikes on board for free.", "A cafe will open on the upper deck.", "The pilot scheme ends in October."];

test("a known top line in capitals is compared with the story's first six paragraphs under the headline, furniture left out: a word in the sixth ties it to the story, in the seventh not", () => {
  const evidence = given({ openers: ["evening cafe gazette"] });
  const headline = "Ferry Timetable Changes In May";
  assert.equal(read(paras("EVENING CAFE GAZETTE", headline, ...ferryStory), evidence).title, "EVENING CAFE GAZETTE");
  const seventh = [...ferryStory.slice(0, 5), ferryStory[6], ferryStory[5]];
  assert.deepEqual(read(paras("EVENING CAFE GAZETTE", headline, ...seventh), evidence), { title: headline, removed: [["banner", "EVENING CAFE GAZETTE"]] });
  // A share button among them is not one of the six.
  assert.deepEqual(read(paras("EVENING CAFE GAZETTE", headline, ferryStory[0], "Share on Facebook", ...ferryStory.slice(1)), evidence), { title: "EVENING CAFE GAZETTE", removed: [["share-widget", "Share on Facebook"]] });
  // A paragraph without a closing stop ("… tea and a cafe") ends at its last word all the same.
  const list = [...ferryStory.slice(0, 4), "On board: sandwiches, tea and a cafe", ferryStory[4], ferryStory[6]];
  assert.equal(read(paras("EVENING CAFE GAZETTE", headline, ...list), evidence).title, "EVENING CAFE GAZETTE");
});

test("an article's evidence key tells apart every kind of evidence about each of its lines, the site's own too, so a warm build re-analyses the article when any of it changes", () => {
  const twice = "Opponents of the policy said they would sue the county over the vote, ".repeat(2);
  const [long, longer] = [`${twice}as the clerk agreed.`, `${twice}and the clerk agreed.`];
  assert.deepEqual([long.length, longer.length], [160, 161]);
  const doc = paras("The Daily Post", `Skip to content ${h} | The Daily Post`, bodies[0][0], "Read the full story – Prairie Ledger", long, longer);
  const lines = ["the daily post", normalize(doc[2].text)];
  const key = (lists: Partial<FurnitureEvidence>, site?: string) => recurringLinesOf(doc, given(lists), site);
  const cases: [keyof FurnitureEvidence, string, string][] = [
    ["recurring", ...(lines as [string, string])],
    ["openers", ...(lines as [string, string])],
    ["pairOpeners", ...(lines as [string, string])],
    ["bannerOpeners", ...(lines as [string, string])],
    ["prefixes", "skip", "skip to"],
    ["suffixes", "| the daily post", "– prairie ledger"],
    ["pairSuffixes", "| the daily post", "– prairie ledger"],
    ["commonStems", "polic", "count"],
  ];
  for (const [list, one, other] of cases) {
    assert.notEqual(key({ [list]: [one] }), key({}), `${list}: ${one}`);
    assert.notEqual(key({ [list]: [one] }), key({ [list]: [other] }), `${list}: ${one} / ${other}`);
  }
  // Lines over 160 characters never recur.
  assert.notEqual(key({ recurring: [normalize(long)] }), key({}));
  assert.equal(key({ recurring: [normalize(longer)] }), key({}));
  // A site's own openers, navigation and names count for its articles only.
  for (const [list, one, other] of [["openers", ...lines], ["prefixes", "skip", "skip to"], ["suffixes", "| the daily post", "– prairie ledger"]] as [keyof FurnitureEvidence, string, string][]) {
    const scoped = (k: string) => ({ [list]: [`county courier\u0001${k}`] });
    assert.notEqual(key(scoped(one), "County Courier"), key({}, "County Courier"), `${list}: ${one}`);
    assert.notEqual(key(scoped(one), "County Courier"), key(scoped(other), "County Courier"), `${list}: ${one} / ${other}`);
    assert.equal(key(scoped(one), "Valley Voice"), key({}, "Valley Voice"), `${list}: another site's`);
    assert.equal(key(scoped(one)), key({}), `${list}: no site`);
  }
});

test("a slogan goes only over a line shaped like a headline: up to 150 characters, three words, no sentence ending or break, no dateline, byline or table row", () => {
  const under = (headline: string) => read(paras(slogan, headline, ...bodies[0])).title;
  const shaped = (headline: string) => assert.equal(under(headline), headline, `"${headline}" is a headline`);
  const notShaped = (headline: string) => assert.equal(under(headline), slogan, `"${headline}" is no headline`);
  const long = "Commission Votes To Keep Sanctuary Policy In Place After Long Meeting About Immigration And Jails Opponents Vow To Sue The County Over Vote Tonight";
  assert.equal(`${long}sss`.length, 150);
  shaped(`${long}sss`);
  notShaped(`${long}ssss`);
  // It starts with a letter, a figure or an opening quotation mark.
  for (const h of ["“Sanctuary” Policy Stays, Council Says", "'Sanctuary' Policy Stays, Council Says", '"Sanctuary" Policy Stays, Council Says', "‘Sanctuary’ Policy Stays, Council Says", "<Sanctuary> Policy Stays", "7 Members Keep Sanctuary Policy"]) shaped(h);
  for (const h of ["(Update) Council Keeps Sanctuary Policy", "-- Sanctuary Policy Stays"]) notShaped(h);
  // Three words ("Saturday 20 November" is a date line).
  shaped("Sanctuary Policy Kept");
  notShaped("Sanctuary Policy 2024");
  // A full stop, colon, comma or semicolon at the end, inside quotation marks or brackets too, closes a sentence or leads into one…
  for (const h of ["Council keeps sanctuary policy.", "Council keeps sanctuary policy:", "Council keeps sanctuary policy,", "Council keeps sanctuary policy;", 'Council keeps "sanctuary policy."', "Council keeps sanctuary policy ’.", "Council keeps sanctuary policy (again.)", "Sanctuary Policy Stays Despite U."]) notShaped(h);
  // …but initials end an abbreviation ("U.S."), and a closing bracket or quotation mark alone ends nothing.
  for (const h of ["Sanctuary Policy Stays Despite U.S.", "Sanctuary Policy Stays In The U.S.A.", "Council keeps sanctuary policy (again)", "Council keeps sanctuary policy ”"]) shaped(h);
  // A full stop after a word and before a capital breaks two sentences; not after initials, nor before a small letter.
  for (const h of ["Policy stays. Council votes again", "Policy stays.” Council votes again", "Policy stays.  Council votes again"]) notShaped(h);
  for (const h of ["U.S. SEES Sanctuary Policy Stay", "P.O. Box Council Keeps Policy", "Policy stays. council votes again", "Mr. Smith Keeps Sanctuary Policy"]) shaped(h);
  // Initials at the start do not excuse a stop at the end.
  notShaped("U.S. county keeps sanctuary policy.");
  notShaped("WASHINGTON, March 2 - Council keeps sanctuary policy");
  notShaped("By Maria Lopez, County Reporter");
  shaped("Maria Lopez, Immigration Reporter");
  // Figures in a headline ("votes 7-6"), not a row of them.
  shaped("Council votes 7-6, 12-1 on policy");
  notShaped("Council vote is 71-62, 12-19");
  // Figures up to 24% of the characters: 6 of 25, not 7 of 26.
  shaped("Policy vote is 12-1, 30-2");
  notShaped("Policy vote is 12-1, 30-27");
});

test("one article's name and slogan above its headline both go; a third line above it, or a slogan below the top three lines, stays", () => {
  assert.deepEqual(read(paras("Prairie Ledger", slogan, h, ...bodies[0])), { title: h, removed: [["banner", "Prairie Ledger"], ["banner", slogan]] });
  // A slogan closed by a full stop is no headline: the line under it is.
  assert.deepEqual(read(paras("Prairie Ledger", "The hardest-hitting political news.", h, ...bodies[0])), { title: h, removed: [["banner", "Prairie Ledger"], ["banner", "The hardest-hitting political news."]] });
  assert.deepEqual(read(paras("Prairie Ledger", slogan, "Founded In Eighteen Ninety", h, ...bodies[0])), { title: "Prairie Ledger", removed: [] });
  // Under two buttons the slogan is still among the top three lines; under three it is not.
  assert.equal(read(paras("Share on Facebook", "12 Comments", slogan, h, ...bodies[0])).title, h);
  assert.equal(read(paras("Share on Facebook", "12 Comments", "Share on Twitter", slogan, h, ...bodies[0])).title, slogan);
});

test("a known top line in capitals goes over a story of twelve words or more that shares none of its words; over a story of eleven, nothing tells", () => {
  const evidence = given({ openers: ["evening gazette"] });
  // Twelve content words (four letters or more, not stopwords): ferry, tickets, cost, less, pupils, pensioners, travel, cheaper, crews, painted, terminal, buses.
  const twelve = ["Ferry tickets cost less.", "Pupils and pensioners travel cheaper.", "Crews painted the terminal.", "Buses ran."];
  assert.deepEqual(read(paras("EVENING GAZETTE", "Ferry Fares Fall", ...twelve), evidence), { title: "Ferry Fares Fall", removed: [["banner", "EVENING GAZETTE"]] });
  const eleven = [...twelve.slice(0, 3), "It ran."];
  assert.deepEqual(read(paras("EVENING GAZETTE", "Ferry Fares Fall", ...eleven), evidence), { title: "EVENING GAZETTE", removed: [] });
});

test("known navigation with a full stop inside ('U.S. News') is cut; known words in capitals before a headline ('EXCLUSIVE VIDEO') are its kicker", () => {
  const senate = ["The Senate passed the budget bill on Friday after a long debate.", "The House votes next week."];
  assert.deepEqual(read(paras("U.S. News Senate Passes Budget Bill", ...senate), given({ prefixes: ["u.s. news"] })), { title: "Senate Passes Budget Bill", removed: [["banner", "U.S. News"]] });
  assert.equal(read(paras("EXCLUSIVE VIDEO Senator Admits Deal Was Rushed", ...senate), given({ prefixes: ["exclusive video"] })).title, "EXCLUSIVE VIDEO Senator Admits Deal Was Rushed");
});

test("a one-off top line is kept when it is a dated lead, a question or exclamation (closed by a quotation mark or bracket too), or opens a quotation", () => {
  assert.equal(read(paras("London, March 2 - Trade was thin", h, ...bodies[0])).title, "London, March 2 - Trade was thin");
  for (const line of ['Stop Them Now!"', "Stop Them Now!)", "Stop Them Now?”", '"Truth You Will Not Hear"', "‘Truth You Will Not Hear’", "'Truth You Will Not Hear'", "“Truth You Will Not Hear”"]) {
    assert.equal(read(paras(line, h, ...bodies[0])).title, line, line);
  }
  // A line under the top one that shares no word with the story is no headline of it.
  assert.equal(read(paras(slogan, "Mystery Guest Arrives Tonight", ...bodies[0])).title, slogan);
});

test("a name the lead writes capitalised ties a top line to the story, as a whole word, not as its first word, and not when the archive's stories commonly use it", () => {
  const final = "Champion Keeps Her Crown In Rain-Soaked Final";
  const lead = (name: string) => [`Ann Lee beat Joy ${name} in three sets on Sunday to take the title again in the rain.`, "The crowd stayed in the rain to watch the final, which ran for more than three hours."];
  assert.equal(read(paras("Talk With Kim", final, ...lead("Kim"))).title, "Talk With Kim");
  for (const name of ["McKim", "Kimball"]) assert.deepEqual(read(paras("Talk With Kim", final, ...lead(name))), { title: final, removed: [["banner", "Talk With Kim"]] }, name);
  // A word in capitals ("KIM") is not compared as a name.
  assert.equal(read(paras("Talk With KIM", final, ...lead("KIM"))).title, final);
  // Every line's first word has a capital: "The" opening the lead names nothing.
  assert.deepEqual(read(paras("The Weekly Roundup", h, ...bodies[0])), { title: h, removed: [["banner", "The Weekly Roundup"]] });
  // "News" opens the lead, but the archive's stories commonly say it.
  const news = ["News of the vote spread fast: the county commission kept the sanctuary policy after a long meeting about jails.", bodies[0][1]];
  assert.equal(read(paras("Prairie Ledger | News", h, ...news), given({ commonStems: ["news"] })).title, h);
  assert.equal(read(paras("Prairie Ledger | News", h, ...news)).title, "Prairie Ledger | News");
});

test("a known top line in capitals stays over a line that shares no word with the story (a wire's standing headline over its own subject)", () => {
  const twelve = ["Ferry tickets cost less.", "Pupils and pensioners travel cheaper.", "Crews painted the terminal.", "Buses ran."];
  assert.deepEqual(read(paras("EVENING GAZETTE", "Mystery Guest Arrives Tonight", ...twelve), given({ openers: ["evening gazette"] })), { title: "EVENING GAZETTE", removed: [] });
});

/** A story whose lead names the harbour: a banner "The Harbour Post" shares one word with it. */
const harbour = ["The ferry service from the harbour will run every hour from May, officials said on Tuesday.", "Tickets will cost less for pupils and pensioners.", "Crews repainted the old terminal building over the winter.", "Buses will meet each boat at the pier."];

test("a known top line sharing a word with the story goes when a known banner follows within the top three lines, when the headline shares more, or when it stands above headlines in many articles", () => {
  const known = given({ openers: ["the harbour post", "news you can trust"] });
  const headline = "Ferry Timetable Changes In May"; // one word of the story ("ferry"), as many as the banner
  assert.deepEqual(read(paras("The Harbour Post", "News You Can Trust", headline, ...harbour), known), {
    title: headline,
    removed: [
      ["banner", "The Harbour Post"],
      ["banner", "News You Can Trust"],
    ],
  });
  assert.deepEqual(read(paras("The Harbour Post", headline, ...harbour), known), { title: "The Harbour Post", removed: [] });
  // The known line after two buttons is the fourth line: below the top three, it tells nothing.
  assert.equal(read(paras("The Harbour Post", "Share on Facebook", "12 Comments", "News You Can Trust", headline, ...harbour), known).title, "The Harbour Post");
  // A headline sharing two words ("ferry", "tickets") is more about the story than the banner.
  assert.deepEqual(read(paras("The Harbour Post", "Ferry Tickets Change In May", ...harbour), known), { title: "Ferry Tickets Change In May", removed: [["banner", "The Harbour Post"]] });
  // Known to stand above headlines, it goes over one, not over a lead sentence.
  const above = given({ openers: ["the harbour post"], bannerOpeners: ["the harbour post"] });
  assert.equal(read(paras("The Harbour Post", headline, ...harbour), above).title, headline);
  const lead = "The ferry timetable changes in May, with boats every hour from the harbour and later sailings at weekends for the summer season, officials said today.";
  assert.equal(read(paras("The Harbour Post", lead, ...harbour), above).title, "The Harbour Post");
  // Known only from its own site's articles (front matter `source`), it goes over a headline of that site.
  const site = given({ openers: ["prairie\u0001the harbour post"] });
  assert.equal(read(paras("The Harbour Post", headline, ...harbour), site, "Prairie").title, headline);
  assert.equal(read(paras("The Harbour Post", headline, ...harbour), site).title, "The Harbour Post");
});

test("navigation glued before a headline: a breadcrumb starting with a symbol ('» Home'), a web address, not a word the story writes ('E-mail' as 'email')", () => {
  assert.deepEqual(read(paras("» Home NPPC APPEAL DISMISSED BY COURT", ...wire)), { title: "NPPC APPEAL DISMISSED BY COURT", removed: [["banner", "» Home"]] });
  assert.deepEqual(read(paras("PrairieLedger.com Oil prices reach three-month high", ...oil)), { title: "Oil prices reach three-month high", removed: [["banner", "PrairieLedger.com"]] });
  assert.equal(read(paras("E-mail Oil prices reach three-month high", ...oil)).title, "Oil prices reach three-month high");
  assert.equal(read(paras("E-mail Oil prices reach three-month high", oil[0], "Analysts said in an email that oil could rise further.")).title, "E-mail Oil prices reach three-month high");
});

test("navigation before a headline in capitals is words in ordinary case, lowercase too, and runs of symbols; a brand written 'iPhone' is not", () => {
  for (const nav of ["Home › news", "Home :: World", "Home >> World"]) assert.deepEqual(read(paras(`${nav} NPPC APPEAL DISMISSED BY COURT`, ...wire)), { title: "NPPC APPEAL DISMISSED BY COURT", removed: [["banner", nav]] }, nav);
  assert.equal(read(paras("iPhone NPPC APPEAL DISMISSED BY COURT", ...wire)).title, "iPhone NPPC APPEAL DISMISSED BY COURT");
});

test("a top line shaped like a site's furniture (a web address, parts joined by separators, one word, a short slogan with a stop) shares only the archive's common words with a story by chance", () => {
  const story = ["The news came after the county commission voted to keep the sanctuary policy in place after a long meeting about jails.", bodies[0][1]];
  const headline = "Commission Keeps Sanctuary Policy In Place";
  const common = given({ commonStems: ["news"] });
  const banner = (top: string) => assert.deepEqual(read(paras(top, headline, ...story), common), { title: headline, removed: [["banner", top]] }, `"${top}" goes`);
  const kept = (top: string) => assert.equal(read(paras(top, headline, ...story), common).title, top, `"${top}" stays`);
  // "news" in the story's lead ties a line shaped like a headline to it…
  kept("Metro News");
  // …not a web address,
  for (const top of ["Metro News.com", "Metro News.org", "Metro News.co.uk", "Metro News.us", "Metro News.net", "Metro News.info", "Metro.news"]) banner(top);
  kept("Metro News.community");
  // parts of up to six words joined by a separator,
  for (const separator of ["|", "::", "•", "»", "›", "/", "–", "—"]) banner(`Metro ${separator} News`);
  kept("Metro - News");
  banner("Metro | Local News And Views Every Day");
  kept("Metro | Local News And Views Every Single Day");
  // one word, or a slogan of up to eight words closed by a full stop.
  banner("News");
  banner("Hard-hitting political news.");
  banner("Hard-hitting political news you will never read elsewhere.");
  kept("Hard-hitting political news you will not read elsewhere today.");
  kept("Hard-hitting political news 2.");
});

test("one article's site name may hold the joiners of, the, and, for, in, on and '&', up to four words, every other word capitalised at its start", () => {
  for (const name of ["Field and Stream", "Voice for Farmers", "Life in Brief", "Life on the Prairie", "Farm & Home"]) assert.deepEqual(read(paras(`${h} | ${name}`, ...bodies[0])), { title: h, removed: [["banner", `| ${name}`]] }, name);
  // A name of short words only ("The Fox") has no word to compare with the story: it stays.
  for (const name of ["Voice of Prairie Farm Families", "Prairie eLedger", "The Fox"]) assert.equal(read(paras(`${h} | ${name}`, ...bodies[0])).title, `${h} | ${name}`, name);
});

test("a capitalised word the story writes in lowercase shows glued navigation: over a headline of two longer words in lowercase, and wherever the story capitalises it only at a sentence's start", () => {
  const glued = "Toggle Oil prices reach three-month high";
  const cut = "Oil prices reach three-month high";
  assert.equal(read(paras("Toggle Oil prices hit highs", ...oil)).title, "Oil prices hit highs");
  // "iPhone" is not a capitalised word of a headline in title case.
  assert.equal(read(paras("Toggle Oil prices lift iPhone makers", ...oil)).title, "Oil prices lift iPhone makers");
  // The story's own capitalised "Oil": at its very end, or inside a quotation.
  assert.equal(read(paras(glued, ...oil, "Traders bought Brent Oil")).title, glued);
  assert.equal(read(paras(glued, ...oil, 'Traders bought "light" Oil futures.')).title, glued);
  // Inside another word ("SuperOil"), after a sentence closed inside a quotation, or opening a quotation at the story's start, it is no name.
  assert.equal(read(paras(glued, ...oil, "Traders bought SuperOil shares.")).title, cut);
  assert.equal(read(paras(glued, ...oil, "One trader said “we are buying.” Oil fell later.")).title, cut);
  assert.equal(read(paras(glued, '"Oil is cheap," a trader said, as prices climbed to a three-month high.', oil[1])).title, cut);
});

test("a known banner over a lone line stays: nothing under that line shows it is a story's headline", () => {
  const evidence = given({ openers: ["the harbour post"], bannerOpeners: ["the harbour post"] });
  assert.deepEqual(read(paras("The Harbour Post", "Ferry Timetable Changes In May"), evidence), { title: "The Harbour Post", removed: [] });
  assert.deepEqual(read(paras("The Harbour Post", "Ferry Timetable Changes In May", "Boats will run every hour."), evidence), { title: "Ferry Timetable Changes In May", removed: [["banner", "The Harbour Post"]] });
});
