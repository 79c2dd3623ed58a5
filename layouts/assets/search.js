// Starts Pagefind's UI. Kept in a file (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var el = document.getElementById("search");
  if (!el || !window.PagefindUI) return;
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: el.getAttribute("data-bundle-path"),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
