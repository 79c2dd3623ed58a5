import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFurnitureEvidence, NO_FURNITURE_EVIDENCE, normalizeFurnitureLine, removeFurniture } from "../../src/ingest/furniture.ts";
import type { FurnitureEvidence } from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

// The line rules of furniture removal (src/ingest/furniture.ts up to removeFurniture) at
// their edges: what a reader loses from an article or keeps, one rule at a time.

const headline = "Council Keeps Policy";
const story = [
  "The county commission voted 7-6 on Friday to keep the policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents said they would take the decision to court, and the sheriff said his deputies would follow the law as it stands.",
];
const run = (lines: string[], evidence: FurnitureEvidence = NO_FURNITURE_EVIDENCE) => removeFurniture(paras(...lines), evidence);
const kept = (lines: string[], evidence: FurnitureEvidence = NO_FURNITURE_EVIDENCE) => run(lines, evidence).kept.map((p) => p.text);
const removed = (lines: string[], evidence: FurnitureEvidence = NO_FURNITURE_EVIDENCE) => run(lines, evidence).removed.map((r) => [r.kind, r.text]);
/** `start`, padded with ordinary words, then `end`: `n` characters in all. */
const padded = (start: string, end: string, n: number) => `${start}${"and the rest of it ".repeat(30)}`.slice(0, n - end.length) + end;

test("an Up Next teaser printed again further down the page goes there too; a story sentence right under the label stays", () => {
  const teaser = "Sheriffs met the president on Tuesday to talk about the border and his governme";
  const lines = [headline, ...story, "Up Next", teaser, "The mayor said the city would appeal the ruling.", teaser, "The commission meets again in May."];
  assert.deepEqual(removed(lines), [
    ["up-next", "Up Next"],
    ["up-next", teaser],
    ["up-next", teaser],
  ]);
  // A sentence right under the label is the story's.
  const sentence = "The mayor said the city would appeal the ruling.";
  assert.deepEqual(kept([headline, story[0], "Up Next", sentence, story[1]]), [headline, story[0], sentence, story[1]]);
});

test("the line above an Up Next label goes unless it ends like a sentence, whatever closes it", () => {
  const teaser = "Sheriffs met the president on Tuesday to talk about the border and";
  assert.deepEqual(kept([headline, ...story, teaser, "Up Next"]), [headline, ...story]);
  for (const end of [".", "!", "?", "…", '"', "”", "’", ")", "]", ":"]) {
    assert.deepEqual(kept([headline, ...story, `${teaser} more${end}`, "Up Next"]), [headline, ...story, `${teaser} more${end}`], end);
  }
  // Two copies of the same sentence around the label are a teaser printed twice.
  const twice = "The sheriff spoke to reporters.";
  assert.deepEqual(kept([headline, ...story, twice, "Up Next", twice, "The end of the story is here."]), [headline, ...story, "The end of the story is here."]);
});

test("the video's title over its teaser goes with it: up to 120 characters, not ending like a sentence, never the file's first line", () => {
  const teaser = "Sheriffs met the president on Tuesday to talk about the border and his governme";
  const title = (n: number) => padded("Sheriffs Meet The President ", " Video", n);
  const block = (t: string) => [headline, ...story, t, teaser, "Up Next", teaser];
  assert.deepEqual(kept(block(title(120))), [headline, ...story]);
  assert.deepEqual(kept(block(title(121))), [headline, ...story, title(121)]);
  for (const end of [".", "!", "?"]) assert.deepEqual(kept(block(`Sheriffs Meet The President${end}`)), [headline, ...story, `Sheriffs Meet The President${end}`], end);
  // The line above the teaser at the top of the file is the article's headline.
  assert.deepEqual(kept(["Sheriffs Meet The President", teaser, "Up Next", ...story]), ["Sheriffs Meet The President", ...story]);
});

test("a bar of share words needs a network or a share verb: 'Save this article' alone is not a share bar", () => {
  for (const bar of ["Share", "Share this:", "Tweet.", "Copy link", "Facebook / Twitter / Email", "Share • Tweet • Pin", "Facebook,Twitter"]) {
    assert.deepEqual(removed([headline, ...story, bar]), [["share-widget", bar]], bar);
  }
  for (const line of ["Save this article", "More on this story", "Save", "Link"]) {
    assert.deepEqual(kept([headline, ...story, line]), [headline, ...story, line], line);
  }
});

