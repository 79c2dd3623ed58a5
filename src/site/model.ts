import { compareNewestFirst, formatArticleDate, machineDate } from "./dates.ts";
import { articleLink, type ArticleLink } from "./article-link.ts";
import { readArticleIndex, type ArticleContent, type IndexedArticle } from "./article-index.ts";
import { topEntities, type CountedName } from "./home.ts";
import { linksBySlug } from "./related.ts";
import { buildSourceIndex, sourceUrl, type SourceIndex } from "./sources.ts";
import { buildEntityPages, type EntityGroup, type EntitySite } from "./entity-pages.ts";
import { articleTimelineLinks, buildTimeline, dateInferenceNote, type ArticleTimelineLinks, type Timeline } from "./timeline.ts";
import { searchFields, type SearchFields } from "./search-fields.ts";
import { buildSectionIndex, sectionName, sectionUrl, type SectionIndex } from "./sections.ts";
import type { SectionId } from "../ingest/section-taxonomy.ts";
import { buildOnThisDay, type OnThisDay } from "./on-this-day.ts";
import { buildNameFeeds, type FeedLinkedPage, type FeedSource, type NameFeed } from "./name-feeds.ts";
import { inBuildShard, type BuildShard } from "./build-shards.ts";

/**
 * Everything the templates print, computed once in TypeScript. Templates loop over
 * these lists and print fields; they make no decisions about articles.
 */

/** An article as every page sees it: its indexed record and what the site derives from the archive. */
export interface SiteArticle extends IndexedArticle {
  url: string;
  /** The date in words, "(inferred)" after it when ingest read it (src/site/dates.ts). */
  date_label?: string;
  /** For `<time datetime>`: the ISO date, or "--MM-DD" for a month and day without a year. */
  date_datetime?: string;
  reading_minutes: number;
  previous?: ArticleLink;
  next?: ArticleLink;
  /** Its day, month and year pages in the timeline (src/site/timeline.ts). */
  timeline_links?: ArticleTimelineLinks;
  /** "date inferred from the text: “Jan. 26, 2017”" when ingest read the date out of the article. */
  date_note?: string;
  /** Its people, organizations, places and topics as links (src/site/entity-pages.ts). */
  entity_groups: EntityGroup[];
  /** The source's page, when the source is known. */
  source_url?: string;
  /** The section's name and page (src/site/sections.ts). */
  section_name?: string;
  section_url?: string;
  /** The articles most like it, chosen at ingest (src/ingest/related.ts), as links. */
  related_links: ArticleLink[];
  /** Other articles telling the same story (src/ingest/story-groups.ts), as links. */
  same_story_links: ArticleLink[];
  /** Pagefind filters and sort keys (src/site/search-fields.ts). */
  search?: SearchFields;
}

/** What an article's own page prints: the above and its content, read from its Markdown file. */
export type ArticlePageData = SiteArticle & ArticleContent;

export type { ArticleLink } from "./article-link.ts";

export interface ListingPage {
  url: string;
  title: string;
  pageNumber: number;
  pageCount: number;
  items: ArticleLink[];
  previousUrl?: string;
  nextUrl?: string;
  /** The Atom feed of this listing's name (src/site/name-feeds.ts), when it has one. */
  feedUrl?: string;
  feedTitle?: string;
}

export interface SiteModel {
  articles: SiteArticle[];
  articleListing: ListingPage[];
  /** The home page's newest articles: dated ones only (none when no article is dated). */
  newest: ArticleLink[];
  totals: { articles: number; undated: number };
  sources: SourceIndex;
  /** Section pages (src/site/sections.ts). */
  sections: SectionIndex;
  /** The home page's biggest topics and people, by article count. */
  topTags: CountedName[];
  topPeople: CountedName[];
  /** Timeline overview and period pages (src/site/timeline.ts). */
  timeline: Timeline;
  /** People, organization, place and topic pages and indexes (src/site/entity-pages.ts). */
  entities: EntitySite;
  /** /on-this-day/ pages and the home page's day (src/site/on-this-day.ts). */
  onThisDay: OnThisDay;
  /**
   * Atom feeds of the names, sections and sources with three or more articles
   * (src/site/name-feeds.ts). Not among `pages`: they are not HTML pages, and the
   * render process that writes the single pages writes them all.
   */
  nameFeeds: NameFeed[];
  /** The paginated pages this render process writes (all of them, or its share: see renderShare). */
  pages: RenderedPages;
}

