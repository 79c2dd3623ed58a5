import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import {
  ENTITY_INDEX_PAGE_SIZE,
  ENTITY_KINDS,
  ENTITY_PAGE_SIZE,
  EntitySlugCollisionError,
  assignEntitySlugs,
  initialOf,
  buildEntityPages,
  type EntityArticle,
  type EntityPage,
} from "../../src/site/entity-pages.ts";

function article(slug: string, date: string | undefined, names: Partial<Pick<EntityArticle, "people" | "organizations" | "places" | "tags">>): EntityArticle {
  return {
    slug,
    title: `Title ${slug}`,
    url: `/articles/${slug}/`,
    date,
    date_precision: date ? (date.length === 10 ? "day" : date.length === 7 ? "month" : "year") : undefined,
    people: names.people ?? [],
    organizations: names.organizations ?? [],
    places: names.places ?? [],
    tags: names.tags ?? [],
  };
}

const people = ENTITY_KINDS.find((k) => k.kind === "people")!;
const organizations = ENTITY_KINDS.find((k) => k.kind === "organizations")!;
/** All the article URLs an entity's pages list, page after page. */
function listed(pages: EntityPage[], url: string): string[] {
  return pages.filter((p) => p.url === url || p.url.startsWith(`${url}page/`)).flatMap((p) => p.items.map((i) => i.url));
}

