import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { BUNDLE_FORMAT, bundleName, currentBundle, defaultBundleDir, sha1 } from "./current-bundle.mjs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Worker scripts (the ingest process, the analysis and render processes, the helper
 * threads) bundled into one JavaScript file each, run by plain Node. Started with tsx,
 * a worker spent most of its first second loading: tsx's loader runs in a thread of its
 * own and every module, ours and the packages', passes through it. The ingest process of a
 * warm build of 10,000 articles took 1.1–1.7 s to load its code, on the critical path,
 * while the build process loaded its own beside it on the other core. Measured on this
 * machine, importing the ingest process's modules: 0.92 s with tsx, 0.32 s as a bundle
 * with plain Node.
 *
 * A bundle is made with esbuild (the compiler tsx itself uses) on first need and kept in
 * `node_modules/.cache/news-archive-workers/`, with a manifest of the files it was made
 * from and their hashes: it is used only while every one of them is unchanged, and made
 * again otherwise, so an edited source file is never run stale. Packages stay outside the
 * bundle (imported from node_modules as before), and each module's `import.meta.url` is
 * its own source file's, so paths made from it (data files, other workers) are the same.
 * Where a bundle cannot be made (esbuild missing, a read-only folder, a syntax error),
 * the worker runs with tsx as before: `bundledScript` returns undefined.
 */

const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export { defaultBundleDir };

/** What a bundle's manifest holds (read by src/util/current-bundle.mjs). */
interface Manifest {
  format: number;
  esbuild: string;
  entry: string;
  /** Every file the bundle was made from (absolute paths), with the SHA-1 of its bytes. */
  inputs: [string, string][];
  /** The bundle's file name, in the bundle folder. */
  output: string;
}

/** Writes `text` to `file` through a temporary file, so no reader sees half of it. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export interface BundleOptions {
  /** The bundle folder (tests give their own). */
  dir?: string;
  /** Reports why a bundle could not be made (the worker then runs with tsx). */
  onFailure?: (error: unknown) => void;
}

/**
 * The path of a current bundle of the TypeScript module `entry` (a file URL), made now if
 * there is none; undefined if none can be made, for a JavaScript entry (it runs as it is),
 * or when NEWS_ARCHIVE_NO_BUNDLES is set (to compare, or to debug with tsx).
 */
export function bundledScript(entry: URL, options: BundleOptions = {}): string | undefined {
  if (process.env.NEWS_ARCHIVE_NO_BUNDLES || !/\.[cm]?ts$/.test(entry.pathname)) return undefined;
  const dir = options.dir ?? defaultBundleDir();
  const entryPath = fileURLToPath(entry);
  const known = currentBundle(entryPath, dir);
  if (known) return known;
  const name = bundleName(entryPath);
  const manifestFile = path.join(dir, `${name}.json`);
  try {
    const made = makeBundle(entryPath, path.join(dir, `${name}.mjs`));
    const inputs = made.inputs.map((input) => path.resolve(input));
    // The installed esbuild and the lockfile are inputs too: a bundle is remade with the packages.
    const extra = [made.esbuildPackage, path.join(codeRoot, "package-lock.json")].filter((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    });
    const { code, map } = made;
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      esbuild: made.version,
      entry: entryPath,
      inputs: [...inputs, ...extra].map((file) => [file, sha1(readFileSync(file))]),
      output: `${name}-${sha1(code).slice(0, 12)}.mjs`,
    };
    mkdirSync(dir, { recursive: true });
    const output = path.join(dir, manifest.output);
    // The map is found by the file name the bundle's last line gives.
    const mapName = `${manifest.output}.map`;
    writeAtomically(path.join(dir, mapName), map);
    writeAtomically(output, code.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${mapName}\n`));
    writeAtomically(manifestFile, JSON.stringify(manifest));
    removeOldBundles(dir, name, manifest.output);
    return output;
  } catch (error) {
    options.onFailure?.(error);
    return undefined;
  }
}

/**
 * Bundles of `name` other than `keep` older than a day: another process may be starting
 * from one made a moment ago by an older checkout, so a recent one is left alone.
 */
function removeOldBundles(dir: string, name: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const file of readdirSync(dir)) {
    if (!file.startsWith(`${name}-`) || file.startsWith(keep)) continue;
    try {
      if (statSync(path.join(dir, file)).mtimeMs < dayAgo) rmSync(path.join(dir, file), { force: true });
    } catch {
      // Gone already.
    }
  }
}

interface MadeBundle {
  code: string;
  map: string;
  /** The files bundled, relative to the working folder. */
  inputs: string[];
  version: string;
  esbuildPackage: string;
}

/**
 * Bundles `entryPath` with esbuild. esbuild's synchronous API takes no plugins, and the one
 * below is needed, so the bundle is made by a short Node program of its own (about half a
 * second, only when a source file changed), which prints it.
 *
 * Its plugin gives each bundled module its own `import.meta.url` (its source file's URL,
 * and `import.meta.filename` and `dirname` its path and folder):
 * a path made from it (`new URL("./related-worker.ts", import.meta.url)`, the code root)
 * means what it meant unbundled. The project's own TypeScript and its plain JavaScript
 * modules (src/util/current-bundle.mjs, which finds the bundle folder from its own URL: left
 * to esbuild, its URL was the bundle's, and a bundled process kept its workers' bundles one
 * `node_modules/` deeper each level down) pass through it; packages stay outside the bundle.
 */
function makeBundle(entryPath: string, outfile: string): MadeBundle {
  const esbuildUrl = import.meta.resolve("esbuild");
  const program = `
    import { readFileSync } from "node:fs";
    import { pathToFileURL } from "node:url";
    import path from "node:path";
    const esbuild = await import(${JSON.stringify(esbuildUrl)});
    const ownImportMetaUrl = {
      name: "own-import-meta-url",
      setup(build) {
        build.onLoad({ filter: /\\.(?:[cm]?ts|mjs)$/ }, (args) => {
          const own = { url: pathToFileURL(args.path).href, filename: args.path, dirname: path.dirname(args.path) };
          const contents = readFileSync(args.path, "utf8").replace(/\\bimport\\.meta\\.(url|filename|dirname)\\b/g, (_, key) => JSON.stringify(own[key]));
          return { contents, loader: args.path.endsWith(".mjs") ? "js" : "ts" };
        });
      },
    };
    const result = await esbuild.build({
      entryPoints: [${JSON.stringify(entryPath)}],
      bundle: true, platform: "node", format: "esm", target: "node20", packages: "external",
      write: false, metafile: true, sourcemap: "linked", logLevel: "silent",
      outfile: ${JSON.stringify(outfile)},
      plugins: [ownImportMetaUrl],
    });
    const code = result.outputFiles.find((f) => f.path.endsWith(".mjs")).text;
    const map = result.outputFiles.find((f) => f.path.endsWith(".map")).text;
    const esbuildPackage = new URL("../package.json", ${JSON.stringify(esbuildUrl)});
    process.stdout.write(JSON.stringify({ code, map, inputs: Object.keys(result.metafile.inputs), version: esbuild.version, esbuildPackage: esbuildPackage.pathname }));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", program], { maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  return JSON.parse(out) as MadeBundle;
}
