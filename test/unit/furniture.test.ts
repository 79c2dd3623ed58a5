import assert from "node:assert/strict";
import { test } from "node:test";
import {
  collectFurnitureEvidence,
  isContributorCredit,
  isPhotoCredit,
  NO_FURNITURE_EVIDENCE,
  normalizeFurnitureLine,
  removeFurniture,
} from "../../src/ingest/furniture.ts";
import type { Paragraph } from "../../src/ingest/types.ts";
import { paragraphsOf as paras, seedParagraphs as seed } from "../helpers/paragraphs.ts";

const body = [
  "The county commission voted 7-6 on Friday to keep the policy in place, after a nine-hour meeting.",
  "Opponents said they would take the decision to court.",
];

test("a CLOSE video caption ending in block characters is removed as a video caption", () => {
  const { kept, removed } = removeFurniture(
    paras("CLOSE One week in, President Trump is doing exactly what he said he would do... sort of. ███", ...body),
    NO_FURNITURE_EVIDENCE,
  );
  assert.deepEqual(kept.map((p) => p.text), body);
  assert.deepEqual(removed, [
    {
      kind: "video-caption",
      text: "CLOSE One week in, President Trump is doing exactly what he said he would do... sort of. ███",
      line: 1,
    },
  ]);
});

test("a caption credited as (Jan. 25) AP is removed as a video caption, keeping its line number", () => {
  const caption =
    "After President Donald Trump signed an executive order, mayors on both coasts say their cities will not be bullied. (Jan. 25) AP";
  const { kept, removed } = removeFurniture(paras(body[0], caption, body[1]), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), body);
  assert.deepEqual(removed, [{ kind: "video-caption", text: caption, line: 2 }]);
});

test("a sentence that mentions AP in parentheses mid-line is kept", () => {
  const text = "The mayor (Jan. 25) told AP reporters the county would comply with the order.";
  const { kept } = removeFurniture(paras(text, ...body), NO_FURNITURE_EVIDENCE);
  assert.equal(kept.length, 3);
});

test("seed 002's Up Next teaser, its repeated truncated description and the video title go, the headline stays", () => {
  const { kept, removed } = removeFurniture(seed("002_b04d322f93dc3252.txt"), NO_FURNITURE_EVIDENCE);
  assert.equal(kept[0].text, "Trump asks cops to turn over ‘bad’ undocumented immigrants");
  assert.match(kept[1].text, /^President Donald Trump said Wednesday he wants local cops/);
  const upNext = removed.filter((r) => r.kind === "up-next");
  assert.deepEqual(upNext.map((r) => r.line), [3, 5, 6, 7]);
  assert.equal(upNext[0].text, "Trump holds White House meeting with county sheriffs");
});

test("an Up Next label right under the headline never takes the headline with it", () => {
  const teaser = "Sheriffs met the president on Tuesday to talk about the border and his governme";
  const { kept } = removeFurniture(paras("Sheriffs back plan", teaser, "Up Next", teaser, ...body), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), ["Sheriffs back plan", ...body]);
});

test("share widgets are removed, while a sentence using the word shares is kept", () => {
  const sentence = "She shares with us things that she has learned from being a wife, a mom and a friend.";
  const { kept, removed } = removeFurniture(
    paras("16.8k SHARES SHARE THIS STORY", sentence, "Share this:", "Click to share on Twitter (Opens in new window)", ...body),
    NO_FURNITURE_EVIDENCE,
  );
  assert.deepEqual(kept.map((p) => p.text), [sentence, ...body]);
  assert.deepEqual(removed.map((r) => r.kind), ["share-widget", "share-widget", "share-widget"]);
});

test("a share-on-Facebook call to action at the end of a post is removed", () => {
  const cta = "Share this story on Facebook and Twitter and let us know what you think about the debate.";
  const { kept, removed } = removeFurniture(paras(...body, cta), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), body);
  assert.equal(removed[0].kind, "share-widget");
});

test("seed 001's closing author bio is removed as an author bio", () => {
  const { kept, removed } = removeFurniture(seed("001_5742304cf4503c0a.txt"), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(removed.map((r) => [r.kind, r.line]), [["author-bio", 25]]);
  assert.match(removed[0].text, /^Morgan is a freelance writer for a variety of publications/);
  assert.match(kept.at(-1)!.text, /^Several big cities, including New York/);
});

test("a bio-shaped sentence in the middle of a story is kept", () => {
  const middle = "Morgan is a freelance writer who lost her job after the newspaper closed.";
  const { kept } = removeFurniture(paras(body[0], middle, body[1]), NO_FURNITURE_EVIDENCE);
  assert.equal(kept.length, 3);
});

test("seed 002's contributor credit is removed, and 'told the Miami Herald' in the body is kept", () => {
  const { kept, removed } = removeFurniture(seed("002_b04d322f93dc3252.txt"), NO_FURNITURE_EVIDENCE);
  const credit = removed.find((r) => r.kind === "contributor-credit");
  assert.deepEqual(credit, {
    kind: "contributor-credit",
    text: "Miami Herald staff writer Douglas Hanks contributed to this report.",
    line: 47,
  });
  assert.ok(kept.some((p) => p.text.includes("Pérez told the Miami Herald on Monday")));
});

test("Reuters' closing 'Reuter' line is removed as an agency sign-off", () => {
  const { kept, removed } = removeFurniture(paras("COCOA REVIEW", ...body, "Reuter"), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), ["COCOA REVIEW", ...body]);
  assert.deepEqual(removed, [{ kind: "agency-signoff", text: "Reuter", line: 4 }]);
});

