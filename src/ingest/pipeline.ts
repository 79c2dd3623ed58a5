import { ArticleError, HeadlineOnlyError, NotAnArticleError } from "../errors.ts";
import { ArticleRecord, type ContributorFrontMatter } from "../schema.ts";
import { decodeArticleBytes } from "./decode.ts";
import { detokenizeIfTokenized } from "./detokenize.ts";
import { splitParagraphs } from "./paragraphs.ts";
import { findErrorPage } from "./error-pages.ts";
import { collectFurnitureEvidence, removeFurniture, type EvidenceObserver, type EvidenceSource, type FurnitureEvidence } from "./furniture.ts";
import { extractStructure } from "./structure.ts";
import { readableTitle } from "./titles.ts";
import { detectSource } from "./source.ts";
import { createHash } from "node:crypto";
import { extractPublicationDate, type DatePeriod, type DateResult } from "./dates.ts";
import { applyFolderDefaults, DEFAULTS_FILE, type InheritedDefaults } from "./folder-defaults.ts";
import { authorOfBio, contributorsOf, extractCredits } from "./credits.ts";
import { extractMentions } from "./entities.ts";
import { resolveEntities, loadAliasTable } from "./entity-merge.ts";
import { extractTagCandidates, chooseTags, forgetTagPhrases } from "./tags.ts";
import { contentWords, findRelated, MIN_ARTICLES_FOR_HELPER, relatedHelper, type RelatedState } from "./related.ts";
import { findStoryGroups } from "./story-groups.ts";
import type { SketchStore } from "../check/near-duplicates.ts";
import { classifySection } from "./sections.ts";
import { splitContributorFrontMatter } from "./front-matter.ts";
import { assignSlugs, SlugCollisionError } from "./slug.ts";
import { countWords, summarizeLead } from "./summary.ts";
import type { Paragraph, RemovedItem } from "./types.ts";

/**
 * The ingest pipeline: raw bytes → article records. Pure: the caller reads the
 * files and writes the output. Per-article steps run first; the archive-wide
 * passes (recurring furniture, entity merging, tag choice, slugs) run once over
 * the whole archive.
 */

export interface RawArticleInput {
  /** Path relative to the articles folder. */
  file: string;
  bytes: Uint8Array;
  /** What the `_defaults.yml` files above it say (src/ingest/folder-defaults.ts). */
  defaults?: InheritedDefaults;
}

/**
 * What a per-article cache must key on: the file's bytes and the folder defaults it
 * inherits (editing a `_defaults.yml` changes its articles without touching them).
 */
export function articleInputHash(input: RawArticleInput): string {
  const hash = createHash("sha1").update(input.bytes);
  if (input.defaults) hash.update("\0").update(JSON.stringify(input.defaults));
  return hash.digest("hex");
}

export interface IngestedArticle {
  record: ArticleRecord;
  /** Clean body paragraphs (plain text, not yet escaped). */
  body: string[];
  /** bodyDigest(body), when the analysis kept it. */
  bodyDigest?: string;
}

/**
 * A digest of an article's body paragraphs: part of its Markdown file's key
 * (src/publish/ingest-stage.ts), which says whether the file changed. Made with the
 * analysis and kept in the cache with it: at 100,000 articles a warm build serialized and
 * hashed every body again, 1.1 s before the index could be written.
 */
export function bodyDigest(body: readonly string[]): string {
  return createHash("sha1").update(JSON.stringify(body)).digest("hex");
}

export interface IngestWarning {
  file: string;
  message: string;
  /** "undated": the article has no publication date (a folder default may fix a whole folder); "duplicate": an exact copy of another. */
  kind?: "undated" | "duplicate";
}

export interface IngestResult {
  articles: IngestedArticle[];
  errors: ArticleError[];
  warnings: IngestWarning[];
  /** The archive-wide furniture evidence the articles were read with (a sharded build's summary carries it). */
  evidence?: FurnitureEvidence;
}

