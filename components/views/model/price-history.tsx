"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { ModelDetailResult } from "@/lib/queries/types";
import { formatDay, formatPricePerM } from "@/lib/format";
import { priceHistoryEmpty, priceHistoryRows, priceHistorySummary } from "@/lib/figures/model";
import { seriesColor } from "@/lib/ui/palette";

/** List price per 1M tokens over time, as steps (a price holds until the next change). */
export function PriceHistory({ detail }: { detail: ModelDetailResult }) {
  const h = detail.priceHistory;
  const rows = priceHistoryRows(detail) as ChartRow[];
  const series = [
    { key: "in", label: "Input $/M", color: seriesColor(0) },
    { key: "out", label: "Output $/M", color: seriesColor(1) },
  ];
  return (
    <ChartFrame
      chartId="model-price-history"
      title="Price history"
      summary={priceHistorySummary(detail)}
      provenance={detail.provenance}
      empty={priceHistoryEmpty(detail)}
      table={{
        columns: [
          { key: "from", label: "From", format: (v) => formatDay(String(v)) },
          { key: "to", label: "To", format: (v) => formatDay(String(v)) },
          { key: "input_per_m", label: "Input $/M", numeric: true, format: (v) => formatPricePerM(v === null ? null : String(v)) },
          { key: "output_per_m", label: "Output $/M", numeric: true, format: (v) => formatPricePerM(v === null ? null : String(v)) },
          { key: "cache_read_per_m", label: "Cache read $/M", numeric: true, format: (v) => (v === null ? "—" : formatPricePerM(String(v))) },
        ],
        rows: h.map((p) => ({ from: p.from, to: p.to, input_per_m: p.inputPerM, output_per_m: p.outputPerM, cache_read_per_m: p.cacheReadPerM })),
      }}
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        kind="step"
        height={220}
        format={{
          y: (v) => `$${Number(v.toFixed(2))}`,
          value: (v) => formatPricePerM(v),
          x: (x) => formatDay(x),
          xFull: (x) => `From ${formatDay(x)}`,
        }}
      />
    </ChartFrame>
  );
}