test("seed 004 loses only its site slogan to furniture removal (it shares no word with the story)", () => {
  const input = seed("004_8f3418854753f031.txt");
  const { kept, removed } = removeFurniture(input, NO_FURNITURE_EVIDENCE);
  assert.deepEqual(removed, [{ kind: "banner", text: "Exposing Hillary So She Won't Get Elected", line: 1 }]);
  assert.equal(kept.length, input.length - 1);
});

test("furniture evidence lists short lines that recur across articles, normalized and sorted", () => {
  const docs = ["budget", "schools", "roads", "parks"].map((topic, n) =>
    paras(`A story about the county ${topic}.`, "Story Continued Below", `Subscribe to ${n + 2} newsletters`),
  );
  const evidence = collectFurnitureEvidence(docs);
  assert.equal(evidence.articleCount, 4);
  assert.equal(evidence.minArticles, 3);
  assert.deepEqual(evidence.recurring, ["story continued below", "subscribe to 0 newsletters"]);
  assert.deepEqual(JSON.parse(JSON.stringify(evidence)), evidence);
});

test("a line in only two articles is not recurring evidence", () => {
  const evidence = collectFurnitureEvidence([paras("Advertisement"), paras("Advertisement"), paras("Other")]);
  assert.deepEqual(evidence.recurring, []);
});

test("normalizing a furniture line collapses case, digits and spaces", () => {
  assert.equal(normalizeFurnitureLine("  16.8k   SHARES "), "0.0k shares");
});

test("recurring web boilerplate is removed, but a recurring real sentence or table line is kept", () => {
  const recurringLines = ["Story continued below", "Terms were not disclosed.", "Shr 12 cts vs 10 cts"];
  const docs = [1, 2, 3].map(() => paras(...recurringLines));
  const evidence = collectFurnitureEvidence(docs);
  const { kept, removed } = removeFurniture(paras(body[0], ...recurringLines, body[1]), evidence);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["recurring", "Story continued below"]]);
  assert.deepEqual(kept.map((p) => p.text), [body[0], "Terms were not disclosed.", "Shr 12 cts vs 10 cts", body[1]]);
});

test("a long paragraph is never removed as recurring, however often it appears", () => {
  const long = `Subscribe: ${"the county commission discussed the budget at length ".repeat(5)}`;
  const evidence = collectFurnitureEvidence([1, 2, 3].map(() => paras(long)));
  assert.deepEqual(evidence.recurring, []);
  assert.equal(removeFurniture(paras(long, ...body), evidence).kept.length, 3);
});

test("photo credits are removed, but a PHOTO: headline is kept", () => {
  const headline = "PHOTO: Reporter Snaps Pic of Typical Fan at Rally";
  const { kept, removed } = removeFurniture(
    paras(headline, "Featured image via Joe Raedle/Getty Images", ...body, "Photo by Justin Sullivan/Getty Images"),
    NO_FURNITURE_EVIDENCE,
  );
  assert.deepEqual(kept.map((p) => p.text), [headline, ...body]);
  assert.deepEqual(removed.map((r) => r.line), [2, 5]);
});

test("a long real paragraph ending 'contributed reporting.' is kept; only a short credit line goes", () => {
  const paragraph =
    "The county's own auditors, who spent most of last year going through the jail's booking records one by one, " +
    "found that the policy had been applied unevenly for years, with some deputies honoring every federal request " +
    "and others none at all; the report they wrote, which the commission never published, was obtained by a " +
    "neighborhood newspaper whose volunteers contributed reporting.";
  assert.ok(paragraph.length > 300 && paragraph.length < 400, `${paragraph.length}`);
  const credit = "Jane Roe contributed reporting.";
  const { kept, removed } = removeFurniture(paras(body[0], paragraph, body[1], credit), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), [body[0], paragraph, body[1]]);
  assert.deepEqual(removed.map((r) => r.text), [credit]);
});

// ---------------------------------------------------------------------------------------
// What archive-wide furniture evidence says, read off `collectFurnitureEvidence` directly:
// how many articles make a line recurring at each archive size, which words are the
// archive's common words, and the limits on what counts as a top line. Each check also
// shows what a reader would see: a line taken as furniture, or kept.

