import { SECTIONS, SECTION_NAMES, type SectionId } from "../ingest/section-taxonomy.ts";
import { linkTo, paginate, type ListingPage, type SiteArticle } from "./model.ts";

/**
 * The sections index (`/sections/`) and one listing per section (`/sections/<id>/`, 100
 * articles a page, newest first). Sections are a fixed set (data/sections.json), listed
 * in its order; a section no article is filed under has no page.
 */

export const SECTION_PAGE_SIZE = 100;

export interface SectionSummary {
  id: SectionId;
  name: string;
  url: string;
  count: number;
}

export interface SectionListingPage extends ListingPage {
  section: SectionSummary;
}

export interface SectionIndex {
  /** Sections with at least one article, in the taxonomy's order. */
  sections: SectionSummary[];
  pages: SectionListingPage[];
}

export function sectionUrl(id: SectionId): string {
  return `/sections/${id}/`;
}

export function sectionName(id: SectionId): string {
  return SECTION_NAMES[id];
}

/** `articles` in the order the listings should show them (the model's newest first). */
export function buildSectionIndex(articles: readonly SiteArticle[], pageSize = SECTION_PAGE_SIZE): SectionIndex {
  const bySection = new Map<SectionId, SiteArticle[]>();
  for (const article of articles) {
    if (!article.section) continue;
    const list = bySection.get(article.section);
    if (list) list.push(article);
    else bySection.set(article.section, [article]);
  }
  const sections: SectionSummary[] = [];
  const pages: SectionListingPage[] = [];
  for (const { id, name } of SECTIONS) {
    const list = bySection.get(id);
    if (!list) continue;
    const summary = { id, name, url: sectionUrl(id), count: list.length };
    sections.push(summary);
    pages.push(...paginate(list, summary.url, name, pageSize, linkTo).map((page) => ({ ...page, section: summary })));
  }
  return { sections, pages };
}
