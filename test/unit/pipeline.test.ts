import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArticleError, HeadlineOnlyError, NotAnArticleError } from "../../src/errors.ts";
import { folderDefaultsLookup, parseFolderDefaults } from "../../src/ingest/folder-defaults.ts";
import {
  analyzeArticle,
  archiveFurnitureEvidence,
  articleInputHash,
  decodeArticle,
  ingestArchive,
  readArticleFacts,
  undatedMessage,
  type DecodedArticle,
  type IngestResult,
  type PerArticleMemo,
  type RawArticleInput,
} from "../../src/ingest/pipeline.ts";
import { collectGarbageNow } from "../../src/publish/child-process.ts";

/**
 * The ingest pipeline as a user meets it: raw files in, article records (what becomes the
 * Markdown's front matter) and body paragraphs out, with errors and warnings that name the
 * file. Small archives written for these tests; each stage's own rules have their own tests,
 * these pin what the pipeline decides: which stage's answer wins, what reaches the record,
 * what is reported, in which order.
 */

const NOW = new Date("2026-11-23T00:00:00Z");
const encode = (text: string) => new TextEncoder().encode(text);
const article = (file: string, text: string, defaults?: RawArticleInput["defaults"]): RawArticleInput => ({ file, bytes: encode(text), ...(defaults ? { defaults } : {}) });
const ingest = (inputs: RawArticleInput[], options: Partial<Parameters<typeof ingestArchive>[1]> = {}) => ingestArchive(inputs, { now: NOW, ...options });
const recordOf = (result: IngestResult, file: string) => {
  const found = result.articles.find((a) => a.record.source_file === file);
  assert.ok(found, `${file} is published (errors: ${result.errors.map((e) => e.message).join(" | ")})`);
  return found.record;
};
const errorOf = (result: IngestResult, file: string) => {
  const found = result.errors.filter((e) => e.file === file);
  assert.equal(found.length, 1, `one error for ${file}`);
  return found[0];
};

const WIRE = [
  "Harbor council approves pier repairs",
  "The vote ends a two-year fight over the harbor's future",
  "By Jane Miller",
  "PORTLAND, Maine (AP) — The Portland city council voted on Tuesday to repair the old pier, Mayor Dana Whitfield said. Work starts in spring and will take a year.",
  "The Harbor Fund will pay for half of the repairs, officials said.",
  "John Smith contributed to this report.",
].join("\n\n");

const PIER =
  "The city council voted on Tuesday to rebuild the old wooden pier at the north end of the harbor, which storms damaged last winter. Work will start in the spring and take about a year, and the pier will stay closed to fishing boats until then. Residents who spoke at the meeting said the pier was part of the town's history and worth the cost. The council will borrow most of the money and pay it back over twenty years from harbor fees.";

