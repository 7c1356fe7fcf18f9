/**
 * Token time series (GET /api/v1/usage, the adoption curves of the compare, model and overview pages).
 *
 * - Series: `state.models` (each entry a model or an `a+b` sum), else `state.authors` (all of an author's
 *   models, the `other` bucket never included), else the top `state.top` models by tokens in the range.
 * - `variant=paid|free` keeps only the members of that kind (paid = every variant but `free`).
 * - Periods: lib/view/periods.ts (ISO weeks, calendar months, UTC; launch alignment by day index).
 * - metric: tokens; cumulative = running sum from the range's first period; share = series tokens / all
 *   tokens of the same days (every model and the `other` bucket in the denominator).
 * Aggregation happens in Postgres: one grouped query for the series and, for `share`, one for the totals.
 */
import { OTHERS_KEY } from "@/lib/domain/buckets";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import { alignedPeriods, alignedSlot, calendarPeriods, daysBetween, shareOf, type PeriodSlot } from "@/lib/view/periods";
import { getDataBounds, resolveRangeWith, type DataBounds, type ResolvedRange } from "@/lib/view/range";
import type { Align, Interval, Metric, VariantFilter, ViewState } from "@/lib/view/state";
import { seriesCoverage } from "./coverage";
import { provenanceOf, snapshotIdsOf } from "./provenance";
import { filterMembers, resolveAuthors, resolveModelRefs, seriesLabel, type ResolvedSeries } from "./resolve-series";
import { modelTotals } from "./model-totals";
import { modelWindows, reachOf, type ModelWindow } from "./model-windows";
import { LATEST_PRICE_JOIN, MODEL_SUMMARY_COLUMNS, sqlAlignedKey, sqlCalendarKey, toModelSummary, tokenString, type Row } from "./sql";
import type { Provenance, Series, SeriesPoint, UsageResult } from "./types";

export interface UsageOptions {
  interval: Interval;
  align: Align;
  metric: Metric;
  variant: VariantFilter;
  /** Add an "others" series: all tokens (every model and the bucket) minus the given series. Calendar only. */
  withOthers?: boolean;
  /** Launch alignment: the first N days after each launch (null = as far as the data goes). */
  days?: number | null;
}

/**
 * Launch alignment has its own axis: the calendar range does not clip it. Every series runs from its own
 * day 0 (or the oldest stored day, when it launched before the data starts) to the newest stored day.
 */
function launchRange(range: ResolvedRange, series: ResolvedSeries[]): ResolvedRange {
  if (!range.oldestDay || !range.newestDay) return range;
  const first = earliestLaunch(series);
  const from = first && first > range.oldestDay ? first : range.oldestDay;
  return { ...range, from, to: range.newestDay, empty: from > range.newestDay };
}

/** Days of data each series has after its launch (capped by `days`): the shortest is the common horizon. */
function launchHorizon(series: ResolvedSeries[], range: ResolvedRange, days: number | null): number | null {
  if (!range.newestDay) return null;
  const spans = series.filter((s) => s.launchDate).map((s) => Math.min(days ?? Infinity, daysBetween(range.newestDay!, s.launchDate!) + 1));
  return spans.length ? Math.max(0, Math.min(...spans)) : null;
}

export async function getUsage(db: Db, state: ViewState): Promise<UsageResult> {
  const boundsP = getDataBounds(db);
  const named = state.models.length || state.authors.length;
  // Named series resolve in parallel with the data bounds (one round trip fewer).
  const [bounds, series] = named
    ? await Promise.all([boundsP, seriesOfState(db, state, null)])
    : await boundsP.then(async (b) => [b, await seriesOfState(db, state, b)] as const);
  const range = resolveRangeWith(bounds, state, { defaultFrom: state.align === "launch" ? earliestLaunch(series) : null });
  return computeUsage(db, series, range, state);
}

/** The series a view asks for (see the module comment), members already filtered by `state.variant`. */
async function seriesOfState(db: Db, state: ViewState, bounds: DataBounds | null): Promise<ResolvedSeries[]> {
  let series: ResolvedSeries[];
  if (state.models.length) series = await resolveModelRefs(db, state.models);
  else if (state.authors.length) series = await resolveAuthors(db, state.authors);
  else {
    const range = resolveRangeWith(bounds ?? (await getDataBounds(db)), state);
    series = range.empty ? [] : await topModelSeries(db, range.from, range.to, state.top, state.variant);
  }
  return series.map((s) => ({ ...s, members: filterMembers(s.members, state.variant) }));
}

