import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, NO_FURNITURE_EVIDENCE, recurringLinesOf, removeFurniture } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const story = [
  "The county commission voted 7-6 on Friday to keep the policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents said they would take the decision to court, and the sheriff said his deputies would follow the law as it stands.",
];
const kept = (lines: string[], evidence = NO_FURNITURE_EVIDENCE) => removeFurniture(paras(...lines), evidence).kept.map((p) => p.text);
const removedKinds = (lines: string[], evidence = NO_FURNITURE_EVIDENCE) => removeFurniture(paras(...lines), evidence).removed.map((r) => [r.kind, r.text]);

test("share buttons and counters go; a sentence about sharing and a table's per-share row stay", () => {
  const widgets = ["Share on Facebook", "Tweet", "Pin It", "Facebook Twitter Pinterest Email", "Shares 402", "16.8k SHARES"];
  assert.deepEqual(kept(["Council Keeps Policy", ...widgets, ...story]), ["Council Keeps Policy", ...story]);
  assert.ok(removedKinds(["Council Keeps Policy", ...widgets, ...story]).every(([kind]) => kind === "share-widget"));
  const real = ["She shared the post on Facebook with friends and family.", "Share 6.0p vs 4.1p, diluted"];
  assert.deepEqual(kept([...story, ...real]), [...story, ...real]);
});

test("comment counts and links go; a sentence about comments stays", () => {
  const lines = ["12 Comments", "Comments (34)", "View 12 comments", "Join the discussion", "Leave a comment"];
  assert.deepEqual(removedKinds([...story, ...lines]).map(([k]) => k), lines.map(() => "comment-count"));
  const real = "Comments from readers poured in after the vote, most of them angry.";
  assert.deepEqual(kept([...story, real]), [...story, real]);
});

test("newsletter prompts go, up to their length cap; a sentence about a newsletter stays", () => {
  const prompts = ["Sign up for our daily newsletter", "Get the best of The Daily Post delivered to your inbox.", "Join 28,000 readers who get our morning briefing."];
  assert.deepEqual(kept([...story, ...prompts]), story);
  const real = "Subscribers to the newsletter grew by 20 percent last year, the publisher said.";
  const long = `Sign up to vote: the county clerk said the office would stay open late every day this week, and that ${"residents could also register by mail or online at the state's website, ".repeat(2)}newsletter or not.`;
  assert.ok(long.length > 200);
  assert.deepEqual(kept([...story, real, long]), [...story, real, long]);
});

test("a cookie notice and its buttons go; a news sentence about cookies and a lone 'Accept' stay", () => {
  const notice = "We use cookies to give you the best experience on our website. By continuing, you agree to our use of cookies.";
  assert.deepEqual(kept([notice, "Accept and close", "Council Keeps Policy", ...story]), ["Council Keeps Policy", ...story]);
  const real = "The company uses cookies to follow your browsing across sites, the lawsuit said.";
  assert.deepEqual(kept([...story, real, "Accept"]), [...story, real, "Accept"]);
});