describe("one article through every stage", () => {
  it("gives the record a reader sees: headline, dek, byline, dateline, source, credits, names, section, summary, word count", () => {
    const result = ingest([article("news/pier.txt", WIRE)]);
    assert.deepEqual(result.errors, []);
    assert.equal(result.articles.length, 1);
    const [{ record, body }] = result.articles;
    assert.deepEqual(record, {
      source_file: "news/pier.txt",
      title: "Harbor council approves pier repairs",
      title_source: "headline",
      slug: "harbor-council-approves-pier-repairs",
      dek: "The vote ends a two-year fight over the harbor's future",
      dateline: "Portland, Maine",
      authors: ["Jane Miller"],
      source: "Associated Press",
      contributors: ["John Smith"],
      credits: ["John Smith contributed to this report."],
      people: ["Dana Whitfield"],
      organizations: ["Harbor Fund"],
      places: ["Portland"],
      events: [],
      tags: [],
      section: "politics",
      summary: "The Portland city council voted on Tuesday to repair the old pier, Mayor Dana Whitfield said. Work starts in spring and will take a year.",
      word_count: 37,
      removed: [],
    });
    // The dateline and the agency tag leave the first paragraph; the credit line leaves the body.
    assert.deepEqual(body, [
      "The Portland city council voted on Tuesday to repair the old pier, Mayor Dana Whitfield said. Work starts in spring and will take a year.",
      "The Harbor Fund will pay for half of the repairs, officials said.",
    ]);
    assert.deepEqual(result.warnings, [{ file: "news/pier.txt", message: undatedMessage({}), kind: "undated" }]);
  });

  it("leaves out of the record every field it has nothing for (no empty credits, tickers, dek or language)", () => {
    const result = ingest([article("plain.txt", "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions.")]);
    const record = recordOf(result, "plain.txt");
    assert.deepEqual(Object.keys(record).sort(), [
      "authors",
      "events",
      "organizations",
      "people",
      "places",
      "removed",
      "section",
      "slug",
      "source_file",
      "summary",
      "tags",
      "title",
      "title_source",
      "word_count",
    ]);
    assert.equal(record.word_count, 17);
  });

  it("puts photo credits and closing reporting lines in the credits, with the people they name, in line order", () => {
    const text = [
      "Mayor resigns over scandal",
      "By Sam Ortiz",
      "The mayor resigned on Friday after weeks of pressure from the council, aides said.",
      "Photo: Jane Doe/Reuters",
      "The council will choose a successor next month.",
      "Reporting by Tom Lee; Editing by Ann Kay",
    ].join("\n\n");
    const record = recordOf(ingest([article("mayor.txt", text)]), "mayor.txt");
    assert.deepEqual(record.authors, ["Sam Ortiz"]);
    assert.deepEqual(record.credits, ["Photo: Jane Doe/Reuters", "Reporting by Tom Lee; Editing by Ann Kay"]);
    assert.deepEqual(record.contributors, ["Jane Doe", "Tom Lee", "Ann Kay"]);
    assert.equal(record.word_count, 22);
  });

  it("takes the dateline from a CNN-style lead tag when the story has no dateline line", () => {
    const record = recordOf(ingest([article("cnn.txt", "Storm hits the coast\n\nWashington (CNN) The storm hit the coast on Friday and thousands of homes lost power, officials said.")]), "cnn.txt");
    assert.equal(record.dateline, "Washington");
    assert.equal(record.source, "CNN");
    assert.equal(record.summary, "The storm hit the coast on Friday and thousands of homes lost power, officials said.");
  });

  it("lists what it removed in line order, whichever stage removed it", () => {
    // The repeated headline (line 3) is found by the structure step, after furniture removal took the advertisement (line 7).
    const text = [
      "Ferry service to resume in May",
      "Ferry service to resume in May",
      "The island ferry will run again from May, the operator said on Monday after a winter of repairs.",
      "Advertisement",
      "Tickets go on sale next week at the harbor office.",
    ].join("\n\n");
    const result = ingest([article("ferry.txt", text)]);
    assert.deepEqual(recordOf(result, "ferry.txt").removed, [
      { kind: "repeated-headline", text: "Ferry service to resume in May", line: 3 },
      { kind: "advertisement", text: "Advertisement", line: 7 },
    ]);
    assert.deepEqual(result.articles[0].body, [
      "The island ferry will run again from May, the operator said on Monday after a winter of repairs.",
      "Tickets go on sale next week at the harbor office.",
    ]);
  });

  it("shows a capitals headline in sentence case without its tickers, and keeps the headline as printed", () => {
    const record = recordOf(ingest([article("bread.txt", "BREAD PRICES RISE <BRD>\n\nThe price of bread rose sharply this week as wheat costs climbed, bakers said on Monday.")]), "bread.txt");
    assert.equal(record.title_source, "headline");
    assert.equal(record.title_original, "BREAD PRICES RISE <BRD>");
    assert.deepEqual(record.tickers, ["BRD"]);
    assert.ok(!/<|BRD|PRICES/.test(record.title), record.title);
    assert.equal(record.slug, "bread-prices-rise");
  });

  it("finds names the headline alone gives", () => {
    const record = recordOf(ingest([article("toyota.txt", "Toyota recalls cars in Japan\n\nThe carmaker said on Monday it would recall about a million vehicles because of faulty airbags.")]), "toyota.txt");
    assert.deepEqual(record.organizations, ["Toyota"]);
    assert.deepEqual(record.places, ["Japan"]);
  });

  it("leaves a title taken from the lead sentence as written (no sentence case, no ticker removal)", () => {
    const result = ingest([
      article("caps.txt", "THE CITY COUNCIL VOTED ON TUESDAY TO REPAIR THE OLD PIER AT LAST, THE MAYOR SAID."),
      article("ticker.txt", "The city council voted on Tuesday to repair the old pier <PIER> at last after a long fight, the mayor said. Work starts in spring and will take a year."),
    ]);
    const caps = recordOf(result, "caps.txt");
    assert.equal(caps.title_source, "lead");
    assert.equal(caps.title, "THE CITY COUNCIL VOTED ON TUESDAY TO REPAIR THE OLD PIER AT LAST, THE MAYOR SAID");
    assert.equal("title_original" in caps, false);
    const ticker = recordOf(result, "ticker.txt");
    assert.equal(ticker.title_source, "lead");
    assert.ok(ticker.title.includes("<PIER>"), ticker.title);
    assert.equal("tickers" in ticker, false);
  });
});

