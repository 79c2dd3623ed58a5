import path from "node:path";
import { copyCorpusSample, MIXED_1000 } from "../src/bench/corpus-mix.ts";
import { parseArgs } from "./cli-args.ts";

/**
 * Copies an even-stride sample of the research corpus into a folder outside the
 * repository, to build and look at a realistic archive (screenshots, page weights):
 *   npx tsx scripts/sample-corpus.ts --out /tmp/mixed-1000 [--mix bbc:300,buzzfeed_webis_2016:250,reuters21578:300,fakenewsnet_v1:150]
 * `--mix` names corpus sets and how many files to take from each (default: the
 * 1,000-article mix of issues 12 and 14); see src/bench/corpus-mix.ts. The corpus is
 * research-only: never copy it into the project.
 */
const { values } = parseArgs(process.argv.slice(2), { out: "string", mix: "string", corpus: "string" });
if (!values.out) {
  console.error("Usage: npx tsx scripts/sample-corpus.ts --out DIR [--mix set:count,...] [--corpus ../shared/corpus]");
  process.exit(2);
}
const mix = values.mix
  ? String(values.mix)
      .split(",")
      .map((part) => {
        const [set, count] = part.split(":");
        if (!set || !Number.isInteger(Number(count))) {
          console.error(`--mix: "${part}" is not set:count`);
          process.exit(2);
        }
        return { set, count: Number(count) };
      })
  : MIXED_1000;
const copied = await copyCorpusSample(path.resolve(String(values.corpus ?? "../shared/corpus")), path.resolve(String(values.out)), mix);
console.log(`${copied} articles copied to ${path.resolve(String(values.out))}`);
