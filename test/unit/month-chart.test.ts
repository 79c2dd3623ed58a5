import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { contiguousMonths, describeMonthCounts, renderMonthChart, type MonthCount } from "../../src/site/month-chart.ts";
import { xmlProblem } from "../helpers/xml-well-formed.ts";

/** A chart's drawing as numbers: viewBox, bars (from the one path), axis, tick marks and text labels. */
function geometry(svgText: string) {
  const svg = parse(svgText).querySelector("svg")!;
  const [, , width, height] = svg.getAttribute("viewBox")!.split(" ").map(Number);
  const d = svg.querySelector("path.bars")!.getAttribute("d")!;
  const barPattern = /M([\d.]+) ([\d.]+)v-([\d.]+)h([\d.]+)v([\d.]+)z/g;
  assert.equal(d.replace(barPattern, ""), "", `the bars path holds only bars: ${d.slice(0, 80)}`);
  const bars = [...d.matchAll(barPattern)].map((m) => ({ x: Number(m[1]), base: Number(m[2]), h: Number(m[3]), w: Number(m[4]) }));
  const axis = svg.querySelector("line.axis")!;
  const num = (el: { getAttribute(n: string): string | undefined }, a: string) => Number(el.getAttribute(a));
  return {
    width,
    height,
    bars,
    axis: { x1: num(axis, "x1"), x2: num(axis, "x2"), y: num(axis, "y1") },
    ticks: svg.querySelectorAll("line.tick").map((t) => ({ x: num(t, "x1"), y1: num(t, "y1"), y2: num(t, "y2") })),
    years: svg.querySelectorAll("g.years text").map((t) => ({ x: num(t, "x"), y: num(t, "y"), text: t.text })),
    axisLabels: svg.querySelectorAll("text.axis-label").map((t) => ({ x: num(t, "x"), y: num(t, "y"), text: t.text })),
  };
}

