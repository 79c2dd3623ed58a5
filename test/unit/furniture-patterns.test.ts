/**
 * The word lists and patterns of src/ingest/furniture-patterns.ts, tested as what they
 * decide for a reader: which lines are page furniture (never shown), which are reporting
 * (always shown), who wrote the article and who published it. Each list entry is checked
 * against a line that needs it, and each pattern against a real sentence that looks like
 * furniture but is not. All fixture text is made up.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readContributionLine, readLeadCredit } from "../../src/ingest/credits.ts";
import {
  DATELINE_MONTH,
  MAX_CREDIT_LENGTH,
  MAX_PHOTO_CREDIT_LENGTH,
  MAX_RECURRING_LENGTH,
  PUBLISHER_ALTERNATION,
  PUBLISHERS,
} from "../../src/ingest/furniture-patterns.ts";
import {
  isContributorCredit,
  isPhotoCredit,
  NO_FURNITURE_EVIDENCE,
  normalizeFurnitureLine,
  removeFurniture,
  type FurnitureEvidence,
} from "../../src/ingest/furniture.ts";
import { parseByline, parseDateline, titleFromLead } from "../../src/ingest/structure.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

const headline = "Council Keeps Policy After Long Night";
const story = [
  "The county commission voted 7-6 on Friday to keep the policy in place, after a nine-hour meeting that ran well past midnight.",
  "Opponents said they would take the decision to court, and the sheriff said his deputies would follow the law as it stands.",
];

/** What the furniture step calls `line` when it follows the story (undefined: the reader sees it). */
function kindAfterStory(line: string, evidence: FurnitureEvidence = NO_FURNITURE_EVIDENCE): string | undefined {
  const { removed } = removeFurniture(paras(headline, ...story, line), evidence);
  return removed.find((r) => r.line === story.length + 2)?.kind;
}

/** Evidence that `lines` recur across the archive. */
function recurringEvidence(...lines: string[]): FurnitureEvidence {
  return { ...NO_FURNITURE_EVIDENCE, recurring: lines.map(normalizeFurnitureLine).sort() };
}

/** Every line is removed as `kind` (undefined: every line stays); the failure lists the lines that are not. */
function assertKinds(lines: string[], kind: string | undefined): void {
  const wrong = lines.filter((line) => kindAfterStory(line) !== kind).map((line) => `${line} → ${kindAfterStory(line)}`);
  assert.deepEqual(wrong, []);
}

test("video captions go: the CLOSE prefix, a play bar of block characters, a '(Jan. 25) AP' credit", () => {
  assertKinds(
    [
      "CLOSE One week in, the mayor is doing what he said he would do, sort of.",
      "CLOSE  Two weeks in, the mayor has changed course.",
      "One week in, the mayor is doing what he said he would do... sort of. ███",
      "The mayor speaks to reporters at city hall ▶▶",
      "The mayor signs the order in his office. (Jan. 25) AP",
      "The mayor signs the order in his office. (June 3, 2016) Reuters",
      "The governor tours the flooded streets. (Sept 9) USA TODAY",
      "Floodwater fills a street in the old town. (Feb 1) Storyful",
      "The senator leaves the chamber. (March 5) Getty Images",
      "Crowds gather outside the courthouse. (Oct. 12) WXYZ",
      "A crowd waits for the ruling. (Dec 31)AFP",
      "The rally in the park. (Jun 3) AP",
      "The parade on Main Street. (Jul 4) AP",
      "The storm reaches the coast. (Sep 9) AP",
      "The senator leaves the chamber. (Mar 5) Getty",
    ],
    "video-caption",
  );
});

test("lines that only look like video captions stay", () => {
  assertKinds(
    [
      "Close to 200 people attended the meeting, the clerk said.",
      "Officials kept the results CLOSE to the vest until Friday.",
      "The chart marked each district ██ with a bar and a number.",
      "Press play ▶ to start the recording, the site said.",
      "The button on the page is marked ▶",
      "The vote was moved to (Jan. 25) next year by the board.",
      "(Jan. 25) AP reported the vote first, the clerk said.",
      "The poll was taken on (Jan. 25) by 12 interviewers.",
    ],
    undefined,
  );
});

