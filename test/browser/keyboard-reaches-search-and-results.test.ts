import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import { focusedElement, launchBrowser, resultSources, SEARCH_INPUT, serveSite, settledResults, SEED_ARTICLES_DIR, siteUrl } from "../helpers/browser.ts";
import { buildSite } from "../helpers/site-build.ts";

let browser: Browser;
let server: StaticServer;
let page: Page;
let records: ArticleRecord[];

/** Presses Tab until `matches` holds for the focused element; returns how many presses it took. */
async function tabUntil(matchesFocused: () => Promise<boolean>, maxPresses = 25): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press("Tab");
    if (await matchesFocused()) return presses;
  }
  throw new Error(`not reached after ${maxPresses} Tab presses; focus is on ${JSON.stringify(await focusedElement(page))}`);
}

describe("using the site with the keyboard only", () => {
  before(async () => {
    const site = await buildSite(SEED_ARTICLES_DIR);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    server = await serveSite(site);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const urlPath of ["/", "/search/", "/articles/"]) {
    it(`reaches the visible skip link with the first Tab on ${urlPath}`, async () => {
      await page.goto(siteUrl(server, urlPath));
      await page.keyboard.press("Tab");
      const focused = await focusedElement(page);
      assert.equal(focused?.href, "#main", `first Tab focused ${JSON.stringify(focused)}`);
      assert.match(focused.text, /skip/i);
      const box = await page.locator(":focus").boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `the focused skip link should be on screen: ${JSON.stringify(box)}`);
    });
  }

  it("goes from the skip link straight to the search box, types a query, reaches the first result with the down arrow or with Tab past the order, dates and filter groups, and opens it", async () => {
    await page.goto(siteUrl(server, "/search/"));
    await page.locator(SEARCH_INPUT).waitFor();
    await page.keyboard.press("Tab");
    assert.equal((await focusedElement(page))?.href, "#main");
    await page.keyboard.press("Enter");
    await tabUntil(async () => (await focusedElement(page))?.className.includes("pf-input") ?? false, 1);

    await page.keyboard.type("Steinle");
    const results = await settledResults(page);
    const expected = records.find((r) => r.source_file === "000_12e87a7c7f271ebb.txt")!;
    assert.deepEqual(resultSources(results, records), [expected.source_file]);

    await page.keyboard.press("ArrowDown");
    assert.ok((await focusedElement(page))?.className.includes("pf-result-link"), `the down arrow focused ${JSON.stringify(await focusedElement(page))}`);
    await page.locator(SEARCH_INPUT).focus();
    const groups = await page.locator(".filter-group:not([hidden])").count();
    const toResult = await tabUntil(async () => (await focusedElement(page))?.className.includes("pf-result-link") ?? false);
    // Past the clear button, the order, the two ends of the date range and the filter groups.
    assert.ok(toResult <= groups + 5, `the first result took ${toResult} Tab presses from the search box (${groups} filter groups)`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/articles/${expected.slug}/?pagefind-highlight=*`);
    assert.equal(await page.locator("h1").textContent(), expected.title);
  });

  it("submits the home page's search form with Enter alone", async () => {
    await page.goto(siteUrl(server, "/"));
    await tabUntil(async () => (await focusedElement(page))?.tag === "input");
    await page.keyboard.type("Trumpocalypse");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/search/?q=Trumpocalypse");
    const results = await settledResults(page);
    assert.deepEqual(resultSources(results, records), ["001_5742304cf4503c0a.txt"]);
  });

  it("shows a visible focus outline on every link and control the keyboard reaches on the home page", async () => {
    await page.goto(siteUrl(server, "/"));
    const total = await page.locator("a[href], input, button, select, summary").count();
    const unoutlined: string[] = [];
    for (let i = 0; i < total; i++) {
      await page.keyboard.press("Tab");
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0, text: (el.textContent ?? el.tagName).trim() };
      });
      if (!style.outline) unoutlined.push(style.text);
    }
    assert.deepEqual(unoutlined, []);
  });
});
