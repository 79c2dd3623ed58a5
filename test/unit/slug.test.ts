import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignSlugs, slugify } from "../../src/ingest/slug.ts";

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

  it("a contributor's slug is kept, and two equal ones fail loudly", () => {
    assert.equal(assignSlugs([{ sourceFile: "a.txt", title: "X", explicitSlug: "my-slug" }]).get("a.txt"), "my-slug");
    assert.throws(
      () => assignSlugs([
        { sourceFile: "a.txt", title: "X", explicitSlug: "dup" },
        { sourceFile: "b.txt", title: "Y", explicitSlug: "dup" },
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
