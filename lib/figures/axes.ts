/**
 * The value axis of a time plot — scale, domain and ticks — computed once, so the page's Recharts chart and
 * the SVG renderer draw the same axis. Linear axes start at 0 (or below, for negative values) and end at a
 * nice tick over the data; a fixed `domain` (stacked shares: 0–100%) is kept; log axes span whole decades
 * and leave out values ≤ 0.
 */
import type { PlotRow, TimePlot } from "./types";

export interface ValueAxis {
  scale: "linear" | "log";
  domain: [number, number];
  ticks: number[];
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Linear ticks from lo to at least hi, about `count` of them. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep((hi - lo) / (count - 1));
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function numberAt(row: PlotRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function valueAxis(plot: Pick<TimePlot, "rows" | "series" | "kind" | "scale" | "domain">): ValueAxis {
  const stacked = plot.kind === "stacked-area";
  const values = stacked
    ? plot.rows.map((r) => plot.series.reduce((acc, s) => acc + Math.max(0, numberAt(r, s.key) ?? 0), 0))
    : plot.rows.flatMap((r) => plot.series.map((s) => numberAt(r, s.key))).filter((v): v is number => v !== null);
  if (plot.scale === "log" && !stacked) {
    const pos = values.filter((v) => v > 0);
    const lo = pos.length ? 10 ** Math.floor(Math.log10(Math.min(...pos))) : 1;
    let hi = pos.length ? 10 ** Math.ceil(Math.log10(Math.max(...pos))) : 10;
    if (hi <= lo) hi = lo * 10;
    const decades = Math.round(Math.log10(hi / lo));
    const every = Math.max(1, Math.ceil(decades / 6));
    const ticks: number[] = [];
    for (let k = 0; k <= decades; k += every) ticks.push(Number((lo * 10 ** k).toPrecision(12)));
    return { scale: "log", domain: [lo, hi], ticks };
  }
  if (plot.domain) {
    const [lo, hi] = plot.domain;
    return { scale: "linear", domain: [lo, hi], ticks: linearTicks(lo, hi, 5).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9) };
  }
  const ticks = linearTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  return { scale: "linear", domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}
