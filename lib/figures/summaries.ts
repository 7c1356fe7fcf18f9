/**
 * One-sentence summaries generated from the data a chart shows; each is also the chart's accessible
 * description. Numbers are formatted the way writers quote them (236B, 3.7×, 22.4%).
 */
import type { Series, UsageResult } from "@/lib/queries/types";
import { formatDay, formatPeriod, formatRatio, formatTokens } from "@/lib/format";
import { alignedLength } from "@/lib/view/periods";
import { formatShare } from "@/lib/format";
import { isWindowSeries, peakPoint, seriesComplete, seriesTotal } from "./series";
import { shortName } from "@/lib/labels";

const name = (s: Series) => shortName(s.label, s.key);

export function rangeText(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "236B" or "at least 236B" when some period of the series is unreported (the total is a lower bound). */
function totalText(s: Series, total: bigint): string {
  return `${seriesComplete(s) ? "" : "at least "}${formatTokens(total)}`;
}

/**
 * Launch alignment compares like with like: only the days every series has after its launch (the common
 * horizon), in whole aligned periods. Returns the series cut to that span and how to say it.
 */
export function commonLaunchWindow(u: UsageResult): { series: Series[]; when: string } {
  const len = alignedLength(u.interval);
  const start = Math.max(0, ...u.series.map((s) => s.startsAt ?? 0));
  const end = u.horizon ?? Infinity;
  const series = u.series.map((s) => ({ ...s, points: s.points.filter((p) => Number(p.period) >= start && Number(p.period) + len <= end) }));
  const span = Number.isFinite(end) ? (start ? `from day ${start} to day ${end} after each launch` : `in their first ${end} days after launch`) : "counting from each launch (day 0)";
  return { series, when: span.charAt(0).toUpperCase() + span.slice(1) };
}

/** Summary of a usage chart (any metric, calendar or launch-aligned); never calls a gap a drop. */
export function usageSummary(full: UsageResult): string {
  const aligned = full.align === "launch" && full.series.length > 1 ? commonLaunchWindow(full) : null;
  const u = aligned ? { ...full, series: aligned.series } : full;
  const withData = u.series.filter((s) => s.points.some((p) => p.tokens !== null && p.tokens !== "0"));
  if (!withData.length) {
    // Tokens held only in a source's weekly windows are not "no usage": say where they are.
    if (u.series.some((s) => s.windows?.length)) return `No daily figures for ${u.series.length > 1 ? "these series" : "this series"} between ${rangeText(u.from, u.to)}: their tokens here are in the source's weekly windows (choose Week to see them).`;
    return `No usage for ${u.series.length > 1 ? "these series" : "this series"} between ${rangeText(u.from, u.to)}.`;
  }
  const when = aligned ? aligned.when : u.align === "launch" ? "Counting from launch (day 0)" : `From ${rangeText(u.from, u.to)}`;
  const windowed = u.series.filter(isWindowSeries).map(name);
  const gaps =
    (u.series.some((s) => !seriesComplete(s)) ? " Some days are unreported (outside the source's published top models): those totals are lower bounds." : "") +
    (windowed.length ? ` ${listText(windowed)}: the source's weekly windows, each counted whole.` : "");
  if (u.metric === "share") {
    const parts = withData.map((s) => {
      const peak = peakPoint(s)!;
      return `${name(s)} peaked at ${formatShare(peak.value!)} (${formatPeriod(peak.period, u.interval)})`;
    });
    return `${when}, as a share of all tokens: ${listText(parts)}.${gaps}`;
  }
  const totals = withData.map((s) => ({ s, total: seriesTotal(s) })).sort((a, b) => (b.total > a.total ? 1 : b.total < a.total ? -1 : 0));
  const [first, second] = totals;
  if (!second) {
    const peak = peakPoint(first.s)!;
    return `${when}, ${name(first.s)} used ${totalText(first.s, first.total)} tokens, peaking at ${formatTokens(peak.tokens ?? 0)} (${formatPeriod(peak.period, u.interval)}).${gaps}`;
  }
  // A ratio of two lower bounds says nothing: only quote it when both totals are exact.
  // Windows (counted whole) and days (inside the range) cover different spans: no ratio between them either.
  const exact = seriesComplete(first.s) && seriesComplete(second.s) && isWindowSeries(first.s) === isWindowSeries(second.s);
  const ratio = exact && second.total > 0n ? Number(first.total) / Number(second.total) : null;
  const rest = totals.slice(2).map((t) => `${name(t.s)} ${totalText(t.s, t.total)}`);
  return (
    `${when}, ${name(first.s)} used ${totalText(first.s, first.total)} tokens, ${ratio ? `${formatRatio(ratio)} ` : "against "}${name(second.s)}'s ${totalText(second.s, second.total)}` +
    (rest.length ? `; then ${listText(rest)}.` : ".") +
    gaps
  );
}

/** Summary of a stacked share-of-all-tokens chart (top N + others). */
export function shareStackSummary(series: Series[], interval: UsageResult["interval"], otherKey?: string): string {
  const named = series.filter((s) => s.key !== otherKey && s.points.length);
  if (!named.length) return "No usage in this range.";
  const lastPeriod = named[0].points[named[0].points.length - 1]?.period;
  const latest = named
    .map((s) => ({ s, v: s.points.find((p) => p.period === lastPeriod)?.value ?? 0 }))
    .sort((a, b) => b.v - a.v);
  const top = latest[0];
  const combined = latest.reduce((sum, x) => sum + x.v, 0);
  return `In ${formatPeriod(lastPeriod, interval).replace(/^Week of/, "the week of")}, ${name(top.s)} had the largest share of all tokens (${formatShare(top.v)}); the ${named.length} models shown together had ${formatShare(combined)}.`;
}