describe("front matter and folder defaults", () => {
  const corrected = [
    "---",
    "title: HARBOR VOTE <HBR> as the editor wrote it",
    "dek: The editor's own standfirst",
    "dateline: Bangor",
    "authors: [Ann Editor]",
    "source: Harbor Gazette",
    "lang: fr",
    "contributors: [Bo Helper]",
    "date: 2020-05-04",
    "people: [Pat Person]",
    "organizations: [Org Inc]",
    "places: [Placeville]",
    "events: [Harbor Days]",
    "tags: [piers]",
    "section: sport",
    "slug: harbor-vote",
    "---",
    WIRE,
  ].join("\n");

  it("uses every field a contributor set as written, over what ingest reads from the text", () => {
    const result = ingest([article("corrected.txt", corrected)]);
    const record = recordOf(result, "corrected.txt");
    assert.deepEqual(
      {
        title: record.title,
        title_source: record.title_source,
        dek: record.dek,
        dateline: record.dateline,
        authors: record.authors,
        source: record.source,
        lang: record.lang,
        contributors: record.contributors,
        date: record.date,
        date_source: record.date_source,
        people: record.people,
        organizations: record.organizations,
        places: record.places,
        events: record.events,
        tags: record.tags,
        section: record.section,
        slug: record.slug,
      },
      {
        title: "HARBOR VOTE <HBR> as the editor wrote it",
        title_source: "front_matter",
        dek: "The editor's own standfirst",
        dateline: "Bangor",
        authors: ["Ann Editor"],
        source: "Harbor Gazette",
        lang: "fr",
        contributors: ["Bo Helper"],
        date: "2020-05-04",
        date_source: "front_matter",
        people: ["Pat Person"],
        organizations: ["Org Inc"],
        places: ["Placeville"],
        events: ["Harbor Days"],
        tags: ["piers"],
        section: "sport",
        slug: "harbor-vote",
      },
    );
    // A contributor's title is not "made readable": no printed original, no tickers out of it.
    assert.equal("title_original" in record, false);
    assert.equal("tickers" in record, false);
    // The credit lines are still shown as printed.
    assert.deepEqual(record.credits, ["John Smith contributed to this report."]);
    assert.deepEqual(result.warnings, [], "a dated article gets no warning");
  });

  it("keeps a contributor's title over a capitals headline, and the tickers the printed headline carries", () => {
    const record = recordOf(
      ingest([article("bread.txt", "---\ntitle: Bread costs more\n---\nBREAD PRICES RISE <BRD>\n\nThe price of bread rose sharply this week as wheat costs climbed, bakers said on Monday.")]),
      "bread.txt",
    );
    assert.equal(record.title, "Bread costs more");
    assert.equal(record.title_source, "front_matter");
    assert.equal("title_original" in record, false, "the printed headline is not shown as the original of the contributor's title");
    assert.deepEqual(record.tickers, ["BRD"]);
  });

  it("lets a front-matter title stand in for a first line that has no words", () => {
    const body = "The council met on Tuesday and argued about the budget for a long time, members said.";
    const result = ingest([
      article("stars.txt", `---\ntitle: Budget row\n---\n*** --- ***\n\n${body}`),
      article("bare-stars.txt", `*** --- ***\n\n${body}`),
      article("year.txt", `1999\n\n${body}`),
    ]);
    assert.equal(recordOf(result, "stars.txt").title, "Budget row");
    // Figures are words enough for a title.
    assert.equal(recordOf(result, "year.txt").title, "1999");
    const error = errorOf(result, "bare-stars.txt");
    assert.equal(
      error.message,
      "bare-stars.txt: has no words to make a title from (its first line is only punctuation or symbols). Start the file with the headline, or set `title:` in front matter.",
    );
    assert.equal(result.articles.length, 2);
  });

  it("applies a folder's _defaults.yml (source, language, year) under the file's own front matter", () => {
    const lookup = folderDefaultsLookup([{ file: "planet/_defaults.yml", defaults: parseFolderDefaults("year: 2015\nsource: Daily Planet\nlang: de\n", "planet/_defaults.yml") }]);
    const storm = "Storm hits the coast\n\nMIAMI, March 3 (Reuters) - The storm hit the coast and thousands of homes lost power, officials said.";
    const result = ingest([
      article("planet/a.txt", storm, lookup("planet/a.txt")),
      article("planet/b.txt", `---\nsource: Own Source\n---\n${storm.replace("Storm hits", "Gale hits")}`, lookup("planet/b.txt")),
      article("elsewhere/c.txt", storm.replace("Storm hits", "Wind hits")),
    ]);
    const a = recordOf(result, "planet/a.txt");
    assert.equal(a.source, "Daily Planet");
    assert.equal(a.lang, "de");
    assert.equal(a.date, "2015-03-03");
    assert.equal(a.date_source, "folder_default");
    assert.equal(a.dateline, "Miami");
    assert.equal(recordOf(result, "planet/b.txt").source, "Own Source");
    assert.equal(recordOf(result, "planet/b.txt").date, "2015-03-03");
    // Without the folder's year the dateline gives only the month and day.
    const c = recordOf(result, "elsewhere/c.txt");
    assert.equal(c.source, "Reuters");
    assert.equal(c.date, undefined);
    assert.equal(c.date_month_day, "03-03");
    assert.deepEqual(
      result.warnings.map((w) => [w.file, w.kind, w.message]),
      [["elsewhere/c.txt", "undated", undatedMessage({ date_month_day: "03-03" })]],
    );
  });

  it("weighs a site's banner with the articles of that site: named in front matter, two articles show it is the banner, not the headline", () => {
    const stories = [
      ["Ferry Keeps Winter Timetable", "The ferry company will keep its winter timetable through April after a long county meeting about the harbor.", "Riders said the county should have asked them first."],
      ["Sheriff Opens New County Office", "The sheriff opened a new office in the county seat on Monday to cut the drive for residents of the north.", "The office will be open three days a week."],
    ];
    const text = ([headline, ...body]: string[], source?: string) => `${source ? `---\nsource: ${source}\n---\n` : ""}County Courier\n\n${headline}\n\n${body.join("\n\n")}`;
    const named = ingest(stories.map((s, i) => article(`courier-${i}.txt`, text(s, "County Courier"))));
    assert.deepEqual(
      named.articles.map((a) => a.record.title),
      ["Ferry Keeps Winter Timetable", "Sheriff Opens New County Office"],
    );
    // Without the site's name, two articles are too few to take a line that shares the stories' words ("County").
    const unnamed = ingest(stories.map((s, i) => article(`courier-${i}.txt`, text(s))));
    assert.deepEqual(
      unnamed.articles.map((a) => a.record.title),
      ["County Courier", "County Courier"],
    );
  });

  it("decodes a file into its front matter (folder defaults under it), period and paragraphs", () => {
    const lookup = folderDefaultsLookup([{ file: "planet/_defaults.yml", defaults: parseFolderDefaults("year: 2015\nsource: Daily Planet\n", "planet/_defaults.yml") }]);
    const decoded = decodeArticle(article("planet/x.txt", "---\nauthors: [Al Writer]\n---\nA headline\n\nA paragraph of the story.", lookup("planet/x.txt")));
    assert.deepEqual(decoded, {
      file: "planet/x.txt",
      overrides: { authors: ["Al Writer"], source: "Daily Planet" },
      period: { from: "2015-01-01", to: "2015-12-31", evidence: "planet/_defaults.yml: year 2015" },
      paragraphs: [
        { text: "A headline", line: 4 },
        { text: "A paragraph of the story.", line: 6 },
      ],
    });
    assert.equal("period" in decodeArticle(article("y.txt", "A headline\n\nA paragraph.")), false);
  });
});