export interface IngestOptions {
  /** The build's "today": dates after it are never used. */
  now: Date;
  /** Parsed data/aliases.json (maintainer corrections of entity names). */
  aliases?: unknown;
  /** Called after each article's per-article steps (progress display). */
  onProgress?: (done: number, total: number) => void;
  /** Reuses per-article results between runs of one process (the dev server's watch mode). */
  memo?: PerArticleMemo;
  /**
   * Called once every analysis is made, when the memo does not hold them (a one-run memo,
   * or none): nothing in this call reads the inputs' bytes after it, so a caller that will
   * not read them again either may let them go (a build's ingest process: 131 MB at 100,000
   * articles, held through the archive-wide passes). With a one-run memo it is called by
   * the memo's analysesMade, before the memo's collection, so the bytes go back with the
   * rest (left to V8's next full collection, a summary job of 100,000 articles held them
   * into its story-group pass).
   */
  inputsRead?: () => void;
  /**
   * Called once the related-articles pass has made its scoring job and starts scoring, on
   * every core when a helper thread shares it (a build's process holds its own work
   * meanwhile: src/publish/build.ts).
   */
  onRelatedScoring?: () => void;
}

/**
 * A cache around the per-article steps. `run` computes the result; the memo decides
 * when a stored one is still valid (same bytes; same furniture evidence for its lines).
 */
export interface PerArticleMemo {
  decode(input: RawArticleInput, run: () => DecodedArticle): DecodedArticle;
  analyze(decoded: DecodedArticle, evidence: FurnitureEvidence, run: () => AnalyzedArticle): AnalyzedArticle;
  /**
   * The archive's furniture evidence, computed again only when the decoded articles are not
   * the very ones of the last call. `remember: false` when no later call will count again
   * (what is read from each article is then not kept with it). `sources`: the articles as
   * the memo knows them (with the facts an earlier build read from them: an unchanged
   * article's text is then not read), and an observer told what is read now.
   */
  furnitureEvidence?(decoded: readonly DecodedArticle[], run: (options: EvidenceRunOptions) => FurnitureEvidence): FurnitureEvidence;
  /**
   * Every analysis of the run is made: nothing after needs a decoded article (a memo kept
   * for one run may let them go). True when the memo no longer holds the analyses either
   * (a one-run memo, which has saved them): the archive-wide passes may then let go of each
   * part of them once it is read. `letGo`, when it lets go of the analyses, is called
   * before the memo collects its garbage (what it lets go of is collected with them).
   */
  analysesMade?(letGo?: () => void): boolean;
  /** The story-group sketches kept from the last run (by text digest), for findStoryGroups to use and bring up to date. */
  storySketches?(): SketchStore;
  /** findStoryGroups has brought the store storySketches gave up to date. */
  storySketchesUpdated?(store: SketchStore): void;
  /**
   * The related-articles pass has made its job (typed arrays) from every article's words,
   * and let go of them: a one-run memo collects them before the scoring, which allocates
   * nothing (so nothing would collect them) and holds the job's arrays beside them.
   */
  relatedJobMade?(): void;
  /** The related-articles pass's state the last run left (findRelated's `previous`), if any. */
  relatedState?(): RelatedState | undefined;
  /** The related-articles pass's state after this run, for the next. */
  relatedStateUpdated?(state: RelatedState): void;
  /**
   * An archive-wide pass's result as the last run made it, when the pass read the very
   * same inputs then (`digestInputs()`: a digest of all it reads, made only when a result
   * can be reused or kept); else `run()`'s, kept for the next run. The result must be
   * plain data (it is kept as JSON).
   */
  passResult?<T>(pass: string, digestInputs: () => string, run: () => T): T;
}

export interface EvidenceRunOptions {
  remember: boolean;
  /** In the order of the decoded articles. */
  sources?: EvidenceSource[];
  observer?: EvidenceObserver;
}

/** The furniture evidence of these decoded articles (in the order given), through the memo when there is one. */
export function archiveFurnitureEvidence(decoded: readonly DecodedArticle[], memo?: PerArticleMemo): FurnitureEvidence {
  const run = (options: EvidenceRunOptions = { remember: true }) =>
    collectFurnitureEvidence(
      options.sources ?? decoded.map((d) => d.paragraphs),
      decoded.map((d) => d.overrides.source),
      options,
    );
  return memo?.furnitureEvidence ? memo.furnitureEvidence(decoded, run) : run();
}

export interface DecodedArticle {
  file: string;
  /** The file's own front matter over its folder defaults. */
  overrides: ContributorFrontMatter;
  /** When its folder says its articles were published. */
  period?: DatePeriod;
  paragraphs: Paragraph[];
}