export interface RenderedPages {
  articles: SiteArticle[];
  articleListing: ListingPage[];
  entityPages: EntitySite["pages"];
  entityIndexPages: EntitySite["indexPages"];
  timelinePages: Timeline["pages"];
  sourcePages: SourceIndex["pages"];
  onThisDayPages: OnThisDay["pages"];
  sectionPages: SectionIndex["pages"];
}

/** Which share of the paginated pages a render process writes: `index` of `count`. */
export interface RenderShare {
  index: number;
  count: number;
}

/**
 * Pages are split into this many shards by a hash of their URL: a render process writes
 * the pages of its shards (shard % count === index), and keeps their search records in
 * those shards' files (src/publish/search-records.ts), so no two processes write one file.
 * A process renders its share in rounds of whole shards (src/publish/render.ts): 256
 * shards let two processes render 100,000 articles' 180,000 pages in rounds of about
 * 1,400 pages (64 shards allowed rounds of 5,600, each Eleventy run holding them all).
 */
export const PAGE_SHARDS = 256;

/** The shard of the page at `url` (FNV-1a of the URL): fixed for a URL whatever else is in the site. */
export function pageShard(url: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PAGE_SHARDS;
}

/** Whether the page at `url` belongs to `share`. */
export function inShare(url: string, share: RenderShare): boolean {
  return share.count <= 1 || pageShard(url) % share.count === share.index;
}

/** The items of `share`: shares of similar size and mix, fixed per URL. */
export function shareOf<T extends { url: string }>(items: readonly T[], share: RenderShare): T[] {
  if (share.count <= 1) return [...items];
  return items.filter((item) => inShare(item.url, share));
}

/**
 * How many pages of the model `share` writes (in a sharded build, of those `buildShard` writes).
 */
export function pagesInShare(model: SiteModel, share: RenderShare, buildShard?: BuildShard): number {
  // The pages of one round: the same choice as the rounds', counted.
  return (Object.values(pagesByRound(model, share, 1, buildShard)[0]) as unknown[][]).reduce((n, pages) => n + pages.length, 0);
}

/**
 * The pages of `share` (and of `buildShard`) split into the `rounds` shares of it that a
 * process renders one after another (src/publish/render.ts): round r holds the pages of
 * share `{ index: share.index + r * share.count, count: share.count * rounds }`, each page
 * in exactly one round. One pass over the model's lists, where picking each round's pages
 * from the whole model went through every page of the archive once per round (at 100,000
 * articles, 147,000 pages 32 or 64 times in each render process).
 */
export function pagesByRound(model: SiteModel, share: RenderShare, rounds: number, buildShard?: BuildShard): RenderedPages[] {
  const total = share.count * rounds;
  const byRound = Array.from({ length: rounds }, () => ({}) as Record<string, { url: string }[]>);
  for (const [list, items] of Object.entries(model.pages) as [string, readonly { url: string; slug?: string }[]][]) {
    for (const round of byRound) round[list] = [];
    for (const item of items) {
      const shard = pageShard(item.url) % total;
      if (shard % share.count !== share.index || (buildShard && !inBuildShard(list, item, buildShard))) continue;
      byRound[(shard - share.index) / share.count][list].push(item);
    }
  }
  return byRound as unknown as RenderedPages[];
}

/**
 * On a page's plain copy (selectPages): the page as the model made it. Its fingerprint is
 * made from that (src/site/partial-render.ts), where an article's search fields and names
 * read as what they add to its own fields (withPageDataAsFingerprinted): the copy holds
 * them whole. A symbol and not enumerable, so neither JSON, a template nor a copy sees it.
 */
const PAGE_AS_MADE = Symbol("page as made");

