import type { CollectorStatus } from "@/lib/domain/collector-status";
import type { DataStatus } from "@/lib/queries/data-status";
import { CollectionStatus } from "./collection-status";
import { formatDay, formatTimestamp } from "@/lib/format";

export function DataStatusPanel({ status, collector }: { status: DataStatus; collector: CollectorStatus }) {
  const facts: [string, string][] = [
    ["Snapshots", String(status.snapshotCount)],
    ["Sources", status.sources.join(", ") || "—"],
    ["Newest data as of", status.latestAsOf ? formatTimestamp(status.latestAsOf) : "—"],
    ["Days covered", status.firstDay && status.lastDay ? `${formatDay(status.firstDay)} – ${formatDay(status.lastDay)}` : "—"],
    ["Models", status.modelCount.toLocaleString("en-US")],
    ["Apps", status.appCount.toLocaleString("en-US")],
    ["Model-day rows", status.modelDayRows.toLocaleString("en-US")],
    ["App-period rows", status.appUsageRows.toLocaleString("en-US")],
  ];
  return (
    <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="status-heading" className="text-base font-semibold">Data status</h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <CollectionStatus collector={collector} />
      {status.recentSnapshots.length > 0 && (
        <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Most recent snapshots">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Most recent snapshots</caption>
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">#</th>
                <th scope="col" className="py-1 pr-3 font-medium">Format</th>
                <th scope="col" className="py-1 pr-3 font-medium">Source</th>
                <th scope="col" className="py-1 pr-3 font-medium">As of</th>
                <th scope="col" className="py-1 pr-3 font-medium">Received</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Rows</th>
              </tr>
            </thead>
            <tbody>
              {status.recentSnapshots.map((s) => (
                <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3 tabular-nums">{s.id}</td>
                  <td className="py-1 pr-3">{s.format}</td>
                  <td className="py-1 pr-3">
                    {s.source}
                    {s.isSample && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">sample data</span>}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">{formatTimestamp(s.asOf)}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{formatTimestamp(s.receivedAt)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {Object.values(s.rowCounts ?? {}).reduce((sum, c) => sum + (c?.rows ?? 0), 0).toLocaleString("en-US")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