function earliestLaunch(series: ResolvedSeries[]): string | null {
  return series.map((s) => s.launchDate).filter((d): d is string => Boolean(d)).sort()[0] ?? null;
}

/** The top `limit` models by tokens over [from, to] as single-model series (bucket excluded). */
export async function topModelSeries(db: Db, from: string, to: string, limit: number, variant: VariantFilter = "all"): Promise<ResolvedSeries[]> {
  const variantFilter =
    variant === "free" ? sql`and m.variant = 'free'` : variant === "paid" ? sql`and m.variant <> 'free'` : sql``;
  const rows = await rowsOf<Row>(
    db,
    sql`with t as ${modelTotals(from, to)}
        select ${MODEL_SUMMARY_COLUMNS}, coalesce(m.launch_date, (select min(d.day) from model_usage_daily d where d.model_id = m.id))::text as day0
        from t join models m on m.id = t.model_id ${LATEST_PRICE_JOIN}
        where m.kind = 'model' ${variantFilter}
        order by t.tokens desc, m.public_id
        limit ${limit}`,
  );
  return rows.map((r) => {
    const m = toModelSummary(r);
    return { key: m.publicId, label: seriesLabel([m]), members: [m], launchDate: (r.day0 as string | null) ?? null };
  });
}

interface Agg {
  tokens: Map<string, string>; // period key → tokens
  /** period key → (model, day) rows stored: fewer than expected means some day was not reported. */
  days: Map<string, number>;
}

/** Tokens per (series, period) and the contributing snapshots, in one grouped query. */
async function seriesTokens(db: Db, series: ResolvedSeries[], range: ResolvedRange, interval: Interval, align: Align) {
  const seriesIdx: number[] = [];
  const modelIds: number[] = [];
  const launches: (string | null)[] = [];
  series.forEach((s, i) =>
    s.members.forEach((m) => {
      if (align === "launch" && !s.launchDate) return;
      seriesIdx.push(i);
      modelIds.push(m.modelId);
      launches.push(s.launchDate);
    }),
  );
  const out = series.map<Agg>(() => ({ tokens: new Map(), days: new Map() }));
  if (!modelIds.length || range.empty) return { aggs: out, snapshotIds: [] as number[] };
  const key = align === "launch" ? sqlAlignedKey(sql`u.day`, sql`s.launch`, interval) : sqlCalendarKey(sql`u.day`, interval);
  const rows = await rowsOf<Row>(
    db,
    sql`with s as (
          select * from unnest(${plainArray(seriesIdx)}::int4[], ${plainArray(modelIds)}::int4[], ${plainArray(launches)}::date[])
            as x(series, model_id, launch)),
        g as (
          select s.series, ${key} as p, u.snapshot_id, sum(u.total_tokens) as tokens, count(*) as days
          from model_usage_daily u join s on s.model_id = u.model_id
          where u.day between ${range.from}::date and ${range.to}::date
          group by 1, 2, 3)
        select series, p::text as p, sum(tokens)::text as tokens, sum(days)::int4 as days, array_agg(snapshot_id) as snaps
        from g group by g.series, g.p`,
  );
  const snaps: unknown[] = [];
  for (const r of rows) {
    out[Number(r.series)].tokens.set(String(r.p), tokenString(r.tokens));
    out[Number(r.series)].days.set(String(r.p), Number(r.days));
    snaps.push(r.snaps);
  }
  return { aggs: out, snapshotIds: snapshotIdsOf(snaps) };
}

/**
 * All tokens per period (every model and the `other` bucket), from the daily rollup (a few rows per day
 * whatever the number of models): calendar periods once, or per series for launch alignment (each series'
 * periods cover different calendar days).
 */
