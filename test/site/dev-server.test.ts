import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { runBuild } from "../../src/publish/build.ts";
import { createReporter } from "../../src/reporter.ts";
import { startDevServer, type DevServer } from "../../src/dev/dev-server.ts";
import { projectRoot, testConfig } from "../helpers/site-build.ts";

/** Bounded wait for one rebuild of a 4-article archive (normally about a second). */
const REBUILD_TIMEOUT_MS = 60_000;

interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** A browser's EventSource, reduced to what the tests need: wait for the next event. */
async function openEventStream(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const queued: ServerSentEvent[] = [];
  let buffer = "";
  let pendingRead: Promise<ReadableStreamReadResult<string>> | undefined;

  async function next(timeoutMs = REBUILD_TIMEOUT_MS): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frameEnd = buffer.indexOf("\n\n");
      if (frameEnd !== -1) {
        const frame = buffer.slice(0, frameEnd);
        buffer = buffer.slice(frameEnd + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event) queued.push({ event, data: data === undefined ? undefined : JSON.parse(data) });
        if (queued.length) return queued.shift()!;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no server-sent event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      // A read that lost the race stays pending and is awaited next time, so no chunk is lost.
      pendingRead ??= reader.read();
      const chunk = await Promise.race([
        pendingRead,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), left))),
      ]).finally(() => clearTimeout(timer));
      pendingRead = undefined;
      if (chunk.done) throw new Error("the event stream closed");
      buffer += chunk.value;
    }
  }
  return { next, close: () => abort.abort() };
}

async function getPage(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
}

/** Every article page linked from the "All articles" listing, by headline. */
async function articleLinks(site: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const { html } = await getPage(`${site}articles/`);
  for (const a of parse(html).querySelectorAll("main a[href*='/articles/']")) {
    const href = a.getAttribute("href")!;
    if (/\/articles\/[a-z0-9-]+\/$/.test(href)) links.set(a.text.trim(), new URL(href, site).href);
  }
  return links;
}

/** Every file of the built site (not the assets or the search index) and when it was last written. */
async function siteFileTimes(siteDir: string): Promise<Map<string, number>> {
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => !/^(assets|pagefind)(\/|$)/.test(f));
  const times = new Map<string, number>();
  for (const f of files) {
    const info = await stat(path.join(siteDir, f));
    if (info.isFile()) times.set(f, info.mtimeMs);
  }
  return times;
}

/** The people, organization, place and topic pages an article page links to under "In this article". */
function entityLinksOf(html: string, site: string): string[] {
  return parse(html).querySelectorAll(".article-entities a").map((a) => new URL(a.getAttribute("href")!, site).href);
}

/** An entity's own page (not an index of them), as a file of the built site. */
const ENTITY_PAGE_FILE = /^(people|organizations|places|tags)\/(?!by-name\/)[^/]+\/index\.html$/;

/** The dev server's report of a partial render: "with 12 changed pages written and 1 removed (81 in the site)". */
const PARTIAL_RENDER_REPORT = /with (\d+) changed pages written and (\d+) removed \((\d+) in the site\)/;

