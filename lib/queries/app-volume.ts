/**
 * App volume over a date range, by (app, model), without ever adding overlapping periods twice.
 *
 * The rule (README "App usage periods"):
 * 1. Calendar rows: for each (app, model, month), the month row is used when there is one, unless day rows
 *    cover every day of that month; day rows are used otherwise (no month row, or complete days). Never
 *    both. A month row overlapping the range counts whole, and `coverage` widens to say so.
 * 2. Window rows (a source's own window, e.g. app-rankings' 90 days) are never added to calendar rows
 *    nor to each other: see getLatestWindows.
 * 3. Rows for all models (model null) and per-model rows are different breakdowns of the same tokens and
 *    are never summed together: callers ask for one or the other.
 *
 * Rule 1 is decided once per (app, model, month) by the ingest transaction (the app_usage rollups of
 * drizzle/0006_app_usage_rollups_triggers.sql); `pickedCalendarRows` selects the picked rows by it, and
 * getAppVolumes (totals over a range) and getAppVolumeSeries (totals per period) both select from it, except
 * the all-apps leaderboard (every app summed over its models), which reads the per-app rollups (`pickedAppRows`).
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import { iso } from "@/db/row-values";
import { addDays, nextPeriod, periodEnd, periodStart } from "@/lib/view/periods";
import type { Interval } from "@/lib/view/state";
import { snapshotIdsOf } from "./provenance";
import { sqlCalendarKey } from "./sql";

export interface AppVolumeRow {
  appId: string;
  appName: string;
  /** null = the app's total over all models (rows stated for all models, or summed over the asked models with `sumModels`). */
  modelId: number | null;
  tokens: string;
}

export interface AppVolumes {
  rows: AppVolumeRow[];
  /** The days the summed periods actually cover (wider than the range when a month row overlaps its edge). */
  coverage: { from: string; to: string } | null;
  /** Snapshots that set the summed rows (for provenance). */
  snapshotIds: number[];
}

export interface AppVolumeQuery {
  from: string;
  to: string;
  /** Per-model rows for these models; omit for all models' per-model rows. */
  modelIds?: number[];
  appIds?: string[];
  /** true: rows stated for all models (model null) instead of per-model rows. */
  allModels?: boolean;
  /** true: sum the per-model rows of each app over the models (one row per app, modelId null). */
  sumModels?: boolean;
  limit?: number;
}

function filtersOf(q: { modelIds?: number[]; appIds?: string[]; allModels?: boolean }, alias: string): SQL {
  const u = sql.raw(alias);
  const filters: SQL[] = [q.allModels ? sql`${u}.model_id is null` : sql`${u}.model_id is not null`];
  if (q.modelIds?.length) filters.push(sql`${u}.model_id = any(${plainArray(q.modelIds)}::int4[])`);
  if (q.appIds?.length) filters.push(sql`${u}.app_id = any(${textArray(q.appIds)}::text[])`);
  return sql.join(filters, sql` and `);
}

/**
 * Rule 1 as a row source: (app_id, model_id, period_kind, period_start, period_end, total_tokens, snapshot_id)
 * of the month rows overlapping [from, to] whose month is not fully covered by day rows, and the day rows
 * inside [from, to] whose month has no such month row. Which kind stands per (app, model, month) is read from
 * app_usage_month_source, kept by the ingest transaction (drizzle/0006): it replaced a correlated count of
 * day rows per month row that took 250–500 ms per query at the benchmark's 10M rows (README Benchmarks).
 * Day rows have period_start = period_end; the period_end conditions let the (…, period_kind, period_end)
 * indexes bound the scans.
 */
