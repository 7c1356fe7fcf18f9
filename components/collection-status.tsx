import { describeCollection, type CollectorStatus } from "@/lib/domain/collector-status";
import { formatTimestamp } from "@/lib/format";

/** The scheduled collector in the data status: the last collection (what it stored, its error) and the next. */
export function CollectionStatus({ collector }: { collector: CollectorStatus }) {
  const { last } = collector;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3 text-sm dark:border-slate-800" aria-label="Collection from OpenRouter" role="group">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Last collection</dt>
          <dd className="font-medium break-words">
            {last ? (
              <>
                {formatTimestamp(last.finishedAt)}
                {last.trigger === "cli" ? " (npm run collect)" : ""}: {describeCollection(last)}
                {last.error && <span className="mt-1 block font-normal text-red-800 dark:text-red-300">Error: {last.error}</span>}
              </>
            ) : (
              "none yet"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Next collection</dt>
          <dd className="font-medium break-words">
            {collector.runningSince ? `running since ${formatTimestamp(collector.runningSince)}` : collector.next ? formatTimestamp(collector.next) : "not scheduled"}
          </dd>
        </div>
      </dl>
      {collector.note && <p className="mt-2 text-slate-600 dark:text-slate-400">{collector.note}</p>}
    </div>
  );
}
