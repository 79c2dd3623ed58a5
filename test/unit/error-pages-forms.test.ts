import assert from "node:assert/strict";
import { test } from "node:test";
import { findErrorPage } from "../../src/ingest/error-pages.ts";
import { paragraphsOf as paras } from "../helpers/paragraphs.ts";

// What servers and content systems print on their error pages, one printed form per line,
// and short articles whose headline only starts (or ends) like one.

const kindOf = (...lines: string[]) => findErrorPage(paras(...lines))?.kind;

test("every printed form of an error page is recognised", () => {
  const cases: [string, string][] = [
    ["Moved Temporarily", "redirect page"],
    ["302 Moved Temporarily", "redirect page"],
    ["Object moved", "redirect page"],
    ["307 Temporary Redirect", "redirect page"],
    ["308 Permanent Redirect", "redirect page"],
    ["Moved Permanently.", "redirect page"],
    ["The document has moved", "redirect page"],
    ["The document has moved here.", "redirect page"],
    ["This page has moved to a new address.", "redirect page"],
    ["The page has been moved.", "redirect page"],
    ["404", "“page not found” page"],
    ["HTTP 404", "“page not found” page"],
    ["Error 404 - Not Found", "“page not found” page"],
    ["Oops! 404", "“page not found” page"],
    ["Oops 404", "“page not found” page"],
    ["Ooops! 404", "“page not found” page"],
    ["Whoops, Error 404", "“page not found” page"],
    ["404 Not Found", "“page not found” page"],
    ["Not Found", "“page not found” page"],
    ["File not found.", "“page not found” page"],
    ["Sorry, the page was not found!", "“page not found” page"],
    ["Article not found", "“page not found” page"],
    ["Story not found", "“page not found” page"],
    ["Sorry, the page you are looking for does not exist.", "“page not found” page"],
    ["The article you were searching for is no longer available.", "“page not found” page"],
    ["We think the story you're looking for has been removed.", "“page not found” page"],
    ["The content that you are looking for might have been deleted.", "“page not found” page"],
    ["Sorry, the page you are looking for could not be found.", "“page not found” page"],
    ["Sorry, the page you are looking for cannot be found.", "“page not found” page"],
    ["Sorry, the page you are looking for can't be found.", "“page not found” page"],
    ["Sorry, the page you’re looking for can’t be found.", "“page not found” page"],
    ["The page you are looking for was not found.", "“page not found” page"],
    ["The page you were looking for may have moved.", "“page not found” page"],
    ["The page you are looking for no longer exists.", "“page not found” page"],
    ["This page is no longer available", "“page not found” page"],
    ["The content no longer exists.", "“page not found” page"],
    ["This article is no longer available.", "“page not found” page"],
    ["401 Unauthorized", "“access denied” page"],
    ["Access Denied", "“access denied” page"],
    ["Forbidden.", "“access denied” page"],
    ["500 Internal Server Error", "server error page"],
    ["502 Bad Gateway", "server error page"],
    ["503 Service Unavailable", "server error page"],
    ["504 Gateway Timeout", "server error page"],
    ["Gateway Time-out", "server error page"],
    ["This site is currently down for maintenance.", "“down for maintenance” page"],
    ["Our page is temporarily offline for scheduled maintenance.", "“down for maintenance” page"],
    ["The website is unavailable for maintenance until noon.", "“down for maintenance” page"],
    ["example-news.com - example-news Resources and Information.", "parked-domain page"],
    ["www.town.co.uk Resources and Information", "parked-domain page"],
    ["This domain may be for sale!", "parked-domain page"],
    ["The domain name is for sale.", "parked-domain page"],
  ];
  for (const [line, kind] of cases) assert.equal(kindOf("Example News", line), kind, line);
});

test("short articles whose lines only start or end like an error page are articles", () => {
  for (const line of [
    "Forbidden City reopens to visitors after the storm.",
    "Access Denied To Reporters At The Summit",
    "Object moved to the new museum wing on Monday.",
    "The document has moved lawmakers to act on the bill.",
    "Readers said the page has moved them to tears.",
    "Flight 404 landed safely in Denver on Sunday.",
    "Not Found Guilty, Man Walks Free",
    "Bad Gateway Traffic Slows Commuters",
    "Internal Server Error Costs Bank Millions",
    "The page you are looking for tells the story of the town.",
    "Temporary Redirect Of Traffic Begins Monday",
    "The mayor said the page has nothing more to add.",
    "Error messages confused voters on Tuesday.",
    "The state merged its Department of Natural Resources and Information.",
    "Mayor says the domain of the city is for sale to the highest bidder.",
  ]) {
    assert.equal(kindOf("Example News", line), undefined, line);
  }
});