async function totalTokens(db: Db, series: ResolvedSeries[], range: ResolvedRange, interval: Interval, align: Align) {
  if (range.empty) return { totals: series.map(() => new Map<string, string>()), snapshotIds: [] as number[] };
  if (align === "calendar") {
    const rows = await rowsOf<Row>(
      db,
      sql`with g as (
            select ${sqlCalendarKey(sql`r.day`, interval)} as p, r.snapshot_id, sum(r.total_tokens) as tokens
            from usage_daily_rollup r where r.day between ${range.from}::date and ${range.to}::date
            group by 1, 2)
          select p::text as p, sum(tokens)::text as tokens, array_agg(snapshot_id) as snaps from g group by g.p`,
    );
    const totals = new Map(rows.map((r) => [String(r.p), tokenString(r.tokens)]));
    return { totals: series.map(() => totals), snapshotIds: snapshotIdsOf(rows.map((r) => r.snaps)) };
  }
  const idx = series.map((_, i) => i).filter((i) => series[i].launchDate);
  const totals = series.map(() => new Map<string, string>());
  if (!idx.length) return { totals, snapshotIds: [] as number[] };
  const rows = await rowsOf<Row>(
    db,
    sql`with s as (select * from unnest(${plainArray(idx)}::int4[], ${plainArray(idx.map((i) => series[i].launchDate))}::date[]) as x(series, launch)),
        d as (
          select r.day, r.snapshot_id, sum(r.total_tokens) as tokens from usage_daily_rollup r
          where r.day between ${range.from}::date and ${range.to}::date group by 1, 2)
        select s.series, ${sqlAlignedKey(sql`d.day`, sql`s.launch`, interval)}::text as p, sum(d.tokens)::text as tokens,
               array_agg(distinct d.snapshot_id) as snaps
        from d cross join s group by 1, 2`,
  );
  for (const r of rows) totals[Number(r.series)].set(String(r.p), tokenString(r.tokens));
  return { totals, snapshotIds: snapshotIdsOf(rows.map((r) => r.snaps)) };
}

/** Periods a series shows: the range's periods, plus any period the data has outside them (usage before launch). */
function slotsOf(s: ResolvedSeries, data: Map<string, string>, range: ResolvedRange, interval: Interval, align: Align): PeriodSlot[] {
  if (range.empty) return [];
  if (align === "calendar") return calendarPeriods(range.from, range.to, interval, range.newestDay);
  if (!s.launchDate) return [];
  const launch = s.launchDate;
  const slots = alignedPeriods(launch, range.from, range.to, interval, range.newestDay);
  const have = new Set(slots.map((p) => p.period));
  const extra = [...data.keys()].filter((k) => !have.has(k)).map((k) => alignedSlot(Number(k), launch, interval, range.from, range.to, range.newestDay));
  return [...extra, ...slots].sort((a, b) => Number(a.period) - Number(b.period));
}

/** How much of a period a series' data covers: (model, day) rows stored against rows expected (lib/queries/coverage.ts). */
export interface SlotCoverage {
  stored: number;
  expected: number;
  /** The period ends before the series' day 0: absent, not unreported. */
  beforeDay0: boolean;
}

/**
 * Points of one series for a metric, from exact tokens per period (pure; unit-tested). A period with no
 * reported day is unreported (tokens and value null); one with some days unreported is incomplete (the sum
 * of the reported days, `complete: false`); periods before day 0 are left out. Cumulative values carry
 * over unreported periods and stay `complete: false` from the first gap on (a lower bound).
 */
export function buildPoints(
  slots: PeriodSlot[],
  tokens: Map<string, string>,
  metric: Metric,
  totals?: Map<string, string>,
  coverage?: (slot: PeriodSlot) => SlotCoverage,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let running = 0n;
  let allComplete = true;
  for (const slot of slots) {
    const cov = coverage?.(slot) ?? null;
    if (cov?.beforeDay0 && !tokens.has(slot.period)) continue;
    const stored = tokens.get(slot.period) ?? null;
    const unreported = cov !== null && cov.stored === 0 && stored === null;
    // Complete: every expected (model, day) is stored — or nothing was expected and something is stored anyway.
    const complete = cov === null || (cov.expected > 0 ? cov.stored >= cov.expected : stored !== null);
    const value = unreported ? null : (stored ?? "0");
    running += BigInt(value ?? "0");
    allComplete &&= complete;
    points.push({
      period: slot.period,
      tokens: value,
      value:
        metric === "cumulative"
          ? Number(running)
          : value === null
            ? null
            : metric === "share"
              ? (shareOf(value, totals?.get(slot.period) ?? "0") ?? 0)
              : Number(value),
      partial: slot.partial,
      complete: metric === "cumulative" ? allComplete : complete,
    });
  }
  return points;
}

/** The windows that stand for each series' members in the range (lib/queries/model-windows.ts). */
async function seriesWindows(db: Db, series: ResolvedSeries[], range: ResolvedRange): Promise<ModelWindow[][]> {
  const ids = [...new Set(series.flatMap((s) => s.members.map((m) => m.modelId)))];
  const all = await modelWindows(db, ids, range.from, range.to);
  return series.map((s) => all.filter((w) => s.members.some((m) => m.modelId === w.modelId)));
}

/**
 * A series' windows as points (period = the window's first day, or its end when the source does not say
 * its start). Members' windows with the same bounds are one point (a sum of the models); a window cut by
 * the range counts whole and is partial (an unknown start is said in words, not marked partial). Cumulative runs over the windows alone.
 */
