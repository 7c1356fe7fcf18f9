/**
 * Side-by-side comparison (GET /api/v1/compare, the compare page): specs, totals over the range, the top
 * app of each model, ratios and estimated spend.
 *
 * - Specs of a series are its first member's (context, listed price); launch = the earliest member launch.
 * - Top app: calendar app rows in the range (./app-volume.ts rule); when a model has none, its latest window
 *   rows (the source's own window), and `topAppBasis` says which.
 * - Ratios: the first model ÷ each model (see CompareResult.ratios).
 * - A series with no day rows in the range but a source's windows there is totalled from those windows,
 *   each counted whole, never mixed with days (./window-spend.ts); `estimatedFrom` says which.
 * - Estimated spend = Σ over the model's days of tokens × the list price in effect that day (the newest
 *   model_prices row on or before the day, else the earliest one known): prompt tokens × input price +
 *   completion tokens × output price when the day has the split, else all tokens × input price (a lower
 *   bound: output is dearer). Cache discounts, reasoning and per-request fees are ignored; free variants
 *   cost 0; a member with no listed price (dynamic routers) makes the estimate null.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import { ratioOfBigInts } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith, type ResolvedRange } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";
import { topAppsFor } from "./apps";
import { getEvents } from "./events";
import { QueryError } from "./errors";
import { mergeProvenance, provenanceOf, snapshotIdsOf } from "./provenance";
import { filterMembers, resolveModelRefs, type ResolvedSeries } from "./resolve-series";
import { tokenString, type Row } from "./sql";
import { windowTotals } from "./window-spend";
import type { CompareModel, CompareResult } from "./types";

export const MAX_COMPARE = 6;

interface Totals {
  tokens: string;
  spend: number | null;
  basis: CompareModel["estimatedSpendBasis"];
}

async function totalsAndSpend(db: Db, series: ResolvedSeries[], range: ResolvedRange) {
  const idx: number[] = [];
  const ids: number[] = [];
  series.forEach((s, i) => s.members.forEach((m) => (idx.push(i), ids.push(m.modelId))));
  const totals = series.map<Totals>(() => ({ tokens: "0", spend: null, basis: null }));
  const withDays = series.map(() => false);
  if (!ids.length || range.empty) return { totals, snapshotIds: [] as number[], withDays };
  const rows = await rowsOf<Row>(
    db,
    sql`with s as (select * from unnest(${plainArray(idx)}::int4[], ${plainArray(ids)}::int4[]) as x(series, model_id)),
        d as (
          select s.series, u.day, u.model_id, u.total_tokens, u.prompt_tokens, u.completion_tokens, u.snapshot_id,
                 (u.prompt_tokens is not null and u.completion_tokens is not null) as split
          from model_usage_daily u join s on s.model_id = u.model_id
          where u.day between ${range.from}::date and ${range.to}::date),
        priced as (
          -- free variants cost nothing, listed price or not
          select d.*, case when m.variant = 'free' then 0 else p.input_per_m end as input_per_m,
                 case when m.variant = 'free' then 0 else p.output_per_m end as output_per_m,
                 case when m.variant = 'free' then null else p.snapshot_id end as price_snapshot_id
          from d join models m on m.id = d.model_id left join lateral (
            select mp.input_per_m, mp.output_per_m, mp.snapshot_id from model_prices mp
            where mp.model_id = d.model_id
            order by (mp.day > d.day), abs(mp.day - d.day) limit 1) p on true)
        select series, sum(total_tokens)::text as tokens,
               sum(case when split then prompt_tokens * input_per_m + completion_tokens * output_per_m
                        else total_tokens * input_per_m end / 1000000)::float8 as spend,
               bool_or(input_per_m is null or (split and output_per_m is null)) as unpriced,
               bool_or(split) as any_split, bool_and(split) as all_split,
               array_agg(distinct snapshot_id) as snaps,
               array_agg(distinct price_snapshot_id) filter (where price_snapshot_id is not null) as price_snaps
        from priced group by series`,
  );
  for (const r of rows) {
    withDays[Number(r.series)] = true;
    totals[Number(r.series)] = {
      tokens: tokenString(r.tokens),
      spend: r.unpriced ? null : Number(r.spend),
      basis: r.all_split ? "prompt-completion" : r.any_split ? "mixed" : "input-only",
    };
  }
  // The catalogue snapshots whose prices priced each day are sources of the spend as much as the usage is.
  return { totals, snapshotIds: snapshotIdsOf([...rows.map((r) => r.snaps), ...rows.map((r) => r.price_snaps)]), withDays };
}

/** The catalogue snapshots of the latest listed prices (the specs' prices and the price ratios). */
async function latestPriceSnapshots(db: Db, series: ResolvedSeries[]): Promise<number[]> {
  const ids = series.flatMap((s) => s.members.map((m) => m.modelId));
  if (!ids.length) return [];
  const rows = await rowsOf<{ snapshot_id: number }>(
    db,
    sql`select distinct on (model_id) snapshot_id from model_prices where model_id = any(${plainArray(ids)}::int4[]) order by model_id, day desc`,
  );
  return rows.map((r) => Number(r.snapshot_id));
}

