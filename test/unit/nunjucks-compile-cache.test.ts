import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { enableNunjucksCompileCache } from "../../src/site/nunjucks-compile-cache.ts";

/** An Eleventy template engine class, by file (Eleventy does not export them). */
async function engine(file: string): Promise<{ prototype: object }> {
  const entry = createRequire(import.meta.url).resolve("@11ty/eleventy");
  return ((await import(pathToFileURL(path.join(path.dirname(entry), "Engines", file)).href)) as { default: { prototype: object } }).default;
}
const cacheable = (engineClass: { prototype: object }) => (Object.create(engineClass.prototype) as { cacheable: boolean }).cacheable;

describe("the Nunjucks compile cache", () => {
  it("makes Eleventy's Nunjucks engine cacheable, and no other engine, and can be enabled again (the dev server rebuilds)", async () => {
    const nunjucks = await engine("Nunjucks.js");
    const liquid = await engine("Liquid.js");
    const liquidBefore = cacheable(liquid);
    assert.equal(cacheable(nunjucks), false, "Eleventy 3.1 ships it uncacheable: if this fails, the workaround may no longer be needed");
    await enableNunjucksCompileCache();
    assert.equal(cacheable(nunjucks), true);
    assert.equal(cacheable(liquid), liquidBefore, "other engines keep their own setting");
    await enableNunjucksCompileCache();
    assert.equal(cacheable(nunjucks), true);
  });
});