test("an 'Up Next' video teaser goes with its label; a sentence starting 'Up next' stays", () => {
  for (const label of ["Up Next", "UP NEXT:", "Next up", "Watch next", "Up next :"]) {
    const { kept, removed } = removeFurniture(paras(headline, ...story, label, "Mayor's plan for the river walk, explained"), NO_FURNITURE_EVIDENCE);
    assert.deepEqual(kept.map((p) => p.text), [headline, ...story], label);
    assert.deepEqual(removed.map((r) => r.kind), ["up-next", "up-next"], label);
  }
  assertKinds(["Up next for the council is the budget, which is due in May.", "The budget is up next"], undefined);
});

test("share widgets, counters and calls to share go", () => {
  assertKinds(
    [
      "16.8k SHARES SHARE THIS STORY",
      "2,304 shares",
      "1.2 M SHARES",
      "Shares 402",
      "Share this:",
      "Share this story",
      "Share this article :",
      "share this post",
      "Click to share on Twitter (Opens in new window)",
      "Click to email this to a friend (Opens in new window)",
      "Click to print (Opens in new window)",
      "Share | Tweet | Email",
      "Tweet • Facebook",
      "Print, Share",
      "Email · Twitter",
      "Pin it | Facebook",
      "Share this story on Facebook and let us know what you think in the comments!",
      "Please share this with your friends on Twitter.",
      "Make sure to share this with everyone you know!",
      "Be sure to share if you agree, and tell your friends.",
      "Please share this and leave a comment below!",
      "Share | Tweet | Email | Pin it | Print | Facebook | Twitter",
      "Share|Tweet|Email|Print|Facebook|Twitter|Pin it",
      "1 share",
      "1 SHARE",
      "Share 402",
      "Shares 1.2K",
      "Shares 402 k",
    ],
    "share-widget",
  );
});

test("a bar of share buttons goes, whatever button words it is made of", () => {
  // Each line pairs a share word with one of the other words a share bar is made of.
  const words = [
    "share", "shares", "shared", "tweet", "email", "e-mail", "print", "pin", "it", "on", "via", "this", "article",
    "story", "post", "facebook", "twitter", "x", "pinterest", "linkedin", "whatsapp", "reddit", "messenger",
    "flipboard", "tumblr", "telegram", "copy", "link", "save", "sms", "google+", "more",
  ];
  for (const word of words) assert.equal(kindAfterStory(`Tweet ${word}`), "share-widget", word);
  assert.equal(kindAfterStory("Share on Facebook"), "share-widget");
  assert.equal(kindAfterStory("Tweet / Pin It / Copy Link"), "share-widget");
});

test("sentences about sharing stay", () => {
  assertKinds(
    [
      "She shares with us things she found on Facebook, her sister said.",
      "Share prices fell on Friday after the report.",
      "Print the map and bring it with you, officials said.",
      "Shares of the company rose 4 percent in early trading.",
      "He said 2,304 shares changed hands before noon.",
      "The post office will share the building with the library.",
      "Sharing this story on Facebook, she said, was how she found her brother.",
      "Share this with your family, the pastor told the congregation on Sunday.",
      "Voters were told to share if they had seen anything, and the police thanked everyone.",
      "Users who click to share a post see a warning first.",
      "Share, tweet, email: the campaign tried everything, the manager said.",
      "2016's shares rose 4 percent.",
      "Shares 3.5%",
      "Shareholders, Twitter",
      "The campaign asked supporters to share, tweet",
      "Readers who liked it went on to share this",
    ],
    undefined,
  );
});

