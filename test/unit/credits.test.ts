import { test } from "node:test";
import assert from "node:assert/strict";
import { contributorsOf, extractCredits, readContributionLine, readLeadCredit, readPhotoCredit, splitNames } from "../../src/ingest/credits.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

function ingestOne(...paragraphs: string[]) {
  const text = paragraphs.join("\n\n") + "\n";
  const result = ingestArchive([{ file: "story.txt", bytes: new TextEncoder().encode(text) }], { now: new Date("2026-01-01") });
  assert.equal(result.errors.length, 0, result.errors.map((e) => e.message).join("; "));
  return result.articles[0];
}

test("CNN's story highlights: the first is the dek, the others leave the story, and the wire tag under them gives source and dateline", () => {
  const a = ingestOne(
    "Harbour Board Backs New Ferry Dock",
    "Story highlights The board voted 5-2 for the dock after a year of debate",
    "Work could start in the spring, the board's chair said",
    "Portland, Maine (CNN) The harbour board on Tuesday backed plans for a new ferry dock, ending a year of debate.",
    "Opponents said the dock would crowd the working waterfront.",
  );
  assert.equal(a.record.dek, "The board voted 5-2 for the dock after a year of debate");
  assert.equal(a.record.source, "CNN");
  assert.equal(a.record.dateline, "Portland, Maine");
  assert.ok(a.body[0].startsWith("The harbour board on Tuesday backed"), a.body[0]);
  assert.ok(!a.body.some((p) => p.includes("Work could start in the spring")), "the second highlight is not the story");
  assert.deepEqual(a.record.removed.map((r) => [r.kind, r.text]), [["story-highlights", "Work could start in the spring, the board's chair said"]]);
  assert.ok(a.record.summary?.startsWith("The harbour board on Tuesday"), a.record.summary);
});

test("a wire tag glued to the first sentence is the source, and is cut from the text and the summary", () => {
  const a = ingestOne(
    "Clintons Plan A Foundation Overhaul",
    "(CNN)The Clintons will step back from their foundation if she wins, aides said on Thursday.",
    "The announcement came after weeks of questions about donors.",
  );
  assert.equal(a.record.source, "CNN");
  assert.ok(a.body[0].startsWith("The Clintons will step back"), a.body[0]);
  assert.ok(a.record.summary.startsWith("The Clintons"), a.record.summary);
  assert.ok(!a.record.summary.includes("(CNN)"));
});

test("a place before the wire tag is the dateline", () => {
  const a = ingestOne("Ryan Ducks Question", "Washington (CNN)House Speaker Paul Ryan ducked a question on Thursday about the nominee.", "He left quickly.");
  assert.equal(a.record.source, "CNN");
  assert.equal(a.record.dateline, "Washington");
  assert.ok(a.body[0].startsWith("House Speaker"));
});

test("only known wire tags are read, and only when the story follows them", () => {
  assert.equal(readLeadCredit("(Laughter) The crowd cheered."), undefined);
  assert.equal(readLeadCredit("(CNN) reported the figures first."), undefined);
  assert.deepEqual(readLeadCredit("(Reuters) - Oil prices rose on Monday."), { credit: { source: "Reuters", text: "(Reuters)" }, rest: "Oil prices rose on Monday." });
  assert.deepEqual(readLeadCredit("NEW YORK (CNNMoney) -- Stocks fell.")?.credit, { source: "CNN", text: "NEW YORK (CNNMoney)", place: "New York" });
});

test("a contributor line names its people, and its publisher when it names its own staff", () => {
  assert.deepEqual(readContributionLine("CNN's Dana Bash, Dylan Byers and Sara Murray contributed to this report.", 9), {
    kind: "contribution",
    text: "CNN's Dana Bash, Dylan Byers and Sara Murray contributed to this report.",
    line: 9,
    names: ["Dana Bash", "Dylan Byers", "Sara Murray"],
    publisher: "CNN",
  });
  const herald = readContributionLine("Miami Herald staff writer Douglas Hanks contributed to this report.", 1)!;
  assert.deepEqual([herald.names, herald.publisher], [["Douglas Hanks"], "Miami Herald"]);
  const ap = readContributionLine(
    "Associated Press writers Steve Karnowski and John Mone contributed to this report from St. Cloud, Minnesota, and Jeff Baenen contributed from Minneapolis.",
    1,
  )!;
  assert.deepEqual([ap.names, ap.publisher], [["Steve Karnowski", "John Mone", "Jeff Baenen"], "Associated Press"]);
  assert.deepEqual(readContributionLine("Nolan D. McCaskill and Madeline Conway contributed to this report.", 1)!.names, ["Nolan D. McCaskill", "Madeline Conway"]);
  const other = readContributionLine("Denver Post staff writer Jane Roe contributed to this report.", 1)!;
  assert.deepEqual([other.names, other.publisher], [["Jane Roe"], undefined]);
});

