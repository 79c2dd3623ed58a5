import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { openArticleMemo } from "../../src/publish/article-memo.ts";
import { collectGarbageNow } from "../../src/publish/child-process.ts";
import { analyzeArticle, archiveFurnitureEvidence, decodeArticle, ingestArchive, type RawArticleInput } from "../../src/ingest/pipeline.ts";
import { collectFurnitureEvidence, evidenceFactsOf } from "../../src/ingest/furniture.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { lastRun } from "../../src/ingest/related.ts";

const NOW = new Date("2026-11-23T00:00:00Z");
const article = (file: string, text: string): RawArticleInput => ({ file, bytes: new TextEncoder().encode(text) });
const body = "The council voted on Tuesday to repair the old pier, the mayor said. Work starts in spring and will take a year.";

async function build(dir: string, inputs: RawArticleInput[], now = NOW, version = "v1") {
  const cache = await openArticleMemo({ dir, version, now });
  const result = ingestArchive(inputs, { now, memo: cache });
  cache.retainOnly(new Set(inputs.map((i) => i.file)));
  await cache.save();
  return { result, stats: { reused: cache.stats.analyzeReused, analyzed: cache.stats.analyzed } };
}

describe("the per-article ingest results kept between builds", () => {
  it("reuses unchanged articles and gives the same records as a build without it", async () => {
    const dir = await tempDir("ingest-cache-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body} The bridge waits.`)];
    const first = await build(dir, inputs);
    assert.deepEqual(first.stats, { reused: 0, analyzed: 2 });
    const second = await build(dir, inputs);
    assert.deepEqual(second.stats, { reused: 2, analyzed: 0 });
    assert.deepEqual(second.result, ingestArchive(inputs, { now: NOW }));
  });

  it("gives back text in any script as it was (accents, curly quotes, other alphabets, emoji) when it reuses an analysis", async () => {
    const dir = await tempDir("ingest-cache-");
    const text = "Café’s “pier” plan for Zürich\n\nJosé Martí said the 東京 council’s vote, 👍 from São Paulo, came on Tuesday. Work starts in spring and will take a year.";
    // Enough articles that several of the cache's shard files are read back.
    const inputs = Array.from({ length: 40 }, (_, i) => article(`story-${i}.txt`, `${text} Item ${i}.`));
    await build(dir, inputs);
    const second = await build(dir, inputs);
    assert.deepEqual(second.stats, { reused: 40, analyzed: 0 });
    const fresh = ingestArchive(inputs, { now: NOW });
    assert.deepEqual(second.result, fresh);
    assert.match(JSON.stringify(second.result.articles[0].record), /Café’s “pier” plan for Zürich/);
  });

  it("analyzes again an article whose bytes changed, and only that one", async () => {
    const dir = await tempDir("ingest-cache-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body}`)];
    await build(dir, inputs);
    const changed = [inputs[0], article("b.txt", `Bridge plan approved\n\n${body}`)];
    const again = await build(dir, changed);
    assert.deepEqual(again.stats, { reused: 1, analyzed: 1 });
    assert.equal(again.result.articles.find((a) => a.record.source_file === "b.txt")!.record.title, "Bridge plan approved");
  });

  it("analyzes again after the ingest code changed, and keeps only the current version's results", async () => {
    const dir = await tempDir("ingest-cache-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`)];
    await build(dir, inputs);
    const newCode = await build(dir, inputs, NOW, "v2");
    assert.deepEqual(newCode.stats, { reused: 0, analyzed: 1 });
    assert.equal((await readdir(dir)).length, 1);
    assert.deepEqual((await build(dir, inputs, NOW, "v2")).stats, { reused: 1, analyzed: 0 });
  });

  it("treats a shard file cut short (a build killed while writing it) as a miss, and mends it", async () => {
    const dir = await tempDir("ingest-cache-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`)];
    await build(dir, inputs);
    const [folder] = await readdir(dir);
    const [shard] = (await readdir(path.join(dir, folder))).filter((n) => n.endsWith(".json"));
    const file = path.join(dir, folder, shard);
    await writeFile(file, (await readFile(file, "utf8")).slice(0, 20));
    assert.deepEqual((await build(dir, inputs)).stats, { reused: 0, analyzed: 1 });
    assert.deepEqual((await build(dir, inputs)).stats, { reused: 1, analyzed: 0 });
  });

  it("analyzes again when another build day could change dates, and keeps only the current day's results", async () => {
    const dir = await tempDir("ingest-cache-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`)];
    await build(dir, inputs);
    const later = await build(dir, inputs, new Date("2026-11-24T00:00:00Z"));
    assert.deepEqual(later.stats, { reused: 0, analyzed: 1 });
    assert.equal((await readdir(dir)).length, 1);
  });

  it("analyzes again an article when the archive starts treating one of its lines as recurring furniture", async () => {
    const dir = await tempDir("ingest-cache-");
    const banner = "Subscribe to our newsletter";
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}\n\n${banner}`)];
    await build(dir, inputs);
    const more = [...inputs, ...["b", "c", "d"].map((n) => article(`${n}.txt`, `Story ${n}\n\n${body} ${n}.\n\n${banner}`))];
    const again = await build(dir, more);
    assert.equal(again.stats.reused, 0, "a.txt's furniture evidence changed");
    const a = again.result.articles.find((x) => x.record.source_file === "a.txt")!;
    assert.equal(a.body.includes(banner), false);
  });
  it("never reuses an analysis made under other furniture evidence, even for a file that stopped decoding and came back", async () => {
    const dir = await tempDir("ingest-cache-");
    // A label under the story: furniture when it recurs, kept in one article alone.
    const banner = "Harbour Notes Desk";
    const a = article("a.txt", `Pier repairs approved\n\n${body}\n\n${banner}`);
    const story = (n: string, extra = "") => article(`${n}.txt`, `Story ${n}\n\n${body} ${n}.${extra}`);
    // 1: the label recurs (a, x, y, z): a.txt is read without it.
    const steps = [
      [a, ...["x", "y", "z"].map((n) => story(n, `\n\n${banner}`))],
      // 2: a.txt saved broken (front matter, no text), the label's articles gone: it no longer recurs.
      [article("a.txt", "---\ntitle: Pier\n---\n"), ...["p", "q", "r", "s"].map((n) => story(n))],
      // 3: a.txt as in 1; the archive's evidence is that of 2 (four articles, nothing recurs).
      [a, ...["p", "q", "r"].map((n) => story(n))],
      // 4: the same again, from the folder alone.
      [a, ...["p", "q", "r"].map((n) => story(n))],
    ];
    const first = await build(dir, steps[0]);
    assert.ok(!first.result.articles.find((x) => x.record.source_file === "a.txt")!.body.some((p) => p.includes(banner)), "recurring, the label is furniture");
    for (const [i, inputs] of steps.entries()) {
      const { result } = await build(dir, inputs);
      assert.deepEqual(result, ingestArchive(inputs, { now: NOW }), `step ${i + 1}: the records a build without the memo makes`);
    }
    const { result, stats } = await build(dir, steps[3]);
    assert.deepEqual(stats, { reused: 4, analyzed: 0 });
    assert.ok(result.articles.find((x) => x.record.source_file === "a.txt")!.body.some((p) => p.includes(banner)), "a.txt keeps the line: it recurs nowhere else");
  });

  it("a save cut short names no evidence, so the next build checks every key again", async () => {
    const dir = await tempDir("ingest-cache-");
    const label = "Harbour Notes Desk";
    const a = article("a.txt", `Pier repairs approved\n\n${body}\n\n${label}`);
    const withLabel = [a, ...["x", "y", "z"].map((n) => article(`${n}.txt`, `Story ${n}\n\n${body} ${n}.\n\n${label}`))];
    const without = [a, ...["x", "y", "z"].map((n) => article(`${n}.txt`, `Story ${n}\n\n${body} ${n}, again.`))];
    await build(dir, withLabel);
    // The next save writes a.txt's shard (a.txt analyzed anew: the label no longer recurs),
    // then fails on x.txt's (a folder stands where its file is written).
    const shard = (file: string) => createHash("sha1").update(file).digest()[0] % 256;
    assert.notEqual(shard("a.txt"), shard("x.txt"));
    const [folder] = await readdir(dir);
    await mkdir(path.join(dir, folder, `${shard("x.txt")}.json.tmp`));
    await assert.rejects(build(dir, without));
    await rm(path.join(dir, folder, `${shard("x.txt")}.json.tmp`), { recursive: true });
    // Back to the evidence of the first build: a.txt's saved analysis was made under the other.
    const { result } = await build(dir, withLabel);
    assert.deepEqual(result, ingestArchive(withLabel, { now: NOW }));
  });

  it("computes the archive's furniture evidence once for the same articles (the parallel pre-analysis and ingest share it), and again when one changed", async () => {
    const memo = await openArticleMemo({ version: "v1", now: NOW });
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body}`)];
    let runs = 0;
    const counted = { ...memo, furnitureEvidence: (decoded: Parameters<NonNullable<typeof memo.furnitureEvidence>>[0], run: (options: { remember: boolean }) => ReturnType<typeof archiveFurnitureEvidence>) => memo.furnitureEvidence!(decoded, (options) => (runs++, run(options))) };
    const decoded = inputs.map((i) => memo.decode(i, () => decodeArticle(i)));
    const first = archiveFurnitureEvidence(decoded, counted);
    assert.equal(archiveFurnitureEvidence(inputs.map((i) => memo.decode(i, () => decodeArticle(i))), counted), first);
    assert.equal(runs, 1);
    const changed = [decoded[0], memo.decode(article("b.txt", `Bridge plan approved\n\n${body}`), () => decodeArticle(article("b.txt", `Bridge plan approved\n\n${body}`)))];
    assert.deepEqual(archiveFurnitureEvidence(changed, counted), archiveFurnitureEvidence(changed), "computed again, the same as without the memo");
    assert.equal(runs, 2);
    assert.deepEqual(ingestArchive(inputs, { now: NOW, memo }), ingestArchive(inputs, { now: NOW }), "the records are those a build without the memo makes");
  });

  it("keeps the same evidence after an edit that changes nothing the archive says about its lines, and a new one after an edit that does", async () => {
    const memo = await openArticleMemo({ version: "v1", now: NOW });
    const decode = (i: RawArticleInput) => memo.decode(i, () => decodeArticle(i));
    const banner = "Share this story with a friend";
    const stories = ["Pier repairs approved", "Bridge plan delayed", "Ferry fares rise", "Harbor dredging starts"];
    const inputs = stories.map((title, i) => article(`${i}.txt`, `${title}

${i < 2 ? `${banner}

` : ""}${body}`));
    const first = archiveFurnitureEvidence(inputs.map(decode), memo);
    assert.ok(!first.recurring.some((line) => line.includes("share this story")), "two articles: not yet recurring");
    // The story's text changes, not its lines' standing in the archive: the same evidence object.
    const reworded = [...inputs.slice(0, 3), article("3.txt", `Harbor dredging starts

${body} The dredger arrives in May.`)];
    assert.equal(archiveFurnitureEvidence(reworded.map(decode), memo), first);
    // A third article with the line makes it recurring: new evidence, as computed without the memo.
    const third = [...reworded.slice(0, 2), article("2.txt", `Ferry fares rise

${banner}

${body}`), reworded[3]];
    const after = archiveFurnitureEvidence(third.map(decode), memo);
    assert.notEqual(after, first);
    assert.ok(after.recurring.some((line) => line.includes("share this story")), after.recurring.join(" | "));
    assert.deepEqual(after, archiveFurnitureEvidence(third.map((i) => decodeArticle(i))));
  });
});

describe("the folder's form of an analysis", () => {
  it("reads back as JSON to the very analysis, field for field and in the same order (the archive's own articles)", async () => {
    const files = (await readdir("articles")).filter((f) => f.endsWith(".txt"));
    assert.ok(files.length >= 4);
    const decoded = await Promise.all(files.map(async (file) => decodeArticle({ file, bytes: await readFile(path.join("articles", file)) })));
    const evidence = archiveFurnitureEvidence(decoded);
    let unusual = 0;
    for (const d of decoded) {
      const analyzed = analyzeArticle(d, evidence, NOW);
      const back = JSON.parse(JSON.stringify(analyzed));
      assert.equal(JSON.stringify(back), JSON.stringify(analyzed), d.file);
      unusual += analyzed.tagCandidates.forms.length;
    }
    assert.ok(unusual > 0, "some phrases have several forms or a form unlike their key");
  });
});

describe("a memo kept for one run (a build's ingest process)", () => {
  // A full collection on demand, to tell whether anything still holds an object.
  const collectedAfter = async (held: WeakRef<object>) => {
    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbageNow();
    return held.deref() === undefined;
  };

  for (const oneRun of [true, false]) {
    it(oneRun ? "lets the decoded articles and the analyses go once every analysis is made, and a second run still gives a fresh build's records" : "keeps the decoded articles and the analyses otherwise (the dev server decodes and analyses only the saved file again)", async () => {
      const memo = await openArticleMemo({ version: "v1", now: NOW, oneRun });
      const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body} The bridge waits.`)];
      const decoded = new WeakRef(memo.decode(inputs[0], () => decodeArticle(inputs[0])));
      const first = ingestArchive(inputs, { now: NOW, memo });
      assert.deepEqual(first, ingestArchive(inputs, { now: NOW }));
      assert.equal(await collectedAfter(decoded), oneRun);
      assert.deepEqual(ingestArchive(inputs, { now: NOW, memo }), first);
      assert.equal(memo.stats.decoded, oneRun ? 4 : 2);
      assert.equal(memo.stats.analyzeReused, oneRun ? 0 : 2);
    });
  }

  for (const oneRun of [true, false]) {
    it(oneRun ? "tells the ingest it may let go of the raw bytes once the analyses are saved, once a run" : "never tells the ingest to let go of the raw bytes when it keeps the analyses (it may decode them again)", async () => {
      const memo = await openArticleMemo({ version: "v1", now: NOW, oneRun });
      const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body} The bridge waits.`)];
      let told = 0;
      const result = ingestArchive(inputs, { now: NOW, memo, inputsRead: () => told++ });
      assert.deepEqual(result, ingestArchive(inputs, { now: NOW }));
      assert.equal(told, oneRun ? 1 : 0);
    });
  }

  it("collects what the related-articles pass let go once its job is made (a memo kept across runs leaves it to the collector)", async () => {
    const exposed = Object.getOwnPropertyDescriptor(globalThis, "gc");
    const collections: boolean[] = [];
    for (const oneRun of [true, false]) {
      const memo = await openArticleMemo({ version: "v1", now: NOW, oneRun });
      let count = 0;
      Object.defineProperty(globalThis, "gc", { value: () => count++, configurable: true, writable: true });
      try {
        memo.relatedJobMade!();
      } finally {
        if (exposed) Object.defineProperty(globalThis, "gc", exposed);
        else delete (globalThis as { gc?: unknown }).gc;
      }
      collections.push(count === 1);
    }
    assert.deepEqual(collections, [true, false]);
  });

  it("saves the analyses as soon as they are made: a build killed in the archive-wide passes leaves them for the next", async () => {
    const dir = await tempDir("ingest-one-run-");
    const inputs = [article("a.txt", `Pier repairs approved\n\n${body}`), article("b.txt", `Bridge plan delayed\n\n${body} The bridge waits.`)];
    const killed = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
    ingestArchive(inputs, { now: NOW, memo: killed });
    // No save: the process ended here.
    const next = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
    const result = ingestArchive(inputs, { now: NOW, memo: next });
    assert.deepEqual({ reused: next.stats.analyzeReused, analyzed: next.stats.analyzed }, { reused: 2, analyzed: 0 });
    assert.deepEqual(result, ingestArchive(inputs, { now: NOW }));
  });

  it("the archive-wide passes leave alone the analyses of a memo that keeps them: the next run's tags, names and records are the same", async () => {
    const memo = await openArticleMemo({ version: "v1", now: NOW });
    const inputs = [
      article("a.txt", `Harbour board approves ferry dock\n\nThe harbour board approved the ferry dock on Tuesday, Mayor Ellen Marsh said. The ferry dock will cost the harbour board more than planned.\n\n${body}`),
      article("b.txt", `Ferry dock costs rise\n\nThe ferry dock approved by the harbour board will cost more, Mayor Ellen Marsh said. The harbour board meets again in May.\n\n${body}`),
      article("c.txt", `Bridge plan delayed\n\n${body} The bridge waits.`),
    ];
    const first = ingestArchive(inputs, { now: NOW, memo });
    assert.ok(first.articles.some((a) => a.record.tags.length > 0 && a.record.people.length > 0), "the archive has tags and names to lose");
    const second = ingestArchive(inputs, { now: NOW, memo });
    assert.equal(memo.stats.analyzeReused, 3);
    assert.deepEqual(second, first);
  });
});

