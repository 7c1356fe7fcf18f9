/**
 * The frame of the index pages' server-rendered tables: a labelled, keyboard-scrollable region (a phone
 * scrolls it sideways), the table with its caption for screen readers, and the header row's look.
 */
export const INDEX_HEAD_CLASS = "bg-slate-50 text-left text-xs text-slate-600 dark:bg-slate-950 dark:text-slate-400";

/** `minWidthClass`: a literal Tailwind class (e.g. "min-w-[22rem]") below which the region scrolls. */
export function IndexTable({ caption, minWidthClass, children }: { caption: string; minWidthClass: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={`Table: ${caption}`} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className={`w-full ${minWidthClass} text-sm`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
