import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import { articlesWithExtra, launchBrowser, searchFor, serveSite, siteUrl, watchConsoleProblems } from "../helpers/browser.ts";
import { buildSite } from "../helpers/site-build.ts";

const SCRIPT_TAG = "<script>window.__pwned=1</script>";
const IMG_TAG = `<img src=x onerror="window.__pwned=1">`;
/** A raw article whose headline and body carry markup a hostile source could send. */
const HOSTILE_FILE = "hostile-markup.txt";
// Dated, so the home page lists it among the newest articles (which are dated ones only).
const HOSTILE_ARTICLE = `---
date: 2026-11-20
---
Council votes on ${SCRIPT_TAG} Marrowvale budget

Members of the Marrowvale council met on Tuesday. A resident's sign read ${SCRIPT_TAG} in large letters.

Another placard showed ${IMG_TAG} next to a drawing of the town hall, and a third said [click](javascript:window.__pwned=1).

The budget passed by five votes to two.
`;

let browser: Browser;
let server: StaticServer;
let page: Page;
let hostile: ArticleRecord;

function pwned(): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe("markup inside an article's raw text", () => {
  before(async () => {
    const site = await buildSite(await articlesWithExtra({ [HOSTILE_FILE]: HOSTILE_ARTICLE }));
    hostile = (await loadContentDir(site.contentDir)).map((c) => c.record).find((r) => r.source_file === HOSTILE_FILE)!;
    server = await serveSite(site);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is shown as text on the article page and never runs", async () => {
    assert.ok(hostile, "the hostile article should be built like any other");
    await page.goto(siteUrl(server, `/articles/${hostile.slug}/`));
    await page.waitForLoadState("load");
    const bodyText = (await page.locator("main").textContent()) ?? "";
    assert.ok(bodyText.includes(SCRIPT_TAG), `the page should show ${SCRIPT_TAG} as text:\n${bodyText}`);
    assert.ok(bodyText.includes(IMG_TAG), `the page should show ${IMG_TAG} as text`);
    assert.equal(await page.locator("main img, main script, main a[href^='javascript:']").count(), 0);
    assert.equal(await pwned(), undefined);
  });

  it("is shown as text in the page title, the home page and the article list, and never runs", async () => {
    for (const urlPath of ["/", "/articles/"]) {
      await page.goto(siteUrl(server, urlPath));
      await page.waitForLoadState("load");
      assert.ok(((await page.locator("main").textContent()) ?? "").includes("Marrowvale"), `${urlPath} lists the article`);
      assert.equal(await pwned(), undefined, urlPath);
    }
    await page.goto(siteUrl(server, `/articles/${hostile.slug}/`));
    assert.ok((await page.title()).includes("Council votes on"), await page.title());
  });

  it("is shown as text in search results and never runs", async () => {
    await page.goto(siteUrl(server, "/search/"));
    const results = await searchFor(page, "Marrowvale");
    assert.equal(results.length, 1);
    assert.ok(results[0].title.includes("Marrowvale"));
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#search img, #search script").count(), 0);
    assert.equal(await pwned(), undefined);
  });

  it("raises no Content-Security-Policy violation from the site's own scripts on the search page", async () => {
    const fresh = await browser.newPage();
    const problems = watchConsoleProblems(fresh);
    const violations: string[] = [];
    await fresh.exposeFunction("__reportCsp", (v: string) => violations.push(v));
    await fresh.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await fresh.goto(siteUrl(server, "/search/"));
    await searchFor(fresh, "Steinle");
    await fresh.waitForTimeout(300);
    await fresh.close();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems.filter((m) => /content security policy|refused to/i.test(m)), []);
    assert.deepEqual(problems, []);
  });
});
