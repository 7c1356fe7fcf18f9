/** A figure's CSV download: the API's tidy CSV when the figure carries it, else its table with raw values. */
import { toCsv } from "@/lib/csv";
import type { FigureTable } from "./types";

export function tableCsv(table: FigureTable): string {
  if (table.csv) return table.csv;
  return toCsv(
    table.columns.map((c) => c.key),
    table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
  );
}
