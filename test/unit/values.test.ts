import { describe, expect, it } from "vitest";
import { IssueList } from "@/lib/ingest/errors";
import {
  authorOf,
  BIGINT_MAX,
  isDay,
  isMonth,
  monthBounds,
  normalizeDecimal,
  parseIsoInstant,
  parseTokenString,
  perMillionFromFloat,
  perTokenToPerMillion,
  splitModelId,
  unixSecondsToDay,
} from "@/lib/ingest/values";

function tokens(v: unknown) {
  const issues = new IssueList();
  const out = parseTokenString(v, "x.total_tokens", issues);
  return { out, issues: issues.items };
}

describe("parseTokenString", () => {
  it("accepts digit strings and keeps them exact beyond 2^53", () => {
    expect(tokens("119438269112876").out).toBe("119438269112876");
    expect(tokens("9007199254740993").out).toBe("9007199254740993"); // 2^53 + 1: a JS number can't hold it
    expect(tokens(BIGINT_MAX).out).toBe(BIGINT_MAX);
    expect(tokens("0").out).toBe("0");
  });

  it("strips leading zeros", () => {
    expect(tokens("000123").out).toBe("123");
    expect(tokens("0000").out).toBe("0");
    expect(tokens("09223372036854775807").out).toBe(BIGINT_MAX); // 20 chars, but the value fits
  });

  it("accepts safe non-negative integers", () => {
    expect(tokens(1289939687).out).toBe("1289939687");
    expect(tokens(0).out).toBe("0");
    expect(tokens(Number.MAX_SAFE_INTEGER).out).toBe("9007199254740991");
  });

  it.each([
    ["-1", "digits only"],
    ["1.5", "digits only"],
    ["1e6", "digits only"],
    [" 12", "digits only"],
    ["", "digits only"],
    ["12abc", "digits only"],
    ["9223372036854775808", "exceeds the largest storable count"],
    ["99999999999999999999", "exceeds the largest storable count"],
  ])("rejects the string %j", (v, why) => {
    const r = tokens(v);
    expect(r.out).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].path).toBe("x.total_tokens");
    expect(r.issues[0].message).toContain(why);
  });

  it.each([[-1], [1.5], [Number.NaN], [Infinity], [2 ** 60], [null], [true], [{}]])("rejects %j", (v) => {
    const r = tokens(v);
    expect(r.out).toBeNull();
    expect(r.issues[0].path).toBe("x.total_tokens");
  });

  it("explains that numbers above 2^53 have lost precision", () => {
    expect(tokens(2 ** 60).issues[0].message).toMatch(/2\^53.*digit string/);
  });
});

