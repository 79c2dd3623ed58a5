// Firms and bodies named like people, or with words before them ("Procter & Gamble said", "Macy's said"):
// a reader's people pages must not list "Gamble", "Macy" or "Moody". Apart from
// entities.test.ts so that an incremental mutation run re-tests only what this file reaches.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractMentions, mentionNames } from "../../src/ingest/entities.ts";

const names = (...paragraphs: string[]) => mentionNames(extractMentions({ title: "", paragraphs }));

describe("an ampersand between capitalized words", () => {
  test("joins a firm's name, and the word after it is nobody's name", () => {
    assert.deepEqual(names("Procter & Gamble said profits rose 4 percent."), { people: [], organizations: ["Procter & Gamble"], places: [], events: [] });
    assert.deepEqual(names("Shoppers at Marks & Spencer and Quill & Zorvan found bargains, the chains said.").organizations, ["Marks & Spencer", "Quill & Zorvan"]);
    // A firm named after one person keeps the ampersand: "Ernst & Young" is not a person called Young.
    assert.deepEqual(names("Auditors from Ernst & Young said the books were sound.").people, []);
  });

  test("keeps a known name whole and leaves the words after it ('Goldman Sachs & Co')", () => {
    assert.deepEqual(names("Goldman Sachs & Co said it would advise the board.").organizations, ["Goldman Sachs"]);
  });

  test("does not join two places or a known name after it", () => {
    const found = names("Voters in Serbia & Montenegro went to the polls.");
    assert.deepEqual(found.places, ["Montenegro", "Serbia"]);
    assert.deepEqual(found.organizations, []);
    const unknownFirst = names("Trade between Zorvania & Montenegro rose in March.");
    assert.ok(unknownFirst.places.includes("Montenegro"), unknownFirst.places.join(", "));
    assert.deepEqual(unknownFirst.organizations, []);
  });

  test("does not join two people, or a word and a person whose given name follows", () => {
    assert.deepEqual(names("Agents compared Ted Kaczynski & George Metesky in the report.").people, ["George Metesky", "Ted Kaczynski"]);
    assert.deepEqual(names("Agents compared Kaczynski & Dana Metesky in the report.").organizations, []);
    assert.ok(names("Agents compared Kaczynski & Dana Metesky in the report.").people.includes("Dana Metesky"));
    // A person named before a firm: "Gary Quill of Zorvan Edwards & Sons" is Gary Quill, not one firm.
    assert.deepEqual(names("The shares will fall, said Gary Quill of Zorvan Edwards & Sons.").people, ["Gary Quill"]);
  });

  test("joins a firm named after someone's given name ('Tiffany & Co')", () => {
    assert.deepEqual(names("Tiffany & Co said sales rose 5 percent.").organizations, ["Tiffany & Co"]);
  });

  test("does not join a name ending in a head word to the next one ('Zorvan Police Department & Quill Rescue')", () => {
    const found = names("Officers from the Zorvan Police Department & Quill Rescue arrived.");
    assert.ok(found.organizations.includes("Zorvan Police Department"), found.organizations.join(", "));
    assert.ok(!found.organizations.some((o) => o.includes("&")), found.organizations.join(", "));
    const places = names("Roads in Zorvan County & Quill Township were closed.");
    assert.ok(places.places.includes("Zorvan County"), places.places.join(", "));
    assert.ok(![...places.places, ...places.organizations].some((o) => o.includes("&")), JSON.stringify(places));
    // One head word alone before the ampersand is no firm's name either.
    assert.deepEqual(names("The Agency & Quill Zorvan said it would appeal.").organizations.filter((o) => o.includes("&")), []);
  });

  test("at a paragraph's end, or before a lowercase word, joins nothing", () => {
    assert.deepEqual(names("He sold his stake to Quill &").organizations, []);
    assert.deepEqual(names("Zorvan & others said the plan was late.").organizations, []);
  });

  test("Standard & Poor's is one agency however it is written", () => {
    for (const text of ["Standard & Poor's said it may cut the rating.", "Standard & Poor's ratings fell.", "S&P said it may cut the rating.", "Standard and Poor 's said it may cut the rating."]) {
      const found = names(text);
      assert.deepEqual(found.organizations, ["Standard & Poor's"], text);
      assert.deepEqual(found.people, [], text);
    }
  });
});

