import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extractTagCandidates, chooseTags, maxDistinctTags, singularize, type TagCandidates } from "../../src/ingest/tags.ts";

function article(title: string, ...paragraphs: string[]) {
  return extractTagCandidates({ title, paragraphs });
}

test("singular and plural are one tag, named by the form the archive uses most", () => {
  const tags = chooseTags([
    article("", "The sanctuary cities refused. Other sanctuary cities agreed.", "One sanctuary city sued."),
    article("", "A sanctuary city law passed. The sanctuary cities objected."),
  ]);
  assert.ok(tags[0].includes("sanctuary cities"));
  assert.ok(tags[1].includes("sanctuary cities"));
  assert.ok(!tags.flat().includes("sanctuary city"));
});

test("a phrase several articles share wins over a one-off phrase", () => {
  const shared = "The executive order was signed. Critics of the executive order protested.";
  const tags = chooseTags(
    [
      article("", shared, "The garden gnome was stolen. Another garden gnome vanished."),
      article("", shared),
      article("", "The executive order stands."),
    ],
    { perArticle: 1 },
  );
  assert.deepEqual(tags[0], ["executive order"]);
});

test("names, numbers and stopwords never become tags", () => {
  const tags = chooseTags([
    article("Mayor Carlos Gimenez Speaks", "Carlos Gimenez said 355 million dollars. Carlos Gimenez said 355 million dollars.", "The the the and and."),
    article("", "Carlos Gimenez said 2017 budgets. Carlos Gimenez said it."),
  ]);
  for (const tag of tags.flat()) {
    assert.ok(!/[A-Z0-9]/.test(tag), `tag ${tag}`);
    assert.ok(!["the", "and", "said", "million"].includes(tag), `tag ${tag}`);
  }
});

test("no article gets more tags than asked for", () => {
  const text = "Border wall funding, tax reform plans, trade tariffs, health insurance costs, climate change rules, energy prices and farm subsidies. ".repeat(3);
  const tags = chooseTags([article("", text), article("", text)], { perArticle: 4 });
  assert.ok(tags.every((list) => list.length <= 4));
  assert.ok(tags[0].length > 0);
});

test("a phrase in nearly every article of a large archive is not a tag", () => {
  const articles = Array.from({ length: 30 }, (_, i) =>
    article("", "The stock market fell again. The stock market is nervous.", i % 10 === 0 ? "Higher oil prices hurt. The oil prices rose again." : "Nothing else."),
  );
  const tags = chooseTags(articles);
  assert.ok(!tags.flat().includes("stock market"));
  assert.ok(tags[0].includes("oil prices"));
});

