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

describe("a calendar day's words", () => {
  it("say “article” for one and “articles” for several or none, and name the whole weekday for screen readers", () => {
    const cal = monthCalendar(2016, 12, new Map([[1, { url: "/timeline/2016/12/01/", count: 1 }], [31, { url: "/timeline/2016/12/31/", count: 12 }]]));
    const day = (d: number) => cal.weeks.flat().find((c) => c?.day === d)!;
    assert.deepEqual(day(1), { day: 1, url: "/timeline/2016/12/01/", count: 1, label: "December 1, 2016: 1 article", countWord: "article" });
    assert.deepEqual(day(31), { day: 31, url: "/timeline/2016/12/31/", count: 12, label: "December 31, 2016: 12 articles", countWord: "articles" });
    assert.deepEqual(day(2), { day: 2, url: undefined, count: 0, label: "December 2, 2016: no articles", countWord: "articles" });
    assert.deepEqual(cal.weekdays.map((d) => d.long), ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
    assert.equal(cal.caption, "December 2016");
    // December 2016 begins on a Thursday and ends on a Saturday: five weeks, no trailing blanks.
    assert.equal(cal.weeks.length, 5);
    assert.deepEqual(cal.weeks.at(-1)!.map((c) => c?.day ?? null), [25, 26, 27, 28, 29, 30, 31]);
  });

  it("start a month that begins on a Sunday in the first cell, and a February of 28 days in four whole weeks", () => {
    const feb2015 = monthCalendar(2015, 2, new Map());
    assert.equal(feb2015.weeks.length, 4);
    assert.equal(feb2015.weeks[0][0]!.day, 1);
    assert.equal(feb2015.weeks.flat().filter((c) => c === null).length, 0);
    assert.equal(monthCalendar(2016, 2, new Map()).weeks.flat().filter(Boolean).length, 29, "a leap year's February has its 29th");
  });
});
