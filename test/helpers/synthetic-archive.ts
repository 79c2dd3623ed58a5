import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

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
  const dir = await mkdtemp(path.join(os.tmpdir(), "archive-synthetic-"));
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
