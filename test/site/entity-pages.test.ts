import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSite, buildSiteUncached, projectRoot, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * People, organization, place and topic pages as a reader finds them: names and links
 * read back from _site, expectations from the articles' own front matter.
 */

const FIXTURE = path.join(projectRoot, "test/fixtures/timeline");
const SEEDS = path.join(projectRoot, "articles");
const KINDS = [
  { field: "people", base: "/people/", min: 2 },
  { field: "organizations", base: "/organizations/", min: 2 },
  { field: "places", base: "/places/", min: 2 },
  { field: "events", base: "/events/", min: 2 },
  { field: "tags", base: "/tags/", min: 3 },
] as const;

const articleUrl = (r: ArticleRecord) => `/articles/${r.slug}/`;
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Every page of a paginated listing, following "next" links. */
async function pagesOf(site: BuiltSite, url: string) {
  const pages = [];
  for (let next: string | undefined = url; next; ) {
    const page = await readPage(site, next);
    pages.push(page);
    next = page.querySelector('.pager a[rel="next"]')?.getAttribute("href");
  }
  return pages;
}

/** name → { url, count } as an index lists them. */
async function indexEntries(site: BuiltSite, url: string) {
  const entries: { name: string; url: string; count: number }[] = [];
  for (const page of await pagesOf(site, url)) {
    for (const li of page.querySelectorAll(".entity-list li")) {
      const a = li.querySelector("a")!;
      entries.push({ name: a.text, url: a.getAttribute("href")!, count: Number(li.querySelector(".count")!.text.replace(/[(),]/g, "")) });
    }
  }
  return entries;
}

async function entityArticles(site: BuiltSite, url: string): Promise<string[]> {
  return (await pagesOf(site, url)).flatMap((p) => p.querySelectorAll(".entity-articles a").map((a) => a.getAttribute("href")!));
}

