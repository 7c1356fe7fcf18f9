/**
 * App volume over a date range, by (app, model), without ever adding overlapping periods twice.
 *
 * The rule (README "App usage periods"):
 * 1. Calendar rows: for each (app, model, month), day rows are used when that month has any; otherwise
 *    the month row is used. A month row overlapping the range counts whole, and `coverage` widens to say so.
 * 2. Window rows (a source's own window, e.g. app-rankings' 90 days) are never added to calendar rows
 *    nor to each other: see getLatestWindows.
 * 3. Rows for all models (model null) and per-model rows are different breakdowns of the same tokens and
 *    are never summed together: callers ask for one or the other.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/lib/db/pg-array";
import { iso } from "@/lib/db/row-values";

export interface AppVolumeRow {
  appId: string;
  appName: string;
  /** null = the app's total over all models. */
  modelId: number | null;
  tokens: string;
}

export interface AppVolumes {
  rows: AppVolumeRow[];
  /** The days the summed periods actually cover (wider than the range when a month row overlaps its edge). */
  coverage: { from: string; to: string } | null;
}

export interface AppVolumeQuery {
  from: string;
  to: string;
  /** Per-model rows for these models; omit for all models' per-model rows. */
  modelIds?: number[];
  appIds?: string[];
  /** true: rows stated for all models (model null) instead of per-model rows. */
  allModels?: boolean;
  limit?: number;
}

export async function getAppVolumes(db: Db, q: AppVolumeQuery): Promise<AppVolumes> {
  const filters: SQL[] = [q.allModels ? sql`u.model_id is null` : sql`u.model_id is not null`];
  if (q.modelIds?.length) filters.push(sql`u.model_id = any(${plainArray(q.modelIds)}::int4[])`);
  if (q.appIds?.length) filters.push(sql`u.app_id = any(${textArray(q.appIds)}::text[])`);
  const where = sql.join(filters, sql` and `);
  const rows = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`with picked as (
          select u.app_id, u.model_id, u.total_tokens, u.period_start, u.period_end
          from app_usage u
          where u.period_kind = 'day' and u.period_start between ${q.from}::date and ${q.to}::date and ${where}
          union all
          select u.app_id, u.model_id, u.total_tokens, u.period_start, u.period_end
          from app_usage u
          where u.period_kind = 'month' and u.period_start <= ${q.to}::date and u.period_end >= ${q.from}::date and ${where}
            and not exists (
              select 1 from app_usage d
              where d.period_kind = 'day' and d.app_id = u.app_id and d.model_id is not distinct from u.model_id
                and d.period_start between u.period_start and u.period_end))
        select p.app_id, a.name as app_name, p.model_id, sum(p.total_tokens)::text as tokens,
               min(min(p.period_start)) over ()::text as cov_from, max(max(p.period_end)) over ()::text as cov_to
        from picked p join apps a on a.app_id = p.app_id
        group by p.app_id, a.name, p.model_id
        order by sum(p.total_tokens) desc, p.app_id
        limit ${q.limit ?? 1000}`,
  );
  return {
    rows: rows.map((r) => ({
      appId: String(r.app_id),
      appName: String(r.app_name),
      modelId: r.model_id === null ? null : Number(r.model_id),
      tokens: String(r.tokens),
    })),
    coverage: rows[0] ? { from: String(rows[0].cov_from), to: String(rows[0].cov_to) } : null,
  };
}

export interface AppWindowRow extends AppVolumeRow {
  periodStart: string | null;
  periodEnd: string;
  rank: number | null;
  asOf: string;
}

/** The newest window a source reported per (app, model): windows overlap each other, so only one counts. */
export async function getLatestWindows(db: Db, q: { modelIds?: number[]; allModels?: boolean; limit?: number } = {}): Promise<AppWindowRow[]> {
  const filters: SQL[] = [sql`u.period_kind = 'window'`, q.allModels ? sql`u.model_id is null` : sql`u.model_id is not null`];
  if (q.modelIds?.length) filters.push(sql`u.model_id = any(${plainArray(q.modelIds)}::int4[])`);
  const rows = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`select * from (
          select distinct on (u.app_id, u.model_id) u.app_id, a.name as app_name, u.model_id,
                 u.total_tokens::text as tokens, u.period_start::text as period_start, u.period_end::text as period_end,
                 u.rank, u.as_of, u.total_tokens as sort_tokens
          from app_usage u join apps a on a.app_id = u.app_id
          where ${sql.join(filters, sql` and `)}
          order by u.app_id, u.model_id, u.period_end desc, u.as_of desc) w
        order by w.sort_tokens desc, w.app_id
        limit ${q.limit ?? 1000}`,
  );
  return rows.map((r) => ({
    appId: String(r.app_id),
    appName: String(r.app_name),
    modelId: r.model_id === null ? null : Number(r.model_id),
    tokens: String(r.tokens),
    periodStart: (r.period_start as string | null) ?? null,
    periodEnd: String(r.period_end),
    rank: r.rank === null ? null : Number(r.rank),
    asOf: iso(r.as_of),
  }));
}
