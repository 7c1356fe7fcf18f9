/** Usage charts (adoption curves, variant splits, author totals): plot, table and empty state from a usage answer. */
import { usageCsv } from "@/lib/csv";
import { latestEventSentence, plotEvents } from "./events";
import type { ModelEvent } from "@/lib/queries/types";
import type { EventDisplay } from "@/lib/view/state";
import type { UsageResult } from "@/lib/queries/types";
import { shortName } from "@/lib/labels";
import type { ChartId } from "@/lib/view/charts";
import type { Scale } from "@/lib/view/state";
import { plotNotes } from "./marks";
import { comparePeriods, seriesPlot, windowsLabel } from "./series";
import { windowNotes, windowText } from "./window-notes";
import { commonLaunchWindow, usageSummary } from "./summaries";
import type { Figure, FigureTable, TimePlot, ValueKind } from "./types";

const NO_MODEL_USAGE = "No usage for these models in this range";

function metricValueKind(metric: UsageResult["metric"]): ValueKind {
  return metric === "share" ? "share" : "tokens";
}

/** Lines per series, the metric's values, the state's scale. */
function usagePlot(u: UsageResult, scale: Scale = "linear", height = 300): TimePlot {
  return { type: "time", kind: "line", scale, x: u.interval, y: metricValueKind(u.metric), height, ...seriesPlot(u.series, { windows: u.interval === "week" }) };
}

function usageHasData(u: UsageResult): boolean {
  return u.series.some((s) => s.points.some((p) => p.tokens !== "0"));
}

/**
 * One row per period, one column per series: exact tokens (decimal strings) for the tokens metric, the
 * plotted value otherwise. The CSV is the API's tidy one (GET /api/v1/usage?format=csv) for what is shown.
 */
export function usageTable(u: UsageResult): FigureTable {
  const { series } = seriesPlot(u.series);
  const kind = metricValueKind(u.metric);
  const periods = new Map<string, Record<string, string | number | null>>();
  const windowCols: { key: string; label: string }[] = [];
  const put = (key: string, label: string, points: typeof u.series[number]["points"]) => {
    for (const p of points) {
      const row = periods.get(p.period) ?? { period: p.period, partial: "", unreported: "" };
      row[key] = u.metric === "tokens" ? p.tokens : p.value;
      if (p.partial) row.partial = "yes";
      if (!p.complete) row.unreported = [row.unreported, label].filter(Boolean).join(", ");
      if (p.window) row.window = windowText(p.window);
      periods.set(p.period, row);
    }
  };
  u.series.forEach((s, i) => {
    put(`s${i}`, series[i].label, s.points);
    // At interval=week, windows beside calendar weeks of days get their own column (never summed with them).
    if (u.interval === "week" && s.windows?.length && !s.points.some((p) => p.window)) {
      windowCols.push({ key: `s${i}w`, label: windowsLabel(series[i].label) });
      put(`s${i}w`, series[i].label, s.windows);
    }
  });
  const anyWindow = [...periods.values()].some((r) => r.window);
  return {
    columns: [
      { key: "period", label: u.align === "launch" ? "Days since launch" : "Period", kind: "period" },
      ...series.map((s) => ({ key: s.key, label: s.label, kind })),
      ...windowCols.map((c) => ({ ...c, kind })),
      ...(anyWindow ? [{ key: "window", label: "Source window", kind: "text" as const }] : []),
      { key: "partial", label: "Partial period", kind: "text" as const },
      { key: "unreported", label: "Days not reported for", kind: "text" as const },
    ],
    rows: [...periods.values()].sort((a, b) => comparePeriods(String(a.period), String(b.period))),
    interval: u.interval,
    csv: usageCsv(u),
  };
}

/** Under launch alignment: where a curve starts when its launch predates the data, and the span ratios compare. */
function launchNotes(u: UsageResult): string[] {
  if (u.align !== "launch") return [];
  const late = u.series.filter((s) => (s.startsAt ?? 0) > 0).map((s) => `${shortName(s.label, s.key)} launched before the stored data begins: its curve starts at day ${s.startsAt}.`);
  const span = u.series.length > 1 && u.horizon ? [`Totals and ratios compare ${commonLaunchWindow(u).when.toLowerCase()}: the span every series has.`] : [];
  return [...late, ...span];
}

export interface UsageFigureOptions {
  title: string;
  /** Events of the plotted models; markers unless the view hides them. */
  events?: readonly ModelEvent[];
  showEvents?: EventDisplay;
  scale?: Scale;
  height?: number;
  emptySuggestion?: string;
  summary?: string;
}

export function usageFigure(chart: ChartId, u: UsageResult, opts: UsageFigureOptions): Figure {
  const has = usageHasData(u);
  const drawn = has ? usagePlot(u, opts.scale, opts.height) : null;
  const markers = drawn ? plotEvents(drawn, opts.events, opts.showEvents) : [];
  const plot = drawn && markers.length ? { ...drawn, events: markers } : drawn;
  return {
    chart,
    title: opts.title,
    summary: (opts.summary ?? usageSummary(u)) + latestEventSentence(markers),
    provenance: u.provenance,
    empty: has ? null : { message: NO_MODEL_USAGE, suggestion: opts.emptySuggestion ?? "Try a longer date range, or calendar alignment." },
    plot,
    footnotes: [...plotNotes(plot), ...windowNotes(u), ...launchNotes(u)],
    table: usageTable(u),
  };
}
