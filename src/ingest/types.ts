/**
 * Shapes passed between the ingest steps. The data flows one way:
 * bytes → text → paragraphs → (furniture removed) → structure → record.
 */

/** One paragraph of a raw file, with the 1-based line it starts on (for messages). */
export interface Paragraph {
  text: string;
  line: number;
}

export type RemovedKind =
  | "video-caption"
  | "photo-caption"
  | "up-next"
  | "related-links"
  | "banner"
  | "share-widget"
  | "comment-count"
  | "signup-prompt"
  | "advertisement"
  | "author-bio"
  | "contributor-credit"
  | "recurring"
  | "agency-signoff"
  | "story-highlights"
  | "repeated-headline"
  | "copyright";

/** A piece of page furniture that ingest dropped, kept so a reviewer can see it. */
export interface RemovedItem {
  kind: RemovedKind;
  text: string;
  line: number;
}

/** What the structure step finds at the top of an article. */
export interface ArticleStructure {
  title: string;
  /** `headline` when the file has one; `lead` when derived from the first paragraph. */
  title_source: "headline" | "lead";
  dek?: string;
  /** Place name of a dateline such as "MIAMI —" ("Miami"). */
  dateline?: string;
  /** The dateline as printed, e.g. "SALVADOR, Feb 26 -" (dates read it). */
  dateline_raw?: string;
  authors: string[];
  /** The body paragraphs, dateline prefix removed from the first. */
  body: Paragraph[];
  /** Lines the structure step dropped (banners above the headline, bylines...). */
  removed: RemovedItem[];
}

export interface EntityMentions {
  people: string[];
  organizations: string[];
  places: string[];
  /** Named events and works. */
  events: string[];
}
