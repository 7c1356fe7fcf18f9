import type { ChartSeries } from "./types";

/** An HTML legend under the chart: wraps on narrow screens, names rendered as text. */
export function ChartLegend({ series }: { series: ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key} className="flex min-w-0 items-center gap-1.5">
          <svg aria-hidden="true" width="16" height="8" className="shrink-0">
            <line x1="0" y1="4" x2="16" y2="4" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
          </svg>
          <span className="truncate">{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