/** `count` one-line articles, each a different line without digits. */
function fillers(count: number): Paragraph[][] {
  const name = (i: number) => i.toString(26).replace(/[0-9]/g, (d) => "qrstuvwxyz"[Number(d)]);
  return Array.from({ length: count }, (_, i) => paras(`Filler ${name(i)} story`));
}

test("a line recurs from 3 articles, or 0.5% of the archive rounded up, and never needs more than 25", () => {
  for (const [size, min] of [
    [10, 3],
    [599, 3],
    [601, 4],
    [1_000, 5],
    [1_001, 6],
    [5_001, 25],
  ]) {
    assert.equal(collectFurnitureEvidence(fillers(size)).minArticles, min, `${size} articles`);
  }
  // In an archive of 1,000, a boilerplate line in 5 articles is furniture; in 4 it is not.
  const archive = (copies: number) => {
    const docs = fillers(1_000);
    for (let i = 0; i < copies; i++) docs[i] = paras(docs[i][0].text, "Advertisement");
    return docs;
  };
  assert.deepEqual(collectFurnitureEvidence(archive(5)).recurring, ["advertisement"]);
  assert.deepEqual(collectFurnitureEvidence(archive(4)).recurring, []);
});

test("a line printed three times in one article is not recurring: it counts once per article", () => {
  const docs = [paras("Advertisement", "Advertisement", "Advertisement"), paras("Advertisement"), ...fillers(3)];
  assert.deepEqual(collectFurnitureEvidence(docs).recurring, []);
  assert.deepEqual(collectFurnitureEvidence([...docs, paras("Advertisement")]).recurring, ["advertisement"]);
});

test("a recurring line is at most 160 characters: a longer one is a paragraph of reporting", () => {
  const line = (n: number) => `Subscribe to our newsletter ${"for the latest news ".repeat(10)}`.slice(0, n - 1) + "s";
  const recurring = (n: number) => collectFurnitureEvidence(["Monday", "Tuesday", "Friday"].map((day) => paras(`The council met on ${day}.`, line(n)))).recurring;
  assert.deepEqual(recurring(160), [normalizeFurnitureLine(line(160))]);
  assert.deepEqual(recurring(161), []);
});

test("a blank line is never evidence, however many articles have one", () => {
  const docs = ["Monday", "Tuesday", "Friday"].map((day) => paras(" ", `The council met on ${day}.`));
  assert.deepEqual(collectFurnitureEvidence(docs).recurring, []);
});

test("a word is common when 5% of the archive's articles use it near their top, and only from 40 articles", () => {
  const zeppelin = (at: number) => paras(...Array.from({ length: at }, (_, i) => `Line ${"abcdefghij"[i]} here`), "Zeppelin landed");
  const common = (docs: Paragraph[][]) => collectFurnitureEvidence(docs).commonStems ?? [];
  // 2 of 40 articles is 5%: common; 2 of 41 is under 5%.
  assert.ok(common([...fillers(38), zeppelin(0), zeppelin(1)]).includes("zeppe"));
  assert.ok(!common([...fillers(39), zeppelin(0), zeppelin(1)]).includes("zeppe"));
  // 39 articles are too few to tell: no word is common, not even one every article uses.
  assert.deepEqual(common([...fillers(37), zeppelin(0), zeppelin(1)]), []);
  assert.deepEqual(common(fillers(40)), ["fille", "story"], "the words every article uses, and no others");
  // Only an article's first 8 paragraphs count (its top lines and the story's start).
  assert.ok(common([...fillers(38), zeppelin(7), zeppelin(7)]).includes("zeppe"));
  assert.ok(!common([...fillers(38), zeppelin(8), zeppelin(8)]).includes("zeppe"));
});

const stories = [
  "The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.",
  "The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.",
  "The sheriff told the commission that the county jail held more inmates than it was built for, for a third month.",
];

test("a banner is one of an article's first three lines, at most 100 characters, and stands above different lines each time", () => {
  const openers = (docs: Paragraph[][]) => collectFurnitureEvidence(docs).openers;
  const headline = ["Council Keeps Policy", "Mayor Vows Appeal", "Sheriff Says Jail Is Full"];
  const dek = ["Seven to six after a long night", "The ruling is a mistake, he says", "A third month over capacity"];
  assert.deepEqual(openers(stories.map((s, i) => paras(headline[i], dek[i], "The Daily Post", s))), ["the daily post"]);
  assert.deepEqual(openers(stories.map((s, i) => paras(headline[i], dek[i], `Page ${"abc"[i]}`, "The Daily Post", s))), []);
  // 100 characters is a banner's length; 101 is a templated story's lead.
  const long = (n: number) => `The Daily Post, ${"news and views ".repeat(10)}`.slice(0, n - 1) + "s";
  assert.equal(long(100).length, 100);
  assert.deepEqual(openers(stories.map((s) => paras(long(100), s))), [normalizeFurnitureLine(long(100))]);
  assert.deepEqual(openers(stories.map((s) => paras(long(101), s))), []);
  // The lines under it are told apart by their first 60 characters...
  const under = (tail: string, at: number) => paras("The Daily Post", `${"A".repeat(at)}${tail} and the rest of the story follows here.`);
  assert.deepEqual(openers(["x", "y", "z"].map((t) => under(t, 59))), ["the daily post"]);
  assert.deepEqual(openers(["x", "y", "z"].map((t) => under(t, 60))), [], "the same article saved three times");
  // ...and by the three lines under it, not the fourth.
  const deep = (line: number, text: string) => paras("The Daily Post", ...[1, 2, 3, 4].map((k) => (k === line ? text : `Same line ${k} in every copy`)));
  assert.ok(openers(["x", "y", "z"].map((t) => deep(3, t))).includes("the daily post"));
  assert.ok(!openers(["x", "y", "z"].map((t) => deep(4, t))).includes("the daily post"));
});