test("photo captions and credits go by their credit or label; a 'PHOTO:' headline stays", () => {
  const captions = [
    "Jane Roe speaks at a rally in Tampa on Friday. REUTERS/John Doe",
    "Jane Roe arrives at a hearing. (AP Photo/John Doe)",
    "Jane Roe waves to supporters. | John Doe/Getty Images",
    "John Doe/Getty Images",
    "Image caption Jane Roe speaks at a rally in Tampa",
    "FILE PHOTO: Jane Roe speaks at a rally in Tampa on Friday.",
    "Image: Reuters",
    "Jane Roe attends a vigil on Sunday. Photograph: John Doe/AFP",
  ];
  const { kept: k, removed } = removeFurniture(paras("PHOTO: Reporter Snaps Pic of Typical Fan at Rally", ...captions, ...story), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(k.map((p) => p.text), ["PHOTO: Reporter Snaps Pic of Typical Fan at Rally", ...story]);
  assert.ok(removed.every((r) => r.kind === "photo-caption"), JSON.stringify(removed));
  const real = "The photo: a man in a red hat, the officer said, was taken on Friday.";
  assert.deepEqual(kept([...story, real]), [...story, real]);
});

test("'Read more:' teasers and link lists under a label go once the story has started", () => {
  const list = ["Related Stories", "Council rejects budget after long night", "Mayor vows to appeal ruling", "Sheriff says jail is full"];
  assert.deepEqual(kept([...story, "Read more: Council votes on the budget", ...list]), story);
  assert.ok(removedKinds([...story, "Read more: Council votes on the budget", ...list]).every(([k]) => k === "related-links"));
  // Above the story a "More:" line is the headline's; under a label, table rows are not links.
  assert.deepEqual(kept(["More: Council Keeps Policy", ...story]), ["More: Council Keeps Policy", ...story]);
  const table = ["Related figures", "Shr 12 cts vs 10 cts", "Net 1,200,000 vs 987,000"];
  assert.deepEqual(kept([...story, ...table]), [...story, ...table]);
});

test("closing author notes go; a sentence starting 'Follow the money' stays", () => {
  const notes = ["Follow Jane on Twitter @janeroe.", "About the author: Jane Roe has covered the county for 12 years."];
  assert.deepEqual(kept([...story, ...notes]), story);
  const real = "Follow the money, the auditor said, and you will find the answer.";
  assert.deepEqual(kept([story[0], real, story[1]]), [story[0], real, story[1]]);
});

/** Articles of one site: its banner lines, then a headline and a body of their own. */
function siteArticles(top: string[], headlines: string[], bodies: string[][]): Paragraph[][] {
  return headlines.map((h, i) => paras(...top, h, ...bodies[i]));
}
const headlines = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling In Court", "Sheriff Says Jail Is Full Again"];
const bodies = [
  ["The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.", "Opponents of the policy said they would sue the county over the vote."],
  ["The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.", "Lawyers for the city filed notice of the appeal on Tuesday afternoon."],
  ["The sheriff told the commission that the county jail held more inmates than it was built for, for a third month.", "Deputies have moved some inmates to a neighbouring county to make room."],
];

test("a site's name and slogan over many articles are banners; each article keeps its own headline", () => {
  const docs = siteArticles(["The Daily Post", "News, views and analysis"], headlines, bodies);
  const evidence = collectFurnitureEvidence(docs);
  docs.forEach((doc, i) => {
    const { kept: k, removed } = removeFurniture(doc, evidence);
    assert.equal(k[0].text, headlines[i]);
    assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["banner", "The Daily Post"], ["banner", "News, views and analysis"]]);
  });
  // A site with two articles in the archive: the same lines are evidence too.
  const two = collectFurnitureEvidence(docs.slice(0, 2));
  assert.equal(removeFurniture(docs[0], two).kept[0].text, headlines[0]);
});

test("a slogan straight above the story (no headline) is a banner when it shares no words with the story", () => {
  const docs = bodies.map((b) => paras("The hardest-hitting political news.", ...b));
  const evidence = collectFurnitureEvidence(docs);
  assert.equal(removeFurniture(docs[0], evidence).kept[0].text, bodies[0][0]);
});

test("a wire's standing headline over many stories, and an article saved three times, keep their headlines", () => {
  const wire = ["London", "Tokyo", "Paris"].map((city, i) => paras("CASH WHOLESALE BEEF PRICES", `FOB RIVER - CLOSE APRIL ${i + 6}`, `${city.toUpperCase()}, April ${i + 6} - Beef prices were steady in ${city} on light trade, dealers said.`));
  const wireEvidence = collectFurnitureEvidence(wire);
  assert.equal(removeFurniture(wire[0], wireEvidence).kept[0].text, "CASH WHOLESALE BEEF PRICES");
  const copies = [0, 1, 2].map(() => paras("West Wing Cast To Campaign For Clinton", "Members of the cast will appear at rallies", ...bodies[0]));
  const copyEvidence = collectFurnitureEvidence(copies);
  assert.equal(removeFurniture(copies[0], copyEvidence).kept[0].text, "West Wing Cast To Campaign For Clinton");
});

