"use client";

import Link from "next/link";
import { useId, type ReactNode } from "react";
import { FigureChart } from "@/components/charts/figure-chart";
import { tableCsv } from "@/lib/figures/csv";
import type { Figure } from "@/lib/figures/types";
import type { ChartId } from "@/lib/view/charts";
import { useViewState } from "@/lib/ui/use-view-state";
import { usePageView } from "@/lib/ui/view-defaults";
import { withAuthorWords } from "@/lib/figures/author-words";
import { downloadName } from "@/lib/share/download-name";
import { CiteThis } from "./cite-this";
import { CsvButton } from "./csv-button";
import { DataTable } from "./data-table";
import { DisplayToggle } from "./display-toggle";
import { ShareMenu } from "./share-menu";
import { SourceLine } from "./source-line";

export interface ChartFrameProps {
  /** Stable id for tests, embeds and CSV file names: "compare-usage", "vendor-free-share"… */
  chartId: ChartId;
  /** Everything the chart shows (lib/figures); null while its data loads. */
  figure: Figure | null;
  /** The title while the figure is loading. */
  loadingTitle?: string;
  loading?: boolean;
  error?: string | null;
  /** Controls specific to this chart (metric, scale…), shown above it. */
  controls?: ReactNode;
  /** Replaces the Share menu (links, pinned permalink, embed code, PNG/SVG); `null` hides it. */
  shareMenu?: ReactNode;
}

/**
 * The frame every chart sits in: title, summary (the chart's accessible description), Chart/Table toggle,
 * CSV, the chart drawn from its figure, links, source line, footnotes, empty state. Nothing about the chart
 * itself is decided here: it all comes from the figure.
 */
export function ChartFrame({ chartId, figure: built, loadingTitle, loading, error, controls, shareMenu }: ChartFrameProps) {
  const { state, update } = useViewState();
  const { view, subject } = usePageView();
  // The author's words (view state) on the chart they were written for; React escapes them like any text.
  const figure = built && withAuthorWords(built, state);
  const csvName = view ? downloadName({ view, subject, state }, chartId, "csv") : `${chartId}.csv`;
  const titleId = useId();
  const summaryId = useId();
  const title = figure?.title ?? loadingTitle ?? "Loading…";
  const empty = !error && figure ? figure.empty : null;
  const busy = loading || !figure;
  return (
    <figure
      id={chartId}
      data-chart-id={chartId}
      data-loading={busy ? "true" : undefined}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      aria-busy={busy || undefined}
      className="min-w-0 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="relative flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={titleId} className="break-words text-base font-semibold">
            {title}
          </h2>
          {figure?.subtitle && (
            <p data-chart-subtitle className="break-words text-sm text-slate-700 dark:text-slate-300">
              {figure.subtitle}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <DisplayToggle label={`${title}: show as`} value={state.display} onChange={(display) => update({ display })} />
          {figure && <CsvButton label={`Download ${title} as CSV`} filename={csvName} build={() => tableCsv(figure.table)} />}
          {figure && shareMenu === undefined && <CiteThis chartId={chartId} figure={figure} state={state} />}
          {shareMenu === undefined ? <ShareMenu chartId={chartId} title={title} state={state} /> : shareMenu}
        </div>
      </div>
      <p id={summaryId} data-chart-summary className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {error ? `Could not load this chart: ${error}` : (figure?.summary ?? "Loading…")}
      </p>
      {controls && <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">{controls}</div>}
      <div className={`mt-3 motion-safe:transition-opacity ${loading ? "opacity-60" : ""}`}>
        {error || !figure ? null : empty ? (
          <div data-empty className="flex min-h-[10rem] flex-col items-center justify-center rounded border border-dashed border-slate-300 p-6 text-center dark:border-slate-700" role="status">
            <p className="font-medium">{empty.message}</p>
            {empty.suggestion && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{empty.suggestion}</p>}
          </div>
        ) : state.display === "table" ? (
          <DataTable table={figure.table} caption={title} />
        ) : (
          figure.plot && (
            <div data-chart-body className="w-full">
              <FigureChart plot={figure.plot} labelledBy={titleId} describedBy={summaryId} />
            </div>
          )
        )}
        {figure?.links && !empty && !error && (
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <span>{figure.links.label}:</span>
            {figure.links.items.map((l) => (
              <Link key={l.href} href={l.href} className="underline decoration-dotted hover:text-indigo-700 dark:hover:text-indigo-300">
                {l.label}
              </Link>
            ))}
          </p>
        )}
      </div>
      <figcaption className="mt-3 space-y-1">
        <SourceLine provenance={figure?.provenance} />
        {figure?.footnotes.map((note) => (
          <p key={note} className="text-xs text-slate-600 dark:text-slate-400">
            {note}
          </p>
        ))}
      </figcaption>
    </figure>
  );
}