describe("a possessive before a verb of saying", () => {
  test("names a company (or says 'has said'), not a person", () => {
    assert.deepEqual(names("Macy's said sales fell in March.").people, []);
    assert.deepEqual(names("Zorvan's says it will open 12 stores.").people, []);
    assert.deepEqual(names("Quill Zorvan's said it will open 12 stores.").people, []);
  });

  test("while the same name with no possessive is a person, and a verb before the name still cues it", () => {
    assert.deepEqual(names("Zorvan said sales fell in March.").people, ["Zorvan"]);
    assert.deepEqual(names("Sales fell in March, said Zorvan's lawyer.").people, ["Zorvan"]);
  });
});

describe("one word left alone next to a verb of saying", () => {
  test("is nobody's name when it is a firm's or a body's head word, a place's, or one letter", () => {
    const cases: [string, string][] = [
      ["Co", "Trading was heavy, Smith Barney, Harris Upham and Co said."],
      ["Exchange", "Trading will resume on Tuesday, the Exchange said."],
      ["County", "The roads will reopen, the County said on Monday."],
      ["P", "The rating was cut, S and P said."],
    ];
    for (const [word, text] of cases) assert.ok(!names(text).people.includes(word), `${word}: ${text}`);
  });

  test("while a surname alone is still a person", () => {
    assert.deepEqual(names("The roads will reopen, Zorvan said on Monday.").people, ["Zorvan"]);
    assert.deepEqual(names("The rating was cut, Qu said.").people, ["Qu"]);
  });
});

/** Each text names its organization alone, and no person. */
function organizationsNotPeople(cases: [string, string][]): void {
  for (const [text, org] of cases) {
    const found = names(text);
    assert.deepEqual(found.organizations, [org], text);
    assert.deepEqual(found.people, [], text);
  }
}

describe("names the lists make firms, forces and papers", () => {
  test("'General Electric said' is the company, not a general called Electric", () => {
    for (const text of ["Profits rose, General Electric said.", "Profits rose, GE said."]) {
      const found = names(text);
      assert.deepEqual(found.organizations, ["General Electric"], text);
      assert.deepEqual(found.people, [], text);
    }
    assert.deepEqual(names("General Mills said cereal sales fell.").organizations, ["General Mills"]);
  });

  test("a navy, an army, an air force or a daily is a body, not a person ('Zorvan Navy said', 'Air Force said', 'Quill Daily said')", () => {
    organizationsNotPeople([
      ["The Zorvan Navy said it attacked a ship.", "Zorvan Navy"],
      ["The Zorvan Army said it had withdrawn.", "Zorvan Army"],
      // Reuters 1987: "Air Force" alone took a person page (12 articles).
      ["The contract was awarded, Air Force officials said.", "Air Force"],
      ["The Zorvan Air Force said two jets were lost.", "Zorvan Air Force"],
      ["A Quill Task Force said it would report in May.", "Quill Task Force"],
      ["Quill Daily said the harvest was good.", "Quill Daily"],
    ]);
  });
});

test("banks, brokers and agencies named like people are organizations ('Smith Barney said', 'Statistics Canada said')", () => {
  // Each took a person page in a Reuters build (Smith Barney 46 articles, Statistics Canada 27).
  organizationsNotPeople([
    ["Smith Barney said it would buy the firm.", "Smith Barney, Harris Upham and Co"],
    ["Statistics Canada said prices rose 0.4 pct.", "Statistics Canada"],
    ["Societe Generale said it would open a branch.", "Societe Generale"],
    ["Kidder Peabody said the offer was fair.", "Kidder, Peabody and Co"],
    ["Eli Lilly said sales rose.", "Eli Lilly"],
    ["Fiat SpA said profits rose.", "Fiat"],
    ["Hughes Tool said it would cut jobs.", "Hughes Tool"],
  ]);
  organizationsNotPeople([
    ["Zorvan Tessile SpA said profits rose.", "Zorvan Tessile SpA"],
    ["Zorvan Werke GmbH said it would close a plant.", "Zorvan Werke GmbH"],
  ]);
  // A class of shares is no one (Reuters: "Class B" in 35 articles).
  assert.deepEqual(names("Each unit consists of four common shares and one Class A warrant allowing the purchase of one common share and one Class B warrant from March 25, 1987.").people, []);
  // "First Boston" is a bank, not the city.
  const boston = names("First Boston Corp said it had sold the shares.");
  assert.deepEqual(boston.places, []);
  assert.deepEqual(boston.people, []);
});

