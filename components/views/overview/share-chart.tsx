"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { usageTable } from "@/components/charts/usage-table";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { UsageResult } from "@/lib/queries/types";
import { foldIntoOthers, OTHERS } from "@/lib/figures/overview";
import { seriesToChartData } from "@/lib/ui/chart-data";
import { metricFormatters } from "@/lib/ui/metric-format";
import { shareStackSummary } from "@/lib/ui/summaries";

/** Share of all tokens over time, stacked: the top models, then everything else as "Others". */
export function ShareChart({ share, loading, controls }: { share: UsageResult; loading: boolean; controls?: React.ReactNode }) {
  const shown = foldIntoOthers(share.series);
  const { rows, series } = seriesToChartData(shown, { otherKeys: [OTHERS] });
  const data: UsageResult = { ...share, series: shown };
  const any = shown.some((s) => s.points.some((p) => p.tokens !== "0"));
  return (
    <ChartFrame
      chartId="overview-share"
      title="Share of all tokens"
      summary={shareStackSummary(shown, share.interval, OTHERS)}
      provenance={share.provenance}
      loading={loading}
      controls={controls}
      empty={any ? null : { message: "No usage in this range", suggestion: "Ingest a snapshot, or pick a range with data." }}
      table={usageTable(data)}
    >
      <TimeSeriesChart rows={rows} series={series} kind="stacked-area" domain={[0, 1]} height={320} format={metricFormatters("share", share.interval)} />
    </ChartFrame>
  );
}