test("seeds 000 to 002 are all tagged sanctuary cities, their shared topic", () => {
  const read = (name: string) =>
    readFileSync(new URL(`../../articles/${name}`, import.meta.url), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
  const seeds = ["000_12e87a7c7f271ebb.txt", "001_5742304cf4503c0a.txt", "002_b04d322f93dc3252.txt"].map((name) => {
    const lines = read(name).map((l) => l.replace(/`` ?/g, "“").replace(/ ?''/g, "”").replace(/ ([,.;:!?])/g, "$1"));
    return article(lines[0], ...lines.slice(1));
  });
  const tags = chooseTags(seeds);
  for (const list of tags) assert.ok(list.includes("sanctuary cities"), JSON.stringify(list));
});

test("plural endings are undone by rule without touching words that only end in s", () => {
  assert.equal(singularize("cities"), "city");
  assert.equal(singularize("detainers"), "detainer");
  assert.equal(singularize("taxes"), "tax");
  assert.equal(singularize("news"), "news");
  assert.equal(singularize("status"), "status");
});

test("tags spelled with a hyphen or a space are one topic with one page, spelled as most articles spell it", () => {
  const hyphen = (n: number) => ({ title: `Cable plan ${n}`, paragraphs: [`The new line is fiber-optic. Rivals went fiber-optic too. Going fiber-optic costs less, the firm said of its fiber-optic plans in year ${n}.`] });
  const space = (n: number) => ({ title: `Wire plan ${n}`, paragraphs: [`The new line is fiber optic. Rivals went fiber optic too. Going fiber optic costs less, the firm said of its fiber optic plans in year ${n}.`] });
  const tags = chooseTags([hyphen(1), hyphen(2), space(3), space(4), space(5)].map(extractTagCandidates));
  const fiber = [...new Set(tags.flat().filter((t) => t.startsWith("fiber")))];
  assert.deepEqual(fiber, ["fiber optic"]);
  for (const articleTags of tags) assert.ok(articleTags.includes("fiber optic"), JSON.stringify(articleTags));
});

test("a phrase in one article only is never a tag: a topic is something several articles share", () => {
  const tags = chooseTags([
    article("", "The garden gnome was stolen. Another garden gnome vanished. A third garden gnome is missing."),
    article("", "The council met about parking."),
  ]);
  assert.ok(!tags.flat().includes("garden gnome"), JSON.stringify(tags));
});

test("job titles, units and verbs never make a tag", () => {
  const text = "The chief executive officer and the executive vice president said net profit was 12 mln dlrs, or 40 cts a share, and experts predict more. The chief executive repeated it.";
  const tags = chooseTags([article("", text), article("", text), article("", text)]);
  for (const tag of tags.flat()) {
    assert.ok(!/\b(?:chief|executive officer|vice|president|mln|dlrs|cts|predict)\b/.test(tag), `tag ${tag}`);
  }
});

test("an empty modifier never starts a tag, and a too broad word is never a tag alone", () => {
  const text = "Five takeaways from the debate. Immense pressure on the team. Five takeaways again, immense pressure again. The game, the game, the game. Oil prices rose; oil prices fell; oil prices again.";
  const tags = chooseTags([article("", text), article("", text), article("", text)]);
  const all = new Set(tags.flat());
  for (const bad of ["five takeaways", "immense pressure", "game", "takeaways"]) assert.ok(!all.has(bad), `tag ${bad}`);
  assert.ok(all.has("oil prices"), JSON.stringify([...all]));
});

test("a verb in -ed never starts a tag, though an adjective in -ed may", () => {
  const text = "Officials started harbor tolls. Crews liked harbor tolls. Undocumented immigrants waited; undocumented immigrants left.";
  const all = new Set(chooseTags([article("", text), article("", text)]).flat());
  assert.ok(!all.has("started harbor tolls") && !all.has("liked harbor tolls") && !all.has("started harbor"), JSON.stringify([...all]));
  assert.ok(all.has("undocumented immigrants"), JSON.stringify([...all]));
});

test("an article never gets two tags where one is part of the other", () => {
  const text = "Climate change policy is back. Climate change policy will cost. Climate change worries voters. Climate change again.";
  const tags = chooseTags([article("", text), article("", text)]);
  for (const list of tags) {
    for (const a of list) for (const b of list) if (a !== b) assert.ok(!` ${a} `.includes(` ${b} `), JSON.stringify(list));
  }
});

test("the archive keeps at most one distinct tag per 2.5 articles at 1,000 and per 5 at 10,000", () => {
  assert.equal(maxDistinctTags(1000), 400);
  assert.equal(maxDistinctTags(10000), 2000);
  assert.ok(maxDistinctTags(100_000) <= 10_000);
});

test("over the cap, the tags the most articles chose are kept", () => {
  const shared = "They argued about sanctuary cities. Nobody agreed on sanctuary cities.";
  const rare = (n: number) => `Crews started harbor tolls in year ${n}. Nobody liked harbor tolls. They paid harbor tolls.`;
  const articles = [
    article("", shared, rare(1)),
    article("", shared),
    article("", shared),
    article("", rare(3)),
  ];
  const tags = chooseTags(articles, { maxDistinct: 1 });
  assert.deepEqual([...new Set(tags.flat())], ["sanctuary cities"]);
  const free = chooseTags(articles);
  assert.ok(free.flat().includes("harbor tolls"), JSON.stringify(free));
});

test("one word is a topic only if it is a subject news desks file under, like terrorism, not an ordinary noun like event", () => {
  const text = "It is about terrorism. They spoke of terrorism. All of this is terrorism. It was an event. There was an event. That is an event.";
  const all = new Set(chooseTags([article("", text), article("", text), article("", text)]).flat());
  assert.ok(all.has("terrorism"), JSON.stringify([...all]));
  assert.ok(!all.has("event"), JSON.stringify([...all]));
});

test("plural endings: -sses, -ches, -shes, -xes and -zzes lose their -es, other plurals their -s, short words and -ss, -us, -is words nothing", () => {
  const cases: [string, string][] = [
    ["glasses", "glass"], ["churches", "church"], ["bushes", "bush"], ["boxes", "box"], ["buzzes", "buzz"],
    ["prizes", "prize"], ["sizes", "size"], ["votes", "vote"], ["cars", "car"],
    ["gas", "gas"], ["bus", "bus"], ["address", "address"], ["campus", "campus"], ["axis", "axis"], ["series", "series"],
  ];
  for (const [plural, singular] of cases) assert.equal(singularize(plural), singular, plural);
});

test("a small archive keeps at least ten distinct tags; the cap grows with the archive", () => {
  assert.deepEqual([1, 10, 100, 1000].map(maxDistinctTags), [10, 16, 80, 400]);
});

test("a phrase in up to 30% of a large archive's articles can be a tag, one in more cannot; a small archive never drops a phrase as too common", () => {
  const withTolls = "Nobody liked harbor tolls. Nobody paid harbor tolls.";
  const archive = (size: number, using: number) =>
    Array.from({ length: size }, (_, i) => article("", i < using ? withTolls : `Filler story number ${i} about nothing much.`));
  assert.deepEqual(chooseTags(archive(20, 6))[0], ["harbor tolls"]);
  assert.deepEqual(chooseTags(archive(20, 7))[0], []);
  assert.deepEqual(chooseTags(archive(19, 19))[0], ["harbor tolls"]);
});

test("a tag's name: the commonest form, and on a tie the first in string order, whichever article comes first", () => {
  const plural = article("", "Nobody liked harbor tolls. Nobody paid harbor tolls.");
  const singular = article("", "Nobody liked harbor toll.", "Nobody paid harbor toll.");
  assert.deepEqual(chooseTags([plural, singular]), [["harbor toll"], ["harbor toll"]]);
  assert.deepEqual(chooseTags([singular, plural]), [["harbor toll"], ["harbor toll"]]);
  const hyphen = (n: number) => extractTagCandidates({ title: `Cable plan ${n}`, paragraphs: [`The new line is fiber-optic. Rivals went fiber-optic too. Going fiber-optic costs less, the firm said of its fiber-optic plans in year ${n}.`] });
  const space = (n: number) => extractTagCandidates({ title: `Wire plan ${n}`, paragraphs: [`The new line is fiber optic. Rivals went fiber optic too. Going fiber optic costs less, the firm said of its fiber optic plans in year ${n}.`] });
  // Two articles each way: the spelling with the space comes first in string order.
  for (const order of [[hyphen(1), hyphen(2), space(3), space(4)], [space(3), space(4), hyphen(1), hyphen(2)]]) {
    assert.deepEqual([...new Set(chooseTags(order).flat().filter((t) => t.startsWith("fiber")))], ["fiber optic"]);
  }
});

test("one lexicon word is a topic only when the article says it three times", () => {
  const twice = "It is about terrorism. They spoke of terrorism.";
  const thrice = `${twice} All of this is terrorism.`;
  assert.deepEqual(chooseTags([article("", twice), article("", twice)]), [[], []]);
  assert.deepEqual(chooseTags([article("", thrice), article("", thrice)]), [["terrorism"], ["terrorism"]]);
});

// ---------------------------------------------------------------------------
// Each rule below is pinned by what a reader would see go wrong without it.

/** A candidate phrase written by hand (one form, as written). */
interface Term {
  key: string;
  count: number;
  inTitle: boolean;
}
function term(key: string, count: number, inTitle = false): Term {
  return { key, count, inTitle };
}

/** An article's candidates made of hand-written phrases, in the order given. */
function candidates(terms: readonly Term[]): TagCandidates {
  return { keys: terms.map((t) => t.key), counts: terms.map((t) => t.count), inTitle: terms.flatMap((t, i) => (t.inTitle ? [i] : [])), forms: [] };
}

/** The phrases of extracted candidates, one object each. */
function termsOf(c: TagCandidates): Term[] {
  return c.keys.map((key, i) => ({ key, count: c.counts[i], inTitle: c.inTitle.includes(i) }));
}

function keysOf(...paragraphs: string[]): string[] {
  return extractTagCandidates({ title: "", paragraphs }).keys;
}

test("words that end in s without being plural keep their s; other plurals lose it by rule", () => {
  // Listed one by one: each is a word the rules alone would cut ("news" → "new", "species" → "specy").
  for (const word of ["news", "politics", "economics", "physics", "species", "series", "arms", "means", "headquarters", "alias", "chaos", "lens", "atlas"]) {
    assert.equal(singularize(word), word, word);
  }
  // Kept by the rules themselves: under four letters, or ending in -ss, -us, -is.
  for (const word of ["ads", "gas", "bus", "status", "census", "virus", "bonus", "consensus", "crisis", "basis", "analysis", "thesis", "process", "business", "congress", "progress", "access", "class"]) {
    assert.equal(singularize(word), word, word);
  }
  for (const [plural, singular] of [["policies", "policy"], ["companies", "company"], ["waltzes", "waltz"], ["quartzes", "quartz"], ["dresses", "dress"], ["wishes", "wish"]]) {
    assert.equal(singularize(plural), singular, plural);
  }
});

test("a one-word topic that ends in s (politics, economics, physics, species) is a tag when an article dwells on it", () => {
  for (const word of ["politics", "economics", "physics", "species"]) {
    const text = `It is about ${word}. They spoke of ${word}. All of this is ${word}.`;
    assert.deepEqual(chooseTags([article("", text), article("", text)]), [[word], [word]], word);
  }
});

test("tag words with accents are read like any other; digits, symbols, apostrophes, ampersands and double hyphens keep a word out of every tag", () => {
  const good = extractTagCandidates({
    title: "",
    paragraphs: [
      "Nobody liked the café owners. The café-bar owners agreed. Old école fees rose. The cafe\u0301-bar rents rose.",
      "The pizza ovens were hot.",
    ],
  }).keys;
  for (const key of ["café owner", "café-bar owner", "école fee", "cafe\u0301-bar rent", "pizza oven"]) assert.ok(good.includes(key), `${key} in ${JSON.stringify(good)}`);

  const bad = keysOf(
    "Some ½-price tickets sold. Land costs per km² rose. The cost-per-m² figures fell. Raw café² samples came.",
    "The mp3 players sold. The r&d budgets grew. The rock'n'roll bands played. The harbor tolls--ever higher--rose.",
    "They voted for the harbor-. Nobody liked the ferry-’s fares.",
  );
  for (const key of bad) assert.match(key, /^\p{Ll}+(?:-\p{Ll}+)*(?: \p{Ll}+(?:-\p{Ll}+)*)*$/u, JSON.stringify(bad));
  // The odd word is left out; the words around it are still read.
  for (const key of ["ticket", "budget", "band", "harbor"]) assert.ok(bad.includes(key), `${key} in ${JSON.stringify(bad)}`);
});

test("adverbs, two-letter words, words across a possessive and phrases longer than three words never make a candidate", () => {
  const keys = keysOf(
    "The wildly popular harbor tolls rose. The ad budgets grew. The nation’s ferry fares rose.",
    "The harbor ferry toll rates stalled.",
  );
  for (const key of keys) {
    assert.ok(!/\b(?:wildly|ad|nation ferry)\b/.test(key), `${key} in ${JSON.stringify(keys)}`);
    assert.ok(key.split(" ").length <= 3, key);
  }
  for (const key of ["popular harbor toll", "budget", "ferry fare", "harbor ferry toll", "ferry toll rate"]) assert.ok(keys.includes(key), `${key} in ${JSON.stringify(keys)}`);
});

test("an empty modifier never starts a phrase and a vague noun never ends one, each on its own", () => {
  const keys = keysOf("Immense harbor tolls rose. The harbor pressure grew.");
  assert.ok(keys.includes("harbor toll"), JSON.stringify(keys));
  assert.ok(!keys.some((k) => k.startsWith("immense") || k.endsWith("pressure")), JSON.stringify(keys));
});

test("a phrase ends on a noun: not on a verb in -ed or -ing, though nouns like funding, hearing or seed may end one or stand alone", () => {
  const keys = keysOf("The harbor tolls doubled. The harbor tolls needed work. Harbor tolls rising, ferry fares needing cuts. The school funding hearing ended.");
  for (const key of keys) assert.ok(!/(?:doubled|needed|rising|needing)$/.test(key), `${key} in ${JSON.stringify(keys)}`);
  for (const key of ["harbor toll", "school funding", "school funding hearing", "funding hearing"]) assert.ok(keys.includes(key), `${key} in ${JSON.stringify(keys)}`);
  const text = "Farmers need seed. They bought seed. The seed was dear.";
  assert.deepEqual(chooseTags([article("", text), article("", text)]), [["seed"], ["seed"]]);
});

test("a capitalized word counts as a topic word at the start of a sentence when the article also writes it in lowercase, never inside a name", () => {
  const terms = termsOf(extractTagCandidates({
    title: "",
    paragraphs: ["Harbor tolls rose again. Nobody liked the Harbor Tolls Board. Nobody paid harbor tolls. Carlos Gimenez said Carlos Gimenez would pay."],
  }));
  assert.equal(terms.find((t) => t.key === "harbor toll")?.count, 2);
  assert.ok(!terms.some((t) => /carlos|gimenez|board/.test(t.key)), JSON.stringify(terms.map((t) => t.key)));
  // Three mentions make a one-word topic, the first at the start of a sentence.
  const text = "Terrorism was the theme. They spoke of terrorism. All of this is terrorism.";
  assert.deepEqual(chooseTags([article("", text), article("", text)]), [["terrorism"], ["terrorism"]]);
});

test("a phrase in a title-case headline outranks an equally used phrase of the body only", () => {
  const body = "Nobody paid harbor tolls. The ferry fares rose. The ferry fares fell.";
  const tags = chooseTags([article("Harbor Tolls Rise Again", body), article("Harbor Tolls Rise Again", body)], { perArticle: 1 });
  assert.deepEqual(tags, [["harbor tolls"], ["harbor tolls"]]);
  // Without the headline the tie goes to the first in string order.
  assert.deepEqual(chooseTags([article("", body), article("", body)], { perArticle: 1 }), [["ferry fares"], ["ferry fares"]]);
  // A runaway headline (a whole paragraph taken for one) is read for its first 2,000 characters only.
  const long = termsOf(extractTagCandidates({ title: `${"Notes ".repeat(400)}Harbor Tolls`, paragraphs: [body] }));
  assert.equal(long.find((t) => t.key === "harbor toll")?.inTitle, false);
});

test("a phrase few articles use outranks one many use as often; a phrase said more often wins unless it is much commoner", () => {
  const filler = (i: number) => article("", `Filler story number ${i} about nothing much.`);
  const archive = (tolls: number) => [
    article("", "Nobody paid harbor tolls. ".repeat(tolls), "The ferry fares rose. The ferry fares fell. The ferry fares held."),
    article("", "Nobody paid harbor tolls."),
    ...Array.from({ length: 9 }, () => article("", "The ferry fares rose.")),
    ...Array.from({ length: 29 }, (_, i) => filler(i)),
  ];
  // 40 articles: harbor tolls in 2, ferry fares in 10.
  assert.deepEqual(chooseTags(archive(2), { perArticle: 1 })[0], ["harbor tolls"]);
  assert.deepEqual(chooseTags(archive(1), { perArticle: 1 })[0], ["ferry fares"]);
});

test("a one-word topic or a three-word phrase far below the article's best is left out; one near it is kept", () => {
  const ids = [0, 1];
  // Scores: (1 + ln count) × idf × (1.8 for two words, 1.2 for three, 0.8 for one); kept at 30% of the best.
  const withBest = (best: number, other: Term) => ids.map(() => candidates([term("ferry fare", best), other]));
  assert.deepEqual(chooseTags(withBest(10, term("terrorism", 3))), [["ferry fare"], ["ferry fare"]]);
  assert.deepEqual(chooseTags(withBest(5, term("terrorism", 3))), [["ferry fare", "terrorism"], ["ferry fare", "terrorism"]]);
  assert.deepEqual(chooseTags(withBest(3, term("state funded school", 1))), [["ferry fare", "state funded school"], ["ferry fare", "state funded school"]]);
  assert.deepEqual(chooseTags(withBest(6, term("state funded school", 1))), [["ferry fare"], ["ferry fare"]]);
});

test("equal scores in an article go to the first phrase in string order, whatever order the candidates come in", () => {
  for (const terms of [[term("ferry fare", 2), term("harbor toll", 2)], [term("harbor toll", 2), term("ferry fare", 2)]]) {
    assert.deepEqual(chooseTags([candidates(terms), candidates(terms)], { perArticle: 1 }), [["ferry fare"], ["ferry fare"]]);
  }
});

test("over the cap, a tag more articles chose beats one with a higher total score; at equal use the higher score wins, then string order", () => {
  const only = (t: Term) => candidates([t]);
  // Three articles chose "zoning rule" with low scores; two chose "airport noise" with high ones.
  const byUse = [only(term("zoning rule", 1)), only(term("zoning rule", 1)), only(term("zoning rule", 1)), only(term("airport noise", 20)), only(term("airport noise", 20))];
  for (const order of [byUse, [...byUse].reverse()]) assert.deepEqual([...new Set(chooseTags(order, { maxDistinct: 1 }).flat())], ["zoning rule"]);
  // Two articles each: the higher total score is kept, though the other comes first in string order.
  const byScore = [only(term("zoning rule", 5)), only(term("zoning rule", 5)), only(term("airport noise", 1)), only(term("airport noise", 1))];
  for (const order of [byScore, [...byScore].reverse()]) assert.deepEqual([...new Set(chooseTags(order, { maxDistinct: 1 }).flat())], ["zoning rule"]);
  // Same use, same score: string order, whichever article comes first.
  const tie = [only(term("zoning rule", 2)), only(term("zoning rule", 2)), only(term("airport noise", 2)), only(term("airport noise", 2))];
  for (const order of [tie, [...tie].reverse()]) assert.deepEqual([...new Set(chooseTags(order, { maxDistinct: 1 }).flat())], ["airport noise"]);
});

test("a tag is named by the spelling the archive writes most, counting every use, even when the first spelling an article used is not it", () => {
  const later = article("", "Nobody paid the harbor toll.", "Nobody liked harbor tolls. Nobody paid harbor tolls.");
  assert.deepEqual(chooseTags([later, later]), [["harbor tolls"], ["harbor tolls"]]);
  const first = article("", "Nobody liked harbor tolls. Nobody paid harbor tolls. One harbor toll rose.");
  assert.deepEqual(chooseTags([first, first]), [["harbor tolls"], ["harbor tolls"]]);
  // Two spellings used once each, neither the rule's singular: the tag keeps one of them.
  assert.deepEqual(chooseTags([article("", "Nobody liked harbor cities."), article("", "Nobody liked harbor citys.")]), [["harbor cities"], ["harbor cities"]]);
  assert.deepEqual(chooseTags([article("", "Nobody liked harbor taxes."), article("", "Nobody liked harbor taxs.")]), [["harbor taxes"], ["harbor taxes"]]);
});

test("the spelling more articles use names the topic, even when the other comes first in string order", () => {
  const hyphen = (n: number) => article("", `The new line is fiber-optic. Rivals went fiber-optic too, in year ${n}.`);
  const space = (n: number) => article("", `The new line is fiber optic. Rivals went fiber optic too, in year ${n}.`);
  for (const order of [[hyphen(1), hyphen(2), hyphen(3), space(4), space(5)], [space(4), space(5), hyphen(1), hyphen(2), hyphen(3)]]) {
    const tags = chooseTags(order);
    for (const list of tags) assert.ok(list.includes("fiber-optic"), JSON.stringify(tags));
    assert.ok(!tags.flat().includes("fiber optic"), JSON.stringify(tags));
  }
});

test("a tag only one article chose keeps its name", () => {
  const a = article("", "Nobody paid harbor tolls. ".repeat(3), "The ferry fares rose.");
  const b = article("", "Nobody paid harbor tolls.", "The ferry fares rose. ".repeat(3));
  assert.deepEqual(chooseTags([a, b], { perArticle: 1 }), [["harbor tolls"], ["ferry fares"]]);
});
