"use client";

import { useId, type ReactNode } from "react";
import type { Provenance } from "@/lib/queries/types";
import { useViewState } from "@/lib/ui/use-view-state";
import { CsvButton } from "./csv-button";
import { DataTable } from "./data-table";
import { DisplayToggle } from "./display-toggle";
import { EmptyState } from "./empty-state";
import { ShareMenu } from "./share-menu";
import { SourceLine } from "./source-line";
import { tableToCsv } from "./table-csv";
import type { EmptyState as Empty, TableData } from "./types";

export interface ChartFrameProps {
  /** Stable id for tests, embeds and CSV file names: "compare-usage", "vendor-free-share"… */
  chartId: string;
  title: string;
  /** One sentence generated from the data; also the chart's accessible description. */
  summary: string;
  provenance?: Provenance | null;
  /** The same numbers the chart shows: the table view and the CSV download. */
  table: TableData;
  /** When set, shown instead of the chart and table. */
  empty?: Empty | null;
  loading?: boolean;
  error?: string | null;
  /** Controls specific to this chart (metric, scale…), shown above it. */
  controls?: ReactNode;
  /** Interactive extras under the chart body (links to app pages…): outside the chart's img role. */
  below?: ReactNode;
  /** Notes under the chart (e.g. how spend is estimated). */
  footnote?: ReactNode;
  /** Replaces the Share menu (links, pinned permalink, embed code, PNG/SVG); `null` hides it. */
  shareMenu?: ReactNode;
  /** The chart itself (an SVG). */
  children: ReactNode;
}

/** The frame every chart sits in: title, summary, Chart/Table toggle, CSV, source line, empty state. */
export function ChartFrame(props: ChartFrameProps) {
  const { chartId, title, summary, provenance, table, empty, loading, error, controls, below, footnote, shareMenu, children } = props;
  const { state, update } = useViewState();
  const titleId = useId();
  const summaryId = useId();
  const showEmpty = !error && !!empty;
  return (
    <figure
      id={chartId}
      data-chart-id={chartId}
      data-loading={loading ? "true" : undefined}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      aria-busy={loading || undefined}
      className="min-w-0 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="relative flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <h2 id={titleId} className="min-w-0 text-base font-semibold">
          {title}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <DisplayToggle label={`${title}: show as`} value={state.display} onChange={(display) => update({ display })} />
          <CsvButton label={`Download ${title} as CSV`} filename={`${chartId}.csv`} build={() => tableToCsv(table)} />
          {shareMenu === undefined ? <ShareMenu chartId={chartId} title={title} state={state} /> : shareMenu}
        </div>
      </div>
      <p id={summaryId} data-chart-summary className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {error ? `Could not load this chart: ${error}` : summary}
      </p>
      {controls && <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">{controls}</div>}
      <div className={`mt-3 motion-safe:transition-opacity ${loading ? "opacity-60" : ""}`}>
        {showEmpty ? (
          <EmptyState empty={empty!} />
        ) : error ? null : state.display === "table" ? (
          <DataTable table={table} caption={title} />
        ) : (
          <div role="img" aria-labelledby={titleId} aria-describedby={summaryId} data-chart-body className="w-full">
            {children}
          </div>
        )}
        {below && !showEmpty && !error && <div className="mt-2">{below}</div>}
      </div>
      <figcaption className="mt-3 space-y-1">
        <SourceLine provenance={provenance} />
        {footnote && <div className="text-xs text-slate-600 dark:text-slate-400">{footnote}</div>}
      </figcaption>
    </figure>
  );
}
