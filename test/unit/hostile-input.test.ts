import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import MarkdownIt from "markdown-it";
import { ArticleError } from "../../src/errors.ts";
import { listArticleFiles } from "../../src/ingest/article-files.ts";
import { articleToMarkdown, parseArticleMarkdown } from "../../src/ingest/markdown.ts";
import { ingestArchive, type IngestResult } from "../../src/ingest/pipeline.ts";

/**
 * Hostile and broken raw files, one at a time: each gets a clean article or a clear
 * ArticleError naming the file, never a crash, and never a hang. Nothing here is timed
 * against a speed target (ingest's speed is measured by `npm run bench`).
 */

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/hostile");
const NOW = new Date("2026-11-23T00:00:00Z");
/**
 * A hang guard, not a speed limit: the megabyte-sized inputs below are ingested in a
 * worker thread that is stopped after this long, so a runaway regular expression or a
 * quadratic scan (minutes to hours at this size) fails one test instead of stalling the
 * suite. Every input takes about a second on an idle machine; the margin is for a loaded
 * one and for mutation testing's slower, instrumented code.
 */
const HANG_GUARD_MS = 60_000;
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

/** Ingests one file; every error must be an ArticleError (a clear message naming the file). */
function ingestOne(file: string, bytes: Uint8Array): IngestResult {
  const result = ingestArchive([{ file, bytes }], { now: NOW });
  for (const e of result.errors) assert.ok(e instanceof ArticleError, `${file}: ${String(e)}`);
  return result;
}

/** The one error of a file that must be refused, checked to name the file. */
function refusedWith(file: string, bytes: Uint8Array, pattern: RegExp): ArticleError {
  const result = ingestOne(file, bytes);
  assert.equal(result.articles.length, 0, `${file} must not become an article`);
  assert.equal(result.errors.length, 1, `${file}: ${result.errors.map((e) => e.message).join(" | ")}`);
  const [error] = result.errors;
  assert.equal(error.file, file);
  assert.ok(error.message.startsWith(file), error.message);
  assert.match(error.message, pattern);
  assert.doesNotMatch(error.message, /this is a bug in ingest/i, "a known bad input is not reported as a bug");
  return error;
}

/** The one article a file must give. */
function acceptedAs(file: string, bytes: Uint8Array) {
  const result = ingestOne(file, bytes);
  assert.deepEqual(result.errors.map((e) => e.message), []);
  assert.equal(result.articles.length, 1);
  return result.articles[0];
}

/** What a guarded ingest reports back from its worker thread. */
interface GuardedOutcome {
  articles: number;
  errors: { name: string; message: string }[];
  titles: string[];
  datelines: (string | null)[];
  /** Letters and digits in each article's body: what a reader can find of the text. */
  bodyWordCharacters: number[];
}

const pipelineUrl = new URL("../../src/ingest/pipeline.ts", import.meta.url).href;
const WORKER_CODE = `
const { parentPort } = require("node:worker_threads");
const ready = import("tsx/esm/api").then((api) => api.tsImport(${JSON.stringify(pipelineUrl)}, ${JSON.stringify(pipelineUrl)}));
const wordCharacters = (s) => s.match(/[\\p{L}\\p{N}]/gu)?.length ?? 0;
parentPort.on("message", async ({ file, bytes, now }) => {
  const { ingestArchive } = await ready;
  try {
    const r = ingestArchive([{ file, bytes }], { now: new Date(now) });
    parentPort.postMessage({ articles: r.articles.length, titles: r.articles.map((a) => a.record.title),
      datelines: r.articles.map((a) => a.record.dateline ?? null),
      bodyWordCharacters: r.articles.map((a) => wordCharacters(a.body.join("\\n"))),
      errors: r.errors.map((e) => ({ name: e.name, message: e.message })) });
  } catch (e) {
    parentPort.postMessage({ articles: 0, titles: [], datelines: [], bodyWordCharacters: [], errors: [{ name: "crash", message: String(e && e.stack || e) }] });
  }
});
`;

