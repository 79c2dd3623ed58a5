import assert from "node:assert/strict";
import { test } from "node:test";
import { extractTickers, isAllCaps, readableTitle, sentenceCase } from "../../src/ingest/titles.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";

test("a wire headline in capitals gets a sentence-case title, its tickers and its original", () => {
  const body = ["HOUSTON, March 3 - Triton Energy Corp said its board set a quarterly dividend of five cts a share.", "The dividend is payable April 1."];
  assert.deepEqual(readableTitle("TRITON ENERGY CORP <OIL> SETS QUARTERLY", body), {
    title: "Triton Energy Corp sets quarterly",
    original: "TRITON ENERGY CORP <OIL> SETS QUARTERLY",
    tickers: ["OIL"],
  });
});

test("words keep the capitals the article's own text gives them, and lose the others", () => {
  const body = ["SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, easing the drought.", "Arrivals of cocoa reached 155,221 bags."];
  assert.equal(sentenceCase("BAHIA COCOA REVIEW", body), "Bahia cocoa review");
  // A sentence's first word tells nothing: "Cocoa" opening a sentence does not make it a name.
  assert.equal(sentenceCase("BAHIA COCOA REVIEW", ["Cocoa prices rose.", "Traders in Bahia said the cocoa crop was late."]), "Bahia cocoa review");
});

test("acronyms stay in capitals: shown so by the text, by the curated lists, or read letter by letter", () => {
  assert.equal(sentenceCase("U.S. CUTS RATES", ["Officials said the cut was small."]), "U.S. cuts rates");
  assert.equal(sentenceCase("IMF WARNS ON DEBT", ["The lender said the IMF program was on track."]), "IMF warns on debt");
  assert.equal(sentenceCase("NBC PLANS NEW SHOW", []), "NBC plans new show");
  assert.equal(sentenceCase("TALKS IN JAPAN STALL", []), "Talks in Japan stall");
});

test("a capital inside a longer name is not evidence for the word alone", () => {
  const body = ["Shares rose on the American Stock Exchange today, traders said.", "The company plans a stock offer in May.", "The American Stock Exchange closed early."];
  assert.equal(sentenceCase("COMPANY PLANS INITIAL STOCK SALE", body), "Company plans initial stock sale");
  // A word the text only prints inside names is a name itself.
  assert.equal(sentenceCase("ACME BUYS GULFEX", ["The company said it buys Gulfex Inc for cash."]), "Acme buys Gulfex");
});

test("the wire's abbreviations and ordinals read in lowercase; names before a ticker in capitals", () => {
  assert.equal(readableTitle("FAMOUS RESTAURANTS INC <FAMS> 4TH QTR LOSS", ["Shr loss five cts vs profit two cts", "Net loss 1,200,000 dlrs"]).title, "Famous Restaurants Inc 4th qtr loss");
  assert.equal(readableTitle("ARMY TO RENEGOTIATE ITT <ITT> RADIO CONTRACT", ["The Army said it would renegotiate the contract."]).title, "Army to renegotiate ITT radio contract");
});

test("a private company's name in angle brackets loses the brackets but keeps its capitals", () => {
  const r = readableTitle("<BURTON GROUP PLC> YEAR NET", ["Shr 20.1p vs 16.5p"]);
  assert.equal(r.title, "Burton Group Plc year net");
  assert.deepEqual(r.tickers, []);
});

test("tickers are cut from a headline in any case, with their exchange when printed", () => {
  assert.deepEqual(extractTickers("Acme Corp (NYSE: ACM) Raises Dividend"), { text: "Acme Corp Raises Dividend", tickers: ["ACM"] });
  assert.deepEqual(extractTickers("COMPUTER SCIENCES <CSC> JOINS ATT <T> ON BID <CSC>"), { text: "COMPUTER SCIENCES JOINS ATT ON BID", tickers: ["CSC", "T"] });
  assert.deepEqual(readableTitle("Triton Energy <OIL> Sets Dividend", []), { title: "Triton Energy Sets Dividend", original: "Triton Energy <OIL> Sets Dividend", tickers: ["OIL"] });
});