describe("publication dates", () => {
  const pier = "Harbor council approves pier repairs\n\nThe city council voted on Tuesday to repair the old pier, the mayor said. Work starts in spring.";

  it("dates an article from its file name, and never after the build's today", () => {
    const result = ingest([article("2019/2019-04-05-pier.txt", pier), article("2027-01-05-pier.txt", pier.replace("Tuesday", "Monday"))]);
    const dated = recordOf(result, "2019/2019-04-05-pier.txt");
    assert.deepEqual([dated.date, dated.date_precision, dated.date_source], ["2019-04-05", "day", "file_name"]);
    assert.equal(recordOf(result, "2027-01-05-pier.txt").date, undefined);
    assert.deepEqual(
      result.warnings.filter((w) => w.kind === "undated").map((w) => w.file),
      ["2027-01-05-pier.txt"],
    );
    const later = ingest([article("2027-01-05-pier.txt", pier)], { now: new Date("2027-02-01T00:00:00Z") });
    assert.equal(recordOf(later, "2027-01-05-pier.txt").date, "2027-01-05");
    assert.deepEqual(later.warnings, []);
  });

  it("dates an article from a 'Posted on' line", () => {
    const record = recordOf(ingest([article("posted.txt", pier.replace("\n\n", "\n\nPosted on March 3, 2015\n\n"))]), "posted.txt");
    assert.deepEqual([record.date, record.date_source, record.date_evidence], ["2015-03-03", "text", "Posted on March 3, 2015"]);
  });

  it("reads the month and day from a 'Posted' line printed under the headline", () => {
    const result = ingest([article("posted.txt", pier.replace("\n\n", "\n\nPosted on Wednesday, March 3\n\n"))]);
    const record = recordOf(result, "posted.txt");
    assert.deepEqual([record.date, record.date_month_day, record.date_evidence], [undefined, "03-03", "Posted on Wednesday, March 3"]);
    assert.deepEqual(result.warnings, [{ file: "posted.txt", message: undatedMessage({ date_month_day: "03-03" }), kind: "undated" }]);
  });

  it("words the undated warning by what is missing: the whole date, or only the year", () => {
    assert.match(undatedMessage({}), /^no publication date found; it will be listed as undated\. Add `date: YYYY-MM-DD` front matter, or `year: YYYY` to a _defaults\.yml in its folder\.$/);
    assert.match(undatedMessage({ date_month_day: "03-03" }), /^no publication year found \(its dateline or "Posted" line gives the month and day only\); it will be listed as undated with them\. Add `year: YYYY` to a _defaults\.yml in its folder, or `date: YYYY-MM-DD` front matter\.$/);
  });
});

