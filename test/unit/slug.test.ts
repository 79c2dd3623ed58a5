import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { assignSlugs, keepsSlug, shortHash, slugify } from "../../src/ingest/slug.ts";

describe("slugs", () => {
  it("are lowercase ASCII words joined by hyphens", () => {
    assert.equal(slugify("Trump asks cops to turn over ‘bad’ undocumented immigrants"), "trump-asks-cops-to-turn-over-bad-undocumented-immigrants");
    assert.equal(slugify("Team Trump’s Fight With Sanctuary Cities Heats Up"), "team-trumps-fight-with-sanctuary-cities-heats-up");
    assert.equal(slugify("Pérez says: “No!”"), "perez-says-no");
  });

  it("are cut at a word boundary", () => {
    const s = slugify("word ".repeat(40));
    assert.ok(s.length <= 80);
    assert.ok(!s.endsWith("-"));
    assert.match(s, /^(word-)*word$/);
  });

  it("two titles that slugify alike get distinct slugs, whatever the input order", () => {
    const requests = [
      { sourceFile: "b.txt", title: "Same Title" },
      { sourceFile: "a.txt", title: "Same title!" },
    ];
    const one = assignSlugs(requests);
    const two = assignSlugs([...requests].reverse());
    assert.deepEqual([...one].sort(), [...two].sort());
    assert.equal(one.get("a.txt"), "same-title");
    assert.notEqual(one.get("b.txt"), "same-title");
    assert.match(one.get("b.txt")!, /^same-title-[0-9a-f]{6}$/);
  });

  it("are cut to 80 characters even when the first word alone is longer", () => {
    assert.equal(slugify(`${"Pneumono".repeat(20)} disease`), "pneumono".repeat(10));
    assert.equal(slugify("!!! ---"), "", "no words, no slug");
  });

  it("a collision whose hashed slug is taken too gets a longer hash of its own file name, never a shorter one", () => {
    const plain = [
      { sourceFile: "a.txt", title: "Same Title" },
      { sourceFile: "b.txt", title: "Same title" },
    ];
    // Contributors' slugs take b.txt's 6- and then also its 8-digit hashed slug.
    for (const taken of [[`same-title-${shortHash("b.txt")}`], [`same-title-${shortHash("b.txt")}`, `same-title-${shortHash("b.txt", 8)}`]]) {
      const requests = [...plain, ...taken.map((slug, i) => ({ sourceFile: `x${i}.txt`, title: "X", explicitSlug: slug }))];
      const slugs = assignSlugs(requests);
      assert.equal(new Set(slugs.values()).size, requests.length, "every article has its own URL");
      assert.equal(slugs.get("a.txt"), "same-title");
      const suffix = /^same-title-([0-9a-f]+)$/.exec(slugs.get("b.txt")!)?.[1];
      assert.ok(suffix && suffix.length > 6 && createHash("sha1").update("b.txt").digest("hex").startsWith(suffix), slugs.get("b.txt"));
      assert.deepEqual(assignSlugs([...requests].reverse()), slugs, "the same whatever the order");
    }
  });

  it("a contributor's slug is kept, and two equal ones fail loudly", () => {
    assert.equal(assignSlugs([{ sourceFile: "a.txt", title: "X", explicitSlug: "my-slug" }]).get("a.txt"), "my-slug");
    assert.throws(
      () => assignSlugs([
        { sourceFile: "a.txt", title: "X", explicitSlug: "dup" },
        { sourceFile: "b.txt", title: "Y", explicitSlug: "dup" },
      ]),
      /b\.txt: .*"dup" is already used by a\.txt/,
    );
    // Named the same way whatever order the files come in: by file name.
    assert.throws(
      () => assignSlugs([
        { sourceFile: "b.txt", title: "Y", explicitSlug: "dup" },
        { sourceFile: "c.txt", title: "Z", explicitSlug: "other" },
        { sourceFile: "a.txt", title: "X", explicitSlug: "dup" },
      ]),
      /b\.txt: .*"dup" is already used by a\.txt/,
    );
  });

  it("a derived slug never takes a contributor's explicit slug", () => {
    const slugs = assignSlugs([
      { sourceFile: "a.txt", title: "Taken" },
      { sourceFile: "b.txt", title: "Other", explicitSlug: "taken" },
    ]);
    assert.equal(slugs.get("b.txt"), "taken");
    assert.notEqual(slugs.get("a.txt"), "taken");
  });
});

describe("keepsSlug (whether a saved article keeps its URL: the dev server's preview)", () => {
  const requests = [
    { sourceFile: "a.txt", title: "Council Approves Budget" },
    { sourceFile: "b.txt", title: "Council approves budget!" },
    { sourceFile: "c.txt", title: "Harbour Dock Opens", explicitSlug: "harbour-dock" },
  ];
  const slugs = assignSlugs(requests);

  it("agrees with assignSlugs for each article while the titles slugify alike, the suffixed one included", () => {
    for (const r of requests) assert.ok(keepsSlug(slugs.get(r.sourceFile)!, r), `${r.sourceFile}: ${slugs.get(r.sourceFile)}`);
    assert.ok(keepsSlug(slugs.get("b.txt")!, { sourceFile: "b.txt", title: "COUNCIL APPROVES BUDGET" }));
  });

  it("says no for a headline that slugifies otherwise, another file's suffix, or a changed front matter slug", () => {
    assert.equal(keepsSlug(slugs.get("a.txt")!, { sourceFile: "a.txt", title: "Council Rejects Budget" }), false);
    assert.equal(keepsSlug(slugs.get("b.txt")!, { sourceFile: "a.txt", title: "Council Approves Budget" }), false);
    assert.equal(keepsSlug("council-approves-budget-vote", { sourceFile: "a.txt", title: "Council Approves Budget" }), false);
    assert.equal(keepsSlug("harbour-dock", { sourceFile: "c.txt", title: "Harbour Dock Opens", explicitSlug: "the-dock" }), false);
    assert.equal(keepsSlug("harbour-dock", { sourceFile: "c.txt", title: "Harbour Dock Opens" }), false, "its front matter slug removed");
  });
});
