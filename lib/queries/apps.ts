/**
 * Per-app volume (GET /api/v1/apps, /api/v1/apps/<appId>; the top-apps tables of the model and compare pages).
 * App periods follow the one rule in ./app-volume.ts. When the range has no calendar rows at all (only a
 * source's own windows, e.g. the tracker's top apps per model), the answer falls back to the latest window
 * and says so with `basis: "window"`.
 */
import { OTHERS_KEY } from "@/lib/domain/buckets";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import { stringList } from "@/db/row-values";
import { calendarPeriods, cumulativeSums, shareOf, sumTokens } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith, type ResolvedRange } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";
import { rankAllApps } from "./app-ranking";
import { getAppVolumes, getAppVolumeSeries, getLatestWindows } from "./app-volume";
import { QueryError } from "./errors";
import { provenanceOf } from "./provenance";
import { filterMembers, resolveModelRefs, seriesLabel, type ResolvedSeries } from "./resolve-series";
import { LATEST_PRICE_JOIN, MODEL_SUMMARY_COLUMNS, toModelSummary, type Row } from "./sql";
import type { AppMixResult, AppRow, AppsResult, ModelSummary, Series } from "./types";

export async function getTopApps(db: Db, state: ViewState): Promise<AppsResult> {
  const [bounds, resolved] = await Promise.all([
    getDataBounds(db),
    state.models.length ? resolveModelRefs(db, state.models.slice(0, 1)) : Promise.resolve([]),
  ]);
  const range = resolveRangeWith(bounds, state);
  const series = resolved[0] ? { ...resolved[0], members: filterMembers(resolved[0].members, state.variant) } : null;
  return topAppsFor(db, series, range, state.top);
}

/**
 * Top apps of one series (null = all apps) over a resolved range. Per-model rows are summed over the
 * series' members; for all apps, rows stated for all models are used when the range has any, else the
 * per-model rows summed per app (never both: rule 3).
 */
export async function topAppsFor(db: Db, series: ResolvedSeries | null, range: ResolvedRange, limit: number): Promise<AppsResult> {
  const members = series?.members ?? [];
  const base = { from: range.from, to: range.to, model: series?.key ?? null, members };
  if (series && !members.length) return { ...base, basis: "calendar", coverage: null, apps: [], provenance: await provenanceOf(db, []) };
  const modelIds = members.map((m) => m.modelId);
  const label = series?.key ?? null;
  const toRow = (r: { appId: string; appName: string; tokens: string }): AppRow => ({ appId: r.appId, appName: r.appName, model: label, tokens: r.tokens });

  // 1. Calendar rows in the range.
  if (!range.empty) {
    const attempts = series ? [{ modelIds, sumModels: true }] : [{ allModels: true }, { sumModels: true }];
    for (const a of attempts) {
      const q = { from: range.from, to: range.to, limit, ...a };
      // Every app summed over its models: ranked reading only the apps near the top, when that settles it.
      const v = (!series && a.sumModels && (await rankAllApps(db, q))) || (await getAppVolumes(db, q));
      if (v.rows.length) {
        return { ...base, basis: "calendar", coverage: v.coverage, apps: v.rows.map(toRow), provenance: await provenanceOf(db, v.snapshotIds) };
      }
    }
  }
  // 2. No calendar rows: the latest window the source reported.
  const attempts = series ? [{ modelIds, sumModels: true }] : [{ allModels: true }, { sumModels: true }];
  for (const a of attempts) {
    const w = await getLatestWindows(db, { limit, ...a });
    if (w.length) {
      const from = w.map((r) => r.periodStart).filter((d): d is string => Boolean(d)).sort()[0] ?? null;
      const to = w.map((r) => r.periodEnd).sort().at(-1)!;
      // provenance: every snapshot whose window rows are shown
      return {
        ...base,
        basis: "window",
        coverage: { from, to },
        apps: w.map(toRow),
        provenance: await provenanceOf(db, w.map((r) => r.snapshotId)),
      };
    }
  }
  return { ...base, basis: "calendar", coverage: null, apps: [], provenance: await provenanceOf(db, []) };
}

