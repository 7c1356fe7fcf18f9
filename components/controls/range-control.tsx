"use client";

import { useEffect, useId, useState } from "react";
import { addDays } from "@/lib/view/periods";
import { useViewState } from "@/lib/ui/use-view-state";

const PRESETS = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

/**
 * The date range: presets relative to the newest data, or two date fields. The resolved range (what the
 * data actually covers) is shown when the URL leaves it open.
 */
export function RangeControl({ resolved, oldestDay }: { resolved: { from: string; to: string; newestDay?: string | null } | null; oldestDay?: string | null }) {
  const { state, update } = useViewState();
  const id = useId();
  // The fields show the URL's dates, else the resolved range; they follow the URL, not each data refresh
  // (which would overwrite what the reader is typing).
  const shownFrom = state.from ?? resolved?.from ?? "";
  const shownTo = state.to ?? resolved?.to ?? "";
  const [from, setFrom] = useState(shownFrom);
  const [to, setTo] = useState(shownTo);
  useEffect(() => setFrom(shownFrom), [shownFrom]);
  useEffect(() => setTo(shownTo), [shownTo]);
  const newest = resolved?.newestDay ?? resolved?.to ?? null;

  function commit(nextFrom: string, nextTo: string) {
    const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (!valid(nextFrom) || !valid(nextTo) || nextFrom > nextTo) return;
    if (nextFrom === state.from && nextTo === state.to) return;
    update({ from: nextFrom, to: nextTo });
  }

  const input =
    "rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:[color-scheme:dark]";
  return (
    <div role="group" aria-label="Date range" className="flex flex-wrap items-center gap-2">
      <span aria-hidden="true" className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Range
      </span>
      {newest && (
        <div className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
          {PRESETS.map((p, i) => {
            const pf = addDays(newest, -(p.days - 1));
            const on = state.to === newest && state.from === pf;
            return (
              <button
                key={p.days}
                type="button"
                aria-pressed={on}
                onClick={() => update({ from: pf, to: newest })}
                className={`px-2.5 py-1 text-xs font-medium ${i > 0 ? "border-l border-slate-300 dark:border-slate-700" : ""} ${
                  on
                    ? "bg-indigo-600 text-white dark:bg-indigo-400 dark:text-slate-950"
                    : "bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
                }`}
              >
                {p.label}
              </button>
            );
          })}
          {oldestDay && (
            <button
              type="button"
              aria-pressed={state.from === oldestDay && state.to === newest}
              onClick={() => update({ from: oldestDay, to: newest })}
              className={`border-l border-slate-300 px-2.5 py-1 text-xs font-medium dark:border-slate-700 ${
                state.from === oldestDay && state.to === newest
                  ? "bg-indigo-600 text-white dark:bg-indigo-400 dark:text-slate-950"
                  : "bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
              }`}
            >
              All
            </button>
          )}
        </div>
      )}
      <label htmlFor={`${id}-from`} className="sr-only">
        From
      </label>
      <input
        id={`${id}-from`}
        type="date"
        value={from}
        min={oldestDay ?? undefined}
        max={newest ?? undefined}
        onChange={(e) => setFrom(e.target.value)}
        onBlur={() => commit(from, to)}
        onKeyDown={(e) => e.key === "Enter" && commit(from, to)}
        className={input}
      />
      <span aria-hidden="true" className="text-xs text-slate-500 dark:text-slate-400">
        to
      </span>
      <label htmlFor={`${id}-to`} className="sr-only">
        To
      </label>
      <input
        id={`${id}-to`}
        type="date"
        value={to}
        min={oldestDay ?? undefined}
        max={newest ?? undefined}
        onChange={(e) => setTo(e.target.value)}
        onBlur={() => commit(from, to)}
        onKeyDown={(e) => e.key === "Enter" && commit(from, to)}
        className={input}
      />
    </div>
  );
}
