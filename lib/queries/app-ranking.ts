/**
 * The all-apps leaderboard (every app's per-model rows summed per app, lib/queries/app-volume.ts rule 1) ranked
 * exactly while reading only the apps near the top, so it costs about the same for 57 apps as for 5,644.
 *
 * An app's total over a range is at most the sum, over the months the range touches, of its picked tokens in
 * each month (app_usage_app_monthly, kept by the ingest transaction: drizzle/0012), since a range counts a
 * month's picked rows whole or in part and tokens are never negative. So: read each touched month's first n
 * apps by those monthly totals; an app in none of these heads has a bound no larger than the sum of the heads'
 * last values. Sum the candidates exactly, those that can total most first; once the `limit`-th exact total
 * is above that bound and above what any candidate not summed can total, no other app can reach the top
 * `limit`, and ties cannot either (strictly above). Otherwise (apps of much the same size) give
 * up (null): the caller then sums every app.
 *
 * Coverage and provenance still span every app (the ranking compared them all): read from the per-month
 * snapshot summaries and, for months the range cuts, two index probes per snapshot of the month.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import { addDays, calendarPeriods, periodStart } from "@/lib/view/periods";
import { splitRange, type AppVolumes } from "./app-volume";
import { snapshotIdsOf } from "./provenance";

/** Apps read from the head of each month: on apps of unequal size, enough to settle the top `limit`. */
const headSize = (limit: number) => Math.max(256, 4 * limit);
/** Beyond this, the heads would hold most apps: summing every app costs no more. */
const MAX_LIMIT = 250;

export async function rankAllApps(db: Db, q: { from: string; to: string; limit: number }): Promise<AppVolumes | null> {
  if (q.limit > MAX_LIMIT) return null;
  const spanning = coverageAndProvenance(db, q.from, q.to); // needs no heads: asked at once
  spanning.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
  const heads = await monthHeads(db, monthsTouched(q.from, q.to), headSize(q.limit));
  // Candidates by the most they can total; only those above what an app outside the heads can reach count.
  const hopeful = heads.candidates.filter((c) => heads.complete || c.bound > heads.bound).sort((a, b) => (b.bound > a.bound ? 1 : b.bound < a.bound ? -1 : 0));
  // Sum the likeliest first: settled when the `limit`-th total is above the bound of every candidate not summed.
  for (let n = Math.min(hopeful.length, 2 * q.limit); ; n = Math.min(hopeful.length, n * 4)) {
    if (n < q.limit && !heads.complete) break;
    const ranked = await exactTotals(db, q, hopeful.slice(0, n).map((c) => c.appId));
    const last = ranked[q.limit - 1];
    const rest = n < hopeful.length ? hopeful[n].bound : 0n;
    const settled = heads.complete && n === hopeful.length ? true : Boolean(last) && BigInt(last.tokens) > (rest > heads.bound ? rest : heads.bound);
    if (settled) {
      // As the full ranking: the top `limit`, less any app without an `apps` row.
      const rows = ranked.slice(0, q.limit).flatMap((r) => (r.appName === null ? [] : [{ appId: r.appId, appName: r.appName, modelId: null, tokens: r.tokens }]));
      const { coverage, snapshotIds } = await spanning;
      return rows.length ? { rows, coverage, snapshotIds } : NONE;
    }
    // Candidates not summed yet total at most `rest`: if neither they nor the present top can get above what
    // an app outside the heads may reach, no longer batch can settle it.
    const best = last && BigInt(last.tokens) > rest ? BigInt(last.tokens) : rest;
    if (n === hopeful.length || best <= heads.bound) break;
  }
  await spanning;
  return null; // not settled (apps of much the same size): the caller sums every app
}

const NONE: AppVolumes = { rows: [], coverage: null, snapshotIds: [] };

/** First days of the months [from, to] touches. */
const monthsTouched = (from: string, to: string) => calendarPeriods(from, to, "month").map((p) => p.period);

/**
 * Each month's first n apps by picked tokens. `bound`: the most an app in none of the heads can total (the sum
 * of the last values of the heads cut at n); per candidate, the most it can total (its values where it is in a
 * head, the cut heads' last values elsewhere); `complete`: no head was cut, so every app is a candidate.
 */
async function monthHeads(db: Db, months: string[], n: number): Promise<{ candidates: { appId: string; bound: bigint }[]; bound: bigint; complete: boolean }> {
  const rows = await rowsOf<{ month: string; app_id: string; tokens: string }>(
    db,
    sql`select m.month::text as month, h.app_id, h.total_tokens::text as tokens
        from unnest(${textArray(months)}::date[]) as m(month)
        cross join lateral (
          select a.app_id, a.total_tokens from app_usage_app_monthly a where a.month = m.month
          order by a.total_tokens desc nulls last, a.app_id limit ${n}) h`,
  );
  const heads = new Map<string, { size: number; last: bigint }>();
  const seen = new Map<string, Map<string, bigint>>(); // app → month → tokens
  for (const r of rows) {
    const [month, v] = [String(r.month), BigInt(r.tokens)];
    const h = heads.get(month);
    heads.set(month, { size: (h?.size ?? 0) + 1, last: h && h.last < v ? h.last : v });
    const app = seen.get(String(r.app_id)) ?? new Map<string, bigint>();
    seen.set(String(r.app_id), app.set(month, v));
  }
  const cut = [...heads].filter(([, h]) => h.size === n);
  const bound = cut.reduce((sum, [, h]) => sum + h.last, 0n);
  const candidates = [...seen].map(([appId, values]) => ({
    appId,
    bound: [...values.values()].reduce((a, b) => a + b, 0n) + cut.reduce((sum, [m, h]) => sum + (values.has(m) ? 0n : h.last), 0n),
  }));
  return { candidates, bound, complete: cut.length === 0 };
}

