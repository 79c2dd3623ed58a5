import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { HTMLElement } from "node-html-parser";
import { buildSite, listFiles, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { writeSyntheticArchive, type SyntheticArticle } from "../helpers/synthetic-archive.ts";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";

/**
 * List pages as a serious archive shows them: each entry with its date, section, source
 * and a line of standfirst; month pages as a calendar; "On this day"; and the undated
 * list's pager, which pages through an alphabetical list, not through time.
 */

let site: BuiltSite;
let synthetic: SyntheticArticle[];
let records: ArticleRecord[];
const UNDATED_EXTRA = 105;
const text = (el: HTMLElement | null) => (el?.text ?? "").replace(/\s+/g, " ").trim();
const recordOf = (a: SyntheticArticle) => records.find((r) => r.source_file === a.file)!;

function entries(page: HTMLElement) {
  return page.querySelectorAll("main .article-list > li").map((li) => ({
    href: li.querySelector("a")!.getAttribute("href"),
    title: text(li.querySelector("a")),
    time: li.querySelector("time")?.getAttribute("datetime"),
    meta: text(li.querySelector(".entry-meta")),
    standfirst: text(li.querySelector(".entry-standfirst")),
  }));
}

describe("list pages", () => {
  before(async () => {
    const archive = await writeSyntheticArchive();
    synthetic = archive.articles;
    // Enough undated articles that the undated list needs a second page.
    for (let i = 0; i < UNDATED_EXTRA; i++) {
      await writeFile(
        path.join(archive.dir, `undated-${String(i).padStart(3, "0")}.txt`),
        `---\ntitle: "Undated notice ${i} from the harbour office"\nsource: "Harbour Office"\n---\nThe harbour office posted notice ${i} about mooring fees for the winter season.\n\nBoat owners may read the notice at the office on the quay.\n`,
      );
    }
    // An article known only to its month, alone in that month.
    await writeFile(path.join(archive.dir, "month-only-1999-07.txt"), `---\ntitle: "Harbour regatta planned for the summer"\ndate: "1999-07"\nsource: "Harbour Office"\n---\nThe harbour office said a regatta would be held some weekend this month.\n\nSailors may enter at the office on the quay.\n`);
    site = await buildSite(archive.dir);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("show each article with its date, section, source and a line of standfirst", async () => {
    const listed = entries(await readPage(site, "/articles/"));
    const a = synthetic.find((s) => s.date && s.source === "Harbor Times")!;
    const entry = listed.find((e) => e.href === `/articles/${recordOf(a).slug}/`) ?? entries(await readPage(site, "/articles/page/2/")).find((e) => e.href === `/articles/${recordOf(a).slug}/`);
    assert.ok(entry, "the article is listed");
    assert.equal(entry.title, a.title);
    assert.equal(entry.time, a.date);
    const record = recordOf(a);
    assert.ok(record.section, "ingest gives every article a section");
    assert.match(entry.meta, new RegExp(`^\\w+day, \\w+ \\d+, \\d{4} · [^·]+ · Harbor Times$`), entry.meta);
    assert.ok(entry.standfirst.length > 20 && entry.standfirst.startsWith("The city council met"), entry.standfirst);
  });

  it("leave the source out of a source's own list, and the section out of a section's", async () => {
    const ledger = entries(await readPage(site, "/sources/harbor-times/"));
    assert.ok(ledger.length > 0 && ledger.every((e) => !e.meta.includes("Harbor Times")), JSON.stringify(ledger[0]));
    const sectionPage = (await listFiles(site.dir)).find((f) => /^sections\/[^/]+\/index\.html$/.test(f))!;
    const inSection = entries(await readPage(site, `/${sectionPage.replace(/index\.html$/, "")}`));
    const heading = text((await readPage(site, `/${sectionPage.replace(/index\.html$/, "")}`)).querySelector("h1"));
    assert.ok(inSection.length > 0 && inSection.every((e) => !e.meta.split(" · ").includes(heading)), `${heading}: ${inSection[0]?.meta}`);
  });

  it("show a month as a calendar whose days with articles link to their day pages, with counts", async () => {
    const dated = synthetic.filter((s) => s.date?.startsWith("2019-03"));
    const page = await readPage(site, "/timeline/2019/03/");
    const cells = page.querySelectorAll("table.calendar td");
    assert.equal(cells.filter((c) => /\d/.test(text(c))).length, 31);
    const linked = page.querySelectorAll("table.calendar td a").map((a) => a.getAttribute("href"));
    assert.deepEqual(linked, dated.map((s) => `/timeline/2019/03/${s.date!.slice(8)}/`));
    assert.equal(text(page.querySelectorAll("table.calendar td a")[0].querySelector(".count")), "1");
    const firstDay = new Date(Date.UTC(2019, 2, 1)).getUTCDay();
    assert.equal(text(page.querySelectorAll("table.calendar tbody tr")[0].querySelectorAll("td")[firstDay]), "1", "March 1 under its weekday");
    for (const href of linked) assert.ok((await listFiles(site.dir)).includes(`${href!.slice(1)}index.html`), `${href} exists`);
  });

  it("show no calendar for a month whose articles are known only to the month (no day to link)", async () => {
    const page = await readPage(site, "/timeline/1999/07/");
    assert.equal(page.querySelector("table.calendar"), null);
    assert.match(text(page.querySelector("main")), /Harbour regatta planned for the summer/);
  });

  it("page the undated list as pages, not as earlier and later articles (it is alphabetical)", async () => {
    const first = await readPage(site, "/timeline/undated/");
    const pager = text(first.querySelector(".pager"));
    assert.match(pager, /Page 1 of 2/);
    assert.match(pager, /Next page →/);
    assert.doesNotMatch(pager, /Later|Earlier/);
  });

  it("give every calendar day with articles an “On this day” page, linked from the home page and the timeline", async () => {
    const files = await listFiles(site.dir);
    const days = new Set(synthetic.filter((s) => s.date).map((s) => s.date!.slice(5)));
    const pages = files.filter((f) => /^on-this-day\/\d\d-\d\d\/index\.html$/.test(f)).map((f) => f.slice(12, 17));
    assert.deepEqual(new Set(pages), days);
    const day = [...days].sort()[0];
    const onDay = synthetic.filter((s) => s.date?.endsWith(day));
    const listed = entries(await readPage(site, `/on-this-day/${day}/`)).map((e) => e.href);
    assert.deepEqual(listed.sort(), onDay.map((s) => `/articles/${recordOf(s).slug}/`).sort());
    const home = await readPage(site, "/");
    // The test build's day is 2026-11-23; no synthetic article is from November 23, the next is November 24, 2019.
    assert.equal(text(home.querySelector("#day-heading")), "Next in the calendar: November 24");
    assert.ok(home.querySelector('a[href="/on-this-day/"]'));
    assert.ok((await readPage(site, "/timeline/")).querySelector('a[href="/on-this-day/"]'));
    const index = await readPage(site, "/on-this-day/");
    assert.equal(index.querySelectorAll(".days-of-month a").length, days.size);
  });
});