/** Whether any member of each series has a free variant (itself, or a `:free` model with the same permaslug). */
async function freeVariants(db: Db, series: ResolvedSeries[]): Promise<Set<string>> {
  const slugs = [...new Set(series.flatMap((s) => s.members.map((m) => m.permaslug)))];
  if (!slugs.length) return new Set();
  const rows = await rowsOf<{ permaslug: string }>(
    db,
    sql`select distinct permaslug from models where kind = 'model' and variant = 'free' and permaslug = any(${textArray(slugs)}::text[])`,
  );
  return new Set(rows.map((r) => r.permaslug));
}

/** first ÷ other for decimal strings or numbers; null when either is missing or the divisor is 0. */
export function ratio(first: string | number | null | undefined, other: string | number | null | undefined): number | null {
  if (first === null || first === undefined || other === null || other === undefined) return null;
  if (typeof first === "string" && typeof other === "string" && /^\d+$/.test(first) && /^\d+$/.test(other)) {
    return BigInt(other) === 0n ? null : ratioOfBigInts(BigInt(first), BigInt(other));
  }
  const a = Number(first);
  const b = Number(other);
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : null;
}

export async function getCompare(db: Db, state: ViewState): Promise<CompareResult> {
  if (!state.models.length) throw new QueryError(400, "models is required", [{ path: "query.models", message: "name 1 to 6 models to compare" }]);
  if (state.models.length > MAX_COMPARE) {
    throw new QueryError(400, `at most ${MAX_COMPARE} models`, [{ path: "query.models", message: `at most ${MAX_COMPARE} models can be compared (got ${state.models.length})` }]);
  }
  const [bounds, resolved] = await Promise.all([getDataBounds(db), resolveModelRefs(db, state.models)]);
  const series = resolved.map((s) => ({ ...s, members: filterMembers(s.members, state.variant) }));
  const range = resolveRangeWith(bounds, state);
  const [{ totals, snapshotIds, withDays }, priceSnapshots, frees, apps, events] = await Promise.all([
    totalsAndSpend(db, series, range),
    latestPriceSnapshots(db, series),
    freeVariants(db, series),
    Promise.all(series.map((s) => topAppsFor(db, s, range, 1))),
    getEvents(db, { modelIds: series.flatMap((s) => s.members.map((m) => m.modelId)), from: null, to: null }),
  ]);
  // A series with no day rows in the range is totalled from its source windows (never both).
  const fromWindows = await windowTotals(db, series, range, series.map((_, i) => !withDays[i]));
  const models: CompareModel[] = series.map((s, i) => {
    const first = s.members[0];
    const launches = s.members.map((m) => m.launchDate).filter((d): d is string => Boolean(d)).sort();
    const top = apps[i].apps[0] ?? null;
    const w = fromWindows[i];
    return {
      key: s.key,
      label: s.label,
      members: s.members,
      tokens: w ? w.tokens : totals[i].tokens,
      reported: Boolean(w) || withDays[i],
      launchDate: launches[0] ?? null,
      contextLength: first?.contextLength ?? null,
      inputPerM: first?.inputPerM ?? null,
      outputPerM: first?.outputPerM ?? null,
      priceListed: first?.priceListed ?? false,
      free: s.members.some((m) => m.free),
      hasFreeVariant: s.members.some((m) => m.free || frees.has(m.permaslug)),
      topApp: top,
      topAppBasis: top ? apps[i].basis : null,
      estimatedSpendUsd: w ? w.spend : totals[i].spend,
      estimatedSpendBasis: w ? w.basis : totals[i].basis,
      estimatedFrom: w ? "windows" : "days",
      ...(w ? { windowCoverage: w.coverage } : {}),
    };
  });
  const base = models[0];
  const ratios = models.map((m) => {
    // A windows total (each window whole) and a days total cover different spans: no ratio between them.
    const comparable = m.estimatedFrom === base.estimatedFrom;
    return {
      key: m.key,
      base: base.key,
      tokens: comparable && base.reported && m.reported ? ratio(base.tokens, m.tokens) : null,
      topApp: ratio(base.topApp?.tokens, m.topApp?.tokens),
      inputPrice: ratio(base.inputPerM, m.inputPerM),
      outputPrice: ratio(base.outputPerM, m.outputPerM),
      context: ratio(base.contextLength, m.contextLength),
      spend: comparable ? ratio(base.estimatedSpendUsd, m.estimatedSpendUsd) : null,
    };
  });
  const provenance = mergeProvenance([
    await provenanceOf(db, [...snapshotIds, ...priceSnapshots, ...fromWindows.flatMap((w) => w?.snapshotIds ?? [])]),
    ...apps.map((a) => a.provenance),
    events.provenance,
  ]);
  return { from: range.from, to: range.to, newestDay: range.newestDay, models, ratios, events: events.events, provenance };
}
