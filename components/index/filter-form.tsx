/**
 * A GET form of filters: works without JavaScript, keeps the range and any other parameter it does not own
 * as hidden fields, and labels every control.
 */
export function FilterForm({ label, action, keep, children }: { label: string; action: string; keep: Record<string, string | null | undefined>; children: React.ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {children}
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300">
        Apply
      </button>
    </form>
  );
}

export const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
export const LABEL = "block text-xs font-medium text-slate-600 dark:text-slate-400";
