import { slugOfWords, slugWords, shortHash } from "../ingest/slug.ts";
import type { ArticleRecord } from "../schema.ts";
import { articleLink, type ArticleLink } from "./article-link.ts";
import { contiguousMonths, formatCount, monthLabel, renderMonthChart } from "./month-chart.ts";
import { articleCount, placeDate, type Crumb, type PeriodLink, type TimelineArticle } from "./timeline.ts";

/**
 * The people, organization, place, event/work and topic (tag) pages: one index per kind
 * (by article count and A–Z) and one page per name, listing its articles newest first, the
 * names most often seen with it, and a per-month chart.
 *
 * A name gets a page only when enough articles name it (PAGE_MIN_ARTICLES: two for a
 * name, three for a topic): a page listing one article tells a reader nothing its article
 * does not. The other names stay in the articles' front matter and search filters, and
 * article pages show them as plain text.
 *
 * Everything is built from one pass over the articles (sorted once) and per-name lists
 * of article numbers, so the cost is O(n log n + mentions + co-mentions); page objects
 * share the same link objects and each holds at most one page of them.
 */

export type EntityKind = "people" | "organizations" | "places" | "events" | "tags";

export interface EntityKindInfo {
  kind: EntityKind;
  /** Index heading and nav label. */
  label: string;
  /** What one of them is called on its page. */
  singular: string;
  basePath: string;
}

export const ENTITY_KINDS: readonly EntityKindInfo[] = [
  { kind: "people", label: "People", singular: "Person", basePath: "/people/" },
  { kind: "organizations", label: "Organizations", singular: "Organization", basePath: "/organizations/" },
  { kind: "places", label: "Places", singular: "Place", basePath: "/places/" },
  { kind: "events", label: "Events & works", singular: "Event or work", basePath: "/events/" },
  { kind: "tags", label: "Topics", singular: "Topic", basePath: "/tags/" },
];

/** How many articles must name something before it gets a page of its own. */
export const PAGE_MIN_ARTICLES: Readonly<Record<EntityKind, number>> = { people: 2, organizations: 2, places: 2, events: 2, tags: 3 };

export function pageThreshold(kind: EntityKind): number {
  return PAGE_MIN_ARTICLES[kind];
}

export const ENTITY_PAGE_SIZE = 100;
export const ENTITY_INDEX_PAGE_SIZE = 200;
export const RELATED_COUNT = 10;
/** The A–Z index lives at /people/by-name/; `page` is kept for pagination. */
const BY_NAME = "by-name";
const RESERVED_SLUGS = new Set([BY_NAME, "page"]);

export type EntityArticle = TimelineArticle & Pick<ArticleRecord, "people" | "organizations" | "places" | "tags"> & { events?: readonly string[] };

/** A name as an article page shows it: a link when it has a page, plain text when not. */
export interface EntityLink {
  name: string;
  /** Its page; absent when too few articles name it for a page (PAGE_MIN_ARTICLES). */
  url?: string;
  /** Articles that name it. */
  count: number;
}

/** A name with a page. */
export interface PagedEntityLink extends EntityLink {
  url: string;
}

/**
 * A name as an article page or another name's page prints it: no count of its articles.
 * A page's data is what a warm build compares to know whether the page changed
 * (src/site/partial-render.ts), and a count nobody prints changed with every article
 * added: one Reuters article added to 10,000 had 2,347 article pages and 4,148 name pages
 * rendered again for counts they do not show.
 */
export type NameOnPage = Omit<EntityLink, "count">;

/** One kind's names on an article page. */
export interface EntityGroup {
  kind: EntityKind;
  label: string;
  items: NameOnPage[];
}

export interface RelatedEntity extends Omit<PagedEntityLink, "count"> {
  kindLabel: string;
  /** Articles naming both. */
  shared: number;
}

