// The search page around Pagefind's Component UI (<pagefind-input>, <pagefind-results>):
// filter groups, date order and a date range, a summary, "show more", and the whole
// search kept in the address so it can be shared, bookmarked, reloaded and gone back to.
// The site build bundles it with the Component UI into assets/search.js (src/site/search-ui.ts);
// a file, not inline, so the Content-Security-Policy can forbid inline scripts.
import { getInstanceManager } from "../../vendor/pagefind-component-ui/component-ui.ts";
import { archiveHasFilter, BROWSE_WORD, loadFilterGroup, setOrder } from "./search/pagefind.js";

/** The filter groups, in the order shown (src/site/search-fields.ts names them). */
const GROUPS = [
  { key: "year", label: "Year", plural: "years", chronological: true },
  { key: "month", label: "Month", plural: "months", chronological: true, format: monthLabel },
  { key: "section", label: "Section", plural: "sections" },
  { key: "source", label: "Source", plural: "sources" },
  { key: "tag", label: "Topic", plural: "topics" },
  { key: "person", label: "Person", plural: "people" },
  { key: "organization", label: "Organization", plural: "organizations" },
  { key: "place", label: "Place", plural: "places" },
  { key: "event", label: "Event or work", plural: "events and works" },
];
const GROUP_KEYS = GROUPS.map((g) => g.key);
/** Values shown before "Show more", and how many more each press shows. */
const FIRST_SHOWN = 5;
const MORE_STEP = 20;
/** A group with more values than this gets a box to find one by name. */
const FIND_BOX_FROM = 10;
const RESULTS_STEP = 30;
const ORDERS = ["relevance", "newest", "oldest"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthLabel(value) {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}` : value;
}

/** A result found by browsing links without the browse word to highlight. */
function withoutBrowseWord(href) {
  const url = new URL(href, window.location.href);
  const words = url.searchParams.getAll("pagefind-highlight").filter((w) => w !== BROWSE_WORD);
  url.searchParams.delete("pagefind-highlight");
  for (const w of words) url.searchParams.append("pagefind-highlight", w);
  return url.pathname + url.search + url.hash;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (n, one, many) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** The search as the address states it: ?q=&sort=&from=&to=&person=...&tag=... */
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const selected = {};
  for (const key of GROUP_KEYS) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length) selected[key] = values;
  }
  const sort = params.get("sort");
  const month = (v) => (v && /^\d{4}-\d{2}$/.test(v) ? v : "");
  return { q: params.get("q") || "", sort: ORDERS.includes(sort) ? sort : "relevance", from: month(params.get("from")), to: month(params.get("to")), selected };
}

function writeAddress(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const key of GROUP_KEYS) for (const value of state.selected[key] || []) params.append(key, value);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

function start(instance) {
  let state = readAddress();
  /** Every month the archive has, oldest first: the date range's choices. */
  let archiveMonths = [];
  let available = {};

  instance.setTranslations({ placeholder: "Search the archive", search_label: "Search the archive" });

  const results = root.querySelector("pagefind-results");
  const summary = document.getElementById("search-summary");
  const more = document.getElementById("search-more");
  const sortSelect = document.getElementById("search-sort");
  const fromSelect = document.getElementById("search-from");
  const toSelect = document.getElementById("search-to");
  const pane = document.getElementById("search-filters");
  document.getElementById("search-options").hidden = false;

  // ---- what Pagefind is asked ----

  function monthsInRange() {
    if (!state.from && !state.to) return null;
    return archiveMonths.filter((m) => (!state.from || m >= state.from) && (!state.to || m <= state.to));
  }

  /** Pagefind's filter object: each group's ticked values (all must hold), and the date range (any month in it). */
  function pagefindFilters() {
    const filters = {};
    for (const key of GROUP_KEYS) if (state.selected[key]?.length) filters[key] = [...state.selected[key]];
    const range = monthsInRange();
    if (range) filters.month = { all: filters.month || [], any: range.length ? range : ["(none)"] };
    return filters;
  }

  function hasQuestion() {
    return state.q.trim() !== "" || Object.keys(pagefindFilters()).length > 0;
  }

  function run(push) {
    writeAddress(state, push);
    setOrder(state.sort);
    showControls();
    instance.triggerSearchWithFilters(state.q, pagefindFilters());
  }

  // The input types into the instance directly: keep the address and state in step.
  instance.on("search", (term) => {
    if (term !== state.q) {
      state.q = term || "";
      writeAddress(state, false);
    }
  });

  window.addEventListener("popstate", () => {
    state = readAddress();
    run(false);
  });

  // ---- order and date range ----

  function fillMonths(select, value) {
    select.replaceChildren(new Option(select === fromSelect ? "Earliest" : "Latest", ""));
    for (const m of archiveMonths) select.add(new Option(monthLabel(m), m));
    select.value = archiveMonths.includes(value) ? value : "";
  }

  function showControls() {
    sortSelect.value = state.sort;
    if (fromSelect.options.length !== archiveMonths.length + 1) {
      fillMonths(fromSelect, state.from);
      fillMonths(toSelect, state.to);
    }
    fromSelect.value = archiveMonths.includes(state.from) ? state.from : "";
    toSelect.value = archiveMonths.includes(state.to) ? state.to : "";
    const range = document.getElementById("search-range");
    range.hidden = archiveMonths.length < 2;
    const ends = [state.from, state.to].map((m) => (m ? monthLabel(m) : ""));
    document.getElementById("search-range-chosen").textContent = state.from || state.to ? ` (${ends[0] || "…"} – ${ends[1] || "…"})` : "";
    if (state.from || state.to) range.open = true;
  }

  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value;
    run(true);
  });
  for (const select of [fromSelect, toSelect]) {
    select.addEventListener("change", () => {
      state.from = fromSelect.value;
      state.to = toSelect.value;
      // A range given backwards means the same months.
      if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
      run(true);
    });
  }

  // ---- filter groups ----

  const groups = new Map();
  for (const group of GROUPS) {
    const details = el("details", "filter-group");
    details.dataset.filter = group.key;
    const heading = el("summary", "filter-group-name", group.label);
    const chosen = el("span", "filter-chosen");
    heading.append(chosen);
    const body = el("fieldset", "filter-body");
    body.append(el("legend", "visually-hidden", group.label));
    details.append(heading, body);
    pane.append(details);
    const view = { group, details, chosen, body, shown: FIRST_SHOWN, find: "", loading: false, inArchive: true };
    groups.set(group.key, view);
    // A filter no article has (no sections yet, say) is never offered.
    archiveHasFilter(group.key).then((has) => {
      view.inArchive = has;
      if (!has) details.hidden = true;
    }, () => {});
    details.addEventListener("toggle", () => {
      if (details.open) openGroup(view);
    });
  }

  // A group's counts are known once its filter index is loaded: the short lists' counts
  // for the whole archive come with the page, any other loads when its group is opened.
  async function openGroup(view) {
    if (available[view.group.key] || view.loading) return renderGroup(view);
    view.loading = true;
    renderGroup(view);
    try {
      const counts = await loadFilterGroup(view.group.key, state.q, pagefindFilters());
      available = { ...available, [view.group.key]: counts };
    } finally {
      view.loading = false;
    }
    renderGroup(view);
  }

  function setSelected(key, value, on) {
    const values = new Set(state.selected[key] || []);
    if (on) values.add(value);
    else values.delete(value);
    if (values.size) state.selected[key] = [...values];
    else delete state.selected[key];
    run(true);
  }

  function orderedValues(view) {
    const counts = available[view.group.key] || {};
    const selected = new Set(state.selected[view.group.key] || []);
    const values = Object.keys(counts).filter((v) => counts[v] > 0 && !selected.has(v));
    // Years and months newest first, "Undated" after them; names by count.
    const dated = (v) => /^\d/.test(v);
    if (view.group.chronological) values.sort((a, b) => (dated(a) !== dated(b) ? (dated(a) ? -1 : 1) : a < b ? 1 : a > b ? -1 : 0));
    else values.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b, "en"));
    return { counts, selected: [...selected], values };
  }

  function option(view, value, count, checked) {
    const label = el("label", "filter-value");
    const box = el("input");
    box.type = "checkbox";
    box.name = view.group.key;
    box.value = value;
    box.checked = checked;
    box.addEventListener("change", () => setSelected(view.group.key, value, box.checked));
    label.append(box, el("span", "filter-value-name", view.group.format ? view.group.format(value) : value));
    if (count !== undefined) label.append(el("span", "count", count.toLocaleString("en-US")));
    return label;
  }

  function renderGroup(view) {
    const { group, body } = view;
    const selectedCount = (state.selected[group.key] || []).length;
    view.chosen.textContent = selectedCount ? ` (${selectedCount} chosen)` : "";
    if (!view.details.open) return;
    const list = el("div", "filter-values");
    const keep = body.querySelector(".filter-find");
    body.replaceChildren(body.firstChild);
    if (view.loading) {
      body.append(el("p", "filter-note", `Loading ${group.plural}…`));
      return;
    }
    const { counts, selected, values } = orderedValues(view);
    for (const value of selected) list.append(option(view, value, counts[value], true));
    if (values.length > FIND_BOX_FROM) {
      const find = keep || el("input", "filter-find");
      find.type = "search";
      find.setAttribute("aria-label", `Find ${group.one} among ${values.length}`);
      find.placeholder = `Find among ${plural(values.length, group.label.toLowerCase(), group.plural)}`;
      if (!keep) {
        find.addEventListener("input", () => {
          view.find = find.value;
          view.shown = FIRST_SHOWN;
          renderGroup(view);
          find.focus();
        });
      }
      body.append(find);
    }
    const wanted = fold(view.find.trim());
    const matching = wanted && values.length > FIND_BOX_FROM ? values.filter((v) => fold(group.format ? group.format(v) : v).includes(wanted)) : values;
    for (const value of matching.slice(0, view.shown)) list.append(option(view, value, counts[value], false));
    body.append(list);
    if (!selected.length && !matching.length) body.append(el("p", "filter-note", wanted ? `No ${group.plural} match “${view.find.trim()}”.` : `No ${group.plural} in these results.`));
    const hidden = matching.length - view.shown;
    if (hidden > 0) {
      const button = el("button", "filter-more", `Show ${Math.min(MORE_STEP, hidden)} more (${hidden.toLocaleString("en-US")} not shown)`);
      button.type = "button";
      button.addEventListener("click", () => {
        const first = view.shown;
        view.shown += MORE_STEP;
        renderGroup(view);
        body.querySelectorAll(".filter-values input")[selected.length + first]?.focus();
      });
      body.append(button);
    }
  }

  function renderGroups() {
    for (const view of groups.values()) {
      const { selected, values } = orderedValues(view);
      // A group with nothing to offer is left out; one whose counts are not loaded yet is offered.
      view.details.hidden = !view.inArchive || (available[view.group.key] !== undefined && !selected.length && !values.length);
      if (view.details.open && available[view.group.key] === undefined) openGroup(view);
      else renderGroup(view);
    }
  }

  // The first filter counts are the whole archive's: they give the date range its months.
  instance.on("filters", (filters) => {
    const months = Object.keys((filters.total || {}).month || {});
    if (months.length > archiveMonths.length) archiveMonths = months.sort();
    showControls();
  });

  // ---- summary and results ----

  function describe(count) {
    if (state.q.trim()) return `${plural(count, "result", "results")} for “${state.q.trim()}”`;
    return `${plural(count, "article", "articles")} ${count === 1 ? "matches" : "match"} the chosen filters`;
  }

  const IDLE = "Type a word, or choose a year, topic, person or source to browse the archive.";

  instance.on("loading", () => {
    results.maxResults = RESULTS_STEP;
    summary.dataset.state = "loading";
    summary.textContent = "Searching…";
  });

  instance.on("results", (result) => {
    const count = result.results.length;
    const asked = hasQuestion();
    available = result.filters || {};
    renderGroups();
    summary.dataset.state = asked ? "done" : "idle";
    summary.textContent = asked ? describe(count) : IDLE;
    more.hidden = count <= results.maxResults;
    if (!more.hidden) more.textContent = `Show more results (${(count - results.maxResults).toLocaleString("en-US")} not shown)`;
  });

  results.maxResults = RESULTS_STEP;
  // Each result: its title as the link, the date, section and source as metadata, and the
  // excerpt (Pagefind escapes the page text; its only markup is <mark> around the words found).
  results.resultTemplate = (result) => {
    const item = el("li", "pf-result search-result");
    const title = el("p", "search-result-title");
    const link = el("a", "pf-result-link", result.meta.title || result.url);
    link.href = withoutBrowseWord(result.url);
    title.append(link);
    item.append(title);
    const facts = [result.meta.date, result.meta.section, result.meta.source].filter(Boolean);
    if (facts.length) item.append(el("p", "search-result-meta", facts.join(" · ")));
    if (result.excerpt) {
      const excerpt = el("p", "pf-result-excerpt");
      excerpt.innerHTML = result.excerpt;
      item.append(excerpt);
    }
    return item;
  };

  more.addEventListener("click", () => {
    const first = results.maxResults;
    results.maxResults += RESULTS_STEP;
    // Shows the longer list without searching again (the shown results stay where they are).
    instance.__dispatch__("results", instance.searchResult);
    const list = results.querySelector(".pf-results");
    const focusFirstNew = () => {
      const link = list?.children[first]?.querySelector("a");
      if (!link) return false;
      link.focus();
      return true;
    };
    if (!focusFirstNew() && list) {
      const watch = new MutationObserver(() => focusFirstNew() && watch.disconnect());
      watch.observe(list, { childList: true, subtree: true });
      setTimeout(() => watch.disconnect(), 5000);
    }
  });

  // ---- start: load the index (the filter groups need it), then run the search in the address ----
  // "faceted" (searching with filters alone) is switched on only after loading: set before,
  // the UI would run an empty search of its own as soon as the index loads, and the
  // address's search could lose to it.
  setOrder(state.sort);
  showControls();
  summary.dataset.state = "loading";
  summary.textContent = "Loading the search index…";
  instance.triggerLoad().then(() => {
    instance.faceted = true;
    if (hasQuestion()) run(false);
    else if (summary.dataset.state === "loading" && !instance.searchTerm) {
      summary.dataset.state = "idle";
      summary.textContent = IDLE;
    }
  });
}

const root = document.getElementById("search");
if (root) start(getInstanceManager().getInstance("default"));
