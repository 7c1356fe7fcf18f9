import { toCsv } from "@/lib/csv";
import type { TableData } from "./types";

/** The CSV a chart downloads: its own (the API's tidy shape) when given, else its table with raw values. */
export function tableToCsv(table: TableData): string {
  if (table.csv) return table.csv();
  return toCsv(
    table.columns.map((c) => c.key),
    table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
  );
}