describe("the names the archive-wide pass chose, kept between builds", () => {
  const named = (extra = "") => [
    article("a.txt", `Harbour board approves ferry dock\n\nThe harbour board approved the ferry dock on Tuesday, Mayor Ellen Marsh said.\n\n${body}`),
    article("b.txt", `Ferry dock costs rise\n\nThe ferry dock will cost more, Ellen Marsh told the council. The board meets again in May.\n\n${body}`),
    article("c.txt", `Bridge plan delayed\n\n${body} The bridge waits.${extra}`),
  ];
  async function run(dir: string, inputs: RawArticleInput[], aliases?: unknown) {
    const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
    memo.retainOnly(new Set(inputs.map((i) => i.file)));
    const result = ingestArchive(inputs, { now: NOW, memo, aliases });
    await memo.save();
    return { result, reused: memo.stats.passesReused };
  }
  const people = (result: ReturnType<typeof ingestArchive>, file: string) => result.articles.find((a) => a.record.source_file === file)!.record.people;

  it("are taken from the last build after an edit that changes no name, and chosen again after one that does", async () => {
    const dir = await tempDir("entity-pass-");
    const first = await run(dir, named());
    assert.equal(first.reused, 0);
    assert.deepEqual(people(first.result, "a.txt"), ["Ellen Marsh"]);

    const typo = named(" Work resumes next week.");
    const kept = await run(dir, typo);
    assert.equal(kept.reused, 1, "a sentence naming nobody: the names stand");
    assert.deepEqual(kept.result, ingestArchive(typo, { now: NOW }));

    const naming = named(" Marsh said the bridge would wait.");
    const chosen = await run(dir, naming);
    assert.equal(chosen.reused, 0, "a surname added: the pass runs");
    assert.deepEqual(people(chosen.result, "c.txt"), ["Ellen Marsh"]);
    assert.deepEqual(chosen.result, ingestArchive(naming, { now: NOW }));

    const removed = named().slice(0, 2);
    const fewer = await run(dir, removed);
    assert.equal(fewer.reused, 0, "an article gone: the pass runs");
    assert.deepEqual(fewer.result, ingestArchive(removed, { now: NOW }));
  });

  it("are chosen again when the maintainers' aliases change, or the kept file was cut short", async () => {
    const dir = await tempDir("entity-pass-");
    const inputs = named();
    await run(dir, inputs);
    const aliases = { canonical: { "Ellen Marsh": "Ellen M. Marsh" } };
    const aliased = await run(dir, inputs, aliases);
    assert.equal(aliased.reused, 0);
    assert.deepEqual(people(aliased.result, "a.txt"), ["Ellen M. Marsh"]);
    assert.equal((await run(dir, inputs, aliases)).reused, 1);

    const [folder] = await readdir(dir);
    const file = path.join(dir, folder, "pass-entities.txt");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length - 5));
    const mended = await run(dir, inputs, aliases);
    assert.equal(mended.reused, 0);
    assert.deepEqual(mended.result, ingestArchive(inputs, { now: NOW, aliases }));
    assert.equal((await run(dir, inputs, aliases)).reused, 1, "and written whole again");
  });

  it("are not digested nor kept by a memo for one run without a folder (nothing reads them again)", async () => {
    const digests: string[] = [];
    const result = { people: ["Ellen Marsh"] };
    const passResult = async (dir: string | undefined) => {
      const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
      return memo.passResult!("entities", () => (digests.push(dir ?? "none"), "inputs"), () => result);
    };
    assert.equal(await passResult(undefined), result);
    assert.deepEqual(digests, [], "no digest without a folder");
    const dir = await tempDir("entity-pass-");
    assert.deepEqual(await passResult(dir), result);
    assert.deepEqual(await passResult(dir), result, "read back from the folder");
    assert.deepEqual(digests, [dir, dir]);
  });

  it("are kept in memory by a memo kept across runs (the dev server's)", async () => {
    const memo = await openArticleMemo({ version: "v1", now: NOW });
    ingestArchive(named(), { now: NOW, memo });
    const second = ingestArchive(named(" Work resumes next week."), { now: NOW, memo });
    assert.equal(memo.stats.passesReused, 1);
    assert.deepEqual(second, ingestArchive(named(" Work resumes next week."), { now: NOW }));
    // What the run changes in its records is not what the memo hands the next.
    second.articles[0].record.people.push("Nobody");
    const third = ingestArchive(named(" Work resumes next week."), { now: NOW, memo });
    assert.deepEqual(people(third, "a.txt"), ["Ellen Marsh"]);
  });
});

