import assert from "node:assert/strict";
import { test } from "node:test";
import {
  collectFurnitureEvidence,
  NO_FURNITURE_EVIDENCE,
  normalizeFurnitureLine,
  removeFurniture,
} from "../../src/ingest/furniture.ts";
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