test("comment counts and comment links go", () => {
  assertKinds(
    [
      "12 Comments",
      "1,203 comments",
      "Comments (34)",
      "Comments 34",
      "Comment",
      "View 12 comments",
      "Read all 1,203 comments",
      "Show the replies",
      "Hide replies",
      "Load comments",
      "Post a comment:",
      "Add a comment",
      "Leave a response",
      "Write a response",
      "See all responses",
      "3 responses to “Council Keeps Policy”",
      "5 replies on Council Keeps Policy",
      "Responses (5)",
      "Response",
      "Join the discussion",
      "Join the conversation.",
      "Be the first to comment!",
      "Comment on this story",
      "Comment on this article",
    ],
    "comment-count",
  );
});

test("sentences about comments stay", () => {
  assertKinds(
    [
      "Comments from readers poured in after the vote, most of them angry.",
      "12 comments were filed with the agency before the deadline.",
      "Read the comments, the mayor said, and you will see the anger.",
      "The board will hear 40 responses to the survey on Monday.",
      "Join the discussion at city hall on Tuesday, the flyer said.",
      "Comment cards were handed out at the door.",
      "Officials did not respond to a request for comment.",
    ],
    undefined,
  );
});

test("newsletter and sign-up prompts go", () => {
  assertKinds(
    [
      "Sign up for our daily newsletter",
      "Subscribe to our newsletter",
      "Get the latest headlines in your inbox",
      "Get our morning briefing.",
      "Enter your email for alerts",
      "Never miss a story: get it by email",
      "Enter your email address to receive alerts",
      "Enter your e-mail to subscribe",
      "Join 28,000 readers who get our morning briefing.",
      "Never miss a story: get our email alerts",
      "Want more? Sign up for updates.",
      "Receive our newsletter every Friday",
      "Don't miss our daily briefing",
      "Don’t miss a thing: get our alerts",
      "Stay informed with our breaking news alerts",
      "Stay updated: subscribe today",
      "Stay in the loop with our newsletters",
      "Be the first to know: sign up for alerts",
      "Like this story? Get more stories like this in your inbox.",
      "Like this article? Share it with other readers and subscribe.",
    ],
    "signup-prompt",
  );
});

test("sentences about newsletters and sign-ups stay", () => {
  assertKinds(
    [
      "Subscribers to the newsletter grew by 20 percent last year, the publisher said.",
      "Receiving daily email alerts was part of the plan, she said.",
      "Voters can sign up for email alerts at the clerk's office, officials said.",
      "Signups for the newsletter doubled in March.",
      "Getting the newsletter out took the staff all night.",
      "Subscribed readers of the paper paid $4 a week.",
      "Get the lead out, the coach shouted at his team.",
    ],
    undefined,
  );
});

test("cookie notices go; news about cookies stays", () => {
  assertKinds(
    [
      "We use cookies to give you the best experience on our website.",
      "This site uses cookies. Learn more",
      "By using this site you accept cookies.",
      "By continuing to browse you consent to our use of cookies.",
      "Cookies help us deliver our services. By using them you agree.",
      "Cookie Policy",
      "Cookies settings",
      "Privacy & Cookies Policy",
      "Privacy and cookie settings",
      "We and our partners use cookies; see your preferences.",
      "This website stores cookies on your computer. Find out more.",
      "Our cookie policy has changed.",
      "We use a cookie to remember you",
    ],
    "signup-prompt",
  );
  assertKinds(
    [
      "The company uses cookies to follow your browsing across sites, the lawsuit said.",
      "Girl Scout cookies sold out at the fair on Saturday.",
      "She baked cookies for the volunteers, who ate them all.",
      "Cookie sales rose 4 percent, according to the bakers' group.",
    ],
    undefined,
  );
});