describe("the story-group sketches kept between builds", () => {
  const inputs = [
    article("a.txt", `Pier repairs approved\n\n${body} ${"The pier was built in 1901 and has been closed since the storm. ".repeat(4)}`),
    article("b.txt", `Pier repairs approved\n\n${body} ${"The pier was built in 1901 and has been closed since the storm. ".repeat(4)}`),
    article("c.txt", `Bridge plan delayed\n\n${body} The bridge waits.`),
  ];
  for (const oneRun of [true, false]) {
    it(`are read back by the next build's memo and give the same story groups (${oneRun ? "a build's ingest process" : "a memo kept across runs"})`, async () => {
      const dir = await tempDir("ingest-cache-");
      const first = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      const records = ingestArchive(inputs, { now: NOW, memo: first });
      await first.save();
      const second = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      const kept = second.storySketches!();
      assert.equal(kept.size, 2);
      // A planted sketch shows the next run uses what was kept: c.txt's story now reads as a's.
      const [aKey] = [...kept.keys()].filter((k) => kept.get(k)!.shingles);
      const result = ingestArchive(inputs, { now: NOW, memo: second });
      assert.deepEqual(result, records);
      const slugOf = (file: string) => result.articles.find((a) => a.record.source_file === file)!.record;
      assert.deepEqual(slugOf("a.txt").same_story, [slugOf("b.txt").slug]);
      assert.equal(slugOf("c.txt").same_story, undefined);
      const third = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      const store = third.storySketches!();
      for (const key of store.keys()) if (key !== aKey && store.get(key)!.shingles && store.get(key)!.hash !== store.get(aKey)!.hash) store.set(key, store.get(aKey)!);
      const planted = ingestArchive(inputs, { now: NOW, memo: third });
      assert.ok(planted.articles.find((a) => a.record.source_file === "c.txt")!.record.same_story?.length, "the planted sketch was not used");
      // Another code version keeps none.
      const other = await openArticleMemo({ dir, version: "v2", now: NOW, oneRun });
      assert.equal(other.storySketches!().size, 0);
      await rm(dir, { recursive: true, force: true });
    });
  }
});