test("a site name after the headline is cut when many first lines carry it; a wire's '- USDA' is kept", () => {
  const docs = headlines.map((h, i) => paras(`${h} | The Daily Post`, ...bodies[i]));
  const evidence = collectFurnitureEvidence(docs);
  const { kept: k, removed } = removeFurniture(docs[1], evidence);
  assert.equal(k[0].text, headlines[1]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text, r.line]), [["banner", "| The Daily Post", 1]]);
  // One article alone: a name after a bar is still a site's name (no headline ends "| The
  // Daily Post"), but words after a dash go on a headline too ("… – Promptly Resigns").
  assert.equal(removeFurniture(docs[1], NO_FURNITURE_EVIDENCE).kept[0].text, headlines[1]);
  const dashed = paras(`${headlines[1]} – Daily Post`, ...bodies[1]);
  assert.equal(removeFurniture(dashed, NO_FURNITURE_EVIDENCE).kept[0].text, `${headlines[1]} – Daily Post`);
  const wire = ["CORN", "WHEAT", "RICE"].map((crop) => paras(`WORLD MARKET PRICE FOR ${crop} - USDA`, `WASHINGTON, March 2 - The world market price for ${crop.toLowerCase()} was set by the department.`));
  assert.equal(removeFurniture(wire[0], collectFurnitureEvidence(wire)).kept[0].text, "WORLD MARKET PRICE FOR CORN - USDA");
});

test("navigation glued before many headlines is cut; a headline's own recurring start is not", () => {
  const docs = headlines.map((h, i) => paras(`Site Navigation ${h}`, ...bodies[i]));
  const evidence = collectFurnitureEvidence(docs);
  const { kept: k, removed } = removeFurniture(docs[2], evidence);
  assert.equal(k[0].text, headlines[2]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["banner", "Site Navigation"]]);
  // "Man Utd stroll to Cup win": the words after the start are in lowercase, so it is the headline's.
  const bbc = ["stroll to Cup win", "through after Exeter test", "face Pompey in the Cup"].map((rest, i) => paras(`Man Utd ${rest}`, ...bodies[i]));
  assert.equal(removeFurniture(bbc[0], collectFurnitureEvidence(bbc)).kept[0].text, "Man Utd stroll to Cup win");
  // A start the story itself uses ("Mayor …" in the body) is the headline's subject.
  const subject = headlines.map((h, i) => paras(`Mayor Lee ${h}`, `${bodies[i][0]} Mayor Lee agreed.`, bodies[i][1]));
  assert.equal(removeFurniture(subject[0], collectFurnitureEvidence(subject)).kept[0].text, `Mayor Lee ${headlines[0]}`);
});

test("a recurring short label below the story goes; a recurring table label between rows and the wire sign-off stay as they were", () => {
  const docs = [0, 1, 2].map((i) => paras(headlines[i], ...bodies[i], "Related Posts", "Nine mths", `Shr ${i + 10} cts vs ${i + 8} cts`, "Reuter"));
  const evidence = collectFurnitureEvidence(docs);
  const { kept: k, removed } = removeFurniture(docs[0], evidence);
  assert.deepEqual(k.map((p) => p.text), [headlines[0], ...bodies[0], "Nine mths", "Shr 10 cts vs 8 cts"]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["recurring", "Related Posts"], ["agency-signoff", "Reuter"]]);
});

