import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { findSiteFile } from "../../src/serve/static-server.ts";

describe("the file a site request serves", () => {
  const made: string[] = [];
  after(() => Promise.all(made.map((p) => rm(p, { recursive: true, force: true }))));

  it("is a folder's index.html, after a redirect that adds the trailing slash", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "site-file-"));
    made.push(root);
    await mkdir(path.join(root, "articles/a"), { recursive: true });
    await writeFile(path.join(root, "articles/a/index.html"), "<p>a</p>");
    assert.deepEqual(await findSiteFile(root, "articles/a/", new URL("http://x/articles/a/")), { file: path.join(root, "articles/a/index.html"), size: 8 });
    assert.deepEqual(await findSiteFile(root, "articles/a", new URL("http://x/sub/articles/a?q=1")), { redirect: "/sub/articles/a/?q=1" });
    assert.equal(await findSiteFile(root, "articles/missing/", new URL("http://x/articles/missing/")), undefined);
  });

  it("is never outside the site folder", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "site-file-"));
    made.push(root, `${root}-secret.txt`);
    await writeFile(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), "secret");
    assert.equal(await findSiteFile(root, `../${path.basename(root)}-secret.txt`, new URL("http://x/")), undefined);
    assert.equal(await findSiteFile(root, "../../etc/passwd", new URL("http://x/")), undefined);
  });
});
