import assert from "node:assert/strict";
import { test } from "node:test";
import { ingestArchive, type IngestedArticle } from "../../src/ingest/pipeline.ts";

/**
 * A site's "latest news" block printed under the headline of every story (Politico
 * Europe's, in ten BuzzFeed-Webis articles): a time, a byline and a teaser per item. Its
 * first byline was read as the author of each article, and its teasers were the body.
 */
const RIVER = [
  ["11/19/16, 3:14 PM CET", "BY Chris Spillane", "So is anti-establishment message of the party, the leader said."],
  ["11/19/16, 1:55 PM CET", "BY Sarah Wheaton", "Alumni of the old administration spent days mourning the result."],
  ["11/19/16, 11:37 AM CET", "BY Chris Spillane", "Minister says the chance of an attack in the country is real."],
  ["11/19/16, 10:38 AM CET", "BY Nina Castell", "Government could focus on starting the process of leaving sooner."],
].flat();

const STORIES = [
  { headline: "Rome withdraws its Olympic bid", author: "Hortense Goulard", lead: "ROME — The city council voted on Wednesday to withdraw the capital's bid for the 2024 Olympic Games, ending months of argument over its cost." },
  { headline: "Iceland considers suing a supermarket", author: "Cynthia Kroet", lead: "The government of Iceland said it was considering legal action against a British supermarket chain over the use of the country's name in its brand." },
  { headline: "Refugee children get little schooling", author: "Zia Weise", lead: "Thousands of refugee children who reached Greece last year have spent months without any schooling, aid agencies said in a report on Tuesday." },
  // Its author wrote an item of the block too, and a long photo caption stands between.
  {
    headline: "Hate crime threatens peace in the east",
    author: "Sarah Wheaton",
    caption: "Demonstrators against the arrival of refugees stand guarded by policemen near a refugee camp on August 24, 2015 in the town of Heidenau, near Dresden | Sean Gallup/Getty Images",
    lead: "Violent acts targeting foreigners and migrants have sharply risen in the eastern part of the country in recent years, the government warned in a report.",
  },
];

function page(story: { headline: string; author: string; lead: string; caption?: string }, river: string[]): string {
  return [story.headline, ...river, ...(story.caption ? [story.caption] : []), `By ${story.author}`, "9/20/16, 5:23 PM CET", story.lead, "Officials said a decision on the next steps would be taken at a meeting later this month, after the report had been studied in full by ministers."].join("\n\n");
}

/** Filler articles, so the archive is big enough that a line alone must recur in more than three of them. */
function fillers(count: number): { file: string; bytes: Buffer }[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `filler-${String(i).padStart(4, "0")}.txt`,
    bytes: Buffer.from(`Harbour report number ${i} for the district\n\nThe harbour authority said on Monday that traffic through district ${i} rose by ${i % 17} percent in the quarter, helped by new ferry routes and a busier summer.\n`),
  }));
}

function ingest(files: { file: string; bytes: Buffer }[]): Map<string, IngestedArticle> {
  const result = ingestArchive(files, { now: new Date("2026-11-23T00:00:00Z") });
  return new Map(result.articles.map((a) => [a.record.source_file, a]));
}

const politico = (river = RIVER, stories = STORIES) => stories.map((story, i) => ({ file: `politico-${i}.txt`, bytes: Buffer.from(page(story, river)) }));

test("a block of recurring lines under the headlines of three stories is the site's, not the story's: each keeps its own byline and body", () => {
  const articles = ingest(politico());
  STORIES.forEach((story, i) => {
    const a = articles.get(`politico-${i}.txt`)!;
    assert.equal(a.record.title, story.headline);
    assert.deepEqual(a.record.authors, [story.author]);
    assert.ok(a.body.some((p) => p.startsWith(story.lead.slice(0, 20))), "the story stays");
    for (const line of RIVER.filter((l) => !/\d/.test(l))) assert.ok(!a.body.includes(line), `"${line}" is gone from the body`);
    assert.ok(!a.record.people.includes("Sarah Wheaton") && !a.record.people.includes("Nina Castell"), "the block's bylines name no one in the story");
    const removed = (a.record.removed ?? []).filter((r) => r.kind === "recurring").map((r) => r.text);
    assert.deepEqual(removed, RIVER, "every line of the block is listed as repeated site text, the story's own byline and time not among them");
  });
});

