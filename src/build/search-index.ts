import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  pagesIndexed: number;
}

/**
 * Builds the Pagefind index in-process with its Node API. Only elements marked
 * `data-pagefind-body` (article content) are indexed. Fails loudly when Pagefind
 * reports errors or indexes a different number of pages than there are articles.
 */
export async function buildSearchIndex(siteDir: string, expectedArticles: number): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind reported errors while indexing: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // addDirectory's page_count counts every HTML file it read, body or not; the entry
    // file counts the pages actually in the index.
    const entry = JSON.parse(await readFile(path.join(siteDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
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
