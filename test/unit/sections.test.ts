import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifySection, isLexiconWord, NARROW_MARGIN } from "../../src/ingest/sections.ts";
import { FALLBACK_SECTION, parseSection, SECTIONS, SECTION_IDS } from "../../src/ingest/section-taxonomy.ts";
import { ingestArchive } from "../../src/ingest/pipeline.ts";
import { CORPUS_DIR, corpusMissing } from "../helpers/corpus.ts";

const section = (title: string, ...paragraphs: string[]) => classifySection({ title, paragraphs }).section;
const scoreOf = (result: ReturnType<typeof classifySection>, id: string) => result.scores[SECTIONS.findIndex((s) => s.id === id)];

test("each broad desk gets the stories written in its words", () => {
  assert.equal(section("Senate passes budget bill", "Senators voted 52 to 48 after the campaign for the election began; the Republican leader said the vote was close."), "politics");
  assert.equal(section("Widget maker's profit jumps", "The company said quarterly earnings rose 12 percent as shareholders welcomed the dividend."), "economy");
  assert.equal(section("Rovers win cup final", "The striker scored twice in extra time as the league champions lifted the trophy in front of their fans."), "sport");
  assert.equal(section("New film tops box office", "The actress and her co-star attended the premiere; the director said the movie's soundtrack album would follow."), "arts");
  assert.equal(section("Phone makers bet on software", "The smartphone will run new software and connect to broadband internet, the technology firm told users."), "science");
});

test("narrow sections get the stories that are clearly theirs", () => {
  assert.equal(section("Man jailed for murder", "The jury returned a guilty verdict and the judge sentenced him to life in prison; prosecutors said the murder was planned."), "crime");
  assert.equal(section("Hospital warns of flu outbreak", "Doctors and nurses treated hundreds of patients as the influenza epidemic spread; the hospital urged vaccination."), "health");
  assert.equal(section("Quake leaves thousands homeless", "The earthquake and the tsunami that followed forced an evacuation; rescuers searched the debris as the death toll rose."), "disaster");
  assert.equal(section("Troops advance on rebel town", "Soldiers and armoured units shelled militant positions; the army said the rebels had broken the ceasefire."), "conflict");
});

test("a story about policy in a narrow field stays with the broad desk unless the narrow evidence is clearly stronger", () => {
  // Schools vocabulary, but a parliamentary story: MPs, ministers, a vote, an election promise.
  const text = "MPs voted on the education minister's plan for schools after the opposition party attacked it in parliament; the prime minister promised the election manifesto would keep it.";
  const result = classifySection({ title: "Parliament votes on schools plan", paragraphs: [text] });
  assert.ok(scoreOf(result, "education") > 0, "the schools words count for education");
  assert.ok(scoreOf(result, "education") < NARROW_MARGIN * scoreOf(result, "politics"));
  assert.equal(result.section, "politics");
});

test("the headline counts more than a passing mention further down", () => {
  const body = ["The chief executive said the company would not comment.", "Later, the striker's goal was replayed on screens."];
  assert.equal(section("Striker scores winning goal in cup final", ...body), "sport");
  assert.equal(section("Company profit falls as shares slide", ...body), "economy");
});

test("a word counts most in the headline, then in the first paragraphs, then further down", () => {
  const inTitle = scoreOf(classifySection({ title: "Cricket", paragraphs: ["Xyzzy."] }), "sport");
  const inLead = scoreOf(classifySection({ title: "", paragraphs: ["Cricket."] }), "sport");
  const later = scoreOf(classifySection({ title: "", paragraphs: ["Xyzzy.", "Plugh.", "Cricket."] }), "sport");
  assert.ok(inTitle > inLead && inLead > later && later > 0, `${inTitle} ${inLead} ${later}`);
});

test("a capitalized entry matches only as written: the Labour party is politics, labour markets are not", () => {
  const party = classifySection({ title: "", paragraphs: ["Labour and the Tories clashed again."] });
  assert.equal(party.section, "politics");
  assert.equal(scoreOf(party, "labour"), 0);
  const work = classifySection({ title: "", paragraphs: ["The labour market tightened as unemployment fell and wages rose."] });
  assert.equal(scoreOf(work, "politics"), 0);
  assert.ok(scoreOf(work, "labour") > 0);
});

test("a stem matches its endings, and a phrase only its words in a row", () => {
  assert.ok(scoreOf(classifySection({ title: "", paragraphs: ["The prosecutors prosecuted."] }), "crime") > 0);
  const phrase = classifySection({ title: "", paragraphs: ["The white house stood near a house painted white."] });
  assert.ok(scoreOf(phrase, "politics") > 0);
  const apart = classifySection({ title: "", paragraphs: ["A house painted white."] });
  assert.equal(scoreOf(apart, "politics"), 0);
});

test("a word repeated counts for more than once but less than its number of repeats", () => {
  const once = scoreOf(classifySection({ title: "", paragraphs: ["The cricket."] }), "sport");
  const ten = scoreOf(classifySection({ title: "", paragraphs: ["The cricket. ".repeat(10)] }), "sport");
  assert.ok(ten > once && ten < 10 * once, `${once} ${ten}`);
});

test("an article without a single cue gets the fallback section", () => {
  assert.equal(section("Hmm", "Xyzzy plugh."), FALLBACK_SECTION);
  assert.ok(SECTION_IDS.includes(FALLBACK_SECTION));
});

