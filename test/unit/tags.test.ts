import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extractTagCandidates, chooseTags, maxDistinctTags, singularize } from "../../src/ingest/tags.ts";

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
