import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Where an article's page is written, relative to the site folder. */
export function articlePagePath(slug: string): string {
  return `articles/${slug}/index.html`;
}

export interface SearchIndexResult {
  pagesIndexed: number;
}

/**
 * Builds the Pagefind index in-process with its Node API, from the article pages only
 * (`articlePages`: their paths relative to `siteDir`): the other pages (listings, entity
 * and timeline pages) carry no `data-pagefind-body` and would only be read to be skipped.
 * Fails loudly when Pagefind reports errors or indexes a different number of pages than
 * there are articles.
 */
export async function buildSearchIndex(siteDir: string, articlePages: readonly string[]): Promise<SearchIndexResult> {
  const expectedArticles = articlePages.length;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // A few files at a time: each is read, sent to Pagefind's process, then dropped.
    const concurrency = 16;
    for (let i = 0; i < articlePages.length; i += concurrency) {
      await Promise.all(
        articlePages.slice(i, i + concurrency).map(async (page) => {
          const content = await readFile(path.join(siteDir, page), "utf8");
          const added = await index.addHTMLFile({ url: `/${page.replace(/index\.html$/, "")}`, content });
          if (added.errors.length) throw new Error(`Pagefind reported errors on ${page}: ${added.errors.join("; ")}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // The entry file counts the pages actually in the index (a page without
    // data-pagefind-body would be read but not indexed).
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
