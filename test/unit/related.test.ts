import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { availableParallelism } from "node:os";
import { CANDIDATES_RESCORED, contentWords, dayNumber, findRelated, lastRun, MIN_ARTICLES_FOR_HELPER, MIN_SIMILARITY, NAME_WEIGHT, OTHER_SECTION_FACTOR, relatedHelperReady, relatedScoringJob, RELATIVE_FLOOR, TAG_WEIGHT, timeFactor, type ContentWords, type RelatedInput } from "../../src/ingest/related.ts";
import { chunkCount, scoreClaimedChunks, scoreUnfinishedChunks } from "../../src/ingest/related-scoring.ts";
import { linksBySlug } from "../../src/site/related.ts";
import { mulberry32 } from "../../scripts/seeded-random.ts";

function article(slug: string, words: string, fields: Partial<RelatedInput> = {}): RelatedInput {
  const counts = new Map<string, number>();
  for (const w of words.split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { slug, names: [], tags: [], terms: { keys: [...counts.keys()], counts: [...counts.values()] }, ...fields };
}

/** Content words by word. */
function asMap(words: ContentWords): Map<string, number> {
  return new Map(words.keys.map((key, i) => [key, words.counts[i]]));
}

describe("related articles", () => {
  it("relate articles about the same thing, never an article to itself", () => {
    const articles = [
      article("harbor-1", "harbor dredging silt channel ships council"),
      article("harbor-2", "harbor dredging silt channel pier council"),
      article("harbor-3", "harbor dredging channel ships pier council"),
      article("school-1", "school budget teachers pupils classrooms council"),
      article("school-2", "school budget teachers pupils buses council"),
      article("school-3", "school budget pupils buses classrooms council"),
    ];
    const related = findRelated(articles);
    for (const [i, list] of related.entries()) {
      const topic = articles[i].slug.split("-")[0];
      assert.ok(list.length > 0, articles[i].slug);
      assert.ok(!list.includes(articles[i].slug));
      for (const slug of list) assert.equal(slug.split("-")[0], topic, `${articles[i].slug} → ${slug}`);
    }
  });

  it("show none rather than an unrelated article", () => {
    const related = findRelated([
      article("a", "harbor dredging silt channel"),
      article("b", "harbor dredging silt channel"),
      article("lonely", "volcano lava ash eruption council"),
      article("c", "council budget roads potholes"),
      article("d", "council budget roads potholes"),
    ]);
    assert.deepEqual(related[2], []);
  });

  it("weigh a rare shared word above a common one", () => {
    const common = Array.from({ length: 8 }, (_, i) => article(`common-${i}`, `council meeting agenda${i} minutes${i}`));
    const related = findRelated([article("base", "council zeppelin hangar"), article("rare", "zeppelin hangar airship"), ...common]);
    assert.equal(related[0][0], "rare");
  });

  it("count a shared name or tag for more than a shared word as rare", () => {
    const base = article("base", "bridge repairs", { names: ["person:Ada Lindqvist"], tags: ["ferries"] });
    const byName = article("by-name", "lighthouse paint", { names: ["person:Ada Lindqvist"] });
    const byTag = article("by-tag", "lighthouse keeper", { tags: ["ferries"] });
    const byWord = article("by-word", "bridge lighthouse");
    const [list] = findRelated([base, byName, byTag, byWord], { minSimilarity: 0 });
    assert.ok(NAME_WEIGHT > TAG_WEIGHT && TAG_WEIGHT > 1);
    assert.deepEqual(list.slice(0, 2), ["by-name", "by-tag"], JSON.stringify(list));
  });

  it("prefer the same section, and the nearer in time", () => {
    const words = "harbor dredging silt channel";
    const same = findRelated([
      article("base", words, { section: "economy", date: "2017-02-08" }),
      article("other-section", words, { section: "sport", date: "2017-02-08" }),
      article("same-section", words, { section: "economy", date: "2017-02-08" }),
    ]);
    assert.deepEqual(same[0], ["same-section", "other-section"]);
    const time = findRelated([
      article("base", words, { date: "2017-02-08" }),
      article("years-away", words, { date: "2012-02-08" }),
      article("next-day", words, { date: "2017-02-09" }),
    ]);
    assert.equal(time[0][0], "next-day");
    assert.ok(OTHER_SECTION_FACTOR < 1);
    assert.equal(timeFactor(dayNumber("2017-02-08"), dayNumber("2017-02-08")), 1);
    assert.ok(timeFactor(dayNumber("2017-02-08"), dayNumber("2012-02-08")) < 0.55);
    assert.equal(timeFactor(dayNumber(undefined), dayNumber("2017-02-08")), 0.75);
  });

  it("keep at most five, none far below the best", () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`a${String(i).padStart(2, "0")}`, "harbor dredging silt channel"));
    for (const list of findRelated(many)) assert.equal(list.length, 5);
    const [list] = findRelated([
      article("base", "harbor dredging silt channel pier ships"),
      article("close", "harbor dredging silt channel pier ships"),
      article("weak", "harbor pier lighthouse keeper"),
      article("x", "lighthouse keeper"),
      article("y", "dredging tugboat"),
    ]);
    assert.deepEqual(list, ["close"], `a match under ${RELATIVE_FLOOR} of the best is left out`);
  });

  it("on archives small enough to look up every feature, agree with comparing every pair", () => {
    const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const arbArticle = fc.record({
      words: fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 }),
      counts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }),
      section: fc.constantFrom("politics", "sport", undefined),
      day: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbArticle, { minLength: 2, maxLength: 150 }), (rows) => {
        const articles: RelatedInput[] = rows.map((r, i) => ({
          slug: `s${String(i).padStart(3, "0")}`,
          section: r.section,
          date: r.day === undefined ? undefined : new Date(Date.UTC(2010, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
          names: [],
          tags: [],
          terms: { keys: r.words, counts: r.counts },
        }));
        const fast = findRelated(articles);
        articles.forEach((a, i) => assert.deepEqual(fast[i], bruteForce(a, articles), a.slug));
        // Lists as long as the candidates rescored: every shortcut that skips a candidate
        // while the list is full must skip only those that could not enter it.
        const long = findRelated(articles, { limit: CANDIDATES_RESCORED });
        articles.forEach((a, i) => assert.deepEqual(long[i], bruteForce(a, articles, CANDIDATES_RESCORED), `${a.slug}, ${CANDIDATES_RESCORED} at most`));
      }),
      { numRuns: 30 },
    );
  });

  it("keep a strong candidate found late, after a crowd of weaker ones filled the list", () => {
    // The crowd shares base's strongest word, so it is found first and fills the list of
    // candidates; the late one shares only weaker words, but more of them.
    fc.assert(
      fc.property(
        fc.record({
          crowd: fc.integer({ min: CANDIDATES_RESCORED, max: CANDIDATES_RESCORED + 5 }),
          crowdOwn: fc.integer({ min: 0, max: 6 }),
          strongUses: fc.integer({ min: 1, max: 3 }),
          weak: fc.integer({ min: 2, max: 10 }),
          lateOwn: fc.integer({ min: 0, max: 6 }),
          noise: fc.integer({ min: 0, max: 30 }),
        }),
        ({ crowd, crowdOwn, strongUses, weak, lateOwn, noise }) => {
          const weakWords = Array.from({ length: weak }, (_, i) => `weak${i}`);
          const own = (name: string, k: number) => Array.from({ length: k }, (_, i) => `${name}own${i}`);
          const articles = [
            article("base", [...Array(strongUses).fill("strong"), ...weakWords].join(" ")),
            ...Array.from({ length: crowd }, (_, c) => article(`c${String(c).padStart(2, "0")}`, ["strong", ...own(`c${c}`, crowdOwn)].join(" "))),
            article("late", [...weakWords, ...own("late", lateOwn)].join(" ")),
            ...Array.from({ length: noise }, (_, k) => article(`n${String(k).padStart(2, "0")}`, [weakWords[k % weak], ...own(`n${k}`, 3)].join(" "))),
          ];
          const related = findRelated(articles, { limit: CANDIDATES_RESCORED, minSimilarity: 0 });
          assert.deepEqual(related[0], bruteForce(articles[0], articles, CANDIDATES_RESCORED, 0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("count a name or tag listed twice in an article once (front matter edited by hand can repeat one)", () => {
    const people = ["person:Ana Ruiz", "person:Tom Bell", "person:Lee Chan", "person:Mo Diaz", "person:Kai Ito", "org:Harbour Board", "org:City Council", "place:Port Ellis", "place:Lower Bay"];
    const topics = ["harbour", "budget", "schools"];
    const arbArticle = fc.record({
      words: fc.uniqueArray(fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `w${i}`)), { minLength: 1, maxLength: 10 }),
      names: fc.uniqueArray(fc.constantFrom(...people), { maxLength: 3 }),
      tags: fc.uniqueArray(fc.constantFrom(...topics), { maxLength: 2 }),
    });
    let related = 0;
    fc.assert(
      fc.property(fc.array(arbArticle, { minLength: 2, maxLength: 80 }), (rows) => {
        const articles = rows.map((r, i) => article(`s${String(i).padStart(3, "0")}`, r.words.join(" "), { names: r.names, tags: r.tags }));
        const once = findRelated(articles);
        // Every other article repeats its names and tags.
        const twice = findRelated(articles.map((a, i) => (i % 2 ? a : { ...a, names: [...a.names, ...a.names], tags: [...a.tags, ...a.tags] })));
        assert.deepEqual(twice, once);
        related += once.filter((list) => list.length > 0).length;
      }),
      { numRuns: 40 },
    );
    assert.ok(related > 100, `articles drawn have related articles (${related})`);
  });
});

/**
 * An archive big enough for the helper thread: topics of shared words, names and tags,
 * dates over a few years, sections, and some articles told twice (same story).
 */
function generatedArchive(count: number, seed: number): RelatedInput[] {
  const random = mulberry32(seed);
  const next = (k: number) => Math.floor(random() * k);
  let previous: string[] = [];
  return Array.from({ length: count }, (_, i) => {
    const topic = next(60);
    // One in ten is the last one's story told again: its words with one more.
    const retold = i > 0 && next(10) === 0;
    const words = retold ? [...previous, `t${topic}w${next(30)}`] : Array.from({ length: 8 + next(20) }, () => (next(3) === 0 ? `common${next(40)}` : `t${topic}w${next(30)}`));
    previous = words;
    const slug = `a${String(i).padStart(5, "0")}`;
    return article(slug, words.join(" "), {
      names: next(2) ? [`person:P${topic}-${next(5)}`] : [],
      tags: next(2) ? [`tag${topic}`] : [],
      date: next(4) ? `20${10 + next(5)}-0${1 + next(9)}-1${next(9)}` : undefined,
      section: ["politics", "sport", undefined][next(3)],
      sameStory: retold ? [`a${String(i - 1).padStart(5, "0")}`] : undefined,
    });
  });
}

describe("related articles on two threads", () => {
  it("give the lists one thread gives, with a helper thread scoring a share", async (t) => {
    if (availableParallelism() < 2) return t.skip("one core: no helper thread");
    assert.equal(await relatedHelperReady(), true, "the helper thread starts and loads");
    const articles = generatedArchive(MIN_ARTICLES_FOR_HELPER + 2500, 7);
    const alone = findRelated(articles, { helper: false });
    assert.equal(lastRun.scoredHere, lastRun.chunks, "helper: false scores every chunk here");
    assert.ok(alone.filter((list) => list.length > 0).length > articles.length / 2, "most articles have related ones");
    // The helper gets its share as soon as the job is posted; on a busy machine it may get none, so a few tries.
    let shared = false;
    for (let attempt = 0; attempt < 5 && !shared; attempt++) {
      // Each pass stops its helper; the next is started and waited for.
      assert.equal(await relatedHelperReady(), true);
      const both = findRelated(articles);
      assert.deepEqual(both, alone);
      shared = lastRun.scoredHere < lastRun.chunks;
    }
    assert.ok(shared, "the helper thread scored some chunks");
  });

  it("score again every chunk a helper claimed but did not finish", () => {
    const articles = generatedArchive(700, 11);
    const expected = findRelated(articles, { helper: false });
    const job = relatedScoringJob(articles);
    // A helper claimed every chunk and finished only the even ones, then stopped.
    scoreClaimedChunks(job);
    const chunks = chunkCount(job);
    assert.ok(chunks > 4);
    for (let chunk = 1; chunk < chunks; chunk += 2) {
      job.chunkDone[chunk] = 0;
      job.results.fill(3, chunk * job.chunkSize * job.limit, (chunk + 1) * job.chunkSize * job.limit);
    }
    scoreUnfinishedChunks(job);
    const lists = articles.map((_, i) => [...job.results.subarray(i * job.limit, (i + 1) * job.limit)].filter((j) => j >= 0).map((j) => articles[j].slug));
    assert.deepEqual(lists, expected);
    // A chunk finished is left as it is (the caller scores only what no thread finished).
    job.results.fill(3, 0, job.chunkSize * job.limit);
    scoreUnfinishedChunks(job);
    assert.equal(job.results[0], 3);
  });

  it("writes only final values into the lists (another thread may be scoring the same articles at that moment)", () => {
    const articles = generatedArchive(500, 3);
    const finished = relatedScoringJob(articles);
    scoreUnfinishedChunks(finished);
    const job = relatedScoringJob(articles);
    const real = job.results;
    const wrong: string[] = [];
    const check = (at: number, value: number) => {
      if (finished.results[at] !== value) wrong.push(`slot ${at}: ${value}, finally ${finished.results[at]}`);
    };
    // The second scoring starts from the first one's lists, as if a thread had just finished them.
    real.set(finished.results);
    job.results = new Proxy(real, {
      set(target, key, value: number) {
        check(Number(key), value);
        target[Number(key)] = value;
        return true;
      },
      get(target, key) {
        if (key === "fill") {
          return (value: number, start = 0, end = target.length) => {
            for (let at = start; at < end; at++) check(at, value);
            return target.fill(value, start, end);
          };
        }
        const field = Reflect.get(target, key, target) as unknown;
        return typeof field === "function" ? (field as (...args: unknown[]) => unknown).bind(target) : field;
      },
    });
    scoreUnfinishedChunks(job);
    assert.deepEqual(wrong.slice(0, 3), []);
    assert.deepEqual([...real], [...finished.results]);
    assert.ok(finished.results.some((j) => j >= 0));
  });

  it("never relate an article to one of its same story, whichever thread scores it", () => {
    const articles = generatedArchive(3000, 5);
    const retold = articles.filter((a) => a.sameStory?.length).length;
    assert.ok(retold > 100, `stories told twice (${retold})`);
    // Told twice, the two would be each other's first related article.
    const unmarked = findRelated(articles.map((a) => ({ ...a, sameStory: undefined })));
    assert.ok(articles.filter((a, i) => a.sameStory?.some((slug) => unmarked[i].includes(slug))).length > retold / 2);
    for (const [i, list] of findRelated(articles).entries()) {
      for (const slug of articles[i].sameStory ?? []) assert.ok(!list.includes(slug), `${articles[i].slug} lists ${slug}`);
    }
  });
});

/** The O(n²) definition the inverted index must reproduce (all features visited). */
function bruteForce(a: RelatedInput, all: RelatedInput[], limit = 5, minSimilarity = MIN_SIMILARITY): string[] {
  const n = all.length;
  const df = new Map<string, number>();
  for (const x of all) for (const key of x.terms.keys) df.set(key, (df.get(key) ?? 0) + 1);
  const vector = (x: RelatedInput) => {
    const v = new Map<string, number>();
    for (const [key, count] of asMap(x.terms)) v.set(key, (1 + Math.log(count)) * Math.log(1 + n / df.get(key)!));
    return v;
  };
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const va = vector(a);
  const scored = all
    .filter((b) => b !== a)
    .map((b) => {
      const vb = vector(b);
      let dot = 0;
      for (const [k, w] of va) dot += w * (vb.get(k) ?? 0);
      // Only words two articles share can match; words of one article alone still lengthen it.
      const shared = [...va.keys()].some((k) => df.get(k)! >= 2) && [...vb.keys()].some((k) => df.get(k)! >= 2);
      const cosine = shared && dot ? dot / (norm(va) * norm(vb)) : 0;
      const section = a.section && b.section && a.section !== b.section ? OTHER_SECTION_FACTOR : 1;
      return { slug: b.slug, score: cosine * section * timeFactor(dayNumber(a.date), dayNumber(b.date)) };
    })
    .filter((s) => s.score > 0 && s.score >= minSimilarity)
    .sort((x, y) => y.score - x.score || (x.slug < y.slug ? -1 : 1));
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= RELATIVE_FLOOR * best).slice(0, limit).map((s) => s.slug);
}

describe("content words for matching", () => {
  it("count lowercase words and wire abbreviations, headline words double, never stopwords or names", () => {
    const words = asMap(contentWords({ title: "ACME SETS QUARTERLY DIVIDEND", paragraphs: ["Acme Corp said its quarterly dividend is 12 cts a share, the dividend payable in April."] }));
    assert.equal(words.get("dividend"), 4);
    assert.equal(words.get("cts"), 1);
    assert.ok(!words.has("the") && !words.has("said"));
    assert.ok(!words.has("april"), "a capitalized body word is a name or a month, not content");
  });
});

describe("related links on the site", () => {
  it("turn stored slugs into links, in order, leaving out slugs no article has", () => {
    const links = linksBySlug([{ slug: "a" }, { slug: "b" }], (x) => ({ title: x.slug.toUpperCase(), url: `/articles/${x.slug}/` }));
    assert.deepEqual(links(["b", "gone", "a"]), [{ title: "B", url: "/articles/b/" }, { title: "A", url: "/articles/a/" }]);
    assert.deepEqual(links(undefined), []);
  });
});

// ---------------------------------------------------------------------------
// The approximations (features looked up, terms kept, candidates rescored) and the
// content words, each pinned by what a reader would see change.

describe("related articles: what is looked up and kept", () => {
  const words = (prefix: string, n: number, count = 1) => Array.from({ length: n }, (_, i) => Array(count).fill(`${prefix}${i}`).join(" ")).join(" ");

  it("never show an article told as the same story elsewhere", () => {
    const text = "harbor dredging silt channel";
    const related = findRelated([article("base", text, { sameStory: ["twin"] }), article("twin", text), article("other", text)]);
    assert.deepEqual(related[0], ["other"]);
  });

  it("break ties by slug, whatever order the articles come in", () => {
    const many = Array.from({ length: 8 }, (_, i) => article(`a${i}`, "harbor dredging silt channel"));
    for (const order of [many, [...many].reverse()]) {
      const related = findRelated(order);
      const a7 = order.findIndex((a) => a.slug === "a7");
      assert.deepEqual(related[a7], ["a0", "a1", "a2", "a3", "a4"]);
    }
  });

  it("keep an article's 60 strongest shared words: a weak 61st word links nothing, and words of its own never crowd out shared ones", () => {
    // base and twin share 60 words used twice; base and weak share one word used once, written first.
    const base = article("base", `faint ${words("strong", 60, 2)} ${words("own", 80)}`);
    const twin = article("twin", words("strong", 60, 2));
    const weak = article("weak", "faint lonely");
    const related = findRelated([base, twin, weak], { minSimilarity: 0 });
    assert.deepEqual(related[0], ["twin"]);
    assert.deepEqual(related[2], [], "base keeps only its 60 strongest shared words, so the weak link is gone");
    // With 59 strong words the weak one is the 60th and kept.
    const related59 = findRelated([article("base", `${words("strong", 59, 2)} faint ${words("own", 80)}`), article("twin", words("strong", 59, 2)), weak], { minSimilarity: 0 });
    assert.deepEqual(related59[2], ["base"]);
  });

  it("keep names however many words an article has", () => {
    const base = article("base", words("strong", 70, 10), { names: ["person:Ada Lindqvist"] });
    const twin = article("twin", words("strong", 70, 10));
    const named = article("named", "lighthouse", { names: ["person:Ada Lindqvist"] });
    assert.deepEqual(findRelated([base, twin, named], { minSimilarity: 0 })[2], ["base"]);
  });

  it("look up an article's 30 strongest features only", () => {
    // base shares 30 words with 15 articles (two each), and a word that three articles use, so weaker, with two more.
    const base = article("base", `faint ${words("strong", 30)}`);
    const others = Array.from({ length: 15 }, (_, i) => article(`s${String(i).padStart(2, "0")}`, `strong${2 * i} strong${2 * i + 1}`));
    const related = findRelated([base, ...others, article("weak1", "faint"), article("weak2", "faint")], { minSimilarity: 0, limit: 40 });
    assert.deepEqual(related[0], others.map((a) => a.slug));
    // Visited, the weaker word would have linked both (0.61 of the best score, over the 0.5 floor).
  });

  it("do not look up a word on more than 200 articles (it still counts in the score)", () => {
    const crowd = Array.from({ length: 210 }, (_, i) => article(`c${String(i).padStart(3, "0")}`, `council own${i}`));
    const related = findRelated([article("base", "council"), ...crowd], { minSimilarity: 0 });
    assert.deepEqual(related[0], []);
    // At 200 articles it is looked up.
    const fewer = findRelated([article("base", "council"), ...crowd.slice(0, 199)], { minSimilarity: 0 });
    assert.equal(fewer[0].length, 5);
  });

  it("rescore the best candidates by their partial score, so the best match is kept among many weak ones", () => {
    // 30 articles share a common word with base (looked up first, being heavier in base); one shares a rare word.
    const crowd = Array.from({ length: 30 }, (_, i) => article(`c${String(i).padStart(2, "0")}`, `alpha own${i}a own${i}b own${i}c`));
    const base = article("base", `${Array(30).fill("alpha").join(" ")} omega`);
    const related = findRelated([base, ...crowd, article("close", "omega")]);
    assert.deepEqual(related[0], ["close"]);
  });

  it("fade nearness in time over months: a day apart counts nearly in full, half a year apart about two thirds, years apart half", () => {
    const day = (date: string) => dayNumber(date);
    assert.equal(day("2017-02-01") - day("2017-01-31"), 1);
    assert.equal(day("2017-03-01") - day("2017-02-28"), 1);
    assert.equal(day("2017"), day("2017-01-01"));
    assert.equal(day("2017-03"), day("2017-03-01"));
    assert.ok(timeFactor(day("2017-02-08"), day("2017-02-09")) > 0.99);
    const halfYear = timeFactor(day("2017-01-01"), day("2017-06-30"));
    assert.ok(halfYear > 0.65 && halfYear < 0.7, String(halfYear));
    assert.ok(timeFactor(day("2012-01-01"), day("2017-01-01")) < 0.51);
  });
});

describe("content words for matching: what counts", () => {
  it("leave out two-letter words, words with digits, capitalized words of the body, and punctuation, stopwords and numbers of the headline", () => {
    const words = asMap(contentWords({ title: "HARBOR, THE 12 DREDGING", paragraphs: ["An ox pulled 3rd mp3 carts for Acme Corp near the cafe\u0301s."] }));
    assert.deepEqual([...words.keys()].sort(), ["cafe\u0301s", "carts", "dredging", "harbor", "pulled"].sort());
    assert.equal(words.get("harbor"), 2);
  });

  it("read a runaway headline for its first 2,000 characters", () => {
    const words = contentWords({ title: `${"filler ".repeat(300)}harbor`, paragraphs: [] });
    assert.ok(!words.keys.includes("harbor"));
  });

  it("keep the 150 most used words, ties in string order, whatever order the text has them in", () => {
    const list = Array.from({ length: 160 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    for (const order of [list, [...list].reverse()]) {
      const kept = contentWords({ title: "", paragraphs: [`${order.join(" ")} harbor harbor`] });
      assert.equal(kept.keys.length, 150);
      assert.equal(kept.counts.length, 150);
      assert.deepEqual([kept.keys[0], kept.counts[0]], ["harbor", 2]);
      assert.deepEqual(kept.keys.slice(1), [...list].sort().slice(0, 149));
    }
  });
});
