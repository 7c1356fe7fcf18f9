import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

/** Every table a snapshot writes or derives (rollups included), the log tables of sharing and retraction aside. */
export const DATA_TABLES = [
  "snapshots",
  "snapshot_bodies",
  "snapshot_body_parts",
  "models",
  "model_prices",
  "model_listings",
  "model_usage_daily",
  "model_usage_window",
  "apps",
  "app_usage",
  "covered_days",
  "usage_daily_rollup",
  "usage_monthly_rollup",
  "app_usage_month_source",
  "app_usage_picked_monthly",
  "app_usage_picked_daily",
] as const;

/**
 * Full contents of every data table, rows as JSON text in a stable order (ids and provenance included). The
 * time a snapshot was received is left out: the same snapshot received twice is the same data.
 */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of DATA_TABLES) {
    const rows = await rowsOf<{ j: string }>(db, sql`select (to_jsonb(x) - 'received_at')::text as j from ${sql.identifier(t)} x order by 1`);
    out[t] = rows.map((r) => String(r.j));
  }
  return out;
}
