/**
 * The overview page in one call.
 * - Latest week = the 7 days ending at the range's last day (default: the newest stored day), against the
 *   7 days before; share = tokens / all tokens of the week (`other` bucket included in the denominator).
 * - Top models and authors by tokens in the latest week, with week-over-week change.
 * - Share of all tokens over the range: the top `state.top` models of the range, then "Others".
 * - Biggest movers: largest week-over-week change in share (up and down), among models with tokens in either week.
 * - Market free share: free variants / all named models (bucket excluded), per period and for the latest week.
 */
import { vendorName } from "@/lib/domain/vendors";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { addDays, maxDay, shareOf } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";
import { mergeProvenance, provenanceOf, snapshotIdsOf } from "./provenance";
import { seriesLabel } from "./resolve-series";
import { LATEST_PRICE_JOIN, MODEL_SUMMARY_COLUMNS, toModelSummary, tokenString, type Row } from "./sql";
import { computeSubsidy } from "./subsidy";
import type { ModelSummary, OverviewResult, RankedItem } from "./types";
import { computeUsage, topModelSeries } from "./usage";

function ranked(key: string, label: string, tokens: string, prev: string, total: string, prevTotal: string): RankedItem {
  const t = BigInt(tokens);
  const p = BigInt(prev);
  return {
    key,
    label,
    tokens,
    previousTokens: prev,
    change: p === 0n ? null : Number(t - p) / Number(p),
    share: shareOf(tokens, total) ?? 0,
    previousShare: shareOf(prev, prevTotal) ?? 0,
  };
}

export async function getOverview(db: Db, state: ViewState): Promise<OverviewResult> {
  const bounds = await getDataBounds(db);
  const range = resolveRangeWith(bounds, state);
  const weekTo = range.empty ? null : range.to;
  const week = weekTo
    ? { from: addDays(weekTo, -6), to: weekTo, previousFrom: addDays(weekTo, -13), previousTo: addDays(weekTo, -7) }
    : null;

  // Independent reads run concurrently: the latest weeks per model with the range's top models, then the charts.
  const topP = range.empty ? Promise.resolve([]) : topModelSeries(db, range.from, range.to, state.top);
  const weekly = week
    ? await rowsOf<Row>(
        db,
        sql`with g as (
              select u.model_id, u.snapshot_id,
                     sum(u.total_tokens) filter (where u.day >= ${week.from}::date) as tokens,
                     sum(u.total_tokens) filter (where u.day < ${week.from}::date) as prev
              from model_usage_daily u
              where u.day between ${week.previousFrom}::date and ${week.to}::date
              group by 1, 2),
            t as (select model_id, coalesce(sum(tokens), 0) as tokens, coalesce(sum(prev), 0) as prev, array_agg(snapshot_id) as snaps from g group by 1)
            select ${MODEL_SUMMARY_COLUMNS}, m.kind, t.tokens::text as tokens, t.prev::text as prev, t.snaps
            from t join models m on m.id = t.model_id ${LATEST_PRICE_JOIN}`,
      )
    : [];
  let total = 0n;
  let prevTotal = 0n;
  for (const r of weekly) {
    total += BigInt(tokenString(r.tokens));
    prevTotal += BigInt(tokenString(r.prev));
  }
  const T = String(total);
  const P = String(prevTotal);
  const models = weekly
    .filter((r) => r.kind === "model")
    .map((r) => {
      const model: ModelSummary = toModelSummary(r);
      return { ...ranked(model.publicId, seriesLabel([model]), tokenString(r.tokens), tokenString(r.prev), T, P), model };
    });
  const byTokens = [...models].sort((a, b) => cmpBig(b.tokens, a.tokens) || a.key.localeCompare(b.key));
  const authors = new Map<string, { tokens: bigint; prev: bigint }>();
  for (const m of models) {
    const a = authors.get(m.model.author) ?? { tokens: 0n, prev: 0n };
    a.tokens += BigInt(m.tokens);
    a.prev += BigInt(m.previousTokens);
    authors.set(m.model.author, a);
  }
  const topAuthors = [...authors.entries()]
    .map(([author, a]) => ranked(`author:${author}`, vendorName(author), String(a.tokens), String(a.prev), T, P))
    .sort((a, b) => cmpBig(b.tokens, a.tokens) || a.key.localeCompare(b.key))
    .slice(0, state.top);
  const movers = models.map((m) => ({ ...m, shareChange: m.share - m.previousShare }));
  const up = movers.filter((m) => m.shareChange > 0).sort((a, b) => b.shareChange - a.shareChange).slice(0, 5);
  const down = movers.filter((m) => m.shareChange < 0).sort((a, b) => a.shareChange - b.shareChange).slice(0, 5);

  const top = await topP;
  const calendar = { ...state, align: "calendar" as const };
  const [share, subsidy, weekFree] = await Promise.all([
    computeUsage(db, top, range, { interval: state.interval, align: "calendar", metric: "share", variant: "all", withOthers: true }),
    computeSubsidy(db, { ...calendar, authors: [], top: 1 }, range, { modelRankings: false }),
    week
      ? computeSubsidy(db, { ...calendar, authors: [], top: 1, interval: "day" }, { ...range, from: maxDay(week.from, range.from), to: week.to }, { modelRankings: false })
      : Promise.resolve(null),
  ]);

  return {
    week,
    totalTokens: T,
    previousTotalTokens: P,
    topModels: byTokens.slice(0, state.top),
    topAuthors,
    share,
    movers: { up, down },
    freeShare: { points: subsidy.market.points, week: weekFree?.market.freeShare ?? null },
    provenance: mergeProvenance([await provenanceOf(db, snapshotIdsOf(weekly.map((r) => r.snaps))), share.provenance, subsidy.provenance]),
  };
}

function cmpBig(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}
