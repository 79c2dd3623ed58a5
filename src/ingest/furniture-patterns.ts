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

/** Share widgets: "16.8k SHARES SHARE THIS STORY", "Share this:", "Click to share on Twitter". */
export const SHARE_WIDGETS: RegExp[] = [
  /^[\d.,]+\s*[kKmM]?\s+SHARES?\b/i,
  /^share this( story| article| post)?\s*:?$/i,
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
