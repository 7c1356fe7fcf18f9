"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { OverviewResult } from "@/lib/queries/types";
import { formatDay } from "@/lib/format";
import { shortName } from "@/lib/ui/labels";
import { formatShare } from "@/lib/ui/metric-format";

/** Percentage points: 0.021 → "+2.1 pp". */
export function formatPoints(change: number): string {
  const pp = change * 100;
  const digits = Math.abs(pp) < 0.1 ? 2 : 1;
  return `${pp >= 0 ? "+" : "−"}${Math.abs(pp).toFixed(digits)} pp`;
}

type Mover = OverviewResult["movers"]["up"][number];

function summary(o: OverviewResult): string {
  const [up] = o.movers.up;
  const [down] = o.movers.down;
  if (!up && !down) return "No change in share between the last two weeks.";
  const parts = [];
  if (up) parts.push(`${shortName(up.label, up.key)} gained the most share (${formatPoints(up.shareChange)}, now ${formatShare(up.share)})`);
  if (down) parts.push(`${shortName(down.label, down.key)} lost the most (${formatPoints(down.shareChange)}, now ${formatShare(down.share)})`);
  return `Week over week, ${parts.join("; ")}.`;
}

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
  const week = overview.week;
  return (
    <ChartFrame
      chartId="overview-movers"
      title={week ? `Biggest movers, week to ${formatDay(week.to)}` : "Biggest movers"}
      summary={summary(overview)}
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