function pickedCalendarRows(q: { from: string; to: string; modelIds?: number[]; appIds?: string[]; allModels?: boolean }): SQL {
  const where = filtersOf(q, "u");
  // Rows for all models and per-model rows never meet (rule 3), so the join needs no null-safe equality. The
  // filters repeated on `s` let the planner fetch the asked models' months at once ((model_id, month) index)
  // rather than look one up per row (2,070 lookups for a model's 90 days in the benchmark).
  const source = (kind: "day" | "month") =>
    sql`join app_usage_month_source s on s.app_id = u.app_id and ${q.allModels ? sql`s.model_id is null` : sql`s.model_id = u.model_id`}
          and s.month = ${sqlCalendarKey(sql`u.period_end`, "month")} and s.picked_kind = ${kind}
          and s.month between ${periodStart(q.from, "month")}::date and ${periodStart(q.to, "month")}::date and ${filtersOf(q, "s")}`;
  return sql`(
    select u.app_id, u.model_id, u.period_kind, u.period_start, u.period_end, u.total_tokens, u.snapshot_id
    from app_usage u ${source("day")}
    where u.period_kind = 'day' and u.period_end between ${q.from}::date and ${q.to}::date
      and u.period_start between ${q.from}::date and ${q.to}::date and ${where}
    union all
    select u.app_id, u.model_id, u.period_kind, u.period_start, u.period_end, u.total_tokens, u.snapshot_id
    from app_usage u ${source("month")}
    where u.period_kind = 'month' and u.period_end >= ${q.from}::date and u.period_start <= ${q.to}::date and ${where})`;
}

/**
 * [from, to] as the months it covers whole (first days of the first and last, or null) and the pieces of the
 * months it cuts, one piece per month.
 */
export function splitRange(from: string, to: string): { whole: [string, string] | null; edges: [string, string][] } {
  const firstWhole = from.endsWith("-01") ? from : nextPeriod(periodStart(from, "month"), "month");
  const lastWholeEnd = periodEnd(periodStart(to, "month"), "month") === to ? to : addDays(periodStart(to, "month"), -1);
  const fromMonthEnd = periodEnd(periodStart(from, "month"), "month");
  const anyWhole = firstWhole <= lastWholeEnd;
  const edges: [string, string][] = anyWhole
    ? [[from, addDays(firstWhole, -1)], [addDays(lastWholeEnd, 1), to]]
    : fromMonthEnd >= to
      ? [[from, to]]
      : [[from, fromMonthEnd], [addDays(fromMonthEnd, 1), to]];
  return { whole: anyWhole ? [firstWhole, periodStart(lastWholeEnd, "month")] : null, edges: edges.filter(([a, b]) => a <= b) };
}

/**
 * pickedCalendarRows for totals over a range: months the range covers whole read the picked rows' totals per
 * (app, model, month) from app_usage_month_source (one row each instead of one per day: a model's 90 days
 * read 66 rows instead of 2,070 in the benchmark), the months it cuts read the picked rows themselves.
 * The snapshots of a month's rows come as extra rows of 0 tokens (sums unchanged, provenance exact).
 */