test("the buttons beside a cookie notice go with it; the same words elsewhere stay", () => {
  const notice = "We use cookies to give you the best experience on our website.";
  const buttons = [
    "Accept", "Accept all", "Accept cookies", "Accept and close", "I agree", "Agree", "OK", "Okay.", "Got it",
    "Manage preferences", "Manage settings", "Manage cookies", "Reject", "Reject all", "Decline", "Allow",
    "Allow all cookies", "Allow cookies", "Close", "Learn more", "More info",
  ];
  for (const button of buttons) {
    const { kept } = removeFurniture(paras(headline, ...story, notice, button), NO_FURNITURE_EVIDENCE);
    assert.deepEqual(kept.map((p) => p.text), [headline, ...story], button);
  }
  // A sentence beside the notice that ends or starts like a button stays.
  for (const line of ["Most of the residents agree", "Close to 200 people agreed."]) {
    const { kept } = removeFurniture(paras(headline, ...story, notice, line), NO_FURNITURE_EVIDENCE);
    assert.deepEqual(kept.map((p) => p.text), [headline, ...story, line], line);
  }
  const { kept } = removeFurniture(paras(headline, ...story, "Accept"), NO_FURNITURE_EVIDENCE);
  assert.deepEqual(kept.map((p) => p.text), [headline, ...story, "Accept"]);
});

test("contributor credits go, up to the credit length; reporting that mentions contributing stays", () => {
  const credits = [
    "Jane Roe contributed to this report.",
    "Jane Roe contributed to this story",
    "Jane Roe contributed to this article.",
    "John Doe contributed reporting.",
    "John Doe contributed reporting from Kabul.",
    "Jane Roe contributed additional reporting from Kabul",
    "JANE ROE CONTRIBUTED TO THIS REPORT.",
  ];
  for (const line of credits) assert.ok(isContributorCredit(line), line);
  assertKinds(credits, "contributor-credit");
  const real = [
    "Jane Roe contributed to this report. She lives in Tampa.",
    "She contributed $500 to the campaign this year.",
    "The rain contributed to this reporting delay, officials said.",
    "Jane Roe, who contributed to this reportage, disagreed.",
    "Jane Roe recontributed reporting notes.",
  ];
  for (const line of real) assert.ok(!isContributorCredit(line), line);
  const long = `${"The panel heard from residents for hours, and the chair said every voice mattered. ".repeat(4)}Jane Roe contributed reporting.`;
  assert.ok(long.length > MAX_CREDIT_LENGTH);
  assert.ok(!isContributorCredit(long));
  assert.equal(kindAfterStory(long), undefined);
});

test("the wire's sign-off goes at the end of the story; the word inside a sentence stays", () => {
  for (const signoff of ["Reuter", "Reuters", "REUTER", "More", "MORE"]) {
    assert.equal(kindAfterStory(signoff), "agency-signoff", signoff);
  }
  assertKinds(["Reuters reported the deal first.", "More than 200 people came.", "Said Reuter, the chairman.", "Less Is More"], undefined);
});

test("a recurring line with a web page's words goes; a recurring sentence of reporting stays", () => {
  const lines = [
    "Advertisement.",
    "Story continued below.",
    "Continue reading the main story.",
    "Read more at the site.",
    "See the full story here.",
    "Subscribers get it first.",
    "The newsletter is free.",
    "Please sign up today.",
    "Log in to keep reading.",
    "Login to keep reading.",
    "Your email address is safe.",
    "Please disable your ad blocker.",
    "Please turn off Adblock.",
    "The views expressed are the author's own.",
    "Follow us for more.",
    "Click here to see the map.",
    "Tell us in the comments.",
    "Leave your thoughts in the comments below.",
    "Share this with a friend.",
    "See related: the council's budget.",
    "This document has moved.",
    "All rights reserved.",
  ];
  // Each line stays in an article of its own, and goes once the archive shows it recurring.
  const wrong = lines.filter((line) => kindAfterStory(line) !== undefined || kindAfterStory(line, recurringEvidence(line)) !== "recurring");
  assert.deepEqual(wrong, []);
  // A copyright line under the story goes even in an article of its own.
  for (const line of ["Copyright 2016 The Daily Post.", "© 2016 The Daily Post."]) {
    assert.equal(kindAfterStory(line), "copyright", line);
    assert.equal(kindAfterStory(line, recurringEvidence(line)), "recurring", line);
  }
  // Real reporting recurs too: a standard wire sentence, and a short label that ends as a sentence.
  for (const line of ["Terms were not disclosed.", "The company declined to comment.", "No injuries were reported."]) {
    assert.equal(kindAfterStory(line, recurringEvidence(line)), undefined, line);
  }
  const long = `Copyright ${"and all of that, ".repeat(10)}`.trim();
  assert.ok(long.length > MAX_RECURRING_LENGTH);
  assert.equal(kindAfterStory(long, recurringEvidence(long)), undefined);
});

