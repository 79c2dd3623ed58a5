import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ArticleError } from "../../src/errors.ts";
import {
  checkArticleFileName,
  listArticleFiles,
  looksLikeDefaultsFile,
  readArticleFiles,
  readArticleInputs,
  readFolderDefaultsFiles,
  withFolderDefaults,
} from "../../src/ingest/article-files.ts";

/**
 * Which files of the articles folder are read as articles, in what order, and what a
 * maintainer is told about the others. (hostile-input.test.ts covers unsafe names and
 * links that point outside; folder-defaults-files.test.ts the `_defaults.yml` files.)
 */

let root: string;
let articles: string;
before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "article-files-"));
  articles = path.join(root, "articles");
});
after(() => rm(root, { recursive: true, force: true }));

/** A fresh articles folder holding these files (path → text). */
async function folder(files: Record<string, string>, links: [target: string, name: string][] = []) {
  await rm(articles, { recursive: true, force: true });
  await mkdir(articles, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(articles, file)), { recursive: true });
    await writeFile(path.join(articles, file), text);
  }
  for (const [target, name] of links) await symlink(target, path.join(articles, name));
  const listing = await listArticleFiles(articles);
  return {
    listing,
    files: listing.files.map((f) => f.file),
    defaults: listing.defaults.map((f) => f.file),
    errors: listing.errors.map((e) => e.message),
    ignored: listing.ignored,
  };
}

describe("file names", () => {
  it("a safe article name passes, in a folder or not", () => {
    for (const name of ["2017-02-08-miami-dade.txt", "a.txt", "0.txt", "reuters/1987/00001.txt", "wire_2.v1/x-y.txt"]) {
      assert.equal(checkArticleFileName(name), undefined, name);
    }
  });

  it("a misnamed defaults file is told the exact name, wherever it is", () => {
    for (const name of ["_defaults.yaml", "defaults.yml", "_Default.yml", "DEFAULTS.YAML", "_default.yml"]) {
      assert.ok(looksLikeDefaultsFile(name), name);
      assert.equal(checkArticleFileName(`wire/${name}`), `"${name}" looks like a folder defaults file, which must be named exactly _defaults.yml.`);
    }
    for (const name of ["_defaults.yml.txt", "my_defaults.yml", "defaults.txt", "_defaults.json", "x_defaults.yml", "__defaults.yml"]) {
      assert.equal(looksLikeDefaultsFile(name), false, name);
    }
    assert.ok(looksLikeDefaultsFile("_defaults.yml"));
  });

  it("a folder with capitals, spaces, a leading dot or dash, or '..' is named in the error", () => {
    for (const bad of ["Wire", "old stories", "-wire", "wire..old", "café"]) {
      assert.equal(
        checkArticleFileName(`news/${bad}/a.txt`),
        `is in the folder "${bad}", which is not a safe name: use only lowercase letters a-z, digits, ".", "_" and "-".`,
        bad,
      );
    }
    // Only the folder that is wrong is named.
    assert.match(checkArticleFileName("good/Bad/worse here/a.txt")!, /folder "Bad"/);
  });

  it("a file that is not .txt is told the extension articles have", () => {
    assert.equal(checkArticleFileName("notes.md"), `"notes.md" does not end in .txt. Article files are plain text named like 2017-02-08-miami-dade.txt.`);
    assert.equal(checkArticleFileName("wire/story.txt.bak"), `"story.txt.bak" does not end in .txt. Article files are plain text named like 2017-02-08-miami-dade.txt.`);
  });

  it("_defaults.yml itself, checked as an article, is not told to rename itself to _defaults.yml", () => {
    assert.equal(checkArticleFileName("wire/_defaults.yml"), `"_defaults.yml" does not end in .txt. Article files are plain text named like 2017-02-08-miami-dade.txt.`);
  });

  it("an unsafe .txt name is told the alphabet, with an example", () => {
    for (const bad of ["Harbor.txt", "harbor budget.txt", "_harbor.txt", ".txt", "harbor..budget.txt", "a..txt", "story.txt (1).txt", "story.txt Copy.txt"]) {
      assert.equal(
        checkArticleFileName(`wire/${bad}`),
        `"${bad}" is not a safe file name: use only lowercase letters a-z, digits, ".", "_" and "-" (no spaces, capitals or accents), e.g. 2017-02-08-miami-dade.txt.`,
        bad,
      );
    }
  });
});

