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

/** While set (withLinksAs), what JSON.stringify writes for a link instead of its fields. */
let linkStandIn: ((link: ArticleLink) => string) | undefined;

/**
 * Links made by articleLink serialize through this prototype's (non-enumerable) toJSON: as
 * their fields, or inside withLinksAs as the stand-in given. A replacer function did the
 * same for src/site/partial-render.ts's page fingerprints, called for every value of
 * every page (40% of a warm build's comparison of 17,490 pages).
 */
const LINK_PROTOTYPE: object = Object.create(Object.prototype, {
  toJSON: {
    value(this: ArticleLink): unknown {
      return linkStandIn ? linkStandIn(this) : { ...this };
    },
  },
});

/** Runs `fn` with every article link serialized by JSON.stringify as `standIn(link)`. */
export function withLinksAs<T>(standIn: (link: ArticleLink) => string, fn: () => T): T {
  const before = linkStandIn;
  linkStandIn = standIn;
  try {
    return fn();
  } finally {
    linkStandIn = before;
  }
}

export function articleLink(a: LinkableArticle): ArticleLink {
  let link = links.get(a);
  if (!link) {
    link = Object.create(LINK_PROTOTYPE) as ArticleLink;
    link.title = a.title;
    link.url = a.url;
    if (a.date_label) link.date_label = a.date_label;
    if (a.date_datetime) link.date_datetime = a.date_datetime;
    if (a.source) link.source = a.source;
    if (a.section_name) link.section = a.section_name;
    if (a.standfirst) link.standfirst = a.standfirst;
    links.set(a, link);
  }
  return link;
}
