"use client";

import { colorCss, seriesDash } from "@/lib/figures/palette";
import type { PlotSeries } from "@/lib/figures/types";

export interface LegendState {
  hidden: ReadonlySet<string>;
  highlighted: string | null;
}

/**
 * An HTML legend under the chart that also controls it: clicking (or Enter/Space on) a name hides or shows
 * its series, "only" isolates it, hovering or focusing highlights it. Names are rendered as text.
 */
export function ChartLegend({
  series,
  state,
  onToggle,
  onIsolate,
  onHighlight,
}: {
  series: PlotSeries[];
  state: LegendState;
  onToggle: (key: string) => void;
  onIsolate: (key: string) => void;
  onHighlight: (key: string | null) => void;
}) {
  if (series.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend: show, hide or isolate a series">
      {series.map((s) => {
        const hidden = state.hidden.has(s.key);
        return (
          <li key={s.key} className="group flex min-w-0 items-center" onMouseEnter={() => onHighlight(s.key)} onMouseLeave={() => onHighlight(null)}>
            <button
              type="button"
              aria-pressed={!hidden}
              title={`${s.label}: ${hidden ? "show" : "hide"}`}
              onClick={() => onToggle(s.key)}
              onFocus={() => onHighlight(s.key)}
              onBlur={() => onHighlight(null)}
              className={`flex min-w-0 max-w-[16rem] items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${hidden ? "opacity-40 line-through" : ""}`}
            >
              <svg aria-hidden="true" width="16" height="8" className="shrink-0">
                {s.points ? (
                  <circle cx="8" cy="4" r="3.5" fill={colorCss(s.color)} />
                ) : (
                  <line x1="0" y1="4" x2="16" y2="4" stroke={colorCss(s.color)} strokeWidth="3" strokeDasharray={seriesDash(s.color)} />
                )}
              </svg>
              <span className="truncate">{s.label}</span>
            </button>
            <button
              type="button"
              onClick={() => onIsolate(s.key)}
              aria-label={`Show only ${s.label}`}
              className="rounded px-1 text-[11px] text-slate-500 opacity-0 hover:text-slate-900 focus:opacity-100 group-hover:opacity-100 dark:text-slate-400 dark:hover:text-slate-100"
            >
              only
            </button>
          </li>
        );
      })}
    </ul>
  );
}
