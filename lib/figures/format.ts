/** How a figure's values, periods and table cells are written, the same in every renderer. */
import { formatDay, formatPeriod, formatPoints, formatPricePerM, formatShare, formatShareTick, formatTokens, formatUsd } from "@/lib/format";
import type { Interval } from "@/lib/view/state";
import type { Cell, CellKind, ValueKind } from "./types";

/** An axis tick or a bar's value: short ("236B", "25%", "$0.5"). */
export function formatTick(kind: ValueKind, v: number): string {
  switch (kind) {
    case "tokens":
      return formatTokens(v);
    case "share":
      return formatShareTick(v);
    case "usd":
      return formatUsd(v);
    case "price":
      return `$${Number(v.toFixed(2))}`;
    case "points":
      return formatPoints(v);
  }
}

/** A value in a tooltip or table: as exact as a reader needs ("22.41%", "$0.50/M"). */
export function formatValue(kind: ValueKind, v: number): string {
  if (kind === "share") return formatShare(v);
  if (kind === "price") return formatPricePerM(v);
  return formatTick(kind, v);
}

/** An x tick: "5 Jan", "Jan ’26", "Day 30", or a day. */
export function formatX(x: string, kind: Interval | "date"): string {
  return kind === "date" ? formatDay(x) : formatPeriod(x, kind, { short: true });
}

/** A tooltip's heading: "Week of 5 Jan 2026", "From 5 Jan 2026" (price steps). */
export function formatXFull(x: string, kind: Interval | "date"): string {
  return kind === "date" ? `From ${formatDay(x)}` : formatPeriod(x, kind);
}

/** A table cell for display (CSV keeps the raw value). */
export function formatCell(kind: CellKind, v: Cell, interval: Interval = "day"): string {
  if (v === null || v === "") return "—";
  switch (kind) {
    case "text":
      return String(v);
    case "day":
      return formatDay(String(v));
    case "period":
      return formatPeriod(String(v), interval);
    case "price":
      return formatPricePerM(v);
    default:
      return formatValue(kind, Number(v));
  }
}