describe("files that are not articles", () => {
  it("refuses each bad file with an error naming it (and the line where it helps), and publishes the rest", () => {
    const good = "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions.";
    const result = ingest([
      article("x/err.txt", "404 Not Found\n\nThe page you requested could not be found on this server."),
      article("x/fm-only.txt", "---\ntitle: Nothing here\n---\n"),
      article("x/headline.txt", "Just a headline here"),
      article("x/furniture.txt", "Advertisement\n\nAdvertisement"),
      article("x/good.txt", good),
    ]);
    assert.deepEqual(
      result.articles.map((a) => a.record.source_file),
      ["x/good.txt"],
    );
    assert.deepEqual(
      result.errors.map((e) => [e.constructor.name, e.file, e.line, e.message]),
      [
        [
          "NotAnArticleError",
          "x/err.txt",
          1,
          "x/err.txt:1: is a saved “page not found” page (“404 Not Found”), not an article. The page was saved instead of the story: fetch the article again from its current address, or delete the file.",
        ],
        ["ArticleError", "x/fm-only.txt", undefined, "x/fm-only.txt: has front matter but no article text. Add the article's text below the front matter block."],
        [
          "ArticleError",
          "x/furniture.txt",
          undefined,
          "x/furniture.txt: has nothing left after removing page furniture (captions, teasers, share buttons). Check that the file holds the article's text, not only what surrounded it on the web page.",
        ],
        ["HeadlineOnlyError", "x/headline.txt", undefined, "x/headline.txt: has a headline but no body text. Add the article's paragraphs below its headline, or delete the file."],
      ],
    );
    assert.ok(result.errors[0] instanceof NotAnArticleError);
    assert.ok(result.errors[3] instanceof HeadlineOnlyError);
    // A refused file is not warned about as undated as well.
    assert.deepEqual(
      result.warnings.map((w) => w.file),
      ["x/good.txt"],
    );
  });

  it("quotes at most 80 characters of a saved error page", () => {
    const line = "This page has moved to a new address on our website, where you will find the latest stories and the full archive.";
    const error = errorOf(ingest([article("moved.txt", `${line}\n\nNothing else.`)]), "moved.txt");
    assert.ok(error instanceof NotAnArticleError, error.message);
    const quoted = /\(“([^”]*)”\)/.exec(error.message)?.[1];
    assert.equal(quoted, line.slice(0, 80));
  });

  it("reports a failure inside a stage as a bug in ingest, naming the file, and goes on with the others", () => {
    const failing: PerArticleMemo = {
      decode: (input, run) => {
        if (input.file === "boom.txt") throw new TypeError("cannot read properties of undefined");
        if (input.file === "odd.txt") throw "a thrown string";
        return run();
      },
      analyze: (decoded, _evidence, run) => {
        if (decoded.file === "late.txt") throw new RangeError("late failure");
        return run();
      },
    };
    const good = "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions.";
    const result = ingest(
      [article("odd.txt", good), article("late.txt", good.replace("Chess", "Bridge")), article("boom.txt", good), article("ok.txt", good.replace("Chess", "Go"))],
      { memo: failing },
    );
    assert.deepEqual(
      result.articles.map((a) => a.record.source_file),
      ["ok.txt"],
    );
    const hint = "This is a bug in ingest; please report it with the file.";
    assert.deepEqual(
      result.errors.map((e) => [e.constructor.name, e.file, e.message]),
      [
        ["ArticleError", "boom.txt", `boom.txt: could not be ingested: cannot read properties of undefined ${hint}`],
        ["ArticleError", "odd.txt", `odd.txt: could not be ingested: a thrown string ${hint}`],
        ["ArticleError", "late.txt", `late.txt: could not be ingested: late failure ${hint}`],
      ],
    );
    assert.ok(result.errors.every((e) => e instanceof ArticleError && e.hint === hint));
  });

  it("passes a stage's own article error through unchanged", () => {
    const own = new ArticleError("custom.txt", "is wrong in its own way.", { line: 4, hint: "Fix line 4." });
    const result = ingest([article("custom.txt", "A headline\n\nA story paragraph that is long enough to read.")], {
      memo: { decode: () => { throw own; }, analyze: (_d, _e, run) => run() },
    });
    assert.deepEqual(result.errors, [own]);
    assert.equal(result.errors[0], own);
  });

  it("refuses the archive when two articles ask for the same slug, naming the file and the slug", () => {
    const text = (n: string) => `---\nslug: same-slug\n---\nStory ${n}\n\nThe council met on Tuesday and argued about the budget for story ${n}, members said.`;
    const result = ingest([article("b.txt", text("b")), article("a.txt", text("a")), article("c.txt", "Other story\n\nSomething else entirely happened on Friday in the town, people said.")]);
    assert.deepEqual(result.articles, []);
    assert.equal(result.errors.length, 1);
    const [error] = result.errors;
    assert.ok(error instanceof ArticleError);
    assert.equal(error.file, "b.txt");
    assert.equal(error.message, 'b.txt: its front matter slug "same-slug" is already used by a.txt. Choose another slug.');
  });

  it("names the right file when a slug collides in a folder whose name has a colon", () => {
    const text = (n: string) => `---\nslug: same-slug\n---\nStory ${n}\n\nThe council met on Tuesday and argued about the budget for story ${n}, members said.`;
    const result = ingest([article("wire:1987/a.txt", text("a")), article("wire:1987/b.txt", text("b"))]);
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.message]),
      [["wire:1987/b.txt", 'wire:1987/b.txt: its front matter slug "same-slug" is already used by wire:1987/a.txt. Choose another slug.']],
    );
  });

  it("refuses one record the schema rejects (a maintainer's alias longer than a name may be) and publishes the rest", () => {
    const long = `Dana ${"Whitfield".repeat(40)}`;
    const result = ingest(
      [article("pier.txt", WIRE), article("chess.txt", "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions.")],
      { aliases: { canonical: { "Dana Whitfield": long, "Harbor Fund": `${long} Fund` } } },
    );
    assert.deepEqual(
      result.articles.map((a) => a.record.source_file),
      ["chess.txt"],
    );
    const error = errorOf(result, "pier.txt");
    // Every problem, each with its field's path (zod words the problems themselves).
    assert.match(error.message, /^pier\.txt: could not be turned into an article record \(people\.0: [^;]*300[^;]*; organizations\.0: [^;]*300[^;]*\)\. Set the field in front matter, or report the file\.$/);
  });
});