/** The page `item` is a copy of, or `item` itself. */
export function pageAsMade<T extends object>(item: T): T {
  return (item as { [PAGE_AS_MADE]?: T })[PAGE_AS_MADE] ?? item;
}

/**
 * The model with only some of its paginated pages: those of `share`, and when `only` is
 * given, those at its URLs (and only the names' feeds at its URLs), and in a sharded
 * build those of `buildShard` (src/site/build-shards.ts). The whole-archive fields stay complete.
 */
export function selectPages(model: SiteModel, share: RenderShare, only?: ReadonlySet<string>, buildShard?: BuildShard): SiteModel {
  const all = share.count <= 1 && !only && !(buildShard && buildShard.count > 1);
  const pick = (list: string, items: readonly { url: string }[]) =>
    all ? items : shareOf((only ? items.filter((item) => only.has(item.url)) : items).filter((item) => !buildShard || inBuildShard(list, item, buildShard)), share);
  // Every list of pages, whatever lists the model has: a new kind of page needs nothing here.
  // Each page picked as a plain object, what only its page prints worked out once (see PAGE_DATA).
  // The copy keeps its page as made (PAGE_AS_MADE), which its fingerprint is made of.
  const pages = Object.fromEntries(Object.entries(model.pages).map(([list, items]) => [list, pick(list, items as { url: string }[]).map((item) => Object.defineProperty({ ...item }, PAGE_AS_MADE, { value: pageAsMade(item) }))]));
  // The names' feeds are written with the single pages; a partial render writes the changed ones.
  const nameFeeds = only ? model.nameFeeds.filter((feed) => only.has(feed.url)) : model.nameFeeds;
  return { ...model, pages: pages as unknown as RenderedPages, nameFeeds };
}

/**
 * What only an article's own page prints (its names, related articles, timeline links,
 * date note and search fields) is not kept on the article: each field is a getter that
 * works it out when read. A render process holds every article of the archive for its
 * lists, and these fields held 290 MB of the 790 MB model of a 100,000-article archive
 * in each process, for the few thousand article pages one Eleventy run writes. A page's
 * data as written and fingerprinted is the same: the getters are enumerable own
 * properties, in the order the fields had, so JSON.stringify and object spread read
 * them like any field (selectPages spreads the pages it picks into plain objects).
 */
const PAGE_DATA = Symbol("page data");

interface PageDataContext {
  links: (slugs: readonly string[] | undefined) => ArticleLink[];
  sourceNames: ReadonlyMap<string, string>;
  entities: EntitySite;
}

type WithContext = SiteArticle & { [PAGE_DATA]: PageDataContext };

/**
 * While set (withPageDataAsFingerprinted): an article's search fields and names read as
 * what they add to its own fields, which its page's fingerprint already holds
 * (src/site/partial-render.ts). The search fields are made of the article's own names,
 * tags, date, section and source (src/site/search-fields.ts), and print the source as its
 * page shows it, a choice made across the archive: they read as that name. Its names are
 * its own lists of names, each a link when the name has a page: they read as those links'
 * URLs. Written whole they were 3.1 of the 3.6 KB each article page's data made at
 * 100,000 articles (361 MB of JSON to make and hash in a warm build's comparison).
 */
let asFingerprinted = false;

/** Runs `fn` with every article's search fields and names read as a fingerprint needs them (see asFingerprinted). */
export function withPageDataAsFingerprinted<T>(fn: () => T): T {
  const before = asFingerprinted;
  asFingerprinted = true;
  try {
    return fn();
  } finally {
    asFingerprinted = before;
  }
}

const pageField = (get: (a: WithContext) => unknown): PropertyDescriptor => ({
  get(this: WithContext) {
    return get(this);
  },
  enumerable: true,
  configurable: true,
});

