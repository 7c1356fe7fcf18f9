"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { AppMixResult } from "@/lib/queries/types";
import { appMixSummary, appMixTitle, appName, appTotals, appVolumeSummary, appVolumeTitle, OTHER_MODELS, topWithOther } from "@/lib/figures/app";
import { formatPeriod, formatTokens } from "@/lib/format";
import { seriesToChartData, sumTokens } from "@/lib/ui/chart-data";
import { metricFormatters } from "@/lib/ui/metric-format";
import { seriesColor } from "@/lib/ui/palette";
import { usageTable } from "@/components/charts/usage-table";
import { MetricControl } from "@/components/controls/view-controls";

/** The app's total tokens per period (sum over its models). */
export function AppVolume({ data, loading }: { data: AppMixResult; loading: boolean }) {
  const points = appTotals(data);
  const rows: ChartRow[] = points.map(([x, v]) => ({ x, total: Number(v.tokens), partial: v.partial }));
  const total = sumTokens(points.map(([, v]) => v.tokens.toString()));
  return (
    <ChartFrame
      chartId="app-volume"
      title={appVolumeTitle(data)}
      summary={appVolumeSummary(data)}
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
      <TimeSeriesChart rows={rows} series={[{ key: "total", label: appName(data), color: seriesColor(0) }]} format={metricFormatters("tokens", data.interval)} />
    </ChartFrame>
  );
}

/** Which models the app's tokens went to, per period (stacked: tokens, or share of the app's tokens). */
export function AppModelMix({ data, loading, share }: { data: AppMixResult; loading: boolean; share: boolean }) {
  const shown = topWithOther(data.series, share ? "share" : "tokens");
  const { rows, series } = seriesToChartData(shown, { otherKeys: [OTHER_MODELS] });
  const any = data.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  const usage = { from: data.from, to: data.to, newestDay: null, interval: data.interval, align: "calendar" as const, metric: share ? ("share" as const) : ("tokens" as const), variant: "all" as const, series: shown, provenance: data.provenance };
  return (
    <ChartFrame
      chartId="app-model-mix"
      title={appMixTitle(data)}
      summary={appMixSummary(data, share)}
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

