import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { listFiles, type BuiltSite } from "./site-build.ts";

/**
 * Every link, script and stylesheet on every built page points at a file the build wrote.
 */
export async function brokenInternalLinks(site: BuiltSite, prefix: string): Promise<string[]> {
  const files = new Set(await listFiles(site.dir));
  const pages = [...files].filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
  const broken: string[] = [];
  for (const file of pages) {
    const html = parse(await readFile(path.join(site.dir, file), "utf8"));
    const refs = [
      ...html.querySelectorAll("a[href]").map((a) => a.getAttribute("href")!),
      ...html.querySelectorAll("link[href]").filter((l) => l.getAttribute("rel") !== "canonical").map((l) => l.getAttribute("href")!),
      ...html.querySelectorAll("script[src]").map((s) => s.getAttribute("src")!),
      ...html.querySelectorAll("form[action]").map((f) => f.getAttribute("action")!),
    ];
    for (const ref of refs) {
      if (/^[a-z]+:/i.test(ref) || ref.startsWith("#")) continue;
      const pathname = new URL(ref, `http://site${prefix}${file}`).pathname;
      if (!pathname.startsWith(prefix)) {
        broken.push(`${file}: ${ref} is outside the path prefix ${prefix}`);
        continue;
      }
      const rel = decodeURIComponent(pathname.slice(prefix.length));
      const target = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
      if (!files.has(target)) broken.push(`${file}: ${ref}`);
    }
  }
  return broken;
}
