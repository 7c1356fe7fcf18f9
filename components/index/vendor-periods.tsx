import { formatPeriod, formatShare, formatTokens } from "@/lib/format";
import type { SubsidyPoint } from "@/lib/queries/types";
import { INDEX_HEAD_CLASS, IndexTable } from "./index-table";

/**
 * A vendor's tokens per period as a table whose last column draws each period's paid and free tokens as a
 * bar (plain HTML, no chart library): the numbers are the table, the bars only help the eye.
 */
export function VendorPeriods({ points, interval, caption }: { points: SubsidyPoint[]; interval: "day" | "week" | "month"; caption: string }) {
  const max = points.reduce((m, p) => {
    const t = BigInt(p.freeTokens) + BigInt(p.paidTokens);
    return t > m ? t : m;
  }, BigInt(0));
  const pct = (v: string) => (max > BigInt(0) ? Number((BigInt(v) * BigInt(10000)) / max) / 100 : 0);
  return (
    <IndexTable caption={caption} minWidthClass="min-w-[30rem]">
      <thead className={INDEX_HEAD_CLASS}>
        <tr>
          <th scope="col" className="px-3 py-2 font-medium">
            Period
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Paid
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Free
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Free share
          </th>
          <th scope="col" className="w-1/3 px-3 py-2 font-medium">
            <span className="sr-only">Bar: </span>paid <span className="inline-block h-2 w-3 rounded-sm bg-[var(--series-0)] align-middle" aria-hidden="true" /> and free{" "}
            <span className="inline-block h-2 w-3 rounded-sm bg-[var(--series-1)] align-middle" aria-hidden="true" />
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {points.map((p) => (
          <tr key={p.period}>
            <td className="whitespace-nowrap px-3 py-1.5">
              {formatPeriod(p.period, interval)}
              {p.partial && <span className="text-xs text-slate-500 dark:text-slate-400"> (partial)</span>}
            </td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatTokens(p.paidTokens)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatTokens(p.freeTokens)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{p.freeShare === null ? "—" : formatShare(p.freeShare)}</td>
            <td className="px-3 py-1.5" aria-hidden="true">
              <div className="flex h-3 w-full">
                <div className="h-3 rounded-l-sm bg-[var(--series-0)]" style={{ width: `${pct(p.paidTokens)}%` }} />
                <div className="h-3 rounded-r-sm bg-[var(--series-1)]" style={{ width: `${pct(p.freeTokens)}%` }} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </IndexTable>
  );
}