test("navigation glued to headlines is up to five words, and leaves a headline of three words or more", () => {
  const rests = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling", "Sheriff Says Jail Is Full"];
  const prefixes = (nav: string, heads = rests) => collectFurnitureEvidence(heads.map((r, i) => paras(`${nav} ${r}`, stories[i]))).prefixes;
  assert.deepEqual(prefixes("Skip To Main Content Now"), ["skip to main content now"]);
  assert.deepEqual(prefixes("Skip To Main Content Now Please"), []);
  assert.deepEqual(prefixes("Site Navigation", ["Keeps Policy Now", "Vows Appeal Now", "Says Jail Full"]), ["site navigation"]);
  assert.deepEqual(prefixes("Site Navigation", ["Keeps Policy", "Vows Appeal", "Says Jail"]), []);
  // Words in capitals ending in a colon are the headline's kicker, in ordinary case they are navigation.
  assert.deepEqual(prefixes("JUST IN:"), []);
  // Glued to a word that starts in lowercase ("eBay", "iPhone"), it is the headline's own start.
  assert.deepEqual(prefixes("Menu", ["eBay Sales Rise Again This Year", "iPhone Sales Slow Down In Spring", "iPad Sales Hit A Record"]), []);
  // A line all in capitals is a headline, whatever starts it.
  assert.deepEqual(prefixes("SITE NAVIGATION", rests.map((r) => r.toUpperCase())), []);
  assert.deepEqual(prefixes("JUST IN: Council", ["Keeps Policy For Another Year", "Delays Vote On Jail Budget", "Rejects Plan For New Ward"]), []);
  assert.deepEqual(prefixes("Latest News:"), ["latest news:"]);
});

test("a line is a site's banner when it stands above a headline of at most 160 characters with a story under it, not above a table row", () => {
  const banners = (second: (i: number) => string, withStory = true) =>
    collectFurnitureEvidence(headlines.map((_, i) => paras("County Courier", second(i), ...(withStory ? [stories[i]] : [])))).bannerOpeners;
  assert.deepEqual(banners((i) => headlines[i]), ["county courier"]);
  assert.deepEqual(banners((i) => headlines[i], false), [], "a headline with no story under it");
  assert.deepEqual(banners((i) => `Shr ${i + 10} cts vs ${i + 8} cts`), []);
  const long = (n: number) => (i: number) => `${headlines[i]} ${"And Then More Words Here ".repeat(10)}`.slice(0, n - 1) + "s";
  assert.deepEqual(banners(long(160)), ["county courier"]);
  assert.deepEqual(banners(long(161)), []);
});

test("a line opening many articles is a banner unless it is a dated or agency dateline: then it starts each story", () => {
  const evidence = (line: string) => {
    const e = collectFurnitureEvidence(headlines.map((h, i) => paras(line, h, stories[i])));
    return [e.openers, e.pairOpeners, e.bannerOpeners];
  };
  assert.deepEqual(evidence("LONDON, March 2 - morning report"), [[], [], []]);
  assert.deepEqual(evidence("LONDON (Reuters) - morning report"), [[], [], []]);
  const two = collectFurnitureEvidence(headlines.slice(0, 2).map((h, i) => paras("LONDON, March 2 - morning report", h, stories[i])));
  assert.deepEqual([two.openers, two.pairOpeners], [[], []]);
  assert.deepEqual(evidence("LONDON - morning report"), [["london - morning report"], [], ["london - morning report"]]);
});

test("a dated dateline that opens two articles of one site is that site's stories, not its banner", () => {
  const docs = ["Markets steady as rates hold", "Oil slips on supply worries"].map((rest, i) => paras("LONDON, March 2 - morning report", rest, stories[i]));
  const evidence = collectFurnitureEvidence(docs, ["Wire", "Wire"]);
  assert.deepEqual([evidence.openers, evidence.pairOpeners], [[], []]);
  assert.equal(removeFurniture(docs[0], evidence, "Wire").kept[0].text, "LONDON, March 2 - morning report");
});

