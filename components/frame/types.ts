/** The numbers a chart shows, as a table: the frame renders it in table view and exports it as CSV. */
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Display text for the table view; CSV always gets the raw value. */
  format?: (value: Cell, row: Record<string, Cell>) => string;
}

export interface TableData {
  columns: Column[];
  rows: Record<string, Cell>[];
  /** CSV of the same numbers when it has its own shape (the API's tidy CSV from lib/csv.ts), built on click. */
  csv?: () => string;
}

export interface EmptyState {
  message: string;
  suggestion?: string;
}
