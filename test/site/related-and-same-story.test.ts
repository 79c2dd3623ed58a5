import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { loadContentDir } from "../../src/site/load-content.ts";
import type { ArticleRecord } from "../../src/schema.ts";
import { buildSiteUncached, readPage, type BuiltSite } from "../helpers/site-build.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** Related articles and story groups as a reader finds them on article pages. */

const bus = (variant: string) =>
  [
    `The county commission voted on Tuesday to expand the bus network into the western suburbs, adding ${variant} routes by next spring.`,
    "Officials said the plan would cost about 40 million dollars over five years, paid for by a half-cent sales tax approved by voters in 2002.",
    "Residents who spoke at the meeting were divided. Some welcomed shorter commutes; others said the money should go to road repairs first.",
  ].join("\n\n");
const ARTICLES: Record<string, string> = {
  "bus-a.txt": `---\ndate: 2017-02-08\n---\nCounty Expands Bus Network\n\n${bus("twelve")}\n`,
  "bus-b.txt": `---\ndate: 2017-02-08\n---\nCounty Expands Bus Network\n\n${bus("twelve")}\n`,
  "bus-c.txt": `---\ndate: 2017-02-09\n---\nCounty Expands Bus Network\n\n${bus("eleven")}\n`,
  "bus-fares.txt": `---\ndate: 2017-02-10\n---\nBus Fares Rise in the Western Suburbs\n\nThe county commission raised bus fares for the western suburbs on Friday, saying the new routes and the bus network needed more money.\n\nCommuters said the bus fares were already high, and the commission promised a review of the suburbs' routes next spring.\n`,
  "bus-drivers.txt": `---\ndate: 2017-02-11\n---\nCounty Hires Bus Drivers\n\nThe county commission hired forty bus drivers for the new routes in the western suburbs, where the bus network grows next spring.\n\nThe drivers start training in March, and the commission said more bus routes would need more drivers.\n`,
  "volcano.txt": `---\ndate: 2017-02-12\n---\nVolcano Erupts Far Away\n\nA volcano erupted on a remote island on Sunday, sending ash high over the ocean and closing airspace for a day.\n\nScientists said lava flows were slow and posed no danger to villages on the other side of the island.\n`,
};

describe("related articles and the same story elsewhere", () => {
  let site: BuiltSite;
  let records: ArticleRecord[];
  const byFile = (file: string) => records.find((r) => r.source_file === file)!;
  const hrefs = (page: Awaited<ReturnType<typeof readPage>>, selector: string) => page.querySelectorAll(selector).map((a) => a.getAttribute("href"));

  before(async () => {
    const dir = await tempDir("related-site-");
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(path.join(dir, name), text);
    site = await buildSiteUncached(dir);
    records = (await loadContentDir(site.contentDir)).map((c) => c.record);
  });

  it("an article page lists the other tellings of its story under 'Same story elsewhere'", async () => {
    const a = byFile("bus-a.txt");
    const page = await readPage(site, `/articles/${a.slug}/`);
    assert.equal(page.querySelector("#same-story-heading")!.text, "Same story elsewhere");
    assert.deepEqual(hrefs(page, ".same-story a").sort(), [byFile("bus-b.txt").slug, byFile("bus-c.txt").slug].map((s) => `/articles/${s}/`).sort());
  });

  it("an article page lists its related articles from front matter, other stories only", async () => {
    const a = byFile("bus-a.txt");
    const page = await readPage(site, `/articles/${a.slug}/`);
    const related = hrefs(page, "section.related:not(.same-story) a");
    assert.deepEqual(related, (a.related ?? []).map((s) => `/articles/${s}/`));
    assert.ok(related.includes(`/articles/${byFile("bus-fares.txt").slug}/`), related.join(", "));
    for (const href of related) assert.ok(!hrefs(page, ".same-story a").includes(href));
  });

  it("an article about nothing else in the archive shows no related articles rather than unrelated ones", async () => {
    const page = await readPage(site, `/articles/${byFile("volcano.txt").slug}/`);
    assert.equal(page.querySelector("section.related"), null);
  });

  it("the build warns that an exact copy is published twice", () => {
    assert.ok(site.log.some((line) => /bus-b\.txt.*same text as bus-a\.txt/.test(line)), site.log.join("\n"));
  });
});