/** Step 1 for one file: bytes → contributor overrides (folder defaults applied) + detokenized paragraphs. */
export function decodeArticle(input: RawArticleInput): DecodedArticle {
  const text = decodeArticleBytes(input.bytes, input.file);
  const { data, body, bodyLine } = splitContributorFrontMatter(text, input.file);
  const paragraphs = splitParagraphs(detokenizeIfTokenized(body), bodyLine);
  if (paragraphs.length === 0) {
    throw new ArticleError(input.file, "has front matter but no article text.", { hint: "Add the article's text below the front matter block." });
  }
  const errorPage = findErrorPage(paragraphs);
  if (errorPage) {
    throw new NotAnArticleError(input.file, `is a saved ${errorPage.kind} (“${errorPage.text.slice(0, 80)}”), not an article.`, {
      line: errorPage.line,
      hint: "The page was saved instead of the story: fetch the article again from its current address, or delete the file.",
    });
  }
  const decoded: DecodedArticle = { file: input.file, overrides: applyFolderDefaults(input.defaults, data), paragraphs };
  if (input.defaults?.period) decoded.period = input.defaults.period;
  return decoded;
}

/** What an article says about itself: everything ingest reads but entities and tags. */
export interface ArticleFacts {
  title: string;
  titleSource: ArticleRecord["title_source"];
  /** The headline as printed, when `title` is its readable form. */
  titleOriginal?: string;
  tickers: string[];
  dek?: string;
  dateline?: string;
  authors: string[];
  source?: string;
  /** People the credits name (src/ingest/credits.ts). */
  contributors: string[];
  /** Credit lines as printed. */
  credits: string[];
  body: string[];
  removed: RemovedItem[];
  date: ReturnType<typeof extractPublicationDate>;
}

export interface AnalyzedArticle extends ArticleFacts {
  file: string;
  overrides: ContributorFrontMatter;
  mentions: ReturnType<typeof extractMentions>;
  tagCandidates: ReturnType<typeof extractTagCandidates>;
  /** From the text; front matter may override it. */
  section: ReturnType<typeof classifySection>["section"];
  /** What related articles are matched on (src/ingest/related.ts). */
  contentWords: ReturnType<typeof contentWords>;
  /** Words in the body (countWords): kept with the analysis, not counted again by every build (1.6 s at 100,000 articles). */
  wordCount: number;
  /** bodyDigest(body), kept with the analysis like the word count. */
  bodyDigest: string;
}

/**
 * Steps 2–5 up to the date (furniture, structure, source, date), given the
 * archive-wide furniture evidence. `check` calls this alone: entities and tags take
 * most of ingest's time and check says nothing about them.
 */
export function readArticleFacts(decoded: DecodedArticle, evidence: FurnitureEvidence, now: Date): ArticleFacts {
  const { kept, removed } = removeFurniture(decoded.paragraphs, evidence, decoded.overrides.source);
  if (kept.length === 0) {
    throw new ArticleError(decoded.file, "has nothing left after removing page furniture (captions, teasers, share buttons).", {
      hint: "Check that the file holds the article's text, not only what surrounded it on the web page.",
    });
  }
  const structure = extractStructure(kept);
  const credits = extractCredits(structure.body, [...removed, ...structure.removed].sort((a, b) => a.line - b.line));
  const allRemoved = credits.removed;
  const body = credits.body.map((p) => p.text);
  if (body.length === 0) {
    throw new HeadlineOnlyError(decoded.file, "has a headline but no body text.", { hint: "Add the article's paragraphs below its headline, or delete the file." });
  }
  const o = decoded.overrides;
  // A headline in capitals with tickers ("TRITON ENERGY CORP <OIL> SETS QUARTERLY") is
  // shown in sentence case without them; a contributor's own title is used as written.
  const readable = structure.title_source === "headline" ? readableTitle(structure.title, body) : { title: structure.title, tickers: [] };
  const title = o.title ?? readable.title;
  if (!o.title && !/[\p{L}\p{N}]/u.test(title)) {
    throw new ArticleError(decoded.file, "has no words to make a title from (its first line is only punctuation or symbols).", {
      hint: "Start the file with the headline, or set `title:` in front matter.",
    });
  }
  return {
    title,
    titleSource: o.title ? "front_matter" : structure.title_source,
    titleOriginal: o.title ? undefined : readable.original,
    tickers: readable.tickers,
    dek: o.dek ?? structure.dek,
    dateline: o.dateline ?? structure.dateline ?? credits.lead?.place,
    // No byline: the bio at the end names the writer.
    authors: o.authors ?? (structure.authors.length > 0 ? structure.authors : authorOfBio(allRemoved)),
    source: o.source ?? detectSource(structure, allRemoved, credits).source,
    contributors: o.contributors ?? contributorsOf(credits),
    credits: credits.lines.map((l) => l.text),
    body,
    removed: allRemoved,
    date: extractPublicationDate({
      paragraphs: body,
      title,
      dek: structure.dek,
      fileName: decoded.file,
      datelineRaw: structure.dateline_raw,
      frontMatterDate: o.date,
      period: decoded.period,
      now,
    }),
  };
}

