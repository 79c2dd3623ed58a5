import assert from "node:assert/strict";
import { test } from "node:test";
import { rejoinDropCaps } from "../../src/ingest/drop-caps.ts";
import { splitParagraphs } from "../../src/ingest/paragraphs.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const texts = (input: string[]) => rejoinDropCaps(paras(...input)).map((p) => p.text);

test("a drop cap printed as a paragraph of its own is rejoined to its word, on the letter's line", () => {
  const out = rejoinDropCaps(paras("Council Keeps Policy", "T", "he council voted on Tuesday to keep the policy.", "It meets again in May."));
  assert.deepEqual(out, [
    { text: "Council Keeps Policy", line: 1 },
    { text: "The council voted on Tuesday to keep the policy.", line: 2 },
    { text: "It meets again in May.", line: 4 },
  ]);
});

test("a drop cap split into one letter per paragraph is rejoined: C / N / N had", () => {
  assert.deepEqual(texts(["C", "N", "N had an ominous headline about the meeting today."]), [
    "CNN had an ominous headline about the meeting today.",
  ]);
  assert.deepEqual(texts(["A", "n", "nabelle Lee filed the papers on Monday."]), ["Annabelle Lee filed the papers on Monday."]);
});

test("a letter run that is a whole word keeps the space the scraper lost: S / o / why", () => {
  assert.deepEqual(texts(["S", "o", "why did the mayor change her mind?"]), ["So why did the mayor change her mind?"]);
  assert.deepEqual(texts(["W", "e", "need a plan, so we made one."]), ["We need a plan, so we made one."]);
  assert.deepEqual(texts(["I", "t", "’s a long road, and it is not over."]), ["It’s a long road, and it is not over."]);
});

test("a one-letter word stays a word: A / man walked in, but A / fter the vote and I / t was late are rejoined", () => {
  assert.deepEqual(texts(["A", "man walked into the council meeting with a petition."]), [
    "A man walked into the council meeting with a petition.",
  ]);
  assert.deepEqual(texts(["A", "fter the vote, the council went home."]), ["After the vote, the council went home."]);
  assert.deepEqual(texts(["I", "t was late when the vote was called, and it was close."]), [
    "It was late when the vote was called, and it was close.",
  ]);
});

test("an opening quote or bracket printed alone is rejoined to what it opens", () => {
  assert.deepEqual(texts(["“", "We will not comply,” the mayor said."]), ["“We will not comply,” the mayor said."]);
  assert.deepEqual(texts(["(", "Reuters) The index fell."]), ["(Reuters) The index fell."]);
});

test("a lone letter before a capitalised paragraph stays where it is (a Q before a question)", () => {
  assert.deepEqual(texts(["Q", "What did the council decide?", "It kept the policy."]), ["Q", "What did the council decide?", "It kept the policy."]);
  assert.deepEqual(texts(["5", "people were hurt."]), ["5", "people were hurt."]);
});

test("a drop cap glued to the end of the paragraph before moves back to its word", () => {
  assert.deepEqual(texts(["Rose Lee, a community activist, has died. She was 68. L", "ee died at home on Sunday, friends said."]), [
    "Rose Lee, a community activist, has died. She was 68.",
    "Lee died at home on Sunday, friends said.",
  ]);
  assert.deepEqual(texts(["Here is what he said: “M", "y name may not be on the ballot,” he said."]), [
    "Here is what he said:",
    "“My name may not be on the ballot,” he said.",
  ]);
});

test("a capital letter ending a paragraph without a sentence before it stays", () => {
  const input = ["The team finished first in Group B", "and will play again on Sunday."];
  assert.deepEqual(texts(input), input);
  // A one-letter word may end a sentence and start the next: only a known word moves.
  const pronoun = ["They asked who voted. I", "raised my hand."];
  assert.deepEqual(texts(pronoun), pronoun);
});

test("a drop cap printed with a space after it is closed up only when that makes a word", () => {
  assert.deepEqual(texts(["O ver the past months the council met weekly."]), ["Over the past months the council met weekly."]);
  const real = ["A lot of people came to the meeting."];
  assert.deepEqual(texts(real), real);
});

test("paragraph splitting rejoins drop caps in raw text", () => {
  const out = splitParagraphs("Council Keeps Policy\n\nT\n\nhe council voted on Tuesday.\n\nIt meets again in May.\n");
  assert.deepEqual(out.map((p) => [p.text, p.line]), [
    ["Council Keeps Policy", 1],
    ["The council voted on Tuesday.", 3],
    ["It meets again in May.", 7],
  ]);
});

test("text without drop caps is returned unchanged", () => {
  const input = ["Council Keeps Policy", "The council voted on Tuesday to keep the policy.", "I think so, said one member."];
  assert.deepEqual(texts(input), input);
});

test("an A, I or O drop cap is rejoined to the common word it starts: After, Also, In, Of, Over, Once…", () => {
  const words = [
    "after", "all", "also", "again", "against", "although", "among", "another", "any", "are", "as", "at", "an", "and",
    "is", "it", "its", "if", "in", "into", "instead", "of", "on", "one", "only", "or", "other", "our", "over", "once",
  ];
  for (const word of words) {
    const letter = word[0].toUpperCase();
    const rest = `${word.slice(1)} that, the council went home early.`;
    assert.deepEqual(texts(["Council Keeps Policy", letter, rest]), ["Council Keeps Policy", `${letter}${rest}`], word);
  }
});

