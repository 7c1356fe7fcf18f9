"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartRow } from "@/components/charts/types";
import { ChartFrame } from "@/components/frame/chart-frame";
import { subsidyCsv } from "@/lib/csv";
import type { SubsidyResult } from "@/lib/queries/types";
import { formatPeriod, formatShareTick, formatTokens } from "@/lib/format";
import { comparePeriods } from "@/lib/ui/chart-data";
import { formatShare } from "@/lib/ui/metric-format";
import { seriesColor, seriesDash } from "@/lib/ui/palette";
import { rangeText } from "@/lib/ui/summaries";

function summary(s: SubsidyResult): string {
  const withTokens = s.authors.filter((a) => a.freeShare !== null);
  if (!withTokens.length) return `No usage between ${rangeText(s.from, s.to)}.`;
  const sorted = [...withTokens].sort((a, b) => b.freeShare! - a.freeShare!);
  const top = sorted[0];
  const none = sorted.filter((a) => a.freeShare === 0).map((a) => a.author);
  return (
    `From ${rangeText(s.from, s.to)}, ${formatShare(top.freeShare!)} of ${top.author}'s tokens went to free variants` +
    (sorted[1] ? `, against ${formatShare(sorted[1].freeShare!)} for ${sorted[1].author}` : "") +
    (none.length ? `; ${none.slice(0, 3).join(", ")} ${none.length === 1 ? "has" : "have"} none.` : ".")
  );
}

/** Free (subsidized) share of each vendor's tokens per period. */
export function FreeShareChart({ data, loading, controls }: { data: SubsidyResult; loading: boolean; controls?: React.ReactNode }) {
  const authors = data.authors.slice(0, 8);
  const series = authors.map((a, i) => ({ key: `s${i}`, label: a.author, color: seriesColor(i), dash: seriesDash(i) }));
  const byPeriod = new Map<string, ChartRow>();
  authors.forEach((a, i) => {
    for (const p of a.points) {
      const row = byPeriod.get(p.period) ?? { x: p.period };
      row[`s${i}`] = p.freeShare;
      if (p.partial) row.partial = true;
      byPeriod.set(p.period, row);
    }
  });
  const rows = [...byPeriod.values()].sort((a, b) => comparePeriods(a.x, b.x));
  const hasData = authors.some((a) => a.freeShare !== null);
  return (
    <ChartFrame
      chartId="vendor-free-share"
      title="Free share of each vendor's tokens"
      summary={summary(data)}
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