function pickedRangeRows(q: { from: string; to: string; modelIds?: number[]; appIds?: string[]; allModels?: boolean }): SQL {
  const { whole, edges } = splitRange(q.from, q.to);
  if (!whole) return pickedCalendarRows(q);
  const parts = [
    sql`select s.app_id, s.model_id, s.picked_kind as period_kind, s.first_day as period_start, s.last_day as period_end,
               case when x.i = 1 then s.picked_tokens else 0 end as total_tokens, x.snapshot_id
        from app_usage_month_source s cross join unnest(s.snapshot_ids) with ordinality as x(snapshot_id, i)
        where s.month between ${whole[0]}::date and ${whole[1]}::date and ${filtersOf(q, "s")}`,
    ...edges.map(([from, to]) => sql`select * from ${pickedCalendarRows({ ...q, from, to })} e`),
  ];
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/**
 * The same picked rows summed over models per app, from the all-apps rollups (drizzle/0006): months the range
 * covers whole read one row per app and month; picked month rows of the edge months count whole (rule 1);
 * the edge months' picked day rows are the difference of two running totals per app. Same columns as
 * pickedCalendarRows (model_id null; period_start/period_end span the days the rows cover). Summing every
 * app's per-model rows from app_usage took 27 s at the benchmark's 10M rows (README Benchmarks).
 */
function pickedAppRows(q: { from: string; to: string; appIds?: string[] }): SQL {
  const apps = (alias: string) => (q.appIds?.length ? sql` and ${sql.raw(alias)}.app_id = any(${textArray(q.appIds)}::text[])` : sql``);
  const cols = (alias: string) => sql.raw(`${alias}.app_id, null::int4 as model_id`);
  const { whole, edges } = splitRange(q.from, q.to);
  const parts: SQL[] = [
    sql`select ${cols("m")}, m.kind as period_kind, m.first_day as period_start, m.last_day as period_end, m.total_tokens, m.snapshot_id
        from app_usage_picked_monthly m
        where m.month between ${periodStart(q.from, "month")}::date and ${periodStart(q.to, "month")}::date and m.kind = 'month'${apps("m")}`,
  ];
  if (whole) {
    parts.push(sql`select ${cols("m")}, m.kind, m.first_day, m.last_day, m.total_tokens, m.snapshot_id
        from app_usage_picked_monthly m
        where m.month between ${whole[0]}::date and ${whole[1]}::date and m.kind = 'day'${apps("m")}`);
  }
  // An edge [a, b] inside one month: the running totals at b minus those at a − 1 (when a is not the 1st),
  // per app and snapshot; a snapshot counts when it has rows in [a, b]. Coverage: the first and last day
  // with rows, found along the day index.
  for (const [a, b] of edges) {
    const before = a.endsWith("-01") ? null : addDays(a, -1);
    const atB = sql`d.day = ${b}::date`;
    const cov = (agg: "min" | "max") =>
      sql`(select ${sql.raw(agg)}(c.day) from app_usage_picked_daily c where c.day between ${a}::date and ${b}::date and c.day_rows > 0${apps("c")})`;
    parts.push(sql`select ${cols("d")}, 'day', ${cov("min")}, ${cov("max")},
               sum(case when ${atB} then d.cum_tokens else -d.cum_tokens end), d.snapshot_id
        from app_usage_picked_daily d
        where d.day in (${b}::date${before ? sql`, ${before}::date` : sql``})${apps("d")}
        group by d.app_id, d.snapshot_id
        having sum(case when ${atB} then d.cum_rows else -d.cum_rows end) > 0`);
  }
  return sql`(${sql.join(parts, sql` union all `)})`;
}

export async function getAppVolumes(db: Db, q: AppVolumeQuery): Promise<AppVolumes> {
  // Every app's per-model rows summed per app (the all-apps leaderboard) reads the all-apps rollups.
  const picked = q.sumModels && !q.allModels && !q.modelIds?.length ? pickedAppRows(q) : pickedRangeRows(q);
  const modelCol = q.sumModels ? sql`null::int4` : sql`p.model_id`;
  const groupBy = q.sumModels ? sql`p.app_id` : sql`p.app_id, p.model_id`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    // One pass over the picked rows: sums per app (or app and model) and, in the same aggregate, per snapshot
    // (coverage and provenance over every row, not just the top ones). Replaced a window over the groups and a
    // second scan for the snapshots: 37 of 111 ms for the all-apps leaderboard at 10M rows (loaded machine).
    sql`with picked as ${picked},
        g as (
          select grouping(p.app_id) as by_snapshot, p.app_id, ${modelCol} as model_id, p.snapshot_id,
                 sum(p.total_tokens) as tokens, min(p.period_start) as cov_from, max(p.period_end) as cov_to
          from picked p
          group by grouping sets ((${groupBy}), (p.snapshot_id))),
        ranked as (
          select g.app_id, g.model_id, g.tokens from g where g.by_snapshot = 0
          order by g.tokens desc, g.app_id, g.model_id
          limit ${q.limit ?? 1000}),
        whole as (
          select min(g.cov_from) as cov_from, max(g.cov_to) as cov_to, array_agg(g.snapshot_id) as snaps
          from g where g.by_snapshot = 1)
        select r.app_id, a.name as app_name, r.model_id, r.tokens::text as tokens,
               w.cov_from::text as cov_from, w.cov_to::text as cov_to, w.snaps
        from ranked r join apps a on a.app_id = r.app_id cross join whole w
        order by r.tokens desc, r.app_id, r.model_id`,
  );
  return {
    rows: rows.map((r) => ({
      appId: String(r.app_id),
      appName: String(r.app_name),
      modelId: r.model_id === null ? null : Number(r.model_id),
      tokens: String(r.tokens),
    })),
    coverage: rows[0] ? { from: String(rows[0].cov_from), to: String(rows[0].cov_to) } : null,
    snapshotIds: rows[0] ? snapshotIdsOf(rows[0].snaps) : [],
  };
}

