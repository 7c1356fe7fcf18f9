/** The app page's charts: the app's tokens per period, and its model mix (stacked). */
import { appMixCsv } from "@/lib/csv";
import { OTHERS_KEY } from "@/lib/domain/buckets";
import type { AppMixResult, UsageResult } from "@/lib/queries/types";
import { formatDay, formatPeriod, formatTokens } from "@/lib/format";
import { cleanText, shortName } from "@/lib/labels";
import { byTotal, comparePeriods, seriesPlot, seriesTotal } from "./series";
import { rangeText, shareStackSummary } from "./summaries";
import { plotNotes } from "./marks";
import { colorSlots } from "./palette";
import type { Figure, Plot } from "./types";
import { usageTable } from "./usage";

/** The app's total tokens per period (sum over its models), oldest first. */
export function appTotals(data: AppMixResult): [string, { tokens: bigint; partial: boolean }][] {
  const totals = new Map<string, { tokens: bigint; partial: boolean }>();
  for (const s of data.series)
    for (const p of s.points) {
      const cur = totals.get(p.period) ?? { tokens: 0n, partial: false };
      cur.tokens += BigInt(p.tokens ?? 0);
      cur.partial ||= p.partial;
      totals.set(p.period, cur);
    }
  return [...totals.entries()].sort((a, b) => comparePeriods(a[0], b[0]));
}

export function appName(data: AppMixResult): string {
  return cleanText(data.app.name);
}

function appVolumeSummary(data: AppMixResult): string {
  const points = appTotals(data);
  const peak = points.reduce<[string, { tokens: bigint }] | null>((best, cur) => (!best || cur[1].tokens > best[1].tokens ? cur : best), null);
  const total = points.reduce((sum, [, v]) => sum + v.tokens, 0n);
  const name = appName(data);
  return peak && total > 0n
    ? `${name} used ${formatTokens(total)} tokens from ${rangeText(data.from, data.to)}, most in ${formatPeriod(peak[0], data.interval)} (${formatTokens(peak[1].tokens)}).`
    : `No usage recorded for ${name} in this range.`;
}

function appMixSummary(data: AppMixResult, share: boolean): string {
  const name = appName(data);
  const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  if (!any) return `No usage recorded for ${name} in this range.`;
  if (share) return shareStackSummary(data.series, data.interval, OTHERS_KEY).replace("of all tokens", `of ${name}'s tokens`);
  const biggest = byTotal(data.series.filter((s) => s.key !== OTHERS_KEY))[0] ?? data.series[0];
  return `${shortName(biggest.label, biggest.key)} carried the most of ${name}'s tokens from ${rangeText(data.from, data.to)} (${formatTokens(seriesTotal(biggest))} of ${formatTokens(data.tokens)}).`;
}

const NO_APP_USAGE = { message: "No usage for this app in this range", suggestion: "Try a longer range; apps are often reported per month." };

/** The window a source reported an app's tokens over, as words ("the source's window to 28 Aug 2026, start unknown"). */
function windowText(data: AppMixResult): string {
  const w = data.window;
  if (!w) return "the source's window";
  return w.from ? `the source's window ${rangeText(w.from, w.to)}` : `the source's window to ${formatDay(w.to)} (start unknown)`;
}

/**
 * An app known only from a source's window (no days or months): one bar per model over that window, never a
 * point on a calendar axis, and never labelled with the page's range.
 */
function windowFigure(chart: "app-volume" | "app-model-mix", data: AppMixResult): Figure {
  const series = chart === "app-volume" ? [{ key: "all", label: "All models", tokens: data.tokens }] : data.series.map((s) => ({ key: s.key, label: shortName(s.label, s.key), tokens: s.points[0]?.tokens ?? "0" }));
  const colors = colorSlots(series.map((s) => s.key));
  const any = series.some((s) => s.tokens !== "0");
  return {
    chart,
    title: `${appName(data)}: ${chart === "app-volume" ? "tokens" : "tokens by model"} in ${windowText(data)}`,
    summary: any ? `${appName(data)} used ${formatTokens(data.tokens)} tokens in ${windowText(data)}.` : `No usage recorded for ${appName(data)}.`,
    provenance: data.provenance,
    empty: any ? null : NO_APP_USAGE,
    plot: any ? { type: "bars", sharedMax: false, panels: [{ items: series.map((s, i) => ({ key: s.key, label: s.label, value: Number(s.tokens), text: formatTokens(s.tokens), color: colors[i] })) }] } : null,
    footnotes: [`These figures cover ${windowText(data)}, as the source published them; they cannot be split into days or months, so the selected range does not apply.`],
    table: {
      columns: [
        { key: "model", label: "Model", kind: "text" },
        { key: "tokens", label: "Tokens", kind: "tokens" },
      ],
      rows: series.map((s) => ({ model: s.label, tokens: s.tokens })),
      csv: appMixCsv(data),
    },
  };
}

export function appVolumeFigure(data: AppMixResult): Figure {
  if (data.basis === "window") return windowFigure("app-volume", data);
  const points = appTotals(data);
  const any = points.some(([, v]) => v.tokens > 0n);
  const plot: Plot | null = any
    ? {
        type: "time",
        kind: "line",
        scale: "linear",
        x: data.interval,
        y: "tokens",
        height: 300,
        rows: points.map(([x, v]) => ({ x, s0: Number(v.tokens), partial: v.partial })),
        series: [{ key: "s0", label: appName(data), color: 0 }],
      }
    : null;
  return {
    chart: "app-volume",
    title: `${appName(data)}: tokens per ${data.interval}`,
    summary: appVolumeSummary(data),
    provenance: data.provenance,
    empty: any ? null : NO_APP_USAGE,
    plot,
    footnotes: plotNotes(plot),
    table: {
      columns: [
        { key: "period", label: "Period", kind: "period" },
        { key: "tokens", label: "Tokens", kind: "tokens" },
        { key: "partial", label: "Partial period", kind: "text" },
      ],
      rows: points.map(([period, v]) => ({ period, tokens: v.tokens.toString(), partial: v.partial ? "yes" : "" })),
      interval: data.interval,
    },
  };
}

/** The query keeps the top models (or the asked ones, never folded) and sums the rest into one "Other models". */
export function appMixFigure(data: AppMixResult, share: boolean): Figure {
  if (data.basis === "window") return windowFigure("app-model-mix", data);
  const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  const plot: Plot | null = any
    ? { type: "time", kind: "stacked-area", scale: "linear", x: data.interval, y: share ? "share" : "tokens", domain: share ? [0, 1] : undefined, height: 300, ...seriesPlot(data.series) }
    : null;
  const usage: UsageResult = { from: data.from, to: data.to, newestDay: null, interval: data.interval, align: "calendar", metric: share ? "share" : "tokens", variant: "all", series: data.series, provenance: data.provenance };
  return {
    chart: "app-model-mix",
    title: `${appName(data)}: model mix`,
    summary: appMixSummary(data, share),
    provenance: data.provenance,
    empty: any ? null : NO_APP_USAGE,
    plot,
    footnotes: plotNotes(plot),
    table: { ...usageTable(usage), csv: appMixCsv(data) },
  };
}

export function appFigure(chart: string, data: AppMixResult, share: boolean): Figure | null {
  if (chart === "app-volume") return appVolumeFigure(data);
  if (chart === "app-model-mix") return appMixFigure(data, share);
  return null;
}
