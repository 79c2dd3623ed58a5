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

  it("passes a rejection through", async () => {
    await assert.rejects(mapLimited([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error("boom"); return n; }), /boom/);
  });
});
