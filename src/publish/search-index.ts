import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { archiveFilterCounts, DATE_ORDER_FILE, dateOrder, FILTER_COUNTS_FILE, readFragment, type IndexedPage } from "../site/search-index-files.ts";

/** Where an article's page is written, relative to the site folder. */
export function articlePagePath(slug: string): string {
  return `articles/${slug}/index.html`;
}

/** The pages Pagefind reads: article pages (and the listing pages beside them, which carry no `data-pagefind-body`). */
const ARTICLE_PAGES_GLOB = "articles/**/*.html";

/**
 * Words per chunk of Pagefind's word index (its default is 20,000 word positions). A
 * search downloads the chunks holding its words, so smaller chunks mean less per search,
 * while every chunk adds a line to the metadata every search downloads first. Measured
 * (scripts/measure-site.ts, "oil"): at 1,000 articles 143 KB with the default, 129 KB at
 * 5,000; at 10,000 articles 194 KB and 183 KB (3,000 gave 126 KB and 185 KB).
 */
export const INDEX_CHUNK_SIZE = 5000;

export interface SearchIndexResult {
  pagesIndexed: number;
}

/**
 * Builds the Pagefind index in-process with its Node API. Only article pages are
 * read (the listing, entity and timeline pages carry no `data-pagefind-body` and would
 * only be read to be skipped). Fails loudly when Pagefind reports errors or indexes a
 * different number of pages than there are articles.
 */
export async function buildSearchIndex(siteDir: string, expectedArticles: number): Promise<SearchIndexResult> {
  // Pagefind reads this when it creates an index (its service process inherits the environment).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Pagefind reads the files itself, in a repeatable order (pages added from here in
    // the order reads finished gave a different word index on every build).
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length) throw new Error(`Pagefind reported errors while indexing: ${added.errors.join("; ")}`);
    // The files are written here rather than by Pagefind's writeFiles, which was seen to
    // resolve before its last file was complete (a stylesheet cut at 32 KiB).
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join("; ")}`);
    const outDir = path.join(siteDir, "pagefind");
    const pages: IndexedPage[] = [];
    for (const file of files) {
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      const page = readFragment(file.path, file.content);
      if (page) pages.push(page);
    }
    // Date order and the archive's filter counts for the search page (src/site/search-index-files.ts).
    await writeFile(path.join(outDir, DATE_ORDER_FILE), JSON.stringify(dateOrder(pages)));
    await writeFile(path.join(outDir, FILTER_COUNTS_FILE), JSON.stringify(archiveFilterCounts(pages)));
    // The entry file counts the pages actually in the index (a page without
    // data-pagefind-body is read but not indexed).
    const entry = JSON.parse(await readFile(path.join(outDir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const pagesIndexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (pagesIndexed !== expectedArticles) {
      throw new Error(
        `Pagefind indexed ${pagesIndexed} pages but the archive has ${expectedArticles} articles: some article pages are missing their data-pagefind-body or were not written.`,
      );
    }
    return { pagesIndexed };
  } finally {
    await pagefind.close();
  }
}
