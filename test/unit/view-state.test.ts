import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseApiRequest, parseViewState } from "@/lib/view/state";

const parse = (q: string) => parseViewState(new URLSearchParams(q));

describe("view state parsing (lib/view/fields.ts)", () => {
  it("reads valid values, series of sums and authored words", () => {
    const { state, issues } = parse("models=a/b,c/d+e/f:free&top=20&days=90&interval=month&from=2026-01-01&to=2026-01-31&title=%20Hi%20");
    expect(issues).toEqual([]);
    expect(state).toMatchObject({ models: [["a/b"], ["c/d", "e/f:free"]], top: 20, days: 90, interval: "month", from: "2026-01-01", to: "2026-01-31", title: "Hi" });
  });

  it("locates a bad member of a sum, and falls back to the default for every bad field", () => {
    const { state, issues } = parse("models=a/b,c/d+e<f&top=0&days=99999&interval=fortnight&from=2026-02-30&for=nope");
    expect(issues.map((i) => i.path).sort()).toEqual(["query.days", "query.for", "query.from", "query.interval", "query.models[1][1]", "query.top"]);
    expect(issues.find((i) => i.path === "query.models[1][1]")?.message).toMatch(/^model ids contain only/);
    expect(issues.find((i) => i.path === "query.top")?.message).toMatch(/^at least 1 /);
    expect(issues.find((i) => i.path === "query.days")?.message).toMatch(/^expected a whole number of days/);
    expect(issues.find((i) => i.path === "query.from")?.message).toMatch(/^not a calendar date/);
    expect(issues.find((i) => i.path === "query.interval")?.message).toMatch(/"day", "week", "month"/);
    expect(state).toMatchObject({ models: DEFAULT_VIEW.models, top: DEFAULT_VIEW.top, days: null, interval: "day", from: null, for: null });
  });

  it("bounds lists and texts", () => {
    const many = Array.from({ length: 13 }, (_, i) => `m/${i}`).join(",");
    expect(parse(`models=${many}`).issues).toEqual([{ path: "query.models", message: expect.stringMatching(/^at most 12 series/) }]);
    expect(parse(`authors=a,b<c`).issues.map((i) => i.path)).toEqual(["query.authors[1]"]);
    expect(parse(`title=${"x".repeat(121)}`).issues[0].message).toMatch(/^at most 120 characters/);
    expect(parse("top=2.5").issues[0].message).toMatch(/^expected a whole number/);
  });

  it("parses the API's own parameters strictly", () => {
    expect(parseApiRequest(new URLSearchParams("format=csv&q=%20flash%20")).api).toEqual({ format: "csv", q: "flash" });
    expect(parseApiRequest(new URLSearchParams("format=xml&q=%20%20")).issues.map((i) => i.path).sort()).toEqual(["query.format", "query.q"]);
  });
});
