"use client";

import Link from "next/link";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { TableData } from "@/components/frame/types";
import { compareTopAppsSummary, topAppsTitle, type TopAppsColumn } from "@/lib/figures/apps";
import { formatTokens } from "@/lib/format";
import { seriesColor } from "@/lib/ui/palette";

export type { TopAppsColumn };

function table(cols: TopAppsColumn[]): TableData {
  return {
    columns: [
      { key: "app_id", label: "App id" },
      { key: "app_name", label: "App" },
      { key: "model", label: "Model" },
      { key: "tokens", label: "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
    ],
    rows: cols.flatMap((c) => (c.result?.apps ?? []).map((a) => ({ app_id: a.appId, app_name: a.appName, model: c.result?.model ?? c.label, tokens: a.tokens }))),
  };
}

/** The top apps of each compared model, side by side, bars in the model's colour. */
export function CompareTopApps({ cols, loading }: { cols: TopAppsColumn[]; loading: boolean }) {
  const first = cols.find((c) => c.result)?.result;
  const any = cols.some((c) => c.result?.apps.length);
  // One scale for all columns: side by side, bar lengths compare across models.
  const max = Math.max(0, ...cols.flatMap((c) => c.result?.apps.map((a) => Number(a.tokens)) ?? []));
  return (
    <ChartFrame
      chartId="compare-top-apps"
      title={topAppsTitle(first)}
      summary={compareTopAppsSummary(cols)}
      provenance={first?.provenance}
      table={table(cols)}
      loading={loading}
      below={
        any && (
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <span>App pages:</span>
            {[...new Map(cols.flatMap((c) => c.result?.apps.slice(0, 3) ?? []).map((a) => [a.appId, a])).values()].map((a) => (
              <Link key={a.appId} href={`/apps/${encodeURIComponent(a.appId)}`} className="underline decoration-dotted hover:text-indigo-700 dark:hover:text-indigo-300">
                {a.appName}
              </Link>
            ))}
          </p>
        )
      }
      empty={first && !any ? { message: "No app usage for these models in this range", suggestion: "Apps are reported monthly for some sources: try a range covering whole months." } : null}
    >
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {cols.map((c, i) => (
          <div key={`${c.label}-${i}`} className="min-w-0">
            <h3 className="mb-1 flex items-center gap-1.5 text-sm font-medium">
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: seriesColor(i) }} />
              <span className="truncate">{c.label}</span>
            </h3>
            {c.result?.apps.length ? (
              <BarListChart
                  items={c.result.apps.map((a) => ({ key: a.appId, label: a.appName, value: Number(a.tokens), color: seriesColor(i) }))}
                  format={(v) => formatTokens(v)}
                  max={max || undefined}
                />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">No app usage in this range.</p>
            )}
          </div>
        ))}
      </div>
    </ChartFrame>
  );
}
