/** The app page's charts: the app's tokens per period, and its model mix (stacked). */
import type { AppMixResult, Series } from "@/lib/queries/types";
import { formatPeriod, formatTokens } from "@/lib/format";
import { comparePeriods, seriesTotal, sumTokens } from "@/lib/ui/chart-data";
import { cleanText, shortName } from "@/lib/ui/labels";
import { rangeText, shareStackSummary } from "@/lib/ui/summaries";
import { seriesPlot } from "./plot";
import type { Figure } from "./types";

export const MAX_MIX_MODELS = 7;
export const OTHER_MODELS = "__other_models";

/** Top models by tokens, the rest summed into one "Other models" series. */
export function topWithOther(series: Series[], metric: "tokens" | "share"): Series[] {
  const ranked = [...series].sort((a, b) => (seriesTotal(b) > seriesTotal(a) ? 1 : seriesTotal(b) < seriesTotal(a) ? -1 : 0));
  if (ranked.length <= MAX_MIX_MODELS + 1) return ranked;
  const rest = ranked.slice(MAX_MIX_MODELS);
  const periods = new Map<string, { tokens: bigint; value: number; partial: boolean }>();
  for (const s of rest) {
    for (const p of s.points) {
      const cur = periods.get(p.period) ?? { tokens: 0n, value: 0, partial: false };
      cur.tokens += BigInt(p.tokens);
      cur.value += p.value;
      cur.partial ||= p.partial;
      periods.set(p.period, cur);
    }
  }
  const other: Series = {
    key: OTHER_MODELS,
    label: `Other models (${rest.length})`,
    members: [],
    launchDate: null,
    points: [...periods.entries()]
      .sort((a, b) => comparePeriods(a[0], b[0]))
      .map(([period, v]) => ({ period, tokens: v.tokens.toString(), value: metric === "tokens" ? Number(v.tokens) : v.value, partial: v.partial })),
  };
  return [...ranked.slice(0, MAX_MIX_MODELS), other];
}

/** The app's total tokens per period (sum over its models), oldest first. */
export function appTotals(data: AppMixResult): [string, { tokens: bigint; partial: boolean }][] {
  const totals = new Map<string, { tokens: bigint; partial: boolean }>();
  for (const s of data.series)
    for (const p of s.points) {
      const cur = totals.get(p.period) ?? { tokens: 0n, partial: false };
      cur.tokens += BigInt(p.tokens);
      cur.partial ||= p.partial;
      totals.set(p.period, cur);
    }
  return [...totals.entries()].sort((a, b) => comparePeriods(a[0], b[0]));
}

export function appName(data: AppMixResult): string {
  return cleanText(data.app.name);
}

export function appVolumeTitle(data: AppMixResult): string {
  return `${appName(data)}: tokens per ${data.interval}`;
}

export function appVolumeSummary(data: AppMixResult): string {
  const points = appTotals(data);
  const peak = points.reduce<[string, { tokens: bigint }] | null>((best, cur) => (!best || cur[1].tokens > best[1].tokens ? cur : best), null);
  const total = sumTokens(points.map(([, v]) => v.tokens.toString()));
  const name = appName(data);
  return peak && total > 0n
    ? `${name} used ${formatTokens(total)} tokens from ${rangeText(data.from, data.to)}, most in ${formatPeriod(peak[0], data.interval)} (${formatTokens(peak[1].tokens)}).`
    : `No usage recorded for ${name} in this range.`;
}

export function appMixTitle(data: AppMixResult): string {
  return `${appName(data)}: model mix`;
}

export function appMixSummary(data: AppMixResult, share: boolean): string {
  const name = appName(data);
  const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  if (!any) return `No usage recorded for ${name} in this range.`;
  if (share) return shareStackSummary(topWithOther(data.series, "share"), data.interval, OTHER_MODELS).replace("of all tokens", `of ${name}'s tokens`);
  const biggest = [...data.series].sort((a, b) => (seriesTotal(b) > seriesTotal(a) ? 1 : -1))[0];
  return `${shortName(biggest.label, biggest.key)} carried the most of ${name}'s tokens from ${rangeText(data.from, data.to)} (${formatTokens(seriesTotal(biggest))} of ${formatTokens(data.tokens)}).`;
}

export function appFigure(chart: string, data: AppMixResult, share: boolean): Figure | null {
  if (chart === "app-volume") {
    const points = appTotals(data);
    const total = sumTokens(points.map(([, v]) => v.tokens.toString()));
    return {
      chart,
      title: appVolumeTitle(data),
      summary: appVolumeSummary(data),
      provenance: data.provenance,
      empty: total > 0n ? null : { message: "No usage for this app in this range", suggestion: "Try a longer range; apps are often reported per month." },
      plot:
        total > 0n
          ? {
              type: "time",
              kind: "line",
              scale: "linear",
              x: data.interval,
              y: "tokens",
              rows: points.map(([x, v]) => ({ x, s0: Number(v.tokens), partial: v.partial })),
              series: [{ key: "s0", label: appName(data), color: 0 }],
            }
          : null,
    };
  }
  if (chart === "app-model-mix") {
    const shown = topWithOther(data.series, share ? "share" : "tokens");
    const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
    return {
      chart,
      title: appMixTitle(data),
      summary: appMixSummary(data, share),
      provenance: data.provenance,
      empty: any ? null : { message: "No usage for this app in this range", suggestion: "Try a longer range." },
      plot: any
        ? {
            type: "time",
            kind: "stacked-area",
            scale: "linear",
            x: data.interval,
            y: share ? "share" : "tokens",
            domain: share ? [0, 1] : undefined,
            ...seriesPlot(shown, { otherKeys: [OTHER_MODELS] }),
          }
        : null,
    };
  }
  return null;
}