test("a headline not in capitals is left as written, with no original kept", () => {
  for (const headline of ["Trump asks cops to turn over ‘bad’ undocumented immigrants", "CNN FURIOUS and Embarrassed After Trump Called Them Out", "NASA Says Hello"]) {
    assert.deepEqual(readableTitle(headline, ["Some text about it."]), { title: headline, tickers: [] });
  }
});

test("capitals are judged on nearly all letters: one lowercase letter in twenty still counts", () => {
  assert.equal(isAllCaps("ARGENTINE GRAIN BELT WEATHER REPORt"), true); // 29 of 30
  assert.equal(isAllCaps("ARGENTINE GRAIN BELT WEATHER REPort"), false); // 27 of 30
  assert.equal(isAllCaps("ABC"), false); // too few letters to tell
  assert.equal(isAllCaps("ABCD"), true);
});

test("the first word after a colon or a dash starts with a capital", () => {
  assert.equal(sentenceCase("ECONOMIC SPOTLIGHT - ITALIAN BOOM", ["Italian output grew, the report said."]), "Economic spotlight - Italian boom");
  assert.equal(sentenceCase("WHEAT: EXPORTS FALL", ["Wheat exports fell in March."]), "Wheat: Exports fall");
  assert.equal(sentenceCase("WHEAT:EXPORTS FALL", []), "Wheat:Exports fall");
  assert.equal(sentenceCase("ECONOMIC SPOTLIGHT -ITALIAN BOOM", []), "Economic spotlight -Italian boom");
});

test("ingest writes the readable title, title_original and tickers; a contributor's title is used as written", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const story = "TRITON ENERGY CORP <OIL> SETS QUARTERLY\n\nHOUSTON, March 3 - Triton Energy Corp said its board set a quarterly dividend of five cts a share, payable April 1.\n\nReuter\n";
  const result = ingestArchive(
    [
      { file: "wire.txt", bytes: bytes(story) },
      { file: "own.txt", bytes: bytes(`---\ntitle: Triton's Dividend\n---\n${story}`) },
    ],
    { now: new Date("2020-01-01") },
  );
  assert.deepEqual(result.errors, []);
  const [own, wire] = result.articles.map((a) => a.record);
  assert.equal(wire.title, "Triton Energy Corp sets quarterly");
  assert.equal(wire.title_original, "TRITON ENERGY CORP <OIL> SETS QUARTERLY");
  assert.deepEqual(wire.tickers, ["OIL"]);
  assert.equal(own.title, "Triton's Dividend");
  assert.equal(own.title_original, undefined);
  assert.deepEqual(own.tickers, ["OIL"]);
});

test("a word the text prints as often in lowercase as with a capital reads in lowercase", () => {
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought stock on Monday.", "Buyers wanted Stock anyway."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES RISE IN PARIS", ["Traders in Paris said prices rose."]), "Prices rise in Paris");
});

// ---------------------------------------------------------------------------
// Each rule below is pinned by the title a reader would see go wrong without it.

test("tickers are cut however the wire spaces them, with a class or market suffix of one or two letters", () => {
  assert.deepEqual(extractTickers("BERKSHIRE<BRK.A> AND ROYAL DUTCH <RD.AS> REPORT"), { text: "BERKSHIRE AND ROYAL DUTCH REPORT", tickers: ["BRK.A", "RD.AS"] });
  assert.deepEqual(extractTickers("Acme Corp(NYSE : ACM) and Bolt Inc (Nasdaq:BLT.A) and Cord (TSX: CRD.TO)"), { text: "Acme Corp and Bolt Inc and Cord", tickers: ["ACM", "BLT.A", "CRD.TO"] });
  assert.deepEqual(extractTickers("ACME  SETS   DIVIDEND"), { text: "ACME SETS DIVIDEND", tickers: [] });
  assert.deepEqual(extractTickers("<ACM> ACME SETS DIVIDEND "), { text: "ACME SETS DIVIDEND", tickers: ["ACM"] });
});

test("capitals are judged at exactly 95% of the letters too", () => {
  assert.equal(isAllCaps("ABCDEFGHIJKLMNOPQRSt"), true); // 19 of 20
  assert.equal(isAllCaps("ABCDEFGHIJKLMNOPQRst"), false); // 18 of 20
});