test("a person named with the firm they are of is the person and the firm ('Paul Quill of Zorvan Securities said')", () => {
  // Reuters' analysts are named so ("John Ing of Maison Placements Canada Inc"): the firm's head
  // word made the whole run one organization, and the analyst was lost.
  for (const [text, person, org] of [
    ["Prices will rise, said Paul Quill of Zorvan Securities.", "Paul Quill", "Zorvan Securities"],
    ["The shares are cheap, analyst Mary Zorvan of Quill Holdings Inc said on Monday.", "Mary Zorvan", "Quill Holdings Inc"],
    ["Paul Quill of the Zorvan Group said talks would resume.", "Paul Quill", "Zorvan Group"],
    ["Ann Lee for the Zorvan Relief Fund said aid was on its way.", "Ann Lee", "Zorvan Relief Fund"],
  ]) {
    const found = names(text);
    assert.deepEqual(found.people, [person], text);
    assert.deepEqual(found.organizations, [org], text);
  }
  // A name that starts with a head or lead word, not a given name, is still one organization.
  organizationsNotPeople([
    ["The Bank of Zorvan said rates would stay.", "Bank of Zorvan"],
    ["The Royal Bank of Zorvan Group said profits rose.", "Royal Bank of Zorvan Group"],
    ["The University of Quill Press said it would publish the book.", "University of Quill Press"],
  ]);
});

test("miners, consultancies and laboratories named like people are firms ('Zorvan Resources said')", () => {
  // Each took a person page in a Reuters build ("Cornucopia Resources", "Computer Associates", "Hollywood Laboratories").
  organizationsNotPeople([
    ["Zorvan Resources said it found gold at the mine.", "Zorvan Resources"],
    ["Quill Associates said it would bid for the company.", "Quill Associates"],
    ["Zorvan Laboratories said its sales rose.", "Zorvan Laboratories"],
  ]);
});

test("Aston Villa is a football club, not a person called Aston", () => {
  const found = names("Aston Villa said the striker would stay until the summer.");
  assert.deepEqual(found.organizations, ["Aston Villa"]);
  assert.deepEqual(found.people, []);
});

test("a station, a label, a club or a league the lists name is no person ('Tehran Radio said', 'Real Madrid said')", () => {
  organizationsNotPeople([
    ["Tehran Radio said the talks had failed.", "Tehran Radio"],
    ["Zorvan Records said the album would be out in May.", "Zorvan Records"],
    ["Real Madrid said the striker would stay.", "Real Madrid"],
  ]);
  assert.deepEqual(names("Sale lead the Zorvan Premiership by three points.").events, ["Zorvan Premiership"]);
});

test("words before 'on' or 'for' are no part of an organization's name unless one is a lead or head word", () => {
  const orgs = (text: string) => names(text).organizations;
  assert.deepEqual(orgs("Speaking on BBC Radio, the minister said no."), ["BBC Radio"]);
  assert.deepEqual(orgs("Kim Lee, a Democrat on the Senate Intelligence Committee, said no."), ["Senate Intelligence Committee"]);
  assert.deepEqual(orgs("Lawyers for Zorvan Quill Inc met the union."), ["Zorvan Quill Inc"]);
  // A capitalized "For" is part of the name as printed.
  assert.deepEqual(orgs("Money went to the Zorvan For Quill Foundation."), ["Zorvan For Quill Foundation"]);
  // An organization's own head word before "on" or "for" keeps the whole name.
  assert.deepEqual(orgs("The Council on Foreign Relations published the report."), ["Council on Foreign Relations"]);
  assert.deepEqual(orgs("The Institute for Quill Studies published the report."), ["Institute for Quill Studies"]);
});

describe("a run ending in a known place", () => {
  test("is a firm's or a team's name, not a person's, unless a given name starts it", () => {
    const people = (...paragraphs: string[]) => names(...paragraphs).people;
    assert.deepEqual(people("Air Canada said it would cut fares."), []);
    assert.deepEqual(people("Atletico Madrid said the coach would stay."), []);
    assert.deepEqual(people("Michael Jordan said he would return."), ["Michael Jordan"]);
  });

  test("nor does a known place and an ordinary word start one ('Ohio Power'), though a place may be a given name ('Rio Ferdinand')", () => {
    const people = (...paragraphs: string[]) => names(...paragraphs).people;
    assert.deepEqual(people("Kansas City Southern said it would sell the railroad."), []);
    assert.deepEqual(people("Ohio Power said the plant would close, and power prices rose."), []);
    assert.deepEqual(people("Rio Ferdinand said he was fit."), ["Rio Ferdinand"]);
    // A given name that is also a place, with an ordinary word after it.
    assert.deepEqual(people("Georgia Brown said the tour would go on, in brown shoes."), ["Georgia Brown"]);
  });

  test("its first word alone later names the firm again, not a person", () => {
    assert.deepEqual(names("Shell Canada raised prices on Monday.", "Shell said the move followed crude.").people, []);
  });
});

