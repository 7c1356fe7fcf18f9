"use client";

import { IntervalControl, MetricControl } from "@/components/controls/view-controls";
import { ChartFrame } from "@/components/frame/chart-frame";
import { RangeControl } from "@/components/controls/range-control";
import { SampleDataBadge } from "@/components/sample-data-badge";
import type { AppMixResult } from "@/lib/queries/types";
import { useApiQuery } from "@/lib/ui/use-api";
import { useViewState } from "@/lib/ui/use-view-state";
import { appMixFigure, appVolumeFigure } from "@/lib/figures/app";
import { appMixOptions } from "@/lib/pages/api-queries";

/** `initial`: the server render's answer, shown while a changed query has none yet (the seeded cache holds it too). */
export function AppView({ appId, initial, oldestDay }: { appId: string; initial: AppMixResult; oldestDay: string | null }) {
  const { state } = useViewState();
  const { data, isFetching, error } = useApiQuery(appMixOptions(state, appId));
  const d = data ?? initial;
  return (
    <div className="space-y-4">
      {d.provenance.sample && <SampleDataBadge />}
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <RangeControl resolved={{ from: d.from, to: d.to }} oldestDay={oldestDay} />
        <IntervalControl />
      </div>
      {d.interval !== state.interval && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This app&apos;s figures are monthly in this range, so they are shown per month.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {error.message}
        </p>
      )}
      <ChartFrame chartId="app-volume" figure={appVolumeFigure(d)} loading={isFetching} />
      <ChartFrame chartId="app-model-mix" figure={appMixFigure(d, state.metric === "share")} loading={isFetching} controls={<MetricControl options={["tokens", "share"]} />} />
    </div>
  );
}
