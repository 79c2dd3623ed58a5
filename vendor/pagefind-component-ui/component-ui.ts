/*! Pagefind Component UI 1.5.2 (input, results, config), https://pagefind.app, MIT License, Copyright 2022 Pagefind */
// The parts of Pagefind's Component UI the search page uses, built by the site build
// (src/site/search-ui.ts) into assets/search.js together with the page's own script.
// Same as Pagefind's component-ui.ts, with only these components and English.
import * as PagefindComponents from "./components/index-slim.ts";

declare global {
  interface Window {
    PagefindComponents: typeof PagefindComponents;
  }
}

if (typeof window !== "undefined") window.PagefindComponents = PagefindComponents;

export * from "./components/index-slim.ts";
