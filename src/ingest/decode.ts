import { ArticleError } from "../errors.ts";
import { decodeCharacterReferences } from "./character-references.ts";

/**
 * Step 1 of ingest: raw bytes → clean Unicode text.
 *
 * Contributors save articles from many editors, so the bytes may be UTF-8 (with or
 * without a BOM), UTF-16 with a BOM, or legacy Windows-1252. The result is always
 * NFC-normalised text with `\n` line ends and no `\r`, NUL or U+FEFF in it, its HTML
 * character references decoded ("&#233;", "&amp;": src/ingest/character-references.ts).
 */

/** Larger than any real article; refusing early keeps a stray dump from stalling a build. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Above this share of control characters the file is not prose (a binary or a mangled export). */
const MAX_CONTROL_SHARE = 0.1;

const SAVE_AS_UTF8 = "Open it in a text editor and save it as plain text (UTF-8).";

export function decodeArticleBytes(bytes: Uint8Array, file: string): string {
  // Checked before any decoding so a huge file is refused in constant time.
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mib = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ArticleError(file, `is ${mib} MiB, larger than 2 MiB; split it or trim it.`, {
      hint: "An article file should hold one article's text only.",
    });
  }

  let text = decodeWithDetectedEncoding(bytes, file);

  if (text.includes("\u0000")) {
    throw new ArticleError(file, "contains NUL bytes, so it looks like a binary file, not text.", {
      hint: `If it is a text file saved as UTF-16 without a byte-order mark: ${SAVE_AS_UTF8}`,
    });
  }

  // Before line ends are normalised: "&#13;&#10;" is a line end like any other.
  text = decodeCharacterReferences(text);
  text = normalizeLineEnds(text);
  text = removeInvisibleNoise(text);

  if (text.trim() === "") {
    throw new ArticleError(file, "is empty (no text, or only whitespace).", {
      hint: "Add the article's text, or delete the file.",
    });
  }

  if (controlShare(text) > MAX_CONTROL_SHARE) {
    throw new ArticleError(file, "is mostly control characters, so it does not look like text.", {
      hint: `If it is a document from a word processor or a PDF: ${SAVE_AS_UTF8}`,
    });
  }

  return stripControlCharacters(repairMojibake(text)).normalize("NFC");
}

function decodeWithDetectedEncoding(bytes: Uint8Array, file: string): string {
  const [b0, b1, b2, b3] = bytes;
  // UTF-32 BOMs start like UTF-16 ones, so they are tested first.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) || (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)) {
    throw new ArticleError(file, "is encoded as UTF-32, which ingest does not read.", { hint: SAVE_AS_UTF8 });
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8OrWindows1252(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
  return decodeUtf8OrWindows1252(bytes);
}

/** Bytes that are not valid UTF-8 are almost always Windows-1252 ("smart quotes" from Word). */
function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, which hold curly quotes, dashes, €
 * and a few letters. Node 20's `TextDecoder("windows-1252")` decodes those as Latin-1
 * C1 controls, so the 32 code points are mapped here (WHATWG table; the five
 * undefined bytes map to themselves, as in the standard).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252CodePoint(byte: number): number {
  return byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : byte;
}

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), windows1252CodePoint);
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

function normalizeLineEnds(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // The Unicode separators are line breaks too; later steps only know `\n`.
    .replace(/\u2028/g, "\n")
    .replace(/\u2029/g, "\n\n");
}

/** A BOM in the middle of a file (two files pasted together) carries no meaning. */
function removeInvisibleNoise(text: string): string {
  return text.replace(/\uFEFF/g, "");
}

/** C0 controls other than tab and newline, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * C1 controls in decoded text are Windows-1252 bytes that were once mis-read as
 * Latin-1 (U+0093 for a curly quote): give them back their Windows-1252 meaning.
 */
const C1_CONTROL = /[\u0080-\u009F]/g;

function repairC1Controls(text: string): string {
  return text.replace(C1_CONTROL, (c) => {
    const meant = windows1252CodePoint(c.charCodeAt(0));
    // Five bytes are undefined in Windows-1252 and decode to themselves: drop those.
    return meant === c.charCodeAt(0) ? "" : String.fromCharCode(meant);
  });
}

function controlShare(text: string): number {
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09) visible++;
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  return visible === 0 ? 0 : controls / visible;
}

/** Form feeds and vertical tabs separate things; other stray C0 controls are dropped. */
function stripControlCharacters(text: string): string {
  return repairC1Controls(text.replace(/[\u000B\u000C]/g, "\n").replace(CONTROL, ""));
}

/** The byte each Windows-1252 character stands for (0x80–0xFF), for undoing mojibake. */
const BYTE_OF_CHAR = new Map<number, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  BYTE_OF_CHAR.set(windows1252CodePoint(byte), byte);
  BYTE_OF_CHAR.set(byte, byte);
}
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
// A run of characters that are all Windows-1252/Latin-1 readings of bytes 0x80–0xFF.
const MOJIBAKE_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/g;

/**
 * UTF-8 text that was once read as Windows-1252 and saved again ("Hillaryâ€™s" for
 * "Hillary’s", common in scraped pages): each run of such characters whose bytes form
 * whole UTF-8 sequences is decoded again. Real Latin-1 text ("café", "Ångström") does not
 * form UTF-8 sequences (a lead byte followed by the right number of continuation bytes),
 * so it is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  // "campsÂ as": a non-breaking space read as Windows-1252 ("Â" + NBSP) whose NBSP a tool
  // has since turned into a plain space. A capital  before a space is no letter of a word.
  text = text.replace(/Â(?=[ \t])/g, "");
  return text.replace(MOJIBAKE_RUN, (run) => {
    const bytes = Array.from(run, (c) => BYTE_OF_CHAR.get(c.charCodeAt(0))!);
    let out = "";
    let i = 0;
    while (i < bytes.length) {
      const lead = bytes[i];
      const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
      if (length && i + length <= bytes.length) {
        try {
          out += STRICT_UTF8.decode(Uint8Array.from(bytes.slice(i, i + length)));
          i += length;
          continue;
        } catch {
          // Not a UTF-8 sequence: keep the character as it was.
        }
      }
      out += run[i];
      i++;
    }
    return out;
  });
}
