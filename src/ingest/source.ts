import type { ArticleStructure, RemovedItem } from "./types.ts";
import { AGENCY_TAGS, COPYRIGHT_PREFIX, PUBLISHER_ALIASES, PUBLISHER_ALTERNATION, PUBLISHERS } from "./furniture-patterns.ts";
import { extractCredits, type Credits } from "./credits.ts";

/**
 * Step 6 of ingest: the publisher, only when the text itself says who published it:
 * an agency tag in the dateline ("WASHINGTON (Reuters) -"), a wire tag opening the
 * story ("(CNN)The Clintons…"), the wire's "Reuter" sign-off, or a staff credit ("Miami
 * Herald staff writer X contributed to this report"), a copyright line under the story
 * ("© 2016 POLITICO SPRL"), or the writer's bio under it ("Josh Gerstein is a senior
 * reporter for POLITICO."). A quote such as "told the Miami
 * Herald" is not evidence: the paper a source spoke to need not be the one that printed
 * the story. Unknown stays absent.
 */

export interface SourceFinding {
  source?: string;
  /** The printed text the source was read from. */
  evidence?: string;
}

/**
 * "Miami Herald staff writer Douglas Hanks", "CNN's Dan Merica", "Associated Press
 * writers Steve Karnowski": the publisher introduces its own staff.
 */
const STAFF_CREDIT = new RegExp(
  `(?:^|[\\s(])(?:The )?(${PUBLISHER_ALTERNATION})(?:(?:'s|’s)\\s+\\p{Lu}|\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?|photographers?|staff)\\b)`,
  "u",
);

/** A known publisher's name opening what a copyright line holds after its sign and year ("© 2016 POLITICO SPRL"). */
const COPYRIGHT_HOLDER = new RegExp(`^${COPYRIGHT_PREFIX}(?:The )?(${PUBLISHER_ALTERNATION})\\b`, "iu");

/** The publisher a writer's bio says they work for: "is a senior reporter for POLITICO". */
const BIO_PUBLISHER = new RegExp(`\\bis (?:(?:an?|the) )?(?:[\\p{L}-]+ ){0,3}(?:writer|reporter|correspondent|columnist|editor|journalist) (?:at|for|with) (?:the )?(${PUBLISHER_ALTERNATION})\\b`, "u");

/** "WASHINGTON (Reuters) -", or the 1987 wire's "ROME, March 13, Reuter -". */
const DATELINE_AGENCY = /\(([^)]+)\)|,\s*(Reuters?)\s*(?:—|–|--|-)\s*$/;

function publisherName(printed: string): string {
  return PUBLISHER_ALIASES[printed] ?? printed;
}

/** `credits` defaults to what src/ingest/credits.ts reads from the same body and removed lines. */
export function detectSource(structure: ArticleStructure, removed: RemovedItem[], credits: Credits = extractCredits(structure.body, removed)): SourceFinding {
  const agency = structure.dateline_raw ? DATELINE_AGENCY.exec(structure.dateline_raw) : null;
  if (agency) {
    const name = AGENCY_TAGS[(agency[1] ?? agency[2]).trim().toLowerCase()];
    if (name) return { source: name, evidence: structure.dateline_raw };
  }
  if (credits.lead) return { source: credits.lead.source, evidence: credits.lead.text };
  for (const item of removed) {
    if (item.kind === "agency-signoff" && /^reuters?$/i.test(item.text)) {
      return { source: "Reuters", evidence: item.text };
    }
  }
  for (const line of credits.lines) if (line.publisher) return { source: line.publisher, evidence: line.text };
  for (const item of [...credits.lines, ...removed.filter((r) => r.kind === "contributor-credit")]) {
    const credit = STAFF_CREDIT.exec(item.text);
    if (credit) return { source: publisherName(credit[1]), evidence: item.text };
  }
  // Removed as a copyright line, or as text many of the site's pages repeat.
  for (const item of removed) {
    const holder = COPYRIGHT_HOLDER.exec(item.text);
    if (holder) return { source: publisherName(PUBLISHERS.find((p) => p.toLowerCase() === holder[1].toLowerCase()) ?? holder[1]), evidence: item.text };
  }
  for (const item of removed) {
    const bio = item.kind === "author-bio" ? BIO_PUBLISHER.exec(item.text) : null;
    if (bio) return { source: publisherName(bio[1]), evidence: item.text };
  }
  return {};
}
