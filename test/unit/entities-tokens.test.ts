// How src/ingest/entities.ts cuts a paragraph into words: every rule about names reads
// these tokens, so a word cut wrongly is a name split, merged or missed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractMentions, mentionNames, tokenize, tokenizeBody, type Token } from "../../src/ingest/entities.ts";

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