describe("listing the articles folder", () => {
  it("lists articles in name order, folder by folder, whatever order they were written in", async () => {
    const { files, errors } = await folder({ "b.txt": "b", "a/z.txt": "z", "a/b.txt": "b", "a-c.txt": "c", "0.txt": "0", "a/c/d.txt": "d" });
    assert.deepEqual(files, ["0.txt", "a/b.txt", "a/c/d.txt", "a/z.txt", "a-c.txt", "b.txt"]);
    assert.deepEqual(errors, []);
  });

  it("gives each article its path inside the folder and its absolute path", async () => {
    const { listing } = await folder({ "wire/a.txt": "x" });
    assert.deepEqual(listing.files, [{ file: "wire/a.txt", absolutePath: path.join(articles, "wire", "a.txt") }]);
  });

  it("skips hidden files and folders, README and CONTRIBUTING, saying so; anything else is an error", async () => {
    const { files, errors, ignored } = await folder({
      ".gitkeep": "",
      ".drafts/secret.txt": "x",
      "README.md": "# r",
      "wire/contributing.markdown": "c",
      "Readme.MD": "r",
      "notes.md": "n",
      "a.txt": "a",
    });
    assert.deepEqual(files, ["a.txt"]);
    assert.deepEqual(ignored, [".drafts", ".gitkeep", "README.md", "Readme.MD", "wire/contributing.markdown"]);
    assert.deepEqual(errors, [`notes.md: "notes.md" does not end in .txt. Article files are plain text named like 2017-02-08-miami-dade.txt. Rename the file.`]);
  });

  it("only a Markdown file named README or CONTRIBUTING is skipped as one", async () => {
    const { files, errors, ignored } = await folder({ "readme.rst": "r", "old-readme.md": "o", "readme.md.txt": "an article", "a.txt": "a" });
    assert.deepEqual(ignored, []);
    assert.deepEqual(files, ["a.txt", "readme.md.txt"]);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^old-readme\.md: "old-readme\.md" does not end in \.txt/);
    assert.match(errors[1], /^readme\.rst: /);
  });

  it("a named pipe is not an article and is never opened", async () => {
    const { listing } = await folder({ "a.txt": "a" });
    execFileSync("mkfifo", [path.join(articles, "pipe.txt")]);
    const again = await listArticleFiles(articles);
    assert.deepEqual(again.files, listing.files);
    assert.deepEqual(again.errors, []);
  });

  it("a link to the articles folder itself is reported as a loop back to it", async () => {
    const { files, errors } = await folder({ "a.txt": "a" }, [[".", "loop"], [articles, "again"]]);
    assert.deepEqual(files, ["a.txt"]);
    assert.deepEqual(errors, [
      `again: is a link to the folder ".", which is already read (a loop or a second name). Remove the link.`,
      `loop: is a link to the folder ".", which is already read (a loop or a second name). Remove the link.`,
    ]);
  });

  it("_defaults.yml files are settings, listed apart from the articles, in name order", async () => {
    const { files, defaults, errors } = await folder({ "_defaults.yml": "lang: en", "b/_defaults.yml": "year: 1987", "b/x.txt": "x", "a/_defaults.yml": "year: 1988" });
    assert.deepEqual(files, ["b/x.txt"]);
    assert.deepEqual(defaults, ["_defaults.yml", "a/_defaults.yml", "b/_defaults.yml"]);
    assert.deepEqual(errors, []);
  });

  it("a folder named like a file is walked as a folder; a folder named _defaults.yml is not settings", async () => {
    const { files, defaults, errors } = await folder({ "old.txt/a.txt": "a", "_defaults.yml/b.txt": "b" });
    assert.deepEqual(files, ["old.txt/a.txt"]);
    assert.deepEqual(defaults, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^_defaults\.yml\/b\.txt: is in the folder "_defaults\.yml"/);
  });

  it("every refused name is an error naming the file, with the hint to rename it", async () => {
    const { files, errors } = await folder({ "Bad.txt": "x", "Wire/a.txt": "x", "ok.txt": "x" });
    assert.deepEqual(files, ["ok.txt"]);
    assert.deepEqual(errors, [
      `Bad.txt: "Bad.txt" is not a safe file name: use only lowercase letters a-z, digits, ".", "_" and "-" (no spaces, capitals or accents), e.g. 2017-02-08-miami-dade.txt. Rename the file.`,
      `Wire/a.txt: is in the folder "Wire", which is not a safe name: use only lowercase letters a-z, digits, ".", "_" and "-". Rename the file.`,
    ]);
  });

  it("a folder that does not exist is an error saying how to give another", async () => {
    await assert.rejects(listArticleFiles(path.join(root, "nowhere")), {
      message: `The articles folder "${path.join(root, "nowhere")}" does not exist. Create it, or pass --articles DIR.`,
    });
  });

  it("a link to an article, named before or after it, is refused and the article is read once under its own name", async () => {
    for (const name of ["a-copy.txt", "z-copy.txt"]) {
      const { files, errors } = await folder({ "story.txt": "s" }, [["story.txt", name]]);
      assert.deepEqual(files, ["story.txt"], name);
      assert.deepEqual(errors, [`${name}: is a second name (a link) for "story.txt"; it was not read twice. Remove the link.`]);
    }
  });

  it("a link to a file inside that is not otherwise listed is read under the link's name", async () => {
    const { files, errors, ignored } = await folder({ ".drafts/story.txt": "s" }, [[".drafts/story.txt", "story.txt"]]);
    assert.deepEqual(files, ["story.txt"]);
    assert.deepEqual(errors, []);
    assert.deepEqual(ignored, [".drafts"]);
  });

  it("a link to a folder inside, named before or after it, is refused and the folder keeps its own name", async () => {
    for (const name of ["a-link", "z-link"]) {
      const { files, errors } = await folder({ "wire/_defaults.yml": "year: 1987", "wire/story.txt": "s" }, [["wire", name]]);
      assert.deepEqual(files, ["wire/story.txt"], name);
      assert.deepEqual(errors, [`${name}: is a link to the folder "wire", which is already read (a loop or a second name). Remove the link.`]);
    }
  });

  it("a link to a hidden folder inside is walked under the link's name, once", async () => {
    const { files, errors } = await folder({ ".drafts/story.txt": "s", ".drafts/more/other.txt": "o" }, [
      [".drafts", "drafts"],
      [".drafts/more", "more"],
    ]);
    assert.deepEqual(files, ["drafts/more/other.txt", "drafts/story.txt"]);
    assert.deepEqual(errors, [`more: is a link to the folder "drafts/more", which is already read (a loop or a second name). Remove the link.`]);
  });

  it("a file read through a linked folder and a link to that same file are one article, read once", async () => {
    const { files, errors } = await folder({ ".drafts/story.txt": "s" }, [
      [".drafts", "drafts"],
      [".drafts/story.txt", "story.txt"],
    ]);
    assert.deepEqual(files, ["drafts/story.txt"]);
    assert.deepEqual(errors, [`story.txt: is a second name (a link) for "drafts/story.txt"; it was not read twice. Remove the link.`]);
  });

  it("a link that points outside the folder, even to a sibling whose name starts like it, is never read", async () => {
    await mkdir(path.join(root, "articles-old"), { recursive: true });
    await writeFile(path.join(root, "articles-old", "old.txt"), "old");
    const { files, errors } = await folder({ "a.txt": "a" }, [
      [path.join(root, "articles-old"), "old"],
      [path.join(root, "articles-old", "old.txt"), "old.txt"],
    ]);
    assert.deepEqual(files, ["a.txt"]);
    assert.deepEqual(errors, [
      "old: is a symbolic link that points outside the articles folder; it was not read. Copy the article into the folder instead.",
      "old.txt: is a symbolic link that points outside the articles folder; it was not read. Copy the article into the folder instead.",
    ]);
  });

  it("reads the folder through a link to it", async () => {
    await folder({ "a.txt": "a", "w/b.txt": "b" });
    const linked = path.join(root, "linked-articles");
    await rm(linked, { force: true });
    await symlink(articles, linked);
    const listing = await listArticleFiles(linked);
    assert.deepEqual(listing.files.map((f) => f.file), ["a.txt", "w/b.txt"]);
    assert.deepEqual(listing.errors, []);
  });
});