describe("the story-group sketches of a memo kept across runs (the dev server)", () => {
  it("are written again only once a hundredth of them are new, not for every saved article", async () => {
    const dir = await tempDir("ingest-cache-");
    const memo = await openArticleMemo({ dir, version: "v1", now: NOW });
    const store = memo.storySketches!();
    const sketch = (n: number) => ({ hash: createHash("sha1").update(`words ${n}`).digest("base64"), shingles: undefined, signature: undefined });
    for (let n = 0; n < 200; n++) store.set(`digest ${n}`.padEnd(28, "="), sketch(n));
    memo.storySketchesUpdated!(store);
    await memo.save();
    const file = path.join(dir, (await readdir(dir))[0], "story-sketches.bin");
    const sizeOnDisk = async () => (await readFile(file)).length;
    const first = await sizeOnDisk();
    store.set("digest new 1".padEnd(28, "="), sketch(1000));
    memo.storySketchesUpdated!(store);
    await memo.save();
    assert.equal(await sizeOnDisk(), first, "one new sketch in 201 rewrote the file");
    store.set("digest new 2".padEnd(28, "="), sketch(1001));
    store.set("digest new 3".padEnd(28, "="), sketch(1002));
    memo.storySketchesUpdated!(store);
    await memo.save();
    assert.ok((await sizeOnDisk()) > first, "three new sketches in 203 did not");
    await rm(dir, { recursive: true, force: true });
  });
});

describe("one memo across the dev server's saves", () => {
  it("decodes a file again when its folder defaults change though its bytes do not, and not otherwise", async () => {
    const memo = await openArticleMemo({ now: NOW, version: "v1" });
    const bytes = new TextEncoder().encode(`Pier repairs approved\n\n${body}`);
    const withSource = (source: string): RawArticleInput => ({ file: "news/a.txt", bytes, defaults: { values: { source } } });
    const first = ingestArchive([withSource("Daily Post")], { now: NOW, memo });
    assert.equal(first.articles[0].record.source, "Daily Post");
    const decoded = memo.stats.decoded;
    // The same bytes and defaults, in new objects: nothing to decode.
    assert.equal(ingestArchive([withSource("Daily Post")], { now: NOW, memo }).articles[0].record.source, "Daily Post");
    assert.equal(memo.stats.decoded, decoded);
    // The folder's _defaults.yml names another source: the same bytes give another record.
    assert.equal(ingestArchive([withSource("Harbour Times")], { now: NOW, memo }).articles[0].record.source, "Harbour Times");
    assert.equal(memo.stats.decoded, decoded + 1);
  });
});

/**
 * Articles whose furniture evidence uses every kind of fact: a recurring line, a site's
 * banner among the top lines, a one-word navigation prefix glued to the headline (whose
 * uses in the texts are looked up) and a site name after it.
 */
function furnishedArchive(topics = ["pier", "bridge", "ferry", "school", "market", "library"]): RawArticleInput[] {
  return topics.map((topic) => {
    const title = `${topic[0].toUpperCase()}${topic.slice(1)}`;
    return article(
      `${topic}.txt`,
      [
        `Menu ${title} plans approved by the council | Harbour Gazette`,
        "THE HARBOUR GAZETTE",
        `The council voted on Tuesday to approve the ${topic} plans, the mayor said. Work on the ${topic} starts in spring.`,
        `Residents said the ${topic} had waited years for the money.`,
        "Subscribe to our newsletter",
      ].join("\n\n"),
    );
  });
}

async function buildOnce(dir: string, inputs: RawArticleInput[], oneRun: boolean) {
  const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
  memo.retainOnly(new Set(inputs.map((i) => i.file)));
  const result = ingestArchive(inputs, { now: NOW, memo });
  await memo.save();
  return { result, stats: { ...memo.stats } };
}