test("a story's own time stamp under the block stays, though it recurs by its shape", () => {
  const undersigned = STORIES.map((story) => ({ ...story, author: "" }));
  const files = undersigned.map((story, i) => ({ file: `nobyline-${i}.txt`, bytes: Buffer.from([story.headline, ...RIVER, "9/20/16, 5:23 PM CET", story.lead, "Officials said a decision would be taken at a meeting later this month, after the report had been studied by ministers."].join("\n\n")) }));
  for (const a of ingest(files).values()) {
    assert.equal(a.body[0], "9/20/16, 5:23 PM CET");
    assert.ok(!a.body.includes("BY Sarah Wheaton"));
  }
});

test("in a big archive the block counts from three articles, where a line alone must recur in more", () => {
  const articles = ingest([...politico(), ...fillers(1_200)]);
  STORIES.forEach((story, i) => assert.deepEqual(articles.get(`politico-${i}.txt`)!.record.authors, [story.author]));
});

test("the same block in two articles only is not evidence of a site: it stays", () => {
  const articles = ingest(politico(RIVER, STORIES.slice(0, 2)));
  assert.ok(articles.get("politico-0.txt")!.body.includes("Alumni of the old administration spent days mourning the result."));
});

test("a block shorter than six recurring lines stays", () => {
  // Two items: four lines without digits.
  const short = RIVER.slice(0, 6);
  const articles = ingest(politico(short));
  assert.ok(articles.get("politico-1.txt")!.body.includes("Alumni of the old administration spent days mourning the result."));
});

test("copies of one story are left whole, though their short lines recur", () => {
  const lines = ["Budget talks resume", "Talks resumed on Monday.", "Both sides met at noon.", "No deal was reached.", "A spokesman declined to comment.", "Talks continue on Tuesday.", "Markets were calm.", "Shares rose slightly."];
  const last = "The finance minister told reporters after the meeting that she still expected an agreement on the budget before the end of the month, though several points remained open.";
  const copies = Array.from({ length: 3 }, (_, i) => ({ file: `copy-${i}.txt`, bytes: Buffer.from([...lines, last].join("\n\n")) }));
  const articles = ingest(copies);
  assert.equal(articles.size, 3);
  for (const a of articles.values()) assert.deepEqual(a.body, [...lines.slice(1), last]);
});

test("articles whose whole text is the same short lines under different headlines keep them: no story follows the block", () => {
  const lines = ["Talks resumed on Monday.", "Both sides met at noon.", "No deal was reached.", "A spokesman declined to comment.", "Talks continue on Tuesday.", "Markets were calm.", "Shares rose slightly."];
  const articles = ingest(["Budget talks resume", "Budget talks go on", "No budget deal yet"].map((headline, i) => ({ file: `short-${i}.txt`, bytes: Buffer.from([headline, ...lines].join("\n\n")) })));
  assert.equal(articles.size, 3);
  for (const a of articles.values()) assert.deepEqual(a.body, lines);
});

test("a wire's results table under the headline stays, though its rows recur by their shape", () => {
  const table = (company: string, i: number) =>
    [`${company} INC 4TH QTR NET`, `NEW YORK, March ${i + 2} - Shr ${40 + i} cts vs ${70 + i} cts`, `Net ${i + 2}.3 mln vs ${i + 3}.3 mln`, `Revs ${70 + i}.3 mln vs ${59 + i}.8 mln`, "Year", `Shr 1.${40 + i} dlrs vs 2.${50 + i} dlrs`, `Net ${i + 7}.6 mln vs ${i + 11}.1 mln`, `Revs ${260 + i}.7 mln vs ${220 + i}.7 mln`, `NOTE: 1985 net includes extraordinary gain of ${i + 1}.5 mln dlrs or ${30 + i} cts per share in 4th qtr and ${i + 5}.1 mln dlrs for the year.`, "Reuter"].join("\n\n");
  const companies = ["WILLCOX AND GIBBS", "ACME TOOL", "BAXTER FOODS", "CRANE LINES"];
  const articles = ingest(companies.map((c, i) => ({ file: `wire-${i}.txt`, bytes: Buffer.from(table(c, i)) })));
  assert.equal(articles.size, companies.length);
  for (const a of articles.values()) assert.ok(a.body.some((p) => p.startsWith("Net ")) && a.body.includes("Year"), `${a.record.source_file} keeps its table`);
});
