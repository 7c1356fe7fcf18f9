"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { ModelDetailResult } from "@/lib/queries/types";
import { formatDay, formatPricePerM } from "@/lib/format";
import { seriesColor } from "@/lib/ui/palette";

function summary(d: ModelDetailResult): string {
  const h = d.priceHistory;
  if (!h.length) return "No list price recorded.";
  const first = h[0];
  const last = h[h.length - 1];
  const now = `${formatPricePerM(last.inputPerM)} input and ${formatPricePerM(last.outputPerM)} output`;
  if (h.length === 1) return `Listed at ${now} since ${formatDay(first.from)}, unchanged.`;
  return `Listed at ${now} since ${formatDay(last.from)}; it started at ${formatPricePerM(first.inputPerM)} input and ${formatPricePerM(first.outputPerM)} output on ${formatDay(first.from)} (${h.length - 1} change${h.length > 2 ? "s" : ""}).`;
}

/** List price per 1M tokens over time, as steps (a price holds until the next change). */
export function PriceHistory({ detail }: { detail: ModelDetailResult }) {
  const h = detail.priceHistory;
  const rows: ChartRow[] = h.map((p) => ({ x: p.from, in: p.inputPerM === null ? null : Number(p.inputPerM), out: p.outputPerM === null ? null : Number(p.outputPerM) }));
  const last = h[h.length - 1];
  if (last && last.to !== last.from) rows.push({ x: last.to, in: rows[rows.length - 1].in, out: rows[rows.length - 1].out });
  const series = [
    { key: "in", label: "Input $/M", color: seriesColor(0) },
    { key: "out", label: "Output $/M", color: seriesColor(1) },
  ];
  return (
    <ChartFrame
      chartId="model-price-history"
      title="Price history"
      summary={summary(detail)}
      provenance={detail.provenance}
      empty={
        !h.length
          ? { message: "No list price recorded for this model", suggestion: "Ingest the models catalogue to get prices." }
          : h.length === 1 && h[0].from === h[0].to
            ? {
                message: `One price observed: ${formatPricePerM(h[0].inputPerM)} input, ${formatPricePerM(h[0].outputPerM)} output (${formatDay(h[0].from)})`,
                suggestion: "The history grows as catalogue snapshots arrive; the table has the figures.",
              }
            : null
      }
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
