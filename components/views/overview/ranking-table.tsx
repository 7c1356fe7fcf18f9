import Link from "next/link";
import type { RankedItem } from "@/lib/queries/types";
import { formatChange, formatExact, formatTokens } from "@/lib/format";
import { formatShare } from "@/lib/format";
import { modelHref, vendorHref } from "@/lib/domain/hrefs";
import { shortName } from "@/lib/labels";

type Row = RankedItem & { model?: { publicId: string; author: string; name: string | null } };

/** Top models or authors of the latest week with their share and week-over-week change. */
export function RankingTable({ id, title, caption, rows, kind }: { id: string; title: string; caption: string; rows: Row[]; kind: "model" | "author" }) {
  const max = rows.length ? Number(rows[0].tokens) : 1;
  return (
    <section aria-labelledby={`${id}-heading`} data-chart-id={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full min-w-[20rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">#</th>
              <th scope="col" className="py-1 pr-3 font-medium">{kind === "model" ? "Model" : "Vendor"}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Tokens</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Share</th>
              <th scope="col" className="py-1 text-right font-medium">
                <abbr title="Change in tokens vs the prior 7 days" className="no-underline">vs prior wk</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-3 tabular-nums text-slate-500 dark:text-slate-400">{i + 1}</td>
                <td className="py-1.5 pr-3">
                  {r.model ? (
                    <>
                      <Link href={modelHref(r.model.publicId)} className="font-medium hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                        {shortName(r.model.name, r.model.publicId)}
                      </Link>
                      <div className="hidden truncate text-xs text-slate-500 sm:block dark:text-slate-400">{r.model.publicId}</div>
                    </>
                  ) : r.key.startsWith("author:") && r.key !== "author:other" ? (
                    <Link href={vendorHref(r.key.slice("author:".length))} className="font-medium hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                      {r.label}
                    </Link>
                  ) : (
                    <span className="font-medium">{r.label}</span>
                  )}
                  <div aria-hidden="true" className="mt-1 h-1.5 rounded bg-indigo-500 dark:bg-indigo-400" style={{ width: `${Math.max(2, (Number(r.tokens) / max) * 100)}%` }} />
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums" title={`${formatExact(r.tokens)} tokens`}>
                  {formatTokens(r.tokens)}
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatShare(r.share)}</td>
                <td className={`py-1.5 text-right tabular-nums ${changeClass(r.change)}`}>{formatChange(r.tokens, r.previousTokens) ?? "new"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function changeClass(change: number | null): string {
  if (change === null) return "text-slate-500 dark:text-slate-400";
  return change >= 0 ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400";
}