/** Letters and digits in a text, as the worker counts them. */
const wordCharacters = (s: string) => s.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/**
 * Synchronous code cannot be interrupted in-thread (node:test's own `timeout` only fires
 * once a synchronous test has returned), so big inputs are ingested in a worker that is
 * stopped when it passes the hang guard: a hang fails one test in a minute instead of
 * stalling the suite.
 */
class GuardedIngest {
  private worker?: Worker;
  private warm?: Promise<unknown>;

  async run(file: string, bytes: Uint8Array): Promise<GuardedOutcome | "hang"> {
    if (!this.worker) {
      this.worker = new Worker(WORKER_CODE, { eval: true });
      // Loading the pipeline is not part of the guarded time.
      this.warm = this.ask("warm-up.txt", new TextEncoder().encode("Warm Up\n\nThe council met on Tuesday.\n"), 60_000);
    }
    await this.warm;
    const outcome = await this.ask(file, bytes, HANG_GUARD_MS);
    if (outcome === "hang") await this.close();
    return outcome;
  }

  private ask(file: string, bytes: Uint8Array, limitMs: number): Promise<GuardedOutcome | "hang"> {
    const worker = this.worker!;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve("hang"), limitMs);
      worker.once("message", (m: GuardedOutcome) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.postMessage({ file, bytes, now: NOW.toISOString() });
    });
  }

  async close() {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

const ARTICLE = "Harbor Budget Approved\n\nThe harbor council approved the budget on Tuesday, and the mayor said work would start in the spring.\n\nThe vote was five to two.\n";

describe("a raw file's own front matter that is invalid or oversteps", () => {
  const cases: [string, number, RegExp][] = [
    // js-yaml notices the unclosed list where the block ends.
    ["invalid-yaml.txt", 5, /not valid YAML/],
    ["unknown-key.txt", 3, /key "author" cannot be set/],
    ["wrong-type.txt", 3, /"authors"/],
    ["sets-permalink.txt", 4, /key "permalink" cannot be set/],
    ["sets-layout.txt", 4, /key "layout" cannot be set/],
    ["sets-eleventy-exclude-from-collections.txt", 4, /key "eleventyExcludeFromCollections" cannot be set/],
    ["sets-eleventy-computed.txt", 4, /key "eleventyComputed" cannot be set/],
  ];
  for (const [file, line, pattern] of cases) {
    it(`${file} is refused with its file name and line ${line}`, async () => {
      const error = refusedWith(file, await readFile(path.join(fixtures, "bad-front-matter", file)), pattern);
      assert.equal(error.line, line);
      assert.ok(error.message.startsWith(`${file}:${line}: `), error.message);
    });
  }

  it("a block opened with ---js is read as article text and never run as JavaScript", () => {
    const g = globalThis as { hostileFrontMatterRan?: boolean };
    const text = "---js\n{ title: (globalThis.hostileFrontMatterRan = true, 'Pwned') }\n---\n" + ARTICLE;
    const result = ingestOne("js-engine.txt", utf8(text));
    assert.equal(g.hostileFrontMatterRan, undefined);
    for (const a of result.articles) assert.notEqual(a.record.title, "Pwned");
  });

  it("YAML aliases nested many levels deep (a 'billion laughs' block) are refused quickly", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 10; i++) levels.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    levels.push("tags: *j");
    refusedWith("laughs.txt", utf8(`---\n${levels.join("\n")}\n---\n${ARTICLE}`), /cannot be set|"tags/);
  });

  it("titles, names and tags that would break YAML round-trip exactly through ingest and the site's loader", async () => {
    const file = "yaml-in-front-matter.txt";
    const article = acceptedAs(file, await readFile(path.join(fixtures, "site", file)));
    const r = article.record;
    assert.equal(r.title, `Mayor: "We Won't Comply" # Not A Comment --- &anchor *alias`);
    assert.equal(r.dek, "- leading dash, key: value, and 'quotes'");
    assert.equal(r.dateline, "Key West: #1");
    assert.equal(r.source, "The #1 'Daily': --- Edition");
    assert.deepEqual(r.authors, ["- Dash Leading", `O'Brien: "Jr."`, "&anchor Person", "*alias Person"]);
    assert.deepEqual(r.people, ["Ana: María #2", "yes", "null"]);
    assert.deepEqual(r.organizations, ["--- Group", "{ curly: brace }"]);
    assert.deepEqual(r.places, ["Key West: Florida", "[bracket]"]);
    assert.deepEqual(r.tags, ["#hashtag", "key: value", "---", "- item", "&anchor", "yes", "x: y # z", "{{ 7 * 7 }}"]);
    const back = parseArticleMarkdown(articleToMarkdown(r, article.body), file);
    assert.deepEqual(back.record, r);
  });

  it("a 480-character title full of ': ' and '#' and a 300-character name round-trip exactly", () => {
    const title = "Harbor: #1 ".repeat(43).trim() + " End";
    const name = "O'Hara: #".repeat(33) + "end";
    assert.ok(title.length > 450 && title.length <= 500 && name.length === 300);
    const yaml = `---\ntitle: ${JSON.stringify(title)}\nauthors: [${JSON.stringify(name)}]\ntags: [${JSON.stringify(name)}]\n---\n`;
    const article = acceptedAs("long-lines.txt", utf8(yaml + ARTICLE));
    assert.equal(article.record.title, title);
    assert.deepEqual(article.record.authors, [name]);
    const back = parseArticleMarkdown(articleToMarkdown(article.record, article.body), "long-lines.md").record;
    assert.deepEqual(back, article.record);
  });
});