test("a comment line is at most 160 characters: '12 comments on …' with a long title", () => {
  const line = (n: number) => padded("12 comments on ", "", n);
  assert.equal(line(135).length, 135);
  assert.deepEqual(removed([headline, ...story, line(135)]), [["comment-count", line(135)]]);
  // COMMENT_LINE allows a title of 120 characters; the line cap is what stops a longer one.
  const long = `${"12".repeat(30)} comments`;
  assert.deepEqual(removed([headline, ...story, long]), [["comment-count", long]]);
  const longer = `${"1,".repeat(76)}12 comments`;
  assert.equal(longer.length, 163);
  assert.deepEqual(kept([headline, ...story, longer]), [headline, ...story, longer]);
  // At the cap to the character (only a long count reaches it): 160 goes, 161 stays.
  const count = (n: number) => `${"9".repeat(n - " responses".length)} responses`;
  assert.equal(count(160).length, 160);
  assert.deepEqual(removed([headline, ...story, count(160)]), [["comment-count", count(160)]]);
  assert.deepEqual(kept([headline, ...story, count(161)]), [headline, ...story, count(161)]);
});

test("a cookie notice speaks to the reader; a sentence reporting what a company said or did about cookies stays", () => {
  for (const notice of ["This site uses cookies. Learn more", "Cookies help us improve the site; by continuing you accept them", "We use cookies", "Cookie policy"]) {
    assert.deepEqual(removed([headline, ...story, notice]), [["signup-prompt", notice]], notice);
  }
  for (const line of [
    "The bakery uses cookies from a supplier in Ohio, the owner says.",
    "The firm accepted cookies as payment, according to the filing.",
    "Stores use cookies to track shoppers, the regulator reported.",
    "Cookies baked with butter use more flour than most.",
  ]) {
    assert.deepEqual(kept([headline, ...story, line]), [headline, ...story, line], line);
  }
});

test("a consent button goes within two lines of a cookie notice, not three, and not beside a newsletter prompt", () => {
  const notice = "We use cookies to give you the best experience on our website.";
  assert.deepEqual(kept([headline, ...story, notice, "Manage preferences", "Accept all"]), [headline, ...story]);
  assert.deepEqual(kept([headline, ...story, "Accept all", "Decline", notice]), [headline, ...story]);
  const filler = "The commission meets again in May to vote on the budget.";
  assert.deepEqual(kept([headline, ...story, "Accept all", filler, filler, notice]), [headline, ...story, "Accept all", filler, filler]);
  assert.deepEqual(kept([headline, ...story, notice, filler, filler, "Accept all"]), [headline, ...story, filler, filler, "Accept all"]);
  const prompt = "Sign up for our daily newsletter";
  assert.deepEqual(kept([headline, ...story, prompt, "OK"]), [headline, ...story, "OK"]);
  // The buttons at the very top and bottom of the page.
  assert.deepEqual(kept(["Got it", notice, headline, ...story]), [headline, ...story]);
  assert.deepEqual(kept([headline, ...story, notice, "Got it"]), [headline, ...story]);
});

test("a 'Read more:' teaser line goes below the story's start, up to 190 characters; above it, it stays", () => {
  const line = (n: number) => padded("Read more: Council votes on the budget ", " today", n);
  assert.deepEqual(removed([headline, ...story, line(190)]), [["related-links", line(190)]]);
  assert.deepEqual(kept([headline, ...story, line(191)]), [headline, ...story, line(191)]);
  // The story starts at its first paragraph of 100 characters: a teaser above it stays.
  const lead = (n: number) => padded("The county commission voted to keep the policy ", ".", n);
  const teaser = "Read more: Council votes on the budget";
  assert.deepEqual(kept([headline, teaser, lead(100)]), [headline, teaser, lead(100)]);
  assert.deepEqual(kept([headline, lead(100), teaser]), [headline, lead(100)]);
  assert.deepEqual(kept([headline, lead(99), teaser]), [headline, lead(99), teaser]);
});

test("an Up Next label over headlines is a list: its links go, each listed as it was found", () => {
  const links = ["Mayor Unveils Plan for the River Walk", "Storm Closes Three Beaches"];
  const { kept: k, removed: r } = run([headline, ...story, "Up Next:", ...links, "Reuter"]);
  assert.deepEqual(k.map((p) => p.text), [headline, ...story]);
  assert.deepEqual(r.map((x) => [x.kind, x.text]), [["up-next", "Up Next:"], ["up-next", links[0]], ["related-links", links[1]], ["agency-signoff", "Reuter"]]);
  // A list label with a single link under it is still a list; with none it is a line of its own.
  assert.deepEqual(kept([headline, ...story, "Related Stories", links[0]]), [headline, ...story]);
  assert.deepEqual(kept([headline, ...story, "Related Stories"]), [headline, ...story, "Related Stories"]);
  assert.deepEqual(kept([headline, ...story, "Related Stories", "The commission meets again in May."]), [headline, ...story, "Related Stories", "The commission meets again in May."]);
});

