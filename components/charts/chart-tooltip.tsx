"use client";

import type { ChartSeries } from "./types";

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
}: {
  active?: boolean;
  payload?: readonly Item[];
  label?: string | number;
  series: ChartSeries[];
  formatValue: (v: number) => string;
  formatLabel: (x: string) => string;
  sort?: boolean;
}) {
  if (!active || !payload?.length) return null;
  const byKey = new Map(series.map((s) => [s.key, s]));
  const items = payload
    .filter((p) => typeof p.value === "number" && Number.isFinite(p.value) && typeof p.dataKey === "string" && byKey.has(p.dataKey))
    .map((p) => ({ s: byKey.get(p.dataKey as string)!, v: p.value as number }));
  if (sort) items.sort((a, b) => b.v - a.v);
  const partial = payload[0]?.payload?.partial === true;
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
      <p className="mb-1 font-semibold text-slate-900 dark:text-slate-100">
        {formatLabel(String(label ?? ""))}
        {partial && <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">(partial period)</span>}
      </p>
      <ul className="space-y-0.5">
        {items.map(({ s, v }) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: s.color }} />
            <span className="min-w-0 flex-1 truncate text-slate-700 dark:text-slate-300">{s.label}</span>
            <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">{formatValue(v)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
