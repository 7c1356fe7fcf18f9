/** lib/csv.ts: RFC 4180 quoting, formula-injection neutralising, plain decimals, tidy tables. */
import { describe, expect, it } from "vitest";
import { csvCell, neutralizeFormula, plainDecimal, subsidyCsv, toCsv, usageCsv } from "@/lib/csv";
import type { SubsidyResult, UsageResult } from "@/lib/queries/types";
import { parseApiRequest } from "@/lib/view/state";

const PROV = { sources: ["openrouter"], asOf: "2026-09-22T10:34:37.721Z", citations: ["Source: OpenRouter (openrouter.ai/rankings), as of 2026-09-22."], sample: false };

describe("cells", () => {
  it("writes plain decimals: no exponent, no separators", () => {
    expect(plainDecimal(1.5e-7)).toBe("0.00000015");
    expect(plainDecimal(1e21)).toBe("1000000000000000000000");
    expect(plainDecimal(1.2345e25)).toBe("12345000000000000000000000");
    expect(plainDecimal(-2.5e-10)).toBe("-0.00000000025");
    expect(plainDecimal(0.22)).toBe("0.22");
    expect(plainDecimal(123456789012345678901234567890n)).toBe("123456789012345678901234567890");
    expect(plainDecimal("118000000000000")).toBe("118000000000000");
    expect(plainDecimal(NaN)).toBe("");
    expect(csvCell(3.7165354330708662)).not.toMatch(/e/i);
  });

  it("neutralises formulas in text cells and quotes per RFC 4180", () => {
    const hostile = "=cmd|' /C calc'!A0";
    expect(neutralizeFormula(hostile)).toBe("'=cmd|' /C calc'!A0");
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}x`).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("=1+2,3")).toBe(`"'=1+2,3"`);
    expect(csvCell("-7")).toBe("-7"); // a plain negative number is data, not a formula
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe("tidy tables", () => {
  it("usage: series,period,value first; exact tokens as value; provenance columns trail", () => {
    const r: UsageResult = {
      from: "2026-01-01", to: "2026-01-02", newestDay: "2026-01-02", interval: "day", align: "calendar", metric: "cumulative", variant: "all",
      series: [{ key: "a/b", label: "=evil", members: [], launchDate: null, points: [
        { period: "2026-01-01", tokens: "9007199254740993", value: 9007199254740992, partial: false, complete: true },
        { period: "2026-01-02", tokens: "1", value: 9007199254740994, partial: false, complete: true },
      ] }],
      provenance: PROV,
    };
    const lines = usageCsv(r).split("\r\n");
    expect(lines[0]).toBe("series,period,value,tokens,partial,label,complete,window_kind,window_from,window_to,rounded,source,as_of,citation,sample");
    expect(lines[1]).toBe("a/b,2026-01-01,9007199254740993,9007199254740993,false,'=evil,true,,,,,openrouter,2026-09-22T10:34:37.721Z,\"Source: OpenRouter (openrouter.ai/rankings), as of 2026-09-22.\",false");
    expect(lines[2].split(",")[2]).toBe("9007199254740994"); // exact cumulative, not the float
  });

  it("subsidy: author,period,free_tokens,paid_tokens,free_share; empty share for an empty period", () => {
    const r = {
      from: "2025-04-01", to: "2025-04-30", newestDay: "2025-04-30", interval: "month",
      authors: [{ author: "google", freeTokens: "22", paidTokens: "78", freeShare: 0.22, points: [
        { period: "2025-04-01", freeTokens: "22", paidTokens: "78", freeShare: 0.22, partial: false },
        { period: "2025-05-01", freeTokens: "0", paidTokens: "0", freeShare: null, partial: true },
      ] }],
      provenance: PROV,
    } as unknown as SubsidyResult;
    const lines = subsidyCsv(r).split("\r\n");
    expect(lines[0].startsWith("author,period,free_tokens,paid_tokens,free_share,")).toBe(true);
    expect(lines[1].startsWith("google,2025-04-01,22,78,0.22,false,")).toBe(true);
    expect(lines[2].startsWith("google,2025-05-01,0,0,,true,")).toBe(true);
  });
});

describe("API parameters (lib/view/state.ts)", () => {
  it("locates every invalid value and ignores unknown parameters", () => {
    const { issues, api, state } = parseApiRequest(
      new URLSearchParams("models=google/x+y/z,a&interval=fortnight&from=2026-02-30&format=xml&utm_source=blog&top=0"),
    );
    expect(state.models).toEqual([["google/x", "y/z"], ["a"]]);
    expect(issues.map((i) => i.path).sort()).toEqual(["query.format", "query.from", "query.interval", "query.top"]);
    expect(api.format).toBe("json");
    expect(parseApiRequest(new URLSearchParams("format=csv&q=flash")).api).toEqual({ format: "csv", q: "flash" });
  });
});