test("a sentence about giving money is not a credit", () => {
  assert.equal(readContributionLine("He contributed $5 million to the campaign.", 1), undefined);
  assert.deepEqual(splitNames("the Springfield Gazette"), []);
});

test("a wire's closing 'Reporting by' line becomes a credit and leaves the body", () => {
  const a = ingestOne(
    "Talks Resume In Kabul",
    "KABUL (Reuters) - Talks between the two sides resumed on Monday after a pause of three weeks.",
    "Officials said the next round would follow in April.",
    "Reporting by Jane Roe in Kabul; Additional reporting by John Doe; Editing by Mary Poe",
  );
  assert.deepEqual(a.record.contributors, ["Jane Roe", "John Doe", "Mary Poe"]);
  assert.equal(a.body.at(-1), "Officials said the next round would follow in April.");
  assert.equal(a.record.source, "Reuters");
});

test("a photo credit names the photographer, never the photo agency as the source", () => {
  assert.deepEqual(readPhotoCredit("Photo by Justin Sullivan/Getty Images", 3)!.names, ["Justin Sullivan"]);
  assert.deepEqual(readPhotoCredit("photo by Gage Skidmore / CC BY-SA 3.0 / cropped", 3)!.names, ["Gage Skidmore"]);
  assert.deepEqual(readPhotoCredit("Featured image via Flickr", 3)!.names, []);
  assert.equal(readPhotoCredit("The photo shows a crowd.", 3), undefined);
  const a = ingestOne("Rally Draws Crowds", "Thousands attended the rally in the park on Saturday afternoon, organizers said.", "Featured image via Sara D. Davis/Getty Images");
  assert.equal(a.record.source, undefined);
  assert.deepEqual(a.record.contributors, ["Sara D. Davis"]);
});

test("credit lines are the article's credits, not removed furniture", () => {
  const a = ingestOne(
    "Mayor Orders Jails To Comply",
    "MIAMI — The mayor ordered county jails on Thursday to comply with the new federal request.",
    "The order takes effect next week.",
    "Miami Herald staff writer Douglas Hanks contributed to this report.",
  );
  assert.equal(a.record.source, "Miami Herald");
  assert.deepEqual(a.record.contributors, ["Douglas Hanks"]);
  assert.deepEqual(a.record.credits, ["Miami Herald staff writer Douglas Hanks contributed to this report."]);
  assert.ok(!a.record.removed.some((r) => r.text.includes("contributed")));
});

test("lines that are not credits stay in the removed furniture", () => {
  const credits = extractCredits([{ text: "Body.", line: 2 }], [{ kind: "share-widget", text: "Share this story", line: 5 }]);
  assert.deepEqual(credits.removed, [{ kind: "share-widget", text: "Share this story", line: 5 }]);
  assert.deepEqual(credits.lines, []);
});

test("a wire tag is read with the place before it in its printed forms, the place in normal case", () => {
  assert.deepEqual(readLeadCredit("Delaware, Ohio (CNN) — Voters lined up."), { credit: { source: "CNN", text: "Delaware, Ohio (CNN)", place: "Delaware, Ohio" }, rest: "Voters lined up." });
  assert.deepEqual(readLeadCredit("WASHINGTON (CNN)-- The vote."), { credit: { source: "CNN", text: "WASHINGTON (CNN)", place: "Washington" }, rest: "The vote." });
  assert.deepEqual(readLeadCredit("O'HARE (AP) - Flights."), { credit: { source: "Associated Press", text: "O'HARE (AP)", place: "O'Hare" }, rest: "Flights." });
  assert.deepEqual(readLeadCredit("ST. LOUIS (CNN Business) – Shares."), { credit: { source: "CNN", text: "ST. LOUIS (CNN Business)", place: "St. Louis" }, rest: "Shares." });
  // The story may open with a quote or a figure.
  assert.deepEqual(readLeadCredit("(CNN) “We won,” she said.")?.rest, "“We won,” she said.");
  assert.deepEqual(readLeadCredit("(Reuters) - 5 people died.")?.rest, "5 people died.");
  assert.equal(readLeadCredit("The vote (CNN) was held."), undefined);
});

