import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ingestArchive } from "../ingest/pipeline.ts";

/**
 * An even-stride sample of the research corpus, copied into a folder outside the
 * repository, to build and look at a realistic archive (screenshots, page weights,
 * layout tests): scripts/sample-corpus.ts and test/browser/layout-*.test.ts use it.
 * A file the build refuses (a headline alone, a saved "Moved Permanently" page) gives
 * way to the next one, so the sample builds as it is.
 */

/**
 * The 1,000-article mix a reader's look at the site starts from (issues 12 and 14): every
 * corpus set, so undated BBC, week-long BuzzFeed, 1987 Reuters and 2013-2017 FakeNewsNet
 * articles (with their long source names and URLs) share the lists, the timeline and search.
 */
export const MIXED_1000 = [
  { set: "bbc", count: 300 },
  { set: "buzzfeed_webis_2016", count: 250 },
  { set: "reuters21578", count: 300 },
  { set: "fakenewsnet_v1", count: 150 },
] as const;

/**
 * What a maintainer publishing each set would say once in its folder's `_defaults.yml`,
 * from the corpus README (not from any article's metadata): Reuters 1987, Feb-Oct; BBC
 * 2004-05; BuzzFeed-Webis 19-27 September 2016; FakeNewsNet 2013-2017. A dateline's month
 * and day then give a full date where the period allows only one year.
 */
export const SET_DEFAULTS: Record<string, string> = {
  reuters21578: "period: 1987-02..1987-10\n",
  bbc: "period: 2004..2005\n",
  buzzfeed_webis_2016: "period: 2016-09-19..2016-09-27\n",
  fakenewsnet_v1: "period: 2013..2017\n",
};

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".txt"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Copies the sample into `out`, one folder per set with its `_defaults.yml` (flat lowercase
 * names `<set>/<set>-<path>.txt`, as the build asks); returns how many article files.
 */
export async function copyCorpusSample(corpus: string, out: string, mix: readonly { set: string; count: number }[] = MIXED_1000): Promise<number> {
  await mkdir(out, { recursive: true });
  let copied = 0;
  for (const { set, count } of mix) {
    await mkdir(path.join(out, set), { recursive: true });
    if (SET_DEFAULTS[set]) await writeFile(path.join(out, set, "_defaults.yml"), `# ${set}: when the research corpus's README says these articles were published\n${SET_DEFAULTS[set]}`);
    const files = await textFiles(path.join(corpus, set));
    if (files.length < count) throw new Error(`${set} has only ${files.length} files; asked for ${count}`);
    const taken = new Set<number>();
    const picked: number[] = [];
    for (let i = 0; i < count; i++) {
      let k = Math.floor((i * files.length) / count);
      while (taken.has(k)) k = (k + 1) % files.length;
      taken.add(k);
      picked.push(k);
    }
    for (;;) {
      const inputs = await Promise.all(picked.map(async (k) => ({ file: files[k], bytes: await readFile(path.join(corpus, set, files[k])) })));
      const refused = new Set(ingestArchive(inputs, { now: new Date() }).errors.map((e) => e.file));
      if (!refused.size) break;
      picked.forEach((k, i) => {
        if (!refused.has(files[k])) return;
        let next = k;
        while (taken.has(next)) next = (next + 1) % files.length;
        taken.add(next);
        picked[i] = next;
      });
    }
    for (const k of picked) {
      await copyFile(path.join(corpus, set, files[k]), path.join(out, set, `${set}-${files[k].split(path.sep).join("-")}`.toLowerCase()));
      copied++;
    }
  }
  return copied;
}