const headlines = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling In Court", "Sheriff Says Jail Is Full Again"];

test("a site's name after the headline is evidence when it is a name, after a headline of three words or more, among the top three lines", () => {
  const suffixes = (docs: Paragraph[][]) => collectFurnitureEvidence(docs).suffixes;
  assert.deepEqual(suffixes(headlines.map((h, i) => paras(`${h} | The Daily Post`, stories[i]))), ["| the daily post"]);
  assert.deepEqual(suffixes(["Council Keeps Policy", "Mayor Vows Appeal", "Sheriff Wins Race"].map((h, i) => paras(`${h} | The Daily Post`, stories[i]))), ["| the daily post"]);
  assert.deepEqual(suffixes(["Council Wins", "Mayor Resigns", "Sheriff Wins"].map((h, i) => paras(`${h} | The Daily Post`, stories[i]))), [], "two words left are no headline");
  assert.deepEqual(suffixes(headlines.map((h, i) => paras(`${h} | the daily post`, stories[i]))), [], "a name starts with a capital");
  assert.deepEqual(suffixes(headlines.map((h, i) => paras(`${h} | the Daily Post`, stories[i]))), [], "a name starts with a capital");
  assert.deepEqual(suffixes(headlines.map((h, i) => paras(`${h} | Post 24`, stories[i]))), [], "a name has no digits");
  // The third line may carry it; the fourth is the story.
  const at = (line: number) => headlines.map((h, i) => paras(...["Home", "Latest", "Menu"].slice(0, line - 1), `${h} | The Daily Post`, stories[i]));
  assert.deepEqual(suffixes(at(3)), ["| the daily post"]);
  assert.deepEqual(suffixes(at(4)), []);
  // A top line counts up to 160 characters.
  const padded = (n: number) => headlines.map((h, i) => {
    const line = `${h} | The Daily Post`;
    return paras(`${"Very ".repeat(40)}`.slice(0, n - line.length - 1) + ` ${line}`, stories[i]);
  });
  assert.equal(padded(160)[0][0].text.length, 160);
  assert.deepEqual(suffixes(padded(160)), ["| the daily post"]);
  assert.deepEqual(suffixes(padded(161)), []);
});

test("a site's name after two articles' headlines is weaker evidence, and only when the headlines differ", () => {
  const evidence = collectFurnitureEvidence(headlines.slice(0, 2).map((h, i) => paras(`${h} | The Daily Post`, stories[i])));
  assert.deepEqual([evidence.suffixes, evidence.pairSuffixes], [[], ["| the daily post"]]);
  const saved = collectFurnitureEvidence([0, 0].map((i) => paras(`${headlines[i]} | The Daily Post`, stories[i])));
  assert.deepEqual([saved.suffixes, saved.pairSuffixes], [[], []]);
  // Headlines are told apart by their first 60 characters.
  const long = (end: string, at: number) => paras(`${"Council Keeps Policy For Another Year And Then Some More After A Long Night ".slice(0, at)}${end} | The Daily Post`, stories[0]);
  assert.deepEqual(collectFurnitureEvidence([long("Vote", 59), long("Rule", 59)]).pairSuffixes, ["| the daily post"]);
  assert.deepEqual(collectFurnitureEvidence([long("Vote", 60), long("Rule", 60)]).pairSuffixes, []);
  // Two articles of a site named in front matter: strong evidence for that site.
  const named = collectFurnitureEvidence(headlines.slice(0, 2).map((h, i) => paras(`${h} | The Daily Post`, stories[i])), ["Daily Post", "Daily Post"]);
  assert.deepEqual(named.suffixes, ["daily post\u0001| the daily post"]);
});

const story = [
  "The county commission voted 7-6 on Friday to keep the policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents said they would take the decision to court, and the sheriff said his deputies would follow the law as it stands.",
];
const keptAfterStory = (...lines: string[]) => removeFurniture(paras("Council Keeps Policy", ...story, ...lines), NO_FURNITURE_EVIDENCE).kept.map((p) => p.text).slice(3);

test("a link list under a label is headlines: a sentence, a two-word line or a dated wire story under the label stays", () => {
  assert.deepEqual(keptAfterStory("Related Stories", "Mayor Unveils Plan for the River Walk", "Storm Closes Three Beaches"), []);
  assert.deepEqual(keptAfterStory("Related Stories", "Storm Closes Beaches"), []);
  assert.deepEqual(keptAfterStory("Related Stories", "Storm Closes"), ["Related Stories", "Storm Closes"]);
  for (const end of [".", ":", ";", ",", ".”", ",\""]) {
    const line = `The mayor unveiled a plan for the river walk${end}`;
    assert.deepEqual(keptAfterStory("Related Stories", line), ["Related Stories", line], line);
  }
  assert.deepEqual(keptAfterStory("Related Stories", "Shr 12 cts vs 10 cts 1987"), ["Related Stories", "Shr 12 cts vs 10 cts 1987"]);
  // An undated wire heading is a link; a dated dateline or an agency's starts a story.
  assert.deepEqual(keptAfterStory("Related Stories", "ECONOMIC SPOTLIGHT - BANKAMERICA"), []);
  for (const lead of ["LONDON, March 2 - Bank shares fell", "LONDON (Reuters) - Bank shares fell"]) {
    assert.deepEqual(keptAfterStory("Related Stories", lead), ["Related Stories", lead], lead);
  }
  // A link line is at most 160 characters.
  const long = (n: number) => `Mayor Unveils Plan ${"And More ".repeat(20)}`.slice(0, n);
  assert.deepEqual(keptAfterStory("Related Stories", long(160)), []);
  assert.deepEqual(keptAfterStory("Related Stories", long(161)), ["Related Stories", long(161)]);
});

