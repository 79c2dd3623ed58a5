import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapLimited } from "../../src/util/map-limited.ts";

describe("mapLimited", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimited(Array.from({ length: 50 }, (_, i) => i), 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      running--;
      return n * 2;
    });
    assert.deepEqual(out, Array.from({ length: 50 }, (_, i) => i * 2));
    assert.ok(peak <= 4, `peak ${peak}`);
    assert.ok(peak > 1, "runs in parallel");
  });

  it("calls the function once per item, whatever the limit, and not at all for no items", async () => {
    for (const [n, limit] of [[0, 4], [3, 10], [7, 1], [64, 64]]) {
      const calls: number[] = [];
      const out = await mapLimited(Array.from({ length: n }, (_, i) => i), limit, async (item, index) => {
        calls.push(index);
        assert.equal(item, index);
        await Promise.resolve();
        return `r${item}`;
      });
      assert.deepEqual([...calls].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i), `${n} items, limit ${limit}`);
      assert.deepEqual(out, Array.from({ length: n }, (_, i) => `r${i}`));
    }
  });

  it("with a limit of 1, runs the items one after another in order", async () => {
    const events: string[] = [];
    await mapLimited(["a", "b", "c"], 1, async (item) => {
      events.push(`start ${item}`);
      await new Promise((r) => setTimeout(r, 1));
      events.push(`end ${item}`);
    });
    assert.deepEqual(events, ["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("passes a rejection through", async () => {
    await assert.rejects(mapLimited([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error("boom"); return n; }), /boom/);
  });
});
