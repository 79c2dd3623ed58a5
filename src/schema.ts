import { z } from "zod";
import { parseSection, SECTION_IDS } from "./ingest/section-taxonomy.ts";

/**
 * The article record: the whole front-matter contract in one place. Ingest output,
 * contributors' own front matter (`ContributorFrontMatter`), `check`, and the site's
 * data loading are all validated against these schemas.
 */

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-\d{2}$/;
const isoYear = /^\d{4}$/;

/** YYYY-MM-DD for day precision, YYYY-MM for month, YYYY for year. */
export const ArticleDate = z
  .string()
  .refine((s) => isoDay.test(s) || isoMonth.test(s) || isoYear.test(s), {
    message: "must be YYYY-MM-DD (or YYYY-MM / YYYY for a partial date)",
  });

/**
 * A contributor's `date:` as YAML gives it: an unquoted 2017-02-08 arrives as a Date
 * and 2017 as a number; both mean the same as the quoted string.
 */
const ContributorDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(v) : v),
  ArticleDate,
);

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");

const Name = z.string().min(1).max(300);

/** A BCP 47 language tag as HTML's `lang` takes it: "en", "de", "pt-BR". */
const Lang = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en, de or pt-BR");

/** One of the archive's sections (data/sections.json), by id. */
export const Section = z.enum(SECTION_IDS);

/** A contributor may write a section's id or its name, in any case ("Politics", "sport"). */
const ContributorSection = z.preprocess(
  (v) => (typeof v === "string" ? parseSection(v) ?? v : v),
  z.enum(SECTION_IDS, { error: () => `must be one of the sections: ${SECTION_IDS.join(", ")}` }),
);

export const RemovedItemSchema = z
  .object({
    kind: z.string(),
    text: z.string(),
    line: z.number().int().positive(),
  })
  .strict();

export const ArticleRecord = z
  .object({
    source_file: z.string().min(1),
    title: z.string().min(1),
    title_source: z.enum(["headline", "lead", "front_matter"]),
    /** The headline as printed, when the title was made readable (sentence case, tickers out). */
    title_original: z.string().min(1).optional(),
    /** Stock tickers the headline carried: "<OIL>" → "OIL". */
    tickers: z.array(z.string().regex(/^[A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,2})?$/)).optional(),
    slug: Slug,
    dek: z.string().min(1).optional(),
    dateline: z.string().min(1).optional(),
    authors: z.array(Name),
    source: z.string().min(1).optional(),
    lang: Lang.optional(),
    /** People the article's credit lines name ("X contributed to this report", photo credits). */
    contributors: z.array(Name).optional(),
    /** The credit lines as printed, shown on the article page. */
    credits: z.array(z.string().min(1)).optional(),
    date: ArticleDate.optional(),
    date_precision: z.enum(["day", "month", "year"]).optional(),
    /** folder_default: the year (or the whole date) comes from a `_defaults.yml`; the evidence says which. */
    date_source: z.enum(["front_matter", "file_name", "dateline", "text", "folder_default"]).optional(),
    date_evidence: z.string().optional(),
    /** MM-DD: the publication's month and day when nothing gives the year (then `date` is absent). */
    date_month_day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).optional(),
    people: z.array(Name),
    organizations: z.array(Name),
    places: z.array(Name),
    /** Named events and works (a tournament, a film, a hurricane); absent in older output. */
    events: z.array(Name).optional(),
    tags: z.array(Name),
    /** The article's section (src/ingest/sections.ts); always set by ingest. */
    section: Section.optional(),
    summary: z.string(),
    word_count: z.number().int().nonnegative(),
    /** Slugs of the articles most like it (src/ingest/related.ts), best first. */
    related: z.array(Slug).optional(),
    /** Slugs of articles telling the same story: copies and near copies (src/ingest/story-groups.ts). */
    same_story: z.array(Slug).optional(),
    removed: z.array(RemovedItemSchema),
  })
  .strict();
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/**
 * What a contributor may set in a raw file's own front matter: corrections to what
 * ingest extracts. Anything else (Eleventy keys such as `permalink` or `layout`
 * included) is rejected.
 */
export const ContributorFrontMatter = z
  .object({
    title: z.string().min(1).max(500).optional(),
    dek: z.string().min(1).max(1000).optional(),
    dateline: z.string().min(1).max(200).optional(),
    authors: z.array(Name).optional(),
    source: z.string().min(1).max(300).optional(),
    lang: Lang.optional(),
    contributors: z.array(Name).optional(),
    date: ContributorDate.optional(),
    people: z.array(Name).optional(),
    organizations: z.array(Name).optional(),
    places: z.array(Name).optional(),
    events: z.array(Name).optional(),
    tags: z.array(Name).optional(),
    section: ContributorSection.optional(),
    slug: Slug.optional(),
  })
  .strict();
export type ContributorFrontMatter = z.infer<typeof ContributorFrontMatter>;

export const CONTRIBUTOR_KEYS = Object.keys(ContributorFrontMatter.shape);

/**
 * `_defaults.yml`: what a maintainer says once for every article file in a folder and
 * below (src/ingest/folder-defaults.ts reads it). The picked keys are front matter an
 * article inherits unless it sets them itself; adding one here is all it takes for
 * folders to set it. `year` or `period` says when the folder's articles were published.
 */
export const FolderDefaults = ContributorFrontMatter.pick({
  source: true,
  authors: true,
  lang: true,
  section: true,
})
  .extend({
    // YAML reads `year: 1987` as a number and `period: 2016` as one too.
    year: z.preprocess((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v), z.number().int().min(1800).max(9999)).optional(),
    period: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string()).optional(),
  })
  .strict();
export type FolderDefaults = z.infer<typeof FolderDefaults>;

export const FOLDER_DEFAULT_KEYS = Object.keys(FolderDefaults.shape);
