import type { Paragraph } from "./types.ts";

/**
 * Part of step 3 of ingest: recognise a file that holds an error page, not an article.
 *
 * A scraper that follows a dead or moved link saves what the server answered: Apache's
 * "Moved Permanently / The document has moved here.", a site's 404 page, a maintenance
 * notice. Such a page is short and says what it is in words servers and content
 * systems use for it (HTTP's own status phrases, "page not found"); an article that
 * mentions a 404 page is long, so only short files are judged.
 */

/** An error page is a few lines; a real story is longer than this many words. */
const MAX_ERROR_PAGE_WORDS = 120;

/** What a server or a site prints on its error pages, and what to call each in the message. */
const ERROR_PAGE_LINES: [RegExp, string][] = [
  [/^(?:30[1278] )?(?:Moved Permanently|Moved Temporarily|Object moved|Permanent Redirect|Temporary Redirect)\.?$/i, "redirect page"],
  [/^The document has moved(?: here)?\.?$/i, "redirect page"],
  [/^(?:This page has|The page has) (?:moved|been moved)\b/i, "redirect page"],
  [/^(?:HTTP )?(?:Error )?404\b|\b(?:Error|Oo+ps\W*) 404\b|^404 (?:Not Found|Page|Error)/i, "“page not found” page"],
  [/^(?:(?:Sorry, )?(?:the )?(?:page|file|article|story) (?:was )?not found|Not Found)\W*$/i, "“page not found” page"],
  [/\bthe (?:page|article|story|content) (?:that )?(?:you(?:'|’)re|you are|you were) (?:looking|searching) for (?:does ?n(?:o|’|')t|doesn(?:'|’)t|could ?n(?:o|’|')t|can(?: ?no|'|’)t|is no longer|no longer|was not|might have|may have|has been)\b/i, "“page not found” page"],
  [/^(?:(?:This|The) (?:page|content|article) (?:is )?no longer (?:available|exists?))\b/i, "“page not found” page"],
  [/^(?:40[13] )?(?:Forbidden|Access Denied|Unauthorized)\.?$/i, "“access denied” page"],
  [/^(?:50[0234] )?(?:Internal Server Error|Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out)\.?$/i, "server error page"],
  // A parked domain: "example.com - example Resources and Information.", "This domain may be for sale".
  [/^[\w-]+(?:\.[\w-]+)+\b.*\bResources and Information\.?$|^(?:This|The) domain(?: name)? (?:may be|is) for sale\b/i, "parked-domain page"],
  [/\b(?:website|site|page) is (?:currently |temporarily )?(?:down|offline|unavailable) for (?:scheduled )?maintenance\b/i, "“down for maintenance” page"],
];

export interface ErrorPage {
  /** What the page is: "redirect page", "“page not found” page", ... */
  kind: string;
  /** The line that says so, as printed. */
  text: string;
  line: number;
}

/** The error page a file holds, or undefined when it reads as an article. */
export function findErrorPage(paras: readonly Paragraph[]): ErrorPage | undefined {
  let words = 0;
  for (const p of paras) {
    words += p.text.split(/\s+/).length;
    if (words > MAX_ERROR_PAGE_WORDS) return undefined;
  }
  for (const p of paras) {
    for (const [pattern, kind] of ERROR_PAGE_LINES) {
      if (pattern.test(p.text)) return { kind, text: p.text, line: p.line };
    }
  }
  return undefined;
}
