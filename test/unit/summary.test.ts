import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countWords, summarizeLead } from "../../src/ingest/summary.ts";

describe("word count (shown on each article)", () => {
  it("counts words as a reader would: contractions, hyphenated words, numbers and initials are one word each", () => {
    assert.equal(countWords(["The U.S. economy grew 3.5% in 2017, officials said."]), 9);
    assert.equal(countWords(["Miami-Dade's mayor didn't sign it."]), 5);
    assert.equal(countWords(["Café owners — all 12 of them — met."]), 7);
  });

  it("counts no word in punctuation alone, and adds up every paragraph", () => {
    assert.equal(countWords(["— … “ ” ?!"]), 0);
    assert.equal(countWords([]), 0);
    assert.equal(countWords(["One two.", "", "Three four five."]), 5);
  });
});

describe("the summary (article lists, feeds, search results, social cards)", () => {
  const lead = "The harbor council voted 5-2 on Tuesday to close the old ferry pier.";

  it("is the lead's first two sentences", () => {
    assert.equal(summarizeLead([`${lead} The pier opened in 1921. Repairs would cost $4 million.`]), `${lead} The pier opened in 1921.`);
    assert.equal(summarizeLead([`${lead} What happens next? Nobody knows.`]), `${lead} What happens next?`);
    assert.equal(summarizeLead([lead]), lead);
  });

  it("skips short paragraphs before the lead (a byline, a dateline) and uses the first one when all are short", () => {
    assert.equal(summarizeLead(["By Jane Doe", "MIAMI —", `${lead} It was a close vote.`]), `${lead} It was a close vote.`);
    assert.equal(summarizeLead(["Short one.", "Short two."]), "Short one.");
    assert.equal(summarizeLead([]), "");
  });

  it("does not end a sentence at a title, an initial, a month or a decimal point", () => {
    const text = "Mr. Smith and Gov. Rick Scott met John F. Kennedy Jr. in Feb. 2017 about the 3.5 percent levy. It failed. Then it passed.";
    assert.equal(summarizeLead([text]), "Mr. Smith and Gov. Rick Scott met John F. Kennedy Jr. in Feb. 2017 about the 3.5 percent levy. It failed.");
    assert.equal(summarizeLead(["The vote, e.g. the third, was close enough to matter here. Then it passed. Later."]), "The vote, e.g. the third, was close enough to matter here. Then it passed.");
  });

  it("keeps a closing quote or bracket with its sentence", () => {
    const text = "“We will not stop,” the mayor said of the long-planned pier closing. “Never.” (The council agreed.) More followed.";
    assert.equal(summarizeLead([text]), "“We will not stop,” the mayor said of the long-planned pier closing. “Never.”");
    assert.equal(summarizeLead(['The mayor said the long-planned pier closing "was done." 12 people left. More.']), 'The mayor said the long-planned pier closing "was done." 12 people left.');
  });

  it("stays within 280 characters: one sentence when two would be longer, a long one cut at a word with an ellipsis", () => {
    const long = `The council ${"and the harbor board ".repeat(11)}voted on Tuesday.`;
    assert.ok(long.length < 280 && long.length + lead.length > 280);
    assert.equal(summarizeLead([`${long} ${lead}`]), long);
    const tooLong = `The council voted, ${"after a long and heated debate, ".repeat(10)}to close the pier.`;
    const summary = summarizeLead([tooLong]);
    assert.ok(summary.length <= 281, `${summary.length} characters`);
    assert.ok(summary.endsWith("…"));
    assert.ok(tooLong.startsWith(summary.slice(0, -1)), "cut from the sentence itself");
    assert.match(summary, /[a-z]…$/, "no dangling comma or half word before the ellipsis");
  });

  it("ends sentences followed by two spaces too (old typing habits)", () => {
    assert.equal(summarizeLead([`${lead}  The pier opened in 1921.  Repairs would cost more.`]), `${lead} The pier opened in 1921.`);
  });

  it("keeps two sentences that fit exactly in the limit, and only the first when they are one character over", () => {
    const second = (length: number) => `It ${"x".repeat(length - 4)}.`;
    const fits = summarizeLead([`${lead} ${second(280 - lead.length - 1)}`]);
    assert.equal(fits, `${lead} ${second(280 - lead.length - 1)}`);
    assert.equal(fits.length, 280);
    assert.equal(summarizeLead([`${lead} ${second(280 - lead.length)}`]), lead);
  });

  it("drops a run of dashes and commas before the ellipsis, not just the last one", () => {
    const text = `${"a ".repeat(130)}budget,— ${"z".repeat(30)} more.`;
    assert.equal(summarizeLead([text]), `${"a ".repeat(130)}budget…`);
  });

  it("cuts at the given length, on a word boundary", () => {
    assert.equal(summarizeLead(["The harbor council voted on Tuesday to close the pier."], 30), "The harbor council voted on…");
    assert.equal(summarizeLead(["Supercalifragilisticexpialidocious words."], 10), "S…");
  });
});
