/**
 * What the server's scheduled collector last did and will do next: shown by GET /api/health and the
 * overview's data status. Plain data (written by lib/server/collector.ts, read by pages and routes).
 */
export interface CollectionRecord {
  startedAt: string;
  finishedAt: string;
  /** "schedule": the server's own timer; "cli": `npm run collect` sent to the running server. */
  trigger: "schedule" | "cli";
  ok: boolean;
  /** HTTP requests sent to OpenRouter (retries included). */
  requests: number;
  /** Responses stored as new snapshots, skipped (already stored or empty), failed. */
  stored: number;
  skipped: number;
  failed: number;
  /** Why the run failed or stopped early (redacted); null when it went well. */
  error: string | null;
}

export interface CollectorStatus {
  /** True when this server collects on a schedule (it has an OpenRouter API key). */
  enabled: boolean;
  /** The schedule's interval in seconds (COLLECT_EVERY); null when not collecting. */
  everySeconds: number | null;
  /** Start of the collection in progress, if any. */
  runningSince: string | null;
  last: CollectionRecord | null;
  /** When the next scheduled collection starts; null when not collecting. */
  next: string | null;
  /** For a person: why it is not collecting and how to turn it on, or why it stopped. */
  note: string | null;
}

/** "stored 7, skipped 5, failed 0 (12 requests to OpenRouter)" */
export function describeCollection(r: CollectionRecord): string {
  return `stored ${r.stored}, skipped ${r.skipped}, failed ${r.failed} (${r.requests} request${r.requests === 1 ? "" : "s"} to OpenRouter)`;
}