test("a list of links is at most eight lines under its label: a ninth headline-shaped line is the reader's", () => {
  const links = Array.from({ length: 9 }, (_, i) => `Storm Closes ${"ABCDEFGHI"[i]} Beaches Again`);
  assert.deepEqual(keptAfterStory("Related Stories", ...links.slice(0, 8)), []);
  assert.deepEqual(keptAfterStory("Related Stories", ...links), [links[8]]);
});

test("a recurring label at the very end of the story goes", () => {
  const evidence = { ...NO_FURNITURE_EVIDENCE, recurring: ["related posts"] };
  const { kept, removed } = removeFurniture(paras("Council Keeps Policy", ...story, "Related Posts"), evidence);
  assert.deepEqual(kept.map((p) => p.text), ["Council Keeps Policy", ...story]);
  assert.deepEqual(removed.map((r) => [r.kind, r.text]), [["recurring", "Related Posts"]]);
});

test("the evidence is the same whatever order the articles come in, each list sorted (the cache key is built from it)", () => {
  const docs = [
    paras("Share this", "Reuter", "Advertisement", "Mayor Vows To Fight Ruling", stories[1]),
    paras("Advertisement", "Share this", "Reuter", "Council Keeps Policy For Another Year", stories[0]),
    paras("Reuter", "Advertisement", "Share this", "Sheriff Says Jail Is Full Again", stories[2]),
    paras("Menu Judge Orders New Count In Ward Race | Valley Voice", "A circuit judge ordered election officials to count the ballots again by hand before Friday."),
    paras("Menu Storm Closes Three Beaches | Valley Voice", "Officials closed three beaches on Monday as the storm came ashore with high winds."),
    paras("Menu Zoo Welcomes Twin Otters | Valley Voice", "The zoo said the twin otters were born on Sunday and were doing well, keepers said."),
  ];
  const forward = collectFurnitureEvidence(docs);
  assert.deepEqual(forward.recurring, ["advertisement", "reuter", "share this"]);
  assert.deepEqual(forward.openers, ["advertisement", "reuter", "share this"]);
  assert.deepEqual([forward.prefixes, forward.suffixes], [["menu"], ["| valley voice"]]);
  assert.deepEqual(collectFurnitureEvidence([...docs].reverse()), forward);
});

test("a word glued before headlines is navigation when the archive's stories never use it as a word ('menus' is another word)", () => {
  const menu = headlines.map((h, i) => paras(`Menu ${h}`, stories[i]));
  const others = (words: string[]) => words.map((w, i) => paras(`Diner Report ${"abc"[i]}`, `The diner changed its ${w} options again this week, the owners said on Monday.`));
  assert.deepEqual(collectFurnitureEvidence([...menu, ...others(["menus", "menuboard", "menus"])]).prefixes, ["menu"]);
  assert.deepEqual(collectFurnitureEvidence([...menu, ...others(["submenu", "premenu", "submenu"])]).prefixes, ["menu"]);
  assert.deepEqual(collectFurnitureEvidence([...menu, ...others(["menu-driven", "menu", "(menu)"])]).prefixes, []);
  const uses = ["menu", "menu", "menu"].map((w, i) => paras(`Diner Report ${"abc"[i]}`, `The diner changed its ${w} again this week, the owners said on ${["Monday", "Friday", "Sunday"][i]}.`));
  assert.deepEqual(collectFurnitureEvidence([...menu, ...uses]).prefixes, []);
});

test("a first word the story opens with is the headline's subject, not navigation ('Inside Council …' over 'Inside the hall …')", () => {
  const docs = ["Keeps Policy For Another Year", "Delays Vote On Jail Budget", "Rejects Plan For New Ward"].map((rest, i) =>
    paras(`Inside Council ${rest}`, `Inside the hall, ${stories[i].slice(4)}`),
  );
  const evidence = collectFurnitureEvidence(docs);
  assert.deepEqual(evidence.prefixes, []);
  assert.equal(removeFurniture(docs[0], evidence).kept[0].text, "Inside Council Keeps Policy For Another Year");
});

