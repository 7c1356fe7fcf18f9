"use client";

import Link from "next/link";
import { AlignControl, IntervalControl, LaunchDaysControl, MetricControl, EventsControl, ScaleControl } from "@/components/controls/view-controls";
import { RangeControl } from "@/components/controls/range-control";
import { ChartFrame } from "@/components/frame/chart-frame";
import { ModelPicker } from "@/components/picker/model-picker";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { compareKeys, compareLabel, compareSpendFigure, compareTopAppsFigure, compareUsageFigure } from "@/lib/figures/compare";
import { colorCss, colorSlots } from "@/lib/figures/palette";
import { useApiQueries, useApiQuery } from "@/lib/ui/use-api";
import { useViewState } from "@/lib/ui/use-view-state";
import { CompareSpecs } from "./compare-specs";
import { compareOptions, compareState, compareTopAppsOptions, compareUsageOptions, MAX_COMPARE } from "@/lib/pages/api-queries";
import type { CompareData } from "@/lib/pages/view-data-types";

const EXAMPLES = [
  { label: "Gemini 3 Flash Preview vs Claude Haiku 4.5", models: "google/gemini-3-flash-preview,anthropic/claude-haiku-4.5" },
  { label: "Claude 3.7 Sonnet vs Gemini 2.5 Pro", models: "anthropic/claude-3.7-sonnet,google/gemini-2.5-pro" },
];

/** `initial`: the server render's data (the charts' answers reach the views through the seeded cache). */
export function CompareView({ initial }: { initial: CompareData }) {
  const { state: raw, update } = useViewState();
  const state = compareState(raw);
  const ready = state.models.length >= 2;
  const compare = useApiQuery(compareOptions(state), { enabled: ready });
  const apps = useApiQueries(ready ? state.models.map((m) => compareTopAppsOptions(state, m)) : []);
  const usage = useApiQuery(compareUsageOptions(state), { enabled: ready });
  const c = compare.data;
  const label = (i: number) => compareLabel(c, state.models, i);
  const keys = compareKeys(c, state.models);
  const colors = colorSlots(keys);
  const selected = state.models.map((m, i) => ({ value: m.join("+"), label: label(i), color: colorCss(colors[i]) }));
  const sample = !!c?.provenance.sample;
  const error = compare.error?.message ?? (compare.data ? null : initial.error);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <ModelPicker
          label={`Models to compare (2–${MAX_COMPARE})`}
          selected={selected}
          max={MAX_COMPARE}
          suggestions={initial.suggestions}
          onChange={(values) => update({ models: values.map((v) => v.split("+")) })}
        />
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <RangeControl resolved={c ? { from: c.from, to: c.to, newestDay: c.newestDay } : null} oldestDay={initial.oldestDay} />
        </div>
      </div>
      {sample && <SampleDataBadge />}
      {!ready ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
          <p className="font-medium">Pick at least two models to compare.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Search above, or start from an example:</p>
          <ul className="mt-2 space-y-1 text-sm">
            {EXAMPLES.map((e) => (
              <li key={e.models}>
                <Link href={`/compare?models=${e.models}`} className="text-indigo-700 underline dark:text-indigo-300">
                  {e.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      ) : (
        <>
          <ChartFrame
            chartId="compare-usage"
            loadingTitle="Adoption"
            figure={usage.data ? compareUsageFigure(usage.data, state, c?.events) : null}
            loading={usage.isFetching}
            error={usage.error?.message}
            controls={
              <>
                <IntervalControl />
                <AlignControl />
                <LaunchDaysControl />
                <MetricControl />
                <ScaleControl />
                <EventsControl />
              </>
            }
          />
          {c && <CompareSpecs data={c} />}
          <ChartFrame
            chartId="compare-top-apps"
            loadingTitle="Top apps"
            figure={compareTopAppsFigure(state.models.map((_, i) => ({ label: label(i), result: apps[i]?.data })), keys)}
            loading={apps.some((a) => a.isFetching)}
          />
          {c && <ChartFrame chartId="compare-spend" figure={compareSpendFigure(c)} loading={compare.isFetching} />}
        </>
      )}
    </div>
  );
}
