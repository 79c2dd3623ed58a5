// Finding a current bundle of a script (src/util/bundle.ts makes them): plain JavaScript,
// so that scripts/launch.mjs can use it before any TypeScript loader is there.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the way bundles are made changes in a way the manifest would not notice. */
export const BUNDLE_FORMAT = 1;

const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where bundles are kept: with the installed packages, whose versions they were made against. */
export function defaultBundleDir() {
  return path.join(codeRoot, "node_modules", ".cache", "news-archive-workers");
}

export function sha1(bytes) {
  return createHash("sha1").update(bytes).digest("hex");
}

/** The name of an entry's manifest and bundles: one per entry file (the same name in two checkouts sharing node_modules stays apart). */
export function bundleName(entryPath) {
  return `${path.basename(entryPath).replace(/\.[cm]?ts$/, "")}-${sha1(entryPath).slice(0, 12)}`;
}

/**
 * The bundle of `entryPath` kept in `dir`, if its manifest is of this format, the bundle is
 * there and every file it was made from (esbuild's package.json and the lockfile among them)
 * still has the bytes it was made from; else undefined.
 */
export function currentBundle(entryPath, dir = defaultBundleDir()) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, `${bundleName(entryPath)}.json`), "utf8"));
    if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.inputs) || typeof manifest.output !== "string") return undefined;
    statSync(path.join(dir, manifest.output));
    return manifest.inputs.every(([file, hash]) => sha1(readFileSync(file)) === hash) ? path.join(dir, manifest.output) : undefined;
  } catch {
    return undefined;
  }
}
