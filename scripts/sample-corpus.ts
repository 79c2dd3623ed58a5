import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "./cli-args.ts";

/**
 * Copies an even-stride sample of the research corpus into a folder outside the
 * repository, to build and look at a realistic archive (screenshots, page weights):
 *   npx tsx scripts/sample-corpus.ts --out /tmp/mixed-1000 [--mix bbc:400,buzzfeed_webis_2016:300,reuters21578:300]
 * `--mix` names corpus sets and how many files to take from each (default: the
 * 1,000-article mix of issues 12 and 14). A file with a headline and no body, which the
 * build refuses, is replaced by the next one. The corpus is research-only: never copy it
 * into the project.
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

/** More than a headline: some non-blank line after the first. */
async function hasBody(file: string): Promise<boolean> {
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  return lines.slice(1).some((line) => line.trim() !== "");
}

await mkdir(out, { recursive: true });
let copied = 0;
for (const { set, count } of mix) {
  const files = await textFiles(path.join(corpus, set));
  if (files.length < count) {
    console.error(`${set} has only ${files.length} files; asked for ${count}`);
    process.exit(1);
  }
  const taken = new Set<number>();
  for (let i = 0; i < count; i++) {
    let k = Math.floor((i * files.length) / count);
    while (taken.has(k) || !(await hasBody(path.join(corpus, set, files[k])))) k = (k + 1) % files.length;
    taken.add(k);
    const file = files[k];
    await copyFile(path.join(corpus, set, file), path.join(out, `${set}-${file.split(path.sep).join("-")}`));
    copied++;
  }
}
console.log(`${copied} articles copied to ${out}`);