export async function getAppMix(db: Db, appId: string, state: ViewState): Promise<AppMixResult> {
  const [app] = await rowsOf<Row>(db, sql`select app_id, name, url, categories from apps where app_id = ${appId}`);
  if (!app) throw new QueryError(404, `unknown app "${appId}"`, [{ path: "appId", message: `unknown app "${appId}"` }]);
  const info = { appId: String(app.app_id), name: String(app.name), url: (app.url as string | null) ?? null, categories: stringList(app.categories) };
  const bounds = await getDataBounds(db);
  const range = resolveRangeWith(bounds, state);
  const chosen = state.models.length ? await resolveModelRefs(db, state.models) : null;
  const wanted = chosen?.map((s) => ({ ...s, members: filterMembers(s.members, state.variant) }));
  const modelIds = wanted ? wanted.flatMap((s) => s.members.map((m) => m.modelId)) : undefined;
  const base = { app: info, from: range.from, to: range.to };

  const v = range.empty
    ? null
    : await getAppVolumeSeries(db, { from: range.from, to: range.to, appIds: [appId], modelIds, interval: state.interval });
  if (v && v.rows.length) {
    const interval = v.interval;
    const slots = calendarPeriods(range.from, range.to, interval, range.newestDay);
    const perModel = new Map<number, Map<string, string>>();
    for (const r of v.rows) {
      const m = perModel.get(r.modelId!) ?? new Map<string, string>();
      m.set(r.period, r.tokens);
      perModel.set(r.modelId!, m);
    }
    const appTotals = new Map<string, string>();
    for (const slot of slots) appTotals.set(slot.period, sumTokens([...perModel.values()].map((m) => m.get(slot.period) ?? "0")));
    const summaries = await summariesOf(db, [...perModel.keys()]);
    // Series: the asked models (sums as asked), else each model the app used, biggest first, top N then "others".
    let groups: { key: string; label: string; members: ModelSummary[]; launchDate: string | null }[] = wanted
      ? wanted
      : [...perModel.keys()]
          .map((id) => summaries.get(id)!)
          .map((m) => ({ key: m.publicId, label: seriesLabel([m]), members: [m], launchDate: m.launchDate }));
    const totalOf = (g: { members: ModelSummary[] }) => sumTokens(g.members.flatMap((m) => [...(perModel.get(m.modelId)?.values() ?? [])]));
    if (!wanted) {
      groups.sort((a, b) => (BigInt(totalOf(b)) > BigInt(totalOf(a)) ? 1 : BigInt(totalOf(b)) < BigInt(totalOf(a)) ? -1 : a.key.localeCompare(b.key)));
      if (groups.length > state.top) {
        const rest = groups.slice(state.top);
        groups = [...groups.slice(0, state.top), { key: OTHERS_KEY, label: "Other models", members: rest.flatMap((g) => g.members), launchDate: null }];
      }
    }
    const series: Series[] = groups.map((g) => {
      const values = slots.map((slot) => sumTokens(g.members.map((m) => perModel.get(m.modelId)?.get(slot.period) ?? "0")));
      const cumulative = state.metric === "cumulative" ? cumulativeSums(values) : null;
      return {
        key: g.key,
        label: g.label,
        members: g.members,
        launchDate: g.launchDate,
        points: slots.map((slot, i) => ({
          period: slot.period,
          tokens: values[i],
          value:
            state.metric === "share"
              ? (shareOf(values[i], appTotals.get(slot.period) ?? "0") ?? 0)
              : Number(cumulative ? cumulative[i] : values[i]),
          partial: slot.partial,
          complete: true, // app figures arrive whole: a stored period has every day the source counted
        })),
      };
    });
    return {
      ...base,
      interval,
      basis: "calendar",
      tokens: sumTokens([...appTotals.values()]),
      series,
      provenance: await provenanceOf(db, v.snapshotIds),
    };
  }

  // No calendar rows: the app's latest window per model, one point each (period = the window's first day, or its last when unknown).
  // An app known only from rankings over all models (app-rankings) gets one "All models" series.
  let w = await getLatestWindows(db, { appIds: [appId], modelIds, limit: 1000 });
  if (!w.length && !modelIds) w = await getLatestWindows(db, { appIds: [appId], allModels: true, limit: 1 });
  const summaries = await summariesOf(db, w.flatMap((r) => (r.modelId === null ? [] : [r.modelId])));
  const series: Series[] = w.map((r) => {
    const m = r.modelId === null ? null : summaries.get(r.modelId)!;
    return {
      key: m ? m.publicId : "all",
      label: m ? seriesLabel([m]) : "All models",
      members: m ? [m] : [],
      launchDate: m?.launchDate ?? null,
      points: [{ period: r.periodStart ?? r.periodEnd, tokens: r.tokens, value: Number(r.tokens), partial: true, complete: true }],
    };
  });
  return {
    ...base,
    interval: state.interval,
    basis: "window",
    tokens: sumTokens(w.map((r) => r.tokens)),
    // The newest of the windows (models' latest windows may differ: each point keeps its own start).
    window: w.length ? { from: w.every((r) => r.periodStart) ? [...w.map((r) => r.periodStart!)].sort()[0] : null, to: [...w.map((r) => r.periodEnd)].sort().at(-1)! } : null,
    series,
    provenance: await provenanceOf(db, w.map((r) => r.snapshotId)),
  };
}

async function summariesOf(db: Db, ids: number[]): Promise<Map<number, ModelSummary>> {
  if (!ids.length) return new Map();
  const rows = await rowsOf<Row>(
    db,
    sql`select ${MODEL_SUMMARY_COLUMNS} from models m ${LATEST_PRICE_JOIN} where m.id = any(${plainArray([...new Set(ids)])}::int4[])`,
  );
  return new Map(rows.map((r) => [Number(r.model_id), toModelSummary(r)]));
}
