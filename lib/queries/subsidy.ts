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
import { textArray } from "@/db/pg-array";
import { stringList } from "@/db/row-values";
import { calendarPeriods, freeShareOf, shareOf } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith, type ResolvedRange } from "@/lib/view/range";
import type { Interval, ViewState } from "@/lib/view/state";
import { assertKnownAuthors } from "./authors";
import { provenanceOf, snapshotIdsOf } from "./provenance";
import { rankModels } from "./model-ranking";
import { sqlCalendarKey, tokenString, type Row } from "./sql";
import type { ModelRankRow, SubsidyPoint, SubsidyResult } from "./types";

interface AuthorPeriods {
  author: string;
  periods: Map<string, { free: string; paid: string }>;
  free: bigint;
  paid: bigint;
}

/**
 * Free and paid tokens from the daily rollup (bucket excluded), in one statement: per (author, period) for
 * the chosen authors (`authors`, else the top `top` by all tokens), per period for the market, per author over
 * the range (rankings), and the contributing snapshots.
 */
async function freePaidByAuthor(db: Db, range: ResolvedRange, interval: Interval, authors: string[], top: number) {
  const chosen = authors.length
    ? sql`select unnest(${textArray(authors)}::text[]) as author`
    : sql`select author from tot order by free + paid desc, author limit ${top}`;
  const rows = await rowsOf<Row>(
    db,
    sql`with g as (
          select r.author, ${sqlCalendarKey(sql`r.day`, interval)} as p,
                 coalesce(sum(r.total_tokens) filter (where r.is_free), 0) as free,
                 coalesce(sum(r.total_tokens) filter (where not r.is_free), 0) as paid
          from usage_daily_rollup r
          where not r.is_bucket and r.day between ${range.from}::date and ${range.to}::date
          group by 1, 2),
        tot as (select author, sum(free) as free, sum(paid) as paid from g group by author),
        chosen as (${chosen})
        select 'a' as k, g.author, g.p::text as p, g.free::text as free, g.paid::text as paid, null::int8[] as snaps
          from g join chosen c on c.author = g.author
        union all
        select 'm', null, g.p::text, sum(g.free)::text, sum(g.paid)::text, null from g group by g.p
        union all
        select 't', tot.author, null, tot.free::text, tot.paid::text, null from tot
        union all
        select 's', null, null, null, null,
               (select array_agg(distinct r.snapshot_id) from usage_daily_rollup r
                where not r.is_bucket and r.day between ${range.from}::date and ${range.to}::date)`,
  );
  const byAuthor = new Map<string, AuthorPeriods>();
  const market = new Map<string, { free: string; paid: string }>();
  let snapshotIds: number[] = [];
  const entry = (author: string) => {
    let a = byAuthor.get(author);
    if (!a) byAuthor.set(author, (a = { author, periods: new Map(), free: 0n, paid: 0n }));
    return a;
  };
  for (const r of rows) {
    const v = { free: tokenString(r.free), paid: tokenString(r.paid) };
    if (r.k === "a") entry(String(r.author)).periods.set(String(r.p), v);
    else if (r.k === "m") market.set(String(r.p), v);
    else if (r.k === "t") Object.assign(entry(String(r.author)), { free: BigInt(v.free), paid: BigInt(v.paid) });
    else snapshotIds = snapshotIdsOf(r.snaps);
  }
  return { authors: byAuthor, market, snapshotIds };
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

/** `modelRankings: false` skips the model rankings (callers that only need the per-author or market figures). */
export async function computeSubsidy(db: Db, state: ViewState, range: ResolvedRange, opts: { modelRankings?: boolean } = {}): Promise<SubsidyResult> {
  const interval = state.interval;
  const empty = { authors: new Map<string, AuthorPeriods>(), market: new Map<string, { free: string; paid: string }>(), snapshotIds: [] as number[] };
  const [, { authors, market, snapshotIds }, models, unseen] = await Promise.all([
    assertKnownAuthors(db, state.authors),
    range.empty ? Promise.resolve(empty) : freePaidByAuthor(db, range, interval, state.authors, state.top),
    range.empty || opts.modelRankings === false ? Promise.resolve([] as ModelRankRow[]) : rankModels(db, range, state.top),
    unseenShares(db, range),
  ]);
  const all = [...authors.values()];
  const chosen = state.authors.length
    ? state.authors.map((a) => authors.get(a) ?? { author: a, periods: new Map(), free: 0n, paid: 0n })
    : all.filter((a) => a.periods.size > 0).sort(byBigDesc((a) => a.free + a.paid, (a) => a.author)); // the SQL chose them
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
      unreportedFreeVariants: unseen.freeVariants.get(a.author) ?? [],
    })),
    rankingAll: [...all].sort(byBigDesc((a) => a.free + a.paid, (a) => a.author)).slice(0, state.top).map((a) => ({ author: a.author, tokens: String(a.free + a.paid) })),
    rankingPaid: all.filter((a) => a.paid > 0n).sort(byBigDesc((a) => a.paid, (a) => a.author)).slice(0, state.top).map((a) => ({ author: a.author, tokens: String(a.paid) })),
    modelRankingAll: [...models].sort(byBigDesc((m) => BigInt(m.tokens), (m) => m.publicId)).slice(0, state.top),
    modelRankingPaid: models.filter((m) => m.paidTokens !== "0").sort(byBigDesc((m) => BigInt(m.paidTokens), (m) => m.publicId)).slice(0, state.top),
    market: { freeTokens: String(mFree), paidTokens: String(mPaid), freeShare: freeShareOf(mFree, mPaid), points: subsidyPoints(market, range, interval) },
    otherShare: unseen.otherShare,
    provenance: await provenanceOf(db, snapshotIds),
  };
}

/**
 * What free shares cannot see: the share of all tokens in the `other` bucket over the range (models below the
 * source's published top N, whose free/paid split is unknown), and per author the free variants the catalogue
 * lists that have no reported tokens in the range (Google's Gemma free variants on the real data).
 */
async function unseenShares(db: Db, range: ResolvedRange): Promise<{ otherShare: number | null; freeVariants: Map<string, string[]> }> {
  if (range.empty) return { otherShare: null, freeVariants: new Map() };
  const [totals, free] = await Promise.all([
    rowsOf<Row>(
      db,
      sql`select coalesce(sum(total_tokens) filter (where is_bucket), 0)::text as bucket, coalesce(sum(total_tokens), 0)::text as total
          from usage_daily_rollup where day between ${range.from}::date and ${range.to}::date`,
    ),
    rowsOf<Row>(
      db,
      sql`select m.author, array_agg(m.public_id order by m.public_id) as ids from models m
          where m.kind = 'model' and m.variant = 'free' and m.in_catalogue
            and not exists (select 1 from model_usage_daily u where u.model_id = m.id and u.day between ${range.from}::date and ${range.to}::date)
          group by m.author`,
    ),
  ]);
  const t = totals[0];
  return {
    otherShare: t ? shareOf(tokenString(t.bucket), tokenString(t.total)) : null,
    freeVariants: new Map(free.map((r) => [String(r.author), stringList(r.ids)])),
  };
}
