import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

/**
 * Builds the search page's scripts into `<site>/assets/`:
 * - `search.js`: the page's own script (layouts/search-ui/search.js) bundled with the
 *   parts of Pagefind's Component UI it uses (vendor/pagefind-component-ui/), minified;
 * - `search/pagefind.js`: the stand-in for Pagefind's API (layouts/search-ui/search/pagefind.js),
 *   minified, still importing Pagefind's own `pagefind/pagefind.js` at run time.
 *
 * The two stay separate files: the Component UI imports `<bundle-path>pagefind.js` at run
 * time, and the page's script must share that one module instance (its order and loaded
 * filter groups), so its import of `./search/pagefind.js` is left to the browser.
 * The output depends only on the sources, so builds stay byte-identical.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SEARCH_UI_SOURCE = path.join(projectRoot, "layouts/search-ui");

/** Imports the browser resolves itself, relative to where each output file is served. */
const RUN_TIME_IMPORTS = new Set(["./search/pagefind.js", "../../pagefind/pagefind.js"]);

const leaveRunTimeImports: Plugin = {
  name: "run-time-imports",
  setup(b) {
    b.onResolve({ filter: /pagefind\.js$/ }, (args) => (RUN_TIME_IMPORTS.has(args.path) ? { path: args.path, external: true } : undefined));
  },
};

/** esbuild rejects with every error's file and line when the sources do not build. */
export async function buildSearchUi(siteDir: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: {
      search: path.join(SEARCH_UI_SOURCE, "search.js"),
      "search/pagefind": path.join(SEARCH_UI_SOURCE, "search/pagefind.js"),
    },
    outdir: path.join(siteDir, "assets"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "inline",
    charset: "utf8",
    plugins: [leaveRunTimeImports],
    logLevel: "silent",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs)
    .map((file) => path.relative(siteDir, path.resolve(projectRoot, file)))
    .sort();
}
