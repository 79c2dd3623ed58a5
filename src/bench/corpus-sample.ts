/**
 * Which corpus files make an N-article benchmark archive, and what they are called
 * there. Below the corpus size the files are taken at an even stride over the sorted
 * list, so every set (Reuters, BBC, BuzzFeed) is represented in proportion; above it
 * the whole corpus is repeated, each repeat under new names (`r2-…`, `r3-…`).
 */
export interface PickedArticle {
  /** Path relative to the corpus folder, `/`-separated. */
  source: string;
  /** Flat file name in the benchmark's articles folder. */
  name: string;
  /** 1 for the first use of a corpus file, 2 for its first repeat, ... */
  round: number;
}

export function pickCorpusArticles(sources: readonly string[], n: number): PickedArticle[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`article count must be a positive integer, got ${n}`);
  if (sources.length === 0) throw new Error("the corpus has no article files");
  const total = sources.length;
  const picked: PickedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const index = n <= total ? Math.floor((i * total) / n) : i % total;
    const round = n <= total ? 1 : Math.floor(i / total) + 1;
    const flat = sources[index].split("/").join("-").toLowerCase();
    picked.push({ source: sources[index], name: round === 1 ? flat : `r${round}-${flat}`, round });
  }
  return picked;
}
