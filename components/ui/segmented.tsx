"use client";

/** A small labelled group of toggle buttons (aria-pressed) for one choice: interval, metric, scale… */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  hideLabel = false,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hideLabel?: boolean;
}) {
  return (
    <div role="group" aria-label={label} className="flex items-center gap-2">
      {!hideLabel && (
        <span aria-hidden="true" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          {label}
        </span>
      )}
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {options.map((o, i) => {
          const on = o.value === value;
          return (
            <button
              key={o.value}
              type="button"
              aria-pressed={on}
              onClick={() => !on && onChange(o.value)}
              className={`px-2.5 py-1 text-xs font-medium ${i > 0 ? "border-l border-slate-300 dark:border-slate-700" : ""} ${
                on
                  ? "bg-indigo-600 text-white dark:bg-indigo-400 dark:text-slate-950"
                  : "bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
              }`}
            >
              {o.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
