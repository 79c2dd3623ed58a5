import { test } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_ALIAS_TABLE, loadAliasTable, mergePersonNames, resolveEntities, type AliasTable } from "../../src/ingest/entity-merge.ts";
import type { ArticleMentions, EntityKind, Evidence } from "../../src/ingest/entities.ts";

// Archive-wide merging, fed with mentions written by hand (what extraction would hand it),
// so each case shows one merging rule. Every case that can depend on the articles' order is
// run in both orders.

type M = [kind: EntityKind, name: string, evidence?: Evidence];
const article = (mentions: M[], acronyms: Record<string, string> = {}): ArticleMentions => ({
  mentions: mentions.map(([kind, name, evidence = "title"]) => ({ kind, name, surface: name, evidence })),
  acronyms,
});
const resolve = (articles: ArticleMentions[], aliases: AliasTable = EMPTY_ALIAS_TABLE) => resolveEntities(articles, aliases);
/** The result for the articles in the given order and reversed (then put back in order): both must agree. */
function bothOrders(articles: ArticleMentions[], aliases: AliasTable = EMPTY_ALIAS_TABLE) {
  const forward = resolve(articles, aliases);
  assert.deepEqual(resolve([...articles].reverse(), aliases).reverse(), forward, "the result depends on the order of the articles");
  return forward;
}
const merged = (counts: [string, number][]) => Object.fromEntries(mergePersonNames(new Map(counts)));

