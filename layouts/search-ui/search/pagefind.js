// Stands in for Pagefind's own pagefind.js under the Component UI: the search page points
// the UI's bundle path here (<pagefind-config bundle-path>), and this module re-exports
// Pagefind's API with four changes that keep a first search small and add date order
// (the figures are in the README, "Search"):
//
// 1. Filters load when used. Pagefind's filters() downloads every filter's index, and a
//    filter costs about 2 bytes per article per value it holds: at 10,000 articles the
//    year, source and month filters are 20 KB each, the people, places, organizations
//    and topics hundreds. Here a filter's index loads when a reader opens its group
//    (loadFilterGroup) or a search uses it; until then the page shows the whole archive's
//    counts of the short lists from archive-filter-counts.json, written by the build.
// 2. Results in date order. Pagefind's sort keys would put the whole date order into the
//    metadata every search downloads first; instead the build writes the order to
//    archive-date-order.json (src/site/search-date-order.ts), fetched the first time a
//    reader orders by date or browses by filters alone.
// 3. Browsing by filters alone searches for BROWSE_WORD, which every article carries,
//    not for an empty query, for which Pagefind downloads its whole word index.
// 4. Nothing asked, nothing found: an empty query with no filter returns no results (the
//    UI's "faceted" mode would list the whole archive), only the archive's counts.
import * as pagefind from "../../pagefind/pagefind.js";

/**
 * Every article page has this word in a metadata field (src/site/search-fields.ts,
 * BROWSE_WORD). Pagefind answers an empty query by downloading its whole word index;
 * searching for this word instead finds every page from one small chunk.
 */
export const BROWSE_WORD = "archiveentry";

const BUNDLE = new URL("../../pagefind/", import.meta.url);
/** Each instance the UI made, once the other shards' indexes are merged into it. */
const instances = new Set();
const loadedGroups = new Set();
let order = "relevance";
let ranks;
let archiveCounts;

/** "relevance", "newest" or "oldest": how the next searches order their results. */
export function setOrder(value) {
  order = value === "newest" || value === "oldest" ? value : "relevance";
}

/** Whether a filter's index is loaded, so searches count its values. */
export function isGroupLoaded(name) {
  return loadedGroups.has(name);
}

function fetchJson(file) {
  const url = new URL(file, BUNDLE);
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
    return response.json();
  });
}

/** The whole archive's counts of the short filters (year, month, section, source). */
export async function archiveFilterCounts() {
  archiveCounts ??= fetchJson("archive-filter-counts.json");
  return (await archiveCounts).counts;
}

/** Whether any article has a value for this filter. */
export async function archiveHasFilter(name) {
  archiveCounts ??= fetchJson("archive-filter-counts.json");
  return (await archiveCounts).present.includes(name);
}

/**
 * Downloads one filter's index (person, tag, ...) and returns its counts for the given
 * search (term and filters as the UI passes them), so the group can be shown without
 * running the whole search again.
 */
export async function loadFilterGroup(name, term, filters) {
  const counts = {};
  const word = term && term.trim() ? term : BROWSE_WORD;
  for (const ready of instances) {
    const pf = await ready;
    await pf.preload(word, { filters: { [name]: [] } });
    const result = await pf.search(word, { filters: filters || {} });
    Object.assign(counts, result && result.filters ? result.filters[name] : {});
  }
  loadedGroups.add(name);
  return counts;
}

function dateRanks() {
  ranks ??= fetchJson("archive-date-order.json").then((data) => {
    const rank = new Map();
    data.newest.forEach((hash, i) => rank.set(hash, i));
    data.undated.forEach((hash, i) => rank.set(hash, data.newest.length + i));
    return { rank, dated: data.newest.length };
  });
  return ranks;
}

/** Newest or oldest first; undated articles last either way. */
async function inDateOrder(results, direction) {
  const { rank, dated } = await dateRanks();
  const key = (result) => {
    const r = rank.get(result.id);
    if (r === undefined) return Number.MAX_SAFE_INTEGER;
    return direction === "oldest" && r < dated ? dated - 1 - r : r;
  };
  return results
    .map((result, i) => ({ result, key: key(result), i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.result);
}

function hasFilters(filters) {
  return Object.values(filters || {}).some((v) => (Array.isArray(v) ? v.length > 0 : v && typeof v === "object" && Object.keys(v).length > 0));
}

/**
 * A site merged from the shards of a sharded build (npm run build -- --merge) keeps each
 * shard's index in a folder of its own beside pagefind/; the search page names the others
 * (src/publish/merge-stage.ts), and every search covers them all (Pagefind's mergeIndex).
 */
function mergedBundles() {
  const names = document.querySelector('meta[name="archive-search-bundles"]')?.getAttribute("content") ?? "";
  return names.split(/\s+/).filter(Boolean).map((name) => new URL(`../../${name}`, import.meta.url).pathname);
}

export function createInstance(options) {
  const pf = pagefind.createInstance(options);
  const merged = Promise.all(mergedBundles().map((bundle) => pf.mergeIndex(bundle)));
  const ready = merged.then(() => pf);
  instances.add(ready);
  return {
    ...pf,
    preload: async (term, preloadOptions) => (await ready).preload(term, preloadOptions),
    filters: archiveFilterCounts,
    async search(term, searchOptions = {}) {
      const browsing = !term || !String(term).trim();
      const filters = searchOptions.filters || {};
      if (browsing && !hasFilters(filters)) {
        const counts = await archiveFilterCounts();
        return { results: [], unfilteredResultCount: 0, filters: counts, totalFilters: counts, timings: {} };
      }
      // Pagefind loads the index of each filter a search uses.
      for (const name of Object.keys(filters)) loadedGroups.add(name);
      await merged;
      const result = await pf.search(browsing ? BROWSE_WORD : term, searchOptions);
      // Browsing by filters alone has no relevance: newest first unless oldest was asked.
      const wanted = browsing && order === "relevance" ? "newest" : order;
      if (result && wanted !== "relevance") result.results = await inDateOrder(result.results, wanted);
      return result;
    },
  };
}