describe("a known firm's name", () => {
  test("written in part later names the firm again, not a person", () => {
    assert.deepEqual(names("Sears Roebuck reported higher sales on Monday.", "Sears said sales rose in the quarter."), { people: [], organizations: ["Sears, Roebuck and Co"], places: [], events: [] });
    assert.deepEqual(names("Auditors at Arthur Andersen found nothing amiss, Andersen said.").people, []);
  });

  test("leaves a person named like it a person when the article names them in full", () => {
    assert.deepEqual(names("Sears Roebuck reported higher sales on Monday.", "The analyst Michael Sears said the shares were cheap. Sears said more.").people, ["Michael Sears"]);
  });
});

describe("a word for a firm or a paper right before a name ('the newsletter Oil World said')", () => {
  test("makes the name an organization, not a person the verb of saying would make it", () => {
    const found = names("Demand stayed strong, the Hamburg based newsletter Zorvan World said.");
    assert.deepEqual(found.people, []);
    assert.deepEqual(found.organizations, ["Zorvan World"]);
    assert.deepEqual(names("The Dutch daily Quill Handelsblad said the cabinet would fall.").organizations, ["Quill Handelsblad"]);
    // Without the cue word the same sentence names a person, as before.
    assert.deepEqual(names("Demand stayed strong, Zorvan World said.").organizations, []);
  });

  test("its first word alone later is that firm again, not a person", () => {
    const found = names("The insurer Zorvan Sun Life said it would cut jobs.", "Zorvan said the cuts would come in March.");
    assert.deepEqual(found.people, []);
    assert.deepEqual(found.organizations, ["Zorvan Sun Life"]);
  });

  test("leaves a person named after the word alone: a given name, a possessive, a lone word", () => {
    // A given name anywhere in the name, hyphenated too: the firm's person, not the firm.
    assert.deepEqual(names("The consultancy Jeanne-Marie Quill said the time was ripe.").organizations, []);
    assert.deepEqual(names("The company Dana Quill founded in 1990 was sold.").organizations, []);
    assert.deepEqual(names("Speaking for the bank Governor R.N. Zorvan said rates would hold.").organizations, []);
    // "Time magazine's Zorvan Edwards" works for the magazine; "the bank's Zorvan exposure" is the bank's.
    assert.deepEqual(names("A new book by the magazine's Zorvan Edwards shows how.").organizations, []);
    // Words the run's reading dropped from its start ("Americans for") leave no name for the cue.
    assert.ok(!names("The conservative group Americans for Tax Reform backs the bill.").organizations.includes("Tax Reform"));
    // One word after the cue ("the company Friday said") is left to the rules for lone words.
    assert.deepEqual(names("The company Zorvan said on Friday it would merge.").organizations, []);
  });
});

describe("a firm's name ending in an industry's word ('Esso Exploration', 'Safeway Stores')", () => {
  test("is an organization, and its first word alone later is that firm, not a person", () => {
    const found = names("Zorvan Exploration found oil off Norway.", "Zorvan said the field was large.");
    assert.deepEqual(found.organizations, ["Zorvan Exploration"]);
    assert.deepEqual(found.people, []);
    assert.deepEqual(names("Quill Supermarkets and Zorvan Pharmaceuticals said sales rose.").organizations, ["Quill Supermarkets", "Zorvan Pharmaceuticals"]);
  });

  test("before 'and' is not yet a whole name: 'ZCL Chemicals and Plastics Inc' is one firm, 'Zorvan Corp and Quill Inc' two", () => {
    assert.deepEqual(names("Output at ZCL Chemicals and Plastics Inc rose.").organizations, ["ZCL Chemicals and Plastics Inc"]);
    assert.deepEqual(names("Output at Zorvan Corp and Quill Inc rose.").organizations, ["Quill Inc", "Zorvan Corp"]);
  });
});

