"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import { subsidyCsv } from "@/lib/csv";
import type { SubsidyResult } from "@/lib/queries/types";
import { formatPeriod, formatShareTick, formatTokens } from "@/lib/format";
import { freeShareRows, freeShareSummary, MAX_FREE_SHARE_AUTHORS } from "@/lib/figures/vendors";
import { cleanText } from "@/lib/ui/labels";
import { formatShare } from "@/lib/ui/metric-format";
import { seriesColor, seriesDash } from "@/lib/ui/palette";

/** Free (subsidized) share of each vendor's tokens per period. */
export function FreeShareChart({ data, loading, controls }: { data: SubsidyResult; loading: boolean; controls?: React.ReactNode }) {
  const authors = data.authors.slice(0, MAX_FREE_SHARE_AUTHORS);
  const series = authors.map((a, i) => ({ key: `s${i}`, label: cleanText(a.author), color: seriesColor(i), dash: seriesDash(i) }));
  const rows = freeShareRows(authors) as ChartRow[];
  const hasData = authors.some((a) => a.freeShare !== null);
  return (
    <ChartFrame
      chartId="vendor-free-share"
      title="Free share of each vendor's tokens"
      summary={freeShareSummary(data)}
      provenance={data.provenance}
      loading={loading}
      controls={controls}
      empty={hasData ? null : { message: "No usage for these vendors in this range", suggestion: "Try a longer range or other vendors." }}
      table={{
        columns: [
          { key: "author", label: "Vendor" },
          { key: "period", label: "Period", format: (v) => formatPeriod(String(v), data.interval) },
          { key: "free_tokens", label: "Free tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "paid_tokens", label: "Paid tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "free_share", label: "Free share", numeric: true, format: (v) => (v === null ? "—" : formatShare(Number(v))) },
        ],
        rows: authors.flatMap((a) =>
          a.points.map((p) => ({ author: a.author, period: p.period, free_tokens: p.freeTokens, paid_tokens: p.paidTokens, free_share: p.freeShare })),
        ),
        csv: () => subsidyCsv({ ...data, authors }),
      }}
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        domain={[0, 1]}
        format={{
          y: formatShareTick,
          value: formatShare,
          x: (x) => formatPeriod(x, data.interval, { short: true }),
          xFull: (x) => formatPeriod(x, data.interval),
        }}
      />
    </ChartFrame>
  );
}