const ARTICLE_PAGE_FIELDS: PropertyDescriptorMap = {
  related_links: pageField((a) => a[PAGE_DATA].links(a.related)),
  same_story_links: pageField((a) => a[PAGE_DATA].links(a.same_story)),
  timeline_links: pageField((a) => articleTimelineLinks(a)),
  date_note: pageField((a) => dateInferenceNote(a)),
  entity_groups: pageField((a) => {
    const groups = a[PAGE_DATA].entities.groupsOf(a);
    // The kinds, their labels and each kind's names follow from the article's own lists.
    return asFingerprinted ? groups.map((g) => g.items.map((item) => item.url ?? 0)) : groups;
  }),
};

/** Defined after previous/next, where the field was set before. */
const SEARCH_FIELD = pageField((a) => {
  const source = a.source && a[PAGE_DATA].sourceNames.get(a.source);
  if (asFingerprinted) return { source: source ?? null };
  return searchFields({
    tags: a.tags,
    people: a.people,
    organizations: a.organizations,
    places: a.places,
    events: a.events,
    source,
    date: a.date,
    date_precision: a.date_precision,
    section: a.section,
    date_label: a.date_label,
  });
});

export const LISTING_PAGE_SIZE = 50;
const WORDS_PER_MINUTE = 230;
const HOME_NEWEST_COUNT = 10;
const HOME_TOP_COUNT = 12;

export function articleUrl(slug: string): string {
  // Joined rather than concatenated: one flat string, where a template literal leaves a
  // chain of pieces (objects a render process holds, and marks in every collection, for
  // each of an archive's articles).
  return ["/articles/", slug, "/"].join("");
}

/** The article as lists show it (src/site/article-link.ts): one shared object per article. */
export function linkTo(a: SiteArticle): ArticleLink {
  return articleLink(a);
}

/** Splits `items` into pages of at most `size`, the first at `baseUrl`, the rest at `baseUrl/page/N/`. */
export function paginate<T>(items: readonly T[], baseUrl: string, title: string, size: number, map: (t: T) => ArticleLink): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number) => (n === 1 ? baseUrl : `${baseUrl}page/${n}/`);
  return Array.from({ length: pageCount }, (_, i) => ({
    url: urlOf(i + 1),
    title: pageCount > 1 ? `${title} (page ${i + 1} of ${pageCount})` : title,
    pageNumber: i + 1,
    pageCount,
    items: items.slice(i * size, (i + 1) * size).map(map),
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < pageCount ? urlOf(i + 2) : undefined,
  }));
}

/**
 * `share`: which share of the paginated pages this render process writes. `only`: when
 * given, the paginated lists keep only the pages at these URLs (the dev server re-renders
 * just the pages whose data changed); the whole-archive fields stay complete.
 */
/** The whole archive's model for a render: from the index in hand, else read from the content folder. */
export async function loadSiteModel(contentDir: string, index: readonly IndexedArticle[] | undefined, today: string | undefined): Promise<SiteModel> {
  return buildSiteModel(index ?? (await readArticleIndex(contentDir)), undefined, undefined, { today });
}