test("a drop cap split letter by letter keeps the space after a whole short word: S / o / why, W / e / need, I / f / you", () => {
  const cases: [string[], string][] = [
    [["S", "o", "what did the council decide?"], "So what did the council decide?"],
    [["W", "e", "have a plan for the county."], "We have a plan for the county."],
    [["I", "f", "you ask the mayor, she will say no."], "If you ask the mayor, she will say no."],
    [["N", "o", "one came to the meeting."], "No one came to the meeting."],
    [["M", "y", "own view is that the vote was wrong."], "My own view is that the vote was wrong."],
    [["I", "n", "many ways the vote was close."], "In many ways the vote was close."],
  ];
  for (const [input, expected] of cases) assert.deepEqual(texts(input), [expected], input.join("/"));
});

test("a two-letter drop cap split letter by letter keeps its space before any common word: W / e / <word>", () => {
  // The words news copy most often puts after "We"; each alone in its paragraph, so
  // only the list of common words (not the article's own vocabulary) can know it.
  const words = [
    "so", "we", "of", "to", "be", "he", "me", "my", "no", "do", "go", "by", "up", "us", "the", "this", "that", "there",
    "an", "and", "as", "at", "after", "all", "also", "again", "against", "although", "among", "another", "any", "are",
    "is", "it", "its", "if", "in", "into", "instead", "on", "one", "only", "or", "other", "our", "over", "once",
    "what", "why", "how", "who", "when", "where", "which", "will", "would", "can", "could", "should", "may", "might",
    "was", "were", "has", "have", "had", "not", "now", "then", "than", "they", "you", "your", "she", "her", "his",
    "him", "them", "their", "for", "from", "with", "about", "many", "more", "most", "much", "some", "such", "very",
    "just", "like", "last", "first", "new", "said", "says", "say", "think", "know", "want", "need", "get", "got",
    "less", "even", "ever", "every", "own", "same", "still", "well", "here", "these", "those", "both", "each",
  ];
  for (const word of words) {
    const rest = `${word} — Council minutes, 12 Oct.`;
    assert.deepEqual(texts(["W", "e", rest]), [`We ${rest}`], word);
  }
  // …but letters that make a word with what follows join it: S / o / me is "Some".
  assert.deepEqual(texts(["S", "o", "me people left early."]), ["Some people left early."]);
});

test("an article's own words, used at least twice, tell a drop cap's word: A / nnabelle", () => {
  const article = (mentions: number) => [
    "Council Keeps Policy",
    "A",
    "nnabelle Lee filed the papers on Monday.",
    ...Array.from({ length: mentions }, (_, i) => `Annabelle spoke at meeting number ${i + 1}.`),
  ];
  assert.equal(texts(article(2))[1], "Annabelle Lee filed the papers on Monday.");
  // Once is not enough: the split itself leaves one-off fragments ("ver" in "O ver").
  assert.equal(texts(article(1))[1], "A nnabelle Lee filed the papers on Monday.");
});

test("a drop cap on a word no list knows is rejoined when its letter is not a word: B / uilding", () => {
  assert.deepEqual(texts(["Bridge Opens", "B", "uilding the bridge took ten years."]), ["Bridge Opens", "Building the bridge took ten years."]);
  assert.deepEqual(texts(["T", "HE PRESIDENT SPOKE ON MONDAY."]), ["THE PRESIDENT SPOKE ON MONDAY."]);
});

test("I, A or O before a word they do not start stays a word: I / do not know, O / say", () => {
  assert.deepEqual(texts(["I", "do not know what the council will decide, she said."]), ["I do not know what the council will decide, she said."]);
  assert.deepEqual(texts(["O", "say can you see, the crowd sang."]), ["O say can you see, the crowd sang."]);
});

test("interview markers Q and A stay on their own before a capitalised answer, wherever they are", () => {
  const interview = ["Council Keeps Policy", "Q", "What did the council decide?", "A", "The council kept the policy."];
  assert.deepEqual(texts(interview), interview);
});

test("every opening quote or bracket printed alone is rejoined to what it opens", () => {
  for (const opener of ["“", '"', "‘", "'", "(", "["]) {
    assert.deepEqual(texts(["Council Keeps Policy", opener, "We will not comply,” the mayor said."]), ["Council Keeps Policy", `${opener}We will not comply,” the mayor said.`], opener);
  }
});

test("a lone dash or digit before a drop cap does not stop the drop cap's rejoining", () => {
  assert.deepEqual(texts(["Council Keeps Policy", "—", "T", "he council voted on Tuesday."]), ["Council Keeps Policy", "—", "The council voted on Tuesday."]);
});

test("lone letters or quotes at the very end of an article are kept as they are", () => {
  for (const end of [["J"], ["A"], ["“"], ["C", "N"]]) {
    const input = ["Council Keeps Policy", "The council voted on Tuesday.", ...end];
    assert.deepEqual(texts(input), input, end.join("/"));
  }
  const cut = ["Council Keeps Policy", "The vote is set for Tuesday. P"];
  assert.deepEqual(texts(cut), cut);
});

test("a glued drop cap after a closing quote moves back to its word, and each paragraph keeps its line", () => {
  assert.deepEqual(rejoinDropCaps(paras("“It is over,” she said.” P", "ak died on Sunday, friends said.")), [
    { text: "“It is over,” she said.”", line: 1 },
    { text: "Pak died on Sunday, friends said.", line: 2 },
  ]);
});

test("a capital letter and a space inside a paragraph are left alone: only a paragraph's first letter is a drop cap", () => {
  const input = ["The campaign, called B e Ready, ended in May."];
  assert.deepEqual(texts(input), input);
});
