/** Period bucketing, launch alignment, range resolution and the share / free-share maths (pure code). */
import { describe, expect, it } from "vitest";
import {
  addDays,
  alignedIndex,
  alignedPeriods,
  calendarPeriods,
  cumulativeSums,
  freeShareOf,
  periodEnd,
  periodStart,
  ratioOfBigInts,
  shareOf,
  splitFullMonths,
} from "@/lib/view/periods";
import { RangeQueryError } from "@/lib/queries/errors";
import { resolveRangeWith } from "@/lib/view/range";
import { buildPoints } from "@/lib/queries/usage";
import { subsidyPoints } from "@/lib/queries/subsidy";
import { priceChangePoints } from "@/lib/queries/model-detail";
import { ratio } from "@/lib/queries/compare";

describe("calendar periods (UTC)", () => {
  it("ISO weeks start on Monday, across year boundaries", () => {
    // 2026-01-01 is a Thursday: its ISO week (2026-W01) starts Monday 2025-12-29.
    expect(periodStart("2026-01-01", "week")).toBe("2025-12-29");
    expect(periodStart("2025-12-29", "week")).toBe("2025-12-29");
    expect(periodStart("2026-01-04", "week")).toBe("2025-12-29"); // Sunday ends the week
    expect(periodStart("2026-01-05", "week")).toBe("2026-01-05");
    // 2021-01-01 (Friday) belongs to 2020-W53, which starts 2020-12-28.
    expect(periodStart("2021-01-01", "week")).toBe("2020-12-28");
    expect(periodStart("2024-02-29", "week")).toBe("2024-02-26"); // leap day
    expect(periodEnd("2025-12-29", "week")).toBe("2026-01-04");
  });

  it("months are calendar months, leap years included", () => {
    expect(periodStart("2026-01-31", "month")).toBe("2026-01-01");
    expect(periodEnd("2024-02-01", "month")).toBe("2024-02-29");
    expect(periodEnd("2025-02-01", "month")).toBe("2025-02-28");
    expect(periodEnd("2025-12-01", "month")).toBe("2025-12-31");
    expect(periodStart("2026-03-15", "day")).toBe("2026-03-15");
  });

  it("lists every period meeting the range and marks partial first/last ones", () => {
    const weeks = calendarPeriods("2025-12-31", "2026-01-14", "week");
    expect(weeks.map((w) => [w.period, w.partial])).toEqual([
      ["2025-12-29", true], // starts before `from`
      ["2026-01-05", false],
      ["2026-01-12", true], // ends after `to`
    ]);
    const months = calendarPeriods("2026-01-01", "2026-03-31", "month");
    expect(months.map((m) => [m.period, m.end, m.partial])).toEqual([
      ["2026-01-01", "2026-01-31", false],
      ["2026-02-01", "2026-02-28", false],
      ["2026-03-01", "2026-03-31", false],
    ]);
    // A period past the newest stored day is partial even inside the range.
    const cut = calendarPeriods("2026-01-01", "2026-01-31", "month", "2026-01-20");
    expect(cut[0].partial).toBe(true);
    expect(calendarPeriods("2026-01-01", "2026-01-03", "day").map((d) => d.period)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
  });

  it("an empty range has no periods", () => {
    expect(calendarPeriods("2026-02-01", "2026-01-31", "day")).toEqual([]);
  });
});

describe("full months for rollup reads", () => {
  it("splits a range into the calendar months it contains and the edge days", () => {
    expect(splitFullMonths("2025-12-01", "2026-02-28")).toEqual({ months: { start: "2025-12-01", endExclusive: "2026-03-01" }, edges: [] });
    expect(splitFullMonths("2025-11-23", "2026-02-20")).toEqual({
      months: { start: "2025-12-01", endExclusive: "2026-02-01" },
      edges: [["2025-11-23", "2025-11-30"], ["2026-02-01", "2026-02-20"]],
    });
    expect(splitFullMonths("2024-02-01", "2024-02-29")).toEqual({ months: { start: "2024-02-01", endExclusive: "2024-03-01" }, edges: [] });
    expect(splitFullMonths("2026-01-05", "2026-01-20")).toEqual({ months: null, edges: [["2026-01-05", "2026-01-20"]] });
    expect(splitFullMonths("2025-12-31", "2026-01-01")).toEqual({ months: null, edges: [["2025-12-31", "2026-01-01"]] });
    expect(splitFullMonths("2026-02-01", "2026-01-01")).toEqual({ months: null, edges: [] });
  });
});

describe("launch alignment", () => {
  it("day 0 is the launch; weeks are 0, 7, 14…; months are 30-day blocks 0, 30, 60…", () => {
    expect(alignedIndex("2025-12-17", "2025-12-17", "day")).toBe(0);
    expect(alignedIndex("2025-12-23", "2025-12-17", "week")).toBe(0);
    expect(alignedIndex("2025-12-24", "2025-12-17", "week")).toBe(7);
    expect(alignedIndex("2026-01-16", "2025-12-17", "month")).toBe(30);
    expect(alignedIndex("2025-12-16", "2025-12-17", "week")).toBe(-7); // usage before launch: negative index
  });

  it("aligned periods start at day 0 (or the range start) and mark cut blocks partial", () => {
    const p = alignedPeriods("2025-12-17", "2025-12-01", "2026-01-10", "week", "2026-01-10");
    expect(p[0]).toEqual({ period: "0", start: "2025-12-17", end: "2025-12-23", partial: false });
    expect(p.at(-1)).toMatchObject({ period: "21", start: "2026-01-07", partial: true });
    // Launched before the range: the first block is cut by `from`.
    const late = alignedPeriods("2025-10-15", "2025-11-01", "2025-11-30", "month");
    expect(late.map((x) => [x.period, x.partial])).toEqual([["0", true], ["30", true]]);
    // Launched after the range: nothing.
    expect(alignedPeriods("2026-02-01", "2025-11-01", "2025-11-30", "day")).toEqual([]);
  });
});

describe("range resolution", () => {
  const bounds = { oldestDay: "2025-01-01", newestDay: "2026-02-28" };
  it("defaults to the 90 days ending at the newest stored day", () => {
    expect(resolveRangeWith(bounds, { from: null, to: null })).toMatchObject({ from: "2025-12-01", to: "2026-02-28", empty: false });
    expect(addDays("2026-02-28", -89)).toBe("2025-12-01");
  });
  it("clamps to the stored days and honours an explicit or launch default `from`", () => {
    expect(resolveRangeWith(bounds, { from: "2020-01-01", to: "2030-01-01" })).toMatchObject({ from: "2025-01-01", to: "2026-02-28" });
    expect(resolveRangeWith(bounds, { from: null, to: "2025-03-31" })).toMatchObject({ from: "2025-01-01", to: "2025-03-31" });
    expect(resolveRangeWith(bounds, { from: null, to: null }, { defaultFrom: "2025-10-15" })).toMatchObject({ from: "2025-10-15" });
  });
  it("refuses a bound beyond the stored days that leaves nothing, naming the bound", () => {
    expect(() => resolveRangeWith(bounds, { from: "2027-01-01", to: null })).toThrow("from (2027-01-01) is after the newest stored day (2026-02-28)");
    expect(() => resolveRangeWith(bounds, { from: null, to: "2024-06-01" })).toThrow("to (2024-06-01) is before the oldest stored day (2025-01-01)");
    expect(() => resolveRangeWith(bounds, { from: "2027-01-01", to: "2027-02-01" })).toThrow(RangeQueryError);
    expect(() => resolveRangeWith(bounds, { from: null, to: "2025-03-31" }, { defaultFrom: "2025-06-01" })).toThrow("the range would start (2025-06-01) after it ends (2025-03-31)");
  });
  it("is empty with no data at all", () => {
    const none = resolveRangeWith({ oldestDay: null, newestDay: null }, { from: null, to: null }, { today: "2026-05-10" });
    expect(none).toMatchObject({ from: "2026-02-10", to: "2026-05-10", empty: true, newestDay: null });
  });
});

describe("share, cumulative and free-share maths", () => {
  it("share divides exact token strings; an empty period has no share", () => {
    expect(shareOf("236000000000", "1000000000000")).toBeCloseTo(0.236, 12);
    expect(shareOf("0", "0")).toBeNull();
    // Sums beyond 2^53 stay exact up to the division.
    expect(ratioOfBigInts(2n ** 70n + 1n, 2n ** 71n)).toBeCloseTo(0.5, 12);
  });

  it("free share = free / (free + paid), null when the author had no tokens", () => {
    expect(freeShareOf("22", "78")).toBeCloseTo(0.22, 12);
    expect(freeShareOf("0", "500")).toBe(0);
    expect(freeShareOf("0", "0")).toBeNull();
  });

  it("points: zero-filled, cumulative exact, share against the period's total (other bucket included)", () => {
    const slots = calendarPeriods("2026-01-01", "2026-01-03", "day");
    const tokens = new Map([["2026-01-01", "10"], ["2026-01-03", "30"]]);
    const totals = new Map([["2026-01-01", "100"], ["2026-01-02", "100"], ["2026-01-03", "60"]]);
    expect(buildPoints(slots, tokens, "tokens").map((p) => [p.tokens, p.value])).toEqual([["10", 10], ["0", 0], ["30", 30]]);
    expect(buildPoints(slots, tokens, "cumulative").map((p) => p.value)).toEqual([10, 10, 40]);
    expect(buildPoints(slots, tokens, "share", totals).map((p) => p.value)).toEqual([0.1, 0, 0.5]);
    expect(buildPoints([], tokens, "share", totals)).toEqual([]);
    expect(cumulativeSums(["9007199254740993", "1"])).toEqual(["9007199254740993", "9007199254740994"]);
  });

  it("subsidy points per period, with null share for empty periods and none for an empty range", () => {
    const range = { from: "2025-04-01", to: "2025-05-31", oldestDay: "2025-01-01", newestDay: "2025-05-20", empty: false };
    const pts = subsidyPoints(new Map([["2025-04-01", { free: "22", paid: "78" }]]), range, "month");
    expect(pts).toEqual([
      { period: "2025-04-01", freeTokens: "22", paidTokens: "78", freeShare: 0.22, partial: false },
      { period: "2025-05-01", freeTokens: "0", paidTokens: "0", freeShare: null, partial: true },
    ]);
    expect(subsidyPoints(new Map(), { ...range, empty: true }, "month")).toEqual([]);
  });
});

describe("compare ratios and price history", () => {
  it("ratios are first ÷ other; exact for token strings; null without a divisor", () => {
    expect(ratio("236000000000", "63500000000")).toBeCloseTo(3.7165, 4);
    expect(Number(ratio("236000000000", "63500000000")!.toFixed(1))).toBe(3.7);
    expect(ratio("0.5", "1")).toBe(0.5);
    expect(ratio(1_048_576, 200_000)).toBeCloseTo(5.24, 2);
    expect(ratio("1", "0")).toBeNull();
    expect(ratio(null, "1")).toBeNull();
  });

  it("collapses consecutive equal prices into change points", () => {
    const pts = priceChangePoints([
      { day: "2026-01-01", input: "1", output: "5", cacheRead: null },
      { day: "2026-01-02", input: "1", output: "5", cacheRead: null },
      { day: "2026-02-01", input: "0.8", output: "4", cacheRead: null },
      { day: "2026-03-01", input: "1", output: "5", cacheRead: null },
    ]);
    expect(pts.map((p) => [p.from, p.to, p.inputPerM])).toEqual([
      ["2026-01-01", "2026-01-02", "1"],
      ["2026-02-01", "2026-02-01", "0.8"],
      ["2026-03-01", "2026-03-01", "1"],
    ]);
  });
});
