/**
 * Tokens per model over a date range, read from usage_monthly_rollup for the calendar months the range fully
 * contains and from model_usage_daily for the edge days (lib/view/periods.ts splitFullMonths). Rankings over
 * every model (default series, the catalogue) then read ~one row per model and month instead of one
 * per model and day. The rollup is kept exact by triggers (drizzle/0003_usage_rollups_triggers.sql).
 */
import { sql, type SQL } from "drizzle-orm";
import { splitFullMonths } from "@/lib/view/periods";

/** Rows (model_id, snapshot_id, total_tokens) whose sum per model is its tokens over [from, to]. */
function modelTokensSource(from: string, to: string): SQL {
  const { months, edges } = splitFullMonths(from, to);
  const parts: SQL[] = [];
  if (months) {
    parts.push(sql`select r.model_id, r.snapshot_id, r.total_tokens from usage_monthly_rollup r
                   where r.month >= ${months.start}::date and r.month < ${months.endExclusive}::date`);
  }
  for (const [a, b] of edges) {
    parts.push(sql`select u.model_id, u.snapshot_id, u.total_tokens from model_usage_daily u
                   where u.day between ${a}::date and ${b}::date`);
  }
  if (!parts.length) return sql`(select null::int4 as model_id, null::int8 as snapshot_id, null::int8 as total_tokens where false)`;
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/** (model_id, tokens[, snaps]) per model with tokens in [from, to]; `snaps` (contributing snapshot ids) only when asked. */
export function modelTotals(from: string, to: string, opts: { snapshots?: boolean } = {}): SQL {
  const snaps = opts.snapshots ? sql`, array_agg(distinct s.snapshot_id) as snaps` : sql``;
  return sql`(select s.model_id, sum(s.total_tokens) as tokens${snaps}
              from ${modelTokensSource(from, to)} s group by s.model_id)`;
}