/** Waits for the log line of the next rebuild after `from` and reads its partial-render figures. */
async function partialRenderReport(log: string[], from: number): Promise<{ written: number; removed: number; inSite: number }> {
  const deadline = Date.now() + REBUILD_TIMEOUT_MS;
  for (;;) {
    const line = log.slice(from).find((l) => / changed: rebuilt in /.test(l));
    if (line) {
      const match = PARTIAL_RENDER_REPORT.exec(line);
      assert.ok(match, `the rebuild rendered only changed pages: ${line}`);
      return { written: Number(match[1]), removed: Number(match[2]), inSite: Number(match[3]) };
    }
    assert.ok(Date.now() < deadline, `no rebuild was reported:\n${log.slice(from).join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm start's dev server", () => {
  let work: string;

  /**
   * Files that differ between the served site and what `npm run build` makes of the same
   * articles from scratch (the search index aside): pages, feeds and sitemaps.
   */
  async function differencesFromColdBuild(siteDir: string): Promise<string[]> {
    const coldWork = await mkdtemp(path.join(work, "cold-"));
    const fullDir = path.join(coldWork, "site");
    try {
      const quiet = createReporter({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream, { quiet: true });
      await runBuild(testConfig({ articlesDir, contentDir: path.join(coldWork, "content"), outputDir: fullDir }), { reporter: quiet });
      const served = await siteFileTimes(siteDir);
      const full = await siteFileTimes(fullDir);
      const names = [...new Set([...served.keys(), ...full.keys()])].sort();
      const differences: string[] = [];
      for (const f of names) {
        const [a, b] = await Promise.all([readFile(path.join(siteDir, f)).catch(() => undefined), readFile(path.join(fullDir, f)).catch(() => undefined)]);
        if (!a || !b || !a.equals(b)) differences.push(f);
      }
      return differences;
    } finally {
      await rm(coldWork, { recursive: true, force: true });
    }
  }
  let articlesDir: string;
  let server: DevServer;
  const log: string[] = [];
  let events: Awaited<ReturnType<typeof openEventStream>>;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "archive-dev-"));
    articlesDir = path.join(work, "articles");
    await mkdir(articlesDir);
    const seeds = (await readdir(path.join(projectRoot, "articles"))).filter((n) => n.endsWith(".txt"));
    await Promise.all(seeds.map((n) => copyFile(path.join(projectRoot, "articles", n), path.join(articlesDir, n))));
    const reporter = createReporter({ isTTY: false, write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WriteStream);
    const config = testConfig({ articlesDir, contentDir: path.join(work, "content"), outputDir: path.join(work, "site") });
    server = await startDevServer({ ...config, server: { ...config.server, port: 0 }, reporter });
    events = await openEventStream(`${server.url}__live-reload`);
  });

  after(async () => {
    events?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("serves the built site with the live reload script as a same-origin file, not inline", async () => {
    const home = await getPage(server.url);
    assert.equal(home.status, 200);
    const scripts = parse(home.html).querySelectorAll("script");
    const liveReload = scripts.filter((s) => s.getAttribute("src") === "/__live-reload.js");
    assert.equal(liveReload.length, 1);
    assert.ok(scripts.every((s) => s.getAttribute("src") || s.getAttribute("type") === "application/ld+json"), "no inline script may run");
    const script = await getPage(`${server.url}__live-reload.js`);
    assert.equal(script.status, 200);
    assert.match(script.html, /new EventSource\("\/__live-reload"\)/);
    assert.match(script.html, /location\.reload\(\)/);
  });

  it("changing an article's headline re-renders only the pages showing it, and serves the new headline on all of them", async () => {
    const siteDir = path.join(work, "site");
    const file = path.join(articlesDir, "002_b04d322f93dc3252.txt");
    const lines = (await readFile(file, "utf8")).split("\n");
    // The headline is the first line after the seed's front matter (its date correction).
    const headlineLine = lines[0] === "---" ? lines.indexOf("---", 1) + 1 : 0;
    const oldHeadline = lines[headlineLine].trim();
    assert.ok((await articleLinks(server.url)).has(oldHeadline), "the seed's headline is listed before the edit");
    const timesBefore = await siteFileTimes(siteDir);
    const textBefore = new Map<string, string>();
    for (const f of timesBefore.keys()) textBefore.set(f, await readFile(path.join(siteDir, f), "utf8"));
    const newHeadline = "Sheriffs Bring Their Border Worries To The White House";
    lines[headlineLine] = newHeadline;
    const logFrom = log.length;
    await writeFile(file, lines.join("\n"));

    const reload = await events.next();
    assert.equal(reload.event, "reload");
    const links = await articleLinks(server.url);
    assert.ok(!links.has(oldHeadline), "the old headline is gone from the listing");
    const page = await getPage(links.get(newHeadline)!);
    assert.equal(page.status, 200);
    assert.equal(parse(page.html).querySelector("h1")?.text.trim(), newHeadline);
    const entityPages = entityLinksOf(page.html, server.url);
    assert.ok(entityPages.length > 0, "the article links to its people, places and topics");
    for (const url of entityPages) {
      const listed = parse((await getPage(url)).html).querySelectorAll("main .article-list a").map((a) => a.text.trim());
      assert.ok(listed.includes(newHeadline) && !listed.includes(oldHeadline), `${url} lists the new headline: ${listed.join(" | ")}`);
    }

    const report = await partialRenderReport(log, logFrom);
    const timesAfter = await siteFileTimes(siteDir);
    const rewritten = [...timesAfter].filter(([f, t]) => timesBefore.get(f) !== t).map(([f]) => f);
    assert.equal(report.written, rewritten.length, `the report counts the files written: ${rewritten.join(", ")}`);
    assert.ok(report.written < report.inSite, `${report.written} of ${report.inSite} pages written`);
    // Other articles' people, places and topics: some of their pages' data (names, counts,
    // the names often seen with them) did not change, and those files were left alone.
    const unrelated = [...timesBefore.keys()].filter((f) => ENTITY_PAGE_FILE.test(f) && !textBefore.get(f)!.includes(oldHeadline));
    const untouched = unrelated.filter((f) => timesAfter.get(f) === timesBefore.get(f));
    assert.ok(untouched.length > 0, `entity pages not listing the article were not written again: ${unrelated.join(", ")}`);
    assert.deepEqual(await differencesFromColdBuild(siteDir), [], "the served site reads as if every page had been rendered again");
  });

  it("saving new text in an article reloads its page first, then the rest of the archive follows and reads as a cold build", async () => {
    const siteDir = path.join(work, "site");
    const file = path.join(articlesDir, "000_12e87a7c7f271ebb.txt");
    const text = await readFile(file, "utf8");
    const paragraph = "Residents will have a further chance to comment when the council meets again on Thursday evening.";
    const logFrom = log.length;
    await writeFile(file, `${text.trimEnd()}\n\n${paragraph}\n`);

    const first = await events.next();
    assert.equal(first.event, "reload");
    const { pages } = first.data as { pages?: string[] };
    assert.ok(pages && pages.length === 1 && /^\/articles\/[a-z0-9-]+\/$/.test(pages[0]), `the first reload names the saved article's page: ${JSON.stringify(first.data)}`);
    const previewed = await getPage(new URL(pages[0], server.url).href);
    assert.ok(previewed.html.includes(paragraph), "the page served at the first reload shows the new paragraph");
    assert.ok(log.slice(logFrom).some((l) => /000_12e87a7c7f271ebb\.txt changed: its page made again in /.test(l)), log.slice(logFrom).join(""));

    await server.idle();
    const rebuilt = log.slice(logFrom).find((l) => / changed: rebuilt in /.test(l));
    assert.ok(rebuilt, `the rest of the archive was rebuilt:\n${log.slice(logFrom).join("")}`);
    // A second reload only when a page other than the preview's changed (its related articles' lists, say).
    if (/reloading \d+ browser/.test(rebuilt)) {
      const second = await events.next();
      assert.equal(second.event, "reload");
    } else assert.match(rebuilt, /no page changed since the preview/);
    assert.deepEqual(await differencesFromColdBuild(siteDir), [], "the served site reads as if every page had been rendered again");
  });

  it("saving an article without changing it neither re-renders nor reloads the browser", async () => {
    const file = path.join(articlesDir, "001_5742304cf4503c0a.txt");
    const linesBefore = log.length;
    await writeFile(file, await readFile(file));
    const deadline = Date.now() + REBUILD_TIMEOUT_MS;
    const isNoChange = (line: string) => line.startsWith("001_5742304cf4503c0a.txt changed: no article's Markdown changed");
    while (!log.slice(linesBefore).some(isNoChange)) {
      assert.ok(Date.now() < deadline, `no rebuild was reported:\n${log.slice(linesBefore).join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await assert.rejects(events.next(500), /no server-sent event/);
  });

  it("deleting an article removes its page and its headline from its people, places and topics after the reload", async () => {
    const before = await articleLinks(server.url);
    const pagesBefore = new Set(before.values());
    const entityLinksBefore = new Map<string, string[]>();
    for (const url of pagesBefore) {
      const page = await getPage(url);
      assert.equal(page.status, 200);
      entityLinksBefore.set(url, entityLinksOf(page.html, server.url));
    }

    const logFrom = log.length;
    await unlink(path.join(articlesDir, "004_8f3418854753f031.txt"));
    assert.equal((await events.next()).event, "reload");
    const pagesAfter = new Set((await articleLinks(server.url)).values());
    const gone = [...pagesBefore].filter((url) => !pagesAfter.has(url));
    assert.equal(gone.length, 1, "exactly the deleted article leaves the listing");
    assert.equal(pagesAfter.size, pagesBefore.size - 1);
    assert.equal((await getPage(gone[0])).status, 404);
    const headline = [...before].find(([, url]) => url === gone[0])![0];
    const entityPages = entityLinksBefore.get(gone[0])!;
    assert.ok(entityPages.length > 0, "the deleted article had people, places or topics");
    let entityPagesGone = 0;
    for (const url of entityPages) {
      const entity = await getPage(url);
      if (entity.status === 404) entityPagesGone++;
      else assert.ok(!parse(entity.html).querySelector("main")!.text.includes(headline), `${url} no longer lists "${headline}"`);
    }
    const report = await partialRenderReport(log, logFrom);
    assert.equal(report.removed, 1 + entityPagesGone, "the article's page and the entity pages only it had are deleted");
    assert.deepEqual(await differencesFromColdBuild(path.join(work, "site")), [], "the served site reads as if every page had been rendered again");
  });

  it("a bad file is reported with its line and the last good site stays served until it is fixed", async () => {
    const before = await articleLinks(server.url);
    const bad = path.join(articlesDir, "broken-front-matter.txt");
    await writeFile(bad, "---\ntitle: Council Votes On The Budget\ncolour: red\n---\nThe council voted on Tuesday to approve the city budget after a long debate.\n");

    const failure = await events.next();
    assert.equal(failure.event, "build-error");
    assert.match((failure.data as { message: string }).message, /^broken-front-matter\.txt:3: /m);
    assert.ok(log.some((line) => line.startsWith("error: broken-front-matter.txt:3: ")), `the terminal names file and line:\n${log.join("")}`);
    assert.deepEqual(await articleLinks(server.url), before, "the last good site is still served");

    await writeFile(bad, "---\ntitle: Council Votes On The Budget\n---\nThe council voted on Tuesday to approve the city budget after a long debate.\n");
    assert.equal((await events.next()).event, "reload");
    assert.ok((await articleLinks(server.url)).has("Council Votes On The Budget"));
  });
});

describe("npm start's dev server under a path prefix", () => {
  it("serves the live reload script and events under the prefix", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "archive-dev-prefix-"));
    const log: string[] = [];
    const config = testConfig({ articlesDir: path.join(projectRoot, "articles"), contentDir: path.join(work, "content"), outputDir: path.join(work, "site"), pathPrefix: "/news-archive/" });
    const server = await startDevServer({
      ...config,
      server: { ...config.server, port: 0 },
      reporter: createReporter({ isTTY: false, write: (s: string) => (log.push(s), true) } as unknown as NodeJS.WriteStream),
    });
    try {
      assert.match(server.url, /\/news-archive\/$/);
      const home = await getPage(server.url);
      assert.equal(home.status, 200);
      const srcs = parse(home.html).querySelectorAll("script[src]").map((s) => s.getAttribute("src"));
      assert.ok(srcs.includes("/news-archive/__live-reload.js"), `script tags: ${srcs.join(", ")}`);
      const script = await getPage(`${server.url}__live-reload.js`);
      assert.match(script.html, /new EventSource\("\/news-archive\/__live-reload"\)/);
      const events = await openEventStream(`${server.url}__live-reload`);
      events.close();
      assert.equal((await getPage(new URL("/__live-reload.js", server.url).href)).status, 404, "nothing is served outside the prefix");
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
