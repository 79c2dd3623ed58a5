import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, listFiles, type BuiltSite } from "../helpers/site-build.ts";

/**
 * Every link, script and stylesheet on every built page points at a file the build wrote.
 * Shared by the path-prefix test, which runs the same check on a site built under a prefix.
 */
export async function brokenInternalLinks(site: BuiltSite, prefix: string): Promise<string[]> {
  const files = new Set(await listFiles(site.dir));
  const pages = [...files].filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
  const broken: string[] = [];
  for (const file of pages) {
    const html = parse(await readFile(path.join(site.dir, file), "utf8"));
    const refs = [
      ...html.querySelectorAll("a[href]").map((a) => a.getAttribute("href")!),
      ...html.querySelectorAll("link[href]").filter((l) => l.getAttribute("rel") !== "canonical").map((l) => l.getAttribute("href")!),
      ...html.querySelectorAll("script[src]").map((s) => s.getAttribute("src")!),
      ...html.querySelectorAll("form[action]").map((f) => f.getAttribute("action")!),
    ];
    for (const ref of refs) {
      if (/^[a-z]+:/i.test(ref) || ref.startsWith("#")) continue;
      const pathname = new URL(ref, `http://site${prefix}${file}`).pathname;
      if (!pathname.startsWith(prefix)) {
        broken.push(`${file}: ${ref} is outside the path prefix ${prefix}`);
        continue;
      }
      const rel = decodeURIComponent(pathname.slice(prefix.length));
      const target = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
      if (!files.has(target)) broken.push(`${file}: ${ref}`);
    }
  }
  return broken;
}

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