/** Months from `first` (YYYY-MM) on, with the given counts. */
function monthsFrom(first: string, counts: number[]): MonthCount[] {
  const [y, m] = first.split("-").map(Number);
  return counts.map((count, i) => {
    const k = y * 12 + m - 1 + i;
    return { month: `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`, count };
  });
}

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
    assert.equal(Math.max(...bars), 180 - 28 - 30);
    assert.ok(Math.abs(bars[1] - bars[0] / 2) < 0.02, "half the articles, half the height");
  });

  it("escapes the title, which may carry a name from an article", () => {
    const svg = renderMonthChart(contiguousMonths(new Map([["2017-01", 1]])), { idPrefix: "x", title: "Articles naming <script>&" });
    assert.ok(svg.includes("Articles naming &lt;script&gt;&amp;"));
    assert.ok(!svg.includes("<script>"));
  });

  it("draws every bar, tick and label inside its frame, bars left to right in month order, evenly spaced and not touching", () => {
    for (const [series, options] of [
      [monthsFrom("2015-06", Array.from({ length: 34 }, (_, i) => (i * 7) % 5)), {}],
      [monthsFrom("2016-01", [3, 0, 0, 9, 1]), { width: 400, height: 300 }],
      [monthsFrom("1990-01", Array.from({ length: 400 }, (_, i) => 1 + (i % 3))), {}],
    ] as const) {
      const g = geometry(renderMonthChart(series, { idPrefix: "c", title: "t", ...options }));
      assert.deepEqual([g.width, g.height], [options.width ?? 720, options.height ?? 180]);
      const drawn = series.map((m, i) => ({ ...m, i })).filter((m) => m.count > 0);
      assert.equal(g.bars.length, drawn.length, "a bar for each month with articles");
      assert.ok(g.axis.x1 > 0 && g.axis.x2 <= g.width && g.axis.y <= g.height, "the axis inside the frame");
      const spacing = (g.bars.at(-1)!.x - g.bars[0].x) / (drawn.at(-1)!.i - drawn[0].i || 1);
      g.bars.forEach((b, k) => {
        assert.ok(b.x >= g.axis.x1 && b.x + b.w <= g.axis.x2 + 0.01, `bar ${k} within the axis`);
        assert.ok(b.base === g.axis.y && b.h > 0 && b.base - b.h >= 0, `bar ${k} stands on the axis, inside the frame`);
        assert.ok(Math.abs(b.x - (g.bars[0].x + (drawn[k].i - drawn[0].i) * spacing)) < 0.05, `bar ${k} at its month's place`);
        if (k > 0) assert.ok(b.x >= g.bars[k - 1].x + g.bars[k - 1].w - 0.01, `bar ${k} does not overlap the one before`);
      });
      if (spacing > 4) assert.ok(g.bars.every((b) => b.w < spacing - 0.5 && b.w > spacing / 2), "a visible gap between neighbouring months");
      if (spacing < 3) assert.ok(g.bars.every((b) => Math.abs(b.w - spacing) < 0.02), "bars of a long range fill their place: a gap would leave them too thin to see");
      for (const t of g.ticks) assert.ok(t.y1 === g.axis.y && t.y2 > t.y1 && t.y2 <= g.height, "ticks hang below the axis");
      for (const l of [...g.years, ...g.axisLabels]) assert.ok(l.x >= 0 && l.x <= g.width && l.y >= 11 && l.y <= g.height, `label ${l.text} inside the frame`);
      for (const l of g.years) assert.ok(l.y > g.axis.y, "year labels below the axis");
      const tallest = Math.min(...g.bars.map((b) => b.base - b.h));
      for (const l of g.axisLabels) assert.ok(l.y < tallest, "the scale above the bars");
    }
  });

  it("labels the first month's year and each January's at its month, with the busiest month's count as the scale", () => {
    const series = monthsFrom("2015-06", Array.from({ length: 34 }, (_, i) => (i === 20 ? 1234 : 1 + (i % 4))));
    const svg = renderMonthChart(series, { idPrefix: "c", title: "t" });
    const g = geometry(svg);
    const spacing = (g.bars.at(-1)!.x - g.bars[0].x) / (series.length - 1);
    const slotX = (month: string) => g.bars[0].x + series.findIndex((m) => m.month === month) * spacing;
    assert.deepEqual(g.years.map((l) => l.text), ["2015", "2016", "2017", "2018"]);
    g.years.forEach((l, k) => assert.ok(Math.abs(l.x - slotX(k === 0 ? "2015-06" : `${2015 + k}-01`)) < 0.05, l.text));
    assert.deepEqual(g.ticks.map((t) => t.x), g.years.map((l) => l.x), "a tick at each labelled month");
    // The baseline is zero; the busiest month's count is named above the plot, where no bar reaches.
    assert.deepEqual(g.axisLabels.map((l) => l.text), ["1,234"]);
    assert.ok(g.axisLabels[0].y < g.axis.y - Math.max(...g.bars.map((b) => b.h)), "the busiest count above the tallest bar");
    assert.equal(Math.max(...g.bars.map((b) => b.h)), g.axis.y - 28, "the busiest month reaches the top of the plot");
  });

  it("is well-formed SVG with no text but its title, description and labels", () => {
    const svg = renderMonthChart(monthsFrom("2016-11", [2, 0, 0, 5]), { idPrefix: "c", title: "Articles naming Dwayne \"The Rock\" Johnson & co" });
    assert.equal(xmlProblem(`<?xml version="1.0"?>${svg}`), undefined);
    const root = parse(svg);
    assert.equal(root.querySelector("title")!.text, 'Articles naming Dwayne "The Rock" Johnson & co');
    const loose = svg.replace(/<(title|desc|text)\b[^>]*>[^<]*<\/\1>/g, "").replace(/<[^>]+>/g, "");
    assert.equal(loose, "");
  });

  it("says '1 article' for one, and counts up to a range of months", () => {
    assert.equal(describeMonthCounts(monthsFrom("2017-01", [1])), "1 article, January 2017. January 2017: 1.");
    assert.equal(describeMonthCounts(monthsFrom("2017-01", [1, 0, 1])), "2 articles, January 2017 to March 2017. January 2017: 1; March 2017: 1. Months not listed have none.");
  });

  it("handles years before 1000 on the axis like any other", () => {
    assert.deepEqual(contiguousMonths(new Map([["0999-12", 1], ["1000-01", 2]])).map((m) => [m.month, m.count]), [["0999-12", 1], ["1000-01", 2]]);
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
    // A small chart shows only the major labels, at about twice the size: 55 units wide.
    const major = svg.querySelectorAll("g.years text.major").map((t) => Number(t.getAttribute("x")));
    assert.ok(major.length >= 3 && major.length < xs.length, `${major.length} major of ${xs.length}`);
    for (let i = 1; i < major.length; i++) assert.ok(major[i] - major[i - 1] >= 60);
    for (const x of major) assert.ok(x + 60 <= 720, `a major label at ${x} would run off the right edge`);
  });

  it("names the busiest month's count above the plot, where no bar reaches", () => {
    const svg = parse(renderMonthChart(contiguousMonths(new Map([["2017-01", 1234], ["2017-02", 5]])), { idPrefix: "x", title: "t" }));
    const label = svg.querySelector("text.axis-label")!;
    assert.equal(label.text, "1,234");
    const d = svg.querySelector("path.bars")!.getAttribute("d")!;
    const tops = [...d.matchAll(/M[\d.]+ ([\d.]+)v(-[\d.]+)/g)].map((m) => Number(m[1]) + Number(m[2]));
    assert.ok(Math.min(...tops) > Number(label.getAttribute("y")), "the label is above the tallest bar");
  });
});