test("the evidence an article's analysis depends on includes its banners, glued navigation and site name", () => {
  const docs = headlines.map((h, i) => paras("The Daily Post", `Site Navigation ${h} | The Daily Post`, ...bodies[i]));
  const evidence = collectFurnitureEvidence(docs);
  const lines = recurringLinesOf(docs[0], evidence);
  assert.match(lines, /opener:the daily post/);
  assert.match(lines, /prefix:site navigation/);
  assert.match(lines, /suffix:\| the daily post/);
  assert.equal(recurringLinesOf(docs[0], NO_FURNITURE_EVIDENCE), "");
});

test("a templated story's lead that opens many articles is not a banner", () => {
  const docs = [1, 2, 3].map((i) =>
    paras(
      `The city council met on a quiet evening to discuss item ${i} of its agenda, which concerned transit across the northern districts.`,
      `Member ${"ABC"[i - 1]} told the others that the plan would need more money than the budget allowed this year.`,
      "Residents who attended asked questions for more than an hour before the vote was postponed.",
    ),
  );
  const evidence = collectFurnitureEvidence(docs);
  assert.deepEqual(removeFurniture(docs[0], evidence).removed, []);
});

test("a recurring top line over a one-line story is kept: too little text to say it is unrelated", () => {
  const docs = ["Oslo", "Lima", "Riga"].map((city, i) => paras("Weekly Market Summary", `${city} traders sold ${i + 2} lots of cod and herring on the quay.`, "Reuter"));
  const evidence = collectFurnitureEvidence(docs);
  assert.equal(removeFurniture(docs[0], evidence).kept[0].text, "Weekly Market Summary");
});

test("the wire's sign-off after a short recurring line is a sign-off, not recurring furniture", () => {
  const docs = [0, 1, 2].map((i) => paras(headlines[i], ...bodies[i], "Reuter"));
  const evidence = collectFurnitureEvidence(docs);
  assert.deepEqual(removeFurniture(docs[0], evidence).removed.map((r) => r.kind), ["agency-signoff"]);
});

test("a list label above the story is not a teaser list: 'Top Stories' over a headline and a dek is the site's banner", () => {
  const top = ["The Daily Post", "Top Stories", "Council Keeps Policy For Another Year", "Members Vote Seven To Six After Long Night"];
  assert.deepEqual(kept([...top, ...story]), [...top.slice(2), ...story]);
  assert.deepEqual(removedKinds([...top, ...story]), [["banner", "The Daily Post"], ["banner", "Top Stories"]]);
});

test("a share bar is a few words: a longer line of the same words is a sentence", () => {
  const line = "Share it on Facebook, share it on Twitter, share this story";
  assert.deepEqual(kept([...story, line]), [...story, line]);
});

test("a wire headline ending in who said it ('- Analysts') is not a site name", () => {
  const docs = ["Rates seen steady", "Yen seen firmer", "Bonds seen weaker"].map((h, i) => paras(`${h} in the week ahead - analysts`, ...bodies[i]));
  const evidence = collectFurnitureEvidence(docs);
  assert.equal(removeFurniture(docs[0], evidence).kept[0].text, "Rates seen steady in the week ahead - analysts");
});

test("a blog's archive menu of months is removed as site navigation; a sentence naming months stays", () => {
  const menu = "On Media Blog Archives Select Date… December, 2015 November, 2015 October, 2015 September, 2015 August, 2015 July, 2015 June, 2015";
  const sentence = "Sales rose in January, 2015, fell in March, 2015, recovered by June, 2015 and hit a record in December, 2015, after the chain opened forty new stores across the region.";
  const { kept, removed } = removeFurniture(paras("Debates will stream on Twitter", menu, ...story, sentence), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["banner", menu]]);
  assert.ok(kept.some((p) => p.text === sentence));
  // Three months are not a menu.
  const three = "Archives: December, 2015 November, 2015 October, 2015";
  assert.ok(removeFurniture(paras("Debates will stream on Twitter", three, ...story), NO_FURNITURE_EVIDENCE).kept.some((p) => p.text === three));
});