describe("archive-wide passes", () => {
  it("orders articles, errors and warnings by file, whatever order the files arrive in, and gives the same result every time", () => {
    const inputs = [
      article("b/2.txt", "Bridge plan delayed\n\nThe bridge plan was delayed again on Monday because the bids came in too high, the county said."),
      article("B.txt", "Budget passes\n\nThe town budget passed on Wednesday by a vote of five to two after a short debate, the clerk said."),
      article("a.txt", "Just a headline"),
      article("b/10.txt", "Library opens late\n\nThe new library opened three months late on Thursday, and hundreds of readers came on the first day."),
      article("c.txt", "Another headline"),
      article("a b.txt", "Park reopens\n\nThe riverside park reopened on Sunday after the flood repairs, and families came back to its lawns."),
    ];
    const first = ingest(inputs);
    assert.deepEqual(
      first.articles.map((a) => a.record.source_file),
      ["B.txt", "a b.txt", "b/10.txt", "b/2.txt"],
    );
    assert.deepEqual(
      first.errors.map((e) => e.file),
      ["a.txt", "c.txt"],
    );
    assert.deepEqual(
      first.warnings.map((w) => w.file),
      ["B.txt", "a b.txt", "b/10.txt", "b/2.txt"],
    );
    for (const order of [[...inputs].reverse(), [inputs[3], inputs[0], inputs[5], inputs[1], inputs[4], inputs[2]]]) {
      assert.deepEqual(JSON.stringify(ingest(order)), JSON.stringify(first));
    }
  });

  it("gives one person one name across the archive, with the maintainer's aliases applied", () => {
    const inputs = [
      article("d.txt", "Senator Maria Lopez visits the valley\n\nSenator Maria Lopez toured the farms of the valley on Friday and promised help with water for irrigation."),
      article("e.txt", "Lopez backs water plan\n\nMaria Lopez said on Monday she would back the water plan that farmers in the valley want for irrigation."),
    ];
    const plain = ingest(inputs);
    assert.deepEqual(recordOf(plain, "d.txt").people, ["Maria Lopez"]);
    assert.deepEqual(recordOf(plain, "e.txt").people, ["Maria Lopez"]);
    const aliased = ingest(inputs, { aliases: { canonical: { "Maria Lopez": "María López" } } });
    assert.deepEqual(recordOf(aliased, "d.txt").people, ["María López"]);
    assert.deepEqual(recordOf(aliased, "e.txt").people, ["María López"]);
    assert.throws(() => ingest(inputs, { aliases: { canonical: "not a table" } }), /data\/aliases\.json is not a valid alias file/);
  });

  it("links copies and near copies as one story, warns about exact copies, and relates articles on the same subject", () => {
    const result = ingest([
      article("a.txt", `Council votes to rebuild pier\n\n${PIER}`),
      article("b.txt", `Pier will be rebuilt, council says\n\n${PIER}`),
      article("c.txt", `Council votes to rebuild pier\n\n${PIER}`),
      article("d.txt", "Senator Maria Lopez visits the valley\n\nSenator Maria Lopez toured the farms of the valley on Friday and promised help with water for irrigation."),
      article("e.txt", "Lopez backs water plan\n\nMaria Lopez said on Monday she would back the water plan that farmers in the valley want for irrigation."),
      article("f.txt", "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions."),
      article("g.txt", "Library opens late\n\nThe new library opened three months late on Thursday, and hundreds of readers came to borrow books on the first day."),
      article("h.txt", "Library hours extended\n\nThe new library will stay open late on Thursdays so that readers can borrow books after work, the librarian said."),
      article("p1.txt", "Bakery wins award\n\nThe corner bakery won a national award for its rye bread, owner Tomas Berg said on Monday."),
      article("p2.txt", "Storm closes roads\n\nHeavy snow closed roads across the county on Tuesday, and Kira Voss said crews worked all night."),
    ]);
    const slug = (file: string) => recordOf(result, file).slug;
    assert.deepEqual(recordOf(result, "a.txt").same_story, [slug("b.txt"), slug("c.txt")]);
    assert.deepEqual(recordOf(result, "b.txt").same_story, [slug("a.txt"), slug("c.txt")]);
    assert.deepEqual(recordOf(result, "c.txt").same_story, [slug("a.txt"), slug("b.txt")]);
    // The same story is not listed again as related.
    for (const file of ["a.txt", "b.txt", "c.txt"]) assert.equal("related" in recordOf(result, file), false, file);
    assert.deepEqual(recordOf(result, "d.txt").related, [slug("e.txt")]);
    assert.deepEqual(recordOf(result, "e.txt").related, [slug("d.txt")]);
    // Related by their words and topics alone, no name in common.
    assert.deepEqual(recordOf(result, "g.txt").related, [slug("h.txt")]);
    assert.deepEqual(recordOf(result, "h.txt").related, [slug("g.txt")]);
    // Two articles that each name a different person have nothing in common.
    for (const file of ["f.txt", "p1.txt", "p2.txt"]) {
      assert.equal("related" in recordOf(result, file), false, file);
      assert.equal("same_story" in recordOf(result, file), false, file);
    }
    assert.deepEqual(recordOf(result, "p1.txt").people, ["Tomas Berg"]);
    assert.deepEqual(recordOf(result, "p2.txt").people, ["Kira Voss"]);
    // Only the exact copy is warned about, once, naming the first file and its headline;
    // b.txt tells the same story under another headline, which is not a mistake.
    assert.deepEqual(
      result.warnings.filter((w) => w.kind === "duplicate"),
      [
        {
          file: "c.txt",
          message: 'has the same text as a.txt ("Council votes to rebuild pier"), so the archive publishes it twice. Delete one of the two files if they are the same article.',
          kind: "duplicate",
        },
      ],
    );
  });

  it("relates two articles that name the same person, organization, place or event, and not two that each name a different one", () => {
    // Front matter sets the names and no topics, so the names alone can relate them.
    const short = (file: string, title: string, key: string, name: string) =>
      article(file, `---\n${key}: [${name}]\ntags: []\n---\n${title}\n\nA short note came in on ${title.split(" ")[0]}.`);
    for (const key of ["people", "organizations", "places", "events"]) {
      const same = ingest([short("a.txt", "Monday bulletin", key, "Ann Ash"), short("b.txt", "Friday letter", key, "Ann Ash")]);
      assert.deepEqual(recordOf(same, "a.txt").related, [recordOf(same, "b.txt").slug], key);
      const different = ingest([short("a.txt", "Monday bulletin", key, "Ann Ash"), short("b.txt", "Friday letter", key, "Bob Birch")]);
      assert.equal("related" in recordOf(different, "a.txt"), false, key);
    }
  });

  it("relates two articles by their words alone", () => {
    const library = (file: string, text: string) => article(file, `---\ntags: []\n---\n${text}`);
    const result = ingest([
      library("g.txt", "Library opens late\n\nThe new library opened three months late on Thursday, and hundreds of readers came to borrow books on the first day."),
      library("h.txt", "Library hours extended\n\nThe new library will stay open late on Thursdays so that readers can borrow books after work, the librarian said."),
      library("f.txt", "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions."),
    ]);
    assert.deepEqual(recordOf(result, "g.txt").related, [recordOf(result, "h.txt").slug]);
    assert.equal("related" in recordOf(result, "f.txt"), false);
  });

  it("reads an article's section from its headline too", () => {
    const quake = ingest([article("quake.txt", "Earthquake shakes the coast\n\nPeople ran into the streets on Sunday morning and many stayed outside until the evening.")]);
    assert.equal(recordOf(quake, "quake.txt").section, "disaster");
    const cup = ingest([article("cup.txt", "Striker scores twice in cup final\n\nThe crowd cheered for a long time on Saturday night and the town celebrated until morning.")]);
    assert.equal(recordOf(cup, "cup.txt").section, "sport");
  });

  it("chooses topic tags across the archive", () => {
    const result = ingest([
      article("a.txt", `Council votes to rebuild pier\n\n${PIER}`),
      article("b.txt", `Pier will be rebuilt, council says\n\n${PIER}`),
      article("c.txt", `Council votes to rebuild pier\n\n${PIER}`),
    ]);
    const a = recordOf(result, "a.txt").tags;
    const b = recordOf(result, "b.txt").tags;
    assert.ok(a.includes("fishing boats") && b.includes("fishing boats"), `${a.join(", ")} | ${b.join(", ")}`);
    // A phrase of a.txt's headline (and its copy's) is one of its topics; b.txt's headline does not have it.
    assert.ok(a.includes("rebuild pier"), a.join(", "));
    assert.ok(!b.includes("rebuild pier"), b.join(", "));
  });

  it("reports progress once per decoded article, counting those whose analysis fails", () => {
    const calls: [number, number][] = [];
    ingest(
      [
        article("a.txt", "Just a headline"),
        article("b.txt", "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions."),
        article("c.txt", "---\ntitle: Empty\n---\n"),
      ],
      { onProgress: (done, total) => calls.push([done, total]) },
    );
    assert.deepEqual(calls, [
      [1, 2],
      [2, 2],
    ]);
  });

  it("returns the furniture evidence it read the articles with", () => {
    const banner = "Subscribe to our newsletter for the latest harbor news";
    const inputs = ["a", "b", "c", "d"].map((n) =>
      article(`${n}.txt`, `Story ${n} of the harbor\n\nThe harbor board met on day ${n} and talked about the ferry schedule for a long time, members said.\n\n${banner}`),
    );
    const result = ingest(inputs);
    assert.ok(result.evidence);
    assert.equal(result.evidence.articleCount, 4);
    assert.ok(result.articles.every((a) => !a.body.includes(banner)), "the recurring line left every article");
    assert.deepEqual(result.evidence, archiveFurnitureEvidence(inputs.map((i) => decodeArticle(i))));
  });
});