test("photo captions and credits go", () => {
  const credits = [
    "Photo by Justin Case/Getty Images",
    "Photos by Jane Doe",
    "Pictures by Jane Doe",
    "The mayor waves. Photograph: John Doe",
    "Featured image via Flickr",
    "eatured image via the city",
    "Image credit: Jane Doe",
    "Image credit by Jane Doe",
    "Photo courtesy of the Doe family",
    "Picture credits: Jane Doe",
    "Image credits : the museum",
    "The mayor at the rally (Photo by Jane Doe)",
    "The mayor at the rally (images via the city)",
    "The mayor at the rally (Photo credit: Jane Doe)",
    "The mayor waves. | Jane Doe/AFP via the pool",
    "The mayor speaks at a rally in Tampa on Friday. REUTERS/John Doe",
    "The mayor speaks at a rally. Reuters/John Doe/File Photo",
    "The mayor arrives at a hearing. (AP Photo/John Doe)",
    "The mayor arrives at a hearing. (Photo/John Doe)",
    "John Doe/Getty Images",
    "The mayor waves. John Doe/Shutterstock/Handout",
    "The mayor waves. Getty/John Doe",
    "The mayor waves. (Photograph: John Doe)",
    "The mayor waves. (Pictured: the mayor)",
    "The mayor waves. (Photo courtesy of the family)",
    "The mayor attends a vigil on Sunday. Photograph: John Doe/AFP",
    "Image: Reuters",
    "Photo: Jane Doe/Getty Images",
    "Image caption The mayor speaks at a rally",
    "Video source: the city",
    "FILE PHOTO: The mayor speaks at a rally on Friday.",
    "Pictured: the mayor on Friday",
    "Above: the mayor on Friday",
    "Credit: Jane Doe",
    "(Photo by Jane Doe)",
    "[Image via the city]",
    // A caption with the agency after a bar, then the headline again (Politico, 2016).
    '"We will win," the mayor said in March. | Getty Nine times the mayor said she would win',
    "The mayor waves to the crowd on Friday. | AP Photo Mayor: the river will be cleaned",
    "A mural on the hall in June 2015. | AP Phot",
    "The mayor (left) and her deputy. | Reuters",
  ];
  for (const line of credits) {
    assert.ok(isPhotoCredit(line), line);
    assert.equal(kindAfterStory(line), "photo-caption", line);
  }
  const long = `The mayor speaks at a rally. ${"The crowd cheered and the band played on. ".repeat(9)}REUTERS/John Doe`;
  assert.ok(long.length > MAX_PHOTO_CREDIT_LENGTH);
  assert.ok(!isPhotoCredit(long));
});

test("sentences that mention photos, images and agencies stay", () => {
  const real = [
    "PHOTO: Reporter Snaps Pic of Typical Fan at Rally",
    "The photo: a man in a red hat, the officer said, was taken on Friday.",
    "Photographs by Jane Doe hang in the museum until May.",
    "The image of the mayor (by a local artist) hangs in the hall.",
    "A photo by Jane Doe won the prize, the jury said.",
    "Reuters/Ipsos polling found the race tied.",
    "The AP/NORC poll found the race tied on Friday.",
    "He worked for Getty Images before joining the paper.",
    "Credits for the film ran for ten minutes.",
    "Above all, the mayor wants to win.",
    "The credit union said rates would rise.",
    "The mayor, pictured at the rally, waved to the crowd.",
    "Jane Doe and John Roe flew to Tampa on Friday.",
    "The mayor (AP Photo/John Doe) spoke first.",
    "It was a photo-op: Mayor Doe shook hands",
    "He read the image caption aloud",
    "The pictures are shown above: a crowd at the rally",
    "Topics: the council and the river",
    "Tax credits: what changes this year",
    "Creditors: the bank wants its money",
    "Voters chose between two parties | AP reported the count on Friday.",
    "The mayor said: vote | Getty out the word.",
  ];
  for (const line of real) {
    assert.ok(!isPhotoCredit(line), line);
    assert.equal(kindAfterStory(line), undefined, line);
  }
});

