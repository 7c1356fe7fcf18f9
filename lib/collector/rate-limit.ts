/**
 * OpenRouter's Data API allows 30 requests/minute per key and 500 requests/day per account.
 *
 * Both limits are enforced here as a token bucket whose tokens come back one window after they were spent
 * (equivalently: a log of the last N request times). A classic bucket refilling continuously at 0.5/s would
 * allow a burst of 30 and then 0.5/s more, up to ~60 requests in one 60 s window; this one guarantees at most
 * `capacity` requests in ANY window of `windowMs`, so it conforms to a fixed-window, sliding-window or
 * token-bucket limiter on the server alike, and still allows the full burst of 30.
 */
import type { Clock } from "./clock";
import { formatDuration } from "./clock";
import { CollectorError } from "./errors";

/** Times of recent requests, oldest first; at most `capacity` of them are kept. */
class RequestLog {
  private times: number[];
  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    initial: number[] = [],
  ) {
    if (!(capacity >= 1)) throw new Error("capacity must be at least 1");
    this.times = initial.filter(Number.isFinite).sort((a, b) => a - b).slice(-capacity);
  }

  /** Requests made in the window ending at `now`. */
  used(now: number): number {
    return this.times.filter((t) => t > now - this.windowMs).length;
  }

  /** When the next request may be made: `now` if a token is free, else when the oldest token comes back. */
  nextFreeAt(now: number): number {
    const recent = this.times.filter((t) => t > now - this.windowMs);
    return recent.length < this.capacity ? now : recent[recent.length - this.capacity] + this.windowMs;
  }

  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.capacity) this.times.splice(0, this.times.length - this.capacity);
  }

  snapshot(): number[] {
    return [...this.times];
  }
}

/** Per-minute limit: waits (on the injected clock) until a token is free. */
export class TokenBucket {
  private readonly log: RequestLog;
  constructor(
    private readonly clock: Clock,
    capacity = 30,
    windowMs = 60_000,
  ) {
    this.log = new RequestLog(capacity, windowMs);
  }

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const at = this.log.nextFreeAt(now);
      if (at <= now) {
        this.log.record(now);
        return;
      }
      await this.clock.sleep(at - now, signal);
    }
  }
}

/** Where the daily count survives between runs (a JSON file in production, memory in tests). */
export interface BudgetStore {
  load(): number[];
  save(times: number[]): void;
}

export class MemoryBudgetStore implements BudgetStore {
  constructor(public times: number[] = []) {}
  load() {
    return [...this.times];
  }
  save(times: number[]) {
    this.times = [...times];
  }
}

/**
 * Per-day limit, counted over the last 24 hours (stricter than a calendar day, so it holds whichever the
 * server uses) and persisted after every request. Never waits: when the budget is spent the run stops with a
 * message saying when the next request is possible, and the next scheduled run carries on.
 */
export class DailyBudget {
  private readonly log: RequestLog;
  constructor(
    private readonly clock: Clock,
    private readonly store: BudgetStore,
    readonly limit = 500,
    windowMs = 86_400_000,
  ) {
    this.log = new RequestLog(limit, windowMs, store.load());
  }

  used(): number {
    return this.log.used(this.clock.now());
  }

  remaining(): number {
    return Math.max(0, this.limit - this.used());
  }

  take(): void {
    const now = this.clock.now();
    const at = this.log.nextFreeAt(now);
    if (at > now) {
      throw new CollectorError(
        "budget",
        `daily request budget exhausted: ${this.limit} requests in the last 24 h (OpenRouter allows 500/day per account). ` +
          `The next request is possible at ${new Date(at).toISOString()} (in ${formatDuration(at - now)}); the next run continues where this one stopped.`,
      );
    }
    this.log.record(now);
    this.store.save(this.log.snapshot());
  }
}