describe("the per-article memo", () => {
  const texts = {
    "a.txt": "Chess club wins trophy\n\nThe school chess club won the regional trophy on Saturday after a long final against the champions.",
    "b.txt": "Park reopens\n\nThe riverside park reopened on Sunday after the flood repairs, and families came back to its lawns.",
  };
  const inputs = Object.entries(texts).map(([file, text]) => article(file, text));

  it("goes through the memo for decoding, the archive's furniture evidence and analysis, and uses what it returns", () => {
    const seen: string[] = [];
    const memo: PerArticleMemo = {
      decode: (input, run) => {
        seen.push(`decode ${input.file}`);
        return run();
      },
      furnitureEvidence: (decoded, run) => {
        seen.push(`evidence ${decoded.map((d) => d.file).join(",")}`);
        return run({ remember: true });
      },
      analyze: (decoded, _evidence, run) => {
        seen.push(`analyze ${decoded.file}`);
        const analyzed = run();
        return decoded.file === "b.txt" ? { ...analyzed, title: "Title from the memo" } : analyzed;
      },
    };
    const result = ingest(inputs, { memo });
    assert.deepEqual(seen, ["decode a.txt", "decode b.txt", "evidence a.txt,b.txt", "analyze a.txt", "analyze b.txt"]);
    assert.equal(recordOf(result, "b.txt").title, "Title from the memo");
    const plain = ingest(inputs);
    assert.deepEqual(recordOf(result, "a.txt"), recordOf(plain, "a.txt"));
  });

  it("computes the furniture evidence itself when the memo does not keep it", () => {
    const decoded = inputs.map((i) => decodeArticle(i));
    const memo: PerArticleMemo = { decode: (_i, run) => run(), analyze: (_d, _e, run) => run() };
    assert.deepEqual(archiveFurnitureEvidence(decoded, memo), archiveFurnitureEvidence(decoded));
    assert.equal(archiveFurnitureEvidence(decoded).articleCount, 2);
    const stored = archiveFurnitureEvidence(decoded);
    assert.equal(
      archiveFurnitureEvidence(decoded, { ...memo, furnitureEvidence: () => stored }),
      stored,
    );
  });

  it("lets go of every article's words (a one-run memo's analyses) once the related-articles job is made, before the scoring", async () => {
    // Analyses made in an earlier turn than the run: a WeakRef's target stays alive through the turn it was made in.
    const decoded = inputs.map((i) => decodeArticle(i));
    const evidence = archiveFurnitureEvidence(decoded);
    const made = new Map(decoded.map((d) => [d.file, analyzeArticle(d, evidence, NOW)]));
    const words = [...made.values()].map((a) => new WeakRef(a.contentWords));
    await new Promise((resolve) => setImmediate(resolve));
    let alive: number | undefined;
    const memo: PerArticleMemo = {
      decode: (_input, run) => run(),
      analyze: (d) => made.get(d.file)!,
      // As a one-run memo does: it has saved the analyses and holds them no more.
      analysesMade: () => (made.clear(), true),
      relatedJobMade: () => {
        collectGarbageNow();
        alive = words.filter((ref) => ref.deref() !== undefined).length;
      },
    };
    const result = ingest(inputs, { memo });
    assert.equal(alive, 0, "no article's words are held through the scoring");
    assert.deepEqual(result, ingest(inputs));
  });

  it("keys a cached article on its bytes and on the folder defaults it inherits", () => {
    const bytes = encode("Chess club wins trophy\n\nThe club won.");
    const base = articleInputHash({ file: "a.txt", bytes });
    assert.match(base, /^[0-9a-f]{40}$/);
    assert.equal(articleInputHash({ file: "other-name.txt", bytes }), base, "the name is not part of the key");
    assert.notEqual(articleInputHash({ file: "a.txt", bytes: encode("Chess club wins trophy\n\nThe club lost.") }), base);
    const defaults = { values: { source: "Daily Planet" } };
    const withDefaults = articleInputHash({ file: "a.txt", bytes, defaults });
    assert.notEqual(withDefaults, base);
    assert.notEqual(articleInputHash({ file: "a.txt", bytes, defaults: { values: { source: "Other Planet" } } }), withDefaults);
    assert.equal(articleInputHash({ file: "a.txt", bytes, defaults: { values: { source: "Daily Planet" } } }), withDefaults);
    // A file whose text happens to end with what the defaults add is not the same entry.
    const glued = new Uint8Array([...bytes, ...encode(JSON.stringify(defaults))]);
    assert.notEqual(articleInputHash({ file: "a.txt", bytes: glued }), withDefaults);
  });
});

describe("the steps check and the parallel build call one by one", () => {
  it("reads an article's facts and its entity, tag, section and related-word candidates from its title and body", () => {
    const decoded: DecodedArticle = decodeArticle(article("pier.txt", WIRE));
    const evidence = archiveFurnitureEvidence([decoded]);
    const facts = readArticleFacts(decoded, evidence, NOW);
    assert.equal(facts.title, "Harbor council approves pier repairs");
    assert.equal(facts.titleSource, "headline");
    assert.equal(facts.dateline, "Portland, Maine");
    assert.deepEqual(facts.credits, ["John Smith contributed to this report."]);
    const analyzed = analyzeArticle(decoded, evidence, NOW);
    assert.equal(analyzed.file, "pier.txt");
    assert.equal(analyzed.section, "politics");
    const words = analyzed.contentWords.keys;
    // The headline's words count ("approves" is only in the headline), and the body's.
    assert.ok(words.some((w) => w.startsWith("approv")), words.join(" "));
    assert.ok(words.includes("spring"), words.join(" "));
  });
});