/** Steps 2–5 for one article: its facts, then the entity and tag candidates in its text. */
export function analyzeArticle(decoded: DecodedArticle, evidence: FurnitureEvidence, now: Date): AnalyzedArticle {
  const facts = readArticleFacts(decoded, evidence, now);
  return {
    file: decoded.file,
    overrides: decoded.overrides,
    ...facts,
    mentions: extractMentions({ title: facts.title, paragraphs: facts.body }),
    tagCandidates: extractTagCandidates({ title: facts.title, paragraphs: facts.body }),
    section: classifySection({ title: facts.title, paragraphs: facts.body }).section,
    contentWords: contentWords({ title: facts.title, paragraphs: facts.body }),
    wordCount: countWords(facts.body),
    bodyDigest: bodyDigest(facts.body),
  };
}

/** What an analysis holds once the archive-wide pass that read its mentions or tag candidates has run. */
const NO_MENTIONS: AnalyzedArticle["mentions"] = Object.freeze({ mentions: [], acronyms: {} }) as AnalyzedArticle["mentions"];
const NO_TAG_CANDIDATES: AnalyzedArticle["tagCandidates"] = Object.freeze({ keys: [], counts: [], inTitle: [], forms: [] }) as AnalyzedArticle["tagCandidates"];

export function ingestArchive(inputs: readonly RawArticleInput[], options: IngestOptions): IngestResult {
  const errors: ArticleError[] = [];
  const warnings: IngestWarning[] = [];
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Started now, the thread that shares the related-articles pass has loaded by the time it runs.
  if (inputs.length >= MIN_ARTICLES_FOR_HELPER) relatedHelper();

  const decoded: DecodedArticle[] = [];
  for (const input of sorted) {
    try {
      decoded.push(options.memo ? options.memo.decode(input, () => decodeArticle(input)) : decodeArticle(input));
    } catch (error) {
      errors.push(asArticleError(error, input.file));
    }
  }

  const evidence = archiveFurnitureEvidence(decoded, options.memo);
  const analyzed: AnalyzedArticle[] = [];
  decoded.forEach((d, i) => {
    try {
      const analyze = () => analyzeArticle(d, evidence, options.now);
      analyzed.push(options.memo ? options.memo.analyze(d, evidence, analyze) : analyze());
    } catch (error) {
      errors.push(asArticleError(error, d.file));
    }
    options.onProgress?.(i + 1, decoded.length);
  });
  // The decoded articles (every line, and what the evidence read from each) are not needed
  // past here: let them go before the archive-wide passes, unless the memo keeps them.
  decoded.length = 0;
  // Without a memo the analyses are this call's own.
  const onlyHere = options.memo ? options.memo.analysesMade?.(options.inputsRead) === true : true;
  if (!options.memo) options.inputsRead?.();

  const resolve = () => resolveEntities(analyzed.map((a) => a.mentions), loadAliasTable(options.aliases ?? {}));
  // Each article's names depend only on every article's mentions and the alias file (and
  // the code, which names the memo's folder): an edit that changes no mention (a typo, a
  // sentence without a name) keeps the last run's choice. At 100,000 articles the pass took
  // 3.3 s of a warm build, the digest of its inputs 0.7 s.
  const entities = options.memo?.passResult ? options.memo.passResult("entities", () => entityPassInputs(analyzed, options.aliases), resolve) : resolve();
  // (Each in a callback: a loop's variable here would hold the last analysis, and its words, to the end of this call.)
  if (onlyHere) analyzed.forEach((a) => (a.mentions = NO_MENTIONS));
  const tags = chooseTags(analyzed.map((a) => a.tagCandidates));
  // The largest part of an analysis, read by no later pass; and the numbers chooseTags
  // keeps for the phrases, for its next call in this process (a memo kept between runs).
  if (onlyHere) {
    analyzed.forEach((a) => (a.tagCandidates = NO_TAG_CANDIDATES));
    forgetTagPhrases();
  }

  let slugs: Map<string, string>;
  try {
    slugs = assignSlugs(analyzed.map((a) => ({ sourceFile: a.file, title: a.title, explicitSlug: a.overrides.slug })));
  } catch (error) {
    if (error instanceof SlugCollisionError) {
      errors.push(new ArticleError(error.file, error.reason));
      return { articles: [], errors, warnings };
    }
    throw error;
  }

  const articles: IngestedArticle[] = [];
  analyzed.forEach((a, i) => {
    if (!a.date.date) warnings.push({ file: a.file, message: undatedMessage(a.date), kind: "undated" });
    const made = articleRecord(a, slugs.get(a.file)!, entities[i], tags[i]);
    if (made instanceof ArticleError) errors.push(made);
    else articles.push(made);
  });
  const termsByFile = new Map(analyzed.map((a) => [a.file, a.contentWords]));
  // The records hold what the rest reads of each analysis (the related-articles pass, its
  // words, which it lets go of once read).
  if (onlyHere) analyzed.length = 0;
  linkArticles(articles, termsByFile, warnings, options.memo, options.onRelatedScoring);
  return { articles, errors, warnings, evidence };
}