describe("broken bytes", () => {
  it("an empty file is refused as empty", () => {
    refusedWith("empty.txt", new Uint8Array(0), /is empty/);
  });

  it("a file of only whitespace and blank lines is refused as empty", () => {
    refusedWith("blank.txt", utf8(" \n\t\n\r\n\u00a0\n".repeat(1000)), /is empty|no article text|nothing left/);
  });

  it("a 20 MB file is refused by its size", () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const error = refusedWith("huge.txt", bytes, /20\.0 MiB, larger than 2 MiB/);
    assert.ok(error.hint);
  });

  const guarded = new GuardedIngest();
  after(() => guarded.close());

  /** Ingests in the guarded worker; fails on a hang, a crash, or anything but one outcome. */
  async function ingestGuarded(file: string, text: string): Promise<GuardedOutcome> {
    const outcome = await guarded.run(file, utf8(text));
    assert.notEqual(outcome, "hang", `${file}: ingest did not finish within ${HANG_GUARD_MS} ms`);
    const o = outcome as GuardedOutcome;
    assert.equal(o.articles + o.errors.length, 1, `${file} gets exactly one outcome: ${JSON.stringify(o.errors)}`);
    for (const e of o.errors) {
      assert.equal(e.name, "ArticleError", e.message);
      assert.doesNotMatch(e.message, /this is a bug in ingest/i, e.message);
    }
    return o;
  }

  /**
   * The one article a big file must give, checked as a reader would see it: a short title
   * taken from the start of the text, and every letter and digit of the text in the body,
   * except the title's own line (when the title has a line of its own), the same line
   * printed again right under it (a repeated headline), and a dateline moved to the front matter.
   */
  function assertWholeArticle(file: string, text: string, o: GuardedOutcome, dateline?: string) {
    assert.equal(o.articles, 1, `${file} becomes an article: ${JSON.stringify(o.errors)}`);
    const [title] = o.titles;
    assert.ok(title.length > 0 && title.length <= 200, `${file}: a title of ${title.length} characters`);
    const letters = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).join("").toLowerCase();
    assert.ok(letters(text).startsWith(letters(title)), `${file}: the title "${title.slice(0, 80)}" is the start of the text`);
    assert.equal(o.datelines[0], dateline ?? null, `${file}: dateline`);
    const titleLine = text.includes("\n") ? text.slice(0, text.indexOf("\n")) : "";
    const secondLine = text.split("\n").filter((l) => l.trim() !== "")[1] ?? "";
    const repeated = titleLine !== "" && secondLine === titleLine ? wordCharacters(titleLine) : 0;
    const expected = wordCharacters(text) - wordCharacters(titleLine) - repeated - wordCharacters(dateline ?? "");
    assert.equal(o.bodyWordCharacters[0], expected, `${file}: letters and digits in the body (none lost, none added)`);
  }

  it("a file of one 1 MB line becomes an article with a short title and the whole text", async () => {
    const sentence = "The harbor council met again on Tuesday and voted on the budget ";
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length)).trim() + ".";
    assertWholeArticle("one-long-line.txt", line, await ingestGuarded("one-long-line.txt", line));
  });

  // Inputs shaped to make backtracking or quadratic scans slow: long runs of one
  // punctuation mark, of Treebank tokens, of dateline, byline and date shapes. Each must
  // finish within the hang guard and give what a reader expects: a refusal that says why,
  // or an article with a short title and every word of the text.
  const noTitle = { refused: /no words to make a title/ };
  const pathological: [string, string, { refused: RegExp } | { dateline?: string }][] = [
    ["dots.txt", ".".repeat(1_000_000), noTitle],
    ["hyphens.txt", "-".repeat(1_000_000), noTitle],
    ["markdown-run.txt", "*_[`<|~".repeat(250_000), noTitle],
    ["spaces-and-letters.txt", "a ".repeat(500_000), {}],
    ["treebank-tokens.txt", "`` '' ( ) , . n't 's ".repeat(50_000), {}],
    // The first "MIAMI —" is the dateline; the rest is text.
    ["dateline-shapes.txt", "MIAMI — ".repeat(100_000), { dateline: "Miami" }],
    ["byline-shapes.txt", "By Jane Doe and ".repeat(60_000), {}],
    ["capitals.txt", "HARBOR COUNCIL ".repeat(60_000), {}],
    ["dashes-and-words.txt", "word — ".repeat(200_000), {}],
    ["unclosed-curly-quotes.txt", "Harbor Vote\n\nThe mayor said " + "“".repeat(300_000) + " end", {}],
    ["many-dates.txt", "2017-02-08 ".repeat(150_000), {}],
    ["many-paragraphs.txt", "Word.\n\n".repeat(250_000), {}],
    ["many-lines.txt", "Short line\n".repeat(180_000), {}],
  ];
  for (const [file, text, expected] of pathological) {
    const what = "refused" in expected ? "is refused, saying why" : "becomes an article with a short title and every word";
    it(`${file} (${(text.length / 1e6).toFixed(1)} M chars) ${what}, within the hang guard`, async () => {
      const o = await ingestGuarded(file, text);
      if ("refused" in expected) {
        assert.equal(o.articles, 0, `${file} must not become an article`);
        assert.match(o.errors[0].message, expected.refused);
        assert.ok(o.errors[0].message.startsWith(`${file}: `), o.errors[0].message);
      } else assertWholeArticle(file, text, o, expected.dateline);
    });
  }

  it("a file of only punctuation is refused as having no words for a title, not a crash", async () => {
    for (const [file, text] of [["only-dots.txt", "....\n\n.."], ["only-dashes.txt", "— — —\n\n---"]]) {
      refusedWith(file, utf8(text), /no words to make a title/);
    }
  });

  it("NUL bytes are refused as a binary file", () => {
    const bytes = utf8("Harbor Budget\n\nThe council met.\u0000\u0000\u0000 More text.\n");
    refusedWith("nul.txt", bytes, /NUL bytes/);
  });

  it("random binary bytes are refused, not turned into an article", () => {
    let seed = 12345;
    const bytes = Uint8Array.from({ length: 64 * 1024 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    refusedWith("binary.txt", bytes, /NUL bytes|control characters/);
  });

  it("invalid UTF-8 is read as Windows-1252: curly quotes, dashes, accents and the euro sign", () => {
    const text = "Caf\xe9 Owner Wins Harbor Vote\n\nThe owner of the caf\xe9 said \x93we won\x92t stop\x94 \x96 and the fee is \x80 20.\n\nThe vote was held on Tuesday.\n";
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const article = acceptedAs("windows-1252.txt", bytes);
    assert.equal(article.record.title, "Café Owner Wins Harbor Vote");
    assert.equal(article.body[0], "The owner of the café said “we won’t stop” – and the fee is € 20.");
  });

  for (const [label, bom, little] of [["UTF-16LE", [0xff, 0xfe], true], ["UTF-16BE", [0xfe, 0xff], false]] as const) {
    it(`${label} with a byte-order mark is decoded like the same text in UTF-8`, () => {
      const text = "Café Owner Wins “Harbor” Vote\r\n\r\nThe owner said the fee is €20 — for now.\r\n\r\nThe vote was held on Tuesday.\r\n";
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set(bom);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
      const fromUtf16 = acceptedAs("utf16.txt", bytes);
      const fromUtf8 = acceptedAs("utf16.txt", utf8(text));
      assert.deepEqual(fromUtf16, fromUtf8);
      assert.equal(fromUtf16.record.title, "Café Owner Wins “Harbor” Vote");
    });
  }

  it("UTF-16 without a byte-order mark is refused with a hint to save as UTF-8", () => {
    const text = "Harbor Budget Approved\n\nThe council met on Tuesday.\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    const error = refusedWith("utf16-no-bom.txt", bytes, /NUL bytes/);
    assert.match(error.message, /UTF-8/);
  });

  it("UTF-32 is refused by name", () => {
    refusedWith("utf32.txt", Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/);
  });

  it("a file with only page furniture is refused, saying nothing was left", async () => {
    refusedWith("only-furniture.txt", await readFile(path.join(fixtures, "no-article/only-furniture.txt")), /nothing left after removing page furniture/);
  });

  it("a file with only front matter is refused, saying the text is missing", () => {
    refusedWith("only-front-matter.txt", utf8("---\ntitle: Harbor Budget\ndate: 2017-02-08\n---\n\n\n"), /no article text/);
  });

  it("a headline with no body is refused or kept as the article's only text, never dropped silently", () => {
    const result = ingestOne("headline-only.txt", utf8("Harbor Budget Approved\n"));
    assert.equal(result.articles.length + result.errors.length, 1);
    for (const a of result.articles) assert.ok(a.body.join(" ").includes("Harbor Budget Approved") || a.record.title === "Harbor Budget Approved");
  });

  it("HTML and template syntax in a file's text are kept as text and render as no element", async () => {
    const article = acceptedAs("html-in-text.txt", await readFile(path.join(fixtures, "site/html-in-text.txt")));
    assert.equal(article.record.title, `Council Votes <script>alert("headline")</script> On Harbor Budget`);
    const html = md.render(articleToMarkdown(article.record, article.body).split(/^---$/m).slice(2).join("---"));
    assert.doesNotMatch(html, /<(?!\/?p>)[a-z!/]/i, "no element but paragraphs");
    assert.ok(article.body.some((p) => p.includes("{{ 7 * 7 }} and {% include \"base.njk\" %}")));
  });
});

