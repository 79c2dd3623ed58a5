// node scripts/launch.mjs scripts/build.ts [args...]: what `npm run build` (and ingest,
// check, start, serve) runs. It runs the TypeScript script from a bundle of its code with
// plain Node (src/util/bundle.ts), made again whenever a source file changed: with tsx's
// loader, a warm build of 10,000 articles spent about 0.7 s more before its first step.
// The bundle is made, or the script run with tsx where none can be made, by
// src/util/bundle.ts itself; this file only finds a current one without loading tsx
// (src/util/current-bundle.mjs, plain JavaScript, which bundle.ts uses too).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { currentBundle } from "../src/util/current-bundle.mjs";

const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs `script` with `args` as its command line: from its current bundle, else one made now, else with tsx. */
async function launch(script, args) {
  const entry = path.resolve(script);
  // The script sees the command line it would see run directly.
  process.argv = [process.argv[0], entry, ...args];
  let bundle = process.env.NEWS_ARCHIVE_NO_BUNDLES ? undefined : currentBundle(entry);
  // A script's worker processes that load beside it (its `.early.mjs`: scripts/build.early.mjs).
  const early = entry.replace(/\.ts$/, ".early.mjs");
  if (bundle && existsSync(early)) (await import(pathToFileURL(early).href)).default(args);
  if (!bundle) {
    // tsx, to load the bundler (and to run the script itself if no bundle can be made).
    // What `node --import tsx` loads: TypeScript's hooks for import and require.
    await import("tsx");
    const { bundledScript } = await import(pathToFileURL(path.join(codeRoot, "src/util/bundle.ts")).href);
    bundle = bundledScript(pathToFileURL(entry));
  }
  if (bundle) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle ?? entry).href);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("Usage: node scripts/launch.mjs SCRIPT.ts [arguments]");
  process.exit(2);
}
await launch(script, args);
