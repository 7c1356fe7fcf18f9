"use client";

import Link from "next/link";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { AppsResult } from "@/lib/queries/types";
import { formatDay, formatTokens } from "@/lib/format";
import { topAppsSummary, topAppsTitle } from "@/lib/figures/apps";
import { appsCsv } from "@/lib/csv";
import { useApi, type Initial } from "@/lib/ui/use-api";
import { seriesColor } from "@/lib/ui/palette";
import { BarListChart } from "./bar-list-chart";

/** Top apps of one model (or all models) over the range, refetched as the range changes. */
export function TopAppsCard({ chartId, subject, query, initial, color = seriesColor(0) }: { chartId: string; subject: string; query: string; initial?: Initial<AppsResult> | null; color?: string }) {
  const { data, isFetching, error } = useApi<AppsResult>("/api/v1/apps", query, initial);
  const apps = data?.apps ?? [];
  const cov = data?.coverage;
  return (
    <ChartFrame
      chartId={chartId}
      title={topAppsTitle(data)}
      summary={data ? topAppsSummary(data, subject) : "Loading…"}
      provenance={data?.provenance}
      loading={isFetching}
      error={error?.message ?? null}
      empty={!data ? { message: "Loading…" } : apps.length ? null : { message: "No app usage for this model in this range", suggestion: "Apps are often reported per month: try a range covering whole months." }}
      table={{
        columns: [
          { key: "app_id", label: "App id" },
          { key: "app_name", label: "App" },
          { key: "model", label: "Model" },
          { key: "tokens", label: "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
        ],
        rows: apps.map((a) => ({ app_id: a.appId, app_name: a.appName, model: data?.model ?? a.model, tokens: a.tokens })),
        csv: data ? () => appsCsv(data) : undefined,
      }}
      footnote={
        cov && cov.from && (cov.from !== data?.from || cov.to !== data?.to)
          ? `App figures cover ${formatDay(cov.from)} – ${formatDay(cov.to)}${data?.basis === "window" ? " (the source's own window)" : " (whole months where only monthly figures exist)"}.`
          : null
      }
      below={
        apps.length > 0 && (
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <span>App pages:</span>
            {apps.slice(0, 5).map((a) => (
              <Link key={a.appId} href={`/apps/${encodeURIComponent(a.appId)}`} className="underline decoration-dotted hover:text-indigo-700 dark:hover:text-indigo-300">
                {a.appName}
              </Link>
            ))}
          </p>
        )
      }
    >
      <BarListChart items={apps.map((a) => ({ key: a.appId, label: a.appName, value: Number(a.tokens), color }))} format={(v) => formatTokens(v)} />
    </ChartFrame>
  );
}
