/**
 * Word lists and patterns for page furniture, headlines, bylines and sources, kept
 * apart from the logic in furniture.ts, structure.ts and source.ts so they can be
 * tuned without touching it. Every pattern here was checked against the research
 * corpus (buzzfeed_webis_2016, reuters21578, bbc) for real sentences it would eat.
 */

/** Block characters sites print as a video "play" bar after a caption ("… sort of. ███"). */
export const BLOCK_CHARS = /[\u2580-\u259F\u25A0\u25B6\u25BA]{2,}\s*$/;

/** A USA Today-style video caption: "CLOSE One week in, …". */
export const VIDEO_CLOSE_PREFIX = /^CLOSE\s+\S/;

/**
 * A caption credited as "(Jan. 25) AP": a parenthesised short date, then an agency or
 * a camera credit, at the very end of the line.
 */
export const DATED_AGENCY_CREDIT =
  /\((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\)\s*(?:AP|AFP|Reuters|USA TODAY|Storyful|Getty(?: Images)?|[A-Z]{2,6})\s*$/;

/** The label of a video teaser block. */
export const UP_NEXT = /^(?:up next|next up|watch next)\s*:?$/i;

/**
 * Share widgets: "Click to share on Twitter", a long bar "Share | Tweet | Email | …". A
 * counter ("16.8k SHARES SHARE THIS STORY") is SHARE_COUNTER's, and a short bar of share
 * words ("Share this:", "Share on Facebook") the share-bar test's in furniture.ts.
 */
export const SHARE_WIDGETS: RegExp[] = [
  /^click to (?:share|email|print)\b/i,
  /^(?:share|tweet|email|pin it|print)(?:\s*[|•·,]\s*(?:share|tweet|email|pin it|print|facebook|twitter))+$/i,
];

/**
 * "Share this story on Facebook and let us know what you think…": calls to action
 * that close opinion-site posts. Needs both a share verb at the start and a network
 * or the comments, so "She shares with us things…" is never touched.
 */
export const SHARE_CALL_TO_ACTION =
  /^(?:please |make sure (?:to|you) |be sure to )?share (?:this|if)\b.*\b(?:facebook|twitter|comments?|let us know|everyone|everywhere|friends)\b/i;

/** Roles in an end-of-article author bio: "Morgan is a freelance writer for …". */
export const BIO_ROLES = [
  "writer",
  "reporter",
  "journalist",
  "editor",
  "contributor",
  "correspondent",
  "columnist",
  "author",
  "blogger",
  "producer",
];

/** "X contributed to this report." / "… contributed reporting." */
export const CONTRIBUTOR_CREDIT =
  /\bcontributed (?:to this (?:report|story|article)|reporting|additional reporting)\b[^.]*\.?$/i;

/** Longest credit line we accept (a real paragraph that mentions contributing is longer). */
export const MAX_CREDIT_LENGTH = 300;

/** Reuters' wire sign-off, and the wire's continuation marker. */
export const AGENCY_SIGNOFF = /^(?:Reuter|Reuters|REUTER|More|MORE)$/;

/**
 * Words that mark a recurring short line as site furniture rather than a sentence
 * that happens to recur ("Terms were not disclosed." recurs 58 times in Reuters and
 * is real reporting; "Story continued below" recurs 370 times in Politico pages).
 */
export const FURNITURE_WORDS = [
  "advertisement",
  "story continued below",
  "continue reading",
  "read more",
  "full story",
  "subscribe",
  "newsletter",
  "sign up",
  "log in",
  "login",
  "email address",
  "ad blocker",
  "adblock",
  "views expressed",
  "follow us",
  "click here",
  "in the comments",
  "comments below",
  "share this",
  "related:",
  "document has moved",
  "all rights reserved",
  "copyright",
  "©",
];

/** Photo captions and credits: "Photo by Justin Sullivan/Getty Images", "Featured image via …". */
export const PHOTO_CREDIT: RegExp[] = [
  /^(?:f?eatured )?(?:image|photo|picture)s?(?: credit)?\s*(?:by|via|courtesy of|credit\s*:)\s/i,
  /^(?:image|photo|picture) credits?\s*:/i,
  /\((?:photo|image)s? (?:by|via|credit:?)\s[^)]*\)\s*$/i,
  /\|\s*[^|]{2,80}\/(?:AFP|Getty|AP|Reuters|EPA)[^|]*$/i,
  // A caption, a bar, the agency, and the headline again as the page printed it under the
  // photo ("… Ted Cruz said in March. | Getty 9 times Ted Cruz insulted …"), or cut off
  // there ("… in June 2015. | AP Phot"): every such line of the corpora (30, Politico's).
  /[.!?"”’)]\s+\|\s*(?:Getty(?: Images)?|AP(?: Photos?| Phot)?|Reuters|AFP|EPA)(?:\s|$)/,
];

/** Longest line treated as a photo credit. Captions can be long; stories are longer. */
export const MAX_PHOTO_CREDIT_LENGTH = 400;

/** Lines shorter than this are candidates for archive-wide recurring furniture. */
export const MAX_RECURRING_LENGTH = 160;

/**
 * Words that may end a cut-down lead title ("… after a" reads as a broken sentence),
 * so they are trimmed from its end.
 */
export const DANGLING_WORDS = new Set([
  "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
  "from", "with", "into", "onto", "over", "under", "after", "before", "as", "than", "that",
  "which", "who", "whom", "whose", "while", "because", "since", "if", "his", "her", "its",
  "their", "our", "my", "your", "is", "are", "was", "were", "be", "been", "has", "have",
  "had", "said", "says", "this", "these", "those", "about", "against", "during", "amid",
]);

/** Month names and abbreviations that appear in datelines ("SALVADOR, Feb 26 -"). */
export const DATELINE_MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

/**
 * Agency tags in a dateline ("WASHINGTON (Reuters) -", "LONDON (AP) —") and the
 * publisher each one names.
 */
export const AGENCY_TAGS: Record<string, string> = {
  reuters: "Reuters",
  reuter: "Reuters",
  ap: "Associated Press",
  "associated press": "Associated Press",
  afp: "Agence France-Presse",
  upi: "United Press International",
  bloomberg: "Bloomberg",
  cnn: "CNN",
};

/**
 * Publishers that credit lines can name ("Miami Herald staff writer X contributed to
 * this report"). Longest first matters only for overlapping names, which the matcher
 * handles by preferring the longest match.
 */
export const PUBLISHERS = [
  "Miami Herald",
  "Associated Press",
  "Reuters",
  "Agence France-Presse",
  "AFP",
  "USA Today",
  "USA TODAY",
  "New York Times",
  "Washington Post",
  "Wall Street Journal",
  "Los Angeles Times",
  "Chicago Tribune",
  "Boston Globe",
  "CNN",
  "ABC News",
  "CBS News",
  "NBC News",
  "Fox News",
  "Politico",
  "POLITICO",
  "BBC News",
  "The Guardian",
  "Bloomberg",
  "McClatchy",
  "Tampa Bay Times",
  "El Nuevo Herald",
];

/** The publishers as one regular-expression alternation, longest names first, so "BBC News" wins over a shorter name inside it. */
export const PUBLISHER_ALTERNATION = [...PUBLISHERS]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  .join("|");

/** Normal names for publishers printed in another form. */
export const PUBLISHER_ALIASES: Record<string, string> = {
  "USA TODAY": "USA Today",
  POLITICO: "Politico",
  AFP: "Agence France-Presse",
};

/** Words that never start a byline name ("By the way, …", "By comparison, …"). */
export const BYLINE_NAME_STOPWORDS = new Set([
  "the", "a", "an", "now", "comparison", "contrast", "extension", "far", "then", "this",
  "that", "law", "design", "default", "way", "all", "most", "some", "many", "its", "his",
  "her", "their", "our",
]);

/** Organisation suffixes a byline may carry: "By JANE DOE, Associated Press". */
export const BYLINE_AFFILIATION = /,\s*(?:[A-Z][\w.&'’-]*\s*){1,5}$/;

// ---- Widgets, prompts, teasers and captions (issue 13) ----------------------------
// Each pattern needs the shape of a widget (a short line, no sentence) as well as its
// words, so a sentence that mentions sharing, comments or cookies is never touched.

/** Words a share bar is made of; a line of nothing else is a share widget ("Share on Facebook", "Tweet", "Pin It"). */
export const SHARE_BAR_WORDS = [
  "share", "shares", "shared", "tweet", "email", "e-mail", "print", "pin", "it", "pin it", "on", "via", "this", "article", "story", "post",
  "facebook", "twitter", "x", "pinterest", "linkedin", "whatsapp", "reddit", "messenger", "flipboard", "tumblr", "telegram",
  "copy", "link", "save", "sms", "google+", "more",
];
/** A share widget is a few words. */
export const MAX_SHARE_BAR_WORDS = 6;

/** A share counter: "16.8k SHARES", "Shares 402". */
export const SHARE_COUNTER = /^(?:[\d.,]+\s*[kKmM]?\s+shares?\b|shares?\s*[\d.,]+\s*[kKmM]?$)/i;

/** A comment-count or comment-link line: "12 Comments", "Comments (34)", "View 12 comments", "Join the discussion". */
export const COMMENT_LINE =
  /^(?:(?:view|read|show|see|hide|load|post|add|leave|write)(?: all| the)?(?: [\d,]+)? (?:a )?(?:comments?|responses?|replies)|[\d,]+ (?:comments?|responses?|replies)(?: (?:to|on) .{1,120})?|comments?(?: \(?[\d,]+\)?)?|responses?(?: \(?[\d,]+\)?)?|join the (?:discussion|conversation)|(?:be the first to )?comment(?: on this (?:story|article))?)\s*[:.!]?$/i;

/** A newsletter or sign-up prompt opens with a call to action... */
export const SIGNUP_CALL = /^\**(?:sign up|subscribe|log ?in|sign in|get (?:the|our)|enter your (?:e-?mail|email address)|join [\d,]+|never miss|want more|receive|don['’]t miss|stay (?:informed|updated|in the loop)|be the first to know|like this (?:story|article)\?)(?![\p{L}])/iu;
/** ...and names what you sign up for. */
export const SIGNUP_OBJECT = /\b(?:newsletters?|inbox|e-?mails?|email address|subscribe|subscription|sign up|alerts|briefing|updates|stories like this|readers|profile|register)\b/i;
export const MAX_SIGNUP_LENGTH = 200;

/** A cookie or privacy notice: "We use cookies…", "This site uses cookies. Learn more". */
export const COOKIE_NOTICE = /\bcookies?\b.*\b(?:use|uses|using|accept|consent|agree|policy|preferences|privacy|continu\w*|opt-out|learn more|find out more)\b|\b(?:use|uses|accept|consent to)\b.*\bcookies?\b|^(?:privacy (?:&|and) )?cookies? (?:policy|settings|notice|preferences)$/i;
export const MAX_COOKIE_LENGTH = 300;
/** The buttons of a cookie notice, printed on their own lines next to it. */
export const CONSENT_BUTTON = /^(?:accept(?: all| cookies| and close)?|i agree|agree|ok(?:ay)?|got it|manage (?:preferences|settings|cookies)|reject(?: all)?|decline|allow(?: all)?(?: cookies)?|close|learn more|more info)\.?$/i;

/** "Read more: …", "Related: …": a label, a colon, and a headline. */
export const TEASER_LABEL_LINE = /^(?:read (?:more|also|next)|related(?: (?:coverage|article|story|stories|content|reading))?|see also|also (?:read|see|on \S+)|more|don['’]t miss|watch|listen|recommended|trending|must read)\s*[:»›|–—-]\s*(?=\S)/i;
/** A label over a list of links: "Related Stories", "You may also like", "More from The Post". */
export const LIST_LABEL = /^(?:related(?: (?:stories|articles|posts|coverage|content|links|reading|news))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| reading)?|more (?:from|on|stories|news|in)\b.*|read (?:next|more)|up next|next up|watch next|what to read next|trending(?: now| stories)?|most (?:popular|read|viewed|shared)|popular (?:stories|now|posts)|around the web|top stories|latest (?:news|stories|headlines)|editor['’]?s picks|from (?:our|the) partners|sponsored(?: content| stories)?|promoted stories|also on \S+|more stories|in case you missed it|don['’]t miss)\s*:?$/i;
/** Longest label over a link list, and what a link line may be. */
export const MAX_LIST_LABEL_LENGTH = 60;
export const MAX_LINK_LINE_LENGTH = 160;

/**
 * Photo captions and credits by their shape: a credit at the end ("REUTERS/Jane Doe",
 * "(AP Photo/Jane Doe)", "Jane Doe/Getty Images", "(Photo: …)", "Photograph: …") or a
 * caption label at the start ("Image caption", "FILE PHOTO:", "Image source:").
 */
export const PHOTO_AGENCIES =
  "Getty(?: Images)?|AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Shutterstock|Flickr|Wikimedia(?: Commons)?|Bloomberg|Pool|iStock(?:photo)?|Alamy|Corbis|Sipa|Zuma(?: Press)?|NurPhoto|Xinhua|Anadolu|PA(?: Images| Wire)?|Rex(?: Features)?|Handout|Twitter|Facebook|Instagram|YouTube|Screenshot|Creative Commons|Wikipedia|Pixabay|Unsplash";
export const CAPTION_CREDITS: RegExp[] = [
  new RegExp(`(?:^|\\s)(?:REUTERS|Reuters|AFP|EPA|AP)\\/[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}(?:\\/File(?: Photo)?)?\\s*$`),
  /\((?:AP|AFP|Reuters|EPA)? ?Photos?\/[^)]{2,60}\)\s*$/i,
  new RegExp(`(?:^|\\s|\\|)\\s*[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}\\/(?:${PHOTO_AGENCIES})(?:\\/[\\w ]{1,30})?\\s*$`),
  new RegExp(`(?:^|\\s)(?:${PHOTO_AGENCIES})\\/[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}(?:\\/File(?: Photo)?)?\\s*$`),
  /\((?:photo|image|picture|photograph|credit|pictured)s?(?: by| via| credit| courtesy(?: of)?)?\s*:?\s[^)]{2,80}\)\s*$/i,
  // "… Photograph: Jane Doe/AFP" after a caption; at a line's start "PHOTO: …" is a headline,
  // unless all that follows is a credit ("Image: Reuters", "Photo: Jane Doe/Getty Images").
  /\s(?:photograph|photo|image|picture)s?(?: credit)?\s*:\s*[A-Z][^.!?]{1,80}$/i,
  new RegExp(`^(?:image|photo|picture|photograph)s?\\s*:\\s*(?:[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}\\/)?(?:${PHOTO_AGENCIES})\\s*$`, "i"),
  /^(?:image|photo|video|picture) (?:caption|source|credit|copyright)s?\b/i,
  // "PHOTO: Reporter Snaps Pic…" is a headline; "FILE PHOTO: …" and "Pictured: …" are captions.
  /^(?:file photo|pictured|above|top|left|right|below)\s*:\s/i,
  /^credits?\s*:\s/i,
  /^(?:\(|\[)?(?:photo|image)s? (?:by|via|courtesy of)\s/i,
];

/**
 * A copyright line under a story ("© 2016 POLITICO SPRL", "Copyright © 2017 ABC News
 * Internet Ventures."): the page's footer, and the publisher's name when it is one the
 * lists know (src/ingest/source.ts). The sign, or "Copyright" before a sign or a year, then
 * the year if any; "(c)" only before a year ("(c) the company shall pay" is a list's item),
 * and "Copyright infringement" is a sentence.
 */
export const COPYRIGHT_PREFIX = String.raw`(?:©|\(c\)\s*(?=\d{4})|copyright\s*(?:©|\(c\)|(?=\d{4})))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?`;
export const COPYRIGHT_LINE = new RegExp(`^${COPYRIGHT_PREFIX}\\S.{0,150}$`, "iu");

/** A label of the page's author box left with nothing after it ("Authors:", the last line of 55 FakeNewsNet files). */
export const EMPTY_AUTHOR_LABEL = /^(?:authors?|written by)\s*:\s*$/i;

/**
 * A byline closing a story ("By Jeff Rainforth Like Jeff on Facebook Follow Jeff on
 * Twitter"): two to four capitalized words, and the page's follow links after them.
 */
export const CLOSING_BYLINE = /^(?:By|BY) (\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}?)(?: (?:Like|Follow) \p{Lu}[\p{L}'’.-]* on (?:Facebook|Twitter|Instagram|X))*\.?$/u;

/** End-of-article author notes besides "X is a reporter…": follow links, "about the author", an empty author label, a closing byline. */
export const AUTHOR_NOTES: RegExp[] = [
  EMPTY_AUTHOR_LABEL,
  CLOSING_BYLINE,
  /^follow (?:\p{Lu}[\p{L}.'’-]*\s){1,4}on (?:twitter|facebook|instagram|x|threads|bluesky|linkedin)\b/iu,
  /^(?:about the (?:author|writer)|author bio)\s*:?/i,
  /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} (?:writes|reports|blogs) (?:about|on|for)\b/u,
  /^you can (?:follow|reach|email|contact) (?:him|her|them|\p{Lu}[\p{L}'’-]+)\b/iu,
  /^(?:email|contact|reach) (?:the (?:author|writer|reporter)|him|her)\b/i,
];
