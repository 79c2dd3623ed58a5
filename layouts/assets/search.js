// Starts Pagefind's UI and adds a control to order results by date. Kept in a file
// (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var root = document.getElementById("search");
  if (!root || !window.PagefindUI) return;

  // Sort keys set on article pages (src/site/search-fields.ts); undated articles sort last in both.
  var ORDERS = { relevance: null, newest: { date: "desc" }, oldest: { "date-oldest": "asc" } };
  var params = new URLSearchParams(window.location.search);
  var select = document.getElementById("search-sort");
  var ui;

  // Shows each result's date after its title, so a date-ordered list reads as one.
  function addDate(result) {
    if (result.meta && result.meta.date) {
      result.meta.title = result.meta.title + " (" + result.meta.date + ")";
      // Pagefind would also show it as a "date" tag under the result: once is enough.
      delete result.meta.date;
    }
    return result;
  }

  function selectedFilters() {
    var filters = {};
    root.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return filters;
  }

  var mount;

  // Pagefind's UI takes its sort order only when it is created, so a new order means a new
  // UI. The old one is detached, not destroyed: destroying it stops the search worker the
  // two share, failing a search that is still running ("Pagefind worker terminated").
  function start(order, term, filters) {
    if (mount) root.removeChild(mount);
    mount = document.createElement("div");
    root.appendChild(mount);
    ui = new window.PagefindUI({
      element: mount,
      bundlePath: root.getAttribute("data-bundle-path"),
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      sort: ORDERS[order] || null,
      processResult: addDate,
    });
    if (term) ui.triggerSearch(term);
    if (filters && Object.keys(filters).length) ui.triggerFilters(filters);
  }

  var order = ORDERS.hasOwnProperty(params.get("sort")) ? params.get("sort") : "relevance";
  if (select) {
    select.value = order;
    document.getElementById("search-sort-control").hidden = false;
    select.addEventListener("change", function () {
      var input = root.querySelector(".pagefind-ui__search-input");
      var term = input ? input.value : "";
      var filters = selectedFilters();
      // Keep the choice in the address, so a reload or a shared link keeps the order.
      params.set("sort", select.value);
      if (term) params.set("q", term);
      window.history.replaceState(null, "", "?" + params.toString());
      start(select.value, term, filters);
    });
  }
  start(order, params.get("q"), null);
})();
