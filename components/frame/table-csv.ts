import { formatPlainNumber } from "@/lib/format";
import type { TableData } from "./types";

// TEMPORARY until lib/csv.ts lands (backend); then this delegates to it.
function cell(v: string | number | null): string {
  let s = typeof v === "number" ? formatPlainNumber(v) : (v ?? "");
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table a chart shows as CSV: raw values (exact tokens, plain decimals), column keys as the header. */
export function tableToCsv(table: TableData): string {
  if (table.csv) return [table.csv.header.map(cell).join(","), ...table.csv.rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
  const header = table.columns.map((c) => cell(c.key)).join(",");
  const lines = table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)).join(","));
  return [header, ...lines].join("\r\n") + "\r\n";
}
