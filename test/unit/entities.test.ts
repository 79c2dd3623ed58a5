import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extractMentions, mentionNames, PARAGRAPH_LIMIT, PLACE_CONTAINER, tokenize, tokenizeBody, US_STATES, type Token } from "../../src/ingest/entities.ts";
import { resolveEntities, loadAliasTable, EMPTY_ALIAS_TABLE } from "../../src/ingest/entity-merge.ts";
import { assertLinearGrowth } from "../helpers/scaling.ts";

/** Undoes the few Penn Treebank spacings seed 000 uses (the real detokenizer lives elsewhere). */
function detokenize(line: string): string {
  return line
    .replace(/`` ?/g, "“")
    .replace(/ ?''/g, "”")
    .replace(/ ([,.;:!?)])/g, "$1")
    .replace(/\( /g, "(")
    .replace(/ '(s)\b/g, "’$1")
    .replace(/\$ /g, "$");
}

function seedLines(name: string): string[] {
  return readFileSync(new URL(`../../articles/${name}`, import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function names(title: string, paragraphs: string[]) {
  return mentionNames(extractMentions({ title, paragraphs }));
}

/** Everything expected is found, and nothing outside expected + acceptable. */
function assertFoundExactly(actual: string[], expected: string[], acceptable: string[] = []) {
  for (const name of expected) assert.ok(actual.includes(name), `missing ${name} in ${JSON.stringify(actual)}`);
  for (const name of actual) assert.ok(expected.includes(name) || acceptable.includes(name), `unexpected ${name}`);
}

test("seed 000: the people, organizations and places a reader would list are found, and no fragments", () => {
  const lines = seedLines("000_12e87a7c7f271ebb.txt").map(detokenize);
  const found = names(lines[0], lines.slice(1));
  assertFoundExactly(found.people, ["Donald Trump", "Carlos Gimenez", "Kate Steinle", "Marty Walsh", "Tom Manger"]);
  assertFoundExactly(found.organizations, ["Immigration and Customs Enforcement", "Department of Homeland Security", "Associated Press"], ["Department of Justice"]);
  assertFoundExactly(
    found.places,
    ["Miami-Dade County", "Miami", "San Francisco", "Chicago", "New York", "Boston", "United States", "Montgomery County, Maryland"],
    ["South Florida"],
  );
});

test("seed 001: Sessions, the Center for Immigration Studies and the US Conference of Mayors are found", () => {
  const lines = seedLines("001_5742304cf4503c0a.txt");
  const found = names(lines[0], lines.slice(1));
  assertFoundExactly(found.people, ["Jeff Sessions", "Jessica Vaughan", "Trump"]);
  assertFoundExactly(found.organizations, [
    "Department of Homeland Security", "Immigration and Customs Enforcement", "US Conference of Mayors", "Department of Justice",
    "White House", "Center for Immigration Studies",
  ]);
  assertFoundExactly(found.places, ["New York", "Chicago", "Los Angeles"]);
});

test("seed 002: titles are stripped from names and counties joined by 'and' are both found", () => {
  const lines = seedLines("002_b04d322f93dc3252.txt");
  const bodyStart = lines.findIndex((line) => line.startsWith("President Donald Trump said Wednesday"));
  const found = names(lines[0], lines.slice(bodyStart));
  assertFoundExactly(found.people, ["Donald Trump", "Juan Pérez", "Carlos Gimenez", "John Kelly", "Sean Spicer", "Douglas Hanks"]);
  assertFoundExactly(
    found.organizations,
    ["Department of Homeland Security", "Immigration and Customs Enforcement", "Miami Herald", "Major Cities Chiefs Association", "Morning Consult", "Politico", "U.S. Southern Command"],
    ["White House", "Major County Sheriff’s Association"],
  );
  assertFoundExactly(found.places, [
    "Miami-Dade County", "Washington", "Doral", "Florida", "South Florida", "Broward County", "Palm Beach County", "Cincinnati", "United States",
  ]);
});

test("seed 004: a county named with its state is one place, and quoted officials are people", () => {
  const lines = seedLines("004_8f3418854753f031.txt");
  const found = names(lines[1], lines.slice(2));
  assertFoundExactly(found.people, ["Donald Trump", "Dennis Herrera", "Thomas Homan"]);
  assertFoundExactly(found.organizations, ["Department of Homeland Security", "Immigration and Customs Enforcement", "CNN", "The New York Times"], ["White House"]);
  assertFoundExactly(found.places, ["Clark County, Nevada", "Nassau County, New York", "Cook County, Illinois", "San Francisco", "United States"]);
});

test("a person title is stripped and the words before it are read as a place", () => {
  const found = names("", ["Miami-Dade County Mayor Carlos Gimenez changed his mind on Thursday."]);
  assert.deepEqual(found.people, ["Carlos Gimenez"]);
  assert.deepEqual(found.places, ["Miami-Dade County"]);
});

test("a lone surname and a possessive name the full name used in the same article", () => {
  const found = names("", ["Senator Elena Vasquez spoke first.", "Vasquez said the bill would pass.", "Vasquez’s aides agreed."]);
  assert.deepEqual(found.people, ["Elena Vasquez"]);
});

test("a first name alone is not a second person when the full name is known", () => {
  const found = names("", ["The writer Hillary Mantel won again.", "Hillary said she was pleased."]);
  assert.deepEqual(found.people, ["Hillary Mantel"]);
});

test("weekdays, months, sentence openers and ordinary words are never names", () => {
  const found = names("", [
    "But on Thursday the council met. Some members left early in January.",
    "Strong words followed. “Right decision. Strong!” The Republic stands.",
    "CLOSE Share this story.",
  ]);
  assert.deepEqual(found, { people: [], organizations: [], places: [], events: [] });
});

test("'Former', 'Double', 'Fellow' opening a sentence are not the start of the name after them", () => {
  assert.deepEqual(names("", ["Former European Council president Herman Van Rompuy said the deal was done."]).organizations, ["European Council"]);
  assert.deepEqual(names("", ["Former Guinness Plc chairman Ernest Saunders was charged."]).organizations, ["Guinness Plc"]);
});

test("an acronym defined in parentheses is recorded with its long form and later uses resolve to it", () => {
  const article = extractMentions({ title: "", paragraphs: ["The Global Widget Council (GWC) met today.", "A GWC spokesman said little."] });
  assert.deepEqual(article.acronyms, { GWC: "Global Widget Council" });
  assert.deepEqual(mentionNames(article).organizations, ["Global Widget Council"]);
});

test("a headline in capitals only yields known places, not every capitalized word", () => {
  const found = names("BRAZIL COFFEE EXPORTS FALL AS LONDON TRADERS WAIT", ["Exports fell, traders said."]);
  assert.deepEqual(found.places, ["Brazil", "London"]);
  assert.deepEqual(found.people, []);
});

test("Trump, President Trump and President Donald Trump across articles are one person named Donald Trump", () => {
  const articles = [
    extractMentions({ title: "", paragraphs: ["President Trump signed the order."] }),
    extractMentions({ title: "", paragraphs: ["President Donald Trump spoke on Monday."] }),
    extractMentions({ title: "", paragraphs: ["“We will win,” Trump said."] }),
  ];
  const resolved = resolveEntities(articles, EMPTY_ALIAS_TABLE);
  assert.deepEqual(resolved.map((r) => r.people), [["Donald Trump"], ["Donald Trump"], ["Donald Trump"]]);
});

test("an acronym and its long form are one organization, and Miami-Dade is Miami-Dade County, across articles", () => {
  const articles = [
    extractMentions({ title: "", paragraphs: ["The Global Widget Council (GWC) met in Miami-Dade County."] }),
    extractMentions({ title: "", paragraphs: ["A GWC official visited Miami-Dade on Friday.", "GWC is busy."] }),
  ];
  const resolved = resolveEntities(articles, EMPTY_ALIAS_TABLE);
  assert.deepEqual(resolved[1].organizations, ["Global Widget Council"]);
  assert.deepEqual(resolved[1].places, ["Miami-Dade County"]);
});

test("merging does not depend on the order of the articles", () => {
  const texts = [
    ["Mayor Ann Lee spoke.", "Lee said yes."],
    ["Governor Bob Lee spoke.", "Bob Lee said no."],
    ["Lee said maybe.", "It was Lee who said it."],
    ["Chief Bob Lee agreed."],
  ];
  const mentions = texts.map((paragraphs) => extractMentions({ title: "", paragraphs }));
  const forward = resolveEntities(mentions, EMPTY_ALIAS_TABLE);
  const backward = resolveEntities([...mentions].reverse(), EMPTY_ALIAS_TABLE).reverse();
  assert.deepEqual(forward, backward);
  assert.deepEqual(forward[2].people, ["Bob Lee"]);
});

test("two full names used equally often: a lone surname becomes the same one whatever the file order", () => {
  // "Ann Lee" and "Bob Lee" each name one article: the tie goes to string order, not to the last article read.
  const texts = [["Mayor Ann Lee spoke."], ["Governor Bob Lee spoke."], ["Lee said maybe."]];
  const mentions = texts.map((paragraphs) => extractMentions({ title: "", paragraphs }));
  const forward = resolveEntities(mentions, EMPTY_ALIAS_TABLE);
  const backward = resolveEntities([...mentions].reverse(), EMPTY_ALIAS_TABLE).reverse();
  assert.deepEqual(forward[2].people, ["Ann Lee"]);
  assert.deepEqual(backward[2].people, ["Ann Lee"]);
});

test("the alias file renames, keeps apart and drops names", () => {
  const aliases = loadAliasTable({ canonical: { "Associated Press": "AP" }, keep_separate: ["Trump"], ignore: ["Kate Steinle"] });
  const articles = [
    extractMentions({ title: "", paragraphs: ["President Donald Trump met Kate Steinle’s family, AP reported."] }),
    extractMentions({ title: "", paragraphs: ["President Trump left."] }),
  ];
  const resolved = resolveEntities(articles, aliases);
  assert.deepEqual(resolved[0], { people: ["Donald Trump"], organizations: ["AP"], places: [], events: [] });
  assert.deepEqual(resolved[1].people, ["Trump"]);
});

test("a bad alias file is rejected with a message naming the problem", () => {
  assert.throws(() => loadAliasTable({ canonical: { Trump: 3 } }), /aliases\.json.*canonical\.Trump/);
  assert.throws(() => loadAliasTable({ aliases: {} }), /aliases\.json/);
  assert.throws(() => loadAliasTable({ canonical: { A: "B", B: "C" } }), /final name/);
});

test("names that differ only in case or punctuation are one entity across the archive, named by the most used spelling", async () => {
    const texts = [
      "Banque Nationale de Paris said on Monday it would buy the unit, Banque Nationale de Paris officials said.",
      "Banque Nationale de Paris raised its rates, the bank said.",
      "Banque Nationale De Paris shares fell, traders said.",
    ];
    const resolved = resolveEntities(texts.map((t) => extractMentions({ title: "Bank news", paragraphs: [t] })), loadAliasTable({}));
    const all = resolved.flatMap((r) => [...r.people, ...r.organizations, ...r.places]).filter((n) => /banque/i.test(n));
    assert.ok(all.length >= 2, `found ${JSON.stringify(all)}`);
    assert.deepEqual([...new Set(all)], ["Banque Nationale de Paris"]);
  });

test("names that differ only by an apostrophe are one entity, so they never fight for one page", () => {
  const texts = [
    "Barclays Bank Plc said it would raise its base rate, Barclays Bank Plc officials said.",
    "Barclays Bank Plc cut its forecast, the bank said.",
    "Barclay's Bank Plc shares rose, dealers said.",
  ];
  const resolved = resolveEntities(texts.map((t) => extractMentions({ title: "Bank news", paragraphs: [t] })), loadAliasTable({}));
  const names = [...new Set(resolved.flatMap((r) => [...r.people, ...r.organizations, ...r.places]).filter((n) => /barclay/i.test(n)))];
  assert.deepEqual(names, ["Barclays Bank Plc"]);
});


// How src/ingest/entities.ts cuts a paragraph into words: every rule about names reads
// these tokens, so a word cut wrongly is a name split, merged or missed.
describe("the tokenizer", () => {
  /** Each token as text, with ^ for a sentence start, C capitalized, A all capitals, N numeric, l lowercase inside, ~ punctuation, [’s] its possessive. */
  function brief(t: Token): string {
    return (
      t.text +
      (t.possessiveEnding ? `[${t.possessiveEnding}]` : "") +
      (t.sentenceStart ? "^" : "") +
      (t.cap ? "C" : "") +
      (t.allCaps ? "A" : "") +
      (t.numeric ? "N" : "") +
      (t.hasLower ? "l" : "") +
      (t.word ? "" : "~")
    );
  }
  const tokens = (text: string) => tokenize(text).map(brief);
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));

  test("tabs, line ends, form feeds and non-breaking or wide spaces separate words and are never tokens", () => {
    assert.deepEqual(tokens("Ann\tLee\rand\u000bBo\fKim\nSue"), ["Ann^Cl", "LeeCl", "andl", "BoCl", "KimCl", "SueCl"]);
    assert.deepEqual(tokens("Ann\u00a0Lee\u2003Bo"), ["Ann^Cl", "LeeCl", "BoCl"]);
    // So a name split by a tab or a non-breaking space is still one name.
    assert.deepEqual(names("The prize went to Dana\tWhitfield on Monday.").people, ["Dana Whitfield"]);
    assert.deepEqual(names("The prize went to Dana\u00a0Whitfield on Monday.").people, ["Dana Whitfield"]);
    assert.deepEqual(names("The prize went to Dana\rWhitfield on Monday.").people, ["Dana Whitfield"]);
  });

  test("letters of any script, digits of any script, and a symbol outside the basic plane are read whole", () => {
    assert.deepEqual(tokens("Éric 😀 Lee ٣٤ ÉTAT É Zürich-based Obama-Biden Bush-era US A 1990s mcDonald"), [
      "Éric^Cl", "😀~", "LeeCl", "٣٤N", "ÉTATCA", "ÉC", "Zürich-basedl", "Obama-BidenCl", "Bush-eral", "USCA", "AC", "1990sNl", "mcDonaldl",
    ]);
    assert.deepEqual(tokens("Ann 😀😀 Lee").length, 4, "each emoji is one token, not two halves");
    assert.deepEqual(names("Célia Ménard said the museum would reopen.").people, ["Célia Ménard"]);
  });

  test("a hyphen or ampersand ending a word is dropped, and inside one is kept", () => {
    assert.deepEqual(tokens("Zorvan- Quill AT& T AT&T Smith-Jones"), ["Zorvan^Cl", "QuillCl", "ATCA", "TC", "AT&TCA", "Smith-JonesCl"]);
    assert.deepEqual(tokens("Zorvan-& Quill"), ["Zorvan^Cl", "QuillCl"]);
  });

  test("possessives: ’s and 's are cut off, a plural’s apostrophe too, and a lone final apostrophe is no possessive", () => {
    assert.deepEqual(tokens("Jones’s Jones's Jones’ Ann’ s’ A’s JONES’S"), [
      "Jones[’s]^Cl", "Jones['s]Cl", "Jones[’]Cl", "AnnCl", "s[’]l", "A[’s]C", "JONES[’S]CA",
    ]);
    assert.deepEqual(names("Dana Whitfield’s plan passed.", "Dana Whitfield' s allies cheered.").people, ["Dana Whitfield"]);
  });

  test("a final period ends a sentence unless it closes initials or an abbreviation; initials of three or more characters may end one too", () => {
    assert.deepEqual(tokens("the end. Next U.S. Then George W. Bush went. e.g. Yahoo.com. Now"), [
      "the^l", "endl", ".~", "Next^Cl", "U.S.CA", "Then^Cl", "GeorgeCl", "W.C", "BushCl", "wentl", ".~", "e.g.^l", "Yahoo.com.^Cl", "NowCl",
    ]);
    // A lone period is punctuation, not an empty word.
    assert.deepEqual(tokens("A . B"), ["A^C", ".~", "B^C"]);
  });

  test("a sentence starts after . ! ? : ; and after an opening quote, bracket or dash", () => {
    assert.deepEqual(tokens("said: “Hello” (Go) — Wait – Yes; No! Why? ‘Quote’ «Guillemet»"), [
      "said^l", ":~", "“^~", "Hello^Cl", "”~", "(~", "Go^Cl", ")~", "—~", "Wait^Cl", "–~", "Yes^Cl", ";~", "No^Cl", "!~", "Why^Cl", "?~",
      "‘^~", "Quote^Cl", "«~", "Guillemet^Cl", "»~",
    ]);
    // A closing quote or a comma starts nothing.
    assert.deepEqual(tokens("“Go,” Ann said, Lee"), ["“^~", "Go^Cl", ",~", "”~", "AnnCl", "saidl", ",~", "LeeCl"]);
  });

  test("the body's lowercase words are the words written without a capital, numbers left out", () => {
    const body = tokenizeBody(["Hope springs eternal, and hope is Ann's word.", "In 1990s Texas, sales rose 5%."]);
    assert.deepEqual([...body.lowerWords].sort(), ["and", "eternal", "hope", "is", "rose", "sales", "springs", "word"]);
    // The same paragraphs in a new array give the same tokens.
    assert.deepEqual(tokenizeBody(["Hope springs eternal, and hope is Ann's word.", "In 1990s Texas, sales rose 5%."]), body);
    // A changed paragraph in the same array is read again.
    const paragraphs = ["Alpha Zorvan spoke."];
    assert.deepEqual(tokenizeBody(paragraphs).paragraphs[0].map((t) => t.text), ["Alpha", "Zorvan", "spoke", "."]);
    paragraphs[0] = "Beta Quill spoke.";
    assert.deepEqual(tokenizeBody(paragraphs).paragraphs[0].map((t) => t.text), ["Beta", "Quill", "spoke", "."]);
    paragraphs.push("More.");
    assert.equal(tokenizeBody(paragraphs).paragraphs.length, 2);
  });

  test("capitals, letters at the ends of the alphabet, digits and mixed words get the right case facts", () => {
    assert.deepEqual(tokens("Ba Bz AB ZZ A1 05 99 9AB"), ["Ba^Cl", "BzCl", "ABCA", "ZZCA", "A1C", "05N", "99N", "9ABN"]);
    // A word with periods inside is no initials, so it does not end a sentence.
    assert.deepEqual(tokens("A.Bcd. next"), ["A.Bcd.^Cl", "nextl"]);
    // A straight quote opens a quotation as a curly one does.
    assert.deepEqual(tokens("said \"Quote\""), ["said^l", "\"~", "Quote^Cl", "\"~"]);
  });

  test("titles, weekdays, months and the curated names keep their abbreviation's period", () => {
    assert.deepEqual(tokens("met Gov. Ann Sen. Bo Dr. Cy Tues. Dee Mon. Eve Sept. Fay Oct. Gil Md. Hal Assn. Ida Dec"), [
      "met^l", "Gov.Cl", "AnnCl", "Sen.Cl", "BoCl", "Dr.Cl", "CyCl", "Tues.Cl", "DeeCl", "Mon.Cl", "EveCl", "Sept.Cl", "FayCl", "Oct.Cl", "GilCl",
      "Md.Cl", "HalCl", "Assn.Cl", "IdaCl", "DecCl",
    ]);
  });

  test("capitals the lists name are found in the body: US, WHO", () => {
    assert.deepEqual(names("Officials in the US said no.", "The WHO said no."), {
      people: [], organizations: ["World Health Organization"], places: ["United States"], events: [],
    });
  });
});


// The word lists of src/ingest/entities.ts read one word at a time: each word is written
// out here (not imported), so a word lost from a list fails the test that needs it.
describe("the word lists, word by word", () => {
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));

  test("a name ending in County, Parish, Province, Island, Islands, Borough or Township is a place", () => {
    for (const word of ["County", "Parish", "Province", "Island", "Islands", "Borough", "Township"]) {
      const found = names(`Crews worked near Zorvan ${word} on Sunday.`);
      assert.deepEqual(found, { people: [], organizations: [], places: [`Zorvan ${word}`], events: [] }, word);
    }
  });

  test("a name ending in a landmark word is a place, not a person or a lone word", () => {
    const landmarks = [
      "Tower", "Towers", "Bridge", "Street", "Avenue", "Boulevard", "Square", "Park", "Airport", "Station", "Building", "Hall", "Stadium",
      "Arena", "Palace", "Beach", "Valley", "Base", "Hotel", "River", "Lake", "Mountains", "Mountain", "Bay", "Canyon", "Highway", "Plaza",
      "Harbor", "Harbour", "Peninsula", "Desert", "Strait", "Gulf", "Sea", "Ocean", "Coast", "Falls", "Hills", "Heights", "Road", "Castle",
      "Cathedral", "Abbey", "Theater", "Theatre", "Library", "Museum", "Village", "Trail", "Resort", "Garden", "Gardens", "Zoo",
    ];
    for (const word of landmarks) {
      const found = names(`Crews worked near Zorvan ${word} on Sunday.`);
      assert.deepEqual(found, { people: [], organizations: [], places: [`Zorvan ${word}`], events: [] }, word);
    }
  });

  test("a name starting with Fort, Mount, Mt., Lake, Port, Cape, Camp, Saint, St. or Sainte is a place", () => {
    for (const word of ["Fort", "Mount", "Mt.", "Lake", "Port", "Cape", "Camp", "Saint", "St.", "Sainte"]) {
      const found = names(`Crews worked near ${word} Zorvan on Sunday.`);
      assert.deepEqual(found, { people: [], organizations: [], places: [`${word} Zorvan`], events: [] }, word);
    }
  });

  test("a place and a group word is the place, never a person named like the group", () => {
    const groups = [
      "MPs", "MEPs", "MSPs", "Democrats", "Republicans", "Senators", "Lawmakers", "Officials", "Members", "Leaders", "Ministers", "Supporters",
      "Voters", "Fans", "Players", "Troops", "Conservatives", "Liberals", "Tories", "Peers", "Councillors", "Governors", "Mayors", "Candidates",
      "Democrat", "Republican", "Independent", "Libertarian",
    ];
    for (const word of groups) {
      const found = names(`Ohio ${word} said no on Tuesday.`);
      assert.deepEqual(found, { people: [], organizations: [], places: ["Ohio"], events: [] }, word);
    }
  });

  test("a name next to any verb of saying is a person, even without a given name", () => {
    const verbs = [
      "said", "says", "say", "told", "tells", "added", "asked", "wrote", "writes", "explained", "noted", "argued", "insisted",
      "insists", "recalled", "stated", "tweeted", "testified", "warned", "claimed", "acknowledged", "admitted", "replied",
    ];
    for (const verb of verbs) {
      assert.deepEqual(names(`Quintero Vasquez ${verb} the plan was sound.`).people, ["Quintero Vasquez"], verb);
    }
  });

  test("the little words inside names join them: of, for, on, the, and, and the particles of people's names", () => {
    const org = (text: string) => names(text).organizations;
    assert.deepEqual(org("Crews from the Department of Zorvan arrived on Monday."), ["Department of Zorvan"]);
    assert.deepEqual(org("Crews from the Center for Zorvan Studies arrived on Monday."), ["Center for Zorvan Studies"]);
    assert.deepEqual(org("Crews from the Council on Zorvan Relations arrived on Monday."), ["Council on Zorvan Relations"]);
    assert.deepEqual(org("Crews from the Department of the Zorvan arrived on Monday."), ["Department of the Zorvan"]);
    assert.deepEqual(org("Crews from the Bureau of Zorvan and Quill Affairs arrived on Monday."), ["Bureau of Zorvan and Quill Affairs"]);
    for (const particle of ["de", "del", "da", "dos", "du", "van", "von", "der", "den", "la", "le", "y", "bin", "al"]) {
      assert.deepEqual(names(`The prize went to Maria ${particle} Zorvan on Monday.`).people, [`Maria ${particle} Zorvan`], particle);
    }
    // "do" is also an ordinary verb: "Maria do Zorvan" is one run, never a lone "Maria".
    assert.deepEqual(names("“Yes,” said Maria do Zorvan.").people, []);
  });

  test("a period after an abbreviation does not end the sentence, so the next word is not a sentence opener", () => {
    for (const abbreviation of ["Jr.", "Sr.", "St.", "Mt.", "Ft.", "No.", "Vs.", "Corp.", "Inc.", "Co.", "Ltd.", "Bros.", "Jan.", "Feb."]) {
      const tokens = tokenize(`they met Zorvan ${abbreviation} Quill today`);
      assert.deepEqual(
        tokens.map((t) => [t.text, t.sentenceStart]),
        [["they", true], ["met", false], ["Zorvan", false], [abbreviation, false], ["Quill", false], ["today", false]],
        abbreviation,
      );
    }
  });

  test("a county is qualified by a US state named after it, and by nothing else", () => {
    assert.deepEqual(names("Officials in Zorvan County, Texas, met on Monday.").places, ["Zorvan County, Texas"]);
    assert.deepEqual(names("Officials in Zorvan County, Ontario, met on Monday.").places, ["Ontario", "Zorvan County"]);
    assert.deepEqual(names("Zorvan County (Md.) Police Chief Ann Lee spoke on Monday.").places, ["Zorvan County, Maryland"]);
    assert.deepEqual(names("Zorvan County (Ontario) Police Chief Ann Lee spoke on Monday.").places, ["Ontario", "Zorvan County"]);
    assert.deepEqual(names("Zorvan County (Paris) Police Chief Ann Lee spoke on Monday.").places, ["Paris", "Zorvan County"]);
  });

  test("the curated places say what country or state a place lies in, and countries lie in nothing", () => {
    assert.equal(PLACE_CONTAINER.get("Paris"), "France");
    assert.equal(PLACE_CONTAINER.has("France"), false);
    assert.equal(US_STATES.has("Texas"), true);
    assert.equal(US_STATES.has("Ontario"), false);
    assert.equal(US_STATES.has("Paris"), false);
  });

  test("a headline in capitals finds places of one and several words, but not a longer name starting the same", () => {
    assert.deepEqual(mentionNames(extractMentions({ title: "ROME AND NEW YORK CITY REJOICE", paragraphs: ["Nobody knows why."] })).places, ["New York", "Rome"]);
    assert.deepEqual(mentionNames(extractMentions({ title: "LOS ANGELES TIMES SOLD", paragraphs: ["Nobody knows why."] })), {
      people: [], organizations: ["Los Angeles Times"], places: [], events: [],
    });
  });
});


