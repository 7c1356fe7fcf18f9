/**
 * Subsidized (free) share per author (GET /api/v1/subsidy, the vendors page).
 *
 * free share = tokens of `free` variants / all tokens of the author's models, per calendar period and over
 * the range. The `other` bucket is excluded everywhere: it is not a vendor and its free/paid split is unknown.
 * Authors: `state.authors`, else the top `state.top` authors by all tokens in the range. Rankings cover
 * every author (by all tokens and by paid tokens only) and every model, variants of one permaslug together.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { textArray } from "@/lib/db/pg-array";
import { calendarPeriods, freeShareOf } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith, type ResolvedRange } from "@/lib/view/range";
import type { Interval, ViewState } from "@/lib/view/state";
import { QueryError } from "./errors";
import { provenanceOf, snapshotIdsOf } from "./provenance";
import { sqlCalendarKey, tokenString, type Row } from "./sql";
import type { ModelRankRow, SubsidyPoint, SubsidyResult } from "./types";

interface AuthorPeriods {
  author: string;
  periods: Map<string, { free: string; paid: string }>;
  free: bigint;
  paid: bigint;
}

/** Free and paid tokens per (author, period) over the range, bucket excluded; `author = null` rows are the market. */
async function freePaidByAuthor(db: Db, range: ResolvedRange, interval: Interval) {
  const rows = await rowsOf<Row>(
    db,
    sql`with g as (
          select m.author, ${sqlCalendarKey(sql`u.day`, interval)} as p, u.snapshot_id,
                 sum(u.total_tokens) filter (where m.variant = 'free') as free,
                 sum(u.total_tokens) filter (where m.variant <> 'free') as paid
          from model_usage_daily u join models m on m.id = u.model_id
          where m.kind = 'model' and u.day between ${range.from}::date and ${range.to}::date
          group by 1, 2, 3)
        select author, p::text as p, coalesce(sum(free), 0)::text as free, coalesce(sum(paid), 0)::text as paid,
               array_agg(snapshot_id) as snaps
        from g group by grouping sets ((author, p), (p))`,
  );
  const authors = new Map<string, AuthorPeriods>();
  const market = new Map<string, { free: string; paid: string }>();
  for (const r of rows) {
    const v = { free: tokenString(r.free), paid: tokenString(r.paid) };
    if (r.author === null) {
      market.set(String(r.p), v);
      continue;
    }
    const a = authors.get(String(r.author)) ?? { author: String(r.author), periods: new Map(), free: 0n, paid: 0n };
    a.periods.set(String(r.p), v);
    a.free += BigInt(v.free);
    a.paid += BigInt(v.paid);
    authors.set(a.author, a);
  }
  return { authors, market, snapshotIds: snapshotIdsOf(rows.map((r) => r.snaps)) };
}

/** Per-period points of free/paid tokens (zero-filled, partial flags). Pure. */
export function subsidyPoints(periods: Map<string, { free: string; paid: string }>, range: ResolvedRange, interval: Interval): SubsidyPoint[] {
  if (range.empty) return [];
  return calendarPeriods(range.from, range.to, interval, range.newestDay).map((slot) => {
    const v = periods.get(slot.period) ?? { free: "0", paid: "0" };
    return { period: slot.period, freeTokens: v.free, paidTokens: v.paid, freeShare: freeShareOf(v.free, v.paid), partial: slot.partial };
  });
}

const byBigDesc = <T>(f: (x: T) => bigint, tie: (x: T) => string) => (a: T, b: T) => {
  const d = f(b) - f(a);
  return d > 0n ? 1 : d < 0n ? -1 : tie(a).localeCompare(tie(b));
};

export async function getSubsidy(db: Db, state: ViewState): Promise<SubsidyResult> {
  const range = resolveRangeWith(await getDataBounds(db), state);
  return computeSubsidy(db, state, range);
}