describe("a possessive inside an organization's name", () => {
  test("ends the name when what owns it is a place, a person or another body", () => {
    const florida = names("The firm failed, according to Florida's Department of Insurance.");
    assert.deepEqual(florida.organizations, ["Department of Insurance"]);
    assert.deepEqual(florida.places, ["Florida"]);
    const owner = names("Dana Quill's Zorvan Entertainment Enterprises bought the firm.");
    assert.deepEqual(owner.people, ["Dana Quill"]);
    assert.deepEqual(owner.organizations, ["Zorvan Entertainment Enterprises"]);
    assert.deepEqual(names("A deal with the IMF's European Department was signed.").organizations.includes("European Department"), true);
  });

  test("is part of the name when one word owns it: a saint, a firm named so, a group of people", () => {
    assert.deepEqual(names("Shoppers filled St David's Shopping Centre in Cardiff.").organizations, ["St David's Shopping Centre"]);
    assert.deepEqual(names("Analysts at Quill's Investors Service cut the rating.").organizations, ["Quill's Investors Service"]);
    assert.deepEqual(names("The Children’s Defense Fund said so.").organizations, ["Children’s Defense Fund"]);
    assert.deepEqual(names("The Actors' Equity Association said so.").organizations, ["Actors' Equity Association"]);
    assert.deepEqual(names("Deputies met the Major County Sheriff's Association.").organizations, ["Major County Sheriff's Association"]);
  });
});

describe("sports clubs ('Leicester Tigers said', 'Borussia Dortmund', 'Nottingham Forest')", () => {
  test("are organizations, not people a verb of saying makes", () => {
    const found = names("Leicester Tigers said they would appeal, and Borussia Dortmund agreed.", "Nottingham Forest lost again, and Sale Sharks beat London Wasps.");
    assert.deepEqual(found.people, []);
    assert.deepEqual(found.organizations, ["Borussia Dortmund", "Leicester Tigers", "London Wasps", "Nottingham Forest", "Sale Sharks"]);
  });
});

describe("a person 'of' a firm or a body ('Danuta Zielonka of Wertheim Schroder Co Inc said')", () => {
  test("is read apart from it, even without a given name first", () => {
    assert.deepEqual(names("Danuta Zielonka of Wertheim Schroder Co Inc said rates would rise.").organizations, ["Wertheim Schroder Co Inc"]);
    const found = names("Lawyer John Smith of the Justice Department said he would appeal.");
    assert.deepEqual(found.people, ["John Smith"]);
    assert.deepEqual(found.organizations, ["Department of Justice"]);
  });

  test("but a firm named for a place is one firm ('Barnett Banks of Florida Inc')", () => {
    const found = names("Barnett Banks of Florida Inc said profits rose.");
    assert.deepEqual(found.organizations, ["Barnett Banks of Florida Inc"]);
    assert.deepEqual(found.people, []);
  });
});

describe("a role before 'of' and a body ('CEO of the Zorvan Foundation')", () => {
  test("is the person's role, not part of the body's name, which is read apart", () => {
    // Organization pages were made for "CEO of the Virginia Tech Foundation", "President of
    // the European Parliament" and 40 "Chairman of ..." names in Reuters.
    for (const [text, org] of [
      ["Ann Lee, CEO of the Zorvan Foundation, said the gift was welcome.", "Zorvan Foundation"],
      ["He met the President of the Quillish Parliament on Monday.", "Quillish Parliament"],
      ["The Chairman of the Zorvan Budget Committee said cuts were coming.", "Zorvan Budget Committee"],
      ["Paul Quill, Senior Managing Director of Zorvan Securities, said shares would rise.", "Zorvan Securities"],
      ["Officials of the Zorvan Stock Exchange said trading would resume.", "Zorvan Stock Exchange"],
    ]) {
      assert.deepEqual(names(text).organizations, [org], text);
    }
  });

  test("but a body whose own name starts with a head word keeps it ('Executive Committee of the Zorvan Exchange')", () => {
    assert.deepEqual(names("The Executive Committee of the Zorvan Stock Exchange met on Friday.").organizations, ["Executive Committee of the Zorvan Stock Exchange"]);
    assert.deepEqual(names("The Bank of Zorvan said rates would stay.").organizations, ["Bank of Zorvan"]);
  });
});

describe("bodies named like people, listed in data/organizations.json", () => {
  test("are organizations under their canonical name, and nobody's people page", () => {
    assert.deepEqual(names("Scotland Yard said the arrests followed a tip."), { people: [], organizations: ["Scotland Yard"], places: [], events: [] });
    assert.deepEqual(names("Fannie Mae and Freddie Mac shares fell."), { people: [], organizations: ["Fannie Mae", "Freddie Mac"], places: [], events: [] });
    assert.deepEqual(names("He was chief operating officer of Twentieth Century Fox Film Corp until 1985.").organizations, ["20th Century Fox"]);
    assert.deepEqual(names("Gateway Pundit and Campus Reform ran the story.").people, []);
  });
});

