import matter from "gray-matter";
import { ArticleError } from "../errors.ts";
import { ContributorFrontMatter, CONTRIBUTOR_KEYS } from "../schema.ts";

export interface SplitFrontMatter {
  data: ContributorFrontMatter;
  /** The text after the front matter block. */
  body: string;
  /** 1-based line of the raw file where `body` starts. */
  bodyLine: number;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * A raw file may open with a YAML block of corrections. Only the article schema's
 * contributor fields are accepted: Eleventy keys such as `permalink` or `layout`
 * are rejected, so a contributor cannot change how pages are built.
 */
export function splitContributorFrontMatter(text: string, file: string): SplitFrontMatter {
  const match = BLOCK.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const blockLines = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0);
  let data: unknown;
  try {
    data = matter(match[0], {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? mark.line + 1 : 1;
    throw new ArticleError(file, `its front matter is not valid YAML (${(error as Error).message.split("\n")[0]}).`, {
      line,
      hint: "Fix the block between the two `---` lines, or remove it.",
    });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ArticleError(file, "its front matter must be a list of `key: value` lines.", { line: 1 });
  }
  const result = ContributorFrontMatter.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const key = String(first.path[0] ?? "");
    const keyLine = findKeyLine(match[1], key);
    const message =
      first.code === "unrecognized_keys"
        ? `front matter key${first.keys.length > 1 ? "s" : ""} ${first.keys.map((k) => `"${k}"`).join(", ")} cannot be set by an article file.`
        : `front matter "${first.path.join(".")}" ${first.message}.`;
    throw new ArticleError(file, message, {
      line: first.code === "unrecognized_keys" ? findKeyLine(match[1], first.keys[0]) : keyLine,
      hint: `Allowed keys: ${CONTRIBUTOR_KEYS.join(", ")}.`,
    });
  }
  return { data: result.data, body: text.slice(match[0].length), bodyLine: blockLines + 1 };
}

function findKeyLine(block: string, key: string): number {
  const lines = block.split("\n");
  const index = lines.findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 2 : 1;
}