for (const [label, dir] of [
  ["the timeline fixture", FIXTURE],
  ["the four seed articles", SEEDS],
] as const) {
  describe(`entity pages built from ${label}`, () => {
    let site: BuiltSite;
    let records: ArticleRecord[];
    const namesOf = (r: ArticleRecord, field: (typeof KINDS)[number]["field"]) => r[field] ?? [];
    const naming = (field: (typeof KINDS)[number]["field"], name: string) => records.filter((r) => namesOf(r, field).includes(name));

    before(async () => {
      site = await buildSite(dir);
      records = (await loadContentDir(site.contentDir)).map((c) => c.record);
    });

    it("every entity page lists exactly the articles that name it, newest first", async () => {
      for (const kind of KINDS) {
        for (const entry of await indexEntries(site, `${kind.base}by-name/`)) {
          const listed = await entityArticles(site, entry.url);
          const expected = naming(kind.field, entry.name);
          assert.deepEqual(sorted(listed), sorted(expected.map(articleUrl)), `${kind.field}: ${entry.name}`);
          const dates = listed.map((u) => records.find((r) => articleUrl(r) === u)!.date ?? "");
          assert.deepEqual(dates, [...dates].sort().reverse(), `${entry.name}: newest first`);
        }
      }
    });

    it("each index names every person, organization, place, event or topic named often enough for a page, once, in both orders, with its article count", async () => {
      for (const kind of KINDS) {
        const names = new Set(records.flatMap((r) => namesOf(r, kind.field)).filter((name) => naming(kind.field, name).length >= kind.min));
        const byName = await indexEntries(site, `${kind.base}by-name/`);
        const byCount = await indexEntries(site, kind.base);
        assert.deepEqual(sorted(byName.map((e) => e.name)), sorted(names), kind.field);
        assert.deepEqual(sorted(byCount.map((e) => e.url)), sorted(byName.map((e) => e.url)), kind.field);
        for (const e of byCount) assert.equal(e.count, naming(kind.field, e.name).length, e.name);
        const counts = byCount.map((e) => e.count);
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `${kind.field} by count`);
        const initials = byName.map((e) => e.name.normalize("NFKD").charAt(0).toUpperCase()).filter((c) => c >= "A" && c <= "Z");
        assert.deepEqual(initials, [...initials].sort(), `${kind.field} A–Z`);
      }
    });

    it("article pages link each of their names to its page, and show names without a page as plain text", async () => {
      const urlOf = new Map<string, string>();
      for (const kind of KINDS) for (const e of await indexEntries(site, `${kind.base}by-name/`)) urlOf.set(`${kind.field}:${e.name}`, e.url);
      const labels = { people: "People", organizations: "Organizations", places: "Places", events: "Events & works", tags: "Topics" };
      for (const r of records) {
        const page = await readPage(site, articleUrl(r));
        const groups = new Map(page.querySelectorAll(".article-entities dt").map((dt) => [dt.text, dt.nextElementSibling!.querySelectorAll("li")]));
        for (const kind of KINDS) {
          const items = groups.get(labels[kind.field]) ?? [];
          assert.deepEqual(items.map((li) => li.text), [...new Set(namesOf(r, kind.field))], `${r.source_file} ${kind.field}`);
          for (const li of items) {
            const paged = naming(kind.field, li.text).length >= kind.min;
            assert.equal(li.querySelector("a")?.getAttribute("href"), paged ? urlOf.get(`${kind.field}:${li.text}`) : undefined, `${li.text}: a link only when it has a page`);
          }
        }
      }
    });

    it("shows the names most often seen with an entity, with the number of articles they share", async () => {
      const kindOf = new Map<string, (typeof KINDS)[number]["field"]>(KINDS.map((k) => [k.base, k.field]));
      for (const kind of KINDS) {
        for (const entry of await indexEntries(site, `${kind.base}by-name/`)) {
          const page = await readPage(site, entry.url);
          const related = page.querySelectorAll(".related-entities li");
          assert.ok(related.length <= 10);
          for (const li of related) {
            const a = li.querySelector("a")!;
            const otherField = kindOf.get(a.getAttribute("href")!.replace(/[^/]+\/$/, ""))!;
            const shared = naming(kind.field, entry.name).filter((r) => namesOf(r, otherField).includes(a.text)).length;
            assert.match(li.querySelector(".count")!.text, new RegExp(`· ${shared} shared$`), `${entry.name} with ${a.text}`);
          }
        }
      }
    });

    it("charts an entity's articles per month with counts that match its articles", async () => {
      for (const kind of KINDS) {
        for (const entry of await indexEntries(site, `${kind.base}by-name/`)) {
          const page = await readPage(site, entry.url);
          const months = new Map<string, number>();
          for (const r of naming(kind.field, entry.name)) {
            if (!r.date || r.date_precision === "year") continue;
            const label = new Date(`${r.date.slice(0, 7)}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
            months.set(label, (months.get(label) ?? 0) + 1);
          }
          const desc = page.querySelector("svg.month-chart desc")?.text;
          if (months.size < 2) {
            assert.equal(desc, undefined, `${entry.name}: no chart for a single month`);
            continue;
          }
          const shown = new Map([...desc!.matchAll(/([A-Z][a-z]+ \d{4}): ([\d,]+)/g)].map((m) => [m[1], Number(m[2].replace(/,/g, ""))]));
          assert.deepEqual(shown, months, entry.name);
        }
      }
    });

    it("offers the indexes in every page's navigation", async () => {
      const nav = (await readPage(site, "/")).querySelectorAll(".site-header nav a").map((a) => a.getAttribute("href"));
      for (const kind of KINDS) assert.ok(nav.includes(kind.base), kind.base);
    });
  });
}

describe("an entity named in more articles than one page holds", () => {
  const COUNT = 103;
  let site: BuiltSite;
  before(async () => {
    const dir = await tempDir("entity-busy-");
    const words = ["harbor", "ferry", "council", "market", "quay", "storm", "lighthouse", "budget", "crew", "cargo"];
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) => {
        const a = words[i % 10];
        const b = words[Math.floor(i / 10) % 10];
        const day = String((i % 28) + 1).padStart(2, "0");
        const text = `---\ndate: 2017-0${1 + (i % 3)}-${day}\npeople: [Ada Lindqvist]\n---\nLindqvist Notice ${i + 1} on the ${a} and the ${b}\n\nAda Lindqvist posted notice number ${i + 1} about the ${a} on the board of the ${b} office, asking readers to comment within the week.\n\nShe said notice ${i + 1} would be read with the others at the next meeting.\n`;
        return writeFile(path.join(dir, `notice-${String(i + 1).padStart(3, "0")}.txt`), text);
      }),
    );
    site = await buildSite(dir);
  });

  it("lists its articles 100 to a page, each once, newest first across pages", async () => {
    const pages = await pagesOf(site, "/people/ada-lindqvist/");
    assert.deepEqual(pages.map((p) => p.querySelectorAll(".entity-articles a").length), [100, COUNT - 100]);
    const listed = await entityArticles(site, "/people/ada-lindqvist/");
    assert.equal(new Set(listed).size, COUNT);
    const times = pages.flatMap((p) => p.querySelectorAll(".entity-articles time").map((t) => Date.parse(`${t.text} UTC`)));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });
});

describe("two names that would share a page", () => {
  it("fail the build with a message naming both and pointing at data/aliases.json", async () => {
    const dir = await tempDir("entity-collide-");
    const body = (who: string, what: string) =>
      `---\ndate: 2017-02-08\npeople: [${who}]\n---\nHarbor Master ${what}\n\nThe new harbor master ${what.toLowerCase()} on Wednesday, after the last one retired at the end of the winter.\n\n${who} said the lights on the outer wall would be fixed before the spring.\n`;
    // Each spelling on two articles, so each would get a page.
    await writeFile(path.join(dir, "a.txt"), body("Anna Smith-Jones", "Takes Office"));
    await writeFile(path.join(dir, "b.txt"), body("Anna Smith-Jones", "Meets The Crews"));
    await writeFile(path.join(dir, "c.txt"), body("Anna Smith Jones", "Sets Out Plans"));
    await writeFile(path.join(dir, "d.txt"), body("Anna Smith Jones", "Opens The Lock"));
    await assert.rejects(buildSiteUncached(dir), (error: Error) => {
      assert.match(error.message, /"Anna Smith Jones" and "Anna Smith-Jones"/);
      assert.match(error.message, /data\/aliases\.json/);
      return true;
    });
  });
});
