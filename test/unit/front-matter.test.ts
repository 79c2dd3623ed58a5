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

  it("is only a block at the very top: a --- line later in the text is part of the article", () => {
    const text = "Headline\n\n---\ntitle: Not front matter\n---\nBody";
    assert.deepEqual(splitContributorFrontMatter(text, "a.txt"), { data: {}, body: text, bodyLine: 1 });
  });

  it("reads a block that ends the file without a final newline", () => {
    assert.deepEqual(splitContributorFrontMatter("---\ntitle: T\n---", "a.txt"), { data: { title: "T" }, body: "", bodyLine: 4 });
  });

  it("says what YAML found wrong and where, and how to fix it", () => {
    assert.throws(
      () => splitContributorFrontMatter("---\ntitle: T\n  bad: indent\n---\nBody", "y.txt"),
      (e: unknown) =>
        e instanceof ArticleError && e.line === 3 && /its front matter is not valid YAML \(bad indentation of a mapping entry at line 3, column \d+:?\)/.test(e.message) && /between the two `---` lines, or remove it/.test(e.hint ?? ""),
    );
  });

  it("names a wrong value inside a list by its key and position", () => {
    assert.throws(
      () => splitContributorFrontMatter("---\nauthors: [Jane Doe, 5]\n---\nBody", "f.txt"),
      (e: unknown) => e instanceof ArticleError && e.line === 2 && /front matter "authors\.1" /.test(e.message) && /^Allowed keys: title, /.test(e.hint ?? ""),
    );
  });

  it("rejects a date that is not a date", () => {
    assert.throws(() => splitContributorFrontMatter("---\ndate: last tuesday\n---\nBody", "d.txt"), /d\.txt:2: front matter "date"/);
  });

  it("rejects a list or a bare sentence where key: value lines belong, saying what the block must hold", () => {
    assert.throws(() => splitContributorFrontMatter("---\n- a\n- b\n---\nBody", "l.txt"), /l\.txt:1: its front matter must be a list of `key: value` lines\./);
    assert.throws(() => splitContributorFrontMatter("---\njust a sentence\n---\nBody", "s.txt"), /s\.txt:1: its front matter must be a list of `key: value` lines\./);
  });

  it("names every key that cannot be set, on the first one's line", () => {
    assert.throws(
      () => splitContributorFrontMatter("---\ntitle: T\nlayout: x\npermalink: /evil/\n---\nBody", "two.txt"),
      (e: unknown) => e instanceof ArticleError && e.line === 3 && /front matter keys "layout", "permalink" cannot be set by an article file\./.test(e.message),
    );
    assert.throws(
      () => splitContributorFrontMatter("---\ntitle: T\nlayout: x\n---\nBody", "one.txt"),
      (e: unknown) => e instanceof ArticleError && /front matter key "layout" cannot be set by an article file\./.test(e.message),
    );
  });
});
