import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, type BuiltSite } from "../helpers/site-build.ts";
import { brokenInternalLinks } from "../helpers/internal-links.ts";

describe("links between the built pages", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite();
  });

  it("every internal link, stylesheet, script and form on every page leads to a built file", async () => {
    const broken = await brokenInternalLinks(site, "/");
    assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken links`);
  });

  it("the home page links to the newest articles, the sources and the search page", async () => {
    const home = parse(await readFile(path.join(site.dir, "index.html"), "utf8"));
    const hrefs = home.querySelectorAll("a").map((a) => a.getAttribute("href"));
    assert.ok(hrefs.some((h) => h?.startsWith("/articles/") && h !== "/articles/"), "an article link");
    assert.ok(hrefs.includes("/sources/"));
    assert.ok(hrefs.includes("/search/"));
    const form = home.querySelector("form[role=search]")!;
    assert.equal(form.getAttribute("action"), "/search/");
    assert.equal(form.getAttribute("method"), "get");
    assert.equal(form.querySelector("input")!.getAttribute("name"), "q");
  });
});