test("a credit's names are split on commas, 'and' and '&', keeping name particles and dropping companies", () => {
  assert.deepEqual(splitNames("Jane Roe & John Doe, Mary Poe, and Ann Lee"), ["Jane Roe", "John Doe", "Mary Poe", "Ann Lee"]);
  assert.deepEqual(splitNames("Ludwig van Beethoven and Getty Images"), ["Ludwig van Beethoven"]);
  assert.deepEqual(splitNames("Jane Roe in Kabul, John Doe from Rome"), ["Jane Roe", "John Doe"]);
  assert.deepEqual(splitNames("Roe"), [], "one word is no full name");
});

test("photo credits in their other printed forms name the photographer", () => {
  assert.deepEqual(readPhotoCredit("The mayor speaks. (Photo by Jane Roe/AP)", 2), { kind: "photo", text: "The mayor speaks. (Photo by Jane Roe/AP)", line: 2, names: ["Jane Roe"] });
  assert.deepEqual(readPhotoCredit("Image credit: Jane Roe | Flickr", 2)!.names, ["Jane Roe"]);
  assert.deepEqual(readPhotoCredit("Pictures courtesy of Jane Roe, City Hall", 2)!.names, ["Jane Roe"]);
});

test("contributor lines in their other printed forms", () => {
  assert.deepEqual(readContributionLine("Reporting by Jane Roe in Kabul; Editing by John Doe.", 4), { kind: "contribution", text: "Reporting by Jane Roe in Kabul; Editing by John Doe.", line: 4, names: ["Jane Roe", "John Doe"] });
  assert.deepEqual(readContributionLine("The Associated Press's Jane Roe contributed to this report.", 4)!.publisher, "Associated Press");
  assert.deepEqual(readContributionLine("ABC News' Jane Roe and John Doe contributed.", 4), { kind: "contribution", text: "ABC News' Jane Roe and John Doe contributed.", line: 4, names: ["Jane Roe", "John Doe"], publisher: "ABC News" });
  assert.deepEqual(readContributionLine("He said so. Jane Roe contributed to this report.", 4)!.names, ["Jane Roe"]);
  assert.deepEqual(readContributionLine("Jane Roe and Jane Roe contributed.", 4)!.names, ["Jane Roe"], "a name once");
});

test("a credit is at most 400 characters: a longer paragraph that mentions contributing is text", () => {
  const line = (length: number) => `${"w".repeat(length - ". Jane Roe contributed.".length)}. Jane Roe contributed.`;
  assert.equal(line(400).length, 400);
  assert.deepEqual(readContributionLine(line(400), 1)?.names, ["Jane Roe"]);
  assert.equal(readContributionLine(line(401), 1), undefined);
  const photo = (length: number) => `Photo by Jane Roe/${"x".repeat(length - "Photo by Jane Roe/".length)}`;
  assert.deepEqual(readPhotoCredit(photo(400), 1)?.names, ["Jane Roe"]);
  assert.equal(readPhotoCredit(photo(401), 1), undefined);
});

test("credits are read from removed captions, bios and credits and from closing lines, in line order, each contributor once", () => {
  const credits = extractCredits(
    [
      { text: "(CNN)The vote was held.", line: 3 },
      { text: "More text here.", line: 5 },
      { text: "Writing by Ann Lee", line: 7 },
      { text: "Reporting by Jane Roe; Editing by John Doe", line: 8 },
    ],
    [
      { kind: "video-caption", text: "Photo by Max Moe/Getty Images", line: 9 },
      { kind: "banner", text: "Photo by Bob Boe", line: 1 },
      { kind: "author-bio", text: "Jane Roe contributed to this report.", line: 2 },
      { kind: "photo-caption", text: "A crowd.", line: 4 },
    ],
  );
  assert.deepEqual(credits.body, [{ text: "The vote was held.", line: 3 }, { text: "More text here.", line: 5 }]);
  assert.deepEqual(credits.lead, { source: "CNN", text: "(CNN)" });
  assert.deepEqual(credits.removed, [{ kind: "banner", text: "Photo by Bob Boe", line: 1 }, { kind: "photo-caption", text: "A crowd.", line: 4 }]);
  assert.deepEqual(credits.lines.map((l) => [l.line, l.kind, l.names]), [
    [2, "contribution", ["Jane Roe"]],
    [7, "contribution", ["Ann Lee"]],
    [8, "contribution", ["Jane Roe", "John Doe"]],
    [9, "photo", ["Max Moe"]],
  ]);
  assert.deepEqual(contributorsOf(credits), ["Jane Roe", "Ann Lee", "John Doe", "Max Moe"]);
  // A body of one paragraph keeps it, whatever it says.
  assert.deepEqual(extractCredits([{ text: "Reporting by Jane Roe", line: 2 }], []).body, [{ text: "Reporting by Jane Roe", line: 2 }]);
  assert.deepEqual(extractCredits([], []), { body: [], removed: [], lines: [] });
});

