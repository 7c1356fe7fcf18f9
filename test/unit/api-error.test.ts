/** lib/server/api-error.ts: what reaches the log and which errors mean "database unavailable". */
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeError, isDatabaseUnavailable, MAX_LOGGED_CHARS, toErrorResponse } from "@/lib/server/api-error";

afterEach(() => vi.restoreAllMocks());

describe("toErrorResponse", () => {
  it("logs a failed bulk write in bounded space (not its megabytes of parameters)", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" ")));
    const params = "1,".repeat(1_500_000);
    const cause = Object.assign(new Error(`value out of range ${params}`), { code: "22003", params });
    const err = Object.assign(new Error(`Failed query: insert into model_usage_daily select * from unnest($1::bigint[])\nparams: ${params}`, { cause }), { name: "DrizzleQueryError", params });
    const res = toErrorResponse(err);
    expect(res.status).toBe(500);
    const text = logged.join("\n");
    expect(text.length).toBeLessThanOrEqual(MAX_LOGGED_CHARS + 100);
    expect(text).toContain("DrizzleQueryError: Failed query: insert into model_usage_daily");
    expect(text).toContain("caused by Error [22003]: value out of range");
  });
  it("a missing database or refused login is 503, not 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const code of ["3D000", "28P01", "28000"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(true);
      expect(toErrorResponse(Object.assign(new Error("x"), { cause: { code } })).status).toBe(503);
    }
  });
  it("describes non-Error values too", () => {
    expect(describeError("boom")).toBe("boom");
    expect(describeError({ message: "m", code: "X1" })).toBe("Error [X1]: m");
  });
});
