/** Pure parts: retry arithmetic, the rate limits, the request plan, redaction, arguments. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileBudgetStore } from "@/lib/collector/budget-file";
import { parseArgs } from "@/lib/collector/cli";
import { parseInterval, settingsFromEnv } from "@/lib/collector/config";
import { CollectorError } from "@/lib/collector/errors";
import { newestSettledDay, planRequests, rankingsStart, windows } from "@/lib/collector/plan";
import { DailyBudget, MemoryBudgetStore, TokenBucket } from "@/lib/collector/rate-limit";
import { makeRedactor } from "@/lib/collector/redact";
import { backoffDelay, DEFAULT_RETRY, isRetryableStatus, parseRetryAfter } from "@/lib/collector/retry";
import { groupDetails } from "@/lib/collector/run";
import { FakeClock, FIXTURE_NOW, maxInWindow } from "./fake-clock";

describe("Retry-After", () => {
  const now = Date.parse("2026-09-22T12:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Tue, 22 Sep 2026 12:00:20 GMT", now)).toBe(20_000);
    expect(parseRetryAfter("Tue, 22 Sep 2026 11:00:00 GMT", now)).toBe(0); // in the past: go now
  });
  it("ignores what it cannot read", () => {
    for (const v of [null, undefined, "", "soon", "-5"]) expect(parseRetryAfter(v, now)).toBeNull();
  });
});

describe("backoff", () => {
  it("doubles per attempt, with jitter in [step/2, step], capped", () => {
    for (const attempt of [1, 2, 3, 4, 10]) {
      const step = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, DEFAULT_RETRY, () => 0)).toBe(step / 2);
      expect(backoffDelay(attempt, DEFAULT_RETRY, () => 1)).toBe(step);
    }
  });
  it("retries 429, 408 and 5xx only", () => {
    expect([429, 408, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("token bucket", () => {
  it("never lets more than 30 requests into any 60 s window, and allows the full burst", async () => {
    const clock = new FakeClock(FIXTURE_NOW);
    const bucket = new TokenBucket(clock, 30, 60_000);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await bucket.take();
      times.push(clock.now());
      if (i % 7 === 0) clock.t += 1_300; // some work between requests
    }
    expect(maxInWindow(times, 60_000)).toBe(30);
    expect(times[29] - times[0]).toBeLessThan(60_000); // the first 30 went out at once
  });
});

describe("daily budget", () => {
  it("counts the last 24 h, persists every request, and says when the next request is possible", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "collector-budget-"));
    const file = path.join(dir, "state.json");
    const clock = new FakeClock(FIXTURE_NOW);
    const budget = new DailyBudget(clock, new FileBudgetStore(file), 3);
    budget.take();
    clock.t += 3_600_000;
    budget.take();
    budget.take();
    expect(JSON.parse(readFileSync(file, "utf8")).requests).toHaveLength(3);
    const again = new DailyBudget(clock, new FileBudgetStore(file), 3); // a new process
    expect(again.remaining()).toBe(0);
    let err: unknown;
    try {
      again.take();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CollectorError);
    expect((err as CollectorError).kind).toBe("budget");
    expect((err as Error).message).toContain(new Date(FIXTURE_NOW + 86_400_000).toISOString());
    clock.t = FIXTURE_NOW + 86_400_001; // the first request left the window
    expect(again.remaining()).toBe(1);
    expect(() => again.take()).not.toThrow();
  });
  it("refuses a corrupt state file instead of forgetting the count", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "collector-budget-")), "state.json");
    writeFileSync(file, "{oops");
    expect(() => new DailyBudget(new FakeClock(0), new FileBudgetStore(file))).toThrow(/not valid JSON/);
  });
  it("an in-memory store works the same", () => {
    const store = new MemoryBudgetStore();
    const b = new DailyBudget(new FakeClock(0), store, 2);
    b.take();
    expect(store.times).toEqual([0]);
  });
});

describe("plan", () => {
  it("cuts the backfill into windows of at most N days, oldest first, contiguous", () => {
    const w = windows("2025-01-01", "2026-09-21", 90);
    expect(w).toHaveLength(7); // 629 days
    expect(w[0]).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    expect(w.at(-1)!.end).toBe("2026-09-21");
    expect(windows("2026-09-22", "2026-09-21", 90)).toEqual([]);
  });
  it("starts after the newest stored day, at an unsettled day, never before --from", () => {
    expect(rankingsStart({ lastDay: null, firstUnsettled: null }, "2025-01-01")).toBe("2025-01-01");
    expect(rankingsStart({ lastDay: "2026-08-31", firstUnsettled: null }, "2025-01-01")).toBe("2026-09-01");
    expect(rankingsStart({ lastDay: "2026-08-31", firstUnsettled: "2026-08-30" }, "2025-01-01")).toBe("2026-08-30");
    expect(rankingsStart({ lastDay: "2025-03-01", firstUnsettled: null }, "2026-01-01")).toBe("2026-01-01");
  });
  it("requests days only once they have settled", () => {
    expect(newestSettledDay(Date.parse("2026-09-22T05:59:00Z"), 6)).toBe("2026-09-20");
    expect(newestSettledDay(Date.parse("2026-09-22T06:00:00Z"), 6)).toBe("2026-09-21");
  });
  it("lists the catalogue, the windows and one app-rankings request per category", () => {
    const steps = planRequests({
      now: FIXTURE_NOW,
      coverage: { lastDay: null, firstUnsettled: null },
      from: "2025-01-01",
      windowDays: 90,
      settleHours: 6,
      categories: ["coding", "productivity", "creative", "entertainment"],
    });
    expect(steps.map((s) => s.kind)).toEqual(["models", ...Array(7).fill("rankings-daily"), ...Array(4).fill("app-rankings")]);
    expect(steps.at(-1)!.query).toEqual({ category: "entertainment" });
  });
});

describe("redaction", () => {
  it("hides the key and any bearer credential", () => {
    const r = makeRedactor(["sk-or-v1-secret"]);
    expect(r("key sk-or-v1-secret in Authorization: Bearer sk-or-v1-secret, Bearer other")).toBe("key *** in Authorization: Bearer ***, Bearer ***");
  });
});

describe("arguments and environment", () => {
  it("parses --once, --every and --from", () => {
    expect(parseArgs(["--once"]).every).toBeNull();
    expect(parseArgs(["--every", "6h"]).every).toBe(6 * 3_600_000);
    expect(parseArgs(["--every=30m"]).every).toBe(30 * 60_000);
    expect(parseArgs(["--every", "1d", "--from", "2026-01-01"])).toMatchObject({ every: 86_400_000, from: "2026-01-01" });
    expect(() => parseArgs(["--every", "1m"])).toThrow(/too often/);
    expect(() => parseArgs(["--every", "often"])).toThrow(/interval/);
    expect(() => parseArgs(["--once", "--every", "6h"])).toThrow(/exclude/);
    expect(() => parseArgs(["--nope"])).toThrow(/unknown/);
    expect(parseInterval("90min")).toBe(90 * 60_000);
  });
  it("needs the key and checks the numbers", () => {
    expect(() => settingsFromEnv({})).toThrow(/OPENROUTER_API_KEY is not set/);
    const s = settingsFromEnv({ OPENROUTER_API_KEY: "k", DATA_DIR: "/tmp/x" });
    expect(s).toMatchObject({ baseUrl: "https://openrouter.ai/api/v1", from: "2025-01-01", windowDays: 90, perMinute: 30, dailyBudget: 500 });
    expect(s.stateFile).toBe("/tmp/x/collector-state.json");
    expect(() => settingsFromEnv({ OPENROUTER_API_KEY: "k", COLLECT_WINDOW_DAYS: "0" })).toThrow(/COLLECT_WINDOW_DAYS/);
    expect(() => settingsFromEnv({ OPENROUTER_API_KEY: "k", COLLECT_FROM: "2025-13-01" })).toThrow(/YYYY-MM-DD/);
  });
});

describe("drift details", () => {
  it("groups the same change on every row into one line", () => {
    const details = Array.from({ length: 50 }, (_, i) => ({ path: `data[${i}].total_tokens`, message: "is required" }));
    expect(groupDetails([...details, { path: "meta.as_of", message: "is required" }])).toEqual([
      "data[*].total_tokens: is required (50 rows, first data[0].total_tokens)",
      "meta.as_of: is required",
    ]);
  });
});