test("wire tags: CNN Money, a stray space inside the parentheses, a hyphenated place, a place already in normal case", () => {
  assert.equal(readLeadCredit("(CNN Money) Stocks fell.")?.credit.source, "CNN");
  assert.equal(readLeadCredit("(CNN ) Stocks fell.")?.credit.source, "CNN");
  assert.deepEqual(readLeadCredit("WILKES-BARRE, Pa. (AP) — Voters lined up.")?.credit, { source: "Associated Press", text: "WILKES-BARRE, Pa. (AP)", place: "WILKES-BARRE, Pa." });
  assert.equal(readLeadCredit("McAllen, Texas (CNN) — Agents waited.")?.credit.place, "McAllen, Texas");
  assert.equal(readLeadCredit("(CNN) reported that Trump won."), undefined, "the tag must open a sentence of the story");
});

test("names: a credited name is the whole part, and agencies and photo desks are no people", () => {
  assert.deepEqual(splitNames("Jane Roe (left)"), []);
  assert.deepEqual(splitNames("Acme Image Bank, Acme Photo Lab, Acme Picture Desk"), []);
});

test("photo credits: '(Image by …)', 'credit' without a colon, and only the first person named", () => {
  assert.deepEqual(readPhotoCredit("The pier at dawn. (Image by Jane Roe)", 1)?.names, ["Jane Roe"]);
  assert.deepEqual(readPhotoCredit("The pier at dawn. (Photo credit Jane Roe)", 1)?.names, ["Jane Roe"]);
  assert.deepEqual(readPhotoCredit("Photos by Jane Roe and John Doe/Getty Images", 1)?.names, ["Jane Roe"]);
});

test("staff of an outlet the lists do not know, in its longer and singular forms, credits the people", () => {
  for (const line of [
    "Springfield Daily Gazette staff writer Jane Roe contributed to this report.",
    "Denver Post reporter Jane Roe contributed to this report.",
    "Denver Post correspondent Jane Roe contributed to this report.",
    "Denver Post photographer Jane Roe contributed to this report.",
  ]) {
    const credit = readContributionLine(line, 1)!;
    assert.deepEqual([credit.names, credit.publisher], [["Jane Roe"], undefined], line);
  }
  assert.deepEqual(readContributionLine("The story was first reported by CNN. Jane Roe contributed to this report.", 1)?.names, ["Jane Roe"]);
});

test("a nameless photo credit is still a credit, while closing lines that are no credit stay in the body", () => {
  const photo = extractCredits([{ text: "Body.", line: 1 }], [{ kind: "photo-caption", text: "Featured image via Flickr", line: 5 }]);
  assert.deepEqual([photo.lines.map((l) => [l.kind, l.names]), photo.removed], [[["photo", []]], []]);
  const body = [
    { text: "The council met on Monday.", line: 1 },
    { text: "Jane Roe contributed to this report.", line: 3 },
  ];
  assert.deepEqual(extractCredits(body, []).body, body, "only furniture removal takes a contributor line out of the body");
  const staff = [body[0], { text: "Reporting by our staff", line: 3 }];
  assert.deepEqual(extractCredits(staff, []), { body: staff, removed: [], lines: [] });
});

test("a closing paragraph leaves the body only when all of it is a credit line, 'Additional reporting by' included", () => {
  const text = { text: "The council met on Monday.", line: 1 };
  const mixed = [text, { text: "The figures were checked on Monday. Reporting by Jane Roe", line: 3 }];
  assert.deepEqual(extractCredits(mixed, []).body, mixed, "a sentence of the story stays, with the credit after it");
  const additional = extractCredits([text, { text: "Additional reporting by Jane Roe", line: 3 }], []);
  assert.deepEqual([additional.body, contributorsOf(additional)], [[text], ["Jane Roe"]]);
  // Set off by a dash, as magazines print it.
  for (const dash of ["— ", "—", "– ", "-- "]) {
    const dashed = extractCredits([text, { text: `${dash}Additional reporting by Jane Roe and John Doe`, line: 3 }], []);
    assert.deepEqual([dashed.body, contributorsOf(dashed)], [[text], ["Jane Roe", "John Doe"]], dash);
  }
  // A sentence that only starts with a dash stays.
  const aside = [text, { text: "— and reporting by the county's own staff found nothing.", line: 3 }];
  assert.deepEqual(extractCredits(aside, []).body, aside);
});

