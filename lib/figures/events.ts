/**
 * Events (lib/queries/events.ts) as markers on a figure's time plot: each placed on the period that holds its
 * date, labelled in words, so the page (Recharts), embeds and images draw the same markers from one list.
 * Launch-aligned plots (x = days since launch) and events outside the plotted periods get none.
 */
import { addDays } from "@/lib/domain/days";
import { formatDay, formatPricePerM } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { ModelEvent } from "@/lib/queries/types";
import type { EventDisplay } from "@/lib/view/state";
import type { PlotEvent, TimePlot } from "./types";

const IS_DAY = /^\d{4}-\d{2}-\d{2}$/;

function priceWords(e: ModelEvent): string {
  const parts: string[] = [];
  if (e.before?.inputPerM !== e.after?.inputPerM) parts.push(`input ${formatPricePerM(e.before?.inputPerM ?? null)} → ${formatPricePerM(e.after?.inputPerM ?? null)}`);
  if (e.before?.outputPerM !== e.after?.outputPerM) parts.push(`output ${formatPricePerM(e.before?.outputPerM ?? null)} → ${formatPricePerM(e.after?.outputPerM ?? null)}`);
  return parts.join(", ");
}

/** What happened, in words: "Qwen2.5 72B Instruct: input $0.23/M → $0.13/M". */
export function eventText(e: ModelEvent): string {
  const name = shortName(e.name, e.model);
  switch (e.type) {
    case "launch":
      return `${name} launched`;
    case "free-added":
      return `${name}: free variant added`;
    case "free-removed":
      return `${name}: end of the free tier (last seen)`;
    case "removed":
      return `${name} removed (last seen)`;
    case "price-change":
      return `${name}: ${priceWords(e)}`;
  }
}

/** The last day of the period that starts at `x`. */
function periodEnd(x: string, unit: TimePlot["x"]): string {
  if (unit === "week") return addDays(x, 6);
  if (unit === "month") {
    const [y, m] = x.split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return x;
}

/**
 * Markers for a plot: one per period holding events (their texts joined), only for periods the plot draws.
 * On a plain-date axis (price history) an event goes to the step in effect on its day.
 */
export function plotEvents(plot: Pick<TimePlot, "rows" | "x">, events: readonly ModelEvent[] | undefined, show: EventDisplay = "show"): PlotEvent[] {
  const rows = plot.rows;
  if (show === "hide" || !events?.length || !rows.length || !IS_DAY.test(rows[0].x)) return [];
  const last = rows[rows.length - 1].x;
  const end = periodEnd(last, plot.x);
  const byX = new Map<string, string[]>();
  for (const e of events) {
    if (e.date < rows[0].x || e.date > end) continue;
    let i = rows.length - 1;
    while (i > 0 && rows[i].x > e.date) i--;
    const x = rows[i].x;
    byX.set(x, [...(byX.get(x) ?? []), `${formatDay(e.date)}: ${eventText(e)}`]);
  }
  return [...byX].map(([x, texts]) => ({ x, label: texts.join("; ") }));
}

/** A sentence for a summary naming the latest event drawn, only when one is (never invented). */
export function latestEventSentence(markers: readonly PlotEvent[]): string {
  const latest = markers[markers.length - 1];
  if (!latest) return "";
  const n = markers.length;
  return ` ${n === 1 ? "Event marked" : `Events marked in ${n} periods; the latest`}: ${latest.label}.`;
}