export function buildSiteModel(
  index: readonly IndexedArticle[],
  share: RenderShare = { index: 0, count: 1 },
  only?: ReadonlySet<string>,
  options: { /** The build's day, YYYY-MM-DD: the home page's "on this day". */ today?: string } = {},
): SiteModel {
  const context = {} as PageDataContext;
  // A source's or section's URL is one string for all its articles, not one each.
  const sourceUrls = new Map<string, string>();
  const sectionUrls = new Map<SectionId, string>();
  const once = <K>(urls: Map<K, string>, key: K, make: (key: K) => string) => {
    let url = urls.get(key);
    if (url === undefined) urls.set(key, (url = make(key)));
    return url;
  };
  const articles: SiteArticle[] = index
    .map((record) => {
      const article = {
        ...record,
        url: articleUrl(record.slug),
        date_label: formatArticleDate(record),
        date_datetime: machineDate(record),
        reading_minutes: Math.max(1, Math.round(record.word_count / WORDS_PER_MINUTE)),
        source_url: record.source ? once(sourceUrls, record.source, sourceUrl) : undefined,
        section_name: record.section ? sectionName(record.section) : undefined,
        section_url: record.section ? once(sectionUrls, record.section, sectionUrl) : undefined,
      };
      Object.defineProperty(article, PAGE_DATA, { value: context });
      return Object.defineProperties(article, ARTICLE_PAGE_FIELDS) as SiteArticle;
    })
    .sort(compareNewestFirst);

  // Previous/next in time among dated articles (older = previous).
  const dated = articles.filter((a) => a.date);
  dated.forEach((a, i) => {
    if (i + 1 < dated.length) a.previous = linkTo(dated[i + 1]);
    if (i > 0) a.next = linkTo(dated[i - 1]);
  });

  context.links = linksBySlug(articles, linkTo);
  const sources = buildSourceIndex(articles);
  // Lists name a source as its page does ("USA Today" for "USA TODAY").
  for (const a of articles) if (a.source) linkTo(a).source = sources.shownName.get(a.source) ?? a.source;
  context.sourceNames = sources.shownName;
  const sections = buildSectionIndex(articles);
  for (const a of articles) Object.defineProperty(a, "search", SEARCH_FIELD);

  const timeline = buildTimeline(articles);
  const entities = buildEntityPages(articles);
  context.entities = entities;

  const onThisDay = buildOnThisDay(articles, options.today);
  const nameFeeds = buildNameFeeds<FeedLinkedPage>([...entityFeedGroups(entities), ...listingFeedGroups(sources.pages, (p) => p.source, "from"), ...listingFeedGroups(sections.pages, (p) => p.section, "in")]);
  const articleListing = paginate(articles, "/articles/", "All articles", LISTING_PAGE_SIZE, linkTo);
  const model: SiteModel = {
    articles,
    articleListing,
    // An undated article is not "newest": it may be the oldest of all.
    newest: dated.slice(0, HOME_NEWEST_COUNT).map(linkTo),
    totals: { articles: articles.length, undated: articles.length - dated.length },
    sources,
    sections,
    topTags: topEntities(entities, "tags", HOME_TOP_COUNT),
    topPeople: topEntities(entities, "people", HOME_TOP_COUNT),
    timeline,
    entities,
    onThisDay,
    nameFeeds,
    pages: {
      articles,
      articleListing,
      entityPages: entities.pages,
      entityIndexPages: entities.indexPages,
      timelinePages: timeline.pages,
      sourcePages: sources.pages,
      onThisDayPages: onThisDay.pages,
      sectionPages: sections.pages,
    },
  };
  // Pages are picked (and what only a page prints written out) by whoever renders them.
  return share.count <= 1 && !only ? model : selectPages(model, share, only);
}

/** Each name's pages, for its feed: the first page's articles are its newest. */
function entityFeedGroups(entities: EntitySite): { source: FeedSource; pages: EntitySite["pages"] }[] {
  const groups = new Map<string, { source: FeedSource; pages: EntitySite["pages"] }>();
  for (const page of entities.pages) {
    const key = `${page.kind}\u0000${page.name}`;
    let group = groups.get(key);
    if (!group) {
      const what = page.kind === "tags" ? `on ${page.name}` : `naming ${page.name} (${page.kindSingular.toLowerCase()})`;
      group = { source: { pageUrl: page.url, title: page.name, subtitle: `Newest articles ${what}`, count: page.count, items: page.items }, pages: [] };
      groups.set(key, group);
    }
    group.pages.push(page);
  }
  return [...groups.values()];
}

/** A source's or a section's listing pages, for its feed. */
function listingFeedGroups<P extends ListingPage>(pages: readonly P[], owner: (p: P) => { name: string; url: string; count: number }, preposition: "from" | "in"): { source: FeedSource; pages: P[] }[] {
  const groups = new Map<string, { source: FeedSource; pages: P[] }>();
  for (const page of pages) {
    const o = owner(page);
    let group = groups.get(o.url);
    if (!group) groups.set(o.url, (group = { source: { pageUrl: o.url, title: o.name, subtitle: `Newest articles ${preposition} ${o.name}`, count: o.count, items: page.items }, pages: [] }));
    group.pages.push(page);
  }
  return [...groups.values()];
}