// How src/ingest/entities.ts reads one run of capitalized words, rule by rule, and which
// lines it reads as headlines: each test is a name a reader would see filed wrongly.
describe("a run of capitalized words, rule by rule", () => {
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
  /** Every mention as kind:name:evidence:surface, sorted as extraction sorts them. */
  const mentions = (title: string, ...paragraphs: string[]) =>
    extractMentions({ title, paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

  test("'the ministries of' or 'the departments of' two names are two organizations", () => {
    assert.deepEqual(mentions("", "Talks between the ministries of Zorvan Affairs and Quill Trade ended on Monday."), [
      "organization:Ministry of Quill Trade:head-word:Quill Trade",
      "organization:Ministry of Zorvan Affairs:head-word:Zorvan Affairs",
    ]);
    assert.deepEqual(mentions("", "Talks between the departments of Zorvan Affairs and Justice ended on Monday."), [
      "organization:Department of Justice:known:Justice",
      "organization:Department of Zorvan Affairs:head-word:Zorvan Affairs",
    ]);
    // Without the plural, "of" is only a word before a name.
    assert.deepEqual(names("Talks with the head of Zorvan Affairs ended on Monday.").organizations, []);
  });

  test("two names before 'counties' are two counties", () => {
    assert.deepEqual(mentions("", "Officials from Zorvan and Quill counties met on Monday."), [
      "place:Quill County:head-word:Quill",
      "place:Zorvan County:head-word:Zorvan",
    ]);
  });

  test("an acronym defined after a name: the name is the organization, the words before it are read apart", () => {
    assert.deepEqual(mentions("", "Experts at the World Health Organization (WHO) met on Monday."), [
      "organization:World Health Organization:known:World Health Organization",
    ]);
    const quill = extractMentions({ title: "", paragraphs: ["Experts at the Zorvan Quill Board (ZQB) met on Monday.", "Later ZQB said no."] });
    assert.deepEqual(quill.acronyms, { ZQB: "Zorvan Quill Board" });
    assert.deepEqual(mentionNames(quill).organizations, ["Zorvan Quill Board"]);
    // "Paris" before the long form is read on its own: a place.
    assert.deepEqual(mentions("", "Experts at the Paris Quill Board (QB) met on Monday."), [
      "organization:Quill Board:acronym:Quill Board",
      "place:Paris:known:Paris",
    ]);
    // Letters that spell no tail of the run define nothing.
    assert.deepEqual(extractMentions({ title: "", paragraphs: ["Experts at the Zorvan Health Body (WHO) met on Monday."] }).acronyms, {});
  });

  test("capitals an article never defines are an organization only when they could be an acronym", () => {
    const found = extractMentions({ title: "", paragraphs: ["Later NATO met.", "Later ZQXB met.", "Later ABCDEFG met.", "Later Q met."] });
    assert.deepEqual(found.mentions.map((m) => `${m.name}:${m.evidence}`), ["North Atlantic Treaty Organization:known", "ZQXB:acronym-use"]);
    // An undefined acronym is not listed until some article defines it.
    assert.deepEqual(mentionNames(found).organizations, ["North Atlantic Treaty Organization"]);
  });

  test("a title inside a run: the words before it are read apart, the name ends at a possessive, the rest is read apart", () => {
    assert.deepEqual(mentions("", "Yesterday Zorvan Mayor Ann Lee’s Quill Plan passed easily."), [
      "event:Quill Plan:head-word:Quill Plan",
      "person:Ann Lee:title:Ann Lee",
    ]);
    assert.deepEqual(mentions("", "Yesterday Paris Mayor Ann Lee’s Quill Plan passed easily.").filter((m) => m.startsWith("place")), ["place:Paris:known:Paris"]);
  });

  test("a possessive inside a run ends the name before it; an organization head after it keeps the run whole", () => {
    assert.deepEqual(names("Yesterday Ann Lee’s Zorvan Quill passed easily.").people, ["Ann Lee"]);
    assert.deepEqual(names("The Zorvan Growers’ Association’s report came out on Monday.").organizations, ["Zorvan Growers’ Association"]);
  });

  test("'and' inside a run: an organization's name keeps it, two names are split", () => {
    assert.deepEqual(names("The Bureau of Zorvan and Quill Affairs met.").organizations, ["Bureau of Zorvan and Quill Affairs"]);
    assert.deepEqual(names("The Zorvan and Quill Company met.").organizations, ["Quill Company"]);
    assert.deepEqual(names("The Zorvan Company and Quill Company met.").organizations, ["Quill Company", "Zorvan Company"]);
    assert.deepEqual(names("Crews from Paris and Zorvan Company met.").organizations, ["Zorvan Company"]);
    assert.deepEqual(names("Crews from Paris and Zorvan Company met.").places, ["Paris"]);
    assert.deepEqual(names("The prize went to Ann Lee and Dana Kim on Monday.").people, ["Ann Lee", "Dana Kim"]);
  });

  test("a cue word makes a work of a name that is not a person's or a known name; event words make events", () => {
    assert.deepEqual(mentions("", "The film Zorvan Quill opened on Monday.", "The film Ann Quill opened on Monday.", "The film Paris opened on Monday."), [
      "event:Zorvan Quill:context:Zorvan Quill",
      "person:Ann Quill:name-shape:Ann Quill",
      "place:Paris:known:Paris",
    ]);
    assert.deepEqual(names("The film New York Stories opened on Monday.").events, ["New York Stories"]);
    assert.deepEqual(names("The Zorvan War ended, and the Zorvan Act passed; the Operation Quill began.").events, ["Operation Quill", "Zorvan Act", "Zorvan War"]);
    // A capitalized word before the name is no cue ("Film Zorvan Quill" is one run anyway).
    assert.deepEqual(names("The Film Zorvan Quill opened on Monday.").events, []);
  });

  test("a landmark word after a given name, or after a cue, is a person of two words; of three words it is a place", () => {
    assert.deepEqual(mentions("", "“Yes,” said Mount Zorvan.", "A mayor Quill Lake arrived."), [
      "person:Mount Zorvan:speech:Mount Zorvan",
      "person:Quill Lake:speech:Quill Lake",
    ]);
    assert.deepEqual(names("Crews worked near Ann Zorvan Lake on Sunday.").places, ["Ann Zorvan Lake"]);
    assert.deepEqual(names("The prize went to Ann Lake on Monday.").places, []);
  });

  test("a word that starts a known name is kept at the start of a run: New York Knicks, not York Knicks", () => {
    assert.deepEqual(names("The New York Knicks won on Monday.").organizations, ["New York Knicks"]);
    assert.deepEqual(names("On Sunday the New England Patriots won.").organizations, ["New England Patriots"]);
    assert.deepEqual(names("Traders at the New York Zorvan Exchange cheered on Monday.").organizations, ["New York Zorvan Exchange"]);
    assert.deepEqual(names("Voters in New Mexico Zorvan County went to the polls.").places, ["New Mexico Zorvan County"]);
    assert.deepEqual(names("The film New York Stories opened on Monday.").events, ["New York Stories"]);
    // "New" that starts no known name is still dropped.
    assert.deepEqual(names("On Sunday the New Zorvan Quills won.").organizations, []);
  });

  test("a known place and a plural is a team; a word ending in -ss is no plural", () => {
    assert.deepEqual(names("The Paris Zorvans won on Monday.").organizations, ["Paris Zorvans"]);
    assert.deepEqual(names("The Paris Glass lost on Monday.").organizations, []);
    assert.deepEqual(names("The Zorvan Quills won on Monday.").organizations, []);
    assert.deepEqual(names("The New York Zorvans won on Monday.").organizations, ["New York Zorvans"]);
  });

  test("a lone word is a person only with a cue, and never when it is a role, a day or an ordinary word", () => {
    assert.deepEqual(names("Mayor Quill said yes.", "Mayor Monday spoke.", "“No,” said Zorvan.", "“No,” said Ministers.", "“No,” said Analysts.").people, ["Quill", "Zorvan"]);
    assert.deepEqual(names("Zorvan arrived on Monday.").people, []);
    // A word the article also writes in lowercase is ordinary after "said", but not after a title.
    assert.deepEqual(names("“No,” said Hope.", "There is no hope.").people, []);
    assert.deepEqual(names("Mayor Hope spoke.", "There is no hope.").people, ["Hope"]);
  });

  test("a lone surname or first name is the one person of the article it names, and nobody when two share it", () => {
    assert.deepEqual(mentions("", "Quintero Vasquez said yes.", "Vasquez said no.", "Quintero agreed."), ["person:Quintero Vasquez:speech:Quintero Vasquez"]);
    assert.deepEqual(names("Ann Lee and Dana Lee spoke.", "“Yes,” Lee said.").people, ["Ann Lee", "Dana Lee"]);
    assert.deepEqual(names("Dana Whitfield Jr. spoke.", "“Yes,” Whitfield said.").people, ["Dana Whitfield Jr."]);
  });

  test("a headline naming a person of the body is that person, not a place that starts the name", () => {
    assert.deepEqual(mentionNames(extractMentions({ title: "Paris Zorvan Wins Again", paragraphs: ["“Yes,” Paris Zorvan said on Monday."] })), {
      people: ["Paris Zorvan"], organizations: [], places: [], events: [],
    });
    assert.deepEqual(mentionNames(extractMentions({ title: "Paris Wins Again", paragraphs: ["“Yes,” Paris Zorvan said on Monday."] })).places, ["Paris"]);
  });

  test("a title-case or capitals line in the body is read like a headline: only known names count", () => {
    const people = (line: string) => names(line).people;
    assert.deepEqual(people("Ann Zorvan Quill"), []);
    assert.deepEqual(people("ANN ZORVAN QUILL"), []);
    assert.deepEqual(people("Ann Zorvan Quill!"), []);
    // Three capitalized words of five is a headline; of six, prose.
    assert.deepEqual(people("Ann Zorvan Quill spoke today"), []);
    assert.deepEqual(people("Ann Zorvan Quill spoke loudly today"), ["Ann Zorvan Quill"]);
    // Numbers and punctuation are not words of the line.
    assert.deepEqual(people("Ann Zorvan Quill 2019 2020 prize"), []);
    assert.deepEqual(people("Ann Zorvan Quill - - prize"), []);
    // A line ending like a sentence is prose.
    assert.deepEqual(people("Ann Zorvan Quill."), ["Ann Zorvan Quill"]);
    assert.deepEqual(people("Ann Zorvan Quill”"), ["Ann Zorvan Quill"]);
    assert.deepEqual(people("Ann Zorvan Quill\""), ["Ann Zorvan Quill"]);
    // A headline's little words are not counted: with each, three capitalized words of five remain.
    for (const word of ["a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "vs", "via", "nor", "so", "up"]) {
      assert.deepEqual(people(`Ann Zorvan Quill spoke ${word} today`), [], word);
    }
  });

  test("a person, then 'of' or 'for' and a place or group: both are found, and 'said' after them cues the person", () => {
    assert.deepEqual(mentions("", "Dana Whitfield of Paris spoke on Monday."), ["person:Dana Whitfield:name-shape:Dana Whitfield", "place:Paris:known:Paris"]);
    assert.deepEqual(names("Jane Zorvan of Chicago and Ann Lee for Texas spoke.").people, ["Ann Lee", "Jane Zorvan"]);
    assert.deepEqual(names("Jane Zorvan of Chicago and Ann Lee for Texas spoke.").places, ["Chicago", "Texas"]);
    // The cue is the person's: the name after "of" is still unsure.
    assert.deepEqual(
      extractMentions({ title: "", paragraphs: ["Dana Whitfield of Quintero Vasquez said yes."] }).mentions.map((m) => `${m.name}:${m.evidence}`),
      ["Dana Whitfield:speech", "Quintero Vasquez:unsure"],
    );
    // Only a run that starts with a given name is split so: "Bank of England" stays whole, "Ann of Zorvan" is nobody.
    assert.deepEqual(names("The Bank of England rose.").organizations, ["Bank of England"]);
    assert.deepEqual(names("Zorvan Whitfield of Paris spoke on Monday.", "Dana of Paris spoke on Monday."), { people: [], organizations: [], places: [], events: [] });
  });

  test("a name first seen without a cue becomes a person when a later sentence gives one; a sure name keeps its first evidence", () => {
    assert.deepEqual(names("Shares in Quintero Vasquez rose.", "Quintero Vasquez said yes.").people, ["Quintero Vasquez"]);
    assert.deepEqual(mentions("", "Dana Whitfield spoke.", "“Yes,” Dana Whitfield said."), ["person:Dana Whitfield:name-shape:Dana Whitfield"]);
  });

  test("a name word may hold an apostrophe, a hyphen before a capital, or a combining accent, but no digit and not all capitals", () => {
    assert.deepEqual(names("Dana O'Brien spoke.", "Jean-Luc Zorvan spoke.").people, ["Dana O'Brien", "Jean-Luc Zorvan"]);
    assert.deepEqual(names("“Yes,” said Rene\u0301e Zorvan.").people, ["Rene\u0301e Zorvan"]);
    assert.deepEqual(names("Dana Zorvan3 spoke.").people, []);
    assert.deepEqual(names("“No,” said DANA ZORVAN.").people, []);
    // "the" and "for" join no person's name.
    assert.deepEqual(names("The prize went to Ann the Zorvan on Monday.", "The prize went to Dana for Zorvan on Monday.").people, []);
  });

  test("a headline in capitals finds a known name holding punctuation or a lowercase 'of'", () => {
    assert.ok(mentionNames(extractMentions({ title: "WASHINGTON, D.C. BRACES FOR SNOW", paragraphs: ["Nobody knows why."] })).places.includes("District of Columbia"));
    assert.deepEqual(mentionNames(extractMentions({ title: "BANK of ENGLAND RAISES RATES", paragraphs: ["Nobody knows why."] })).organizations, ["Bank of England"]);
  });

  test("an acronym's long form starts with a capital and counts capitals words whole", () => {
    assert.deepEqual(extractMentions({ title: "", paragraphs: ["Crews from the Zorvan of Quill Board (QB) arrived."] }).acronyms, { QB: "Quill Board" });
    assert.deepEqual(extractMentions({ title: "", paragraphs: ["Crews from the U.S. Zorvan Board (USZB) arrived."] }).acronyms, { USZB: "U.S. Zorvan Board" });
    assert.deepEqual(extractMentions({ title: "", paragraphs: ["Experts at the World Health Organization (WHO) met on Monday."] }).acronyms, {
      WHO: "World Health Organization",
    });
  });

  test("a title followed by an organization word is no title: the run is the organization", () => {
    assert.deepEqual(names("Police Chief Office staff spoke."), { people: [], organizations: ["Police Chief Office"], places: [], events: [] });
  });

  test("a sentence's first word is dropped from a name when the article writes it in lowercase, but capitals are kept", () => {
    assert.deepEqual(names("Hope Zorvan Quill Company rose.", "There is hope.").organizations, ["Zorvan Quill Company"]);
    assert.deepEqual(names("Hope Zorvan Quill Company rose.").organizations, ["Hope Zorvan Quill Company"]);
    assert.deepEqual(names("US officials met on Monday.").places, ["United States"]);
  });

  test("titles of several words are stripped whole, and a title before a place or a company names no person", () => {
    assert.deepEqual(names("Deputy Prime Minister Ann Lee spoke."), { people: ["Ann Lee"], organizations: [], places: [], events: [] });
    assert.deepEqual(names("Mayor Zorvan County spoke.", "Governor Zorvan Company spoke.").people, []);
    assert.deepEqual(names("Won’t Dana Whitfield speak?", "Dana Whitfield You’ll see.").people, ["Dana Whitfield"]);
  });

  test("after a possessive, a run goes on only into an organization whose head word comes within four words", () => {
    assert.deepEqual(names("The Zorvan Growers’ Quill Elm Oak Association met.").organizations, ["Zorvan Growers’ Quill Elm Oak Association"]);
    assert.deepEqual(names("The Zorvan Growers’ Quill Elm Oak Ash Association met.").organizations, ["Quill Elm Oak Ash Association"]);
  });

  test("a state in brackets joins a county only when the name goes on after it; a state after a comma joins it when the phrase ends", () => {
    assert.deepEqual(names("Officials in Zorvan County (Md.) met on Monday.").places, ["Maryland", "Zorvan County"]);
    assert.deepEqual(names("the officials said they would meet in Zorvan County, Texas").places, ["Zorvan County, Texas"]);
    assert.deepEqual(names("the officials said they would meet in Zorvan County, Texas and Quill County.").places, ["Quill County", "Texas", "Zorvan County"]);
  });

  test("undefined capitals of two to six letters are acronyms in use; an ordinary word in capitals is none", () => {
    assert.deepEqual(
      extractMentions({ title: "", paragraphs: ["Later TV met.", "Later ABCDEF met.", "Later OK met."] }).mentions.map((m) => `${m.name}:${m.evidence}`),
      ["ABCDEF:acronym-use", "TV:acronym-use"],
    );
  });

  test("a work's cue is a lowercase word: 'the film’s Zorvan Quill' is a work, 'The Film’s Zorvan Quill' is not", () => {
    assert.deepEqual(names("The film’s Zorvan Quill opened.").events, ["Zorvan Quill"]);
    assert.deepEqual(names("The Film’s Zorvan Quill opened.").events, []);
  });

  test("after a title cue, a landmark of three words is still a place", () => {
    assert.deepEqual(names("A mayor Ann Quill Lake arrived.").places, ["Ann Quill Lake"]);
  });

  test("a byline printed twice is one name; a name of three words is not halved", () => {
    assert.deepEqual(names("Dana Whitfield Dana Whitfield wrote this story on Monday.").people, ["Dana Whitfield"]);
    assert.deepEqual(names("Ann Lee Ann wrote this story on Monday.").people, ["Ann Lee Ann"]);
  });

  test("a lone word after a title stays a person even where 'said' would not make one; a later cue upgrades a word first seen without one", () => {
    // Title first, then "said" with a word the article also writes in lowercase: the title's cue is kept.
    assert.deepEqual(names("Mayor Hope spoke.", "“No,” said Hope.", "There is no hope.").people, ["Hope"]);
    assert.deepEqual(names("“No,” said Hope.", "Mayor Hope spoke.", "There is no hope.").people, ["Hope"]);
    assert.deepEqual(names("Zorvan arrived.", "“No,” said Zorvan.").people, ["Zorvan"]);
    assert.deepEqual(names("“No,” said Zorvan.", "Zorvan arrived.").people, ["Zorvan"]);
  });

  test("a county's state after a comma: New York and Washington count, 'State' is dropped, and the state must end the phrase", () => {
    assert.deepEqual(names("Officials in Zorvan County, New York, met.", "Officials in Quill County, Washington, met.", "Officials in Ash County, New York State, met.").places, [
      "Ash County, New York", "Quill County, Washington", "Zorvan County, New York",
    ]);
    assert.deepEqual(names("Officials in Zorvan County, Texas officials said.").places, ["Texas", "Zorvan County"]);
    assert.deepEqual(names("Officials in County, Texas, met.").places, ["Texas"]);
    assert.deepEqual(mentions("", "Zorvan County (Md.) Police Chief Ann Lee spoke on Monday."), [
      "person:Ann Lee:title:Ann Lee",
      "place:Zorvan County, Maryland:head-word:Zorvan County (Md.)",
    ]);
  });

  test("mentions are sorted by kind and name, and acronyms by acronym, whatever the order of the text", () => {
    const found = extractMentions({
      title: "",
      paragraphs: ["The Zorvan Arts Council (ZAC) and the Quill Trade Board (QTB) met in Paris with Ann Lee and Dana Kim at the Zorvan War museum."],
    });
    assert.deepEqual(Object.keys(found.acronyms), ["QTB", "ZAC"]);
    assert.deepEqual(
      found.mentions.map((m) => `${m.kind}:${m.name}`),
      ["event:Zorvan War", "organization:Quill Trade Board", "organization:Zorvan Arts Council", "person:Ann Lee", "person:Dana Kim", "place:Paris"],
    );
  });

  test("a name of up to 300 characters is kept, a longer run of capitals is no name", () => {
    const run = (length: number) => {
      const words = ["Zorvan"];
      while (words.join(" ").length + " Quill Company".length <= length) words.push("Quill");
      const name = `${words.join(" ")} Company`;
      // Lengthen the first word to the exact length: "Zorvannnn Quill Quill ... Company".
      return `Zorvan${"n".repeat(length - name.length)}${name.slice(6)}`;
    };
    assert.equal(run(300).length, 300);
    assert.equal(run(301).length, 301);
    assert.deepEqual(names(`The ${run(300)} met.`).organizations, [run(300)]);
    assert.deepEqual(names(`The ${run(301)} met.`).organizations, []);
  });

  test("a person's name has at most five words, particles and a suffix included, and never 'of' inside", () => {
    assert.deepEqual(names("The prize went to Maria de la Cruz Zorvan on Monday.").people, ["Maria de la Cruz Zorvan"]);
    assert.deepEqual(names("The prize went to Ana Maria de la Cruz Zorvan on Monday.").people, []);
    assert.deepEqual(names("The prize went to Dana Whitfield III on Monday.", "Then Dana Whitfield Junior arrived.").people, ["Dana Whitfield III", "Dana Whitfield Junior"]);
    assert.deepEqual(names("The prize went to Ann of Zorvan on Monday.").people, []);
  });

  test("ordinary words at the edges of a run are dropped, but capitals that name something are kept", () => {
    assert.deepEqual(names("The US Zorvan Council met.").organizations, ["US Zorvan Council"]);
    assert.deepEqual(names("On Monday Zorvan Quill Council met.").organizations, ["Zorvan Quill Council"]);
    assert.deepEqual(names("Then New Zealand won.").places, ["New Zealand"]);
    assert.deepEqual(names("Then Dade County Police Chief Ann Lee spoke on Monday.").places, ["Miami-Dade County"]);
    assert.deepEqual(names("“No,” said Dana Monday.").people, ["Dana"]);
  });

  test("words the article also writes in lowercase are no name without a cue, and are one after 'said'", () => {
    assert.deepEqual(names("Hope Summer opened the show.", "There is hope this summer.").people, []);
    assert.deepEqual(names("“No,” said Hope Summer.", "There is hope this summer.").people, ["Hope Summer"]);
  });

  test("a known name of three letters in a headline in capitals is an ordinary word", () => {
    assert.deepEqual(mentionNames(extractMentions({ title: "FED UP WITH TAXES IN RIO", paragraphs: ["Nobody knows why."] })), {
      people: [], organizations: [], places: [], events: [],
    });
  });
});

describe("a run of capitalized words: the edges of each helper rule", () => {
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
  const mentions = (title: string, ...paragraphs: string[]) =>
    extractMentions({ title, paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);
  const acronyms = (paragraph: string) => extractMentions({ title: "", paragraphs: [paragraph] }).acronyms;

  test("a name word starts with its capital: no digit anywhere, a hyphenated part may carry an accent, but no digit", () => {
    assert.deepEqual(names("Dana Zorvan3Quill spoke."), { people: [], organizations: [], places: [], events: [] });
    assert.deepEqual(names("“Yes,” said Ann-Rene\u0301e Zorvan.").people, ["Ann-Rene\u0301e Zorvan"]);
    assert.deepEqual(names("Dana Jean-Zorvan3 spoke.").people, []);
  });

  test("an initial is one capital and a period: 'J.' starts a name, 'U.S.' does not", () => {
    assert.deepEqual(mentions("", "J. Zorvan spoke on Monday."), ["person:J. Zorvan:name-shape:J. Zorvan"]);
    assert.deepEqual(names("Officials at U.S. Zorvan Quill spoke.").people, []);
  });

  test("each suffix ends a person's name, and only at its end", () => {
    for (const suffix of ["Sr.", "Senior", "II", "IV"]) {
      assert.deepEqual(names(`The prize went to Dana Whitfield ${suffix} on Monday.`).people, [`Dana Whitfield ${suffix}`], suffix);
    }
    // The surname of "Dana Whitfield Sr." is Whitfield: a later "Whitfield" is the same person.
    assert.deepEqual(mentions("", "The prize went to Dana Whitfield Sr. on Monday.", "“Yes,” Whitfield said."), [
      "person:Dana Whitfield Sr.:name-shape:Dana Whitfield Sr.",
    ]);
    assert.deepEqual(names("“Yes,” said Dana Jr. Zorvan.").people, []);
  });

  test("a particle in capitals starts no name, and a given name with a contraction-like apostrophe is still a name", () => {
    assert.deepEqual(names("“Yes,” said DE Zorvan.").people, []);
    assert.deepEqual(names("“Yes,” said Don’Te Zorvan.").people, ["Don’Te Zorvan"]);
  });

  test("a run's edges: a lowercase particle after a dropped day goes, a capitalized particle stays, a word in capitals that is never a name goes", () => {
    assert.deepEqual(names("It was the Sunday of Paris and the fair.").places, ["Paris"]);
    assert.deepEqual(names("“Yes,” said Van Zorvan.").people, ["Van Zorvan"]);
    assert.deepEqual(names("Later THIS Zorvan Company rose.").organizations, ["Zorvan Company"]);
    assert.deepEqual(names("The Zorvan Company This met.").organizations, ["Zorvan Company"]);
    assert.deepEqual(names("The Zorvan Company THIS met.").organizations, ["Zorvan Company"]);
  });

  test("an acronym's initials skip lowercase particles, count capitalized ones, and ignore periods in the acronym", () => {
    assert.deepEqual(acronyms("Experts at the Bureau of Zorvan Affairs (BZA) met."), { BZA: "Bureau of Zorvan Affairs" });
    assert.deepEqual(acronyms("Experts at the Van Zorvan Trust (VZT) met."), { VZT: "Van Zorvan Trust" });
    assert.deepEqual(acronyms("Experts at the Zorvan Quill Board (Z.Q.B.) met."), { "Z.Q.B.": "Zorvan Quill Board" });
  });

  test("'&' ends a run of capitals (it is no word), and a doubled 'and' makes no empty name", () => {
    assert.deepEqual(names("The prize went to Ann Lee & Dana Kim on Monday.").people, ["Ann Lee", "Dana Kim"]);
    assert.deepEqual(names("Officials from Zorvan and and Quill counties met.").places, ["Quill County", "Zorvan County"]);
  });

  test("an organization word alone names nothing; a lead word needs 'of', 'for' or 'on' after it", () => {
    assert.deepEqual(names("The Council met on Monday."), { people: [], organizations: [], places: [], events: [] });
    assert.deepEqual(names("The Bureau met on Monday."), { people: [], organizations: [], places: [], events: [] });
    assert.deepEqual(names("Later Bureau Zorvan Quill met.").organizations, []);
  });

  test("a state in brackets inside an organization's name is dropped, and the words after it are kept", () => {
    assert.deepEqual(names("The Zorvan County (Md.) Fire Department met.").organizations, ["Zorvan County Fire Department"]);
  });

  test("a role word, singular or plural, ends no person's name", () => {
    assert.deepEqual(names("“No,” said Zorvan Analyst.", "“No,” said Zorvan Quill Analysts."), { people: [], organizations: [], places: [], events: [] });
  });

  test("after a title, the name ends at 'of', 'and', 'for' or 'the', and what follows is read on its own", () => {
    assert.deepEqual(mentions("", "Senator Ann Lee of Paris spoke."), ["person:Ann Lee:title:Ann Lee", "place:Paris:known:Paris"]);
    assert.deepEqual(mentions("", "Mayor Zorvan Lee of Paris spoke."), ["person:Zorvan Lee:title:Zorvan Lee", "place:Paris:known:Paris"]);
    assert.deepEqual(mentions("", "Mayor Ann Lee and Dana Kim spoke."), ["person:Ann Lee:title:Ann Lee", "person:Dana Kim:name-shape:Dana Kim"]);
    assert.deepEqual(mentions("", "Mayor Ann Lee for Paris spoke."), ["person:Ann Lee:title:Ann Lee", "place:Paris:known:Paris"]);
    assert.deepEqual(mentions("", "Mayor Ann Lee the Zorvan spoke."), ["person:Ann Lee:title:Ann Lee"]);
  });

  test("a lone initial after a title names nobody, as an initial ending a name does not", () => {
    assert.deepEqual(names("Mayor J. spoke.", "President George W. spoke."), { people: [], organizations: [], places: [], events: [] });
    assert.deepEqual(names("Mayor J. Zorvan spoke.").people, ["J. Zorvan"]);
  });

  test("a headline naming an organization of the body whose name holds a possessive is that organization, not a place", () => {
    assert.deepEqual(mentions("Paris Growers’ Association Meets", "The Paris Growers’ Association met."), [
      "organization:Paris Growers’ Association:head-word:Paris Growers’ Association",
    ]);
    // A possessive ending the headline's words is still cut: "Ann Lee’s" is the body's Ann Lee.
    assert.deepEqual(mentions("Ann Lee’s Paris Plan Fails", "Mayor Ann Lee spoke."), ["person:Ann Lee:title:Ann Lee", "place:Paris:known:Paris"]);
  });

  test("a name of two equal words is not a byline printed twice", () => {
    assert.deepEqual(names("“No,” said Sirhan Sirhan.").people, ["Sirhan Sirhan"]);
  });

  test("a lone word keeps a title's cue over a later 'said', which a word also written in lowercase does not get", () => {
    assert.deepEqual(names("“No,” said Hope Monday.", "There is no hope.").people, []);
    assert.deepEqual(names("Mayor Hope spoke.", "“No,” said Hope Monday.", "There is no hope.").people, ["Hope"]);
  });
});

describe("a run of capitalized words: each rule of classifyRun at its edges", () => {
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
  const mentions = (...paragraphs: string[]) =>
    extractMentions({ title: "", paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

  test("'ministries' before a list without 'of' names no ministry", () => {
    assert.deepEqual(names("Two ministries, Zorvan Affairs and Quill Trade, signed.").organizations, []);
  });

  test("a county listed by a known alias is the known county", () => {
    assert.deepEqual(names("Officials from Dade and Zorvan counties met.").places, ["Miami-Dade County", "Zorvan County"]);
  });

  test("an acronym the lists know names its organization, even when the long form is spelled another way", () => {
    const found = extractMentions({ title: "", paragraphs: ["Troops of the North Atlantic Treaty Organisation (NATO) met."] });
    assert.deepEqual(found.acronyms, { NATO: "North Atlantic Treaty Organization" });
    assert.deepEqual(found.mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`), [
      "organization:North Atlantic Treaty Organization:known:North Atlantic Treaty Organisation",
    ]);
  });

  test("a known person ending a run: a title before it is a title, words before it are dropped from the surface, a known surname alone is not the person", () => {
    assert.deepEqual(mentions("President Donald Trump spoke."), ["person:Donald Trump:title:Donald Trump"]);
    assert.deepEqual(mentions("Then Collapsing Hillary Clinton was seen."), ["person:Hillary Clinton:known:Hillary Clinton"]);
    assert.deepEqual(names("Dana Trump spoke.").people, ["Dana Trump"]);
  });

  test("the words before a group or a title name no person, even after 'said'", () => {
    assert.deepEqual(names("“No,” said Zorvan MPs.", "“No,” said Democrats."), { people: [], organizations: [], places: [], events: [] });
    assert.deepEqual(names("The Zorvan Quill Company Members met.").organizations, ["Zorvan Quill Company"]);
    assert.deepEqual(names("“No,” said Zorvan Mayor Ann Lee.").people, ["Ann Lee"]);
    assert.deepEqual(names("“No,” said Paris Mayor Ann Lee."), { people: ["Ann Lee"], organizations: [], places: ["Paris"], events: [] });
    // Before "of" and a title word ("Dean" in "Dean Witter"), the words are a name the cue still reaches.
    assert.ok(names("“No,” said Bill Zorvan of Dean Quill.", "The bill passed.").people.includes("Bill Zorvan"));
  });

  test("a possessive after a title's name ends it, and the organization after it is read on its own", () => {
    assert.deepEqual(mentions("Mayor Ann Lee’s Zorvan Association met."), [
      "organization:Zorvan Association:head-word:Zorvan Association",
      "person:Ann Lee:title:Ann Lee",
    ]);
  });

  test("a possessive inside a run that does not end with an organization word ends the name before it", () => {
    assert.deepEqual(names("Ann Lee’s Zorvan Association Quill Prize was won.").people, ["Ann Lee"]);
  });

  test("names joined by 'and': 'said' before them cues only the first, 'said' after them only the last", () => {
    assert.deepEqual(names("“No,” said Zorvan Quill and Ash Elm.").people, ["Zorvan Quill"]);
    assert.deepEqual(names("Zorvan Quill and Ash Elm said no to that.").people, ["Ash Elm"]);
  });

  test("what each rule finds says how it was found", () => {
    assert.deepEqual(mentions("Miami-Dade County (Fla.) Police Chief Ann Lee spoke."), [
      "person:Ann Lee:title:Ann Lee",
      "place:Miami-Dade County, Florida:known:Miami-Dade County (Fla.)",
    ]);
    assert.deepEqual(mentions("The Zorvan Quill Company met.", "The Zorvan Bridge opened.", "The Paris Zorvans won."), [
      "organization:Paris Zorvans:head-word:Paris Zorvans",
      "organization:Zorvan Quill Company:head-word:Zorvan Quill Company",
      "place:Zorvan Bridge:head-word:Zorvan Bridge",
    ]);
  });

  test("a work's cue, an event word, a landmark word or a plural alone names nothing", () => {
    assert.deepEqual(names("The film Zorvan opened.", "The War ended.", "The Bridge opened.", "The Paris Mustang won."), {
      people: [], organizations: [], places: [], events: [],
    });
  });

  test("a lone word after a lowercase title is a person", () => {
    assert.deepEqual(names("The spokesman Zorvan arrived.").people, ["Zorvan"]);
  });

  test("after 'said', words before a given name stay in the name; a nickname's given name keeps the cue after it", () => {
    assert.deepEqual(names("“No,” said Zorvan Gary Quill.").people, ["Zorvan Gary Quill"]);
    assert.deepEqual(names("“No,” Crooked Dana said.").people, ["Dana"]);
  });

  test("a name whose every word the article also writes in lowercase is no person without a cue", () => {
    assert.deepEqual(names("Amber Wolf spoke.", "We saw an amber wolf.").people, []);
  });
});

describe("headline lines, the body scan's edges and lone words, rule by rule", () => {
  const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));
  const mentions = (...paragraphs: string[]) =>
    extractMentions({ title: "", paragraphs }).mentions.map((m) => `${m.kind}:${m.name}:${m.evidence}:${m.surface}`);

  test("a lone surname makes a person of a name first seen without a cue, and a given name of three words is read by its last word", () => {
    assert.deepEqual(mentions("Shares in Quintero Vasquez rose.", "“Yes,” Vasquez said."), ["person:Quintero Vasquez:same-article:Vasquez"]);
    assert.deepEqual(mentions("Shares in Quintero Vasquez Soto rose.", "“Yes,” Soto said."), ["person:Quintero Vasquez Soto:same-article:Soto"]);
    // Two lone words naming the same person: the alphabetically first gives the surface, whatever the text order.
    assert.deepEqual(mentions("Shares in Quintero Vasquez rose.", "“Yes,” Vasquez said.", "Quintero agreed."), ["person:Quintero Vasquez:same-article:Quintero"]);
  });

  test("a lone word is matched only against people, not against organizations or places it starts", () => {
    // The firm's first word alone is that firm again ("Esso Exploration ... Esso said"): no person, and no second mention.
    assert.deepEqual(mentions("The Zorvan Quill Company met.", "“Yes,” said Zorvan."), ["organization:Zorvan Quill Company:head-word:Zorvan Quill Company"]);
    // A body often named after someone leaves the lone word a person.
    assert.deepEqual(mentions("The Zorvan Quill Foundation met.", "“Yes,” said Zorvan."), [
      "organization:Zorvan Quill Foundation:head-word:Zorvan Quill Foundation",
      "person:Zorvan:speech:Zorvan",
    ]);
  });

  test("a defined acronym used alone is its organization, not an undefined acronym", () => {
    assert.deepEqual(mentions("Experts at the Zorvan Quill Board (ZQB) met.", "Later ZQB said no."), ["organization:Zorvan Quill Board:acronym:Zorvan Quill Board"]);
  });

  test("an ordinary word after a title is no person", () => {
    assert.deepEqual(names("Mayor Will spoke.", "Mayor Zorvan spoke.").people, ["Zorvan"]);
  });

  test("a line in capitals, even of one word, and a title-case line of two words are headlines: only known names count", () => {
    assert.deepEqual(mentions("ZQB"), []);
    assert.deepEqual(mentions("Ann Zorvan"), []);
  });

  test("a paragraph may end anywhere inside a name", () => {
    const lead = "in the end the long talks were held once again with";
    assert.deepEqual(
      mentions(
        // Not "Zorvan Quill": it would be the Zorvan Quill Board below written short.
        `${lead} Ann Lee’s Zorvan Elm`,
        `${lead} Dana Kim and`,
        `${lead} Ash Elm of the`,
        `${lead} Zorvan County (Md.`,
        `${lead} the Zorvan Quill Board (ZQB`,
        `${lead} Quill County, Texas`,
        `${lead} Elm County (Md.)`,
      ),
      [
        "organization:ZQB:acronym-use:ZQB",
        "organization:Zorvan Quill Board:head-word:Zorvan Quill Board",
        "person:Ann Lee:name-shape:Ann Lee",
        "person:Ash Elm:unsure:Ash Elm",
        "person:Dana Kim:name-shape:Dana Kim",
        "person:Zorvan Elm:unsure:Zorvan Elm",
        "place:Elm County:head-word:Elm County",
        "place:Maryland:known:Md.",
        "place:Quill County, Texas:head-word:Quill County, Texas",
        "place:Zorvan County:head-word:Zorvan County",
      ],
    );
  });

  test("only a county joins the state after its comma", () => {
    assert.deepEqual(names("The talks were held at Zorvan Quill, Texas.").places, ["Texas"]);
  });

  test("a headline is read up to the paragraph limit", () => {
    const title = `${"x ".repeat(PARAGRAPH_LIMIT / 2)}Paris`;
    assert.deepEqual(mentionNames(extractMentions({ title, paragraphs: ["Nobody knows why."] })).places, []);
    assert.deepEqual(mentionNames(extractMentions({ title: "x Paris", paragraphs: ["Nobody knows why."] })).places, ["Paris"]);
  });
});

// Last: the costliest test (a mutation run stops a file at its first failing test).
test("a long adversarial paragraph yields only the real names in it, at a cost in step with its length", () => {
  const junkOf = (scale: number) => `${"A-".repeat(500 * scale)} ${"Aa.".repeat(300 * scale)} ${"( ".repeat(200 * scale)}`;
  const junk = junkOf(100);
  const sentence = "The Federal Reserve met in Washington on Tuesday.";
  const junkOnly = extractMentions({ title: "", paragraphs: [junk] });
  const withNames = extractMentions({ title: "", paragraphs: [`${sentence} ${junk}`, junk] });
  assert.deepEqual(junkOnly.mentions, [], "runs of capitals, hyphens and brackets are no one's name");
  const found = withNames.mentions.map((m) => `${m.kind}: ${m.name}`);
  assert.ok(found.includes("organization: Federal Reserve") && found.includes("place: Washington"), found.join(", "));
  for (const m of withNames.mentions) assert.ok(sentence.includes(m.surface), `${m.surface} comes from the real sentence`);
  // Paragraphs are read up to PARAGRAPH_LIMIT characters, so the growth is measured below
  // it (about 2,300 and 18,400 characters), over 96 one-paragraph articles, each array new
  // so that nothing is served from the last article's tokens. One paragraph per article:
  // 96 long paragraphs in one article hold some 150,000 tokens at once, and collecting
  // them cost 26 times more at the larger size in a full test run (garbage collection,
  // not the reading). No wall-clock limit: see test/helpers/scaling.ts.
  assert.ok(junkOf(8).length < PARAGRAPH_LIMIT);
  const growth = assertLinearGrowth("reading names in adversarial paragraphs", {
    input: (scale) => Array.from({ length: 96 }, () => `${sentence} ${junkOf(scale)}`),
    run: (paragraphs) => {
      for (const paragraph of paragraphs) extractMentions({ title: "", paragraphs: [paragraph] });
    },
  });
  if (process.env.SHOW_GROWTH) console.log("growth", growth);
});