test("a bio at the end names its subject (not 'He', 'She' or 'We'), in up to four words, and is at most 400 characters", () => {
  const bio = (name: string) => `${name} is a freelance writer for the Daily Post.`;
  assert.deepEqual(removed([headline, ...story, bio("Jane Roe")]), [["author-bio", bio("Jane Roe")]]);
  assert.deepEqual(removed([headline, ...story, bio("Mary Ann Van Doren")]), [["author-bio", bio("Mary Ann Van Doren")]]);
  assert.deepEqual(kept([headline, ...story, bio("Mary Ann Van De Doren")]), [headline, ...story, bio("Mary Ann Van De Doren")]);
  for (const pronoun of ["He", "She", "They", "It", "This", "That", "There", "Here", "I", "We", "You"]) {
    assert.deepEqual(kept([headline, ...story, bio(pronoun)]), [headline, ...story, bio(pronoun)], pronoun);
  }
  // "Hera" starts with "He" but is a name.
  assert.deepEqual(removed([headline, ...story, bio("Hera Lin")]), [["author-bio", bio("Hera Lin")]]);
  for (const role of ["reporter", "journalist", "editor", "contributor", "correspondent", "columnist", "author", "blogger", "producer", "writers"]) {
    const line = `Jane Roe is a ${role} based in Ohio.`;
    assert.deepEqual(removed([headline, ...story, line]), [["author-bio", line]], role);
  }
  // Up to three words between the article and the role.
  assert.deepEqual(removed([headline, ...story, "Jane Roe is an award-winning senior staff writer."]).length, 1);
  assert.deepEqual(kept([headline, ...story, "Jane Roe is a very good senior staff writer."]).length, 4);
  assert.deepEqual(kept([headline, ...story, "Jane Roe is a writerly type."]).length, 4);
  const long = (n: number) => padded("Jane Roe is a writer ", ".", n);
  assert.deepEqual(kept([headline, ...story, long(400)]), [headline, ...story]);
  assert.deepEqual(kept([headline, ...story, long(401)]), [headline, ...story, long(401)]);
});

// Navigation glued before headlines, judged across the archive (collectTopEvidence, rareWords).
const headlines = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling In Court", "Sheriff Says Jail Is Full Again"];
const bodies = [
  "The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.",
  "The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.",
  "The sheriff told the commission that the county jail held more inmates than it was built for, for a third month.",
];
const menuArticles = headlines.map((h, i) => paras(`Menu ${h}`, bodies[i]));
const diner = (line: string, i: number) => paras(`Diner Report ${"abc"[i]}`, line);

test("a word glued before headlines is navigation when the archive's stories do not use it, in any case, below their first line", () => {
  // Stories that write "Menu" with a capital still use the word.
  const capital = [0, 1, 2].map((i) => diner(`The Menu Board at the diner changed again this week, the owners said on ${["Monday", "Friday", "Sunday"][i]}.`, i));
  assert.deepEqual(collectFurnitureEvidence([...menuArticles, ...capital]).prefixes, []);
  // A first line is the article's headline, not its story: "menu" there is no use of the word.
  const titled = [0, 1, 2].map((i) => paras(`New menu at the diner ${"abc"[i]}`, `The owners said the changes would start on ${["Monday", "Friday", "Sunday"][i]}.`));
  assert.deepEqual(collectFurnitureEvidence([...menuArticles, ...titled]).prefixes, ["menu"]);
  // Fewer stories using it than headlines it is glued to: still navigation.
  const two = [0, 1].map((i) => diner(`The diner changed its menu again this week, the owners said on ${["Monday", "Friday"][i]}.`, i));
  assert.deepEqual(collectFurnitureEvidence([...menuArticles, ...two]).prefixes, ["menu"]);
});

test("one word of navigation before a named site's headlines counts for that site whatever other sites' stories say", () => {
  const uses = [0, 1, 2].map((i) => diner(`The diner changed its menu again this week, the owners said on ${["Monday", "Friday", "Sunday"][i]}.`, i));
  const evidence = collectFurnitureEvidence([...menuArticles.slice(0, 2), ...uses], ["Ledger", "Ledger"]);
  assert.deepEqual(evidence.prefixes, ["ledger\u0001menu"]);
  assert.equal(removeFurniture(menuArticles[0], evidence, "Ledger").kept[0].text, headlines[0]);
  assert.equal(removeFurniture(menuArticles[0], evidence).kept[0].text, `Menu ${headlines[0]}`);
});

test("a story's last word counts as a use of the word: 'See the full menu' at an article's end", () => {
  const last = [0, 1, 2].map((i) => paras(`Diner Report ${"abc"[i]}`, `The owners changed the dishes again on ${["Monday", "Friday", "Sunday"][i]}.`, "See the full menu"));
  assert.deepEqual(collectFurnitureEvidence([...menuArticles, ...last]).prefixes, []);
});