export interface AppSeriesRow {
  modelId: number | null;
  /** First day of the period (month rows: their month). */
  period: string;
  tokens: string;
}

export interface AppVolumeSeries {
  /** The interval the periods use: month when month rows were picked and a finer interval was asked (a month cannot be split). */
  interval: Interval;
  rows: AppSeriesRow[];
  snapshotIds: number[];
}

/** Tokens per (model, period) of the picked calendar rows (one app or a few, per-model rows). */
export async function getAppVolumeSeries(db: Db, q: AppVolumeQuery & { interval: Interval }): Promise<AppVolumeSeries> {
  let interval = q.interval;
  if (interval !== "month") {
    const [m] = await rowsOf<{ any: boolean }>(
      db,
      sql`select exists(select 1 from ${pickedCalendarRows(q)} p where p.period_kind = 'month') as any`,
    );
    if (m?.any) interval = "month";
  }
  const modelCol = q.sumModels ? sql`null::int4` : sql`p.model_id`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with picked as ${pickedCalendarRows(q)},
        g as (
          select ${modelCol} as model_id, ${sqlCalendarKey(sql`p.period_start`, interval)} as period, p.snapshot_id, sum(p.total_tokens) as tokens
          from picked p group by 1, 2, 3)
        select model_id, period::text as period, sum(tokens)::text as tokens, array_agg(snapshot_id) as snaps
        from g group by 1, 2 order by 2, 1`,
  );
  return {
    interval,
    rows: rows.map((r) => ({ modelId: r.model_id === null ? null : Number(r.model_id), period: String(r.period), tokens: String(r.tokens) })),
    snapshotIds: snapshotIdsOf(rows.map((r) => r.snaps)),
  };
}

export interface AppWindowRow extends AppVolumeRow {
  periodStart: string | null;
  periodEnd: string;
  rank: number | null;
  asOf: string;
  snapshotId: number;
}

/**
 * The newest window a source reported per (app, model): windows overlap each other, so only one counts. Rows of
 * several categories for one window are the same tokens (each with its category's rank): one is picked, or only
 * `category`'s.
 * With `sumModels`, each app's newest windows of the asked models are summed (one row per app, modelId null;
 * periodStart/periodEnd span the windows).
 */
export async function getLatestWindows(
  db: Db,
  q: { modelIds?: number[]; appIds?: string[]; allModels?: boolean; sumModels?: boolean; limit?: number; category?: string | null } = {},
): Promise<AppWindowRow[]> {
  const filters: SQL[] = [sql`u.period_kind = 'window'`, filtersOf(q, "u")];
  // A category's own rows (app-rankings asked for it), with that category's rank.
  if (q.category) filters.push(sql`u.category = ${q.category}`);
  const latest = sql`select distinct on (u.app_id, u.model_id) u.app_id, u.model_id, u.total_tokens, u.period_start, u.period_end,
                            u.rank, u.as_of, u.snapshot_id
                     from app_usage u
                     where ${sql.join(filters, sql` and `)}
                     order by u.app_id, u.model_id, u.period_end desc, u.as_of desc, u.category nulls first`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    q.sumModels
      ? sql`select w.app_id, a.name as app_name, null::int4 as model_id, sum(w.total_tokens)::text as tokens,
                   min(w.period_start)::text as period_start, max(w.period_end)::text as period_end,
                   case when count(*) = 1 then min(w.rank) end as rank, max(w.as_of) as as_of, max(w.snapshot_id) as snapshot_id,
                   array_agg(distinct w.snapshot_id) as snaps
            from (${latest}) w join apps a on a.app_id = w.app_id
            group by w.app_id, a.name
            order by sum(w.total_tokens) desc, w.app_id
            limit ${q.limit ?? 1000}`
      : sql`select w.app_id, a.name as app_name, w.model_id, w.total_tokens::text as tokens,
                   w.period_start::text as period_start, w.period_end::text as period_end, w.rank, w.as_of, w.snapshot_id
            from (${latest}) w join apps a on a.app_id = w.app_id
            order by w.total_tokens desc, w.app_id
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
    snapshotId: Number(r.snapshot_id),
  }));
}
