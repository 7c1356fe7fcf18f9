/**
 * How old the newest data is: for GET /api/health (operators' monitors), the dashboard's banner and the
 * collector's own log. Reads only the small snapshots table and the max of model_usage_daily's primary key.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso } from "@/db/row-values";

const DEFAULT_STALE_AFTER_HOURS = 48;

export interface Freshness {
  /** Newest as_of of any snapshot that carried usage figures (daily model usage or app usage); null when none. */
  latestAsOf: string | null;
  /** Seconds from latestAsOf to now. */
  ageSeconds: number | null;
  /** Newest day of daily model usage (YYYY-MM-DD). */
  newestUsageDay: string | null;
  staleAfterHours: number;
  /** True when there is no usage data, or the newest is older than staleAfterHours. */
  stale: boolean;
  /** True when the only data is the bundled sample data. */
  sampleOnly: boolean;
}

export interface FreshnessOptions {
  now?: number;
  staleAfterHours?: number;
}

export async function getFreshness(db: Db, opts: FreshnessOptions = {}): Promise<Freshness> {
  const now = opts.now ?? Date.now();
  const staleAfterHours = opts.staleAfterHours ?? DEFAULT_STALE_AFTER_HOURS;
  const [row] = await rowsOf<{ latest: unknown; newest_day: string | null; has_real: boolean; has_sample: boolean }>(
    db,
    sql`select
          (select max(as_of) from snapshots
             where coalesce((row_counts->'modelUsage'->>'rows')::int, 0) > 0
                or coalesce((row_counts->'appUsage'->>'rows')::int, 0) > 0) as latest,
          (select max(day)::text from model_usage_daily) as newest_day,
          exists(select 1 from snapshots where not is_sample) as has_real,
          exists(select 1 from snapshots where is_sample) as has_sample`,
  );
  const latest = row?.latest ? new Date(iso(row.latest)) : null;
  const ageSeconds = latest ? Math.max(0, Math.round((now - latest.getTime()) / 1000)) : null;
  return {
    latestAsOf: latest?.toISOString() ?? null,
    ageSeconds,
    newestUsageDay: row?.newest_day ?? null,
    staleAfterHours,
    stale: ageSeconds === null || ageSeconds > staleAfterHours * 3600,
    sampleOnly: Boolean(row?.has_sample) && !row?.has_real,
  };
}

/** STALE_AFTER_HOURS (a positive number), else 48. */
export function staleAfterHoursFromEnv(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.STALE_AFTER_HOURS);
  return env.STALE_AFTER_HOURS && Number.isFinite(v) && v > 0 ? v : DEFAULT_STALE_AFTER_HOURS;
}

/** "data as of 2026-09-22T10:34:37.721Z (1.4 h ago), usage through 2026-09-21" — for logs and banners. */
export function describeFreshness(f: Freshness): string {
  if (!f.latestAsOf) return "no usage data stored yet";
  const hours = (f.ageSeconds ?? 0) / 3600;
  const age = hours < 1 ? `${Math.round(hours * 60)} min ago` : hours < 48 ? `${hours.toFixed(1)} h ago` : `${(hours / 24).toFixed(1)} days ago`;
  return `data as of ${f.latestAsOf} (${age}${f.stale ? `, STALE: older than ${f.staleAfterHours} h` : ""}), usage through ${f.newestUsageDay ?? "—"}${f.sampleOnly ? " (sample data only)" : ""}`;
}
