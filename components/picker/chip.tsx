"use client";

/** One selected item, removable with its × button (Backspace in the empty search removes the last). */
export function Chip({ label, onRemove, color }: { label: string; onRemove: () => void; color?: string }) {
  return (
    <li className="flex max-w-full items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pl-2 pr-0.5 text-xs dark:border-slate-700 dark:bg-slate-800">
      {color && <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: color }} />}
      <span className="truncate">{label}</span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${label}`}
        className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-slate-100"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
