/**
 * Query results → chart rows and series. Series get safe field names (s0, s1…): model ids contain dots,
 * which chart libraries read as property paths.
 */
import type { ChartRow, ChartSeries } from "@/components/charts/types";
import type { Series } from "@/lib/queries/types";
import { shortName } from "./labels";
import { OTHER_COLOR, seriesColor, seriesDash } from "./palette";

export interface ChartData {
  rows: ChartRow[];
  /** `colorIndex`: the palette slot (seriesColor(i)), or "other" for the neutral of "others" buckets. */
  series: (ChartSeries & { source: Series; colorIndex: number | "other" })[];
}

export function comparePeriods(a: string, b: string): number {
  const na = /^-?\d+$/.test(a);
  const nb = /^-?\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One row per period (union of all series' periods, sorted), one field per series with its plotted value. */
export function seriesToChartData(list: Series[], opts: { otherKeys?: string[] } = {}): ChartData {
  let colorIndex = 0;
  const series = list.map((s, i) => {
    const isOther = opts.otherKeys?.includes(s.key) ?? false;
    const color = isOther ? OTHER_COLOR : seriesColor(colorIndex);
    const dash = isOther ? undefined : seriesDash(colorIndex);
    const slot: number | "other" = isOther ? "other" : colorIndex;
    if (!isOther) colorIndex++;
    return { key: `s${i}`, label: shortName(s.label, s.key), color, dash, source: s, colorIndex: slot };
  });
  const byPeriod = new Map<string, ChartRow>();
  list.forEach((s, i) => {
    for (const p of s.points) {
      let row = byPeriod.get(p.period);
      if (!row) {
        row = { x: p.period };
        byPeriod.set(p.period, row);
      }
      row[`s${i}`] = p.value;
      if (p.partial) row.partial = true;
    }
  });
  const rows = [...byPeriod.values()].sort((a, b) => comparePeriods(a.x, b.x));
  return { rows, series };
}

/** Exact sum of decimal-string token counts. */
export function sumTokens(values: Iterable<string>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

export function seriesTotal(s: Series): bigint {
  return sumTokens(s.points.map((p) => p.tokens));
}

/** The point with the largest plotted value, or null for an empty series. */
export function peakPoint(s: Series) {
  let best: Series["points"][number] | null = null;
  for (const p of s.points) if (!best || p.value > best.value) best = p;
  return best;
}
