import Link from "next/link";
import { modelHref, vendorHref } from "@/lib/domain/hrefs";
import { vendorName } from "@/lib/domain/vendors";
import { formatContext, formatDay, formatPricePerM, formatTokens } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { IndexRow, SortDir, SortKey } from "@/lib/pages/models-index";
import { INDEX_HEAD_CLASS, IndexTable } from "./index-table";

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Model" },
  { key: "author", label: "Vendor" },
  { key: "launch", label: "Launch" },
  { key: "context", label: "Context", numeric: true },
  { key: "input", label: "Input", numeric: true },
  { key: "output", label: "Output", numeric: true },
  { key: "tokens", label: "Tokens", numeric: true },
];

/**
 * The models index as a server-rendered table: each model links to its page, each vendor to its page.
 * With `sortHref`, column headers are links that sort by that column (a second click reverses it).
 * The table scrolls sideways inside its own focusable region at phone width.
 */
export function ModelsTable({
  rows,
  caption,
  sort,
  sortHref,
}: {
  rows: IndexRow[];
  caption: string;
  sort?: { key: SortKey; dir: SortDir };
  sortHref?: (key: SortKey) => string;
}) {
  return (
    <IndexTable caption={caption} minWidthClass="min-w-[44rem]">
      <thead className={INDEX_HEAD_CLASS}>
        <tr>
          {COLUMNS.map((c) => {
            const active = sort?.key === c.key;
            const ariaSort = active ? (sort!.dir === "asc" ? "ascending" : "descending") : undefined;
            return (
              <th key={c.key} scope="col" aria-sort={ariaSort} className={`px-3 py-2 font-medium ${c.numeric ? "text-right" : ""}`}>
                {sortHref ? (
                  <Link href={sortHref(c.key)} className="inline-flex items-center gap-1 hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                    {c.label}
                    <span aria-hidden="true">{active ? (sort!.dir === "asc" ? "▲" : "▼") : ""}</span>
                    {!active && <span className="sr-only">, sort</span>}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            );
          })}
          <th scope="col" className="px-3 py-2 font-medium">
            Free
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((m) => (
          <tr key={m.publicId}>
            <td className="px-3 py-1.5">
              <Link href={modelHref(m.publicId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {shortName(m.name, m.publicId)}
              </Link>
              <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{m.publicId}</div>
            </td>
            <td className="px-3 py-1.5">
              <Link href={vendorHref(m.author)} className="hover:underline">
                {vendorName(m.author)}
              </Link>
            </td>
            <td className="whitespace-nowrap px-3 py-1.5">{m.launchDate ? formatDay(m.launchDate) : "—"}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatContext(m.contextLength)}</td>
            <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatPricePerM(m.inputPerM, m.priceListed !== false)}</td>
            <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatPricePerM(m.outputPerM, m.priceListed !== false)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatTokens(m.tokens)}</td>
            <td className="px-3 py-1.5">{m.free ? "Free variant" : m.hasFree ? "Has free variant" : "—"}</td>
          </tr>
        ))}
      </tbody>
    </IndexTable>
  );
}
