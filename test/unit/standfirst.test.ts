import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { standfirstOf } from "../../src/site/standfirst.ts";

describe("the one line a list shows under a title (standfirstOf)", () => {
  it("is the dek when there is one, else the summary", () => {
    assert.equal(standfirstOf({ title: "Harbor reopens", dek: "Ships return after the storm.", summary: "The harbor reopened on Monday." }), "Ships return after the storm.");
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "The harbor reopened on Monday." }), "The harbor reopened on Monday.");
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "" }), undefined);
  });

  it("drops a headline the lead repeats as its own sentence, but keeps a first sentence that only starts like it", () => {
    assert.equal(standfirstOf({ title: "Venezuela and China sign oil deal", summary: "Venezuela and China sign oil deal. Caracas signed a deal with Beijing." }), "Caracas signed a deal with Beijing.");
    assert.equal(standfirstOf({ title: "OIL PRICES RISE", summary: "OIL PRICES RISE Crude prices rose on Monday." }), "Crude prices rose on Monday.");
    const whole = "President Trump is hailing a victory after a mayor ordered his staff to cooperate.";
    assert.equal(standfirstOf({ title: "President Trump is hailing a victory", summary: whole }), whole);
    assert.equal(standfirstOf({ title: "Oil deal", summary: "Oil deal." }), undefined, "nothing left but the title");
  });

  it("is one line: whitespace squashed, cut at a word before the limit with an ellipsis", () => {
    const long = "The council met on Tuesday to discuss the budget, which has grown by a third since the last election, and agreed to meet again.";
    const cut = standfirstOf({ title: "t", summary: `  ${long.replace(/ /g, "\n ")} ` }, 60)!;
    assert.ok(cut.length <= 61 && cut.endsWith("…"), cut);
    assert.ok(long.startsWith(cut.slice(0, -1)), `cut at a word: ${cut}`);
    assert.doesNotMatch(cut, /[\s,]…$/);
  });
});

describe("the standfirst's edges", () => {
  it("keeps a line of exactly the limit whole, and cuts one a character longer", () => {
    const sixty = "Ferries will run every twenty minutes from the harbour today.";
    assert.equal(sixty.length, 61);
    assert.equal(standfirstOf({ title: "t", summary: sixty }, 61), sixty);
    const cut = standfirstOf({ title: "t", summary: sixty }, 60)!;
    assert.equal(cut, "Ferries will run every twenty minutes from the harbour…");
  });

  it("cuts inside a word rather than keep less than half the line, and never ends on a comma or dash before the ellipsis", () => {
    const oneLongWord = `Go ${"x".repeat(80)}`;
    assert.equal(standfirstOf({ title: "t", summary: oneLongWord }, 40), `Go ${"x".repeat(37)}…`);
    assert.equal(standfirstOf({ title: "t", summary: "Ferries return, the mayor said — and the harbour is open again today" }, 33), "Ferries return, the mayor said…");
    assert.equal(standfirstOf({ title: "t", summary: "Ferries return to the harbour, and the mayor said so" }, 31), "Ferries return to the harbour…");
  });

  it("drops a repeated headline whatever its case and the punctuation after it, and an empty title drops nothing", () => {
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "HARBOR REOPENS: Ships returned on Monday." }), "Ships returned on Monday.");
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "Harbor reopens — “We are back,” the mayor said." }), "“We are back,” the mayor said.");
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "Harbor reopens 2 piers on Monday." }), "2 piers on Monday.");
    assert.equal(standfirstOf({ title: "Harbor reopens", summary: "Harbor reopens; ships returned on Monday." }), "Harbor reopens; ships returned on Monday.", "a lowercase word carries the sentence on");
    assert.equal(standfirstOf({ title: "", summary: "Ships returned." }), "Ships returned.");
    assert.equal(standfirstOf({ title: "Ships  returned", dek: "ships returned", summary: "Other words." }), "Other words.", "a dek that is the title says nothing new: the summary does");
    assert.equal(standfirstOf({ title: "Ships  returned", dek: "ships returned", summary: "Ships returned." }), undefined, "nor does a summary that is the title");
    assert.equal(standfirstOf({ title: "Harbor reopens", dek: " \n ", summary: "Ships returned on Monday." }), "Ships returned on Monday.", "a blank dek hides nothing");
  });
});

describe("the standfirst's boundaries", () => {
  it("keeps a lead that does not start with the headline whole, even where the headline's length falls before a capital", () => {
    assert.equal(standfirstOf({ title: "Port news", summary: "The port. Ferries return." }), "The port. Ferries return.");
  });

  it("drops a headline glued to the lead's first word, keeping the punctuation further on", () => {
    assert.equal(standfirstOf({ title: "Oil prices rise", summary: "Oil prices riseCrude rose, again, on Monday." }), "Crude rose, again, on Monday.");
  });

  it("cuts at a space only past half the limit: a space at exactly half cuts mid-word instead", () => {
    const text = `${"x".repeat(20)} ${"y".repeat(40)}`;
    assert.equal(standfirstOf({ title: "t", summary: text }, 40), `${"x".repeat(20)} ${"y".repeat(19)}…`);
    const later = `${"x".repeat(21)} ${"y".repeat(40)}`;
    assert.equal(standfirstOf({ title: "t", summary: later }, 40), `${"x".repeat(21)}…`);
  });
});
