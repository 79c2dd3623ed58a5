/**
 * Makes furnished test sets: real corpus articles with the page furniture scraped pages
 * carry put around them (site banners and names, captions, photo credits, teasers and
 * "Related:" lists, share counters, newsletter and cookie prompts, comment counts,
 * author bios), with the truth kept: the headline, every furniture line, every real
 * paragraph. scripts/measure-furniture.ts runs ingest over a set and scores it;
 * `npx tsx scripts/furnished-set.ts --corpus bbc --out DIR` writes one to disk.
 *
 * Each article belongs to a made-up site, and a site prints the same furniture on every
 * page, as real sites do: its banner opens each of its articles. The wording is drawn
 * from lists with a seeded random generator, and a quarter of every list is held out
 * (`vocabulary: "holdout"`) so rules can be checked on phrasing they were never tuned on.
 *
 * How many articles a site has in the archive is what recurrence evidence stands on, so
 * `siteSizes` varies it (1 is a one-off: a banner no other article of the archive shows),
 * and `sourceShare` says how many sites' articles name their site in front matter
 * (`source:`, as a folder's `_defaults.yml` would), the strongest evidence there is.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "./seeded-random.ts";

export const KINDS = [
  "none",
  "banner",
  "site-name",
  "caption",
  "photo-credit",
  "teaser",
  "share",
  "newsletter",
  "cookie",
  "comments",
  "bio",
] as const;
export type FurnitureKind = (typeof KINDS)[number];

export interface FurnishedArticle {
  file: string;
  kind: FurnitureKind;
  site: string;
  text: string;
  headline: string;
  /** Lines added as furniture (whole lines), and prefixes glued to the headline line. */
  furniture: string[];
  /** The article's own body paragraphs. */
  paragraphs: string[];
  /** How many articles of the set come from its site. */
  siteSize: number;
  /** The site's name as front matter gives it, for the sites that say (`sourceShare`). */
  source?: string;
}