describe("article file names and links in articles/", () => {
  let root: string;
  let articles: string;
  let outside: string;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "hostile-names-"));
    articles = path.join(root, "articles");
    outside = path.join(root, "outside");
    await mkdir(articles);
    await mkdir(outside);
    await writeFile(path.join(outside, "secret.txt"), ARTICLE);
  });
  after(() => rm(root, { recursive: true, force: true }));

  /** Lists a fresh articles folder holding `names` (plain files), plus whatever `extra` makes. */
  async function listWith(names: string[], extra?: (dir: string) => Promise<void>) {
    await rm(articles, { recursive: true, force: true });
    await mkdir(articles);
    for (const n of names) {
      await mkdir(path.dirname(path.join(articles, n)), { recursive: true });
      await writeFile(path.join(articles, n), ARTICLE);
    }
    await extra?.(articles);
    const listing = await listArticleFiles(articles);
    return { files: listing.files.map((f) => f.file), errors: listing.errors.map((e) => e.message) };
  }

  const unsafe: [string, string][] = [
    ["a space", "harbor budget.txt"],
    ["unicode", "café-vote.txt"],
    ["decomposed unicode", "cafe\u0301.txt"],
    ["two dots", "harbor..budget.txt"],
    ["uppercase", "Harbor-Budget.txt"],
    ["a trailing space", "harbor.txt "],
    ["a leading dash", "-harbor.txt"],
    ["a backslash", "harbor\\budget.txt"],
    ["a newline", "harbor\nbudget.txt"],
    ["an upper-case extension", "harbor.TXT"],
  ];
  for (const [what, name] of unsafe) {
    it(`a file name with ${what} is rejected with an error naming it`, async () => {
      const { files, errors } = await listWith(["good.txt", name]);
      assert.deepEqual(files, ["good.txt"]);
      assert.equal(errors.length, 1, errors.join(" | "));
      assert.ok(errors[0].startsWith(name), errors[0]);
      assert.match(errors[0], /safe file name|does not end in \.txt/);
    });
  }

  it("two names that differ only in case are not both accepted", async () => {
    const { files, errors } = await listWith(["harbor.txt", "HARBOR.txt"]);
    assert.deepEqual(files, ["harbor.txt"]);
    assert.equal(errors.length, 1);
  });

  it("a folder with an unsafe name is rejected, not read", async () => {
    const { files, errors } = await listWith(["good.txt", "Old Stories/harbor.txt"]);
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 1, errors.join(" | "));
    assert.match(errors[0], /^Old Stories/);
  });

  it("a symbolic link to a file outside the folder is rejected and never read", async () => {
    const { files, errors } = await listWith(["good.txt"], (dir) => symlink(path.join(outside, "secret.txt"), path.join(dir, "secret.txt")));
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^secret\.txt: .*symbolic link that points outside/);
  });

  it("a symbolic link to a folder outside, or through .., is rejected and never walked", async () => {
    const { files, errors } = await listWith(["good.txt"], async (dir) => {
      await symlink(outside, path.join(dir, "elsewhere"));
      await symlink("../outside", path.join(dir, "up"));
      await symlink("../articles/../outside/secret.txt", path.join(dir, "sneaky.txt"));
    });
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 3, errors.join(" | "));
    for (const e of errors) assert.match(e, /points outside/);
  });

  it("a dangling symbolic link is an error, not a crash", async () => {
    const { files, errors } = await listWith(["good.txt"], (dir) => symlink(path.join(outside, "missing.txt"), path.join(dir, "gone.txt")));
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^gone\.txt: /);
  });

  it("a symbolic link that loops back into the folder is reported once, not walked forever", async () => {
    const { files, errors } = await listWith(["good.txt"], (dir) => symlink(".", path.join(dir, "loop")));
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 1, errors.join(" | "));
    assert.match(errors[0], /^loop: /);
  });

  it("a symbolic link to another article inside the folder is rejected as a duplicate, so no article is built twice", async () => {
    const { files, errors } = await listWith(["good.txt"], (dir) => symlink("good.txt", path.join(dir, "copy.txt")));
    assert.deepEqual(files, ["good.txt"]);
    assert.equal(errors.length, 1, errors.join(" | "));
    assert.match(errors[0], /^copy\.txt: .*second name .*good\.txt/);
  });

  it("listing never depends on the order files were created in", async () => {
    const names = ["b.txt", "a.txt", "c-1.txt", "c.txt", "0.txt", "a_b.txt"];
    const first = await listWith(names);
    const second = await listWith([...names].reverse());
    assert.deepEqual(first.files, second.files);
    assert.deepEqual(first.files, [...names].sort());
    assert.deepEqual(await readdir(articles).then((n) => n.length), names.length);
  });
});
