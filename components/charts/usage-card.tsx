"use client";

import type { ReactNode } from "react";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { UsageResult } from "@/lib/queries/types";
import { useApi, type Initial } from "@/lib/ui/use-api";
import { seriesToChartData } from "@/lib/ui/chart-data";
import { metricFormatters } from "@/lib/ui/metric-format";
import { usageSummary } from "@/lib/ui/summaries";
import { TimeSeriesChart } from "./time-series-chart";
import { usageTable } from "./usage-table";

export interface UsageCardProps {
  chartId: string;
  title: string;
  /** API query string for /api/v1/usage ("?models=a,b&interval=week"). */
  query: string;
  initial?: Initial<UsageResult> | null;
  controls?: ReactNode;
  emptySuggestion?: string;
  kind?: "line" | "step";
  scale?: "linear" | "log";
  summary?: (u: UsageResult) => string;
}

/** A usage time series (adoption curves, author totals…) in a chart frame, refetched when the query changes. */
export function UsageCard({ chartId, title, query, initial, controls, emptySuggestion, kind = "line", scale = "linear", summary = usageSummary }: UsageCardProps) {
  const { data, isFetching, error } = useApi<UsageResult>("/api/v1/usage", query, initial);
  const hasData = !!data?.series.some((s) => s.points.some((p) => p.tokens !== "0"));
  const { rows, series } = data ? seriesToChartData(data.series) : { rows: [], series: [] };
  return (
    <ChartFrame
      chartId={chartId}
      title={title}
      summary={data ? summary(data) : "Loading…"}
      provenance={data?.provenance}
      table={data ? usageTable(data) : { columns: [], rows: [] }}
      loading={isFetching}
      error={error?.message ?? null}
      controls={controls}
      empty={
        data && !hasData
          ? { message: "No usage for these models in this range", suggestion: emptySuggestion ?? "Try a longer date range, or calendar alignment." }
          : !data
            ? { message: "Loading…" }
            : null
      }
    >
      {data && (
        <TimeSeriesChart
          rows={rows}
          series={series}
          kind={kind}
          scale={scale}
          format={metricFormatters(data.metric, data.interval)}
        />
      )}
    </ChartFrame>
  );
}
