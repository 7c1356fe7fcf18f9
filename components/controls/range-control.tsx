"use client";

import { useEffect, useId, useState } from "react";
import { formatDay } from "@/lib/format";
import { parseDayInput, presetRange, RANGE_PRESETS } from "@/lib/view/range-presets";
import { useViewState } from "@/lib/ui/use-view-state";

/**
 * The date range: presets counted from the newest data (lib/view/range-presets.ts), or two date fields
 * written as the charts write dates ("1 Oct 2025"; YYYY-MM-DD works too). A date that cannot be read, or a
 * start after the end, is shown as an error in the control and changes nothing. The resolved range (what the
 * data actually covers) is shown when the URL leaves it open.
 */
export function RangeControl({ resolved, oldestDay }: { resolved: { from: string; to: string; newestDay?: string | null } | null; oldestDay?: string | null }) {
  const { state, update } = useViewState();
  const id = useId();
  // The fields show the URL's dates, else the resolved range; they follow the URL, not each data refresh
  // (which would overwrite what the reader is typing).
  const shownFrom = state.from ?? resolved?.from ?? "";
  const shownTo = state.to ?? resolved?.to ?? "";
  const [from, setFrom] = useState(shownFrom ? formatDay(shownFrom) : "");
  const [to, setTo] = useState(shownTo ? formatDay(shownTo) : "");
  const [error, setError] = useState<{ field: "from" | "to" | "both"; message: string } | null>(null);
  useEffect(() => setFrom(shownFrom ? formatDay(shownFrom) : ""), [shownFrom]);
  useEffect(() => setTo(shownTo ? formatDay(shownTo) : ""), [shownTo]);
  const newest = resolved?.newestDay ?? resolved?.to ?? null;

  function commit(fromText: string, toText: string) {
    const f = parseDayInput(fromText);
    const t = parseDayInput(toText);
    if (!f || !t) {
      setError({ field: !f ? "from" : "to", message: `“${!f ? fromText : toText}” is not a date: write it like 1 Oct 2025 (or 2025-10-01).` });
      return;
    }
    if (f > t) {
      setError({ field: "both", message: `The start (${formatDay(f)}) is after the end (${formatDay(t)}): swap them or change one.` });
      return;
    }
    setError(null);
    setFrom(formatDay(f));
    setTo(formatDay(t));
    if (f === state.from && t === state.to) return;
    update({ from: f, to: t });
  }

  const errorId = `${id}-error`;
  const input = (bad: boolean) =>
    `w-28 rounded-md border bg-white px-2 py-0.5 text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100 ${
      bad ? "border-red-600 dark:border-red-400" : "border-slate-300 dark:border-slate-700"
    }`;
  const badFrom = error?.field === "from" || error?.field === "both";
  const badTo = error?.field === "to" || error?.field === "both";
  return (
    <div role="group" aria-label="Date range" className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Range
        </span>
        {newest && (
          <div className="flex flex-wrap gap-1">
            {RANGE_PRESETS.map((p) => {
              const r = presetRange(p.id, newest, oldestDay ?? null);
              if (!r) return null;
              const on = state.from === r.from && state.to === r.to;
              return (
                <button
                  key={p.id}
                  type="button"
                  aria-pressed={on}
                  title={`${formatDay(r.from)} – ${formatDay(r.to)}`}
                  onClick={() => {
                    setError(null);
                    update({ from: r.from, to: r.to });
                  }}
                  className={`rounded-md border px-2 py-0.5 text-xs font-medium ${
                    on
                      ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950"
                      : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
                  }`}
                >
                  {p.label}
                </button>
              );
            })}
          </div>
        )}
        <span className="inline-flex items-center gap-2">
          <label htmlFor={`${id}-from`} className="sr-only">
            From
          </label>
          <input
            id={`${id}-from`}
            type="text"
            inputMode="text"
            placeholder="1 Oct 2025"
            value={from}
            aria-invalid={badFrom || undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setFrom(e.target.value)}
            onBlur={() => commit(from, to)}
            onKeyDown={(e) => e.key === "Enter" && commit(from, to)}
            className={input(badFrom)}
          />
          <span aria-hidden="true" className="text-xs text-slate-500 dark:text-slate-400">
            to
          </span>
          <label htmlFor={`${id}-to`} className="sr-only">
            To
          </label>
          <input
            id={`${id}-to`}
            type="text"
            inputMode="text"
            placeholder={newest ? formatDay(newest) : "31 Oct 2025"}
            value={to}
            aria-invalid={badTo || undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setTo(e.target.value)}
            onBlur={() => commit(from, to)}
            onKeyDown={(e) => e.key === "Enter" && commit(from, to)}
            className={input(badTo)}
          />
        </span>
      </div>
      {/* Inserted when there is something to say: an alert is announced as it appears. */}
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700 dark:text-red-300">
          {error.message}
        </p>
      )}
    </div>
  );
}
