import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, DEFAULTS, resolveConfig } from "../../src/publish/config.ts";

const root = "/srv/archive";

describe("where the build's settings come from", () => {
  it("without flags or environment, every setting is its default, paths under the project root", () => {
    const config = resolveConfig({ projectRoot: root, env: {} });
    assert.equal(config.articlesDir, path.join(root, "articles"));
    assert.equal(config.contentDir, path.join(root, "generated/articles"));
    assert.equal(config.outputDir, path.join(root, "_site"));
    assert.equal(config.cacheDir, path.join(root, ".cache"));
    assert.equal(config.aliasesFile, path.join(root, "data/aliases.json"));
    assert.equal(config.site.pathPrefix, DEFAULTS.pathPrefix);
    assert.equal(config.site.origin, DEFAULTS.siteOrigin);
    assert.equal(config.site.rootUrl, "http://localhost:8080/");
    assert.equal(config.site.title, DEFAULTS.siteTitle);
    assert.equal(config.keepGoing, false);
    assert.deepEqual(config.server, { port: 8080, host: "127.0.0.1", poll: false });
  });

  it("the environment beats the defaults, and a flag beats the environment", () => {
    const env = { ARCHIVE_PATH_PREFIX: "from-env", ARCHIVE_SITE_URL: "https://env.example.org", ARCHIVE_TITLE: "Env Title", ARCHIVE_NOW: "2020-02-02", PORT: "9000" };
    const fromEnv = resolveConfig({ projectRoot: root, env });
    assert.equal(fromEnv.site.pathPrefix, "/from-env/");
    assert.equal(fromEnv.site.rootUrl, "https://env.example.org/from-env/");
    assert.equal(fromEnv.site.title, "Env Title");
    assert.equal(fromEnv.now.toISOString(), "2020-02-02T00:00:00.000Z");
    assert.equal(fromEnv.server.port, 9000);
    const fromFlags = resolveConfig({
      projectRoot: root,
      env,
      flags: { "path-prefix": "/flag/", "site-url": "https://flag.example.org/ignored/path", title: "Flag Title", now: "2021-03-03", port: "0" },
    });
    assert.equal(fromFlags.site.pathPrefix, "/flag/");
    assert.equal(fromFlags.site.origin, "https://flag.example.org", "only the origin of a site URL is kept: the path prefix says where the site lives");
    assert.equal(fromFlags.site.rootUrl, "https://flag.example.org/flag/");
    assert.equal(fromFlags.site.title, "Flag Title");
    assert.equal(fromFlags.now.toISOString(), "2021-03-03T00:00:00.000Z");
    assert.equal(fromFlags.server.port, 0);
  });

  it("an empty environment variable counts as unset", () => {
    assert.equal(resolveConfig({ projectRoot: root, env: { ARCHIVE_PATH_PREFIX: "" } }).site.pathPrefix, "/");
  });

  it("folders given as flags are taken from the working folder; defaults from the project root", () => {
    const config = resolveConfig({ projectRoot: root, cwd: "/home/me", flags: { articles: "mine", output: "/abs/site" } });
    assert.equal(config.articlesDir, "/home/me/mine");
    assert.equal(config.outputDir, "/abs/site");
    assert.equal(config.contentDir, path.join(root, "generated/articles"));
  });

  it("--no-cache leaves the build without a cache folder; --keep-going and --poll switch on", () => {
    const config = resolveConfig({ projectRoot: root, flags: { "no-cache": true, "keep-going": true, poll: true } });
    assert.equal(config.cacheDir, undefined);
    assert.equal(config.keepGoing, true);
    assert.equal(config.server.poll, true);
  });

  it("a bad setting is an error naming where it came from and how to set it", () => {
    const configError = (pattern: RegExp) => (e: unknown) => e instanceof ConfigError && pattern.test(e.message);
    assert.throws(() => resolveConfig({ projectRoot: root, env: { ARCHIVE_NOW: "2026-13-01" } }), configError(/^ARCHIVE_NOW="2026-13-01" is not a date; use YYYY-MM-DD\./));
    assert.throws(() => resolveConfig({ projectRoot: root, flags: { now: "yesterday" } }), configError(/^--now="yesterday"/));
    assert.throws(() => resolveConfig({ projectRoot: root, env: { PORT: "http" } }), configError(/^PORT must be a port number/));
    assert.throws(() => resolveConfig({ projectRoot: root, flags: { "site-url": "example.org" } }), configError(/^--site-url .*--site-url or ARCHIVE_SITE_URL/));
  });
});