test("a banner over a headline in only two of its three articles is no banner-over-headline evidence", () => {
  const docs = [paras("County Courier", headlines[0], stories[0]), paras("County Courier", headlines[1], stories[1]), paras("County Courier", stories[2])];
  const evidence = collectFurnitureEvidence(docs);
  assert.deepEqual([evidence.openers, evidence.bannerOpeners], [["county courier"], []]);
});

test("two articles give weaker evidence: a top line above two different headlines, navigation of three words; a named site's two articles give full evidence", () => {
  const two = (top: (h: string) => string, sites?: string[]) => {
    const e = collectFurnitureEvidence(headlines.slice(0, 2).map((h, i) => paras(top(h), ...(top(h) === h ? [] : [h]), stories[i])), sites);
    return { openers: e.openers, pairOpeners: e.pairOpeners, prefixes: e.prefixes };
  };
  assert.deepEqual(two(() => "Prairie Ledger"), { openers: [], pairOpeners: ["prairie ledger"], prefixes: [] });
  assert.deepEqual(two(() => "Prairie Ledger", ["Ledger", "Ledger"]), { openers: ["ledger\u0001prairie ledger"], pairOpeners: ["prairie ledger"], prefixes: [] });
  const saved = collectFurnitureEvidence([0, 0].map((i) => paras("Prairie Ledger", headlines[i], stories[i])));
  assert.deepEqual([saved.openers, saved.pairOpeners], [[], []], "one article saved twice");
  // One word glued to two headlines is too little, unless the site is named.
  assert.deepEqual(two((h) => `Menu ${h}`).prefixes, []);
  assert.deepEqual(two((h) => `Menu ${h}`, ["Ledger", "Ledger"]).prefixes, ["ledger\u0001menu"]);
  assert.deepEqual(two((h) => `Home News Politics ${h}`, ["Ledger", "Ledger"]).prefixes, ["home news politics", "ledger\u0001home news politics"]);
});

test("a headline's start that one article's story uses is the headline's subject in every article ('Mayor Lee …')", () => {
  const docs = [
    paras("Mayor Lee Opens The New Library", "Children queued for an hour on Monday as Mayor Lee opened the new library and the first books went out."),
    ...["Vows To Fight Ruling In Court", "Says The Budget Is Balanced", "Names A New Police Chief"].map((rest, i) =>
      paras(`Mayor Lee ${rest}`, ["The city will appeal the ruling, its lawyers said.", "The budget office agreed with the figures.", "The new chief starts work in the spring."][i]),
    ),
  ];
  const evidence = collectFurnitureEvidence(docs);
  assert.deepEqual(evidence.prefixes, []);
  assert.equal(removeFurniture(docs[1], evidence).kept[0].text, "Mayor Lee Vows To Fight Ruling In Court");
});

// The length caps of the line rules, at their exact limits: a line one character longer
// is a paragraph of reporting that stays.
test("a contributor credit is at most 300 characters and a photo caption with its credit at most 400", () => {
  const credit = (n: number) => {
    const tail = "Zed Quaterman contributed reporting.";
    return "Jane Roe, John Doe, Ann Lee, Bob Ray, Kim Poe, Sam Fox, Tom Orr, Liz Day, Max Lum, Pat Yu, Ray Ko, Sue Ng, Al Bo, Cy Do, Di Fo, Ed Go, Flo Ho, Gus Jo, Hal Lo, Ida Mo, Jo Ro, Kai So, Lou To, Mia Vo, Ned Wu, Oz Xi, Peg Yo, Quin Zu, Rex Ab, Sal Cd, Ty Ef, Uma Gh, Vic Ij, Wes Kl, Xia Mn and ".slice(0, n - tail.length) + tail;
  };
  assert.equal(credit(300).length, 300);
  assert.deepEqual([isContributorCredit(credit(300)), isContributorCredit(credit(301))], [true, false]);
  assert.deepEqual(keptAfterStory(credit(300)), []);
  assert.deepEqual(keptAfterStory(credit(301)), [credit(301)]);
  const caption = (n: number) => {
    const tail = " REUTERS/John Doe";
    return `The mayor speaks at a rally. ${"The crowd cheered and the band played on. ".repeat(10)}`.slice(0, n - tail.length) + tail;
  };
  assert.equal(caption(400).length, 400);
  assert.deepEqual([isPhotoCredit(caption(400)), isPhotoCredit(caption(401))], [true, false]);
});

test("a bar of share buttons is at most six words and 80 characters", () => {
  assert.deepEqual(keptAfterStory("Share Tweet Email Print Pin Facebook"), []);
  assert.deepEqual(keptAfterStory("Share Tweet Email Print Pin Facebook Twitter"), ["Share Tweet Email Print Pin Facebook Twitter"]);
  const bar = (n: number) => `Facebook | Twitter | Pinterest | LinkedIn | WhatsApp | Flipboard${" |".repeat(10)}`.slice(0, n);
  assert.equal(bar(80).length, 80);
  assert.deepEqual(keptAfterStory(bar(80)), []);
  assert.deepEqual(keptAfterStory(`${bar(80)} `), [`${bar(80)} `]);
});

