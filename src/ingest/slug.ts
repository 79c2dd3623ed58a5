import { createHash } from "node:crypto";

const MAX_SLUG_LENGTH = 80;

/**
 * The words a slug is made of: ASCII, lowercase, accents and apostrophes dropped
 * ("Barclay’s" → "barclays"). Two names with the same slug words would share a page, so
 * entity merging treats them as one name.
 */
export function slugWords(text: string): string[] {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’'‘`]/g, "")
    .toLowerCase();
  return ascii.split(/[^a-z0-9]+/).filter(Boolean);
}

/** ASCII, lowercase, hyphen-joined; cut at a word boundary. Empty when nothing is left. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  return slugOfWords(slugWords(text), maxLength);
}

/** slugify of a text whose slug words are `words`. */
export function slugOfWords(words: readonly string[], maxLength = MAX_SLUG_LENGTH): string {
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  if (!slug && words.length) slug = words[0].slice(0, maxLength);
  return slug;
}

export function shortHash(text: string, length = 6): string {
  return createHash("sha1").update(text).digest("hex").slice(0, length);
}

export interface SlugRequest {
  sourceFile: string;
  title: string;
  /** A contributor's own slug from front matter: kept exactly, or the build fails. */
  explicitSlug?: string;
}

/** Two articles ask for the same slug in front matter: `file` is the second, `reason` what to tell its author. */
export class SlugCollisionError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Unique, stable slugs. Articles whose titles slugify alike are ordered by source
 * file; the first keeps the plain slug and each other gets a suffix from a hash of
 * its own file name, so its URL does not depend on how many others collide.
 * Two explicit slugs that collide are an error, never an overwrite.
 */
export function assignSlugs(requests: readonly SlugRequest[]): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Map<string, string>();
  const explicit = requests.filter((r) => r.explicitSlug).sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
  for (const r of explicit) {
    const slug = r.explicitSlug!;
    const owner = taken.get(slug);
    if (owner) {
      throw new SlugCollisionError(r.sourceFile, `its front matter slug "${slug}" is already used by ${owner}. Choose another slug.`);
    }
    taken.set(slug, r.sourceFile);
    result.set(r.sourceFile, slug);
  }
  const rest = requests.filter((r) => !r.explicitSlug).sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
  for (const r of rest) {
    const base = slugify(r.title) || "article";
    let slug = base;
    if (taken.has(slug)) {
      slug = `${base}-${shortHash(r.sourceFile)}`;
      for (let n = 8; taken.has(slug); n += 2) slug = `${base}-${shortHash(r.sourceFile, n)}`;
    }
    taken.set(slug, r.sourceFile);
    result.set(r.sourceFile, slug);
  }
  return result;
}

/**
 * Whether an article whose slug was `slug` keeps it under this title and front matter
 * slug while every other article stays as it was: the plain slug of the title, or that
 * slug with the suffix of its own file (assignSlugs gives it when another article holds
 * the plain one). The dev server's preview of a saved article (src/publish/ingest-stage.ts)
 * is made only when it does: a new headline may move the page to another URL.
 */
export function keepsSlug(slug: string, request: SlugRequest): boolean {
  if (request.explicitSlug) return request.explicitSlug === slug;
  const base = slugify(request.title) || "article";
  if (slug === base) return true;
  const suffix = slug.startsWith(`${base}-`) ? slug.slice(base.length + 1) : "";
  return suffix.length >= 6 && shortHash(request.sourceFile, suffix.length) === suffix;
}
