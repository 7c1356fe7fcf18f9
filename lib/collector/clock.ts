/**
 * Time, injectable: the collector never calls Date.now() or setTimeout directly, so tests drive it with a
 * fake clock (sleeping advances the clock instantly) and rate limits, Retry-After and backoff cost no real time.
 * Per-request timeouts are the one exception: they guard real sockets and use real timers (see http.ts).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }
      function onAbort() {
        clearTimeout(timer);
        reject(signal!.reason);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export { addDays, daysInclusive, utcDay } from "@/lib/domain/days";


/** "90 s", "4.2 s", "3 min", "2.5 h": for messages. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
