import type { Paragraph } from "./types.ts";

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
const MIN_MID_SENTENCE_SHARE = 0.5;
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
  const groups = isHardWrapped(blocks) ? blocks.flatMap(groupWrappedBlock) : blocks.flatMap((block) => block.map((l) => [l]));

  const paragraphs: Paragraph[] = [];
  for (const group of groups) {
    const joined = joinWrappedLines(group.map((l) => l.text));
    const clean = collapseWhitespace(joined);
    if (clean !== "") paragraphs.push({ text: clean, line: group[0].line });
  }
  return paragraphs;
}

/** Runs of non-blank lines between blank lines. */
function splitBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const l of lines) {
    if (collapseWhitespace(l.text) === "") {
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
 * Most wrapped lines also stop in the middle of a sentence.
 */
function isHardWrapped(blocks: Line[][]): boolean {
  if (blocks.length < 2) return false;
  const continued: { width: number; nextWordWidth: number; text: string }[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.length - 1; i++) {
      // A line followed by a list item is short by design, not evidence either way.
      if (LIST_ITEM.test(block[i + 1].text.trimStart())) continue;
      const text = block[i].text.trim();
      const nextWordWidth = block[i + 1].text.trim().split(/\s/, 1)[0].length;
      continued.push({ width: text.length, nextWordWidth, text });
    }
  }
  if (continued.length < MIN_WRAPPED_LINES) return false;
  // The widest line within the limit is the width the editor wrapped at.
  let wrapWidth = 0;
  for (const c of continued) if (c.width <= MAX_WRAPPED_LINE && c.width > wrapWidth) wrapWidth = c.width;

  const filled = continued.filter(
    (c) => c.width <= wrapWidth && c.width + 1 + c.nextWordWidth > wrapWidth - WRAP_SLACK,
  ).length;
  const midSentence = continued.filter((c) => !endsSentence(c.text)).length;
  return (
    filled >= MIN_WRAPPED_LINES &&
    filled / continued.length >= MIN_WRAPPED_SHARE &&
    midSentence / continued.length >= MIN_MID_SENTENCE_SHARE
  );
}

function endsSentence(line: string): boolean {
  return /[.?!:;"”’')\]]\s*$/.test(line);
}

/**
 * One wrapped block is one paragraph, except that list items start new ones. A
 * dash can also begin a wrapped line mid-sentence ("decline" / "- means"), so a
 * marker only starts an item after a colon, a sentence end, or another item.
 */
function groupWrappedBlock(block: Line[]): Line[][] {
  const groups: Line[][] = [];
  for (const l of block) {
    const group = groups[groups.length - 1];
    if (group === undefined || startsListItem(l, group)) groups.push([l]);
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
