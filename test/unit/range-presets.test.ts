/** Ranges people use, counted from the newest day with data, and dates typed as the charts write them. */
import { describe, expect, it } from "vitest";
import { parseDayInput, presetRange } from "@/lib/view/range-presets";

describe("presetRange", () => {
  const newest = "2026-02-14";
  it("calendar presets: this month, last month, last quarter, year to date", () => {
    expect(presetRange("this-month", newest, null)).toEqual({ from: "2026-02-01", to: "2026-02-14" });
    expect(presetRange("last-month", newest, null)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(presetRange("last-quarter", newest, null)).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(presetRange("ytd", newest, null)).toEqual({ from: "2026-01-01", to: "2026-02-14" });
  });
  it("crosses years and leap days", () => {
    expect(presetRange("last-month", "2026-01-05", null)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("last-month", "2024-03-10", null)).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(presetRange("last-quarter", "2026-09-21", null)).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(presetRange("last-quarter", "2026-12-31", null)).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });
  it("the last N days include the newest day; All needs the oldest", () => {
    expect(presetRange("30d", newest, null)).toEqual({ from: "2026-01-16", to: newest });
    expect(presetRange("all", newest, null)).toBeNull();
    expect(presetRange("all", newest, "2025-01-01")).toEqual({ from: "2025-01-01", to: newest });
    expect(presetRange("ytd", null, null)).toBeNull();
  });
});

describe("parseDayInput", () => {
  it("reads the app's own format and ISO days", () => {
    for (const s of ["1 Oct 2025", "1 October 2025", "01 oct 2025", "Oct 1, 2025", "October 1 2025", "2025-10-01", " 2025-10-1 "]) {
      expect(parseDayInput(s), s).toBe("2025-10-01");
    }
    expect(parseDayInput("29 Feb 2024")).toBe("2024-02-29");
    expect(parseDayInput("4 Sept 2025")).toBe("2025-09-04");
  });
  it("refuses what is not a real day", () => {
    for (const s of ["", "31 Feb 2025", "29 Feb 2025", "2025-13-01", "1 Octember 2025", "yesterday", "10/01/2025"]) expect(parseDayInput(s), s).toBeNull();
  });
});
