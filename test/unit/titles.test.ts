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
