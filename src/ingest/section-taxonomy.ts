import sectionsJson from "../../data/sections.json" with { type: "json" };

/**
 * The archive's fixed set of sections (data/sections.json): a subset of the top level of
 * IPTC Media Topics. Kept apart from the classifier (sections.ts) so the schema and the
 * site can name sections without loading the lexicon's lookups.
 */

export type SectionId =
  | "politics"
  | "economy"
  | "crime"
  | "conflict"
  | "disaster"
  | "arts"
  | "science"
  | "health"
  | "environment"
  | "education"
  | "religion"
  | "lifestyle"
  | "labour"
  | "society"
  | "sport"
  | "weather";

export interface SectionInfo {
  id: SectionId;
  name: string;
  /** IPTC Media Topic code, e.g. medtop:11000000. */
  iptc: string;
}

/** Every section, in the order pages list them. */
export const SECTIONS: readonly SectionInfo[] = sectionsJson.sections.map(({ id, name, iptc }) => ({ id: id as SectionId, name, iptc }));
export const SECTION_IDS = SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]];
export const SECTION_NAMES = Object.fromEntries(SECTIONS.map((s) => [s.id, s.name])) as Record<SectionId, string>;
/** The section of an article no lexicon term points anywhere. */
export const FALLBACK_SECTION = sectionsJson.fallback as SectionId;

/**
 * A section as a contributor may write it in front matter: its id ("politics") or its
 * name ("Economy, business and finance"), in any case. Undefined when it is neither.
 */
export function parseSection(value: string): SectionId | undefined {
  const wanted = value.trim().toLowerCase();
  return SECTIONS.find((s) => s.id === wanted || s.name.toLowerCase() === wanted)?.id;
}