describe("an unchanged article's text is not decoded again", () => {
  for (const oneRun of [true, false]) {
    const kind = oneRun ? "a build's ingest process" : "a memo kept across runs";
    it(`counts the evidence from the facts the last build read, decoding only the changed article (${kind})`, async () => {
      const dir = await tempDir("ingest-facts-");
      const inputs = furnishedArchive();
      const cold = await buildOnce(dir, inputs, oneRun);
      const { evidence } = cold.result;
      assert.ok(evidence!.recurring.includes("subscribe to our newsletter"));
      assert.ok(evidence!.prefixes.includes("menu"), "a one-word prefix: its uses in the texts were looked up");
      assert.ok(evidence!.openers.length > 0 && evidence!.suffixes.length > 0);
      assert.equal(cold.stats.decoded, inputs.length);

      const edited = inputs.map((input, i) => (i === 2 ? article(input.file, `${new TextDecoder().decode(input.bytes)}\n\nThe ferry runs late.`) : input));
      const warm = await buildOnce(dir, edited, oneRun);
      assert.deepEqual({ decoded: warm.stats.decoded, deferred: warm.stats.decodeDeferred }, { decoded: 1, deferred: inputs.length - 1 });
      assert.deepEqual(warm.result, ingestArchive(edited, { now: NOW }));
      // And once more, from what the warm build saved.
      const again = await buildOnce(dir, edited, oneRun);
      assert.equal(again.stats.decoded, 0);
      assert.deepEqual(again.result, warm.result);
    });
  }

  it("takes the facts read ahead of the count (by a worker process) as it takes saved ones, reading no text for them", async () => {
    const dir = await tempDir("ingest-facts-");
    const inputs = furnishedArchive();
    const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
    assert.ok(inputs.every((input) => memo.decodesAnew(input)), "an empty folder holds no text");
    const decoded = inputs.map((input) => memo.decode(input, () => decodeArticle(input)));
    assert.ok(!inputs.some((input) => memo.decodesAnew(input)), "each text is held once decoded");
    assert.ok(memo.decodesAnew(article(inputs[0].file, `${new TextDecoder().decode(inputs[0].bytes)}\n\nThe ferry runs late.`)), "a text saved again is decoded again");
    // Every article's facts but the first's are read ahead.
    for (let i = 1; i < inputs.length; i++) memo.keepFacts(inputs[i], JSON.stringify(evidenceFactsOf(decoded[i].paragraphs, decoded[i].overrides.source)));
    const readFromText: number[] = [];
    const evidence = memo.furnitureEvidence!(decoded, (options) =>
      collectFurnitureEvidence(options.sources!, decoded.map((d) => d.overrides.source), { ...options, observer: { ...options.observer, facts: (d, facts) => (readFromText.push(d), options.observer?.facts?.(d, facts)) } }),
    );
    assert.deepEqual(readFromText, [0], "only the article whose facts were not read ahead is read by the count");
    assert.deepEqual(evidence, ingestArchive(inputs, { now: NOW }).evidence, "the same evidence as counted from the texts");
  });

  it("decodes the unchanged articles after all when an added article changes what the archive says about their lines", async () => {
    const dir = await tempDir("ingest-facts-");
    const line = "Read more harbour news";
    // The line is in two articles: not yet recurring.
    const inputs = furnishedArchive().map((input, i) => (i < 2 ? article(input.file, `${new TextDecoder().decode(input.bytes)}\n\n${line}`) : input));
    await buildOnce(dir, inputs, true);
    const more = [...inputs, article("zoo.txt", `Zoo gets a new gate\n\nThe zoo opened a new gate on Monday, its keeper said.\n\n${line}`)];
    const warm = await buildOnce(dir, more, true);
    assert.ok(warm.result.evidence!.recurring.includes("read more harbour news"));
    assert.ok(warm.stats.decoded > 1, "the articles holding the line are read again");
    assert.deepEqual(warm.result, ingestArchive(more, { now: NOW }));
    assert.ok(!warm.result.articles[0].body.some((p) => p === line), "the line is furniture in an unchanged article too");
  });

  it("adds an article without decoding the others while the evidence's sets stay the same", async () => {
    const dir = await tempDir("ingest-facts-");
    const inputs = furnishedArchive();
    await buildOnce(dir, inputs, true);
    const more = [...inputs, article("zoo.txt", `Zoo gets a new gate\n\nThe zoo opened a new gate on Monday, its keeper said.`)];
    const warm = await buildOnce(dir, more, true);
    assert.deepEqual({ decoded: warm.stats.decoded, analyzed: warm.stats.analyzed }, { decoded: 1, analyzed: 1 });
    assert.deepEqual(warm.result, ingestArchive(more, { now: NOW }));
  });

  it("reads the facts and word uses from the folder (planted ones change the evidence)", async () => {
    const dir = await tempDir("ingest-facts-");
    const inputs = furnishedArchive();
    await buildOnce(dir, inputs, true);
    const [folder] = await readdir(dir);
    const factsFiles = (await readdir(path.join(dir, folder))).filter((n) => n.startsWith("facts-"));
    for (const name of factsFiles) {
      const file = path.join(dir, folder, name);
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replaceAll('"lines":[', '"lines":["a planted line",'));
    }
    const usesFile = path.join(dir, folder, "word-uses.json");
    const uses = JSON.parse(await readFile(usesFile, "utf8")) as { words: string[]; files: [string, string, string][] };
    assert.deepEqual(uses.words, ["menu"]);
    await writeFile(usesFile, JSON.stringify({ ...uses, files: uses.files.map(([file, hash]) => [file, hash, "1"]) }));
    // The count of these very articles is gone: they are counted again, from their saved facts.
    await rm(path.join(dir, folder, "evidence-counted.json"));
    // (The planted evidence differs from the saved one: every article's lines are looked up again.)
    const planted = await buildOnce(dir, inputs, true);
    assert.equal(planted.stats.evidenceReused, 0);
    assert.ok(planted.result.evidence!.recurring.includes("a planted line"));
    assert.ok(!planted.result.evidence!.prefixes.includes("menu"), "every text said to use the word: not navigation");
  });

  it("decodes an article whose facts line was cut short, and writes its facts again; a removed article's facts go", async () => {
    const dir = await tempDir("ingest-facts-");
    const inputs = furnishedArchive();
    await buildOnce(dir, inputs, true);
    const [folder] = await readdir(dir);
    const shardOf = (file: string) => createHash("sha1").update(file).digest()[0] % 256;
    const factsFile = (file: string) => path.join(dir, folder, `facts-${shardOf(file)}.txt`);
    const target = factsFile("pier.txt");
    const text = await readFile(target, "utf8");
    const at = text.indexOf('"pier.txt"');
    await writeFile(target, `${text.slice(0, at + 40)}\n${text.slice(text.indexOf("\n", at) + 1)}`);
    const mended = await buildOnce(dir, inputs, true);
    assert.equal(mended.stats.decoded, 1);
    assert.deepEqual(mended.result, ingestArchive(inputs, { now: NOW }));
    assert.equal((await buildOnce(dir, inputs, true)).stats.decoded, 0, "its facts were written again");
    const fewer = inputs.filter((i) => i.file !== "bridge.txt");
    await buildOnce(dir, fewer, true);
    assert.ok(!(await readFile(factsFile("bridge.txt"), "utf8")).includes('"bridge.txt"'));
  });
});

/** One run whose memo also reads `alsoRead` (the analysis jobs' folders) and saves `keepOnly`'s files only. */
async function buildWith(dir: string | undefined, inputs: RawArticleInput[], options: { alsoRead?: string[]; keepOnly?: (file: string) => boolean } = {}) {
  const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true, ...options });
  memo.retainOnly(new Set(inputs.map((i) => i.file)));
  const result = ingestArchive(inputs, { now: NOW, memo });
  await memo.save();
  return { result, stats: { ...memo.stats } };
}