export interface EntityPage {
  /** The name's Atom feed (src/site/name-feeds.ts), when it has one. */
  feedUrl?: string;
  feedTitle?: string;
  kind: EntityKind;
  kindLabel: string;
  kindSingular: string;
  name: string;
  url: string;
  title: string;
  breadcrumbs: Crumb[];
  count: number;
  countLabel: string;
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  /** `start` for the page's <ol>. */
  firstRank: number;
  items: ArticleLink[];
  related: RelatedEntity[];
  /** Per-month chart (first page only; "" when its dated articles fall in fewer than two months). */
  chartSvg: string;
  /** The chart's counts as text, newest month first (first page only). */
  monthCounts: { label: string; count: number }[];
}

export interface EntityIndexEntry extends PagedEntityLink {
  /** Set on the first entry of a letter on an A–Z page: the id its letter link points at. */
  anchor?: string;
  letter?: string;
}

export interface EntityIndexPage {
  kind: EntityKind;
  label: string;
  order: "count" | "name";
  url: string;
  title: string;
  heading: string;
  /** Names of this kind with a page. */
  total: number;
  /** "1,234 people named in two or more articles (5,678 more named once)". */
  summary: string;
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  /** `start` for the page's <ol>. */
  firstRank: number;
  entries: EntityIndexEntry[];
  otherOrder: PeriodLink;
  /** A–Z pages: where each initial starts. */
  letters: PeriodLink[];
}

export interface EntityKindSummary {
  kind: EntityKind;
  label: string;
  url: string;
  /** Names with a page. */
  count: number;
  /** All names of the kind, with a page or not. */
  named: number;
}

export interface EntitySite {
  kinds: EntityKindSummary[];
  indexPages: EntityIndexPage[];
  /**
   * A name's pages. `related` is worked out when read, not kept (the pages of one name
   * share the last answer): see src/site/model.ts on what only a page prints.
   */
  pages: EntityPage[];
  /** One of the input articles' names as links, by kind: worked out when asked, not kept for every article. */
  groupsOf(article: EntityArticle): EntityGroup[];
}

/** A name page's related names, worked out when asked (its `related` getter). */
const RELATED_OF = Symbol("related names");

const RELATED_FIELD: PropertyDescriptor = {
  get(this: { [RELATED_OF]: () => RelatedEntity[] }) {
    return this[RELATED_OF]();
  },
  enumerable: true,
  configurable: true,
};

interface Entity {
  id: number;
  kind: EntityKindInfo;
  name: string;
  slug: string;
  url: string;
  /** Article numbers (into the newest-first order), newest first. */
  articles: number[];
  link: PagedEntityLink;
}

export class EntitySlugCollisionError extends Error {}

/**
 * The page slug of each name, unique within its kind. Two names that slugify alike
 * would share one URL, one page silently overwriting the other: that is an error the
 * maintainer fixes by merging the names. A name too long for a whole slug is cut, and
 * the cut slug ends with a hash of the whole: two long names that differ only after the
 * cut ("… and Commerce Department", "… and Commerce Departments") are two pages, and a
 * long name's address does not change when another such name joins the archive.
 */
export function assignEntitySlugs(kind: EntityKindInfo, names: readonly string[]): Map<string, string> {
  const byName = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const name of [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const words = slugWords(name);
    let slug = slugOfWords(words);
    const whole = words.join("-");
    // Names with no Latin letters or digits (北京) and reserved words get a stable hashed slug.
    if (!slug) slug = `${kind.kind === "people" ? "person" : "name"}-${shortHash(name, 8)}`;
    else if (slug !== whole) slug = `${slug}-${shortHash(whole)}`;
    else if (RESERVED_SLUGS.has(slug)) slug = `${slug}-${shortHash(name)}`;
    const other = owner.get(slug);
    if (other !== undefined) {
      throw new EntitySlugCollisionError(
        `${kind.label}: "${other}" and "${name}" would share the page ${kind.basePath}${slug}/. ` +
          `If they are the same, merge them in data/aliases.json (e.g. "canonical": { ${JSON.stringify(name)}: ${JSON.stringify(other)} }); ` +
          `if not, rename one there. The build fails loudly rather than letting one page overwrite another.`,
      );
    }
    owner.set(slug, name);
    byName.set(name, slug);
  }
  return byName;
}

const byNameCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** "A".."Z" by the name's first letter without accents; "#" for anything else. */
export function initialOf(name: string): string {
  const first = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().charAt(0).toUpperCase();
  return first >= "A" && first <= "Z" ? first : "#";
}

function compareByName(a: Entity, b: Entity): number {
  const la = initialOf(a.name);
  const lb = initialOf(b.name);
  if (la !== lb) return la === "#" ? -1 : lb === "#" ? 1 : la < lb ? -1 : 1;
  return byNameCollator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function compareByCount(a: Entity, b: Entity): number {
  return b.articles.length - a.articles.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Same order as the article listing: newest first, undated last, then slug. */
function compareNewestFirst(a: EntityArticle, b: EntityArticle): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

function pageUrl(base: string, k: number): string {
  return k === 1 ? base : `${base}page/${k}/`;
}

export function buildEntityPages(input: readonly EntityArticle[]): EntitySite {
  const order = input.map((_, i) => i).sort((i, j) => compareNewestFirst(input[i], input[j]));
  const articles = order.map((i) => input[i]);
  const links: ArticleLink[] = articles.map((a) => articleLink(a));

  // Collect names per kind: the articles naming each, then a page for those named often enough.
  const entities: Entity[] = [];
  const idsByPosition: number[][] = articles.map(() => []);
  /** Per kind: each name as pages print it (with a URL when it has a page) and, when it has a page, its entity's id. */
  const linksByKind = new Map<EntityKind, Map<string, { onPage: NameOnPage; id?: number }>>();
  const namedByKind = new Map<EntityKind, number>();
  for (const kind of ENTITY_KINDS) {
    const positionsByName = new Map<string, number[]>();
    articles.forEach((a, position) => {
      for (const name of a[kind.kind] ?? []) {
        let positions = positionsByName.get(name);
        if (!positions) positionsByName.set(name, (positions = []));
        // A name listed twice in one article counts once.
        if (positions[positions.length - 1] !== position) positions.push(position);
      }
    });
    namedByKind.set(kind.kind, positionsByName.size);
    const threshold = pageThreshold(kind.kind);
    const paged = [...positionsByName].filter(([, positions]) => positions.length >= threshold).map(([name]) => name);
    const slugs = assignEntitySlugs(kind, paged);
    const linkOf = new Map<string, { onPage: NameOnPage; id?: number }>();
    for (const [name, slug] of [...slugs].sort((x, y) => (x[1] < y[1] ? -1 : 1))) {
      const url = `${kind.basePath}${slug}/`;
      const positions = positionsByName.get(name)!;
      const entity: Entity = { id: entities.length, kind, name, slug, url, articles: positions, link: { name, url, count: positions.length } };
      entities.push(entity);
      linkOf.set(name, { onPage: { name, url }, id: entity.id });
    }
    for (const name of positionsByName.keys()) if (!linkOf.has(name)) linkOf.set(name, { onPage: { name } });
    linksByKind.set(kind.kind, linkOf);
    articles.forEach((a, position) => {
      for (const name of new Set(a[kind.kind] ?? [])) {
        const { id } = linkOf.get(name)!;
        if (id !== undefined) idsByPosition[position].push(id);
      }
    });
  }
  const groupsOf = (a: EntityArticle): EntityGroup[] => {
    const groups: EntityGroup[] = [];
    for (const kind of ENTITY_KINDS) {
      const links = linksByKind.get(kind.kind)!;
      const items = [...new Set(a[kind.kind] ?? [])].map((name) => links.get(name)!.onPage);
      if (items.length) groups.push({ kind: kind.kind, label: kind.label, items });
    }
    return groups;
  };

  const monthOf = articles.map((a) => {
    const p = placeDate(a.date, a.date_precision);
    return p?.month ? `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}` : undefined;
  });

  const shared = new Int32Array(entities.length);
  // The last name's related names: its pages come one after another.
  let last: { entity: Entity; related: RelatedEntity[] } | undefined;
  const relatedOf = (e: Entity) => {
    if (last?.entity !== e) last = { entity: e, related: relatedEntities(e, entities, idsByPosition, shared) };
    return last.related;
  };
  const pages: EntityPage[] = [];
  for (const e of entities) {
    const related = () => relatedOf(e);
    const monthCounts = new Map<string, number>();
    for (const position of e.articles) {
      const m = monthOf[position];
      if (m) monthCounts.set(m, (monthCounts.get(m) ?? 0) + 1);
    }
    const series = monthCounts.size >= 2 ? contiguousMonths(monthCounts) : [];
    const chartSvg = renderMonthChart(series, { idPrefix: "entity-chart", title: `Articles per month naming ${e.name}` });
    const countsAsText = series.length
      ? series.filter((m) => m.count > 0).reverse().map((m) => ({ label: monthLabel(m.month), count: m.count }))
      : [];
    const pageCount = Math.max(1, Math.ceil(e.articles.length / ENTITY_PAGE_SIZE));
    const countLabel = articleCount(e.articles.length);
    for (let k = 1; k <= pageCount; k++) {
      const page = {
        kind: e.kind.kind,
        kindLabel: e.kind.label,
        kindSingular: e.kind.singular,
        name: e.name,
        url: pageUrl(e.url, k),
        title: pageCount > 1 ? `${e.name} (page ${k} of ${pageCount})` : e.name,
        breadcrumbs: [{ label: e.kind.label, url: e.kind.basePath }, { label: e.name }],
        count: e.articles.length,
        countLabel,
        pageNumber: k,
        pageCount,
        previousUrl: k > 1 ? pageUrl(e.url, k - 1) : undefined,
        nextUrl: k < pageCount ? pageUrl(e.url, k + 1) : undefined,
        firstRank: (k - 1) * ENTITY_PAGE_SIZE + 1,
        items: e.articles.slice((k - 1) * ENTITY_PAGE_SIZE, k * ENTITY_PAGE_SIZE).map((p) => links[p]),
      };
      Object.defineProperty(page, RELATED_OF, { value: related });
      Object.defineProperty(page, "related", RELATED_FIELD);
      pages.push(Object.assign(page, { chartSvg: k === 1 ? chartSvg : "", monthCounts: k === 1 ? countsAsText : [] }) as EntityPage);
    }
  }

  const indexPages: EntityIndexPage[] = [];
  const kinds: EntityKindSummary[] = [];
  for (const kind of ENTITY_KINDS) {
    const ofKind = entities.filter((e) => e.kind === kind);
    const named = namedByKind.get(kind.kind) ?? 0;
    kinds.push({ kind: kind.kind, label: kind.label, url: kind.basePath, count: ofKind.length, named });
    indexPages.push(...indexPagesFor(kind, [...ofKind].sort(compareByCount), "count", named));
    indexPages.push(...indexPagesFor(kind, [...ofKind].sort(compareByName), "name", named));
  }

  return { kinds, indexPages, pages, groupsOf };
}

/**
 * The names most often in the same articles as `e`, across all kinds. `shared` is a
 * zeroed scratch array (one slot per entity) left zeroed on return.
 */
function relatedEntities(e: Entity, entities: readonly Entity[], idsByPosition: readonly (readonly number[])[], shared: Int32Array): RelatedEntity[] {
  const touched: number[] = [];
  for (const position of e.articles) {
    for (const id of idsByPosition[position]) {
      if (id === e.id) continue;
      if (shared[id]++ === 0) touched.push(id);
    }
  }
  // Keep the best RELATED_COUNT by (shared desc, articles desc, name): a bounded insertion, not a full sort.
  const better = (x: number, y: number) => {
    const a = entities[x];
    const b = entities[y];
    return shared[x] - shared[y] || a.articles.length - b.articles.length || (a.name < b.name ? 1 : a.name > b.name ? -1 : a.kind.kind < b.kind.kind ? 1 : -1);
  };
  const top: number[] = [];
  for (const id of touched) {
    // Most co-mentions are one-offs: a plain count comparison skips them before the full tie-break.
    if (top.length === RELATED_COUNT && (shared[id] < shared[top[RELATED_COUNT - 1]] || better(id, top[RELATED_COUNT - 1]) <= 0)) continue;
    let i = top.length < RELATED_COUNT ? top.length : RELATED_COUNT - 1;
    top[i] = id;
    while (i > 0 && better(top[i], top[i - 1]) > 0) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
      i--;
    }
  }
  const result = top.map((id) => ({ name: entities[id].name, url: entities[id].url, kindLabel: entities[id].kind.singular, shared: shared[id] }));
  for (const id of touched) shared[id] = 0;
  return result;
}

/** "people named in two or more articles" and how many more are named too rarely for a page. */
function indexSummary(kind: EntityKindInfo, paged: number, named: number): string {
  const noun = paged === 1 ? kind.singular.toLowerCase() : kind.label.toLowerCase();
  const threshold = pageThreshold(kind.kind);
  const rest = named - paged;
  const more = rest > 0 ? ` (${formatCount(rest)} more named in fewer, shown on their articles and found by search)` : "";
  return `${formatCount(paged)} ${noun} named in ${threshold === 2 ? "two" : threshold === 3 ? "three" : threshold} or more articles${more}`;
}

function indexPagesFor(kind: EntityKindInfo, sorted: readonly Entity[], order: "count" | "name", named: number): EntityIndexPage[] {
  const base = order === "count" ? kind.basePath : `${kind.basePath}${BY_NAME}/`;
  const otherOrder: PeriodLink =
    order === "count" ? { label: "A–Z", url: `${kind.basePath}${BY_NAME}/` } : { label: "By number of articles", url: kind.basePath };
  const heading = order === "count" ? `${kind.label}, by number of articles` : `${kind.label}, A–Z`;
  const pageCount = Math.max(1, Math.ceil(sorted.length / ENTITY_INDEX_PAGE_SIZE));

  const letters: PeriodLink[] = [];
  const entries: EntityIndexEntry[] = sorted.map((e, i) => {
    if (order !== "name") return e.link;
    const letter = initialOf(e.name);
    const isFirst = i === 0 || initialOf(sorted[i - 1].name) !== letter;
    if (!isFirst) return e.link;
    const anchor = `letter-${letter === "#" ? "other" : letter.toLowerCase()}`;
    letters.push({ label: letter, url: `${pageUrl(base, Math.floor(i / ENTITY_INDEX_PAGE_SIZE) + 1)}#${anchor}` });
    return { ...e.link, anchor, letter };
  });
  // A letter that starts mid-way down a page keeps its anchor; a page that begins mid-letter gets none.
  return Array.from({ length: pageCount }, (_, i) => ({
    kind: kind.kind,
    label: kind.label,
    order,
    url: pageUrl(base, i + 1),
    title: pageCount > 1 ? `${heading} (page ${i + 1} of ${pageCount})` : heading,
    heading,
    total: sorted.length,
    summary: indexSummary(kind, sorted.length, named),
    pageNumber: i + 1,
    pageCount,
    previousUrl: i > 0 ? pageUrl(base, i) : undefined,
    nextUrl: i + 1 < pageCount ? pageUrl(base, i + 2) : undefined,
    firstRank: i * ENTITY_INDEX_PAGE_SIZE + 1,
    entries: entries.slice(i * ENTITY_INDEX_PAGE_SIZE, (i + 1) * ENTITY_INDEX_PAGE_SIZE),
    otherOrder,
    letters,
  }));
}
