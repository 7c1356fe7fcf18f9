"use client";

import { IntervalControl, TopControl } from "@/components/controls/view-controls";
import { RangeControl } from "@/components/controls/range-control";
import { ChartFrame } from "@/components/frame/chart-frame";
import { marketFreeShareFigure, moversFigure, overviewShareFigure } from "@/lib/figures/overview";
import type { OverviewResult } from "@/lib/queries/types";
import { formatChange, formatDay, formatShare, formatTokens } from "@/lib/format";
import { shortName } from "@/lib/labels";
import { useViewState } from "@/lib/ui/use-view-state";
import { RankingTable } from "./ranking-table";

/** The overview's charts; its controls re-render the page on the server (there is no overview API). */
export function OverviewView({ overview, oldestDay }: { overview: OverviewResult; oldestDay: string | null }) {
  const { state, pending } = useViewState();
  const week = overview.week!;
  const stats: [string, string][] = [
    ["Tokens, latest week", formatTokens(overview.totalTokens)],
    ["vs prior week", formatChange(overview.totalTokens, overview.previousTotalTokens) ?? "—"],
    ["Free share, latest week", overview.freeShare.week === null ? "—" : formatShare(overview.freeShare.week)],
    ["Leader", overview.topModels[0] ? shortName(overview.topModels[0].label, overview.topModels[0].key) : "—"],
  ];
  return (
    <div className="space-y-4" aria-busy={pending || undefined}>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map(([k, v]) => (
          <div key={k} className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="break-words text-lg font-semibold leading-snug tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <RankingTable
          id="overview-top-models"
          kind="model"
          title={`Top models, ${formatDay(week.from)} – ${formatDay(week.to)}`}
          caption="Top models by tokens over the latest 7 days"
          rows={overview.topModels}
        />
        <RankingTable
          id="overview-top-authors"
          kind="author"
          title={`Top vendors, ${formatDay(week.from)} – ${formatDay(week.to)}`}
          caption="Top vendors by tokens over the latest 7 days"
          rows={overview.topAuthors}
        />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <RangeControl resolved={{ from: overview.share.from, to: overview.share.to, newestDay: overview.share.newestDay }} oldestDay={oldestDay} />
      </div>
      <ChartFrame
        chartId="overview-share"
        figure={overviewShareFigure(overview)}
        loading={pending}
        controls={
          <>
            <IntervalControl />
            <TopControl />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame chartId="overview-movers" figure={moversFigure(overview)} loading={pending} />
        <ChartFrame chartId="overview-free-share" figure={marketFreeShareFigure(overview, state.interval)} loading={pending} />
      </div>
    </div>
  );
}
