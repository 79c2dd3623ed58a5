import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { buildSearchUi, SEARCH_UI_SOURCE } from "../../src/site/search-ui.ts";
import { tempDir } from "../helpers/temp-dir.ts";

async function built(): Promise<{ files: string[]; page: string; api: string }> {
  const site = await tempDir("search-ui-");
  const files = await buildSearchUi(site);
  return { files, page: await readFile(path.join(site, "assets/search.js"), "utf8"), api: await readFile(path.join(site, "assets/search/pagefind.js"), "utf8") };
}

describe("the search page's scripts (buildSearchUi)", () => {
  it("writes the page's script and the Pagefind stand-in into assets/, and says which files it wrote", async () => {
    const { files } = await built();
    assert.deepEqual(files, ["assets/search.js", "assets/search/pagefind.js"]);
  });

  it("leaves the imports the browser resolves at run time to the browser: one shared stand-in, Pagefind's own bundle", async () => {
    const { page, api } = await built();
    assert.match(page, /from"\.\/search\/pagefind\.js"/, "the page imports the stand-in, not a copy of it");
    assert.match(api, /from"\.\.\/\.\.\/pagefind\/pagefind\.js"/, "the stand-in imports Pagefind's bundle from the site");
    const source = await readFile(path.join(SEARCH_UI_SOURCE, "search/pagefind.js"), "utf8");
    const exported = source.match(/export const BROWSE_WORD = "([^"]+)"/)![1];
    assert.equal(page.includes(`"${exported}"`), false, "the stand-in's constants are not bundled into the page");
  });

  it("bundles the Component UI's parts and minifies, keeping its licence comment", async () => {
    const { page, api } = await built();
    assert.match(page, /getInstanceManager/, "the Component UI is inside the page's script");
    assert.match(page, /\/\*! Pagefind Component UI [^*]*MIT License/);
    assert.ok(page.split("\n").length < 100, `minified: ${page.split("\n").length} lines`);
    assert.doesNotMatch(page, /^\s*import\s/m, "no unminified import statements");
    assert.ok(api.split("\n").length < 20, `minified: ${api.split("\n").length} lines`);
  });

  it("writes the same bytes every time (builds are deterministic)", async () => {
    const [one, two] = [await built(), await built()];
    assert.equal(one.page, two.page);
    assert.equal(one.api, two.api);
  });
});

describe("the search page's script, as bytes", () => {
  it("keeps its words' typography as UTF-8, not \\u escapes, and its licence where the vendored source has it", async () => {
    const { page } = await built();
    assert.ok(page.includes("Searching…"), "“…” written as itself");
    assert.doesNotMatch(page, /\\u2026/);
    assert.doesNotMatch(page.trimEnd(), /\*\/$/, "the licence stays where the vendored source has it, not gathered at the end of the file");
  });
});
