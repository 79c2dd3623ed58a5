import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir } from "./temp-dir.ts";

export interface SyntheticArticle {
  file: string;
  title: string;
  date?: string;
  source: string;
  people: string[];
  tags: string[];
}

/** Enough articles from one source that its listing needs a second page. */
export const SYNTHETIC_COUNT = 112;
const PEOPLE = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Samuel Reed"];
const TAGS = ["transit", "schools", "housing"];

/**
 * Writes `count` small raw articles whose dates, sources, people and tags are set in
 * contributor front matter, so site tests know what each page must show. Every
 * seventh article is undated; most come from "Daily Ledger"; the second newest
 * article's title carries characters that must be escaped in HTML, XML and JSON.
 */
export async function writeSyntheticArchive(count = SYNTHETIC_COUNT): Promise<{ dir: string; articles: SyntheticArticle[] }> {
  const dir = await tempDir("archive-synthetic-");
  await mkdir(dir, { recursive: true });
  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
    const article: SyntheticArticle = {
      file: `${String(i).padStart(3, "0")}_synthetic.txt`,
      title: i === count - 2 ? `Council says "no" to </script> & fares \\ ${i}` : `City council story number ${i} on ${TAGS[i % 3]}`,
      date: i % 7 === 6 ? undefined : day,
      source: i % 25 === 24 ? "Harbor Times" : i % 25 === 23 ? "Evening Courier" : "Daily Ledger",
      people: [PEOPLE[i % 4], PEOPLE[(i + 1) % 4]],
      tags: [TAGS[i % 3]],
    };
    articles.push(article);
    const front = [
      "---",
      `title: ${JSON.stringify(article.title)}`,
      ...(article.date ? [`date: "${article.date}"`] : []),
      `source: ${JSON.stringify(article.source)}`,
      `people: ${JSON.stringify(article.people)}`,
      `tags: ${JSON.stringify(article.tags)}`,
      "---",
    ].join("\n");
    const body = [
      `The city council met on a quiet evening to discuss item ${i} of its agenda, which concerned ${article.tags[0]} across the northern districts.`,
      `${article.people[0]} told members that the plan would need more money than the budget allowed, and ${article.people[1]} agreed to study it.`,
      "Residents who attended the meeting asked questions for more than an hour before the vote was postponed until next month.",
    ].join("\n\n");
    await writeFile(path.join(dir, article.file), `${front}\n${body}\n`);
  }
  return { dir, articles };
}

/**
 * An archive made to strain a layout (test/browser/layout-holds-at-every-width.test.ts),
 * with no research corpus needed: `count` articles over five years (some known only to the
 * month, some undated), with hundreds of people and places named once or twice beside a
 * few named often (long filter lists), very long names and titles, an unbroken 60-letter
 * word, and long source names. Deterministic: article i is always the same.
 */
export const WIDE_ARCHIVE_WORD = "lighthouse";
export async function writeWideSyntheticArchive(count = 400): Promise<{ dir: string; files: string[] }> {
  const dir = await tempDir("archive-wide-");
  const first = ["Maria", "John", "Aiko", "Samuel", "Fatima", "Olusegun", "Ingrid", "Tomasz", "Priya", "Mateo", "Nadia", "Kwame", "Elif", "Lars", "Mei", "Rafael"];
  const last = ["Lopez", "Carter", "Tanaka", "Reed", "Haddad", "Adeyemi", "Lindqvist", "Kowalczyk", "Raman", "Fernandez", "Petrova", "Mensah", "Yilmaz", "Nilsson", "Chen", "Oliveira"];
  const longPerson = "Maria-Fernanda Castellanos de la Torre y Villalobos-Montenegro";
  const longOrg = "International Association of Municipal Harbour Authorities and Coastal Ferry Operators";
  const sources = ["Daily Ledger", "Harbor Times", "The Northern Coastal Region Evening Courier and Weekly Review", "Valley Courier", "Metro Wire Service"];
  const topics = ["ferries", "harbour budget", "coastal flooding", "school buses", "fishing quotas", "tourism", "port workers strike", "bridge repairs"];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2015, 0, 3) + Math.floor((i * 1826) / count) * 86_400_000).toISOString().slice(0, 10);
    const date = i % 11 === 5 ? undefined : i % 13 === 7 ? day.slice(0, 7) : day;
    // Two or three names each: one of a few famous ones, and a rarer one (most named once or twice).
    const famous = `${first[i % 4]} ${last[i % 4]}`;
    const rare = `${first[(i * 7) % 16]} ${last[(i * 5 + Math.floor(i / 16)) % 16]}`;
    const people = [famous, rare, ...(i % 9 === 0 ? [longPerson] : [])];
    const places = [`Port ${last[(i * 3) % 16]}`, ...(i % 5 === 0 ? [`North ${first[i % 16]}ville`] : [])];
    const organizations = i % 6 === 0 ? [longOrg] : [`${last[i % 16]} Shipping`];
    const tags = [topics[i % topics.length], topics[(i * 3 + 1) % topics.length]];
    const title =
      i % 17 === 3
        ? `Harbour council votes on a ${"very ".repeat(12)}long plan to rebuild the old ${WIDE_ARCHIVE_WORD} pier and the ferry terminal before winter number ${i}`
        : i % 29 === 10
          ? `Supercalifragilisticexpialidociousharbourrenovationprogrammeupdate${i} announced`
          : `Ferry story ${i}: ${tags[0]} and the ${WIDE_ARCHIVE_WORD} at ${places[0]}`;
    const front = [
      "---",
      `title: ${JSON.stringify(title)}`,
      ...(date ? [`date: "${date}"`] : []),
      `source: ${JSON.stringify(sources[i % sources.length])}`,
      `people: ${JSON.stringify(people)}`,
      `organizations: ${JSON.stringify(organizations)}`,
      `places: ${JSON.stringify(places)}`,
      `tags: ${JSON.stringify(tags)}`,
      "---",
    ].join("\n");
    const body = [
      `The harbour board met on a windy evening to discuss item ${i} of its agenda, about ${tags[0]} and the old ${WIDE_ARCHIVE_WORD} at ${places[0]}.`,
      `${people[0]} told members the plan would cost more than the budget allowed, and ${people[1]} of ${organizations[0]} agreed to study it before the next meeting.`,
      "Residents asked questions for more than an hour before the vote was put off until next month, when the ferry timetable will be known.",
    ].join("\n\n");
    const file = `${String(i).padStart(4, "0")}_wide.txt`;
    await writeFile(path.join(dir, file), `${front}\n${body}\n`);
    files.push(file);
  }
  return { dir, files };
}
