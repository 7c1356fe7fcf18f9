/**
 * Query series → plot rows and series (colour slots, dashes), plus the exact arithmetic charts quote.
 * Series get safe field names (s0, s1…): model ids contain dots, which chart libraries read as paths.
 */
import { OTHERS_KEY } from "@/lib/domain/buckets";
import type { Series } from "@/lib/queries/types";
import { shortName } from "@/lib/labels";
import { sumTokens } from "@/lib/view/periods";
import { partialFlag } from "./marks";
import { colorSlots, PALETTE_SIZE } from "./palette";
import type { PlotRow, PlotSeries } from "./types";

export function comparePeriods(a: string, b: string): number {
  const na = /^-?\d+$/.test(a);
  const nb = /^-?\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The series' points are a source's windows (interval=week, no day rows in the range). */
export function isWindowSeries(s: Series): boolean {
  return s.points.some((p) => p.window);
}

/** Label of the windows drawn beside a series' calendar weeks. */
export const windowsLabel = (label: string) => `${label} (source weeks)`;

/**
 * One row per period (union of all series' periods, sorted), one field per series with its plotted value.
 * The folded "Others" series gets the neutral colour; the rest take palette slots in order. With
 * `windows`, a series' source windows are drawn as points (`points`): its own, or — beside calendar weeks of
 * day rows — a twin in the same colour (`s<i>w`). Their rows sit at each window's first day (a Sunday), so
 * they never share a grid point with the calendar weeks (Mondays).
 */
export function seriesPlot(list: Series[], opts: { windows?: boolean } = {}): { rows: PlotRow[]; series: PlotSeries[] } {
  const slots = colorSlots(list.filter((s) => s.key !== OTHERS_KEY).map((s) => s.key));
  let named = 0;
  const series = list.map((s, i): PlotSeries => {
    if (s.key === OTHERS_KEY) return { key: `s${i}`, label: shortName(s.label, s.key), color: "other" };
    const color = slots[named++];
    return { key: `s${i}`, label: shortName(s.label, s.key), color, dashed: color >= PALETTE_SIZE || undefined };
  });
  const byPeriod = new Map<string, PlotRow>();
  const put = (key: string, points: Series["points"]) => {
    for (const p of points) {
      let row = byPeriod.get(p.period);
      if (!row) {
        row = { x: p.period };
        byPeriod.set(p.period, row);
      }
      row[key] = p.value;
      row[partialFlag(key)] = p.partial;
    }
  };
  const twins: PlotSeries[] = [];
  list.forEach((s, i) => {
    put(`s${i}`, s.points);
    if (!opts.windows) return;
    if (isWindowSeries(s)) series[i].points = true;
    else if (s.windows?.length) {
      twins.push({ ...series[i], key: `s${i}w`, label: windowsLabel(series[i].label), points: true });
      put(`s${i}w`, s.windows);
    }
  });
  const rows = [...byPeriod.values()].sort((a, b) => comparePeriods(a.x, b.x));
  return { rows, series: [...series, ...twins] };
}


/** Tokens over the series' reported periods (a lower bound when a period is incomplete: seriesComplete). */
export function seriesTotal(s: Series): bigint {
  return BigInt(sumTokens(s.points.flatMap((p) => (p.tokens === null ? [] : [p.tokens]))));
}

/** Every period of the series is reported in full: its total is exact, not "at least". */
export function seriesComplete(s: Series): boolean {
  return s.points.every((p) => p.complete);
}

/** Series sorted by total tokens, biggest first (stable for ties). */
export function byTotal(series: Series[]): Series[] {
  const totals = new Map(series.map((s) => [s, seriesTotal(s)]));
  return [...series].sort((a, b) => (totals.get(b)! > totals.get(a)! ? 1 : totals.get(b)! < totals.get(a)! ? -1 : 0));
}

/** The point with the largest plotted value, or null for an empty series. */
export function peakPoint(s: Series) {
  let best: Series["points"][number] | null = null;
  for (const p of s.points) if (p.value !== null && (!best || p.value > best.value!)) best = p;
  return best;
}