describe("the last count of the same articles", () => {
  for (const oneRun of [true, false]) {
    const kind = oneRun ? "a build's ingest process" : "a memo kept across runs";
    it(`stands for the same articles, counted again when one changed, was added or removed, or got other folder defaults (${kind})`, async () => {
      const dir = await tempDir("ingest-counted-");
      const inputs = furnishedArchive();
      const cold = await buildOnce(dir, inputs, oneRun);
      assert.equal(cold.stats.evidenceReused, 0);
      const [folder] = await readdir(dir);
      // Facts planted in the folder would change a count: none happens for the same articles.
      for (const name of (await readdir(path.join(dir, folder))).filter((n) => n.startsWith("facts-"))) {
        const file = path.join(dir, folder, name);
        await writeFile(file, (await readFile(file, "utf8")).replaceAll('"lines":[', '"lines":["a planted line",'));
      }
      const same = await buildOnce(dir, inputs, oneRun);
      assert.deepEqual({ reused: same.stats.evidenceReused, factsRead: same.stats.factsRead, decoded: same.stats.decoded }, { reused: 1, factsRead: 0, decoded: 0 });
      assert.deepEqual(same.result, cold.result);

      const cases: [string, RawArticleInput[]][] = [
        ["an edited article", inputs.map((input, i) => (i === 2 ? article(input.file, `${new TextDecoder().decode(input.bytes)}\n\nThe ferry runs late.`) : input))],
        ["an added article", [...inputs, article("zoo.txt", "Zoo gets a new gate\n\nThe zoo opened a new gate on Monday, its keeper said.")]],
        ["a removed article", inputs.slice(1)],
        ["other folder defaults", inputs.map((input, i) => (i === 0 ? { ...input, defaults: { values: { source: "Harbour Gazette" } } } : input))],
      ];
      for (const [what, changed] of cases) {
        const fresh = await tempDir("ingest-counted-");
        await buildOnce(fresh, inputs, oneRun);
        const next = await buildOnce(fresh, changed, oneRun);
        assert.equal(next.stats.evidenceReused, 0, `${what}: counted again`);
        assert.deepEqual(next.result, ingestArchive(changed, { now: NOW }), `${what}: the records a build without the memo makes`);
        // Which that count then stands for.
        const again = await buildOnce(fresh, changed, oneRun);
        assert.equal(again.stats.evidenceReused, 1, `${what}: its count stands next time`);
        assert.deepEqual(again.result, next.result);
      }
    });
  }

  it("a build's ingest process collects what a count read before the analyses, and makes no collection when the last count stands (none read)", async () => {
    const dir = await tempDir("ingest-counted-");
    const inputs = furnishedArchive();
    const exposed = Object.getOwnPropertyDescriptor(globalThis, "gc");
    let collections = 0;
    /** Full collections the evidence count of `inputs` makes, in a one-run memo of the folder (the memo's own, not the tests'). */
    const countCollections = async (archive: RawArticleInput[]) => {
      const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
      memo.retainOnly(new Set(archive.map((i) => i.file)));
      // In the order ingestArchive counts them (by file).
      const decoded = [...archive].sort((a, b) => (a.file < b.file ? -1 : 1)).map((input) => memo.decode(input, () => decodeArticle(input)));
      collections = 0;
      Object.defineProperty(globalThis, "gc", { value: () => collections++, configurable: true, writable: true });
      try {
        archiveFurnitureEvidence(decoded, memo);
      } finally {
        if (exposed) Object.defineProperty(globalThis, "gc", exposed);
        else delete (globalThis as { gc?: unknown }).gc;
      }
      return { collections, reused: memo.stats.evidenceReused };
    };
    assert.deepEqual(await countCollections(inputs), { collections: 1, reused: 0 }, "counted: collected once");
    await buildOnce(dir, inputs, true);
    assert.deepEqual(await countCollections(inputs), { collections: 0, reused: 1 }, "the count stands: nothing to collect");
  });

  it("stands for an edit that tells the count nothing new, and not for one that makes a line recurring or uses a word the count looked up", async () => {
    const dir = await tempDir("ingest-counted-");
    const inputs = furnishedArchive();
    await buildOnce(dir, inputs, true);
    const text = (i: number) => new TextDecoder().decode(inputs[i].bytes);
    // Past the first eight paragraphs, a long line: none of its evidence facts change.
    const filler = Array.from({ length: 8 }, (_, k) => `Paragraph ${k} of the report on the ferry timetable ran long, as reports on the harbour timetable often do, with many more words in it than any banner or navigation line would ever have.`);
    const longer = (tail: string) => inputs.map((input, i) => (i === 2 ? article(input.file, [text(2), ...filler, tail].join("\n\n")) : input));
    const first = longer(`The last word on the ferry was given to the harbour master at the end of a long meeting, where the members heard from every side of the long-running ferry dispute.`);
    // The edit adds long lines and new stems (too few articles for any stem to be common): the count stands.
    const counted = await buildOnce(dir, first, true);
    assert.deepEqual({ reused: counted.stats.evidenceReused, kept: counted.stats.evidenceKept }, { reused: 0, kept: 1 });
    assert.deepEqual(counted.result, ingestArchive(first, { now: NOW }));
    const quiet = longer(`The last word on the ferry was given to the harbour master at the end of a long meeting, where the members heard from every side of the long-running ferry dispute, again.`);
    const kept = await buildOnce(dir, quiet, true);
    assert.deepEqual({ reused: kept.stats.evidenceReused, kept: kept.stats.evidenceKept, decoded: kept.stats.decoded }, { reused: 0, kept: 1, decoded: 1 });
    assert.deepEqual(kept.result, ingestArchive(quiet, { now: NOW }), "the records a build without the memo makes");
    // The edited article's facts and word uses were saved under its new bytes: the count stands again, and for the next such edit.
    assert.equal((await buildOnce(dir, quiet, true)).stats.evidenceReused, 1);
    const quieter = longer(`The last word on the ferry was given to the harbour master at the end of a long meeting, where the members heard from every side of the long-running ferry dispute, again and again.`);
    assert.equal((await buildOnce(dir, quieter, true)).stats.evidenceKept, 1);

    // A short line no other article has stands as it stood (in no count's sets): the count stands.
    const fresh = await tempDir("ingest-counted-");
    await buildOnce(fresh, inputs, true);
    await buildOnce(fresh, first, true);
    const shortLine = longer("Ferries run late.");
    const lone = await buildOnce(fresh, shortLine, true);
    assert.equal(lone.stats.evidenceKept, 1, "a line in no other article");
    assert.deepEqual(lone.result, ingestArchive(shortLine, { now: NOW }));
    // The third article with the line makes it recurring: counted again.
    const endsWith = (input: RawArticleInput, line: string) => article(input.file, `${new TextDecoder().decode(input.bytes)}\n\n${line}`);
    const twoHaveIt = first.map((input, i) => (i === 0 || i === 1 ? endsWith(input, "Ferries run late.") : input));
    const third = await tempDir("ingest-counted-");
    await buildOnce(third, twoHaveIt, true);
    const threeHaveIt = twoHaveIt.map((input, i) => (i === 2 ? endsWith(input, "Ferries run late.") : input));
    const recounted = await buildOnce(third, threeHaveIt, true);
    assert.deepEqual({ reused: recounted.stats.evidenceReused, kept: recounted.stats.evidenceKept }, { reused: 0, kept: 0 }, "a third article with the line: counted again");
    assert.ok(recounted.result.evidence!.recurring.includes("ferries run late."));
    assert.deepEqual(recounted.result, ingestArchive(threeHaveIt, { now: NOW }));
    // And the line gone from one of the three again: counted again.
    const backToTwo = await buildOnce(third, twoHaveIt, true);
    assert.equal(backToTwo.stats.evidenceKept, 0, "a recurring line no longer recurring: counted again");
    assert.ok(!backToTwo.result.evidence!.recurring.includes("ferries run late."));
    assert.deepEqual(backToTwo.result, ingestArchive(twoHaveIt, { now: NOW }));
    // What the story says of its top lines (its body now names "the council" of the third line): counted again.
    const topChanged = longer(`The last word on the ferry was given to the harbour master at the end of a long meeting, where the council heard from every side of the long-running ferry dispute.`);
    const topCount = await buildOnce(fresh, topChanged, true);
    assert.equal(topCount.stats.evidenceKept, 0, "the top lines' facts changed: counted again");
    assert.deepEqual(topCount.result, ingestArchive(topChanged, { now: NOW }));
    // "Menu" starts every other article's headline, so the count looked up which texts use
    // the word: a text without that headline that starts using it is counted again.
    const zoo = (tail: string) => article("zoo.txt", ["Zoo gets a new gate", ...filler, tail].join("\n\n"));
    const withZoo = [...inputs, zoo("The keeper said the gate was the first new thing at the zoo in years, and that the animals had taken to it at once, the lions and the old grey elephants first of all.")];
    const zooDir = await tempDir("ingest-counted-");
    await buildOnce(zooDir, withZoo, true);
    // Without the word, the count stands.
    const noMenu = [...inputs, zoo("The keeper said the gate was the first new thing at the zoo in years, and that the animals had taken to it at once, the lions and the old grey elephants first of all, or not.")];
    assert.equal((await buildOnce(zooDir, noMenu, true)).stats.evidenceKept, 1);
    const usesMenu = [...inputs, zoo("The keeper said the gate was the first new thing at the zoo in years, and that the animals had taken to it at once, the lions and the old grey elephants first of all, menu or not.")];
    const recount = await buildOnce(zooDir, usesMenu, true);
    assert.deepEqual({ reused: recount.stats.evidenceReused, kept: recount.stats.evidenceKept }, { reused: 0, kept: 0 }, "a word the count looked up: counted again");
    assert.deepEqual(recount.result, ingestArchive(usesMenu, { now: NOW }));
  });

  it("stands for a sentence added to a long first paragraph, telling the common stems anew from the counts near the share", async () => {
    const dir = await tempDir("ingest-counted-");
    // Forty articles (common stems need forty): a stem in 5% of them (two) is common.
    const towns = Array.from({ length: 40 }, (_, i) => `Town${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const story = (town: string, extra = "") =>
      article(
        `${town.toLowerCase()}.txt`,
        [
          `${town} council approves budget`,
          `The council of ${town} approved its budget on Tuesday after a long debate in which every member spoke at length about the roads, the schools, the bus routes and the old harbour wall${extra}.`,
          `The mayor of ${town} said the vote was close.`,
        ].join("\n\n"),
      );
    const inputs = towns.map((town, i) => story(town, i === 0 ? ", and the quartzite quarry" : ""));
    const cold = await buildOnce(dir, inputs, true);
    assert.ok(!cold.result.evidence!.commonStems!.includes("quart"), "in one article of forty: not common");
    // A second article now names the quarry: the stem is common, and the count stands.
    const more = inputs.map((input, i) => (i === 5 ? story(towns[5], ", and the quartzite quarry") : input));
    const kept = await buildOnce(dir, more, true);
    assert.equal(kept.stats.evidenceKept, 1);
    assert.ok(kept.result.evidence!.commonStems!.includes("quart"));
    assert.deepEqual(kept.result, ingestArchive(more, { now: NOW }), "the records a build without the memo makes");
    // And back: not common again.
    const back = await buildOnce(dir, inputs, true);
    assert.equal(back.stats.evidenceKept, 1);
    assert.deepEqual(back.result, cold.result);
    assert.equal((await buildOnce(dir, inputs, true)).stats.evidenceReused, 1);
  });

  it("is not taken for an edited article whose facts were read ahead of the count (by a worker process)", async () => {
    const dir = await tempDir("ingest-counted-");
    const inputs = furnishedArchive();
    await buildOnce(dir, inputs, true);
    // The edit adds a line every article has: the evidence changes.
    const edited = inputs.map((input, i) => (i === 2 ? article(input.file, `${new TextDecoder().decode(input.bytes)}\n\nRead more harbour news`) : input));
    const withLine = edited.map((input, i) => (i < 3 ? input : article(input.file, `${new TextDecoder().decode(input.bytes)}\n\nRead more harbour news`)))
      .sort((x, y) => (x.file < y.file ? -1 : 1));
    // In the count's order (by file), with every article's facts at hand: only the edit tells the count apart.
    const memo = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun: true });
    const decoded = withLine.map((input) => memo.decode(input, () => decodeArticle(input)));
    withLine.forEach((input, i) => !inputs.includes(input) && memo.keepFacts(input, JSON.stringify(evidenceFactsOf(decoded[i].paragraphs, decoded[i].overrides.source))));
    const evidence = archiveFurnitureEvidence(decoded, memo);
    assert.equal(memo.stats.evidenceReused, 0);
    assert.deepEqual(evidence, ingestArchive(withLine, { now: NOW }).evidence);
    assert.ok(evidence.recurring.includes("read more harbour news"));
  });

  it("is read again after a count cut short on disk: the evidence is counted", async () => {
    const dir = await tempDir("ingest-counted-");
    const inputs = furnishedArchive();
    const cold = await buildOnce(dir, inputs, true);
    const [folder] = await readdir(dir);
    const file = path.join(dir, folder, "evidence-counted.json");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length / 2));
    const next = await buildOnce(dir, inputs, true);
    assert.equal(next.stats.evidenceReused, 0);
    assert.deepEqual(next.result, cold.result);
    assert.equal((await buildOnce(dir, inputs, true)).stats.evidenceReused, 1, "and written whole again");
  });
});

describe("a memo that also reads other folders (a sharded build's analysis jobs)", () => {
  it("takes their analyses, facts and word uses as its own, decoding and analysing nothing, and its save keeps them", async () => {
    const inputs = furnishedArchive();
    const half = (n: number) => (file: string) => inputs.findIndex((i) => i.file === file) % 2 === n;
    // Two jobs, each keeping its half of the files.
    const jobs = [await tempDir("ingest-job-"), await tempDir("ingest-job-")];
    for (const [n, dir] of jobs.entries()) await buildWith(dir, inputs, { keepOnly: half(n) });
    const memoryOnly = await buildWith(undefined, inputs, { alsoRead: jobs });
    assert.deepEqual({ decoded: memoryOnly.stats.decoded, analyzed: memoryOnly.stats.analyzed, reused: memoryOnly.stats.analyzeReused }, { decoded: 0, analyzed: 0, reused: inputs.length });
    // Each job counted every article: their count stands, and this memo counts nothing.
    assert.deepEqual({ evidenceReused: memoryOnly.stats.evidenceReused, factsRead: memoryOnly.stats.factsRead }, { evidenceReused: 1, factsRead: 0 });
    assert.deepEqual(memoryOnly.result, ingestArchive(inputs, { now: NOW }));
    // With a folder of its own, its save writes what it read: the next run needs nothing else.
    const own = await tempDir("ingest-cache-");
    await buildWith(own, inputs, { alsoRead: jobs });
    const next = await buildWith(own, inputs);
    assert.deepEqual({ decoded: next.stats.decoded, analyzed: next.stats.analyzed }, { decoded: 0, analyzed: 0 });
    assert.deepEqual(next.result, ingestArchive(inputs, { now: NOW }));
  });

  it("counts the evidence from their facts, decoding no text, when their count does not stand (its file gone)", async () => {
    const inputs = furnishedArchive();
    const half = (n: number) => (file: string) => inputs.findIndex((i) => i.file === file) % 2 === n;
    const jobs = [await tempDir("ingest-job-"), await tempDir("ingest-job-")];
    for (const [n, dir] of jobs.entries()) await buildWith(dir, inputs, { keepOnly: half(n) });
    for (const dir of jobs) for (const folder of await readdir(dir)) await rm(path.join(dir, folder, "evidence-counted.json"));
    const counted = await buildWith(undefined, inputs, { alsoRead: jobs });
    assert.deepEqual({ decoded: counted.stats.decoded, evidenceReused: counted.stats.evidenceReused, analyzed: counted.stats.analyzed }, { decoded: 0, evidenceReused: 0, analyzed: 0 });
    assert.deepEqual(counted.result, ingestArchive(inputs, { now: NOW }), "the count their facts give is a fresh build's");
  });

  it("names a job's facts file that changed while the build read it, and says to build again", async () => {
    const inputs = furnishedArchive();
    const job = await tempDir("ingest-job-");
    await buildWith(job, inputs);
    const [folder] = await readdir(job);
    await rm(path.join(job, folder, "evidence-counted.json"));
    const memo = await openArticleMemo({ version: "v1", now: NOW, oneRun: true, alsoRead: [job] });
    // Its facts are read (for their hashes) before the first article is decoded.
    memo.retainOnly(new Set(inputs.map((i) => i.file)));
    const facts = (await readdir(path.join(job, folder))).filter((name) => name.startsWith("facts-"));
    for (const name of facts) await writeFile(path.join(job, folder, name), "");
    assert.throws(() => ingestArchive(inputs, { now: NOW, memo }), (error: Error) => /facts-\d+\.txt changed while this build was reading it .*run the build again/.test(error.message) && error.message.includes(job));
  });

  it("a save keeps only keepOnly's files: a job's folder alone leaves the others to analyse", async () => {
    const inputs = furnishedArchive();
    const job = await tempDir("ingest-job-");
    await buildWith(job, inputs, { keepOnly: (file) => file === "pier.txt" || file === "ferry.txt" });
    const alone = await buildWith(undefined, inputs, { alsoRead: [job] });
    assert.deepEqual({ analyzed: alone.stats.analyzed, reused: alone.stats.analyzeReused }, { analyzed: inputs.length - 2, reused: 2 });
    assert.equal(alone.stats.decoded, inputs.length - 2, "the others' texts are decoded, for their facts");
    assert.deepEqual(alone.result, ingestArchive(inputs, { now: NOW }));
  });

  it("never trusts its own folder's analysis made under another evidence than theirs", async () => {
    // A label under the story: furniture while it recurs (x, y, z carry it too), kept when it is in a.txt alone.
    const label = "Harbour Notes Desk";
    const a = article("a.txt", `Pier repairs approved\n\n${body}\n\n${label}`);
    const story = (n: string, extra = "") => article(`${n}.txt`, `Story ${n}\n\n${body} ${n}.${extra}`);
    const own = await tempDir("ingest-cache-");
    await buildWith(own, [a, ...["x", "y", "z"].map((n) => story(n, `\n\n${label}`))]);
    // Now the label recurs nowhere: the jobs' evidence, and a job that kept every file but a.txt.
    const now = [a, ...["p", "q", "r"].map((n) => story(n))];
    const job = await tempDir("ingest-job-");
    await buildWith(job, now, { keepOnly: (file) => file !== "a.txt" });
    const { result, stats } = await buildWith(own, now, { alsoRead: [job] });
    assert.deepEqual(result, ingestArchive(now, { now: NOW }), "the records a build without the memo makes");
    assert.ok(result.articles.find((x) => x.record.source_file === "a.txt")!.body.some((p) => p.includes(label)), "a.txt keeps the line");
    assert.deepEqual({ analyzed: stats.analyzed, reused: stats.analyzeReused }, { analyzed: 1, reused: 3 });
  });
});

describe("the related-articles state kept between builds", () => {
  // Ten topics sharing no word: an edit to one article can change its own topic's lists only.
  const topics = ["pier", "bridge", "ferry", "harbour", "tunnel", "canal", "market", "library", "stadium", "orchard"];
  const inputs = topics.flatMap((topic) =>
    [0, 1, 2].map((k) => article(`${topic}-${k}.txt`, `${topic} ${topic}wood ${k}\n\nthe ${topic} ${topic}wood and ${topic}stone ${`${topic}rope `.repeat(k + 1)}${topic}${k}.`)),
  );
  for (const oneRun of [true, false]) {
    it(`is read back by the next build's memo, which scores again only what an edit can change and gives a fresh build's records (${oneRun ? "a build's ingest process" : "a memo kept across runs"})`, async () => {
      const dir = await tempDir("ingest-cache-");
      const first = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      const before = ingestArchive(inputs, { now: NOW, memo: first });
      assert.ok(before.articles.some((a) => a.record.related?.length), "the archive has related articles");
      await first.save();
      const second = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      assert.deepEqual(second.relatedState!()!.slugs, before.articles.map((a) => a.record.slug));
      // One more use of a word it has: its weights move, no other article's.
      const edited = inputs.map((input) => (input.file === "ferry-2.txt" ? article(input.file, `${new TextDecoder().decode(input.bytes)} ferrystone.`) : input));
      const warm = ingestArchive(edited, { now: NOW, memo: second });
      assert.equal(lastRun.updated, true, "the pass started from the kept state");
      assert.ok(lastRun.scored <= 3, `${lastRun.scored} scored again: the ferry articles at most`);
      assert.deepEqual(warm, ingestArchive(edited, { now: NOW }));
      await second.save();
      // A planted list shows the kept state is what the next run uses.
      const third = await openArticleMemo({ dir, version: "v1", now: NOW, oneRun });
      const state = third.relatedState!()!;
      const pier = state.slugs.findIndex((slug) => slug.includes("pier"));
      const bridge = state.slugs.findIndex((slug) => slug.includes("bridge"));
      state.results.fill(-1, pier * 5, pier * 5 + 5);
      state.results[pier * 5] = bridge;
      const planted = ingestArchive(edited, { now: NOW, memo: third });
      assert.deepEqual(planted.articles[pier].record.related, [state.slugs[bridge]]);
      // Another code version keeps none.
      const other = await openArticleMemo({ dir, version: "v2", now: NOW, oneRun });
      assert.equal(other.relatedState!(), undefined);
      await rm(dir, { recursive: true, force: true });
    });
  }
});
