import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import { decodeCharacterReferences } from "../../src/ingest/character-references.ts";
import { BuildFailedError, runBuild } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSite, listFiles, projectRoot, readPage, testConfig, type BuiltSite } from "../helpers/site-build.ts";

/**
 * A site built from articles whose text and front matter are hostile: HTML, scripts,
 * Markdown, template syntax and YAML-breaking values. The built HTML is read the way
 * a browser would: nothing from the input may become an element, and every page
 * carries a Content-Security-Policy that allows only the site's own files.
 */

const hostileDir = path.join(projectRoot, "test/fixtures/hostile");
const siteFixtures = path.join(hostileDir, "site");

let site: BuiltSite;
let records: ArticleRecord[];
let htmlFiles: string[];
const bySource = (file: string) => records.find((r) => r.source_file === file)!;

/** Raw paragraphs of a fixture (its text below any front matter), as written. */
async function rawParagraphs(file: string): Promise<string[]> {
  const text = await readFile(path.join(siteFixtures, file), "utf8");
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body.split(/\n{2,}/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
}

function elementsOf(root: HTMLElement): HTMLElement[] {
  return root.querySelectorAll("*");
}

describe("a site built from hostile article text", () => {
  before(async () => {
    site = await buildSite(siteFixtures);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    htmlFiles = (await listFiles(site.dir)).filter((f) => f.endsWith(".html"));
  });

  it("builds every hostile article into a page", async () => {
    assert.equal(records.length, (await readdir(siteFixtures)).length);
    for (const r of records) assert.ok(htmlFiles.includes(`articles/${r.slug}/index.html`), r.source_file);
  });

  it("shows HTML, script and comments from the text as characters, never as elements", async () => {
    const page = await readPage(site, `/articles/${bySource("html-in-text.txt").slug}/`);
    const body = page.querySelector("[data-pagefind-body] .body")!;
    assert.deepEqual([...new Set(elementsOf(body).map((e) => e.tagName))], ["P"], "the body holds paragraphs only");
    const shown = body.querySelectorAll("p").map((p) => p.text);
    for (const paragraph of (await rawParagraphs("html-in-text.txt")).slice(1)) {
      // Character references are read as the characters they stand for ("&#60;script&#62;"
      // is "<script>", shown as those characters like one typed as itself).
      const expected = decodeCharacterReferences(paragraph.replace(/^MIAMI — /, ""));
      assert.ok(shown.includes(expected), `shown as typed: ${expected}`);
    }
    assert.ok(shown.includes("Entities like <b> and &amp; and <script> were printed exactly as the clerk typed them."), shown.join("\n"));
    assert.equal(page.querySelector("h1")!.text, `Council Votes <script>alert("headline")</script> On Harbor Budget`);
  });

  it("shows Markdown syntax from the text as the literal characters", async () => {
    const page = await readPage(site, `/articles/${bySource("markdown-in-text.txt").slug}/`);
    const body = page.querySelector("[data-pagefind-body] .body")!;
    assert.deepEqual([...new Set(elementsOf(body).map((e) => e.tagName))], ["P"]);
    const text = body.querySelectorAll("p").map((p) => p.text).join("\n");
    for (const literal of [
      "# not a heading",
      "* not a bullet",
      "1. not a list",
      "[a link](https://example.com/)",
      "`backticks`",
      "**stars**",
      "_underscores_",
      "~~tildes~~",
      "| harbor | budget |",
      "|---|---|",
      "---",
      "<!-- not a comment -->",
      "> not a quote",
    ]) {
      assert.ok(text.includes(literal), `shows ${literal}`);
    }
  });

  it("no page anywhere in the site has an element, handler or URL that came from the input", async () => {
    for (const file of htmlFiles) {
      const html = await readFile(path.join(site.dir, file), "utf8");
      assert.doesNotMatch(html, /<!--\s*(secret|not a comment)/, `${file}: an HTML comment from the input`);
      const root = parse(html, { comment: true });
      for (const el of elementsOf(root)) {
        const tag = el.tagName.toLowerCase();
        assert.ok(!["img", "iframe", "textarea", "object", "embed", "base", "style"].includes(tag), `${file}: <${tag}>`);
        for (const [name, value] of Object.entries(el.attributes)) {
          assert.ok(!/^on/i.test(name), `${file}: <${tag} ${name}>`);
          if (["href", "src", "action"].includes(name.toLowerCase())) {
            assert.doesNotMatch(value, /^\s*(javascript|data|vbscript):/i, `${file}: <${tag} ${name}="${value}">`);
            assert.doesNotMatch(value, /evil\.example|alert\(/, `${file}: <${tag} ${name}="${value}">`);
          }
        }
        if (tag === "script") {
          const isData = el.getAttribute("type") === "application/ld+json";
          assert.ok(isData || el.getAttribute("src")?.startsWith("/"), `${file}: an inline script`);
          if (isData) {
            assert.doesNotMatch(el.innerHTML, /<\//, `${file}: JSON-LD that could close its script element`);
            JSON.parse(el.innerHTML);
          }
        }
      }
    }
  });

  it("prints template syntax from the text as typed, without evaluating it", async () => {
    const page = await readPage(site, `/articles/${bySource("html-in-text.txt").slug}/`);
    const text = page.querySelector("[data-pagefind-body] .body")!.text;
    assert.ok(text.includes(`{{ 7 * 7 }} and {% include "base.njk" %} and \${process.env.HOME}`));
    assert.ok(!text.includes(os.homedir()) || os.homedir() === "/");
  });

  // The browser tab shows <title>: Nunjucks escapes the computed title once when it is
  // computed (article.njk's eleventyComputed) and again when base.njk prints it.
  it("shows a title with < > and quotes once-escaped in the browser tab and the description", async () => {
    const r = bySource("html-in-text.txt");
    const page = await readPage(site, `/articles/${r.slug}/`);
    assert.equal(page.querySelector("title")!.text, `${r.title} · News Archive`);
    assert.equal(page.querySelector('meta[name="description"]')!.getAttribute("content"), r.summary);
  });

  it("round-trips titles, names and tags that would break YAML through ingest, the generated Markdown, the loader and the page", async () => {
    const r = bySource("yaml-in-front-matter.txt");
    assert.equal(r.title, `Mayor: "We Won't Comply" # Not A Comment --- &anchor *alias`);
    assert.equal(r.dek, "- leading dash, key: value, and 'quotes'");
    assert.equal(r.source, "The #1 'Daily': --- Edition");
    assert.deepEqual(r.authors, ["- Dash Leading", `O'Brien: "Jr."`, "&anchor Person", "*alias Person"]);
    assert.deepEqual(r.tags, ["#hashtag", "key: value", "---", "- item", "&anchor", "yes", "x: y # z", "{{ 7 * 7 }}"]);
    assert.deepEqual(r.people, ["Ana: María #2", "yes", "null"]);
    const page = await readPage(site, `/articles/${r.slug}/`);
    assert.equal(page.querySelector("h1")!.text, r.title);
    assert.equal(page.querySelector(".dek")!.text, r.dek);
    assert.equal(page.querySelector(".source")!.text, r.source);
    const meta = page.querySelector(".meta")!.text;
    for (const a of r.authors) assert.ok(meta.includes(a), `byline shows ${a}`);
    // Topics on fewer than three articles have no page: the article shows them as plain text.
    const topics = page.querySelectorAll(".article-entities li").map((li) => li.text);
    for (const t of r.tags) assert.ok(topics.includes(t), `topic ${t}`);
  });
});

describe("the site's Content-Security-Policy", () => {
  before(async () => {
    site = await buildSite(siteFixtures);
    htmlFiles = (await listFiles(site.dir)).filter((f) => f.endsWith(".html"));
  });

  it("every page allows only its own scripts and styles: no 'unsafe-inline', no 'unsafe-eval', no other hosts", async () => {
    assert.ok(htmlFiles.length > 10);
    for (const file of htmlFiles) {
      const root = parse(await readFile(path.join(site.dir, file), "utf8"));
      const metas = root.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
      assert.equal(metas.length, 1, `${file}: one CSP meta tag`);
      const policy = new Map(
        metas[0]
          .getAttribute("content")!
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(policy.get("default-src"), ["'self'"], file);
      assert.deepEqual(policy.get("style-src"), ["'self'"], file);
      // Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (not JavaScript eval).
      assert.deepEqual(policy.get("script-src")?.filter((v) => v !== "'wasm-unsafe-eval'"), ["'self'"], file);
      assert.deepEqual(policy.get("object-src"), ["'none'"], file);
      assert.deepEqual(policy.get("base-uri"), ["'none'"], file);
      for (const [name, values] of policy) {
        for (const v of values) {
          assert.ok(!["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"].includes(v), `${file}: ${name} ${v}`);
          assert.ok(!/^(https?:|\*\.|\/\/)|\.[a-z]{2,}$/i.test(v), `${file}: ${name} allows a host: ${v}`);
        }
      }
    }
  });

  it("no page needs what the policy forbids: inline scripts, inline styles or foreign files", async () => {
    for (const file of htmlFiles) {
      const root = parse(await readFile(path.join(site.dir, file), "utf8"));
      for (const s of root.querySelectorAll("script")) {
        const src = s.getAttribute("src");
        assert.ok(src ? /^\/(?!\/)/.test(src) : s.getAttribute("type") === "application/ld+json", `${file}: script ${src ?? "inline"}`);
      }
      assert.equal(root.querySelectorAll("style").length, 0, `${file}: <style>`);
      assert.equal(root.querySelectorAll("[style]").length, 0, `${file}: style attribute`);
      for (const l of root.querySelectorAll('link[rel="stylesheet"]')) assert.match(l.getAttribute("href")!, /^\/(?!\/)/, `${file}: stylesheet`);
    }
  });
});

describe("a build with a hostile article file", () => {
  async function failingBuild(setup: (articles: string) => Promise<void>) {
    const root = await mkdtemp(path.join(os.tmpdir(), "hostile-build-"));
    const articles = path.join(root, "articles");
    await cp(siteFixtures, articles, { recursive: true });
    await setup(articles);
    const outputDir = path.join(root, "out", "site");
    await mkdir(path.dirname(outputDir));
    const log: string[] = [];
    const reporter = createReporter({ isTTY: false, write: (line: string) => (log.push(line), true) } as unknown as NodeJS.WriteStream);
    const error = await runBuild(testConfig({ articlesDir: articles, outputDir, contentDir: path.join(root, "content") }), { reporter }).then(
      () => assert.fail("the build should fail"),
      (e: unknown) => e,
    );
    const leftovers = await readdir(path.dirname(outputDir));
    await rm(root, { recursive: true, force: true });
    return { error, leftovers, errors: log.join("").split("\n").filter((l) => l.startsWith("error: ")) };
  }

  const badFrontMatter: [string, number][] = [
    ["invalid-yaml.txt", 5],
    ["unknown-key.txt", 3],
    ["wrong-type.txt", 3],
    ["sets-permalink.txt", 4],
    ["sets-layout.txt", 4],
    ["sets-eleventy-exclude-from-collections.txt", 4],
    ["sets-eleventy-computed.txt", 4],
  ];
  for (const [name, line] of badFrontMatter) {
    it(`fails on ${name}, naming the file and line ${line}, and writes no page`, async () => {
      const { error, leftovers, errors } = await failingBuild((articles) => cp(path.join(hostileDir, "bad-front-matter", name), path.join(articles, name)));
      assert.ok(error instanceof BuildFailedError, String(error));
      assert.match(error.message, /1 of 4 article files could not be built.*the site was not changed/);
      assert.equal(errors.length, 1, errors.join("\n"));
      assert.ok(errors[0].startsWith(`error: ${name}:${line}: `), errors[0]);
      assert.deepEqual(leftovers, [], "no site and no temporary folder is written");
    });
  }

  it("fails on unsafe names and links that leave the folder, naming each, and writes no page", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "hostile-outside-"));
    await writeFile(path.join(outside, "secret.txt"), "Secret Headline\n\nThis text lives outside the articles folder.\n");
    const { error, leftovers, errors } = await failingBuild(async (articles) => {
      await writeFile(path.join(articles, "Harbor Vote.txt"), "Harbor Vote\n\nThe council voted on Tuesday.\n");
      await symlink(path.join(outside, "secret.txt"), path.join(articles, "secret.txt"));
    });
    await rm(outside, { recursive: true, force: true });
    assert.ok(error instanceof BuildFailedError, String(error));
    assert.match(error.message, /2 of 5 article files could not be built/);
    assert.equal(errors.length, 2, errors.join("\n"));
    assert.match(errors[0], /^error: Harbor Vote\.txt: .*not a safe file name/);
    assert.match(errors[1], /^error: secret\.txt: .*points outside the articles folder/);
    assert.deepEqual(leftovers, []);
  });
});
