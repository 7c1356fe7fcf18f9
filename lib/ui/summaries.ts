/**
 * One-sentence summaries generated from the data a chart shows; each is also the chart's accessible
 * description. Numbers are formatted the way writers quote them (236B, 3.7×, 22.4%).
 */
import type { Series, UsageResult } from "@/lib/queries/types";
import { formatDay, formatPeriod, formatRatio, formatTokens } from "@/lib/format";
import { formatShare } from "./metric-format";
import { peakPoint, seriesTotal } from "./chart-data";
import { shortName } from "./labels";

const name = (s: Series) => shortName(s.label, s.key);

export function rangeText(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Summary of a usage chart (any metric, calendar or launch-aligned). */
export function usageSummary(u: UsageResult): string {
  const withData = u.series.filter((s) => s.points.some((p) => p.tokens !== "0"));
  if (!withData.length) return `No usage for ${u.series.length > 1 ? "these series" : "this series"} between ${rangeText(u.from, u.to)}.`;
  const when = u.align === "launch" ? "Counting from each launch (day 0)" : `From ${rangeText(u.from, u.to)}`;
  if (u.metric === "share") {
    const parts = withData.map((s) => {
      const peak = peakPoint(s)!;
      return `${name(s)} peaked at ${formatShare(peak.value)} (${formatPeriod(peak.period, u.interval)})`;
    });
    return `${when}, as a share of all tokens: ${listText(parts)}.`;
  }
  const totals = withData.map((s) => ({ s, total: seriesTotal(s) })).sort((a, b) => (b.total > a.total ? 1 : b.total < a.total ? -1 : 0));
  const [first, second] = totals;
  if (!second) {
    const peak = peakPoint(first.s)!;
    return `${when}, ${name(first.s)} used ${formatTokens(first.total)} tokens, peaking at ${formatTokens(peak.tokens)} (${formatPeriod(peak.period, u.interval)}).`;
  }
  const ratio = second.total > 0n ? Number(first.total) / Number(second.total) : null;
  const rest = totals.slice(2).map((t) => `${name(t.s)} ${formatTokens(t.total)}`);
  return (
    `${when}, ${name(first.s)} used ${formatTokens(first.total)} tokens, ${ratio ? `${formatRatio(ratio)} ` : ""}${name(second.s)}'s ${formatTokens(second.total)}` +
    (rest.length ? `; then ${listText(rest)}.` : ".")
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
