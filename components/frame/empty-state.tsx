import type { EmptyState as Empty } from "./types";

export function EmptyState({ empty }: { empty: Empty }) {
  return (
    <div data-empty className="flex min-h-40 flex-col items-center justify-center rounded border border-dashed border-slate-300 px-4 py-8 text-center dark:border-slate-700">
      <p className="font-medium text-slate-700 dark:text-slate-200">{empty.message}</p>
      {empty.suggestion && <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{empty.suggestion}</p>}
    </div>
  );
}
