import type { Clock } from "@/lib/collector/clock";

/** A clock whose sleeps return at once and move time forward: Retry-After, backoff and rate limits cost no real time. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
    await new Promise((r) => setImmediate(r)); // let other tasks (the server, the abort) run
    if (signal?.aborted) throw signal.reason;
  }
}

/** 2026-09-22T12:00Z: the fixtures' as_of (10:34Z) is 1.4 h old; 2026-09-21 is the newest settled day. */
export const FIXTURE_NOW = Date.parse("2026-09-22T12:00:00Z");

/** Most requests in any window of `windowMs` (checked at every request time). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