test("a section is read from its id or its name in any case, and nothing else", () => {
  assert.equal(parseSection("Politics"), "politics");
  assert.equal(parseSection(" economy, business and finance "), "economy");
  assert.equal(parseSection("SPORT"), "sport");
  // By id where the name is longer: "economy" is "Economy, business and finance".
  assert.equal(parseSection("Economy"), "economy");
  assert.equal(parseSection("sports news"), undefined);
});

test("front matter's section overrides the one read from the text, and a wrong one is an error naming the file and the choices", () => {
  const text = "---\nsection: Arts, culture and entertainment\n---\nSenate passes budget bill\n\nSenators voted after the election campaign.\n";
  const ok = ingestArchive([{ file: "a.txt", bytes: new TextEncoder().encode(text) }], { now: new Date("2026-01-01") });
  assert.equal(ok.articles[0].record.section, "arts");
  const plain = ingestArchive([{ file: "b.txt", bytes: new TextEncoder().encode(text.replace(/^---[\s\S]*?---\n/, "")) }], { now: new Date("2026-01-01") });
  assert.equal(plain.articles[0].record.section, "politics");
  const bad = ingestArchive([{ file: "c.txt", bytes: new TextEncoder().encode(text.replace("Arts, culture and entertainment", "gossip")) }], { now: new Date("2026-01-01") });
  assert.equal(bad.articles.length, 0);
  assert.match(bad.errors[0].message, /c\.txt/);
  assert.match(bad.errors[0].message, /section.*politics.*sport/);
});

test("at least 90% of BBC articles land in the section of their BBC category", { skip: corpusMissing }, () => {
  const desk: Record<string, string> = { business: "economy", politics: "politics", sport: "sport", tech: "science", entertainment: "arts" };
  const metas = readFileSync(join(CORPUS_DIR, "bbc/meta.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { file: string; category: string });
  let agree = 0;
  const sample = metas.filter((_, i) => i % 3 === 0);
  for (const meta of sample) {
    const lines = readFileSync(join(CORPUS_DIR, "bbc", meta.file), "utf8").split("\n");
    if (section(lines[0], ...lines.slice(1).filter((l) => l.trim())) === desk[meta.category]) agree++;
  }
  assert.ok(agree / sample.length >= 0.9, `${((100 * agree) / sample.length).toFixed(1)}% of ${sample.length}`);
});

test("the lexicon is well formed: unique ids, stems of four letters or more, no term twice in one section", () => {
  const data = JSON.parse(readFileSync(new URL("../../data/sections.json", import.meta.url), "utf8")) as { sections: { id: string; terms: Record<string, string[]> }[] };
  assert.equal(new Set(data.sections.map((s) => s.id)).size, data.sections.length);
  for (const s of data.sections) {
    const all = Object.values(s.terms).flat();
    assert.equal(new Set(all).size, all.length, `${s.id} lists a term twice`);
    for (const term of all) if (term.endsWith("*")) assert.ok(term.length >= 5, `${s.id}: the stem "${term}" is too short to be safe`);
  }
});

test("a stem matches the word it is, and phrases match at the end of a paragraph, with a stem inside, or only as written when capitalized", () => {
  // "jail*" and "golf*": the bare word is its own stem.
  assert.ok(scoreOf(classifySection({ title: "", paragraphs: ["He went to jail"] }), "crime") > 0);
  assert.ok(isLexiconWord("golf") && isLexiconWord("golfers") && isLexiconWord("terrorism"));
  assert.ok(!isLexiconWord("event") && !isLexiconWord("gol") && !isLexiconWord("basement"));
  // A paragraph that ends on a phrase's first word is read without error, and scores nothing for it.
  assert.equal(scoreOf(classifySection({ title: "", paragraphs: ["The wall was painted white"] }), "politics"), 0);
  assert.ok(scoreOf(classifySection({ title: "", paragraphs: ["The liberal democrats met."] }), "politics") > 0);
  const cased = scoreOf(classifySection({ title: "", paragraphs: ["They joined the Conservative Party."] }), "politics");
  assert.ok(cased > scoreOf(classifySection({ title: "", paragraphs: ["They joined the conservative party."] }), "politics"));
});

test("narrow evidence alone decides, and equal broad desks go to the first listed", () => {
  assert.equal(section("", "The jury heard the murder trial."), "crime");
  for (const text of ["The senate and the football.", "The football and the senate."]) {
    const tie = classifySection({ title: "", paragraphs: [text] });
    assert.equal(scoreOf(tie, "politics"), scoreOf(tie, "sport"));
    assert.equal(tie.section, "politics", text);
  }
});

test("a term listed under two sections counts for both; a plain word counts at a sentence's start; a three-word phrase only in order", () => {
  const immigration = classifySection({ title: "", paragraphs: ["The immigration debate."] });
  assert.ok(scoreOf(immigration, "politics") > 0 && scoreOf(immigration, "society") > 0);
  assert.ok(scoreOf(classifySection({ title: "", paragraphs: ["Senate votes."] }), "politics") > 0);
  assert.ok(scoreOf(classifySection({ title: "", paragraphs: ["Labour won the seat."] }), "politics") > 0);
  const phrase = scoreOf(classifySection({ title: "", paragraphs: ["The secretary of state spoke."] }), "politics");
  const scattered = scoreOf(classifySection({ title: "", paragraphs: ["The secretary spoke of the state."] }), "politics");
  assert.ok(phrase > 2 * scattered, `${phrase} ${scattered}`);
});