/** A digest of what resolveEntities reads: the alias file, and each article's file and mentions, in order. */
export function entityPassInputs(analyzed: readonly Pick<AnalyzedArticle, "file" | "mentions">[], aliases: unknown): string {
  const hash = createHash("sha1").update(JSON.stringify(aliases ?? {})).update("\n");
  for (const a of analyzed) hash.update(a.file).update("\t").update(JSON.stringify(a.mentions)).update("\n");
  return hash.digest("hex");
}

/** An article's names as entity merging chose them (the archive-wide pass). */
export interface ArticleNames {
  people: string[];
  organizations: string[];
  places: string[];
  events: string[];
}

/**
 * An analysed article's record, given its slug and the names and tags the archive-wide
 * passes chose for it (its front matter overrides those); related articles and story
 * siblings are added after. A record the schema rejects is one bad article (an
 * ArticleError), not a crash of the whole archive. The dev server's preview of a saved
 * article makes its record here too, with the choices of the last build, so that the two
 * records are the same, key for key, when the choices are.
 */
export function articleRecord(a: AnalyzedArticle, slug: string, names: ArticleNames, tags: string[]): IngestedArticle | ArticleError {
  const o = a.overrides;
  const record: ArticleRecord = {
    source_file: a.file,
    title: a.title,
    title_source: a.titleSource,
    title_original: a.titleOriginal,
    tickers: a.tickers.length > 0 ? a.tickers : undefined,
    slug,
    dek: a.dek,
    dateline: a.dateline,
    authors: a.authors,
    source: a.source,
    lang: o.lang,
    contributors: a.contributors.length ? a.contributors : undefined,
    credits: a.credits.length ? a.credits : undefined,
    ...a.date,
    people: o.people ?? names.people,
    organizations: o.organizations ?? names.organizations,
    places: o.places ?? names.places,
    events: o.events ?? names.events,
    tags: o.tags ?? tags,
    section: o.section ?? a.section,
    summary: summarizeLead(a.body),
    word_count: a.wordCount,
    removed: a.removed,
  };
  for (const key of Object.keys(record) as (keyof ArticleRecord)[]) if (record[key] === undefined) delete record[key];
  const checked = ArticleRecord.safeParse(record);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return new ArticleError(a.file, `could not be turned into an article record (${issues}).`, { hint: "Set the field in front matter, or report the file." });
  }
  return { record: checked.data, body: a.body, bodyDigest: a.bodyDigest };
}

