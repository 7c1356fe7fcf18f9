/**
 * How a time plot's rows are drawn, the same in every renderer: a period cut by the range or the data
 * (partial) is drawn dashed and hollow, so a short last week does not read as a fall; an unreported value
 * (null) is a gap, never a zero.
 */
import type { Plot, PlotRow, TimePlot } from "./types";

/** Key of the dashed twin of a series: its values on partial periods and their neighbours. */
export const partialKey = (key: string) => `${key}__partial`;

/** Field of a row flagging one series' point as partial (launch alignment cuts each series differently). */
export const partialFlag = (key: string) => `${key}__cut`;

/** Is this series' point in this row partial? Its own flag when the row has one, else the row's. */
export function isPartialAt(row: PlotRow, key: string): boolean {
  const own = row[partialFlag(key)];
  return typeof own === "boolean" ? own : !!row.partial;
}

export function hasPartial(plot: Pick<TimePlot, "rows" | "series">): boolean {
  return plot.rows.some((r) => plot.series.some((s) => isPartialAt(r, s.key)));
}

/**
 * Rows with each series split in two: `key` keeps values on complete periods (solid), `partialKey(key)`
 * values on partial periods and on the complete periods next to them, so the segments into and out of a
 * partial period are drawn dashed.
 */
export function splitPartialRows(plot: Pick<TimePlot, "rows" | "series">): PlotRow[] {
  const rows = plot.rows;
  return rows.map((row, i) => {
    const out: PlotRow = { ...row };
    for (const s of plot.series) {
      const cut = (r: PlotRow | undefined) => !!r && isPartialAt(r, s.key);
      const near = cut(row) || cut(rows[i - 1]) || cut(rows[i + 1]);
      const v = row[s.key];
      out[s.key] = cut(row) ? null : v;
      out[partialKey(s.key)] = near ? v : null;
    }
    return out;
  });
}

/** The note every renderer writes under a plot with partial periods. */
export const PARTIAL_NOTE = "Dashed and hollow: a partial period (cut by the selected range or the newest data), not a fall.";

/** Notes a plot's marks need (what dashed and hollow mean), written under it by every renderer. */
export function plotNotes(plot: Plot | null): string[] {
  return plot?.type === "time" && hasPartial(plot) ? [PARTIAL_NOTE] : [];
}
