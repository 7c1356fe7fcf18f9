/**
 * What a usage figure says about a source's windows (weekly trackers; lib/queries/model-windows.ts), the same
 * in every renderer: at interval=week, that windows are the source's own weeks drawn as points beside
 * calendar weeks and never summed with days; at day or month, that the days only a window covers are
 * unreported here, and where to see them.
 */
import { formatDay } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { SeriesPoint, UsageResult, WindowBounds } from "@/lib/queries/types";
import { rangeText } from "./summaries";

/** "16 Nov – 22 Nov 2025 (the source's week)", "to 2 Mar 2026 (a weekly run: start unknown, totals rounded)". */
export function windowText(w: WindowBounds): string {
  if (w.from) return `${rangeText(w.from, w.to)} (the source's week${w.rounded ? ", totals rounded" : ""})`;
  return `to ${formatDay(w.to)} (a weekly run: start unknown${w.rounded ? ", totals rounded to 1B" : ""})`;
}

const windowsOf = (s: UsageResult["series"][number]): SeriesPoint[] => s.windows ?? [];

export function windowNotes(u: UsageResult): string[] {
  const withWindows = u.series.filter((s) => windowsOf(s).length);
  if (!withWindows.length) return [];
  const names = withWindows.map((s) => shortName(s.label, s.key)).join(", ");
  const all = withWindows.flatMap(windowsOf);
  const notes: string[] = [];
  if (u.interval === "week") {
    notes.push(
      `Points: ${names} — the source's own weekly windows, placed at each window's first day (weeks run Sunday to Saturday; calendar weeks here run Monday to Sunday). A window is never split into days, re-cut into calendar weeks, or added to daily figures.`,
    );
    if (all.some((p) => p.window && !p.window.from)) notes.push("A weekly run's window ends on its run day; its start is unknown and its totals are rounded to 1B.");
  } else {
    notes.push(`${names}: some days here are covered only by the source's weekly windows, so they are unreported at this interval (not zero). Choose Week to see the windows.`);
  }
  return notes;
}