describe("works listed in data/events.json", () => {
  test("are works, not people, whatever comes before them", () => {
    assert.deepEqual(names("Jailhouse Rock was out-selling every other single."), { people: [], organizations: [], places: [], events: ["Jailhouse Rock"] });
    assert.deepEqual(names("She is starring in A Very Long Engagement, directed by Jean-Pierre Jeunet.").events, ["A Very Long Engagement"]);
    assert.deepEqual(names("ITV1's Pop Idol format returns.").people, []);
    assert.deepEqual(names("She appeared on The Dr. Oz Show last week."), { people: [], organizations: [], places: [], events: ["The Dr. Oz Show"] });
    assert.deepEqual(names("Imelda Staunton won for Vera Drake, Mike Leigh's film."), { people: ["Imelda Staunton", "Mike Leigh"], organizations: [], places: [], events: ["Vera Drake"] });
  });
});

describe("a firm's industry word last, or its French, Italian or Spanish first word", () => {
  test("makes the run a firm, and the name after the first word alone later is that firm again", () => {
    assert.deepEqual(names("Dome Mines said output rose, and Philadelphia Electric said profits rose."), { people: [], organizations: ["Dome Mines", "Philadelphia Electric"], places: [], events: [] });
    assert.deepEqual(names("Regie Nationale des Usines Renault raised prices. Renault said demand was strong."), { people: [], organizations: ["Usines Renault"], places: [], events: [] });
    assert.deepEqual(names("Gruppo Ferruzzi said it would bid.").organizations, ["Gruppo Ferruzzi"]);
  });
  test("a mine is a place", () => {
    assert.deepEqual(names("Dome Mines said output rose at its Sigma Mine.").places, ["Sigma Mine"]);
  });
});

describe("a name that starts with an organization's name, repeated by its last word", () => {
  const game = (name: string, word: string) => `He cited the success of the ${name} video game, which pushed ${word} console sales past rivals.`;

  test("is no person: the repeat alone says nothing more of it ('Microsoft Xbox' then 'Xbox')", () => {
    assert.deepEqual(names(game("Microsoft Xbox", "Xbox")).people, []);
    // An organization the article names, not a known one: "Quillcorp Zorvan" after "Quillcorp Holdings".
    assert.deepEqual(names("Quillcorp Holdings raised its forecast.", game("Quillcorp Zorvan", "Zorvan")).people, []);
  });

  test("keeps a person whose first word names no organization, repeated the same way", () => {
    assert.deepEqual(names(game("Quintero Vasquez", "Vasquez")).people, ["Quintero Vasquez"]);
  });

  test("keeps a person when the repeat has a cue of its own ('Zorvan said' is someone speaking)", () => {
    assert.deepEqual(names(game("Microsoft Zorvan", "Microsoft"), "“We are pleased,” Zorvan said.").people, ["Microsoft Zorvan"]);
  });
});

describe("an industry's word ending a name", () => {
  test("makes a firm of it, not a person, even next to 'said' ('Waste Management', 'Fairchild Semiconductor', 'Greyhound Lines')", () => {
    for (const firm of ["Waste Management", "Fairchild Semiconductor", "Greyhound Lines", "Firestone Tire", "Sun Refining", "Upland Minerals", "Personal Computer", "Zorvan Shipping"]) {
      const found = names(`${firm} said profits rose 4 percent.`);
      assert.deepEqual(found.people, [], firm);
      assert.deepEqual(found.organizations, [firm], firm);
    }
  });
});

describe("a known federal body after 'US'", () => {
  test("is that body, and the country a place ('US Securities and Exchange Commission', 'U.S. Federal Reserve')", () => {
    const sec = names("In a filing with the US Securities and Exchange Commission, the firm said so.");
    assert.deepEqual(sec.organizations, ["Securities and Exchange Commission"]);
    assert.deepEqual(sec.places, ["United States"]);
    assert.deepEqual(names("The U.S. Federal Reserve raised rates on Wednesday.").organizations, ["Federal Reserve"]);
  });

  test("is not taken for the federal body after a state ('Texas Supreme Court')", () => {
    assert.deepEqual(names("The Texas Supreme Court ruled on Monday.").organizations, ["Texas Supreme Court"]);
  });
});