test("the wire's abbreviations read as its stories print them", () => {
  const forms = [
    "qtr", "qtrs", "qtly", "dlr", "dlrs", "mln", "bln", "pct", "shr", "shrs", "cts", "vs", "yr", "yrs", "mth", "mths",
    "wk", "wks", "avg", "div", "pfd", "Inc", "Corp", "Co", "Ltd", "Plc", "Bhd", "Cos", "Intl", "Int'l",
  ];
  for (const form of forms) assert.equal(sentenceCase(`ACME SETS ${form.toUpperCase()} PLAN`, []), `Acme sets ${form} plan`, form);
  // In a company's name before its ticker too, though most have no vowel.
  assert.equal(readableTitle("ACME LTD <ACM> SETS PAYOUT", []).title, "Acme Ltd sets payout");
  assert.equal(readableTitle("ACME INTL <ACM> SETS PAYOUT", []).title, "Acme Intl sets payout");
});

test("a name the curated lists spell in capitals keeps them, as a word or as a phrase, and an alias counts too", () => {
  assert.equal(sentenceCase("TALKS AT NATO END", []), "Talks at NATO end");
  assert.equal(sentenceCase("TALKS WITH EPA END", []), "Talks with EPA end");
  assert.equal(sentenceCase("TRADE TALKS WITH WEST GERMANY", []), "Trade talks with West Germany");
  assert.equal(sentenceCase("TRADE TALKS WITH NEW ZEALAND, WEST GERMANY", []), "Trade talks with New Zealand, West Germany");
  assert.equal(sentenceCase("EXPORTS FROM UNITED STATES OF AMERICA RISE", []), "Exports from United States of America rise");
  // The first word of a longer name is no name alone.
  assert.equal(sentenceCase("PRICES OF SILICON CHIPS FALL", []), "Prices of silicon chips fall");
  // The article's own spelling of the phrase wins over the list's.
  assert.equal(sentenceCase("TALKS WITH WEST GERMANY", ["Officials from west Germany met."]), "Talks with west Germany");
});

test("ordinary headline words stay lowercase though a curated list uses them in a name", () => {
  // Each is checked against the lists as they stand: if a list gains a one-word name spelled
  // like one of them ("Union", "Party", "La." for Louisiana), it must be guarded in NEVER_FROM_LISTS.
  const ordinary = [
    "of", "and", "the", "for", "new", "on", "in", "at", "to", "a", "an", "de", "la", "bank", "national", "general", "united",
    "central", "republic", "state", "states", "city", "north", "south", "east", "west", "island", "islands", "county", "union",
    "party", "department", "agency", "fund", "organization", "association", "council", "commission", "court", "house", "office",
    "group", "federal", "international", "american", "world",
  ];
  for (const word of ordinary) assert.equal(sentenceCase(`TALKS ${word.toUpperCase()} PLAN`, []), `Talks ${word} plan`, word);
});

test("words in capitals with stops, hyphens and digits: initials stay, codes stay, ordinals and decades read in lowercase", () => {
  assert.equal(sentenceCase("EXPORTS TO U.S. FALL", []), "Exports to U.S. fall");
  assert.equal(sentenceCase("TALKS BEFORE G-7 MEETING", []), "Talks before G-7 meeting");
  assert.equal(sentenceCase("RAIDERS SEIZE AK-47 RIFLES", []), "Raiders seize AK-47 rifles");
  assert.equal(sentenceCase("GROUP-77 SEES F-16 AND MX-1 SALES BY END-1986", []), "Group-77 sees F-16 and MX-1 sales by end-1986");
  assert.equal(sentenceCase("ACME X1ST PLAN", []), "Acme X1ST plan");
  assert.equal(sentenceCase("ACME SETS 2ND QTR AND 1980S HIGH", []), "Acme sets 2nd qtr and 1980s high");
  assert.equal(sentenceCase("ACME SETS 21ST AND 747 AND 12ST3 PLAN", []), "Acme sets 21st and 747 and 12ST3 plan");
  assert.equal(sentenceCase("ACME FARMER-OWNED PLAN", []), "Acme farmer-owned plan");
  assert.equal(sentenceCase("ACME BANKS ON U.S.A.B PLAN", []), "Acme banks on u.s.a.b plan");
  assert.equal(sentenceCase("ACME SEES TV OK", []), "Acme sees TV ok");
  assert.equal(sentenceCase("ACME SEES A B PLAN", []), "Acme sees a b plan");
  // A word the article writes with a stop keeps the headline's stop.
  assert.equal(sentenceCase("ACME BUYS GULFEX.", ["The company bought Gulfex for cash."]), "Acme buys Gulfex.");
  assert.equal(sentenceCase("ACME BUYS U.S. UNIT", ["The company bought a U.S. unit."]), "Acme buys U.S. unit");
});

