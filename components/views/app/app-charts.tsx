"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { AppMixResult, Series } from "@/lib/queries/types";
import { formatPeriod, formatTokens } from "@/lib/format";
import { comparePeriods, seriesToChartData, seriesTotal, sumTokens } from "@/lib/ui/chart-data";
import { shortName } from "@/lib/ui/labels";
import { metricFormatters } from "@/lib/ui/metric-format";
import { seriesColor } from "@/lib/ui/palette";
import { rangeText, shareStackSummary } from "@/lib/ui/summaries";
import { usageTable } from "@/components/charts/usage-table";
import { MetricControl } from "@/components/controls/view-controls";

const MAX_MODELS = 7;
const OTHER_KEY = "__other_models";

/** Top models by tokens, the rest summed into one "Other models" series. */
function topWithOther(series: Series[], metric: "tokens" | "share"): Series[] {
  const ranked = [...series].sort((a, b) => (seriesTotal(b) > seriesTotal(a) ? 1 : seriesTotal(b) < seriesTotal(a) ? -1 : 0));
  if (ranked.length <= MAX_MODELS + 1) return ranked;
  const rest = ranked.slice(MAX_MODELS);
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
    key: OTHER_KEY,
    label: `Other models (${rest.length})`,
    members: [],
    launchDate: null,
    points: [...periods.entries()]
      .sort((a, b) => comparePeriods(a[0], b[0]))
      .map(([period, v]) => ({ period, tokens: v.tokens.toString(), value: metric === "tokens" ? Number(v.tokens) : v.value, partial: v.partial })),
  };
  return [...ranked.slice(0, MAX_MODELS), other];
}

/** The app's total tokens per period (sum over its models). */
export function AppVolume({ data, loading }: { data: AppMixResult; loading: boolean }) {
  const totals = new Map<string, { tokens: bigint; partial: boolean }>();
  for (const s of data.series)
    for (const p of s.points) {
      const cur = totals.get(p.period) ?? { tokens: 0n, partial: false };
      cur.tokens += BigInt(p.tokens);
      cur.partial ||= p.partial;
      totals.set(p.period, cur);
    }
  const points = [...totals.entries()].sort((a, b) => comparePeriods(a[0], b[0]));
  const rows: ChartRow[] = points.map(([x, v]) => ({ x, total: Number(v.tokens), partial: v.partial }));
  const peak = points.reduce<[string, { tokens: bigint }] | null>((best, cur) => (!best || cur[1].tokens > best[1].tokens ? cur : best), null);
  const total = sumTokens(points.map(([, v]) => v.tokens.toString()));
  return (
    <ChartFrame
      chartId="app-volume"
      title={`${data.app.name}: tokens per ${data.interval}`}
      summary={
        peak && total > 0n
          ? `${data.app.name} used ${formatTokens(total)} tokens from ${rangeText(data.from, data.to)}, most in ${formatPeriod(peak[0], data.interval)} (${formatTokens(peak[1].tokens)}).`
          : `No usage recorded for ${data.app.name} in this range.`
      }
      provenance={data.provenance}
      loading={loading}
      empty={total > 0n ? null : { message: "No usage for this app in this range", suggestion: "Try a longer range; apps are often reported per month." }}
      table={{
        columns: [
          { key: "period", label: "Period", format: (v) => formatPeriod(String(v), data.interval) },
          { key: "tokens", label: "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "partial", label: "Partial period" },
        ],
        rows: points.map(([period, v]) => ({ period, tokens: v.tokens.toString(), partial: v.partial ? "yes" : "" })),
      }}
    >
      <TimeSeriesChart rows={rows} series={[{ key: "total", label: data.app.name, color: seriesColor(0) }]} format={metricFormatters("tokens", data.interval)} />
    </ChartFrame>
  );
}

/** Which models the app's tokens went to, per period (stacked: tokens, or share of the app's tokens). */
export function AppModelMix({ data, loading, share }: { data: AppMixResult; loading: boolean; share: boolean }) {
  const shown = topWithOther(data.series, share ? "share" : "tokens");
  const { rows, series } = seriesToChartData(shown, { otherKeys: [OTHER_KEY] });
  const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  const usage = { from: data.from, to: data.to, newestDay: null, interval: data.interval, align: "calendar" as const, metric: share ? ("share" as const) : ("tokens" as const), variant: "all" as const, series: shown, provenance: data.provenance };
  const biggest = [...data.series].sort((a, b) => (seriesTotal(b) > seriesTotal(a) ? 1 : -1))[0];
  return (
    <ChartFrame
      chartId="app-model-mix"
      title={`${data.app.name}: model mix`}
      summary={
        any
          ? share
            ? shareStackSummary(shown, data.interval, OTHER_KEY).replace("of all tokens", `of ${data.app.name}'s tokens`)
            : `${shortName(biggest.label, biggest.key)} carried the most of ${data.app.name}'s tokens from ${rangeText(data.from, data.to)} (${formatTokens(seriesTotal(biggest))} of ${formatTokens(data.tokens)}).`
          : `No usage recorded for ${data.app.name} in this range.`
      }
      provenance={data.provenance}
      loading={loading}
      controls={<MetricControl options={["tokens", "share"]} />}
      empty={any ? null : { message: "No usage for this app in this range", suggestion: "Try a longer range." }}
      table={usageTable(usage)}
    >
      <TimeSeriesChart rows={rows} series={series} kind="stacked-area" format={metricFormatters(share ? "share" : "tokens", data.interval)} domain={share ? [0, 1] : undefined} />
    </ChartFrame>
  );
}

