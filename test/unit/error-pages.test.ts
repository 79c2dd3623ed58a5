import assert from "node:assert/strict";
import { test } from "node:test";
import { ArticleError, HeadlineOnlyError, NotAnArticleError } from "../../src/errors.ts";
import { findErrorPage } from "../../src/ingest/error-pages.ts";
import { decodeArticle, ingestArchive } from "../../src/ingest/pipeline.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const story = [
  "Council Keeps Policy",
  "The county council voted on Tuesday to keep its immigration policy in place for another year, after a meeting that ran past midnight.",
  "Opponents said they would take the decision to court.",
].join("\n\n");

test("error pages of every kind are recognised, with the line that says so", () => {
  const cases: [string[], string, number][] = [
    [["Moved Permanently", "The document has moved here."], "redirect page", 1],
    [["301 Moved Permanently"], "redirect page", 1],
    [["I Love Our City", "Ooops... Error 404", "Sorry, but the page you are looking for doesn't exist.", "You can go to the HOMEPAGE"], "“page not found” page", 2],
    [["We are here to help", "The page that you’re looking for doesn’t exist on this website. Try one of these pages."], "“page not found” page", 2],
    [["Page Not Found"], "“page not found” page", 1],
    [["403 Forbidden"], "“access denied” page", 1],
    [["Service Temporarily Unavailable"], "server error page", 1],
    [["Website is Down For Maintenance", "Website is Down For Maintenance"], "“down for maintenance” page", 1],
  ];
  for (const [lines, kind, line] of cases) {
    const found = findErrorPage(paras(...lines));
    assert.equal(found?.kind, kind, lines.join(" / "));
    assert.equal(found?.line, line, lines.join(" / "));
  }
});

test("an article that mentions an error page is not one", () => {
  assert.equal(findErrorPage(paras("Moving Day For The Library", "The library moved permanently to Main Street on Monday.")), undefined);
  assert.equal(findErrorPage(paras("Readers Find 404 Pages", "Readers who followed old links found a page not found notice, the editor said.")), undefined);
});

test("only a short file is judged: a long story under a 'Moved Permanently' line is an article", () => {
  const sentence = "The council met again and the members talked about the roads and the schools. ";
  const words = (n: number) => sentence.repeat(n).split(" ").slice(0, n).join(" ");
  // 2 words + 118 = 120: still an error page; 2 + 119 = 121: an article.
  assert.ok(findErrorPage(paras("Moved Permanently", words(118))));
  assert.equal(findErrorPage(paras("Moved Permanently", words(119))), undefined);
});

test("a saved redirect page is refused with a NotAnArticleError that names the file, the line and what to do", () => {
  assert.throws(
    () => decodeArticle({ file: "site/moved.txt", bytes: bytes("Moved Permanently\n\nThe document has moved here.\n") }),
    (error: unknown) => {
      assert.ok(error instanceof NotAnArticleError);
      assert.ok(error instanceof ArticleError);
      assert.equal(error.name, "NotAnArticleError");
      assert.equal(error.file, "site/moved.txt");
      assert.equal(error.line, 1);
      assert.match(error.message, /^site\/moved\.txt:1: is a saved redirect page \(“Moved Permanently”\), not an article\. .*fetch the article again/);
      return true;
    },
  );
});

test("a headline with no body is one HeadlineOnlyError; the other articles of the archive are still ingested", () => {
  const result = ingestArchive(
    [
      { file: "good.txt", bytes: bytes(story) },
      { file: "headline-only.txt", bytes: bytes("Thug Instructs Others During Attack\n\n\n") },
      { file: "moved.txt", bytes: bytes("Moved Permanently\n\nThe document has moved here.\n") },
    ],
    { now: new Date("2020-01-01") },
  );
  assert.deepEqual(result.articles.map((a) => a.record.source_file), ["good.txt"]);
  assert.deepEqual(
    result.errors.map((e) => [e.name, e.file]),
    [["NotAnArticleError", "moved.txt"], ["HeadlineOnlyError", "headline-only.txt"]],
  );
  assert.ok(result.errors[1] instanceof HeadlineOnlyError);
  assert.match(result.errors[1].message, /^headline-only\.txt: has a headline but no body text\./);
});
