"use client";

import { colorCss } from "@/lib/figures/palette";
import { isPartialAt } from "@/lib/figures/marks";
import type { PlotRow, PlotSeries } from "@/lib/figures/types";

interface Item {
  dataKey?: string | number | ((obj: unknown) => unknown);
  value?: unknown;
  payload?: Record<string, unknown>;
}

/** Tooltip body: the period, then each series' value formatted for humans, largest first. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  series,
  formatValue,
  formatLabel,
  sort = true,
  note,
}: {
  active?: boolean;
  payload?: readonly Item[];
  label?: string | number;
  series: PlotSeries[];
  formatValue: (v: number) => string;
  formatLabel: (x: string) => string;
  sort?: boolean;
  /** Events in this period (lib/figures/events.ts), named under the values. */
  note?: string;
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload ?? {};
  // Values come from the row, not the payload: a partial period's value sits in a second, dashed line.
  const items = series.map((s) => ({ s, v: row[s.key] })).filter((x): x is { s: PlotSeries; v: number } => typeof x.v === "number" && Number.isFinite(x.v));
  if (sort) items.sort((a, b) => b.v - a.v);
  const missing = series.filter((s) => row[s.key] === null);
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
      <p className="mb-1 font-semibold text-slate-900 dark:text-slate-100">
        {formatLabel(String(label ?? ""))}
        {series.some((s) => isPartialAt(row as PlotRow, s.key)) && <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">(partial period)</span>}
      </p>
      <ul className="space-y-0.5">
        {items.map(({ s, v }) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: colorCss(s.color) }} />
            <span className="min-w-0 flex-1 truncate text-slate-700 dark:text-slate-300">{s.label}</span>
            <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">{formatValue(v)}</span>
          </li>
        ))}
        {missing.map((s) => (
          <li key={s.key} className="flex items-center gap-2 text-slate-500 dark:text-slate-400">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm border" style={{ borderColor: colorCss(s.color) }} />
            <span className="min-w-0 flex-1 truncate">{s.label}</span>
            <span>not reported</span>
          </li>
        ))}
      </ul>
      {note && <p data-tooltip-event className="mt-1 border-t border-slate-200 pt-1 text-slate-700 dark:border-slate-700 dark:text-slate-300">{note}</p>}
    </div>
  );
}
