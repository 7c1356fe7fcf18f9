/**
 * The collector inside the server (lib/collector/live.ts) against the replay server, on both drivers: it
 * collects at start and every COLLECT_EVERY, keeps the last and next collection for /api/health and the
 * overview, stops on a rejected key, carries on after a rate limit, runs one collection at a time, stops
 * cleanly, and serves without a key while saying how to turn collection on.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CollectorLockedError } from "@/lib/collector/errors";
import { LiveCollector } from "@/lib/collector/live";
import { lockPostgres } from "@/lib/collector/lock";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { FIXTURE_NOW } from "./fake-clock";
import { KEY, count } from "./harness";
import { startReplayServer, type ReplayServer } from "./replay-server";
import type { Clock } from "@/lib/collector/clock";

const HOUR = 3_600_000;

/**
 * Short sleeps (backoff, Retry-After, the per-minute bucket) pass at once and move time on; the schedule's
 * long sleep waits until the test calls `wake()`, which moves time to its end.
 */
class ScheduleClock implements Clock {
  private parked: { until: number; resolve: () => void; reject: (e: unknown) => void } | null = null;
  constructor(public t: number) {}
  now() {
    return this.t;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    if (ms < HOUR) {
      this.t += Math.max(0, ms);
      await new Promise((r) => setImmediate(r));
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.parked = { until: this.t + ms, resolve, reject };
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  }
  /** Ends the schedule's wait; false when nothing waits yet. */
  wake(): boolean {
    if (!this.parked) return false;
    const p = this.parked;
    this.parked = null;
    this.t = p.until;
    p.resolve();
    return true;
  }
  get waiting() {
    return this.parked !== null;
  }
}

async function until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(DRIVERS)("the server's collector on %s", (driver) => {
  let server: ReplayServer;
  let clock: ScheduleClock;
  let db: TestDb;
  let dir: string;
  let logs: string[];
  const collectors: LiveCollector[] = [];

  beforeEach(async () => {
    clock = new ScheduleClock(FIXTURE_NOW);
    server = await startReplayServer({ clock, key: KEY });
    db = await freshDb(driver);
    dir = mkdtempSync(path.join(tmpdir(), "live-collector-"));
    logs = [];
  });
  afterEach(async () => {
    for (const c of collectors.splice(0)) await c.stop();
    await server.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function collector(env: Record<string, string> = {}): LiveCollector {
    const c = new LiveCollector({
      env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: server.baseUrl, DATA_DIR: dir, ...env },
      db: async () => db,
      lock: db.url ? () => lockPostgres(db.url!) : undefined,
      log: (line) => logs.push(line),
      clock,
      random: () => 0.5,
    });
    collectors.push(c);
    return c;
  }

  it("collects at start, then every COLLECT_EVERY, and says when it last ran and when it runs next", async () => {
    const c = collector({ COLLECT_EVERY: "6h" });
    c.start();
    await until("the first run", () => c.status().last !== null && clock.waiting);
    const first = c.status();
    expect(first.enabled).toBe(true);
    expect(first.everySeconds).toBe(6 * 3600);
    expect(first.note).toBeNull();
    // 12 requests: the catalogue, 7 rankings windows from 2025-01-01, 4 app categories (test/collector/collect.test.ts).
    expect(first.last).toMatchObject({ trigger: "schedule", ok: true, requests: 12, stored: 7, skipped: 5, failed: 0, error: null });
    expect(first.last!.startedAt).toBe(new Date(FIXTURE_NOW).toISOString());
    expect(first.next).toBe(new Date(FIXTURE_NOW + 6 * HOUR).toISOString());
    expect(await count(db, "model_usage_daily")).toBe(4590);
    expect(logs.join("\n")).toMatch(/done: 12 requests; stored 7, skipped 5/);

    expect(clock.wake()).toBe(true);
    await until("the second run", () => c.status().last!.startedAt !== first.last!.startedAt && clock.waiting);
    const second = c.status();
    // Six hours on, no day has settled since: the catalogue and the 4 categories, all already stored.
    expect(server.requests.slice(12).map((r) => r.path)).toEqual(["/models", ...Array(4).fill("/datasets/app-rankings")]);
    expect(second.last).toMatchObject({ ok: true, requests: 5, stored: 0, skipped: 5, error: null });
    expect(second.next).toBe(new Date(FIXTURE_NOW + 12 * HOUR).toISOString());
    expect(logs.join("\n")).not.toContain(KEY);

    // A restarted server remembers the last collection and waits for the schedule instead of collecting at once.
    await c.stop();
    const restarted = collector({ COLLECT_EVERY: "6h" });
    restarted.start();
    expect(restarted.status().last).toEqual(second.last);
    expect(restarted.status().next).toBe(second.next);
    expect(server.requests).toHaveLength(17);
  }, 120_000);

  it("without a key it collects nothing and says how to turn collection on", async () => {
    const c = collector({ OPENROUTER_API_KEY: "" });
    c.start();
    const s = c.status();
    expect(s).toMatchObject({ enabled: false, everySeconds: null, next: null, last: null, runningSince: null });
    expect(s.note).toMatch(/Not collecting: start the server with OPENROUTER_API_KEY set to collect OpenRouter's data every 6h/);
    expect(server.requests).toHaveLength(0);
  });

  it("a rejected key stops the schedule, and the status says why without printing the key", async () => {
    const c = collector({ OPENROUTER_API_KEY: "sk-or-v1-wrong-key-1234567890" });
    c.start();
    await until("the rejected run", () => c.status().last !== null && c.status().runningSince === null && c.status().next === null);
    const s = c.status();
    expect(s.enabled).toBe(false);
    expect(s.last).toMatchObject({ ok: false, requests: 1, stored: 0 });
    expect(s.last!.error).toMatch(/OpenRouter rejected the API key \(401 Unauthorized/);
    expect(s.note).toMatch(/^Stopped collecting: OpenRouter rejected the API key.*Restart the server with a valid key\.$/);
    expect(JSON.stringify(s) + logs.join("\n")).not.toContain("wrong-key-1234567890");
    expect(server.requests).toHaveLength(1); // not retried, and nothing more scheduled
  });

  it("rate-limited beyond what a run waits: the run stops with the reason, the next one carries on", async () => {
    server.failNext("/models", { status: 429, headers: { "retry-after": "3600" } });
    const c = collector();
    c.start();
    await until("the rate-limited run", () => c.status().last !== null && clock.waiting);
    expect(c.status().last).toMatchObject({ ok: false, stored: 0, requests: 1 });
    expect(c.status().last!.error).toMatch(/rate limit is exhausted and it asks to wait 1.0 h \(Retry-After\)/);
    expect(c.status().next).toBe(new Date(FIXTURE_NOW + 6 * HOUR).toISOString());

    clock.wake();
    await until("the next run", () => c.status().last!.ok && clock.waiting);
    expect(c.status().last).toMatchObject({ ok: true, stored: 7, error: null });
  });

  it("runs one collection at a time: a second is refused as locked, and stop() ends a run in progress", async () => {
    let release!: () => void;
    server.failNext("/models", { until: new Promise<void>((r) => (release = r)) });
    const c = collector();
    const out: string[] = [];
    const first = c.run({ trigger: "cli", log: (l) => out.push(l) });
    await until("the first request", () => server.requests.length === 1);
    expect(c.status().runningSince).toBe(new Date(FIXTURE_NOW).toISOString());
    await expect(c.run({ trigger: "cli", log: () => {} })).rejects.toThrow(CollectorLockedError);
    release();
    expect((await first).ok).toBe(true);
    expect(c.status().last).toMatchObject({ trigger: "cli", ok: true, stored: 7 });

    server.failNext("/models", { hang: true });
    const hung = c.run({ trigger: "cli", log: () => {} });
    await until("the hung request", () => server.requests.length === 13);
    await c.stop();
    await expect(hung).rejects.toThrow(/the server is stopping/);
    expect(c.status().last).toMatchObject({ ok: false, error: "interrupted: the server stopped during the collection" });
    expect(c.status().runningSince).toBeNull();
  });
});