test("a recurring label below the story: up to eight words, a tenth of it digits, not beside a table row, not ending like a sentence", () => {
  const after = (label: string, ...more: string[]) =>
    removeFurniture(paras("Council Keeps Policy", ...story, ...more, label), { ...NO_FURNITURE_EVIDENCE, recurring: [normalizeFurnitureLine(label)] }).kept.map((p) => p.text).slice(3);
  assert.deepEqual(after("More From Our Partners In The Region Today"), []);
  assert.deepEqual(after("More From Our Partners In The Region Today Too"), ["More From Our Partners In The Region Today Too"]);
  // "U.S. News" has full stops inside, not at its end.
  assert.deepEqual(after("U.S. News"), []);
  assert.deepEqual(after("Read the U.S. News."), ["Read the U.S. News."]);
  // One digit in ten characters is a label's; more is a table's.
  assert.deepEqual(after("Top 5 news"), []);
  assert.deepEqual(after("Top 50 news"), ["Top 50 news"]);
  // Under a table row it is the table's label.
  assert.deepEqual(after("Nine mths", "Shr 12 cts vs 10 cts"), ["Shr 12 cts vs 10 cts", "Nine mths"]);
});

test("a line of digits is a table row above a quarter digits, or above an eighth in two numbers or more", () => {
  // Under a list label, a table row is not a link (the list stops there).
  const row = (line: string) => keptAfterStory("Related Stories", line).length === 2;
  assert.equal("Storm Hits Beaches 123456".length, 25);
  assert.equal(row("Storm Hits Beaches 123456"), false, "6 digits of 25, one number");
  assert.equal(row("Storm Hits Beache 1234567"), true, "7 digits of 25");
  assert.equal(row("Storm Hits Beaches 12 3xy"), false, "3 digits of 25 in two numbers");
  assert.equal(row("Storm Hits Beaches 12 34y"), true, "4 digits of 25 in two numbers");
  assert.equal(row("Storm Hits Beaches 1234yz"), false, "4 digits of 25 in one number");
});

test("the story starts at its first paragraph of 100 characters: recurring labels and link lists come after it", () => {
  const lead = (n: number) => `The county commission voted to keep the policy in place after a long meeting on ${"Friday night and more ".repeat(5)}`.slice(0, n - 1) + ".";
  const evidence = { ...NO_FURNITURE_EVIDENCE, recurring: ["around town"] };
  const kept = (n: number) => removeFurniture(paras("Council Keeps Policy", lead(n), "Around Town"), evidence).kept.map((p) => p.text);
  assert.deepEqual(kept(100), ["Council Keeps Policy", lead(100)]);
  assert.deepEqual(kept(99), ["Council Keeps Policy", lead(99), "Around Town"]);
});

test("a recurring line or an Up Next label over headlines is a list label: the list goes with it as related links", () => {
  const evidence = { ...NO_FURNITURE_EVIDENCE, recurring: ["around town"] };
  const { kept, removed } = removeFurniture(paras("Council Keeps Policy", ...story, "Around Town", "Mayor Unveils Plan for the River Walk", "Storm Closes Three Beaches"), evidence);
  assert.deepEqual(kept.map((p) => p.text), ["Council Keeps Policy", ...story]);
  assert.deepEqual(removed.map((r) => r.kind), ["related-links", "related-links", "related-links"]);
  // A label is at most 60 characters.
  const label = (n: number) => `More from ${"The Daily Post and friends ".repeat(3)}`.slice(0, n);
  assert.equal(label(60).length, 60);
  assert.deepEqual(keptAfterStory(label(60), "Mayor Unveils Plan for the River Walk"), []);
  assert.deepEqual(keptAfterStory(label(61), "Mayor Unveils Plan for the River Walk"), [label(61), "Mayor Unveils Plan for the River Walk"]);
});

test("a call to share, a sign-up prompt and a cookie notice each have a length cap, kept to the character", () => {
  /** `start`, padded with ordinary words, then `end`, `n` characters in all. */
  const line = (start: string, end: string, n: number) => `${start}${"and the rest of it ".repeat(20)}`.slice(0, n - end.length) + end;
  const cases: Array<[string, string, number]> = [
    ["Share this story on Facebook ", " with friends", 300],
    ["Sign up for our newsletter ", " today", 200],
    ["We use cookies ", " to improve our site", 300],
  ];
  for (const [start, end, cap] of cases) {
    assert.equal(line(start, end, cap).length, cap);
    assert.deepEqual(keptAfterStory(line(start, end, cap)), [], `${start}… at ${cap}`);
    assert.deepEqual(keptAfterStory(line(start, end, cap + 1)), [line(start, end, cap + 1)], `${start}… at ${cap + 1}`);
  }
});
