import type { RemovedKind } from "../ingest/types.ts";

/**
 * What readers see for each kind of page furniture ingest removed: plain words, not
 * the internal ids stored in front matter. Typed against RemovedKind, so a new kind
 * cannot ship without a label.
 */
export const FURNITURE_LABELS: Record<RemovedKind, string> = {
  "video-caption": "Video caption",
  "photo-caption": "Photo caption",
  "up-next": "Read next",
  "related-links": "Related links",
  banner: "Site banner",
  "share-widget": "Share buttons",
  "comment-count": "Comment count",
  "signup-prompt": "Newsletter or cookie prompt",
  advertisement: "Advertisement or empty ad slot",
  "author-bio": "Author bio",
  "contributor-credit": "Reporting credit",
  recurring: "Repeated site text",
  "agency-signoff": "Wire sign-off",
  "story-highlights": "Story highlights",
  "repeated-headline": "Headline printed again",
  copyright: "Copyright line",
};

/** The reader's label for a removed item's kind; an unknown id is spelled out ("some-kind" → "Some kind"). */
export function furnitureLabel(kind: string): string {
  if (Object.hasOwn(FURNITURE_LABELS, kind)) return FURNITURE_LABELS[kind as RemovedKind];
  const words = kind.replace(/[-_]+/g, " ").trim();
  return words === "" ? "Page furniture" : words[0].toUpperCase() + words.slice(1);
}