test("a capital at the start of a sentence says nothing, however the sentence before it ended", () => {
  const title = "PRICES OF GRAIN FALL";
  for (const body of [
    "Grain prices fell.",
    'Traders said: "Grain prices fell."',
    "Traders sold; Grain prices fell.",
    "Would traders sell?  Grain prices fell!",
    'Traders asked: "Sell now?" Grain prices fell.',
    "Traders sold (all of it!) Grain prices fell.",
    "Exports went to the U.S. Grain prices then fell.",
  ]) {
    assert.equal(sentenceCase(title, [body]), "Prices of grain fall", body);
  }
  // Inside a sentence a capital standing alone is evidence.
  assert.equal(sentenceCase(title, ["Traders sold Grain, the index, today."]), "Prices of Grain fall");
});

test("a paragraph in capitals is no evidence, and the lead's first forty paragraphs are read", () => {
  assert.equal(sentenceCase("PRICES OF COCOA RISE", ["TRADERS SAID COCOA PRICES ROSE SHARPLY"]), "Prices of cocoa rise");
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says nothing.`);
  assert.equal(sentenceCase("ACME BUYS GULFEX", [...filler, "The company bought Gulfex today."]), "Acme buys gulfex");
  assert.equal(sentenceCase("ACME BUYS GULFEX", ["The company bought Gulfex today.", ...filler]), "Acme buys Gulfex");
});

test("a capital inside a run of capitalised words belongs to the name, whichever side the run is on, and never across paragraphs", () => {
  // "Stock" printed only in names: a name itself.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Shares on the American Stock Exchange rose."]), "Prices of Stock rise");
  // Printed alone once and in a name twice: the lone form counts.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought stock.", "Shares on the American Stock Exchange rose.", "The Stock Exchange closed."]), "Prices of stock rise");
  // A capital standing alone next to a lowercase word, or after a sentence's first word, is the word's.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock today.", "Buyers wanted stock less."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock, today.", "Yesterday Stock rose.", "Buyers wanted stock."]), "Prices of Stock rise");
  // A capitalised word ending one paragraph and one opening the next are not a run.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock", "Buyers wanted it."]), "Prices of Stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock", "Buyers wanted it.", "They said stock was cheap."]), "Prices of stock rise");
});

test("a headline of tickers only is kept as printed", () => {
  assert.deepEqual(readableTitle("<ACM>", []), { title: "<ACM>", tickers: ["ACM"] });
});

test("a name's words before a ticker: an abbreviation stays in capitals, a ticker as printed, other words capitalised", () => {
  assert.equal(readableTitle("GM HUGHES J UNIT <GMH> SETS PAYOUT", []).title, "GM Hughes J Unit sets payout");
});

test("a capital next to another is the name's on either side; one before a new sentence stands alone", () => {
  // Twice in a name, once alone in lowercase: the lone form counts.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["The American Stock rose.", "The American Stock fell.", "Traders bought stock."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock Exchange seats.", "Brokers sold Stock Exchange seats.", "Traders bought stock."]), "Prices of stock rise");
  // Before a sentence's first word a capital stands alone.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock; Prices rose.", "Brokers sold Stock; Prices fell.", "Traders bought stock."]), "Prices of Stock rise");
});

test("the commonest form the article writes wins; a tie goes to lowercase, in either order", () => {
  // A lowercase word next to a name is still the word's own form.
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought stock Monday.", "They bought Stock, today."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock, today.", "Buyers wanted Stock, then.", "They sold stock."]), "Prices of Stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["They sold stock.", "Traders bought Stock, today."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["Traders bought Stock, today.", "They sold stock."]), "Prices of stock rise");
  assert.equal(sentenceCase("PRICES OF STOCK RISE", ["They sold stock, then STOCK, then stock.", "Traders bought STOCK, today."]), "Prices of stock rise");
});

test("a phrase of the headline the article prints gives its casing, the longest match wherever it is, not its sentence-initial capital", () => {
  const body = ["Shares of Triton Energy rose.", "Analysts said Triton Energy Corp would pay more."];
  assert.equal(sentenceCase("TRITON ENERGY CORP SHARES RISE", body), "Triton Energy Corp shares rise");
  assert.equal(sentenceCase("NEWS ON TRITON ENERGY CORP", body), "News on Triton Energy Corp");
  // The match runs to six words at most, and stops at the end of the headline.
  const long = ["Officials of the Grand Old Harbor Steam Ferry Board Company met.", "The company said so."];
  assert.equal(sentenceCase("TALKS ON GRAND OLD HARBOR STEAM FERRY BOARD COMPANY", long), "Talks on Grand Old Harbor Steam Ferry Board company");
  assert.equal(sentenceCase("TALKS ON GRAND OLD", long), "Talks on Grand Old");
  // Two words make a phrase; the words after it keep their own evidence.
  assert.equal(sentenceCase("TRITON ENERGY SHARES RISE", ["Shares of Triton Energy rose.", "They said energy use fell."]), "Triton Energy shares rise");
  // The first occurrence of the longest match gives the casing; a phrase opening a sentence gives all but its first word.
  assert.equal(sentenceCase("TALKS WITH GRAIN BOARD", ["Officials of the Grain Board met.", "The grain board said so.", "The grain harvest was late."]), "Talks with Grain Board");
  assert.equal(sentenceCase("TALKS WITH GRAIN BOARD", ["Grain Board officials met.", "The harvest of grain was late."]), "Talks with grain Board");
  // A one-word match is no phrase: the word's own evidence decides.
  assert.equal(sentenceCase("ENERGY PRICES FALL", ["Triton Energy said energy prices fell."]), "Energy prices fall");
});

test("a name before a ticker is cased as a name, ending at a word that starts the predicate", () => {
  for (const word of ["TO", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "SAYS", "SAID", "SEES", "SETS", "IS", "HAS"]) {
    assert.equal(readableTitle(`ARMY ${word} ITT <ITT> DEAL`, []).title, `Army ${word.toLowerCase()} ITT deal`, word);
  }
  // Up to five words make a name; a sixth word, a colon or a ticker at the end makes none.
  assert.equal(readableTitle("GRAND OLD HARBOR STEAM FERRY <GOH> DEAL", []).title, "Grand Old Harbor Steam Ferry deal");
  assert.equal(readableTitle("GRAND OLD HARBOR STEAM FERRY BOARD <GOH> DEAL", []).title, "Grand old harbor steam ferry Board deal");
  assert.equal(readableTitle("UPDATE: GRAND HARBOR <GOH> DEAL", []).title, "Update: Grand Harbor deal");
  assert.equal(readableTitle("MOODY'S MAY DOWNGRADE GRAND HARBOR <GOH>", []).title, "Moody's may downgrade grand Harbor");
  // A colon after the ticker does not end the name; the name's words elsewhere in the headline are ordinary words.
  assert.equal(readableTitle("GRAND OLD HARBOR <GOH> UNIT: RESULTS", []).title, "Grand Old Harbor unit: Results");
  assert.equal(readableTitle("GRAND HARBOR <GOH> BUYS HARBOR UNIT", []).title, "Grand Harbor buys harbor unit");
  // The article's own spelling of a name's word wins.
  assert.equal(readableTitle("MCDONALD'S <MCD> SALES RISE", ["Sales at McDonald's rose."]).title, "McDonald's sales rise");
  // A second ticker marks the word before it; bracketed names are names.
  assert.equal(readableTitle("GRAND HARBOR <GOH> JOINS FERRY <FRY> BID", []).title, "Grand Harbor joins Ferry bid");
  assert.equal(readableTitle("GRAND HARBOR <GOH> BUYS <OLD FERRY CO> UNIT", []).title, "Grand Harbor buys Old Ferry Co unit");
});
