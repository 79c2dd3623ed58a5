import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { liveReloadClientScript } from "../../src/dev/live-reload.ts";

/** Runs the live reload script as a browser at `pathname` would, and returns a way to send it events. */
function browserAt(pathname: string) {
  const listeners = new Map<string, (event: { data: string }) => void>();
  const state = { reloads: 0 };
  class FakeEventSource {
    constructor(readonly url: string) {}
    addEventListener(name: string, listener: (event: { data: string }) => void) {
      listeners.set(name, listener);
    }
  }
  const location = { pathname, reload: () => state.reloads++ };
  new Function("EventSource", "location", "console", liveReloadClientScript("/__live-reload"))(FakeEventSource, location, { error() {} });
  return { send: (data: object) => listeners.get("reload")!({ data: JSON.stringify(data) }), state };
}

describe("the live reload script", () => {
  it("reloads every browser for a reload that names no pages", () => {
    const browser = browserAt("/people/jane-doe/");
    browser.send({ changed: ["a.txt"] });
    assert.equal(browser.state.reloads, 1);
  });

  it("reloads only a browser showing one of the pages a reload names (its index.html too)", () => {
    const reader = browserAt("/articles/council-approves-budget/");
    const other = browserAt("/people/jane-doe/");
    const byFile = browserAt("/articles/council-approves-budget/index.html");
    for (const b of [reader, other, byFile]) b.send({ changed: ["a.txt"], pages: ["/articles/council-approves-budget/"] });
    assert.deepEqual([reader.state.reloads, other.state.reloads, byFile.state.reloads], [1, 0, 1]);
  });
});