/**
 * The candidates' exact totals over the range, with their names, most tokens first (ties by app id, as the
 * full ranking). Per candidate: app_usage_app_monthly's total for each month the range covers whole, its month
 * rows (which count whole) for each month the range cuts, and the running totals of its picked day rows at the
 * cut's last day less those the day before its first (every snapshot's; a snapshot with no rows in the cut
 * adds nothing). An app with no picked row in the range is left out, as the full ranking leaves it out. One
 * index descent per candidate and month or day, never a scan of every app.
 */
async function exactTotals(db: Db, q: { from: string; to: string }, appIds: string[]): Promise<{ appId: string; appName: string | null; tokens: string }[]> {
  const { whole: covered, edges } = splitRange(q.from, q.to);
  const whole = sql`${textArray(covered ? monthsTouched(covered[0], covered[1]) : [])}::date[]`;
  const plus = edges.map(([, b]) => b);
  const minus = edges.flatMap(([a]) => (a.endsWith("-01") ? [] : [addDays(a, -1)]));
  const rows = await rowsOf<{ app_id: string; name: string | null; tokens: string }>(
    db,
    sql`with c(app_id) as (select unnest(${textArray(appIds)}::text[])),
        parts as (
          select m.app_id, case when m.month = any(${whole}) then m.total_tokens else m.month_tokens end as tokens, 1 as n
          from c join app_usage_app_monthly m on m.app_id = c.app_id and m.month = any(${textArray(monthsTouched(q.from, q.to))}::date[])
          where m.month = any(${whole}) or m.month_tokens is not null
          union all
          select d.app_id, d.cum_tokens * s.sign, d.cum_rows * s.sign
          from c cross join unnest(${textArray([...plus, ...minus])}::date[], ${plainArray([...plus.map(() => 1), ...minus.map(() => -1)])}::int4[]) as s(day, sign)
          join app_usage_picked_daily d on d.day = s.day and d.app_id = c.app_id),
        t as (select app_id, sum(tokens) as tokens from parts group by app_id having sum(n) > 0)
        select t.app_id, a.name, t.tokens::text as tokens from t left join apps a on a.app_id = t.app_id
        order by t.tokens desc, t.app_id`,
  );
  return rows.map((r) => ({ appId: String(r.app_id), appName: r.name === null ? null : String(r.name), tokens: String(r.tokens) }));
}

/**
 * The days and snapshots of every app's picked rows in the range: month rows of every touched month (they count
 * whole), day rows of the months the range covers whole, and for each month it cuts, the snapshots with day
 * rows inside the cut (first and last such day, by the partial index on app_usage_picked_daily).
 */
async function coverageAndProvenance(db: Db, from: string, to: string): Promise<Pick<AppVolumes, "coverage" | "snapshotIds">> {
  const { whole, edges } = splitRange(from, to);
  const parts: SQL[] = [
    sql`select s.first_day, s.last_day, s.snapshot_id from app_usage_month_snapshots s
        where s.kind = 'month' and s.month between ${periodStart(from, "month")}::date and ${periodStart(to, "month")}::date`,
  ];
  if (whole) {
    parts.push(sql`select s.first_day, s.last_day, s.snapshot_id from app_usage_month_snapshots s
        where s.kind = 'day' and s.month between ${whole[0]}::date and ${whole[1]}::date`);
  }
  for (const [a, b] of edges) {
    parts.push(sql`select d.first_day, d.last_day, s.snapshot_id from app_usage_month_snapshots s
        cross join lateral (
          select min(p.day) as first_day, max(p.day) as last_day from app_usage_picked_daily p
          where p.snapshot_id = s.snapshot_id and p.day between ${a}::date and ${b}::date and p.day_rows > 0) d
        where s.kind = 'day' and s.month = ${periodStart(a, "month")}::date and d.first_day is not null`);
  }
  const [r] = await rowsOf<{ cov_from: string | null; cov_to: string | null; snaps: unknown }>(
    db,
    sql`select min(x.first_day)::text as cov_from, max(x.last_day)::text as cov_to, array_agg(distinct x.snapshot_id) as snaps
        from (${sql.join(parts, sql` union all `)}) x`,
  );
  return {
    coverage: r?.cov_from && r.cov_to ? { from: String(r.cov_from), to: String(r.cov_to) } : null,
    snapshotIds: snapshotIdsOf(r?.snaps),
  };
}