/** Enough of an article to tell whether another tells the same story: its headline and first STORY_TEXT_LIMIT characters. */
const STORY_TEXT_LIMIT = 50_000;
function storyText(a: IngestedArticle): string {
  let text = a.record.title;
  for (const p of a.body) {
    if (text.length >= STORY_TEXT_LIMIT) break;
    text += `\n\n${p}`;
  }
  return text.slice(0, STORY_TEXT_LIMIT);
}

/**
 * The archive-wide links between finished records: related articles by content and time
 * (src/ingest/related.ts), and story groups of copies and near copies
 * (src/ingest/story-groups.ts), with a warning for each exact copy.
 */
function linkArticles(articles: IngestedArticle[], termsByFile: Map<string, AnalyzedArticle["contentWords"]>, warnings: IngestWarning[], memo?: PerArticleMemo, onScoring?: () => void): void {
  const bySlug = new Map(articles.map((a) => [a.record.slug, a]));
  const slugOf = new Map(articles.map((a) => [a.record.source_file, a.record.slug]));
  // An unchanged text's sketch is a cache hit (most of the time story groups took on a warm build).
  let sketches = memo?.storySketches?.();
  const stories = findStoryGroups(
    // Each text made when read, not all of them held at once (about 200 MB at 100,000 articles).
    articles.map((a) => ({
      id: a.record.source_file,
      get text() {
        return storyText(a);
      },
    })),
    sketches,
  );
  if (sketches) memo!.storySketchesUpdated?.(sketches);
  // Not held through the related-articles pass (the memo keeps them if it reads them again).
  sketches = undefined;
  const sameStory = articles.map((a) => (stories.siblings.get(a.record.source_file) ?? []).map((file) => slugOf.get(file)!));
  const related = findRelated(
    articles.map(({ record: r }, i) => ({
      slug: r.slug,
      date: r.date,
      section: r.section,
      // `events` is optional only in records older builds wrote; this run sets it on every record.
      names: [...r.people.map((n) => `person:${n}`), ...r.organizations.map((n) => `org:${n}`), ...r.places.map((n) => `place:${n}`), ...r.events!.map((n) => `event:${n}`)],
      tags: r.tags,
      // Every record comes from an analyzed article, so its words are there (until the job is made).
      get terms() {
        return termsByFile.get(r.source_file)!;
      },
      // Siblings are shown as the same story; related lists the other articles.
      sameStory: sameStory[i],
    })),
    {
      // The last run's lists: only those that can differ are scored again.
      previous: memo?.relatedState?.(),
      onState: memo?.relatedStateUpdated && ((state) => memo.relatedStateUpdated!(state)),
      // The words are read into the job's arrays: emptied here, the map holds them no more
      // (at 100,000 articles about 90 MB, beside the job's 230 MB through the scoring).
      onJobMade: () => {
        termsByFile.clear();
        memo?.relatedJobMade?.();
        onScoring?.();
      },
    },
  );
  articles.forEach((a, i) => {
    if (related[i].length) a.record.related = related[i];
    if (sameStory[i].length) a.record.same_story = sameStory[i];
  });
  for (const pair of stories.exact) {
    const first = bySlug.get(slugOf.get(pair.a)!)!;
    warnings.push({
      file: pair.b,
      message: `has the same text as ${pair.a} ("${first.record.title}"), so the archive publishes it twice. Delete one of the two files if they are the same article.`,
      kind: "duplicate",
    });
  }
}

const UNDATED_MONTH_DAY = `no publication year found (its dateline or "Posted" line gives the month and day only); it will be listed as undated with them. Add \`year: YYYY\` to a ${DEFAULTS_FILE} in its folder, or \`date: YYYY-MM-DD\` front matter.`;
const UNDATED = `no publication date found; it will be listed as undated. Add \`date: YYYY-MM-DD\` front matter, or \`year: YYYY\` to a ${DEFAULTS_FILE} in its folder.`;

/**
 * Why an article is undated, and the two ways to date it (the same words for every such
 * file, so they can be counted). One string each, not one per article: an archive of
 * 100,000 undated articles held 100,000 copies through ingest's archive-wide passes.
 */
export function undatedMessage(date: DateResult): string {
  return date.date_month_day ? UNDATED_MONTH_DAY : UNDATED;
}

function asArticleError(error: unknown, file: string): ArticleError {
  if (error instanceof ArticleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ArticleError(file, `could not be ingested: ${message}`, { hint: "This is a bug in ingest; please report it with the file." });
}