export async function computeSubsidy(db: Db, state: ViewState, range: ResolvedRange): Promise<SubsidyResult> {
  const interval = state.interval;
  if (state.authors.length) {
    const known = await rowsOf<{ author: string }>(
      db,
      sql`select distinct author from models where kind = 'model' and author = any(${textArray(state.authors)}::text[])`,
    );
    const set = new Set(known.map((k) => k.author));
    const details = state.authors.flatMap((a, i) => (set.has(a) ? [] : [{ path: `query.authors[${i}]`, message: `unknown author "${a}"` }]));
    if (details.length) throw new QueryError(400, details[0].message, details);
  }
  const empty = { authors: new Map<string, AuthorPeriods>(), market: new Map<string, { free: string; paid: string }>(), snapshotIds: [] as number[] };
  const [{ authors, market, snapshotIds }, models] = await Promise.all([
    range.empty ? Promise.resolve(empty) : freePaidByAuthor(db, range, interval),
    range.empty ? Promise.resolve([] as ModelRankRow[]) : modelRanking(db, range),
  ]);
  const all = [...authors.values()];
  const chosen = state.authors.length
    ? state.authors.map((a) => authors.get(a) ?? { author: a, periods: new Map(), free: 0n, paid: 0n })
    : [...all].sort(byBigDesc((a) => a.free + a.paid, (a) => a.author)).slice(0, state.top);
  let mFree = 0n;
  let mPaid = 0n;
  for (const v of market.values()) {
    mFree += BigInt(v.free);
    mPaid += BigInt(v.paid);
  }
  return {
    from: range.from,
    to: range.to,
    newestDay: range.newestDay,
    interval,
    authors: chosen.map((a) => ({
      author: a.author,
      points: subsidyPoints(a.periods, range, interval),
      freeTokens: String(a.free),
      paidTokens: String(a.paid),
      freeShare: freeShareOf(a.free, a.paid),
    })),
    rankingAll: [...all].sort(byBigDesc((a) => a.free + a.paid, (a) => a.author)).slice(0, state.top).map((a) => ({ author: a.author, tokens: String(a.free + a.paid) })),
    rankingPaid: all.filter((a) => a.paid > 0n).sort(byBigDesc((a) => a.paid, (a) => a.author)).slice(0, state.top).map((a) => ({ author: a.author, tokens: String(a.paid) })),
    modelRankingAll: [...models].sort(byBigDesc((m) => BigInt(m.tokens), (m) => m.publicId)).slice(0, state.top),
    modelRankingPaid: models.filter((m) => m.paidTokens !== "0").sort(byBigDesc((m) => BigInt(m.paidTokens), (m) => m.publicId)).slice(0, state.top),
    market: { freeTokens: String(mFree), paidTokens: String(mPaid), freeShare: freeShareOf(mFree, mPaid), points: subsidyPoints(market, range, interval) },
    provenance: await provenanceOf(db, snapshotIds),
  };
}

/** Tokens per permaslug over the range (variants together: all, paid and free), bucket excluded. */
async function modelRanking(db: Db, range: ResolvedRange): Promise<ModelRankRow[]> {
  const rows = await rowsOf<Row>(
    db,
    sql`with t as (
          select u.model_id, sum(u.total_tokens) as tokens from model_usage_daily u
          where u.day between ${range.from}::date and ${range.to}::date group by u.model_id)
        select m.permaslug, min(m.author) as author,
               (array_agg(m.public_id order by (m.variant = 'standard') desc, (m.variant = 'free'), m.public_id))[1] as public_id,
               (array_agg(m.name order by (m.variant = 'standard') desc, (m.variant = 'free'), m.public_id))[1] as name,
               sum(t.tokens)::text as tokens,
               coalesce(sum(t.tokens) filter (where m.variant <> 'free'), 0)::text as paid,
               coalesce(sum(t.tokens) filter (where m.variant = 'free'), 0)::text as free
        from t join models m on m.id = t.model_id
        where m.kind = 'model'
        group by m.permaslug`,
  );
  return rows.map((r) => ({
    publicId: String(r.public_id),
    permaslug: String(r.permaslug),
    name: (r.name as string | null) ?? null,
    author: String(r.author),
    tokens: tokenString(r.tokens),
    paidTokens: tokenString(r.paid),
    freeTokens: tokenString(r.free),
  }));
}
