import { DateTime } from "luxon";

/**
 * "Cite this article": a plain-text reference and a BibTeX entry, made from the page's
 * schema.org NewsArticle (src/site/structured-data.ts), so a citation never says
 * anything the page's JSON-LD does not: headline, authors, publisher (the source),
 * date published, the page's URL and the archive's name.
 *
 * Article text is untrusted: in BibTeX every character with a meaning to TeX is escaped,
 * so a title can neither close its field nor run a command.
 */

/** The NewsArticle fields a citation reads (see newsArticleJsonLd). */
export interface CitedArticle {
  headline: string;
  url: string;
  datePublished?: string;
  author?: { name: string }[];
  publisher?: { name: string };
  isPartOf?: { name: string };
}

export interface Citation {
  text: string;
  bibtex: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "February 8, 2017", "February 2017" or "2017" for an ISO date of that precision. */
function dateInWords(date: string): string | undefined {
  const d = DateTime.fromISO(date, { zone: "utc", locale: "en-US" });
  if (!d.isValid) return undefined;
  return date.length === 10 ? d.toFormat("LLLL d, yyyy") : date.length === 7 ? d.toFormat("LLLL yyyy") : d.toFormat("yyyy");
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** Names joined as a reference lists them: "A", "A and B", "A, B, and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
}

/**
 * Text as BibTeX reads it literally: TeX's special characters escaped, braces and
 * backslashes included, control characters and line breaks as spaces.
 */
export function bibtexEscape(text: string): string {
  return oneLine(text.replace(/[\u0000-\u001f\u007f]/g, " ")).replace(/[\\{}%$&#_^~]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\textbackslash{}";
      case "^":
        return "\\textasciicircum{}";
      case "~":
        return "\\textasciitilde{}";
      default:
        return `\\${c}`;
    }
  });
}

/** A BibTeX key from the page's URL: its last path segment, only letters, digits and hyphens. */
function citationKey(url: string): string {
  const segment = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "article";
  return segment.replace(/[^A-Za-z0-9-]/g, "").slice(0, 60) || "article";
}

export function citeArticle(article: CitedArticle): Citation {
  const title = oneLine(article.headline);
  const authors = (article.author ?? []).map((a) => oneLine(a.name)).filter(Boolean);
  const publisher = article.publisher && oneLine(article.publisher.name);
  const site = article.isPartOf && oneLine(article.isPartOf.name);
  const date = article.datePublished;
  const words = date ? dateInWords(date) : undefined;

  // Authors. “Title.” Publisher, Date. Archive, URL.
  const lead = authors.length ? `${joinNames(authors)}. ` : "";
  const where = [publisher, words].filter(Boolean).join(", ");
  const text = `${lead}“${title.replace(/[.]$/, "")}.” ${where ? `${where}. ` : ""}${site ? `${site}, ` : ""}${article.url}.`;

  const fields: [string, string][] = [];
  // Double braces keep the title's capitals as they are.
  fields.push(["title", `{${bibtexEscape(title)}}`]);
  if (authors.length) fields.push(["author", authors.map(bibtexEscape).join(" and ")]);
  if (publisher) fields.push(["journal", bibtexEscape(publisher)]);
  if (date && words) {
    fields.push(["year", date.slice(0, 4)]);
    if (date.length >= 7) fields.push(["month", MONTHS[Number(date.slice(5, 7)) - 1]]);
    fields.push(["date", date]);
  }
  fields.push(["url", bibtexEscape(article.url)]);
  if (site) fields.push(["note", `Archived by ${bibtexEscape(site)}`]);
  const body = fields.map(([k, v]) => (k === "month" ? `  ${k} = ${v}` : `  ${k} = {${v}}`)).join(",\n");
  const bibtex = `@${publisher ? "article" : "misc"}{${citationKey(article.url)},\n${body}\n}`;
  return { text, bibtex };
}
