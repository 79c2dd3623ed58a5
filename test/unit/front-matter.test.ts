import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArticleError } from "../../src/errors.ts";
import { splitContributorFrontMatter } from "../../src/ingest/front-matter.ts";

describe("a raw file's own front matter", () => {
  it("is optional", () => {
    const r = splitContributorFrontMatter("Headline\n\nBody.", "a.txt");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "Headline\n\nBody.");
    assert.equal(r.bodyLine, 1);
  });

  it("gives corrections and the line the text starts on", () => {
    const r = splitContributorFrontMatter("---\ndate: 2017-02-08\nsource: Miami Herald\n---\nHeadline\n", "a.txt");
    assert.deepEqual(r.data, { date: "2017-02-08", source: "Miami Herald" });
    assert.equal(r.body, "Headline\n");
    assert.equal(r.bodyLine, 5);
  });

  for (const key of ["permalink", "layout", "eleventyExcludeFromCollections", "eleventyComputed", "pagination", "removed"]) {
    it(`rejects the key "${key}" with the file, line and allowed keys`, () => {
      assert.throws(
        () => splitContributorFrontMatter(`---\ntitle: T\n${key}: /evil/\n---\nBody`, "evil.txt"),
        (e: unknown) => e instanceof ArticleError && e.file === "evil.txt" && e.line === 3 && /cannot be set/.test(e.message) && /Allowed keys: title/.test(e.message),
      );
    });
  }

  it("rejects YAML it cannot parse, naming the line", () => {
    assert.throws(
      () => splitContributorFrontMatter("---\ntitle: [unclosed\n---\nBody", "bad.txt"),
      (e: unknown) => e instanceof ArticleError && e.file === "bad.txt" && /not valid YAML/.test(e.message),
    );
  });

  it("rejects a date that is not a date", () => {
    assert.throws(() => splitContributorFrontMatter("---\ndate: last tuesday\n---\nBody", "d.txt"), /d\.txt:2: front matter "date"/);
  });

  it("rejects a list where a mapping belongs", () => {
    assert.throws(() => splitContributorFrontMatter("---\n- a\n- b\n---\nBody", "l.txt"), /l\.txt:1:/);
  });
});
