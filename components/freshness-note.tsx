import type { Freshness } from "@/lib/queries/freshness";
import { formatDay, formatTimestamp } from "@/lib/format";

/** How old the newest data is; a warning when it is older than STALE_AFTER_HOURS (sample data excepted). */
export function FreshnessNote({ freshness }: { freshness: Freshness }) {
  if (!freshness.latestAsOf) return null;
  const days = (freshness.ageSeconds ?? 0) / 86_400;
  const age = days < 1 ? `${Math.max(1, Math.round(days * 24))} h ago` : `${Math.round(days)} day${Math.round(days) === 1 ? "" : "s"} ago`;
  const warn = freshness.stale && !freshness.sampleOnly;
  return (
    <p
      role={warn ? "alert" : "status"}
      className={
        warn
          ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          : "text-sm text-slate-600 dark:text-slate-400"
      }
    >
      {warn && <strong className="font-semibold">Stale data. </strong>}
      Newest data as of {formatTimestamp(freshness.latestAsOf)} ({age})
      {freshness.newestUsageDay && <>, daily usage through {formatDay(freshness.newestUsageDay)}</>}
      {warn && <>: nothing newer has arrived for over {freshness.staleAfterHours} hours. Check the collector (docs/collector.md).</>}
    </p>
  );
}