describe("reading the listed files", () => {
  it("reads each article's bytes as they are, in listing order", async () => {
    const { listing } = await folder({ "b.txt": "Second\r\n", "a.txt": "caf\xe9", "w/c.txt": "" });
    const read = await readArticleFiles(listing.files);
    assert.deepEqual(
      read.map((r) => [r.file, Buffer.from(r.bytes).toString("hex")]),
      [
        ["a.txt", Buffer.from("caf\xe9").toString("hex")],
        ["b.txt", Buffer.from("Second\r\n").toString("hex")],
        ["w/c.txt", ""],
      ],
    );
  });

  it("reads every _defaults.yml, and a broken one is an error naming its line while the others still apply", async () => {
    const { listing } = await folder({
      "_defaults.yml": "lang: en\n",
      "wire/_defaults.yml": "source: Wire\nyear: 87\n",
      "wire/a.txt": "a",
      "x/_defaults.yml": "source: X\n",
      "x/b.txt": "b",
    });
    const { parsed, errors } = await readFolderDefaultsFiles(listing.defaults);
    assert.deepEqual(parsed, [
      { file: "_defaults.yml", defaults: { lang: "en" } },
      { file: "x/_defaults.yml", defaults: { source: "X" } },
    ]);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof ArticleError);
    assert.equal(errors[0].file, "wire/_defaults.yml");
    assert.equal(errors[0].line, 2);

    const { inputs, errors: again } = await readArticleInputs(listing);
    assert.equal(again.length, 1);
    assert.deepEqual(
      inputs.map((i) => [i.file, new TextDecoder().decode(i.bytes), i.defaults?.values]),
      [
        ["wire/a.txt", "a", { lang: "en" }],
        ["x/b.txt", "b", { lang: "en", source: "X" }],
      ],
    );
  });

  it("a _defaults.yml that cannot be read at all is a failure, not a skipped file", async () => {
    await assert.rejects(readFolderDefaultsFiles([{ file: "gone/_defaults.yml", absolutePath: path.join(root, "gone", "_defaults.yml") }]), { code: "ENOENT" });
  });

  it("an article with no _defaults.yml above it gets no defaults at all", async () => {
    const bytes = new Uint8Array([104]);
    const inputs = [{ file: "a.txt", bytes }, { file: "wire/b.txt", bytes }];
    assert.deepEqual(withFolderDefaults(inputs, []), inputs);
    assert.notEqual(withFolderDefaults(inputs, []), inputs, "a copy: the caller's list is not handed back to be changed");
    const withWire = withFolderDefaults(inputs, [{ file: "wire/_defaults.yml", defaults: { source: "Wire" } }]);
    assert.deepEqual(withWire[0], { file: "a.txt", bytes });
    assert.ok(!("defaults" in withWire[0]));
    assert.deepEqual(withWire[1], { file: "wire/b.txt", bytes, defaults: { values: { source: "Wire" } } });
  });
});
