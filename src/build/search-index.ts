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
    if (added.page_count !== expectedArticles) {
      throw new Error(
        `Pagefind indexed ${added.page_count} pages but the archive has ${expectedArticles} articles: some article pages are missing their data-pagefind-body or were not written.`,
      );
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pagesIndexed: added.page_count };
  } finally {
    await pagefind.close();
  }
}
