"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { SubsidyResult } from "@/lib/queries/types";
import { formatTokens } from "@/lib/format";
import { formatShare } from "@/lib/ui/metric-format";
import { seriesColor } from "@/lib/ui/palette";
import { freeShareTotalSummary, freeShareTotalTitle } from "@/lib/figures/vendors";

/** Each vendor's free share over the whole range (the figure writers quote: "about 22% of Google's tokens"). */
export function VendorTotals({ data, loading }: { data: SubsidyResult; loading: boolean }) {
  const authors = data.authors.filter((a) => a.freeShare !== null);
  return (
    <ChartFrame
      chartId="vendor-free-share-total"
      title={freeShareTotalTitle(data)}
      summary={freeShareTotalSummary(data)}
      provenance={data.provenance}
      loading={loading}
      empty={authors.length ? null : { message: "No usage for these vendors in this range", suggestion: "Try a longer range." }}
      table={{
        columns: [
          { key: "author", label: "Vendor" },
          { key: "free_tokens", label: "Free tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "paid_tokens", label: "Paid tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "free_share", label: "Free share", numeric: true, format: (v) => (v === null ? "—" : formatShare(Number(v))) },
        ],
        rows: authors.map((a) => ({ author: a.author, free_tokens: a.freeTokens, paid_tokens: a.paidTokens, free_share: a.freeShare })),
      }}
    >
      <BarListChart
        items={authors.map((a, i) => ({ key: a.author, label: a.author, value: a.freeShare ?? 0, color: seriesColor(i), text: formatShare(a.freeShare ?? 0) }))}
        format={formatShare}
      />
    </ChartFrame>
  );
}
