// Marks the words a reader searched for on the article a search result opened
// (?pagefind-highlight=word, added by the search page). Pagefind's highlighter is loaded
// only then; the page itself needs no script. Its own <style> element is turned off
// (the Content-Security-Policy forbids inline styles): site.css styles mark.pagefind-highlight.
const words = new URLSearchParams(window.location.search).getAll("pagefind-highlight").filter((w) => w.trim() !== "");
if (words.length) {
  const { default: PagefindHighlight } = await import("../pagefind/pagefind-highlight.js");
  new PagefindHighlight({ highlightParam: "pagefind-highlight", addStyles: false });
}