test("a photo credit without a slash or colon is found by its word: 'Photo by …', 'Image courtesy of …', 'Video caption …'", () => {
  for (const credit of ["Photo by Jane Doe", "Image courtesy of the county", "Picture by Jane Doe", "Video caption Jane Roe speaks at the rally", "Above: Jane Roe speaks at the rally"]) {
    assert.deepEqual(removed([headline, ...story, credit]), [["photo-caption", credit]], credit);
  }
});

test("an advertisement label or an empty ad slot goes only as a whole line, in each of its spellings", () => {
  const labels = [
    "Advertisements",
    "Advertisement",
    "Story continues below",
    "Article continues below this advertisement",
    "Story continues below advertisement",
    "Easy Plugin for AdSense",
    "Your ads will be inserted here by Easy Plugin for AdSense",
    "Suppress this ad slot",
    "Suppress this ad slot.",
    "Paste your ad code or",
  ];
  for (const label of labels) assert.deepEqual(removed([headline, ...story, label]), [["advertisement", label]], label);
  for (const line of ["The council paid for the advertisement", "Readers asked us to suppress this ad slot", "Sponsored content ran on the front page"]) {
    assert.deepEqual(kept([headline, ...story, line]), [headline, ...story, line], line);
  }
});

test("a share bar needs a share word as a whole word: 'Email' and 'E-mail' are buttons, 'Shared' alone is not", () => {
  for (const bar of ["Email", "E-mail", "Shares", "Print this article", "Pin it", "WhatsApp"]) assert.deepEqual(removed([headline, ...story, bar]), [["share-widget", bar]], bar);
  assert.deepEqual(kept([headline, ...story, "Shared"]), [headline, ...story, "Shared"]);
});

test("a cookie line that talks about baking keeps: 'flour' and 'weekly' are not 'our' and 'we'", () => {
  for (const line of ["Cookies baked weekly use more butter than most.", "Cookies baked with butter use more flour than most."]) {
    assert.deepEqual(kept([headline, ...story, line]), [headline, ...story, line], line);
  }
});

test("a recurring label goes below the story, not above a table row, and the story may start at the first line", () => {
  const evidence = { ...NO_FURNITURE_EVIDENCE, recurring: ["nine mths", "around town"] };
  assert.deepEqual(kept([headline, ...story, "Nine mths", "Shr 12 cts vs 10 cts"], evidence), [headline, ...story, "Nine mths", "Shr 12 cts vs 10 cts"]);
  assert.deepEqual(kept([headline, ...story, "Nine mths", "The commission meets again in May."], evidence), [headline, ...story, "The commission meets again in May."]);
  // An article without a headline line: its first paragraph is the story's start.
  assert.deepEqual(kept([...story, "Around Town"], evidence), story);
  // A label right under its first line is still above the story when no paragraph is long.
  assert.deepEqual(kept(["Council keeps the policy", "Around Town", "The vote was 7-6."], evidence), ["Council keeps the policy", "Around Town", "The vote was 7-6."]);
});

test("a link list is the lines right under its label: a share widget between them ends it", () => {
  assert.deepEqual(kept([headline, ...story, "Related Stories", "Share on Facebook", "Storm Closes Three Beaches"]), [headline, ...story, "Related Stories", "Storm Closes Three Beaches"]);
  for (const end of ["’", "”", '"']) {
    const line = `The mayor unveiled a plan for the river walk.${end}`;
    assert.deepEqual(kept([headline, ...story, "Related Stories", line]), [headline, ...story, "Related Stories", line], end);
  }
});

test("a recurring 'Read more: …' line is reported as recurring furniture, not as a teaser", () => {
  const line = "Read more: Council votes on the budget";
  const evidence = { ...NO_FURNITURE_EVIDENCE, recurring: [normalizeFurnitureLine(line)] };
  assert.deepEqual(removed([headline, ...story, line], evidence), [["recurring", line]]);
});

test("a recurring line of web boilerplate goes up to 160 characters, to the character", () => {
  const line = (n: number) => padded("Story continued below ", " now", n);
  const docs = (n: number) => ["Monday", "Tuesday", "Friday"].map((day) => paras(`The council met on ${day}.`, line(n)));
  assert.equal(line(160).length, 160);
  assert.deepEqual(removed([headline, ...story, line(160)], collectFurnitureEvidence(docs(160))), [["recurring", line(160)]]);
  assert.deepEqual(kept([headline, ...story, line(161)], collectFurnitureEvidence(docs(161))), [headline, ...story, line(161)]);
});