test("author bios and author notes at the end of the story go, for every role a bio names", () => {
  const roles = ["writer", "reporter", "journalist", "editor", "contributor", "correspondent", "columnist", "author", "blogger", "producer"];
  for (const role of roles) {
    assert.equal(kindAfterStory(`Jane Doe is a freelance ${role} for the Tampa Tribune.`), "author-bio", role);
    assert.equal(kindAfterStory(`Jane Doe is an award-winning ${role}s' coach.`), "author-bio", role);
  }
  assertKinds(
    [
      "Follow Jane Doe on Twitter @janedoe.",
      "Follow Jane Q. Doe on Instagram",
      "About the author: Jane Doe covers the county.",
      "About the writer",
      "Author bio: Jane Doe covers the county.",
      "Jane Doe writes about housing for the Post.",
      "Jane Doe reports on the courts for the Post.",
      "Jane Doe blogs for the Post.",
      "You can follow her on Twitter @janedoe.",
      "You can email Jane at jane@example.com.",
      "Email the author at jane@example.com.",
      "Contact the reporter at jane@example.com.",
      "Reach her at 555-0100.",
      "Morgan writes about housing for the Post.",
    ],
    "author-bio",
  );
});

test("sentences at the end of a story that only look like author notes stay", () => {
  assertKinds(
    [
      "Jane Doe is a mother of three and lives in Tampa.",
      "He is a writer for the Post, the mayor said.",
      "Follow the money, the auditor told the council.",
      "The mayor writes about his plans in a new book.",
      "You can see the river from the bridge.",
      "Email records show the mayor knew.",
      "Jane Doe is a writerly presence, critics say.",
      "Readers who follow Jane Doe on Twitter know this.",
      "The book says a lot about the author, critics said.",
      "The paper said Jane Doe writes about housing.",
      "Officials said you can reach them by phone.",
      "Readers can reach her at the office.",
    ],
    undefined,
  );
});

test("link lists under a label go after the story, for every label a site prints", () => {
  const links = ["Mayor Unveils Plan for the River Walk", "School Board Delays the Vote Again", "Storm Closes Three Beaches"];
  const labels = [
    "Related", "Related Stories", "Related articles", "Related posts:", "Related coverage", "Related content", "Related links",
    "Related reading", "Related news", "You may also like", "You might enjoy", "You may be interested in", "You might also like",
    "Recommended", "Recommended for you", "Recommended stories", "Recommended reading", "More from The Daily Post",
    "More on this story", "More stories", "More news", "More in Politics", "Read next", "Read more", "Up next",
    "Next up", "Watch next", "What to read next", "Trending", "Trending now", "Trending stories", "Most popular",
    "Most read", "Most viewed", "Most shared", "Popular stories", "Popular now", "Popular posts", "Around the web",
    "Top stories", "Latest news", "Latest stories", "Latest headlines", "Editor's picks", "Editors picks", "Editor’s picks",
    "From our partners", "From the partners", "Sponsored", "Sponsored content", "Sponsored stories", "Promoted stories",
    "Also on Facebook", "In case you missed it", "Don't miss", "Don’t miss:",
  ];
  for (const label of labels) {
    const { kept } = removeFurniture(paras(headline, ...story, label, ...links), NO_FURNITURE_EVIDENCE);
    assert.deepEqual(kept.map((p) => p.text), [headline, ...story], label);
  }
  // A sentence that starts like a label, with a list of headlines under it, stays.
  for (const label of ["Related to the vote, the mayor said", "Most of the residents agreed", "Those are the stories we think you might also like"]) {
    const { kept } = removeFurniture(paras(headline, ...story, label, ...links), NO_FURNITURE_EVIDENCE);
    assert.ok(kept.some((p) => p.text === label), label);
  }
});

