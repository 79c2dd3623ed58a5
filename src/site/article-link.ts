/**
 * An article as a list shows it: title and link, then its date, section and source, and
 * a one-line standfirst. One object per article, made on first use and shared by every
 * list that shows it (home, articles, timeline, names, sources, sections, on this day),
 * so a list page holds references, not copies.
 */

export interface ArticleLink {
  title: string;
  url: string;
  /** "Wednesday, February 8, 2017", "(inferred)" after a date ingest read (src/site/dates.ts). */
  date_label?: string;
  /** For `<time datetime>`. */
  date_datetime?: string;
  /** The source's name as its page shows it. */
  source?: string;
  /** The section's name. */
  section?: string;
  /** One line from the dek or the summary (src/site/standfirst.ts). */
  standfirst?: string;
}

export interface LinkableArticle {
  title: string;
  url: string;
  date_label?: string;
  date_datetime?: string;
  source?: string;
  section_name?: string;
  standfirst?: string;
}

const links = new WeakMap<object, ArticleLink>();
/** Every link articleLink made: src/site/partial-render.ts hashes each once, not once per page showing it. */
const made = new WeakSet<object>();

/** Whether `value` is a link made by articleLink (shared by the lists showing that article). */
export function isArticleLink(value: unknown): value is ArticleLink {
  return made.has(value as object);
}

export function articleLink(a: LinkableArticle): ArticleLink {
  let link = links.get(a);
  if (!link) {
    link = { title: a.title, url: a.url };
    if (a.date_label) link.date_label = a.date_label;
    if (a.date_datetime) link.date_datetime = a.date_datetime;
    if (a.source) link.source = a.source;
    if (a.section_name) link.section = a.section_name;
    if (a.standfirst) link.standfirst = a.standfirst;
    links.set(a, link);
    made.add(link);
  }
  return link;
}
