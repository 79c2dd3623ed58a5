import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { contiguousMonths, describeMonthCounts, renderMonthChart } from "../../src/site/month-chart.ts";

/** "February 2017: 1,234" pairs from a chart's <desc>. */
function countsInDesc(svg: string): Map<string, number> {
  const desc = parse(svg).querySelector("desc")!.text;
  return new Map([...desc.matchAll(/([A-Z][a-z]+ \d{4}): ([\d,]+)/g)].map((m) => [m[1], Number(m[2].replace(/,/g, ""))]));
}

describe("the month chart", () => {
  it("puts every month between the first and the last on the axis, across a year boundary, zeros included", () => {
    const series = contiguousMonths(new Map([["2016-11", 2], ["2017-02", 5]]));
    assert.deepEqual(series, [
      { month: "2016-11", count: 2 },
      { month: "2016-12", count: 0 },
      { month: "2017-01", count: 0 },
      { month: "2017-02", count: 5 },
    ]);
  });

  it("states in its text alternative every non-zero month's count, and the total", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1990, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 30 }), (cells) => {
        const counts = new Map<string, number>();
        for (const [y, m, c] of cells) counts.set(`${y}-${String(m).padStart(2, "0")}`, c);
        const svg = renderMonthChart(contiguousMonths(counts), { idPrefix: "c", title: "Articles per month" });
        const described = countsInDesc(svg);
        assert.equal(described.size, counts.size);
        for (const [month, count] of counts) {
          const label = new Date(`${month}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
          assert.equal(described.get(label), count, label);
        }
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        assert.ok(parse(svg).querySelector("desc")!.text.startsWith(`${total.toLocaleString("en-US")} article`));
      }),
      { numRuns: 50 },
    );
  });

  it("is an image named by its title and description, for screen readers", () => {
    const svg = parse(renderMonthChart(contiguousMonths(new Map([["2017-01", 3]])), { idPrefix: "x", title: "Articles per month" })).querySelector("svg")!;
    assert.equal(svg.getAttribute("role"), "img");
    assert.equal(svg.getAttribute("aria-labelledby"), "x-title x-desc");
    assert.equal(svg.querySelector("#x-title")!.text, "Articles per month");
    assert.equal(svg.querySelector("#x-desc")!.text, "3 articles, January 2017. January 2017: 3.");
  });

  it("draws one bar per month that has articles, the busiest one full height", () => {
    const series = contiguousMonths(new Map([["2017-01", 10], ["2017-03", 5], ["2017-04", 1]]));
    const d = parse(renderMonthChart(series, { idPrefix: "x", title: "t", height: 180 })).querySelector("path.bars")!.getAttribute("d")!;
    const bars = [...d.matchAll(/M[\d.]+ ([\d.]+)v(-[\d.]+)/g)].map((m) => -Number(m[2]));
    assert.equal(bars.length, 3);
    assert.equal(Math.max(...bars), 180 - 10 - 22);
    assert.ok(Math.abs(bars[1] - bars[0] / 2) < 0.02, "half the articles, half the height");
  });

  it("escapes the title, which may carry a name from an article", () => {
    const svg = renderMonthChart(contiguousMonths(new Map([["2017-01", 1]])), { idPrefix: "x", title: "Articles naming <script>&" });
    assert.ok(svg.includes("Articles naming &lt;script&gt;&amp;"));
    assert.ok(!svg.includes("<script>"));
  });

  it("draws nothing for no data, and says so in words", () => {
    assert.equal(renderMonthChart([], { idPrefix: "x", title: "t" }), "");
    assert.equal(describeMonthCounts([]), "No dated articles.");
  });

  it("labels years without crowding when the range is long", () => {
    const counts = new Map<string, number>();
    for (let y = 1900; y <= 2020; y++) counts.set(`${y}-06`, 1);
    const svg = parse(renderMonthChart(contiguousMonths(counts), { idPrefix: "x", title: "t" }));
    const xs = svg.querySelectorAll("g.years text").map((t) => Number(t.getAttribute("x")));
    assert.ok(xs.length >= 5 && xs.length < 40, `${xs.length} year labels`);
    // A four-digit year at font-size 11 is about 25 units wide.
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 28);
  });
});
