/** The HTTP client against the local replay server: retries, Retry-After, timeouts, truncation, auth. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CollectorError } from "@/lib/collector/errors";
import { OpenRouterClient } from "@/lib/collector/http";
import { DailyBudget, MemoryBudgetStore, TokenBucket } from "@/lib/collector/rate-limit";
import { FakeClock, FIXTURE_NOW } from "./fake-clock";
import { startReplayServer, type ReplayServer } from "./replay-server";

const KEY = "sk-or-v1-0123456789abcdef-test-key";
let clock: FakeClock;
let server: ReplayServer;
let retries: string[];

beforeEach(async () => {
  clock = new FakeClock(FIXTURE_NOW);
  server = await startReplayServer({ clock, key: KEY });
  retries = [];
});
afterEach(() => server.close());

function client(opts: { key?: string; timeoutMs?: number; maxAttempts?: number; budget?: number } = {}) {
  return new OpenRouterClient({
    baseUrl: server.baseUrl,
    apiKey: opts.key ?? KEY,
    clock,
    bucket: new TokenBucket(clock),
    budget: new DailyBudget(clock, new MemoryBudgetStore(), opts.budget ?? 500),
    timeoutMs: opts.timeoutMs ?? 10_000,
    retry: { maxAttempts: opts.maxAttempts ?? 5 },
    random: () => 0.5,
    onRetry: (r) => retries.push(`${r.attempt} ${r.delayMs} ${r.reason}`),
  });
}

async function failure(p: Promise<unknown>): Promise<CollectorError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CollectorError) return e;
    throw e;
  }
  throw new Error("expected a CollectorError");
}

describe("OpenRouterClient", () => {
  it("fetches and parses a fixture, sending the key as a bearer token", async () => {
    const res = await client().getJson("/datasets/app-rankings", { category: "coding" });
    expect(res.status).toBe(200);
    expect((res.json as { data: unknown[] }).data).toHaveLength(50);
    expect(res.attempts).toBe(1);
    expect(server.requests[0]).toMatchObject({ path: "/datasets/app-rankings", query: { category: "coding" }, authorization: `Bearer ${KEY}` });
  });

  it("honours Retry-After in seconds on 429", async () => {
    server.failNext("/models", { status: 429, headers: { "retry-after": "7" } });
    const res = await client().getJson("/models");
    expect(res.attempts).toBe(2);
    const [a, b] = server.to("/models");
    expect(b.at - a.at).toBe(7000);
    expect(clock.sleeps).toEqual([7000]);
  });

  it("honours Retry-After as an HTTP date on 503", async () => {
    const at = new Date(FIXTURE_NOW + 20_000).toUTCString();
    server.failNext("/models", { status: 503, headers: { "retry-after": at } });
    await client().getJson("/models");
    const [a, b] = server.to("/models");
    expect(b.at - a.at).toBe(20_000);
  });

  it("does not wait for a Retry-After beyond the limit: stops with when to come back", async () => {
    server.failNext("/models", { status: 429, headers: { "retry-after": "7200" } });
    const err = await failure(client().getJson("/models"));
    expect(err.kind).toBe("rate-limit");
    expect(err.stopsRun).toBe(true);
    expect(err.message).toMatch(/asks to wait 2\.0 h.*30 requests\/min.*500\/day.*run again after 2026-09-22T14:00:00\.000Z/);
    expect(server.to("/models")).toHaveLength(1);
  });

  it("backs off exponentially on 500s, then succeeds", async () => {
    server.failNext("/models", { status: 500 }, { status: 502 }, { status: 500 });
    const res = await client().getJson("/models");
    expect(res.attempts).toBe(4);
    expect(clock.sleeps).toEqual([750, 1500, 3000]); // 1 s, 2 s, 4 s steps with jitter 0.5
    expect(retries[0]).toMatch(/^2 750 500 Internal Server Error: injected 500$/);
  });

  it("bounds the retries", async () => {
    server.failAlways("/models", { status: 500 });
    const err = await failure(client({ maxAttempts: 3 }).getJson("/models"));
    expect(err.kind).toBe("retries");
    expect(err.message).toMatch(/failed after 3 attempts; last: 500/);
    expect(server.to("/models")).toHaveLength(3);
  });

  it("retries 429s without Retry-After, and says so when they never stop", async () => {
    server.failAlways("/models", { status: 429 });
    const err = await failure(client({ maxAttempts: 4 }).getJson("/models"));
    expect(err.kind).toBe("rate-limit");
    expect(err.message).toMatch(/still rate-limited \(429\) after 4 attempts/);
    expect(server.to("/models")).toHaveLength(4);
  });

  it("times out a hung request and retries it", async () => {
    server.failNext("/datasets/app-rankings", { hang: true });
    const started = Date.now();
    const res = await client({ timeoutMs: 1000 }).getJson("/datasets/app-rankings", { category: "creative" });
    expect(res.attempts).toBe(2);
    expect(retries[0]).toMatch(/timed out after 1\.0 s/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("retries a dropped connection", async () => {
    server.failNext("/models", { destroy: true });
    const res = await client().getJson("/models");
    expect(res.attempts).toBe(2);
    expect(retries[0]).toMatch(/network error/);
  });

  it("retries a truncated JSON body, and gives a clear error when it stays truncated", async () => {
    server.failNext("/datasets/app-rankings", { truncate: true });
    expect((await client().getJson("/datasets/app-rankings", { category: "coding" })).attempts).toBe(2);
    server.failAlways("/models", { truncate: true });
    const err = await failure(client({ maxAttempts: 2 }).getJson("/models"));
    expect(err.kind).toBe("truncated");
    expect(err.message).toMatch(/GET \/models: the response was not complete JSON in 2 attempts \(.*JSON.*after \d+ characters\); nothing stored/);
  });

  it("401: says the key is the problem, does not retry, never shows the key", async () => {
    const wrong = "sk-or-v1-wrong-key-that-must-stay-secret";
    const err = await failure(client({ key: wrong }).getJson("/models"));
    expect(err.kind).toBe("auth");
    expect(err.stopsRun).toBe(true);
    expect(err.message).toMatch(/rejected the API key \(401 Unauthorized.*OPENROUTER_API_KEY/);
    expect(err.message).not.toContain(wrong);
    expect(err.message).toContain("invalid key ***"); // the server echoed it; redacted
    expect(server.to("/models")).toHaveLength(1);
  });

  it("403: says the key is not allowed", async () => {
    server.failNext("/models", { status: 403, body: JSON.stringify({ error: { message: `forbidden for ${KEY}` } }) });
    const err = await failure(client().getJson("/models"));
    expect(err.kind).toBe("auth");
    expect(err.message).toMatch(/403 Forbidden: forbidden for \*\*\*/);
    expect(err.message).not.toContain(KEY);
  });

  it("does not retry other 4xx", async () => {
    const err = await failure(client().getJson("/datasets/app-rankings", { category: "nonsense" }));
    expect(err.kind).toBe("http");
    expect(err.message).toMatch(/400 Bad Request: no fixture for category nonsense \(not retried\)/);
    expect(server.requests).toHaveLength(1);
  });

  it("spends the daily budget on every attempt and stops when it is gone", async () => {
    server.failAlways("/models", { status: 500 });
    const err = await failure(client({ budget: 2 }).getJson("/models"));
    expect(err.kind).toBe("budget");
    expect(err.message).toMatch(/daily request budget exhausted: 2 requests in the last 24 h/);
    expect(server.to("/models")).toHaveLength(2);
  });
});