export function windowSeriesPoints(windows: ModelWindow[], range: Pick<ResolvedRange, "from" | "to">, metric: Metric): SeriesPoint[] {
  const byBounds = new Map<string, { w: ModelWindow; tokens: bigint; rounded: boolean }>();
  for (const w of windows) {
    const k = `${w.kind}|${w.from}|${w.to}`;
    const prev = byBounds.get(k);
    byBounds.set(k, { w, tokens: (prev?.tokens ?? 0n) + BigInt(w.tokens), rounded: (prev?.rounded ?? false) || w.rounded });
  }
  let running = 0n;
  return [...byBounds.values()]
    .sort((a, b) => (reachOf(a.w).from < reachOf(b.w).from ? -1 : 1))
    .map(({ w, tokens, rounded }) => {
      running += tokens;
      return {
        period: w.from ?? w.to,
        tokens: String(tokens),
        value: Number(metric === "cumulative" ? running : tokens),
        partial: (w.from ?? w.to) < range.from || w.to > range.to,
        complete: true,
        window: { kind: w.kind, from: w.from, to: w.to, rounded },
      };
    });
}

/** Series → UsageResult over a resolved range (shared by usage, overview and model detail). */
export async function computeUsage(db: Db, series: ResolvedSeries[], calendarRange: ResolvedRange, opts: UsageOptions): Promise<UsageResult> {
  const { interval, align, metric, variant } = opts;
  const days = align === "launch" ? (opts.days ?? null) : null;
  const range = align === "launch" ? launchRange(calendarRange, series) : calendarRange;
  const needTotals = metric === "share" || Boolean(opts.withOthers);
  const [{ aggs, snapshotIds }, totals, cov, windows] = await Promise.all([
    seriesTokens(db, series, range, interval, align),
    needTotals ? totalTokens(db, series, range, interval, align) : Promise.resolve(null),
    seriesCoverage(db, series, range),
    // Windows are calendar facts: launch alignment (and shares, whose denominators are days) leave them out.
    align === "calendar" && metric !== "share" && !range.empty ? seriesWindows(db, series, range) : Promise.resolve(series.map(() => [] as ModelWindow[])),
  ]);
  const out: Series[] = series.map((s, i) => {
    const own = windows[i];
    // A period a window reaches is unreported for the series (null), never absent: its tokens are in the window.
    const inWindow = (slot: PeriodSlot) => own.some((w) => reachOf(w).from <= slot.end && slot.start <= w.to);
    const points = buildPoints(slotsOf(s, aggs[i].tokens, range, interval, align).filter((slot) => days === null || Number(slot.period) < days), aggs[i].tokens, metric, totals?.totals[i], (slot) => ({
      stored: aggs[i].days.get(slot.period) ?? 0,
      expected: cov.expected(i, slot.start, slot.end),
      beforeDay0: !inWindow(slot) && (cov.day0[i] === null || slot.end < cov.day0[i]! || (cov.firstReported !== null && slot.end < cov.firstReported)),
    }));
    const windowPoints = windowSeriesPoints(own, range, metric);
    const daysStored = [...aggs[i].days.values()].some((n) => n > 0);
    return {
      key: s.key,
      label: s.label,
      members: s.members,
      launchDate: s.launchDate,
      points: interval === "week" && windowPoints.length && !daysStored ? windowPoints : points,
      ...(windowPoints.length ? { windows: windowPoints } : {}),
    };
  });
  if (align === "launch") for (const s of out) s.startsAt = s.points.length ? Number(s.points[0].period) : null;
  if (opts.withOthers && align === "calendar" && totals && !range.empty) {
    const all = totals.totals[0] ?? new Map<string, string>();
    const rest = new Map<string, string>();
    for (const slot of calendarPeriods(range.from, range.to, interval)) {
      let named = 0n;
      for (const a of aggs) named += BigInt(a.tokens.get(slot.period) ?? "0");
      const left = BigInt(all.get(slot.period) ?? "0") - named;
      rest.set(slot.period, String(left > 0n ? left : 0n));
    }
    out.push({
      key: OTHERS_KEY,
      label: "Others",
      members: [],
      launchDate: null,
      points: buildPoints(calendarPeriods(range.from, range.to, interval, range.newestDay), rest, metric, all),
    });
  }
  const provenance: Provenance = await provenanceOf(db, [...snapshotIds, ...(totals?.snapshotIds ?? []), ...windows.flat().map((w) => w.snapshotId)]);
  const horizon = align === "launch" ? launchHorizon(series, range, days) : null;
  return { from: range.from, to: range.to, newestDay: range.newestDay, interval, align, metric, variant, days, horizon, series: out, provenance };
}
