import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { StaticServer } from "../../src/serve/static-server.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import { launchBrowser, RESULT_LINK, resultSources, searchFor, settledResults, serveSite, SEED_ARTICLES_DIR, siteUrl, watchConsoleProblems, watchFailedRequests } from "../helpers/browser.ts";
import { buildSite } from "../helpers/site-build.ts";

/** A project site on GitHub Pages lives under /<repo>/, never at the host's root. */
const PREFIX = "/news-archive/";

let browser: Browser;
let server: StaticServer;
let page: Page;
let records: ArticleRecord[];
let failedRequests: string[];
let consoleProblems: string[];
const requested: string[] = [];

describe(`the archive served under ${PREFIX}`, () => {
  before(async () => {
    const site = await buildSite(SEED_ARTICLES_DIR, PREFIX);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    server = await serveSite(site, PREFIX);
    browser = await launchBrowser();
    page = await browser.newPage();
    failedRequests = watchFailedRequests(page);
    consoleProblems = watchConsoleProblems(page);
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds an article by a word only it contains and opens it from the result", async () => {
    const expected = records.find((r) => r.source_file === "000_12e87a7c7f271ebb.txt")!;
    await page.goto(siteUrl(server, "/search/"));
    const results = await searchFor(page, "Steinle");
    assert.deepEqual(resultSources(results, records), [expected.source_file]);
    assert.match(results[0].excerptHtml, /<mark>[^<]*\bSteinle\b[^<]*<\/mark>/i);
    assert.equal(new URL(results[0].href).pathname, `${PREFIX}articles/${expected.slug}/`);
    await page.click(RESULT_LINK);
    await page.waitForURL(`**${PREFIX}articles/${expected.slug}/?pagefind-highlight=*`);
    assert.equal(await page.locator("h1").textContent(), expected.title);
  });

  it("submits the home page's search form to the prefixed search page, which runs the query", async () => {
    await page.goto(siteUrl(server, "/"));
    await page.getByLabel(/search the archive/i).fill("Trumpocalypse");
    await page.getByLabel(/search the archive/i).press("Enter");
    await page.waitForURL(`**${PREFIX}search/?q=Trumpocalypse`);
    await page.locator(RESULT_LINK).first().waitFor();
    assert.deepEqual(resultSources(await settledResults(page), records), ["001_5742304cf4503c0a.txt"]);
  });

  it("keeps every link on the home page under the prefix, and each page it reaches loads", async () => {
    await page.goto(siteUrl(server, "/"));
    const hrefs = await page.$$eval(".site-header a, main a, .site-footer a", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(hrefs.length > 0);
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== new URL(server.url).origin) continue;
      assert.ok(url.pathname.startsWith(PREFIX), `link leaves the prefix: ${href}`);
      const response = await page.goto(href);
      assert.equal(response?.status(), 200, href);
    }
  });

  it("requests nothing outside the prefix and gets no 404 for any asset", () => {
    assert.ok(requested.length > 0);
    assert.deepEqual(requested.filter((p) => !p.startsWith(PREFIX)), []);
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(consoleProblems, []);
  });
});
