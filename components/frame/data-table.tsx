import { formatCell } from "@/lib/figures/format";
import type { FigureTable } from "@/lib/figures/types";

const NUMERIC = new Set(["tokens", "share", "usd", "price", "points"]);

/** The table view of a chart: the same numbers, written by the figure's column kinds; scrolls on narrow screens. */
export function DataTable({ table, caption, maxRows = 400 }: { table: FigureTable; caption: string; maxRows?: number }) {
  const rows = table.rows.slice(0, maxRows);
  return (
    <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label={`${caption} (table)`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-1.5 font-medium ${NUMERIC.has(c.kind) ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
              {table.columns.map((c) => (
                <td key={c.key} className={`whitespace-nowrap px-3 py-1 ${NUMERIC.has(c.kind) ? "text-right tabular-nums" : ""}`}>
                  {formatCell(c.kind, row[c.key] ?? null, table.interval)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > maxRows && (
        <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
          Showing the first {maxRows} of {table.rows.length} rows; the CSV has them all.
        </p>
      )}
    </div>
  );
}