export interface SetOptions {
  corpus: string;
  perKind: number;
  seed: number;
  vocabulary: "tuning" | "holdout";
  /** Articles per made-up site (its furniture recurs across them). */
  perSite: number;
  /** Varied site sizes instead of `perSite`: each new site takes the next size, in turn. */
  siteSizes?: number[];
  /** The share of sites whose articles carry `source:` front matter (default none). */
  sourceShare?: number;
  /** Only these kinds (default all). */
  kinds?: readonly FurnitureKind[];
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../shared/corpus");

// ---- Seeded randomness (mulberry32, from seeded-random.ts) ----------------------

class Dice {
  constructor(private readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
}

// ---- Vocabulary (a quarter of each list is held out) ---------------------------

type Vocabulary = Record<keyof typeof WORDS, string[]>;

const WORDS = {
  siteFirst: ["Daily", "National", "Patriot", "Liberty", "Freedom", "Capitol", "Metro", "Global", "American", "Frontier", "Eagle", "Beacon", "Heartland", "Coastal", "Summit", "Prairie", "Harbor", "Union", "Republic", "Civic"],
  siteSecond: ["Sentinel", "Herald", "Gazette", "Post", "Tribune", "Observer", "Journal", "Report", "Wire", "Times", "Dispatch", "Ledger", "Review", "Chronicle", "Insider", "Digest", "Monitor", "Courier", "Bulletin", "Press"],
  slogan: [
    "Breaking News, Politics & Opinion", "The hardest-hitting political news.", "News you can trust", "Truth. Freedom. America.",
    "Independent journalism since 2009", "Your daily dose of the news that matters", "Where the news comes first", "Politics, culture and more",
    "Real news for real people", "Exposing the stories the media won't tell you", "Fair. Fearless. Free.", "The voice of the heartland",
    "News, views and analysis", "Local news, national reach", "All the news, none of the spin", "Stories that matter to you",
    "Smart news for busy people", "The conservative voice of the web", "Progressive news and commentary", "Your source for breaking news",
  ],
  // More slogans and navigation, drawn only with varied site sizes (the default set stays as first measured).
  moreSlogans: [
    "Breaking News, Latest News, Headlines & Videos", "Unfiltered. Unafraid.", "America's news source", "Because the truth matters",
    "News and opinion from the right", "What they don't want you to know", "Your trusted news source since 1998", "The news, straight up",
  ],
  navigation: [
    "Home » Politics", "Menu", "Site Navigation", "Skip to content", "Toggle navigation", "Home | News | Politics | Opinion", "Search",
    "Sections", "Home › World", "You are here: Home / News", "Main menu", "Top Stories", "Home / US / Politics", "Navigation", "Jump to content", "Menu Search",
  ],
  moreNavigation: [
    "Home News Politics World Opinion", "Skip to main content", "Open menu", "Latest", "Home » News » US", "MENU", "Breadcrumb Home", "Toggle menu",
  ],
  separator: [" | ", " - ", " – ", " — ", " :: ", " | ", " • ", " – "],
  person: ["Jane Doe", "John Roe", "Maria Lopez", "David Chen", "Sarah Miller", "Ahmed Khan", "Laura Smith", "Peter Novak", "Emily Clark", "Tom Baker", "Nina Patel", "Carlos Ruiz", "Grace Kim", "Owen Hughes", "Ruth Adler", "Sam Ortiz"],
  agency: ["Getty Images", "AFP", "AP", "Reuters", "EPA", "Shutterstock", "Flickr", "Wikimedia Commons", "Bloomberg", "Pool", "iStock", "Alamy"],
  event: ["rally", "news conference", "town hall meeting", "campaign event", "hearing", "protest", "summit", "debate", "press briefing", "ceremony", "visit", "vigil"],
  place: ["Cleveland", "Des Moines", "Tampa", "Denver", "London", "Brussels", "Phoenix", "Atlanta", "Manchester", "Boston", "Raleigh", "Reno", "Dublin", "Austin", "Omaha", "Detroit"],
  weekday: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday"],
  captionVerb: ["speaks during", "arrives at", "waves to supporters at", "listens during", "gestures during", "walks off stage after", "answers questions at", "takes the stage at", "leaves", "attends", "looks on during", "addresses"],
  readMoreLabel: ["Read more:", "Related:", "RELATED:", "READ MORE:", "See also:", "Also read:", "More:", "Related coverage:", "Read also:", "Don't miss:", "MORE:", "Related Article:"],
  listLabel: ["Related Stories", "You may also like", "Recommended for you", "More from {site}", "Read next", "Up next", "Trending now", "Most popular", "More stories", "Around the web", "Related Posts", "What to read next"],
  shareLine: [
    "Share on Facebook", "Share on Twitter", "Tweet", "Email", "Share", "Print", "Share this article", "Share via Email", "Pin It",
    "Facebook Twitter Pinterest Email", "Share | Tweet | Email", "Share on WhatsApp", "Share on LinkedIn", "Copy link", "Share this:", "Reddit",
  ],
  shareCount: ["{n} Shares", "{n}K shares", "{n} SHARES", "{n}k Shares Share This Story", "Shares {n}", "{n} shares", "{n}K SHARES", "{n} Share"],
  newsletter: [
    "Sign up for our daily newsletter", "Get the best of {site} delivered to your inbox.", "Subscribe to our newsletter",
    "Enter your email address", "Never miss a story. Subscribe now!", "Want more stories like this? Sign up for our free newsletter.",
    "Join {n},000 readers who get our morning briefing.", "Sign up to receive our free weekly email.", "Get our newsletter in your inbox every morning",
    "Subscribe for free", "Sign up for breaking news alerts", "Get the latest headlines sent to your inbox",
  ],
  cookie: [
    "We use cookies to give you the best experience on our website. By continuing, you agree to our use of cookies.",
    "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish.",
    "By using this site you consent to our use of cookies. Learn more", "Accept cookies", "Cookie Policy",
    "We and our partners use cookies to personalise content and ads. Accept all", "This site uses cookies. Find out more.",
    "Our site uses cookies to analyse traffic. Manage preferences", "I agree", "Accept and close", "Privacy & Cookies Policy",
    "We value your privacy. We use cookies to enhance your browsing experience.",
  ],
  comments: ["{n} Comments", "Comments ({n})", "View {n} comments", "Leave a comment", "Join the discussion", "Show comments", "{n} responses", "Add a comment", "{n} comments", "Comments", "Post a comment", "Read {n} comments"],
  role: ["senior reporter", "staff writer", "correspondent", "contributing editor", "political reporter", "freelance journalist", "columnist", "editor", "news editor", "reporter", "writer", "investigative reporter"],
  beat: ["politics", "immigration", "the economy", "health care", "national security", "energy", "local government", "elections", "the courts", "technology", "education", "business"],
} as const;

function vocabularyFor(which: "tuning" | "holdout"): Vocabulary {
  const out = {} as Vocabulary;
  for (const [key, list] of Object.entries(WORDS) as [keyof typeof WORDS, readonly string[]][]) {
    const kept = list.filter((_, i) => (i % 4 === 3) === (which === "holdout"));
    out[key] = kept.length > 0 ? kept : [...list];
  }
  return out;
}

// ---- A made-up site: what it prints on every page ------------------------------

interface Site {
  name: string;
  slogan: string;
  navigation: string;
  separator: string;
  bannerStyle: "slogan" | "name" | "name+slogan" | "navigation" | "prefix" | "name-slogan-line" | "navigation+slogan";
  shareLines: string[];
  shareAtTop: boolean;
  newsletter: string;
  cookie: string;
  cookieAtTop: boolean;
  comments: string;
  readMore: string;
  listLabel: string;
  captionStyle: number;
  creditStyle: number;
  bioStyle: number;
}

function makeSite(dice: Dice, v: Vocabulary, extraStyles: boolean): Site {
  const first = dice.pick(v.siteFirst);
  const second = dice.pick(v.siteSecond);
  const name = dice.pick([`${first} ${second}`, `The ${first} ${second}`, `${first}${second}.com`, `${first} ${second} Online`]);
  const fill = (s: string) => s.replace("{site}", name).replace("{n}", String(2 + dice.int(98)));
  const shareLines = dice.shuffle([...v.shareLine]).slice(0, 1 + dice.int(3));
  if (dice.chance(0.6)) shareLines.unshift(dice.pick(v.shareCount));
  return {
    name,
    slogan: dice.pick(extraStyles ? [...v.slogan, ...v.moreSlogans] : v.slogan),
    navigation: dice.pick(extraStyles ? [...v.navigation, ...v.moreNavigation] : v.navigation),
    separator: dice.pick(v.separator),
    // The first five styles only, unless asked (so the default set stays as it was measured).
    bannerStyle: extraStyles
      ? dice.pick(["slogan", "name", "name+slogan", "navigation", "prefix", "name-slogan-line", "navigation+slogan"] as const)
      : dice.pick(["slogan", "name", "name+slogan", "navigation", "prefix"] as const),
    shareLines,
    shareAtTop: dice.chance(0.5),
    newsletter: fill(dice.pick(v.newsletter)),
    cookie: fill(dice.pick(v.cookie)),
    cookieAtTop: dice.chance(0.5),
    comments: dice.pick(v.comments),
    readMore: dice.pick(v.readMoreLabel),
    listLabel: fill(dice.pick(v.listLabel)),
    captionStyle: dice.int(8),
    creditStyle: dice.int(8),
    bioStyle: dice.int(4),
  };
}

// ---- Pieces of furniture --------------------------------------------------------

function caption(dice: Dice, v: Vocabulary, site: Site): string {
  const who = dice.pick(v.person);
  const desc = `${who} ${dice.pick(v.captionVerb)} a ${dice.pick(v.event)} in ${dice.pick(v.place)} on ${dice.pick(v.weekday)}.`;
  const photographer = dice.pick(v.person);
  const agency = dice.pick(v.agency);
  switch (site.captionStyle) {
    case 0: return `${desc} (Photo: ${photographer}/${agency})`;
    case 1: return `Image caption ${desc}`;
    case 2: return `${desc} REUTERS/${photographer}`;
    case 3: return `${desc} (AP Photo/${photographer})`;
    case 4: return `FILE PHOTO: ${desc} ${agency}/${photographer}/File Photo`;
    case 5: return `${desc} | ${photographer}/${agency}`;
    case 6: return `CLOSE ${desc} ${dice.pick(["(Sept. 20)", "(Oct. 3)", "(Jan. 25)"])} ${dice.pick(["AP", "USA TODAY", "Storyful"])}`;
    default: return `${desc} Photograph: ${photographer}/${agency}`;
  }
}

function photoCredit(dice: Dice, v: Vocabulary, site: Site): string {
  const who = dice.pick(v.person);
  const agency = dice.pick(v.agency);
  switch (site.creditStyle) {
    case 0: return `Photo: ${who}/${agency}`;
    case 1: return `Image: ${agency}`;
    case 2: return `(Photo by ${who}/${agency})`;
    case 3: return `Featured image via ${agency}`;
    case 4: return `Image source: ${agency}`;
    case 5: return `Photo credit: ${who}`;
    case 6: return `${who}/${agency}`;
    default: return `Credit: ${who} for ${site.name}`;
  }
}

function bio(dice: Dice, v: Vocabulary, site: Site): string[] {
  const who = dice.pick(v.person);
  const handle = who.toLowerCase().replace(/[^a-z]/g, "");
  switch (site.bioStyle) {
    case 0: return [`${who} is a ${dice.pick(v.role)} at ${site.name}. ${dice.pick(["She", "He"])} covers ${dice.pick(v.beat)}.`];
    case 1: return [`${who} writes about ${dice.pick(v.beat)} for ${site.name}.`, `Follow ${who.split(" ")[0]} on Twitter @${handle}.`];
    case 2: return [`${who} is a ${dice.pick(v.role)} based in ${dice.pick(v.place)}.`];
    default: return [`About the author: ${who} has covered ${dice.pick(v.beat)} for ${3 + dice.int(20)} years.`];
  }
}

const fillNumber = (dice: Dice, s: string) => s.replace("{n}", String(2 + dice.int(900)) + (s.includes("{n}K") || s.includes("{n}k") ? `.${dice.int(10)}` : ""));

// ---- Corpus articles ----------------------------------------------------------

interface Source {
  file: string;
  headline: string;
  paragraphs: string[];
}

function loadSources(corpus: string): Source[] {
  const dir = path.join(CORPUS_DIR, corpus);
  const metas = readFileSync(path.join(dir, "meta.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { file: string; title: string });
  const parsed = metas.map((m) => {
    const lines = readFileSync(path.join(dir, m.file), "utf8").split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
    return { file: m.file, title: m.title, lines };
  });
  // A first line shared by several articles is the corpus's own banner, not a headline.
  const openers = new Map<string, number>();
  for (const p of parsed) openers.set(p.lines[0] ?? "", (openers.get(p.lines[0] ?? "") ?? 0) + 1);
  // Nor is a headline that ends in the corpus site's own name ("… – Eagle Rising"): the truth would be wrong.
  const siteSuffix = (line: string) => / (?:\||–|—|::|•|-) ([^|–—:•]{2,60})$/.exec(line ?? "")?.[1];
  const suffixes = new Map<string, number>();
  for (const p of parsed) {
    const suffix = siteSuffix(p.lines[0]);
    if (suffix) suffixes.set(suffix, (suffixes.get(suffix) ?? 0) + 1);
  }
  return parsed
    .filter((p) => (suffixes.get(siteSuffix(p.lines[0]) ?? "") ?? 0) < 3)
    .filter((p) => p.lines.length >= 4 && p.lines[0] === p.title.replace(/\s+/g, " ").trim() && openers.get(p.lines[0]) === 1)
    .filter((p) => p.lines.slice(1).some((l) => l.length >= 150))
    .map((p) => ({ file: p.file, headline: p.lines[0], paragraphs: p.lines.slice(1) }));
}

// ---- The set ------------------------------------------------------------------

export function makeFurnishedSet(options: SetOptions): FurnishedArticle[] {
  const dice = new Dice(mulberry32(options.seed));
  const v = vocabularyFor(options.vocabulary);
  const sources = dice.shuffle(loadSources(options.corpus));
  const otherHeadlines = sources.map((s) => s.headline);
  const out: FurnishedArticle[] = [];
  let next = 0;
  const sizes = options.siteSizes;
  for (const kind of options.kinds ?? KINDS) {
    // Sites one after another, each with its size; the articles are numbered in order.
    let site: Site | undefined;
    let left = 0;
    let size = 0;
    let sizeIndex = 0;
    let source: string | undefined;
    const start = out.length;
    for (let i = 0; i < options.perKind; i++) {
      const article = sources[next++ % sources.length];
      if (!site || left === 0) {
        site = makeSite(dice, v, sizes !== undefined);
        size = sizes ? sizes[sizeIndex++ % sizes.length] : options.perSite;
        left = size;
        source = options.sourceShare !== undefined && dice.chance(options.sourceShare) ? site.name : undefined;
      }
      left--;
      const furnished = furnish(kind, article, site, dice, v, otherHeadlines, `${kind}-${String(i).padStart(3, "0")}.txt`);
      out.push({ ...furnished, siteSize: size, ...(source ? { source } : {}) });
    }
    // A site cut short by perKind has fewer articles than its size said.
    const bySite = new Map<string, number>();
    for (const a of out.slice(start)) bySite.set(a.site, (bySite.get(a.site) ?? 0) + 1);
    for (const a of out.slice(start)) a.siteSize = Math.min(a.siteSize, bySite.get(a.site)!);
  }
  return out;
}

function furnish(kind: FurnitureKind, source: Source, site: Site, dice: Dice, v: Vocabulary, headlines: string[], file: string): Omit<FurnishedArticle, "siteSize"> {
  const body = [...source.paragraphs];
  const furniture: string[] = [];
  let top: string[] = [];
  let headlineLine = source.headline;
  const insertAt = (index: number, lines: string[]) => {
    body.splice(Math.min(index, body.length), 0, ...lines);
    furniture.push(...lines);
  };
  const middle = () => 1 + dice.int(Math.max(1, body.length - 1));
  switch (kind) {
    case "none":
      break;
    case "banner":
      if (site.bannerStyle === "slogan") top = [site.slogan];
      else if (site.bannerStyle === "name") top = [site.name];
      else if (site.bannerStyle === "name+slogan") top = [site.name, site.slogan];
      else if (site.bannerStyle === "navigation") top = [site.navigation];
      else if (site.bannerStyle === "name-slogan-line") top = [`${site.name}${site.separator}${site.slogan}`];
      else if (site.bannerStyle === "navigation+slogan") top = [site.navigation, site.slogan];
      else headlineLine = `${site.navigation} ${source.headline}`;
      furniture.push(...(site.bannerStyle === "prefix" ? [site.navigation] : top));
      break;
    case "site-name":
      headlineLine = `${source.headline}${site.separator}${site.name}`;
      furniture.push(`${site.separator.trim()} ${site.name}`);
      break;
    case "caption": {
      const n = 1 + dice.int(2);
      for (let k = 0; k < n; k++) insertAt(k === 0 && dice.chance(0.5) ? 0 : middle(), [caption(dice, v, site)]);
      break;
    }
    case "photo-credit":
      insertAt(dice.chance(0.5) ? 0 : body.length, [photoCredit(dice, v, site)]);
      break;
    case "teaser": {
      const pick = () => dice.pick(headlines.filter((h) => h !== source.headline));
      if (dice.chance(0.5)) insertAt(middle(), [`${site.readMore} ${pick()}`]);
      else insertAt(dice.chance(0.5) ? middle() : body.length, [site.listLabel, ...Array.from({ length: 2 + dice.int(3) }, pick)]);
      break;
    }
    case "share": {
      const lines = site.shareLines.map((l) => fillNumber(dice, l));
      insertAt(site.shareAtTop ? 0 : body.length, lines);
      break;
    }
    case "newsletter":
      insertAt(dice.chance(0.5) ? middle() : body.length, [site.newsletter]);
      break;
    case "cookie":
      if (site.cookieAtTop) top = [site.cookie];
      else insertAt(body.length, [site.cookie]);
      if (site.cookieAtTop) furniture.push(site.cookie);
      break;
    case "comments":
      insertAt(body.length, [fillNumber(dice, site.comments)]);
      break;
    case "bio":
      insertAt(body.length, bio(dice, v, site));
      break;
  }
  const lines = [...top, headlineLine, ...body];
  return { file, kind, site: site.name, text: `${lines.join("\n\n")}\n`, headline: source.headline, furniture, paragraphs: source.paragraphs };
}

// ---- Command line ---------------------------------------------------------------

function main(): void {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  if (!existsSync(CORPUS_DIR)) {
    console.log(`No research corpus at ${CORPUS_DIR}: nothing to furnish.`);
    return;
  }
  const out = arg("out", "");
  if (out === "") throw new Error("Give --out DIR (and optionally --corpus, --per-kind, --seed, --vocabulary tuning|holdout).");
  const set = makeFurnishedSet({
    corpus: arg("corpus", "bbc"),
    perKind: Number(arg("per-kind", "30")),
    seed: Number(arg("seed", "13")),
    vocabulary: arg("vocabulary", "tuning") as "tuning" | "holdout",
    perSite: Number(arg("per-site", "5")),
    siteSizes: arg("site-sizes", "") ? arg("site-sizes", "").split(",").map(Number) : undefined,
    sourceShare: arg("source-share", "") ? Number(arg("source-share", "")) : undefined,
    kinds: arg("kinds", "") ? (arg("kinds", "").split(",") as FurnitureKind[]) : undefined,
  });
  mkdirSync(out, { recursive: true });
  for (const a of set) writeFileSync(path.join(out, a.file), a.source ? `---\nsource: ${JSON.stringify(a.source)}\n---\n${a.text}` : a.text);
  writeFileSync(path.join(out, "truth.jsonl"), set.map(({ text: _text, ...truth }) => JSON.stringify(truth)).join("\n") + "\n");
  console.log(`${set.length} articles and truth.jsonl written to ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