describe("days and months", () => {
  it("accepts real calendar days only", () => {
    expect(isDay("2026-01-05")).toBe(true);
    expect(isDay("2024-02-29")).toBe(true); // leap year
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-04-31")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-00-10")).toBe(false);
    expect(isDay("2026-01-00")).toBe(false);
    expect(isDay("2026-1-5")).toBe(false);
    expect(isDay("2026-01-05T00:00:00Z")).toBe(false);
    expect(isDay(20260105)).toBe(false);
  });

  it("months are YYYY-MM with a real month, bounded by their first and last day", () => {
    expect(isMonth("2026-01")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-1")).toBe(false);
    expect(monthBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(monthBounds("2026-12")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
  });

  it("unix seconds → UTC day", () => {
    expect(unixSecondsToDay(1786722910)).toBe("2026-08-14");
    expect(unixSecondsToDay(0)).toBe("1970-01-01");
    expect(unixSecondsToDay(1767225599)).toBe("2025-12-31"); // 23:59:59 UTC, whatever the local zone
    expect(unixSecondsToDay(1.5)).toBeNull();
    expect(unixSecondsToDay("1786722910")).toBeNull();
  });

  it("ISO instants need a zone (a zoneless time would depend on the server)", () => {
    expect(parseIsoInstant("2026-09-22T10:34:37.721Z")?.toISOString()).toBe("2026-09-22T10:34:37.721Z");
    expect(parseIsoInstant("2026-01-05T12:00+02:00")?.toISOString()).toBe("2026-01-05T10:00:00.000Z");
    expect(parseIsoInstant("2026-01-05")?.toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(parseIsoInstant("2026-01-05T12:00:00")).toBeNull();
    expect(parseIsoInstant("2026-02-30T00:00:00Z")).toBeNull();
    expect(parseIsoInstant("2026-01-05T25:00:00Z")).toBeNull();
    expect(parseIsoInstant("yesterday")).toBeNull();
    expect(parseIsoInstant(1767225599)).toBeNull();
  });
});

describe("model ids", () => {
  it("splits the variant at the last ':'", () => {
    expect(splitModelId("google/gemini-3-flash-preview")).toEqual({ base: "google/gemini-3-flash-preview", variant: "standard" });
    expect(splitModelId("google/gemini-3-flash-preview-20251217:free")).toEqual({
      base: "google/gemini-3-flash-preview-20251217",
      variant: "free",
    });
    expect(splitModelId("a/b:c:thinking")).toEqual({ base: "a/b:c", variant: "thinking" });
  });

  it("author is the part before '/', without the alias '~'", () => {
    expect(authorOf("google/gemini-3-flash-preview")).toBe("google");
    expect(authorOf("~anthropic/claude-opus-latest")).toBe("anthropic");
    expect(authorOf("openrouter/auto")).toBe("openrouter");
    expect(authorOf("noslash")).toBe("noslash");
  });
});

describe("prices", () => {
  it("per token → per 1M is an exact decimal shift", () => {
    expect(perTokenToPerMillion("0.0000005")).toBe("0.5");
    expect(perTokenToPerMillion("0.000003")).toBe("3");
    expect(perTokenToPerMillion("0")).toBe("0");
    expect(perTokenToPerMillion("0.00000045")).toBe("0.45");
    expect(perTokenToPerMillion("0.00000009375")).toBe("0.09375");
    expect(perTokenToPerMillion("0.0000000416666666666667")).toBe("0.0416666666666667");
    expect(perTokenToPerMillion("0.01")).toBe("10000"); // a per-search price, for the record
    expect(perTokenToPerMillion("12")).toBe("12000000");
    expect(perTokenToPerMillion("5e-7")).toBe("0.5");
    // The float way is wrong, which is why we don't use it:
    expect(String(Number("0.00000045") * 1e6)).toBe("0.44999999999999996");
  });

  it("negative per-token prices are dynamic (null)", () => {
    expect(perTokenToPerMillion("-1")).toBeNull();
    expect(perTokenToPerMillion("-0.000001")).toBeNull();
    expect(perTokenToPerMillion("-0")).toBe("0");
  });

  it("rejects non-decimals", () => {
    expect(() => perTokenToPerMillion("free")).toThrow();
    expect(() => perTokenToPerMillion("")).toThrow();
  });

  it("per-1M floats lose their noise", () => {
    expect(perMillionFromFloat(0.09999999999999999)).toBe("0.1");
    expect(perMillionFromFloat("0.049999999999999996")).toBe("0.05");
    expect(perMillionFromFloat("0.049980000000000004")).toBe("0.04998");
    expect(perMillionFromFloat("0.004200000000000001")).toBe("0.0042");
    expect(perMillionFromFloat("30.0")).toBe("30");
    expect(perMillionFromFloat(0)).toBe("0");
    expect(perMillionFromFloat("-1000000.0")).toBeNull();
    expect(perMillionFromFloat(-1000000)).toBeNull();
    expect(() => perMillionFromFloat("abc")).toThrow();
  });

  it("normalizeDecimal canonicalises", () => {
    expect(normalizeDecimal("0.50")).toEqual({ negative: false, value: "0.5" });
    expect(normalizeDecimal("3.00")).toEqual({ negative: false, value: "3" });
    expect(normalizeDecimal("007")).toEqual({ negative: false, value: "7" });
    expect(normalizeDecimal(".5")).toEqual({ negative: false, value: "0.5" });
    expect(normalizeDecimal("-2")).toEqual({ negative: true, value: "2" });
    expect(normalizeDecimal("1,5")).toBeNull();
    expect(normalizeDecimal(".")).toBeNull();
  });
});