test("'Read more: …' teaser lines go after the story; a sentence with the same start stays", () => {
  assertKinds(
    [
      "Read more: Mayor Unveils Plan for the River Walk",
      "Read also » School Board Delays the Vote",
      "Read next | Storm Closes Three Beaches",
      "Related: Storm Closes Three Beaches",
      "Related coverage – Storm Closes Three Beaches",
      "Related stories: the storm",
      "Related reading — the storm",
      "See also: Storm Closes Three Beaches",
      "Also read: Storm Closes Three Beaches",
      "Also see - the storm",
      "Also on Fox: the storm",
      "More: Storm Closes Three Beaches",
      "Don't miss › Storm Closes Three Beaches",
      "Watch: Storm Closes Three Beaches",
      "Listen: The Week in Politics",
      "Recommended: Storm Closes Three Beaches",
      "Trending: Storm Closes Three Beaches",
      "Must read: Storm Closes Three Beaches",
    ],
    "related-links",
  );
  assertKinds(
    [
      "Read more slowly, the teacher told the class: it helps.",
      "Watch the river rise, the mayor warned, because it will.",
    ],
    undefined,
  );
});

test("a byline's stop words, roles and publisher affiliations decide who wrote the article", () => {
  for (const word of [
    "the", "a", "an", "now", "comparison", "contrast", "extension", "far", "then", "this", "that", "law", "design",
    "default", "way", "all", "most", "some", "many", "its", "his", "her", "their", "our",
  ]) {
    const capitalized = word[0].toUpperCase() + word.slice(1);
    assert.equal(parseByline(`By ${capitalized} Measure`), undefined, word);
  }
  for (const role of ["Writer", "Reporter", "Journalist", "Editor", "Contributor", "Correspondent", "Columnist", "Author", "Blogger", "Producer"]) {
    assert.deepEqual(parseByline(`By Jane Doe, Staff ${role}`), ["Jane Doe"], role);
    assert.deepEqual(parseByline(`By Jane Doe and John Roe, Washington ${role}s`), ["Jane Doe", "John Roe"], role);
  }
  assert.deepEqual(parseByline("By JANE DOE, Associated Press"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Jane Doe,The New York Times"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Jane Doe, USA TODAY"), ["Jane Doe"]);
  assert.deepEqual(parseByline("By Jane Doe and John Roe, Miami Herald"), ["Jane Doe", "John Roe"]);
  // A second name after the comma is an author, not an outlet.
  assert.deepEqual(parseByline("By Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseByline("By Jane Doe, John Roe and Ann Poe"), ["Jane Doe", "John Roe", "Ann Poe"]);
  // An outlet the list does not know is no affiliation: the byline is not a list of names.
  assert.equal(parseByline("By Jane Doe, Springfield Gazette Online Daily Edition"), undefined);
});

test("a title cut from a long lead never ends on a dangling little word", () => {
  const dangling = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
    "onto", "over", "under", "after", "before", "as", "than", "that", "which", "who", "whom", "whose", "while",
    "because", "since", "if", "his", "her", "its", "their", "our", "my", "your", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "said", "says", "this", "these", "those", "about", "against", "during", "amid",
  ];
  // 75 characters, then the little word, then a word that no longer fits in 90.
  const start = "Council members voted late on Tuesday night to approve the county budget plan";
  for (const word of dangling) {
    const lead = `${start} ${word} Extraordinarilylongwordthatcannotfit tonight and more words follow here.`;
    assert.equal(titleFromLead(lead), start, word);
    // Punctuation around the little word does not hide it.
    assert.equal(titleFromLead(`${start} ${word}, Extraordinarilylongwordthatcannotfit tonight and more words follow.`), start, word);
  }
  // A content word ends the cut as it is.
  assert.equal(
    titleFromLead(`${start} hastily Extraordinarilylongwordthatcannotfit tonight and more words follow here.`),
    `${start} hastily`,
  );
});

test("datelines read their month in every spelling the wire uses", () => {
  const months = [
    "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
    "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December", "Feb.", "Sept.",
  ];
  for (const month of months) {
    const parsed = parseDateline(`SALVADOR, ${month} 26 - Farmers said the rain came late.`);
    assert.equal(parsed?.date, `${month} 26`, month);
    assert.equal(parsed?.place, "Salvador", month);
  }
  assert.ok(new RegExp(`^${DATELINE_MONTH}$`).test("Sept."));
  assert.ok(!new RegExp(`^${DATELINE_MONTH}$`).test("Mayday"));
});

test("agency tags name the publisher of a story that opens with them", () => {
  const tags: Array<[string, string]> = [
    ["Reuters", "Reuters"],
    ["Reuter", "Reuters"],
    ["AP", "Associated Press"],
    ["Associated Press", "Associated Press"],
    ["AFP", "Agence France-Presse"],
    ["UPI", "United Press International"],
    ["Bloomberg", "Bloomberg"],
    ["CNN", "CNN"],
  ];
  for (const [tag, publisher] of tags) {
    assert.equal(readLeadCredit(`WASHINGTON (${tag}) — The Senate voted on Friday.`)?.credit.source, publisher, tag);
  }
  assert.equal(readLeadCredit("WASHINGTON (Daily Post) — The Senate voted on Friday."), undefined);
});

test("a staff credit names its publisher, in its normal spelling", () => {
  const cases: Array<[string, string]> = [
    ["USA TODAY staff writer Jane Doe contributed to this report.", "USA Today"],
    ["POLITICO's Jane Doe contributed to this report.", "Politico"],
    ["AFP correspondent Jane Doe contributed to this report.", "Agence France-Presse"],
    ["Miami Herald staff writer Jane Doe contributed to this report.", "Miami Herald"],
    ["The Associated Press's Jane Doe contributed to this report.", "Associated Press"],
  ];
  for (const [line, publisher] of cases) assert.equal(readContributionLine(line, 9)?.publisher, publisher, line);
  // Every listed publisher can be named in a credit, and nothing else is one.
  for (const name of PUBLISHERS) assert.ok(new RegExp(`^(?:${PUBLISHER_ALTERNATION})$`).test(name), name);
  assert.ok(!new RegExp(`^(?:${PUBLISHER_ALTERNATION})$`).test(""));
  assert.equal(readContributionLine("Springfield Gazette's Jane Doe contributed to this report.", 9)?.publisher, undefined);
});

test("a line that only recurs heads a list of two links or more; one line under it is the story's, unless the line is a label", () => {
  const marker = "Story Continued Below";
  const evidence = recurringEvidence(marker, "Full Story Here:");
  const removedOf = (...lines: string[]) => removeFurniture(paras(headline, ...story, ...lines), evidence).removed.map((r) => [r.kind, r.text]);
  // One question under the site's marker is the story going on.
  assert.deepEqual(removedOf(marker, "And what exactly, a reporter asked, was that going to be?", "“I’ll tell you maybe at the next debate,” he responded."), [["recurring", marker]]);
  // Two headlines under it are a list.
  assert.deepEqual(removedOf(marker, "Storm Closes Three Beaches Along the Coast", "Council Weighs a New Ferry Fare Plan", "The meeting ended at dawn, officials said."), [
    ["related-links", marker],
    ["related-links", "Storm Closes Three Beaches Along the Coast"],
    ["related-links", "Council Weighs a New Ferry Fare Plan"],
  ]);
  // A label ending in a colon points at the one link under it.
  assert.deepEqual(removedOf("Full Story Here:", "Obama Jokes About ISIS Same Day America Gets Bombed Twice | The Daily Caller"), [
    ["related-links", "Full Story Here:"],
    ["related-links", "Obama Jokes About ISIS Same Day America Gets Bombed Twice | The Daily Caller"],
  ]);
  // A call to subscribe behind a list's asterisks is a sign-up prompt.
  assert.equal(kindAfterStory("**SUBSCRIBE to Playbook: http://politi.co/1M75UbX"), "signup-prompt");
});