test("the alias file: empty lists by default, a name may point at itself, an unknown key is named as a top-level problem", () => {
  const empty = loadAliasTable({});
  assert.deepEqual([empty.canonical.size, empty.keepSeparate.size, empty.ignore.size], [0, 0, 0]);
  assert.doesNotThrow(() => loadAliasTable({ canonical: { POTUS: "Donald Trump", "Donald Trump": "Donald Trump" } }));
  assert.throws(() => loadAliasTable({ aliases: {} }), /^Error: data\/aliases\.json is not a valid alias file: \(top level\): .*Expected \{"canonical"/);
});

test("a name the alias file maps is used whatever merging would do, even for a lone name no full name explains", () => {
  const aliases = loadAliasTable({ canonical: { Beyonce: "Beyoncé Knowles" } });
  assert.deepEqual(resolve([article([["person", "Beyonce"]])], aliases)[0].people, ["Beyoncé Knowles"]);
});

test("an ignored name is dropped also where it stands for a longer name", () => {
  const aliases = loadAliasTable({ ignore: ["Trump"] });
  const [first, second] = resolve([article([["person", "Donald Trump"]]), article([["person", "Trump", "speech"]])], aliases);
  assert.deepEqual([first.people, second.people], [["Donald Trump"], []]);
});

test("undefined capitals count only when some article or the alias file says what they stand for", () => {
  assert.deepEqual(resolve([article([["organization", "QZX", "acronym-use"]])])[0].organizations, []);
  const defined = bothOrders([article([["organization", "QZX", "acronym-use"]]), article([["organization", "Quiet Zone Exchange", "acronym"]], { QZX: "Quiet Zone Exchange" })]);
  assert.deepEqual(defined[0].organizations, ["Quiet Zone Exchange"]);
  const aliased = resolve([article([["organization", "QZX", "acronym-use"]])], loadAliasTable({ canonical: { QZX: "Quiet Zone Exchange" } }));
  assert.deepEqual(aliased[0].organizations, ["Quiet Zone Exchange"]);
});

test("an acronym means what most articles define it as, whichever article comes first", () => {
  const green = article([], { QZX: "Quartz Exchange" });
  const quiet = article([], { QZX: "Quiet Zone Exchange" });
  const use = article([["organization", "QZX", "acronym-use"]]);
  for (const order of [[green, quiet, quiet, use], [quiet, green, quiet, use], [quiet, quiet, green, use]]) {
    assert.deepEqual(resolve(order)[3].organizations, ["Quiet Zone Exchange"]);
  }
});

test("a name shaped like a person's is a person only with a cue somewhere, or when the curated list knows it", () => {
  assert.deepEqual(resolve([article([["person", "Finding Neverland", "unsure"]]), article([["person", "Finding Neverland", "unsure"]])])[0].people, []);
  assert.deepEqual(resolve([article([["person", "Finding Neverland", "unsure"]]), article([["person", "Finding Neverland", "speech"]])])[0].people, ["Finding Neverland"]);
  assert.deepEqual(resolve([article([["person", "Donald Trump", "unsure"]])])[0].people, ["Donald Trump"]);
  // An organization of that name is no cue that it is a person.
  assert.deepEqual(resolve([article([["person", "Deutsche Kasse", "unsure"], ["organization", "Deutsche Kasse", "head-word"]])])[0].people, []);
});

test("the curated lists name organizations, places and events, and known mononyms stay people", () => {
  const [a] = resolve([article([["organization", "FBI", "known"], ["place", "NYC", "known"], ["event", "Olympics", "known"], ["person", "Madonna", "known"]])]);
  assert.deepEqual(a, { people: ["Madonna"], organizations: ["Federal Bureau of Investigation"], places: ["New York"], events: ["Olympic Games"] });
  // A lone name the list does not know, and no full name explains, is no page.
  assert.deepEqual(resolve([article([["person", "Smithfield", "speech"]])])[0].people, []);
});

test("a middle initial and the plain name are one person across articles, named by the commonest", () => {
  const result = bothOrders([
    article([["person", "Ann Q. Verhoeven"]]),
    article([["person", "Ann Verhoeven"]]),
    article([["person", "Ann Verhoeven", "speech"]]),
  ]);
  assert.deepEqual(result.map((r) => r.people), [["Ann Verhoeven"], ["Ann Verhoeven"], ["Ann Verhoeven"]]);
});

test("a place is the 'X County' other articles name, and a county the 'X County, State' when only one state has one", () => {
  const result = bothOrders([article([["place", "Vigo"]]), article([["place", "Vigo County"]]), article([["place", "Vigo County, Indiana"]])]);
  assert.deepEqual(result.map((r) => r.places), [["Vigo County, Indiana"], ["Vigo County, Indiana"], ["Vigo County, Indiana"]]);
  // A town is not a county: "Springfield" stays, whatever state another article names.
  const towns = resolve([article([["place", "Springfield"]]), article([["place", "Springfield, Illinois"]])]);
  assert.deepEqual(towns.map((r) => r.places), [["Springfield"], ["Springfield, Illinois"]]);
  // Two states with the county: the bare county stays bare.
  const two = resolve([article([["place", "Clay County"]]), article([["place", "Clay County, Iowa"]]), article([["place", "Clay County, Texas"]])]);
  assert.deepEqual(two[0].places, ["Clay County"]);
  // An organization named "Vigo County" does not rename the place.
  assert.deepEqual(resolve([article([["place", "Harlan"]]), article([["organization", "Harlan County", "head-word"]])])[0].places, ["Harlan"]);
});

test("organization spellings: a leading 'The', 'U.S.' and 'U.K.' for 'US' and 'UK', 'News' after a name the archive also uses", () => {
  const cases: [string, string, string][] = [
    ["The Heritage Institute", "Heritage Institute", "Heritage Institute"],
    ["Bank of The West", "Bank of the West", "Bank of the West"],
    ["U.S. Steelworks", "US Steelworks", "U.S. Steelworks"],
    ["Acme Holdings U.S.", "Acme Holdings US", "Acme Holdings U.S."],
    ["U.K. Independence Party", "UK Independence Party", "U.K. Independence Party"],
    ["Acme Holdings U.K.", "Acme Holdings UK", "Acme Holdings U.K."],
    ["Gazette News", "Gazette", "Gazette"],
  ];
  for (const [a, b, expected] of cases) {
    // Used twice and once: the commonest wins; used once each, the tie goes to the longer name, then to string order.
    const result = bothOrders([article([["organization", b, "head-word"]]), article([["organization", a, "head-word"]]), article([["organization", expected, "head-word"]])]);
    assert.deepEqual(result.map((r) => r.organizations), [[expected], [expected], [expected]], `${a} / ${b}`);
  }
  // "BBC News" alone stays as it is.
  assert.deepEqual(resolve([article([["organization", "Gazette News", "head-word"]])])[0].organizations, ["Gazette News"]);
});

test("organization names of the same letters are one, however the U.S. was written: no two spellings are left to ask for one page", () => {
  // "U.S." folds as "US"; "U.S" (its point taken by the sentence's) as "U S". A build of
  // 100,000 articles failed: both spellings stayed, and both asked for one page's address.
  const dotted = "Joint Agricultural Weather Facility of the U.S. Agriculture Department";
  const cut = "Joint Agricultural Weather Facility of the U.S Agriculture Department";
  const plain = "Joint Agricultural Weather Facility of the US Agriculture Department";
  const result = bothOrders([
    article([["organization", dotted, "head-word"]]),
    article([["organization", cut, "head-word"]]),
    article([["organization", dotted, "head-word"]]),
    article([["organization", plain, "head-word"]]),
  ]);
  assert.deepEqual(result.map((r) => r.organizations), [[dotted], [dotted], [dotted], [dotted]]);
  // Joined through a third spelling too: "U.S" meets "U.S." only by its plain letters, "US" by the fold.
  const chain = bothOrders([article([["organization", "Acme of the U.S", "head-word"]]), article([["organization", "Acme of the U.S", "head-word"]]), article([["organization", "Acme of the US", "head-word"]]), article([["organization", "Acme of the U.S.", "head-word"]])]);
  assert.deepEqual(chain.map((r) => r.organizations), [["Acme of the U.S"], ["Acme of the U.S"], ["Acme of the U.S"], ["Acme of the U.S"]]);
  // Other letters stay apart.
  assert.deepEqual(resolve([article([["organization", "Acme of the U.S", "head-word"], ["organization", "Acme of the UK", "head-word"]])])[0].organizations, ["Acme of the U.S", "Acme of the UK"]);
});

test("spellings that differ in case tie: the longer name, then string order, whichever article comes first", () => {
  const result = bothOrders([article([["organization", "Banque Nationale de Paris", "head-word"]]), article([["organization", "Banque Nationale De Paris", "head-word"]])]);
  assert.deepEqual(result.map((r) => r.organizations), [["Banque Nationale De Paris"], ["Banque Nationale De Paris"]]);
  const longer = bothOrders([article([["organization", "US Steelworks", "head-word"]]), article([["organization", "U.S. Steelworks", "head-word"]])]);
  assert.deepEqual(longer[0].organizations, ["U.S. Steelworks"]);
});

test("name suffixes: 'Junior' and 'Jr' are 'Jr.', 'Senior' and 'Sr' are 'Sr.', and only as the last word", () => {
  const result = resolve([
    article([["person", "Sammy Davis Junior"], ["person", "Hank Williams Sr"], ["person", "Jose Junior Santos"], ["person", "Anand Srinivasan"], ["person", "Ken Griffey Jr"]]),
    article([["person", "Hank Williams Senior"]]),
  ]);
  assert.deepEqual(result[0].people, ["Anand Srinivasan", "Hank Williams Sr.", "Jose Junior Santos", "Ken Griffey Jr.", "Sammy Davis Jr."]);
  // "Jr" and "Sr" without their stop are still suffixes when names are merged.
  assert.deepEqual(merged([["Donald John Trumble Jr", 1], ["Donald Trumble Jr", 3]])["Donald John Trumble Jr"], "Donald Trumble Jr");
  assert.deepEqual(merged([["Donald John Trumble Sr", 1], ["Donald Trumble Sr", 3]])["Donald John Trumble Sr"], "Donald Trumble Sr");
  // A surname that starts like a suffix is a surname: the middle name merges as usual.
  assert.deepEqual(merged([["Anand Kumar Srinivasan", 1], ["Anand Srinivasan", 3]])["Anand Kumar Srinivasan"], "Anand Srinivasan");
});

test("middle names: an initial goes with the name it starts, but not with two different names, and two different names stay apart", () => {
  assert.deepEqual(merged([["John F. Kennelly", 5], ["John Fitzgerald Kennelly", 2], ["John Kennelly", 1]]), {
    "John F. Kennelly": "John F. Kennelly",
    "John Fitzgerald Kennelly": "John F. Kennelly",
    "John Kennelly": "John F. Kennelly",
  });
  assert.deepEqual(merged([["John Fitzgerald Kennelly", 5], ["John F. Kennelly", 2]])["John F. Kennelly"], "John Fitzgerald Kennelly");
  const ambiguous = merged([["John F. Kennelly", 5], ["John Fitzgerald Kennelly", 2], ["John Francis Kennelly", 2]]);
  assert.deepEqual(ambiguous, { "John F. Kennelly": "John F. Kennelly", "John Fitzgerald Kennelly": "John Fitzgerald Kennelly", "John Francis Kennelly": "John Francis Kennelly" });
  assert.deepEqual(merged([["Mary Ann Smithson", 5], ["Mary Alice Smithson", 2]])["Mary Alice Smithson"], "Mary Alice Smithson");
  assert.deepEqual(merged([["Mary Ann Lee Smithson", 5], ["Mary Ann Beth Smithson", 2]])["Mary Ann Beth Smithson"], "Mary Ann Beth Smithson");
});

test("misspellings: one letter off from a spelling used five times as often, in either order, and no further", () => {
  for (const counts of [
    [["Jonathon Smithers", 1], ["Jonathan Smithers", 5]],
    [["Jonathan Smithers", 5], ["Jonathon Smithers", 1]],
  ] as [string, number][][]) {
    assert.equal(merged(counts)["Jonathon Smithers"], "Jonathan Smithers");
  }
  // A letter dropped is one letter off too.
  assert.equal(merged([["Jonathan Smither", 1], ["Jonathan Smithers", 5]])["Jonathan Smither"], "Jonathan Smithers");
  // The ratio, at two uses: ten is enough, nine is not.
  assert.equal(merged([["Jonathon Smithers", 2], ["Jonathan Smithers", 10]])["Jonathon Smithers"], "Jonathan Smithers");
  assert.equal(merged([["Jonathon Smithers", 2], ["Jonathan Smithers", 9]])["Jonathon Smithers"], "Jonathon Smithers");
  // Two letters off is another name.
  assert.equal(merged([["Jonathan Smothars", 1], ["Jonathan Smithers", 10]])["Jonathan Smothars"], "Jonathan Smothars");
  // Five letters is long enough; four is not (Brad is not a misspelled Brady).
  assert.equal(merged([["Tom Bradey", 1], ["Tom Brady", 10]])["Tom Bradey"], "Tom Brady");
  assert.equal(merged([["Tom Brad", 1], ["Tom Brady", 10]])["Tom Brad"], "Tom Brad");
  // The other name must be the same: a similar first name with another surname, or a similar surname with another first name, is someone else.
  assert.equal(merged([["Jonathon Browning", 1], ["Jonathan Smithers", 10]])["Jonathon Browning"], "Jonathon Browning");
  assert.equal(merged([["Robert Smithars", 1], ["Jonathan Smithers", 10]])["Robert Smithars"], "Robert Smithars");
  // Misspellings do not chain: a misspelling of a misspelling is judged on its own.
  assert.equal(merged([["Jonathan Smithers", 25], ["Jonathan Smithars", 5], ["Jonathan Smitharz", 1]])["Jonathan Smitharz"], "Jonathan Smitharz");
});

test("a misspelling is weighed against the plain name's uses, also when the middle names around it disagree", () => {
  const names = merged([["George W. Bushby", 1], ["George H. W. Bushby", 1], ["George Bushby", 10], ["Georg Bushby", 1]]);
  assert.equal(names["Georg Bushby"], "George Bushby");
  assert.equal(names["George W. Bushby"], "George W. Bushby");
});

test("middle names written in full merge with a longer form that holds them in order; initials do not", () => {
  const merged = mergePersonNames(new Map([
    ["Kathleen Hartington Kennedy Townsend", 3],
    ["Kathleen Kennedy Townsend", 2],
    ["George H. W. Bush", 5],
    ["George W. Bush", 9],
    ["Ann Marie Zorvan Quill", 2],
    ["Ann Zorvan Marie Quill", 1],
  ]));
  assert.equal(merged.get("Kathleen Kennedy Townsend"), "Kathleen Hartington Kennedy Townsend");
  assert.equal(merged.get("Kathleen Hartington Kennedy Townsend"), "Kathleen Hartington Kennedy Townsend");
  // "George W. Bush" is not "George H. W. Bush".
  assert.equal(merged.get("George W. Bush"), "George W. Bush");
  assert.equal(merged.get("George H. W. Bush"), "George H. W. Bush");
  // The same middle names in another order are two people.
  assert.notEqual(merged.get("Ann Zorvan Marie Quill"), merged.get("Ann Marie Zorvan Quill"));
});
