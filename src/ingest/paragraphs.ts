import type { Paragraph } from "./types.ts";
import { rejoinDropCaps } from "./drop-caps.ts";

/**
 * Step 3 of ingest: text → paragraphs, each with the line of the raw file it starts on.
 *
 * In the raw format each non-empty line is one paragraph: some files separate them
 * with blank lines, some do not, and consecutive lines can be unrelated items (a
 * video caption, then "Up Next"). The exception is a file a contributor hard-wrapped
 * at a fixed width: there a paragraph is a block of lines between blank lines, and its
 * lines are joined back together.
 */

/** Hard-wrapped lines are at most this long (editors wrap at 72–80 columns). */
const MAX_WRAPPED_LINE = 80;
/** How many wrapped-looking lines it takes to be sure, and what share of candidates. */
const MIN_WRAPPED_LINES = 3;
const MIN_WRAPPED_SHARE = 0.8;
const MIN_MID_SENTENCE_SHARE = 0.3;
/** Wrapping widths vary by a column or two (a trailing space, a wide character). */
const WRAP_SLACK = 2;

/** A line that starts a list item keeps its own paragraph even in a wrapped block. */
const LIST_ITEM = /^(?:[-*•]\s|\d{1,3}[.)]\s)/;

interface Line {
  text: string;
  /** 1-based line in the raw file. */
  line: number;
}

export function splitParagraphs(text: string, firstLine = 1): Paragraph[] {
  const lines = text.split("\n").map((raw, i) => ({ text: raw, line: firstLine + i }));
  const blocks = splitBlocks(lines);
  const wrapWidth = detectWrapWidth(blocks);
  const groups =
    wrapWidth > 0
      ? blocks.flatMap((block) => groupWrappedBlock(block, wrapWidth))
      : blocks.flatMap((block) => block.map((l) => [l]));

  const paragraphs: Paragraph[] = [];
  for (const group of groups) {
    const joined = joinWrappedLines(group.map((l) => l.text));
    const clean = collapseWhitespace(joined);
    if (clean !== "") paragraphs.push({ text: clean, line: group[0].line });
  }
  return rejoinDropCaps(paragraphs);
}

/** Runs of non-blank lines between blank lines. */
function splitBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const l of lines) {
    if (l.text.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(l);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * A file is hard-wrapped when blank lines separate its blocks and the lines that
 * continue into a next line (all but each block's last) look filled by an editor:
 * at most 80 columns, and too full to take the next line's first word. A list of
 * short items or headlines fails that test, so its lines stay separate paragraphs.
 * Many wrapped lines also stop in the middle of a sentence.
 */
function detectWrapWidth(blocks: Line[][]): number {
  if (blocks.length < 2) return 0;
  const continued: { width: number; nextWordWidth: number; text: string }[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.length - 1; i++) {
      // A line followed by a list item is short by design, not evidence either way.
      if (LIST_ITEM.test(block[i + 1].text.trimStart())) continue;
      const text = block[i].text.trim();
      const nextWordWidth = firstWordWidth(block[i + 1]);
      continued.push({ width: text.length, nextWordWidth, text });
    }
  }
  if (continued.length < MIN_WRAPPED_LINES) return 0;
  // The widest line within the limit is the width the editor wrapped at.
  let wrapWidth = 0;
  for (const c of continued) if (c.width <= MAX_WRAPPED_LINE && c.width > wrapWidth) wrapWidth = c.width;

  const filled = continued.filter(
    (c) => c.width <= wrapWidth && isFilled(c.width, c.nextWordWidth, wrapWidth),
  ).length;
  const midSentence = continued.filter((c) => !endsSentence(c.text)).length;
  const wrapped =
    filled >= MIN_WRAPPED_LINES &&
    filled / continued.length >= MIN_WRAPPED_SHARE &&
    midSentence / continued.length >= MIN_MID_SENTENCE_SHARE;
  return wrapped ? wrapWidth : 0;
}

/** A wrapped line is too full to take the next line's first word; a paragraph's last line is not. */
function isFilled(width: number, nextWordWidth: number, wrapWidth: number): boolean {
  return width + 1 + nextWordWidth > wrapWidth - WRAP_SLACK;
}

function firstWordWidth(l: Line): number {
  // Editors never break at a non-breaking space, so only spaces and tabs end the word.
  return l.text.trim().split(/[ \t]/, 1)[0].length;
}

function endsSentence(line: string): boolean {
  // A closing quote or bracket only ends a sentence after a stop: `said.”`, not `“order”`.
  return /[.?!:;]["”’')\]]*\s*$/.test(line);
}

/**
 * A wrapped block is one paragraph, except where a line ends short (a caption cut
 * off, "Up Next") or a list item starts. A dash can also begin a wrapped line
 * mid-sentence ("decline" / "- means"), so a marker only starts an item after a
 * colon, a sentence end, or another item.
 */
function groupWrappedBlock(block: Line[], wrapWidth: number): Line[][] {
  const groups: Line[][] = [];
  for (let i = 0; i < block.length; i++) {
    const l = block[i];
    const group = groups[groups.length - 1];
    const previousEndedShort = i > 0 && !isFilled(block[i - 1].text.trim().length, firstWordWidth(l), wrapWidth);
    if (group === undefined || previousEndedShort || startsListItem(l, group)) groups.push([l]);
    else group.push(l);
  }
  return groups;
}

function startsListItem(l: Line, group: Line[]): boolean {
  if (!LIST_ITEM.test(l.text.trimStart())) return false;
  const previous = group[group.length - 1].text.trimEnd();
  return LIST_ITEM.test(group[0].text.trimStart()) || previous.endsWith(":") || endsSentence(previous);
}

/**
 * Editors wrap only at spaces, so each line break stands for one space (a line
 * ending in "six-" came from "six- to", not from a hyphenated word).
 */
function joinWrappedLines(texts: string[]): string {
  return texts.join(" ");
}

/** Any run of whitespace, non-breaking spaces included, becomes one plain space. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
