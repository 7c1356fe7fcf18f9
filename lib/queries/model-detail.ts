/**
 * The model page in one call: specs, price history (model_prices change points), the variants of the same
 * permaslug (free vs paid) with their tokens, the adoption curve, the variant split over time and top apps.
 */
import { sql } from "drizzle-orm";
import { getEvents } from "./events";
import { rowsOf, type Db } from "@/db";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";
import { topAppsFor } from "./apps";
import { modelsWithTokens } from "./models";
import { mergeProvenance, provenanceOf, snapshotIdsOf } from "./provenance";
import { resolveModelRef, seriesLabel, type ResolvedSeries } from "./resolve-series";
import type { Row } from "./sql";
import type { ModelDetailResult, PricePoint } from "./types";
import { computeUsage } from "./usage";

/** Consecutive equal prices collapse into one point that holds until the next change (pure). */
export function priceChangePoints(rows: { day: string; input: string | null; output: string | null; cacheRead: string | null }[]): PricePoint[] {
  const out: PricePoint[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.inputPerM === r.input && last.outputPerM === r.output && last.cacheReadPerM === r.cacheRead) {
      last.to = r.day;
      continue;
    }
    out.push({ from: r.day, to: r.day, inputPerM: r.input, outputPerM: r.output, cacheReadPerM: r.cacheRead });
  }
  return out;
}

export async function getModelDetail(db: Db, ref: string, state: ViewState): Promise<ModelDetailResult> {
  const model = await resolveModelRef(db, ref);
  const bounds = await getDataBounds(db);
  const { inCatalogue: _, ...summary } = model;
  const first = await rowsOf<{ first: string | null }>(db, sql`select min(day)::text as first from model_usage_daily where model_id = ${model.modelId}`);
  const series: ResolvedSeries = { key: model.publicId, label: seriesLabel([summary]), members: [summary], launchDate: model.launchDate ?? first[0]?.first ?? null };
  const range = resolveRangeWith(bounds, state, { defaultFrom: state.align === "launch" ? series.launchDate : null });

  const [prices, variants] = await Promise.all([
    rowsOf<Row>(
      db,
      sql`select day::text as day, trim_scale(input_per_m)::text as input, trim_scale(output_per_m)::text as output,
                 trim_scale(cache_read_per_m)::text as cache_read, snapshot_id
          from model_prices where model_id = ${model.modelId} order by day`,
    ),
    modelsWithTokens(db, { from: range.empty ? null : range.from, to: range.empty ? null : range.to, permaslugs: [model.permaslug] }),
  ]);
  const variantSeries: ResolvedSeries[] = variants.models.map((v) => ({ key: v.publicId, label: seriesLabel([v]), members: [v], launchDate: v.launchDate ?? series.launchDate }));
  const opts = { interval: state.interval, align: state.align, metric: state.metric, variant: "all" as const, days: state.days };
  const [adoption, variantSplit, apps, events] = await Promise.all([
    computeUsage(db, [series], range, opts),
    computeUsage(db, variantSeries, range, { ...opts, align: "calendar" }),
    topAppsFor(db, series, range, state.top),
    getEvents(db, { modelIds: [model.modelId], from: null, to: null }),
  ]);
  return {
    model,
    variants: variants.models,
    priceHistory: priceChangePoints(
      prices.map((p) => ({ day: String(p.day), input: (p.input as string | null) ?? null, output: (p.output as string | null) ?? null, cacheRead: (p.cache_read as string | null) ?? null })),
    ),
    adoption,
    variantSplit,
    apps,
    events: events.events,
    provenance: mergeProvenance([
      adoption.provenance,
      events.provenance,
      variantSplit.provenance,
      apps.provenance,
      await provenanceOf(db, snapshotIdsOf([...prices.map((p) => p.snapshot_id), ...variants.snapshotIds])),
    ]),
  };
}