test("role credits are read with any spacing around the semicolons, as scraped or tokenized text prints them", () => {
  assert.deepEqual(readContributionLine("Reporting by Jane Roe;Editing by John Doe", 1)?.names, ["Jane Roe", "John Doe"]);
  assert.deepEqual(readContributionLine("Reporting by Jane Roe ; Editing by John Doe", 1)?.names, ["Jane Roe", "John Doe"]);
});

test("a contributor line may open with an initial", () => {
  assert.deepEqual(readContributionLine("J. Roe and Jane Doe contributed to this report.", 1)?.names, ["J. Roe", "Jane Doe"]);
});

test("photo credits: 'Photo:', 'Photo credits:', and 'Featured image' with its first letter lost", () => {
  assert.deepEqual(readPhotoCredit("Photo: Jane Roe/Reuters", 1)?.names, ["Jane Roe"]);
  assert.deepEqual(readPhotoCredit("Photo credits: Jane Roe", 1)?.names, ["Jane Roe"]);
  assert.deepEqual(readPhotoCredit("eatured image via Jane Roe/Flickr", 1)?.names, ["Jane Roe"]);
});

describeBio();
function describeBio() {
  const story = [
    "Debates Will Stream Online",
    "Twitter and Bloomberg Media are teaming up to stream the upcoming presidential debates live, the companies said on Monday.",
    "The stream will also include half-hour shows before and after each debate, with commentary from the network's political team.",
  ];
  test("an article without a byline takes its author from the bio under it", () => {
    const a = ingestOne(...story, "Hadas Gold is a reporter at Politico.");
    assert.deepEqual(a.record.authors, ["Hadas Gold"]);
    assert.ok(!a.body.includes("Hadas Gold is a reporter at Politico."), "the bio is not part of the story");
    assert.deepEqual(ingestOne(...story, "Michael Grunwald is a senior staff writer for Politico Magazine.").record.authors, ["Michael Grunwald"]);
    assert.deepEqual(ingestOne(...story, "Lisa Rab is a journalist in Charlotte, N.C. Her work has appeared in Mother Jones.").record.authors, ["Lisa Rab"]);
  });
  test("a byline outranks the bio, and a bio that is not a named writer's gives no author", () => {
    assert.deepEqual(ingestOne(story[0], "By Jane Roe", ...story.slice(1), "Hadas Gold is a reporter at Politico.").record.authors, ["Jane Roe"]);
    assert.deepEqual(ingestOne(...story, "Mr Forsyth is a columnist for the Herald.").record.authors, []);
    assert.deepEqual(ingestOne(...story, "Morgan is a freelance writer for a variety of publications.").record.authors, []);
    // Two people's bios: a panel or a list of contributors, not the writer.
    assert.deepEqual(ingestOne(...story, "Hadas Gold is a reporter at Politico.", "Josh Gerstein is a senior reporter for Politico.").record.authors, []);
  });
  test("an empty 'Authors:' label left under the bio is page furniture, and the bio still names the author", () => {
    const a = ingestOne(...story, "Josh Gerstein is a senior reporter for Politico.", "Authors:");
    assert.deepEqual(a.record.authors, ["Josh Gerstein"]);
    assert.ok(!a.body.some((p) => p.includes("Authors:")), JSON.stringify(a.body));
    // With no bio above it, it goes too, and names no one.
    const alone = ingestOne(...story, "Authors:");
    assert.deepEqual(alone.record.authors, []);
    assert.ok(!alone.body.some((p) => p.includes("Authors:")), JSON.stringify(alone.body));
    // A byline closing the story, with the page's follow links, names the writer and leaves the story.
    const closing = ingestOne(...story, "By Jeff Rainforth Like Jeff on Facebook Follow Jeff on Twitter");
    assert.deepEqual(closing.record.authors, ["Jeff Rainforth"]);
    assert.ok(!closing.body.some((p) => p.includes("Rainforth")), JSON.stringify(closing.body));
    assert.deepEqual(ingestOne(...story, "By Jane Roe.").record.authors, ["Jane Roe"]);
    // A sentence that starts with "By" is the story's.
    assert.deepEqual(ingestOne(...story, "By all appearances the stream will run for years.").record.authors, []);
    // A label with a name after it is a byline's business, not an empty label.
    assert.ok(!ingestOne(...story, "Authors: Jane Roe").record.removed?.some((r) => r.text === "Authors: Jane Roe" && r.kind === "author-bio"));
  });
}
