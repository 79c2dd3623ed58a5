/**
 * HTML character references in article text ("Jos&#233; Manuel Barroso", "&#163;1.8m",
 * "6&frac12; months", "AT&amp;T"): text copied out of a web page's source keeps them, and
 * a reader would see them as written, in headlines too, while names and dates are read
 * wrongly around them. Part of step 1 (src/ingest/decode.ts), before anything reads the
 * text: each reference becomes the character it stands for, once ("&amp;amp;" becomes
 * "&amp;"). What they decode to is text like any other, escaped wherever it is output.
 *
 * Only references with their semicolon are read ("R&D", "AT&T" and "&copy" stay as they
 * are), named ones from HTML 4's list (Latin-1 and the common punctuation), numeric ones
 * of any code point that is a character. A reference to a control character becomes that
 * control, which decoding then removes or repairs as it does one written as itself (so
 * "&#146;", a Windows-1252 quote, is a quote).
 */

/** HTML 4's names for U+00A0 to U+00FF, in order. */
const LATIN_1_NAMES = (
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr " +
  "deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
  "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml " +
  "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml"
).split(" ");

const OTHER_NAMES: Record<string, number> = {
  quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019,
  sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022,
  hellip: 0x2026, permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac,
  trade: 0x2122, minus: 0x2212,
};

/** Name → the text it stands for. A soft hyphen is nothing a reader sees, so it is dropped. */
export const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map([
  ...LATIN_1_NAMES.map((name, i): [string, string] => [name, String.fromCodePoint(0xa0 + i)]),
  ...Object.entries(OTHER_NAMES).map(([name, code]): [string, string] => [name, String.fromCodePoint(code)]),
  ["shy", ""],
]);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));/g;

/** `text` with each character reference replaced by its character; unknown names and impossible numbers stay as written. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (reference, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_REFERENCES.get(name) ?? reference;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    // A surrogate alone is no character, and nothing lies above U+10FFFF.
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return reference;
    return String.fromCodePoint(code);
  });
}