describe("entity pages", () => {
  it("list exactly the articles that name the entity, newest first, undated last", () => {
    const site = buildEntityPages([
      article("old", "2016-05-01", { people: ["Carlos Gimenez"] }),
      article("new", "2017-02-08", { people: ["Carlos Gimenez", "Donald Trump"] }),
      article("undated", undefined, { people: ["Carlos Gimenez"] }),
      article("other", "2017-03-01", { people: ["Donald Trump"] }),
    ]);
    assert.deepEqual(listed(site.pages, "/people/carlos-gimenez/"), ["/articles/new/", "/articles/old/", "/articles/undated/"]);
    assert.deepEqual(listed(site.pages, "/people/donald-trump/"), ["/articles/other/", "/articles/new/"]);
  });

  it("count an article that lists a name twice once, and list it once", () => {
    const input = [article("twice", "2017-01-02", { people: ["Ann Lee", "Ann Lee"] }), article("once", "2017-01-01", { people: ["Ann Lee"] })];
    const site = buildEntityPages(input);
    assert.deepEqual(listed(site.pages, "/people/ann-lee/"), ["/articles/twice/", "/articles/once/"]);
    assert.equal(site.pages.find((p) => p.url === "/people/ann-lee/")!.count, 2);
    assert.deepEqual(site.groupsOf(input[0])[0].items, [{ name: "Ann Lee", url: "/people/ann-lee/" }]);
  });

  it("a name gets a page only when two articles name it, a topic when three do; the rest are plain text on their articles", () => {
    const input = [
      article("a", "2017-01-01", { people: ["Ann Lee", "Bo Chan"], tags: ["ferries", "harbors"] }),
      article("b", "2017-01-02", { people: ["Ann Lee"], tags: ["ferries", "harbors"] }),
      article("c", "2017-01-03", { tags: ["ferries"] }),
    ];
    const site = buildEntityPages(input);
    assert.deepEqual(site.pages.map((p) => p.url).sort(), ["/people/ann-lee/", "/tags/ferries/"]);
    const people = site.groupsOf(input[0]).find((g) => g.kind === "people")!.items;
    assert.deepEqual(people, [{ name: "Ann Lee", url: "/people/ann-lee/" }, { name: "Bo Chan" }]);
    const topics = site.groupsOf(input[0]).find((g) => g.kind === "tags")!.items;
    assert.deepEqual(topics.map((i) => [i.name, i.url]), [["ferries", "/tags/ferries/"], ["harbors", undefined]]);
    assert.deepEqual(site.kinds.find((k) => k.kind === "people"), { kind: "people", label: "People", url: "/people/", count: 1, named: 2 });
    assert.match(site.indexPages.find((p) => p.url === "/people/")!.summary, /^1 person named in two or more articles \(1 more/);
  });

  it("a name listed twice by one article alone gets no page", () => {
    assert.deepEqual(buildEntityPages([article("twice", "2017-01-02", { people: ["Ann Lee", "Ann Lee"] })]).pages, []);
  });

  it("every entity page lists exactly the articles naming it, 100 to a page (random archives)", () => {
    // Five names in about half of up to 500 articles each: a name's listing runs to
    // several pages. `size: "max"` lets arrays reach maxLength (fast-check's default
    // size stops near 10 elements).
    const names = ["Ann", "Bob", "Cy", "Dee", "Eve"];
    let reachedSeveralPages = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ people: fc.subarray(names), places: fc.subarray(names), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 500, size: "max" }),
        (rows) => {
          const articles = rows.map((r, i) => article(`a${i}`, `2017-01-${String(r.day).padStart(2, "0")}`, { people: r.people, places: r.places }));
          const site = buildEntityPages(articles);
          for (const kind of ["people", "places"] as const) {
            for (const name of names) {
              const naming = articles.filter((a) => a[kind].includes(name)).map((a) => a.url).sort();
              const expected = naming.length >= 2 ? naming : [];
              const url = `/${kind}/${name.toLowerCase()}/`;
              assert.deepEqual([...listed(site.pages, url)].sort(), expected, `${kind} ${name}`);
              if (expected.length === 0) continue;
              const pageCount = Math.ceil(expected.length / ENTITY_PAGE_SIZE);
              if (pageCount >= 2) reachedSeveralPages++;
              const pages = site.pages.filter((p) => p.url === url || p.url.startsWith(`${url}page/`));
              assert.deepEqual(pages.map((p) => p.pageNumber), Array.from({ length: pageCount }, (_, i) => i + 1), url);
              pages.forEach((p, i) => {
                assert.equal(p.items.length, i < pageCount - 1 ? ENTITY_PAGE_SIZE : expected.length - ENTITY_PAGE_SIZE * (pageCount - 1), p.url);
                assert.equal(p.firstRank, i * ENTITY_PAGE_SIZE + 1, "the list numbers carry on from the previous page");
                assert.equal(p.pageCount, pageCount);
                assert.equal(p.count, expected.length);
                assert.equal(p.url, i === 0 ? url : `${url}page/${i + 1}/`);
                assert.equal(p.previousUrl, pages[i - 1]?.url);
                assert.equal(p.nextUrl, pages[i + 1]?.url);
                assert.equal(p.title, pageCount > 1 ? `${name} (page ${i + 1} of ${pageCount})` : name);
              });
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    assert.ok(reachedSeveralPages >= 20, `listings of several pages were generated ${reachedSeveralPages} times`);
  });

  it("paginate at 100 articles, with links between the pages", () => {
    const articles = Array.from({ length: 230 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, `2017-01-${String((i % 28) + 1).padStart(2, "0")}`, { tags: ["Immigration"] }));
    const pages = buildEntityPages(articles).pages.filter((p) => p.name === "Immigration");
    assert.deepEqual(pages.map((p) => [p.url, p.items.length]), [["/tags/immigration/", 100], ["/tags/immigration/page/2/", 100], ["/tags/immigration/page/3/", 30]]);
    assert.equal(pages[1].previousUrl, "/tags/immigration/");
    assert.equal(pages[1].nextUrl, "/tags/immigration/page/3/");
    assert.equal(pages[2].title, "Immigration (page 3 of 3)");
    assert.ok(pages[0].chartSvg === "" && pages[0].monthCounts.length === 0, "all in one month: no chart");
  });

  it("show the names most often seen with the entity, across kinds, at most ten", () => {
    const articles = [
      ...Array.from({ length: 3 }, (_, i) => article(`m${i}`, "2017-01-01", { people: ["Trump", "Gimenez"], places: ["Miami"] })),
      article("x", "2017-01-02", { people: ["Trump", "Walsh"], places: ["Miami"] }),
      article("y", "2017-01-03", { people: ["Trump"], organizations: Array.from({ length: 20 }, (_, i) => `Org ${i}`) }),
      // Walsh and the organizations each share one article with Trump; Walsh is the more often named.
      article("w", "2017-01-04", { people: ["Walsh"] }),
      article("w2", "2017-01-04", { people: ["Walsh"] }),
      // Each organization is named twice (so has a page), once with Trump.
      article("z", "2017-01-05", { organizations: Array.from({ length: 20 }, (_, i) => `Org ${i}`) }),
    ];
    const trump = buildEntityPages(articles).pages.find((p) => p.name === "Trump")!;
    assert.equal(trump.related.length, 10);
    assert.deepEqual(trump.related.slice(0, 3).map((r) => [r.name, r.kindLabel, r.shared, r.url]), [
      ["Miami", "Place", 4, "/places/miami/"],
      ["Gimenez", "Person", 3, "/people/gimenez/"],
      ["Walsh", "Person", 1, "/people/walsh/"],
    ]);
    assert.ok(!trump.related.some((r) => r.name === "Trump"));
  });

  it("draw a per-month chart whose text alternative matches the entity's articles", () => {
    const articles = [
      article("a", "2017-01-05", { places: ["Miami"] }),
      article("b", "2017-01-09", { places: ["Miami"] }),
      article("c", "2017-03", { places: ["Miami"] }),
      article("d", "2017", { places: ["Miami"] }),
    ];
    const miami = buildEntityPages(articles).pages.find((p) => p.name === "Miami")!;
    const desc = parse(miami.chartSvg).querySelector("desc")!.text;
    assert.equal(desc, "3 articles, January 2017 to March 2017. January 2017: 2; March 2017: 1. Months not listed have none.");
    assert.deepEqual(miami.monthCounts, [{ label: "March 2017", count: 1 }, { label: "January 2017", count: 2 }]);
  });
});

describe("entity slugs", () => {
  it("fail the build, naming both names and the alias file, when two names would share a page", () => {
    assert.throws(
      () =>
        buildEntityPages([
          article("a", "2017-01-01", { people: ["Carlos Giménez"] }),
          article("b", "2017-01-01", { people: ["Carlos Gimenez", "Carlos Giménez"] }),
          article("c", "2017-01-02", { people: ["Carlos Gimenez"] }),
        ]),
      (error: Error) =>
        error instanceof EntitySlugCollisionError &&
        error.message.includes("Carlos Giménez") &&
        error.message.includes("Carlos Gimenez") &&
        error.message.includes("data/aliases.json") &&
        error.message.includes("/people/carlos-gimenez/"),
    );
  });

  it("do not collide across kinds: a person and a place may share a name", () => {
    const site = buildEntityPages([article("a", "2017-01-01", { people: ["Washington"], places: ["Washington"] }), article("b", "2017-01-02", { people: ["Washington"], places: ["Washington"] })]);
    assert.deepEqual(site.pages.map((p) => p.url).sort(), ["/people/washington/", "/places/washington/"]);
  });

  it("give two long names that differ only after the slug's cut two pages, each address the same whatever else is named", () => {
    const long = "Joint Agricultural Weather Facility of the United States Agriculture and Commerce";
    const one = `${long} Department`;
    const two = `${long} Departments`;
    const slugs = assignEntitySlugs(organizations, [two, one, "Zed"]);
    // Cut at a word within 80 characters, then the hash.
    const cut = "joint-agricultural-weather-facility-of-the-united-states-agriculture-and";
    assert.match(slugs.get(one)!, new RegExp(`^${cut}-[0-9a-f]{6}$`));
    assert.match(slugs.get(two)!, new RegExp(`^${cut}-[0-9a-f]{6}$`));
    assert.notEqual(slugs.get(one), slugs.get(two));
    assert.equal(assignEntitySlugs(organizations, [one]).get(one), slugs.get(one));
    assert.equal(slugs.get("Zed"), "zed");
    // The same long name spelled two ways is still one name the maintainer merges.
    assert.throws(() => assignEntitySlugs(organizations, [one, one.toUpperCase()]), EntitySlugCollisionError);
  });

  it("give names without Latin letters and reserved words a stable page of their own", () => {
    const slugs = assignEntitySlugs(people, ["北京", "Page", "By Name"]);
    assert.match(slugs.get("北京")!, /^person-[0-9a-f]{8}$/);
    assert.match(slugs.get("Page")!, /^page-[0-9a-f]{6}$/);
    assert.match(slugs.get("By Name")!, /^by-name-[0-9a-f]{6}$/);
    assert.deepEqual(assignEntitySlugs(people, ["By Name", "Page", "北京"]), slugs);
  });
});

describe("entity indexes", () => {
  const articles = [
    article("a", "2017-01-01", { people: ["Zoe Adams", "Émile Zola", "Bob"] }),
    article("b", "2017-01-02", { people: ["Zoe Adams", "Bob", "Émile Zola"] }),
    article("c", "2017-01-03", { people: ["Zoe Adams", "50 Cent"] }),
    article("d", "2017-01-04", { people: ["Zoe Adams", "50 Cent", "Solo Once"] }),
  ];
  const site = buildEntityPages(articles);

  it("list names by article count, ties alphabetically", () => {
    const byCount = site.indexPages.find((p) => p.url === "/people/")!;
    assert.deepEqual(byCount.entries.map((e) => [e.name, e.count]), [["Zoe Adams", 4], ["50 Cent", 2], ["Bob", 2], ["Émile Zola", 2]]);
    assert.deepEqual(byCount.otherOrder, { label: "A–Z", url: "/people/by-name/" });
  });

  it("list names A–Z, accents folded, with a jump link per initial", () => {
    const az = site.indexPages.find((p) => p.url === "/people/by-name/")!;
    assert.deepEqual(az.entries.map((e) => e.name), ["50 Cent", "Bob", "Émile Zola", "Zoe Adams"]);
    assert.deepEqual(az.letters.map((l) => [l.label, l.url]), [["#", "/people/by-name/#letter-other"], ["B", "/people/by-name/#letter-b"], ["E", "/people/by-name/#letter-e"], ["Z", "/people/by-name/#letter-z"]]);
    assert.equal(az.entries[2].anchor, "letter-e");
  });

  it("count each kind's names, and make index pages even for a kind with none", () => {
    assert.deepEqual(site.kinds.map((k) => [k.kind, k.count, k.named]), [["people", 4, 5], ["organizations", 0, 0], ["places", 0, 0], ["events", 0, 0], ["tags", 0, 0]]);
    assert.ok(site.indexPages.some((p) => p.url === "/tags/"));
  });

  it("paginate long indexes, a letter's jump link pointing at the page where it starts", () => {
    const tag = (i: number) => `${i < ENTITY_INDEX_PAGE_SIZE + 5 ? "A" : "B"}${String(i).padStart(4, "0")}`;
    // Each topic on three articles, so each has a page.
    const many = Array.from({ length: ENTITY_INDEX_PAGE_SIZE + 10 }, (_, i) => article(`a${i}`, "2017-01-01", { tags: [tag(i), tag((i + 1) % (ENTITY_INDEX_PAGE_SIZE + 10)), tag((i + 2) % (ENTITY_INDEX_PAGE_SIZE + 10))] }));
    const pages = buildEntityPages(many).indexPages.filter((p) => p.kind === "tags" && p.order === "name");
    assert.deepEqual(pages.map((p) => p.entries.length), [ENTITY_INDEX_PAGE_SIZE, 10]);
    assert.equal(pages[1].url, "/tags/by-name/page/2/");
    assert.equal(pages[1].firstRank, ENTITY_INDEX_PAGE_SIZE + 1);
    assert.deepEqual(pages[1].letters.map((l) => l.url), ["/tags/by-name/#letter-a", "/tags/by-name/page/2/#letter-b"]);
    assert.deepEqual(pages.map((p) => [p.title, p.pageNumber, p.pageCount, p.previousUrl, p.nextUrl, p.firstRank]), [
      ["Topics, A–Z (page 1 of 2)", 1, 2, undefined, "/tags/by-name/page/2/", 1],
      ["Topics, A–Z (page 2 of 2)", 2, 2, "/tags/by-name/", undefined, ENTITY_INDEX_PAGE_SIZE + 1],
    ]);
    assert.ok(pages.every((p) => p.heading === "Topics, A–Z" && p.total === ENTITY_INDEX_PAGE_SIZE + 10));
    const byCount = buildEntityPages(many).indexPages.filter((p) => p.kind === "tags" && p.order === "count");
    assert.deepEqual(byCount.map((p) => [p.url, p.title, p.previousUrl, p.nextUrl, p.entries.length]), [
      ["/tags/", "Topics, by number of articles (page 1 of 2)", undefined, "/tags/page/2/", ENTITY_INDEX_PAGE_SIZE],
      ["/tags/page/2/", "Topics, by number of articles (page 2 of 2)", "/tags/", undefined, 10],
    ]);
  });
});

describe("an article's names", () => {
  it("come back as links by kind, in the article's order, once each", () => {
    const input = [article("b", "2016-01-01", { places: ["Miami"] }), article("a", "2017-01-01", { people: ["Walsh", "Gimenez", "Walsh"], tags: ["Immigration"], places: ["Miami"] })];
    const site = buildEntityPages(input);
    assert.deepEqual(site.groupsOf(input[0]).map((g) => [g.label, g.items.map((i) => i.url)]), [["Places", ["/places/miami/"]]]);
    assert.deepEqual(site.groupsOf(input[1]).map((g) => [g.label, g.items.map((i) => i.name)]), [["People", ["Walsh", "Gimenez"]], ["Places", ["Miami"]], ["Topics", ["Immigration"]]]);
  });
});

describe("entity kinds as readers see them", () => {
  it("name each kind's index, page and URL", () => {
    const names = { people: ["Ann Lee"], organizations: ["Port Authority"], places: ["Miami"], tags: ["ferries"], events: ["Harbor Festival"] };
    const site = buildEntityPages([1, 2, 3].map((i) => ({ ...article(`a${i}`, `2017-01-0${i}`, names), events: names.events })));
    assert.deepEqual(site.kinds.map((k) => [k.kind, k.label, k.url, k.count, k.named]), [
      ["people", "People", "/people/", 1, 1],
      ["organizations", "Organizations", "/organizations/", 1, 1],
      ["places", "Places", "/places/", 1, 1],
      ["events", "Events & works", "/events/", 1, 1],
      ["tags", "Topics", "/tags/", 1, 1],
    ]);
    assert.deepEqual(site.pages.map((p) => [p.url, p.kindLabel, p.kindSingular]), [
      ["/people/ann-lee/", "People", "Person"],
      ["/organizations/port-authority/", "Organizations", "Organization"],
      ["/places/miami/", "Places", "Place"],
      ["/events/harbor-festival/", "Events & works", "Event or work"],
      ["/tags/ferries/", "Topics", "Topic"],
    ]);
    assert.deepEqual(site.pages[1].breadcrumbs, [{ label: "Organizations", url: "/organizations/" }, { label: "Port Authority" }]);
    const ann = site.pages[0];
    assert.deepEqual(ann.related.map((r) => [r.name, r.kindLabel, r.shared]), [
      ["Harbor Festival", "Event or work", 3],
      ["Miami", "Place", 3],
      ["Port Authority", "Organization", 3],
      ["ferries", "Topic", 3],
    ]);
    // Ten index pages: by count and A–Z for each kind, each a page object.
    assert.deepEqual(site.indexPages.map((p) => p.url), ["/people/", "/people/by-name/", "/organizations/", "/organizations/by-name/", "/places/", "/places/by-name/", "/events/", "/events/by-name/", "/tags/", "/tags/by-name/"]);
  });

  it("headline and summarize each index: how many have pages, how many more are named, and the other order", () => {
    const site = buildEntityPages([
      article("a", "2017-01-01", { people: ["Ann Lee", "Bo Chan"], tags: ["ferries", "harbor"] }),
      article("b", "2017-01-02", { people: ["Ann Lee", "Bo Chan"], tags: ["ferries", "harbor"] }),
      article("c", "2017-01-03", { tags: ["ferries", "harbor", "storm"] }),
    ]);
    const byCount = site.indexPages.find((p) => p.url === "/people/")!;
    const byName = site.indexPages.find((p) => p.url === "/people/by-name/")!;
    assert.deepEqual([byCount.title, byCount.heading, byCount.order], ["People, by number of articles", "People, by number of articles", "count"]);
    assert.deepEqual([byName.title, byName.heading, byName.order], ["People, A–Z", "People, A–Z", "name"]);
    assert.deepEqual(byName.otherOrder, { label: "By number of articles", url: "/people/" });
    assert.equal(byCount.summary, "2 people named in two or more articles", "no “0 more” when every name has a page");
    assert.equal(byCount.total, 2);
    assert.equal(site.indexPages.find((p) => p.url === "/tags/")!.summary, "2 topics named in three or more articles (1 more named in fewer, shown on their articles and found by search)");
    assert.deepEqual(byCount.letters, [], "the by-count index has no A–Z jump links");
    assert.ok(byCount.entries.every((e) => e.anchor === undefined && e.letter === undefined));
    assert.deepEqual(byName.letters.map((l) => l.label), ["A", "B"]);
    assert.deepEqual([byCount.pageCount, byCount.previousUrl, byCount.nextUrl, byCount.firstRank], [1, undefined, undefined, 1]);
  });
});

describe("entity orders, ties run in both orders", () => {
  const both = (articles: EntityArticle[]) => [buildEntityPages(articles), buildEntityPages([...articles].reverse())];

  it("list the articles of one day by slug, whatever the file order", () => {
    const articles = ["c", "a", "d", "b"].map((s) => article(s, "2017-01-05", { people: ["Ann Lee"] }));
    for (const site of both([...articles, article("older", "2016-01-01", { people: ["Ann Lee"] }), article("undated-z", undefined, { people: ["Ann Lee"] }), article("undated-y", undefined, { people: ["Ann Lee"] })])) {
      assert.deepEqual(listed(site.pages, "/people/ann-lee/"), ["a", "b", "c", "d", "older", "undated-y", "undated-z"].map((s) => `/articles/${s}/`));
    }
  });

  it("A–Z puts names without a Latin initial first (under #), then by letter, numbers in numeric order, accents folded", () => {
    const names = ["Obama", "O'Brien", "北京", "Zoe", "ann", "Anne", "Route 10", "Route 9", "Émile", "Eve", "50 Cent", " Bo"];
    const articles = [article("a", "2017-01-01", { places: names }), article("b", "2017-01-02", { places: names })];
    for (const site of both(articles)) {
      const az = site.indexPages.find((p) => p.url === "/places/by-name/")!;
      assert.deepEqual(az.entries.map((e) => e.name), ["50 Cent", "北京", "ann", "Anne", " Bo", "Émile", "Eve", "O'Brien", "Obama", "Route 9", "Route 10", "Zoe"]);
      assert.deepEqual(az.letters.map((l) => l.label), ["#", "A", "B", "E", "O", "R", "Z"]);
      assert.deepEqual(az.entries.filter((e) => e.anchor).map((e) => [e.name, e.anchor]), [["50 Cent", "letter-other"], ["ann", "letter-a"], [" Bo", "letter-b"], ["Émile", "letter-e"], ["O'Brien", "letter-o"], ["Route 9", "letter-r"], ["Zoe", "letter-z"]]);
      // Ties in the by-count index are broken by name, the same way in both file orders.
      const byCount = site.indexPages.find((p) => p.url === "/places/")!;
      assert.deepEqual(byCount.entries.map((e) => e.name), [...names].sort((a, b) => (a < b ? -1 : 1)));
    }
  });

  it("names that the collator cannot tell apart still come in one fixed order", () => {
    const names = ["Route 9", "Route 09"];
    for (const site of both([article("a", "2017-01-01", { places: names }), article("b", "2017-01-02", { places: [...names].reverse() })])) {
      assert.deepEqual(site.indexPages.find((p) => p.url === "/places/by-name/")!.entries.map((e) => e.name), ["Route 09", "Route 9"]);
    }
  });

  it("a non-Latin place gets a hashed “name-” page, a person a “person-” one", () => {
    const site = buildEntityPages([article("a", "2017-01-01", { people: ["北京"], places: ["北京"] }), article("b", "2017-01-02", { people: ["北京"], places: ["北京"] })]);
    assert.deepEqual(site.pages.map((p) => p.url.replace(/[0-9a-f]{8}/, "HASH")), ["/people/person-HASH/", "/places/name-HASH/"]);
  });

  it("a slug collision names the same pair the same way, whatever order the names came in", () => {
    const message = (names: string[]) => {
      try {
        assignEntitySlugs(people, names);
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    const forward = message(["Zed", "Carlos Gimenez", "Ann", "Carlos Giménez"]);
    assert.equal(message(["Carlos Giménez", "Ann", "Carlos Gimenez", "Zed"]), forward);
    assert.match(forward, /"Carlos Gimenez" and "Carlos Giménez" would share/);
    assert.match(forward, /rename one there/);
  });
});

describe("related names beyond the first ten", () => {
  it("keep the ten most shared, never letting a later, weaker name in", () => {
    const strong = Array.from({ length: 10 }, (_, i) => `Strong ${String(i).padStart(2, "0")}`);
    const articles = [
      // The strong names share two (newest) articles with Ann; "Weak" shares one older one.
      article("n1", "2017-01-03", { people: ["Ann", ...strong] }),
      article("n2", "2017-01-02", { people: ["Ann", ...strong] }),
      article("o1", "2017-01-01", { people: ["Ann", "Weak"] }),
      article("w", "2016-01-01", { people: ["Weak"] }),
    ];
    const ann = buildEntityPages(articles).pages.find((p) => p.name === "Ann")!;
    assert.deepEqual(ann.related.map((r) => r.name), strong);
  });

  it("among names sharing as many articles, prefer the more often named, then A–Z, then a person before a place", () => {
    // Eleven names each share one article with Ann; their own article counts differ.
    const names = ["Kay", "Jo", "Ian", "Hal", "Gus", "Flo", "Eli", "Dee", "Cy", "Bea", "Al"];
    const articles = [
      ...names.map((n, i) => article(`s${i}`, `2017-02-${String(i + 1).padStart(2, "0")}`, { people: ["Ann", n] })),
      // Each is named once more (so has a page); "Al" and "Bea" twice more again, "Kay" once.
      ...[...names, "Al", "Bea", "Al", "Bea", "Kay"].map((n, i) => article(`x${i}`, "2016-01-01", { people: [n] })),
    ];
    const expected = ["Al", "Bea", "Kay", "Cy", "Dee", "Eli", "Flo", "Gus", "Hal", "Ian"];
    for (const input of [articles, [...articles].reverse()]) {
      const ann = buildEntityPages(input).pages.find((p) => p.name === "Ann")!;
      assert.deepEqual(ann.related.map((r) => r.name), expected);
    }
    // A person and a place of one name, as often named: the person first.
    const twin = [article("t1", "2017-01-01", { people: ["Ann", "Jordan"], places: ["Jordan"] }), article("t2", "2017-01-02", { people: ["Ann", "Jordan"], places: ["Jordan"] })];
    for (const input of [twin, [...twin].reverse()]) {
      assert.deepEqual(buildEntityPages(input).pages.find((p) => p.name === "Ann")!.related.map((r) => [r.name, r.kindLabel]), [["Jordan", "Person"], ["Jordan", "Place"]]);
    }
  });
});

describe("an entity's chart and later pages", () => {
  it("draw the chart, titled for the name, on the first page only", () => {
    const articles = Array.from({ length: 150 }, (_, i) => article(`a${String(i).padStart(3, "0")}`, `2017-${String((i % 3) + 1).padStart(2, "0")}-01`, { places: ["Miami"] }));
    const pages = buildEntityPages(articles).pages.filter((p) => p.name === "Miami");
    assert.equal(pages.length, 2);
    assert.match(pages[0].chartSvg, /<title[^>]*>Articles per month naming Miami<\/title>/);
    assert.equal(pages[0].monthCounts.length, 3);
    assert.equal(pages[1].chartSvg, "");
    assert.deepEqual(pages[1].monthCounts, []);
  });

  it("count months of early years (before 1000) in the chart too", () => {
    const miami = buildEntityPages([article("a", "0987-03-01", { places: ["Miami"] }), article("b", "0987-05-02", { places: ["Miami"] })]).pages[0];
    assert.deepEqual(miami.monthCounts.map((m) => m.count), [1, 1]);
  });
});

describe("initials (initialOf)", () => {
  it("fold accents and space, and file anything but A–Z under #", () => {
    assert.deepEqual(["Émile", " ann", "北京", "_x", "[x", "50 Cent", "zoe"].map(initialOf), ["E", "A", "#", "#", "#", "#", "Z"]);
  });
});
