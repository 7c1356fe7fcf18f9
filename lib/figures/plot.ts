/** Query results → plots (shared by the figures of every view). */
import type { Series, UsageResult } from "@/lib/queries/types";
import { seriesToChartData } from "@/lib/ui/chart-data";
import { PALETTE_SIZE } from "@/lib/ui/palette";
import type { Scale } from "@/lib/view/state";
import type { PlotRow, PlotSeries, TimePlot, ValueKind } from "./types";

/** Series → rows (one per period, a field per series) and plot series with palette slots, as the page draws them. */
export function seriesPlot(list: Series[], opts: { otherKeys?: string[] } = {}): { rows: PlotRow[]; series: PlotSeries[] } {
  const { rows, series } = seriesToChartData(list, opts);
  return {
    rows: rows as PlotRow[],
    series: series.map((s) => ({
      key: s.key,
      label: s.label,
      color: s.colorIndex,
      dashed: typeof s.colorIndex === "number" && s.colorIndex >= PALETTE_SIZE ? true : undefined,
    })),
  };
}

export function metricValueKind(metric: UsageResult["metric"]): ValueKind {
  return metric === "share" ? "share" : "tokens";
}

/** A usage chart (adoption curves…): lines per series, the metric's values, the state's scale. */
export function usagePlot(u: UsageResult, scale: Scale = "linear"): TimePlot {
  return { type: "time", kind: "line", scale, x: u.interval, y: metricValueKind(u.metric), ...seriesPlot(u.series) };
}

export function usageHasData(u: UsageResult): boolean {
  return u.series.some((s) => s.points.some((p) => p.tokens !== "0"));
}
