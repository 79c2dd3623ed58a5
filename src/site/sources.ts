import { shortHash, slugify } from "../ingest/slug.ts";
import { linkTo, paginate, type ListingPage, type SiteArticle } from "./model.ts";

/**
 * The sources index (`/sources/`) and one listing per source (`/sources/<slug>/`,
 * 100 articles a page, newest first). Spellings that slugify alike ("USA TODAY",
 * "USA Today") are one source: otherwise two pages would fight for one URL. The page
 * shows the spelling most articles use.
 */

export const SOURCE_PAGE_SIZE = 100;

export interface SourceSummary {
  name: string;
  slug: string;
  url: string;
  count: number;
}

export interface SourceListingPage extends ListingPage {
  source: SourceSummary;
}

export interface SourceIndex {
  /** Every source, by name. */
  sources: SourceSummary[];
  /** Every page of every source's listing. */
  pages: SourceListingPage[];
  /** Articles with no known source. */
  unattributed: number;
  /** Each spelling found in articles → the name its source page shows. */
  shownName: Map<string, string>;
}

/** A source name's URL part; a name with no ASCII letters or digits gets a stable hash. */
export function sourceSlug(name: string): string {
  return slugify(name) || `source-${shortHash(name)}`;
}

export function sourceUrl(name: string): string {
  return `/sources/${sourceSlug(name)}/`;
}

/** `articles` in the order the listings should show them (the model's newest first). */
export function buildSourceIndex(articles: readonly SiteArticle[], pageSize = SOURCE_PAGE_SIZE): SourceIndex {
  const groups = new Map<string, { spellings: Map<string, number>; articles: SiteArticle[] }>();
  let unattributed = 0;
  for (const article of articles) {
    if (!article.source) {
      unattributed++;
      continue;
    }
    const slug = sourceSlug(article.source);
    let group = groups.get(slug);
    if (!group) groups.set(slug, (group = { spellings: new Map(), articles: [] }));
    group.spellings.set(article.source, (group.spellings.get(article.source) ?? 0) + 1);
    group.articles.push(article);
  }

  const entries = [...groups].map(([slug, group]) => ({
    summary: { name: mostUsedSpelling(group.spellings), slug, url: `/sources/${slug}/`, count: group.articles.length },
    articles: group.articles,
    spellings: [...group.spellings.keys()],
  }));
  entries.sort((a, b) => a.summary.name.localeCompare(b.summary.name, "en") || (a.summary.slug < b.summary.slug ? -1 : 1));

  return {
    sources: entries.map((e) => e.summary),
    pages: entries.flatMap(({ summary, articles: list }) =>
      paginate(list, summary.url, summary.name, pageSize, linkTo).map((page) => ({ ...page, source: summary })),
    ),
    unattributed,
    shownName: new Map(entries.flatMap((e) => e.spellings.map((spelling) => [spelling, e.summary.name] as const))),
  };
}

/** The spelling most articles use; ties go to the first in code-point order. */
function mostUsedSpelling(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [name, count] of spellings) {
    if (count > bestCount || (count === bestCount && name < best)) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}
