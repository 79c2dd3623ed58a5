import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { monthCalendar } from "../../src/site/calendar.ts";

describe("a month page's calendar (monthCalendar)", () => {
  it("lays February 2017 out from Sunday, the 1st on a Wednesday, linking only the days that have articles", () => {
    const cal = monthCalendar(2017, 2, new Map([[8, { url: "/timeline/2017/02/08/", count: 3 }]]));
    assert.equal(cal.caption, "February 2017");
    assert.deepEqual(cal.weekdays.map((d) => d.short), ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
    assert.deepEqual(cal.weeks[0].map((c) => c?.day ?? null), [null, null, null, 1, 2, 3, 4]);
    assert.deepEqual(cal.weeks.at(-1)!.map((c) => c?.day ?? null), [26, 27, 28, null, null, null, null]);
    const linked = cal.weeks.flat().filter((c) => c?.url);
    assert.deepEqual(linked, [{ day: 8, url: "/timeline/2017/02/08/", count: 3, label: "February 8, 2017: 3 articles", countWord: "articles" }]);
    assert.equal(cal.weeks.flat().find((c) => c?.day === 9)!.label, "February 9, 2017: no articles");
  });

  it("has every day of any month once, in order, in whole weeks, each on its own weekday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const cal = monthCalendar(year, month, new Map());
        const days = cal.weeks.flat().filter((c) => c !== null).map((c) => c!.day);
        const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
        assert.deepEqual(days, Array.from({ length }, (_, i) => i + 1));
        assert.ok(cal.weeks.every((w) => w.length === 7));
        cal.weeks.forEach((week, w) => week.forEach((cell, d) => cell && assert.equal(new Date(Date.UTC(year, month - 1, cell.day)).getUTCDay(), d, `${year}-${month}-${cell.day} in week ${w}`)));
      }),
      { numRuns: 300 },
    );
  });
});
