import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ingestArchive } from "../src/ingest/pipeline.ts";
import { parseArgs } from "./cli-args.ts";

/**
 * Copies an even-stride sample of the research corpus into a folder outside the
 * repository, to build and look at a realistic archive (screenshots, page weights):
 *   npx tsx scripts/sample-corpus.ts --out /tmp/mixed-1000 [--mix bbc:400,buzzfeed_webis_2016:300,reuters21578:300]
 * `--mix` names corpus sets and how many files to take from each (default: the
 * 1,000-article mix of issues 12 and 14). A file the build refuses (a headline alone, a
 * saved "Moved Permanently" page) is replaced by the next one, so the sample builds as it
 * is. The corpus is research-only: never copy it into the project.
 */
const { values } = parseArgs(process.argv.slice(2), { out: "string", mix: "string", corpus: "string" });
if (!values.out) {
  console.error("Usage: npx tsx scripts/sample-corpus.ts --out DIR [--mix set:count,...] [--corpus ../shared/corpus]");
  process.exit(2);
}
const corpus = path.resolve(String(values.corpus ?? "../shared/corpus"));
const out = path.resolve(String(values.out));
const mix = String(values.mix ?? "bbc:400,buzzfeed_webis_2016:300,reuters21578:300")
  .split(",")
  .map((part) => {
    const [set, count] = part.split(":");
    if (!set || !Number.isInteger(Number(count))) {
      console.error(`--mix: "${part}" is not set:count`);
      process.exit(2);
    }
    return { set, count: Number(count) };
  });

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".txt"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

await mkdir(out, { recursive: true });
let copied = 0;
for (const { set, count } of mix) {
  const files = await textFiles(path.join(corpus, set));
  if (files.length < count) {
    console.error(`${set} has only ${files.length} files; asked for ${count}`);
    process.exit(1);
  }
  // Even stride; a refused file gives way to the next one not taken, until ingest accepts the sample.
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
    await copyFile(path.join(corpus, set, files[k]), path.join(out, `${set}-${files[k].split(path.sep).join("-")}`));
    copied++;
  }
}
console.log(`${copied} articles copied to ${out}`);
