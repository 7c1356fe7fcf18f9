"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { OverviewResult } from "@/lib/queries/types";
import { formatPoints, moversSummary, moversTitle } from "@/lib/figures/overview";
import { shortName } from "@/lib/ui/labels";
import { formatShare } from "@/lib/ui/metric-format";

type Mover = OverviewResult["movers"]["up"][number];

function Column({ title, items, color }: { title: string; items: Mover[]; color: string }) {
  return (
    <div className="min-w-0">
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      {items.length ? (
        <BarListChart
          items={items.map((m) => ({ key: m.key, label: shortName(m.label, m.key), value: Math.abs(m.shareChange), color, text: formatPoints(m.shareChange) }))}
          format={(v) => formatPoints(v)}
          labelWidth={140}
        />
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>
      )}
    </div>
  );
}

/** Biggest week-over-week changes in share of all tokens, up and down. */
export function Movers({ overview, loading }: { overview: OverviewResult; loading: boolean }) {
  const all = [...overview.movers.up, ...overview.movers.down];
  return (
    <ChartFrame
      chartId="overview-movers"
      title={moversTitle(overview)}
      summary={moversSummary(overview)}
      provenance={overview.provenance}
      loading={loading}
      empty={all.length ? null : { message: "No movers yet", suggestion: "Movers need two weeks of data." }}
      table={{
        columns: [
          { key: "model", label: "Model" },
          { key: "share", label: "Share", numeric: true, format: (v) => formatShare(Number(v)) },
          { key: "previous_share", label: "Prior week", numeric: true, format: (v) => formatShare(Number(v)) },
          { key: "share_change", label: "Change", numeric: true, format: (v) => formatPoints(Number(v)) },
        ],
        rows: all.map((m) => ({ model: m.key, share: m.share, previous_share: m.previousShare, share_change: m.shareChange })),
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Column title="Gaining share" items={overview.movers.up} color="var(--series-2)" />
        <Column title="Losing share" items={overview.movers.down} color="var(--series-3)" />
      </div>
    </ChartFrame>
  );
}
