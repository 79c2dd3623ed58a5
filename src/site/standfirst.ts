import type { ArticleRecord } from "../schema.ts";

/**
 * The one line a list shows under an article's title: its dek, else the summary of its
 * lead (src/ingest/summary.ts), without a repeat of the title (many wire stories open with
 * their headline), cut at a word before `max` characters. Undefined when nothing is left.
 */
export function standfirstOf(record: Pick<ArticleRecord, "title" | "dek" | "summary">, max = 180): string | undefined {
  // A dek that is blank or only repeats the title gives way to the lead's summary.
  return lineFrom(record.dek, record.title, max) ?? lineFrom(record.summary, record.title, max);
}

function lineFrom(source: string | undefined, rawTitle: string, max: number): string | undefined {
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  let text = squash(source ?? "");
  const title = squash(rawTitle);
  // A lead that opens with the headline as a sentence of its own repeats it: drop it. One
  // whose first sentence only starts like the title ("… cities” after a mayor …) is kept whole.
  if (title && text.toLowerCase().startsWith(title.toLowerCase())) {
    const rest = text.slice(title.length).replace(/^[\s.:;,!?—–-]+/, "");
    if (rest === "" || /^[\p{Lu}\p{N}“"‘'(]/u.test(rest)) text = rest;
  }
  if (!text || text.toLowerCase() === title.toLowerCase()) return undefined;
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, "")}…`;
}
