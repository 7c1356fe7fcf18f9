"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { OverviewResult } from "@/lib/queries/types";
import { formatPeriod, formatShareTick, formatTokens } from "@/lib/format";
import { marketFreeShareSummary } from "@/lib/figures/overview";
import { formatShare } from "@/lib/ui/metric-format";
import { seriesColor } from "@/lib/ui/palette";

/** Free variants' share of all named models' tokens, per period. */
export function MarketFreeShare({ overview, interval, loading }: { overview: OverviewResult; interval: "day" | "week" | "month"; loading: boolean }) {
  const points = overview.freeShare.points;
  const withData = points.filter((p) => p.freeShare !== null);
  return (
    <ChartFrame
      chartId="overview-free-share"
      title="Free share of the market"
      summary={marketFreeShareSummary(overview, interval)}
      provenance={overview.provenance}
      loading={loading}
      empty={withData.length ? null : { message: "No usage in this range", suggestion: "Ingest a snapshot, or pick a range with data." }}
      table={{
        columns: [
          { key: "period", label: "Period", format: (v) => formatPeriod(String(v), interval) },
          { key: "free_tokens", label: "Free tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "paid_tokens", label: "Paid tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "free_share", label: "Free share", numeric: true, format: (v) => (v === null ? "—" : formatShare(Number(v))) },
        ],
        rows: points.map((p) => ({ period: p.period, free_tokens: p.freeTokens, paid_tokens: p.paidTokens, free_share: p.freeShare })),
      }}
    >
      <TimeSeriesChart
        rows={points.map((p) => ({ x: p.period, free: p.freeShare, partial: p.partial }))}
        series={[{ key: "free", label: "Free share", color: seriesColor(2) }]}
        height={220}
        format={{ y: formatShareTick, value: formatShare, x: (x) => formatPeriod(x, interval, { short: true }), xFull: (x) => formatPeriod(x, interval) }}
      />
    </ChartFrame>
  );
}
