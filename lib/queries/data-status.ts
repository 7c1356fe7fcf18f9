import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso, stringList } from "@/db/row-values";

export interface SnapshotInfo {
  id: number;
  format: string;
  source: string;
  asOf: string;
  receivedAt: string;
  citation: string;
  isSample: boolean;
  rowCounts: Record<string, { rows: number; inserted: number; updated: number; unchanged: number }>;
}

export interface DataStatus {
  snapshotCount: number;
  sources: string[];
  latestAsOf: string | null;
  firstDay: string | null;
  lastDay: string | null;
  modelCount: number;
  appCount: number;
  modelDayRows: number;
  appUsageRows: number;
  hasSampleData: boolean;
  recentSnapshots: SnapshotInfo[];
}

/**
 * Rows in a big table without scanning it on every page view: the planner's estimate once the table is
 * large (autovacuum keeps it near), an exact count while it is small or not yet analysed.
 */
function rowCount(table: "model_usage_daily" | "app_usage") {
  return sql`(select case when c.reltuples >= 100000 then c.reltuples::bigint
                          else (select count(*) from ${sql.identifier(table)}) end
              from pg_class c where c.oid = ${table}::regclass)`;
}

/** What is stored and where it came from: the first thing a user needs to trust a chart. */
export async function getDataStatus(db: Db, recent = 10): Promise<DataStatus> {
  const [totals] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select
          (select count(*)::int from snapshots) as snapshot_count,
          (select coalesce(array_agg(distinct source order by source), '{}') from snapshots) as sources,
          (select max(as_of) from snapshots) as latest_as_of,
          (select min(day)::text from model_usage_daily) as first_day,
          (select max(day)::text from model_usage_daily) as last_day,
          (select count(*)::int from models where kind = 'model') as model_count,
          (select count(*)::int from apps) as app_count,
          ${rowCount("model_usage_daily")} as model_day_rows,
          ${rowCount("app_usage")} as app_usage_rows,
          exists(select 1 from snapshots where is_sample) as has_sample`,
  );
  const snaps = await rowsOf<Record<string, unknown>>(
    db,
    sql`select id, format, source, as_of, received_at, citation, is_sample, row_counts
        from snapshots order by received_at desc, id desc limit ${recent}`,
  );
  return {
    snapshotCount: Number(totals.snapshot_count),
    sources: stringList(totals.sources),
    latestAsOf: totals.latest_as_of ? iso(totals.latest_as_of) : null,
    firstDay: (totals.first_day as string) ?? null,
    lastDay: (totals.last_day as string) ?? null,
    modelCount: Number(totals.model_count),
    appCount: Number(totals.app_count),
    modelDayRows: Number(totals.model_day_rows),
    appUsageRows: Number(totals.app_usage_rows),
    hasSampleData: Boolean(totals.has_sample),
    recentSnapshots: snaps.map((s) => ({
      id: Number(s.id),
      format: String(s.format),
      source: String(s.source),
      asOf: iso(s.as_of),
      receivedAt: iso(s.received_at),
      citation: String(s.citation),
      isSample: Boolean(s.is_sample),
      rowCounts: (typeof s.row_counts === "string" ? JSON.parse(s.row_counts) : s.row_counts) as SnapshotInfo["rowCounts"],
    })),
  };
}
