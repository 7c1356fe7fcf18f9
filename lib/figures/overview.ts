/**
 * The overview's charts: share of all tokens (stacked, top models then "Others"), biggest movers, free share
 * of the market. Titles, summaries and the folding of small series are defined here once, for the page's
 * chart frames (components/views/overview/*) and for embeds and images.
 */
import type { OverviewResult, Series } from "@/lib/queries/types";
import { formatDay, formatPeriod } from "@/lib/format";
import { comparePeriods } from "@/lib/ui/chart-data";
import { shortName } from "@/lib/ui/labels";
import { formatShare } from "@/lib/ui/metric-format";
import { PALETTE_SIZE } from "@/lib/ui/palette";
import { shareStackSummary } from "@/lib/ui/summaries";
import type { Interval } from "@/lib/view/state";
import { seriesPlot } from "./plot";
import type { Figure } from "./types";

export const OTHERS = "others";

/** Keeps the palette's worth of models; the rest join "Others" (shares and tokens add up). */
export function foldIntoOthers(series: Series[]): Series[] {
  const named = series.filter((s) => s.key !== OTHERS);
  const others = series.find((s) => s.key === OTHERS);
  if (named.length < PALETTE_SIZE) return series;
  const keep = named.slice(0, PALETTE_SIZE - 1);
  const fold = [...named.slice(PALETTE_SIZE - 1), ...(others ? [others] : [])];
  const byPeriod = new Map<string, { tokens: bigint; value: number; partial: boolean }>();
  for (const s of fold)
    for (const p of s.points) {
      const cur = byPeriod.get(p.period) ?? { tokens: 0n, value: 0, partial: false };
      cur.tokens += BigInt(p.tokens);
      cur.value += p.value;
      cur.partial ||= p.partial;
      byPeriod.set(p.period, cur);
    }
  const merged: Series = {
    key: OTHERS,
    label: "Others",
    members: [],
    launchDate: null,
    points: [...byPeriod.entries()].sort((a, b) => comparePeriods(a[0], b[0])).map(([period, v]) => ({ period, tokens: v.tokens.toString(), value: v.value, partial: v.partial })),
  };
  return [...keep, merged];
}

/** Percentage points: 0.021 → "+2.1 pp". */
export function formatPoints(change: number): string {
  const pp = change * 100;
  const digits = Math.abs(pp) < 0.1 ? 2 : 1;
  return `${pp >= 0 ? "+" : "−"}${Math.abs(pp).toFixed(digits)} pp`;
}

export function moversTitle(o: OverviewResult): string {
  return o.week ? `Biggest movers, week to ${formatDay(o.week.to)}` : "Biggest movers";
}

export function moversSummary(o: OverviewResult): string {
  const [up] = o.movers.up;
  const [down] = o.movers.down;
  if (!up && !down) return "No change in share between the last two weeks.";
  const parts = [];
  if (up) parts.push(`${shortName(up.label, up.key)} gained the most share (${formatPoints(up.shareChange)}, now ${formatShare(up.share)})`);
  if (down) parts.push(`${shortName(down.label, down.key)} lost the most (${formatPoints(down.shareChange)}, now ${formatShare(down.share)})`);
  return `Week over week, ${parts.join("; ")}.`;
}

export function marketFreeShareSummary(o: OverviewResult, interval: Interval): string {
  const withData = o.freeShare.points.filter((p) => p.freeShare !== null);
  const last = withData[withData.length - 1];
  const peak = withData.reduce<(typeof withData)[number] | null>((b, p) => (!b || p.freeShare! > b.freeShare! ? p : b), null);
  return last && peak
    ? `${formatShare(o.freeShare.week ?? last.freeShare!)} of named models' tokens went to free variants in the latest week; the peak was ${formatShare(peak.freeShare!)} (${formatPeriod(peak.period, interval)}).`
    : "No usage in this range.";
}

const NO_USAGE = { message: "No usage in this range", suggestion: "Ingest a snapshot, or pick a range with data." };

export function overviewFigure(chart: string, o: OverviewResult, interval: Interval): Figure | null {
  if (chart === "overview-share") {
    const shown = foldIntoOthers(o.share.series);
    const any = shown.some((s) => s.points.some((p) => p.tokens !== "0"));
    return {
      chart,
      title: "Share of all tokens",
      summary: shareStackSummary(shown, o.share.interval, OTHERS),
      provenance: o.share.provenance,
      empty: any ? null : NO_USAGE,
      plot: any ? { type: "time", kind: "stacked-area", scale: "linear", x: o.share.interval, y: "share", domain: [0, 1], ...seriesPlot(shown, { otherKeys: [OTHERS] }) } : null,
    };
  }
  if (chart === "overview-movers") {
    const all = [...o.movers.up, ...o.movers.down];
    const items = (list: OverviewResult["movers"]["up"], color: number) =>
      list.map((m) => ({ key: m.key, label: shortName(m.label, m.key), value: Math.abs(m.shareChange), text: formatPoints(m.shareChange), color }));
    return {
      chart,
      title: moversTitle(o),
      summary: moversSummary(o),
      provenance: o.provenance,
      empty: all.length ? null : { message: "No movers yet", suggestion: "Movers need two weeks of data." },
      plot: all.length
        ? { type: "bars", sharedMax: false, panels: [{ title: "Gaining share", color: 2, items: items(o.movers.up, 2) }, { title: "Losing share", color: 3, items: items(o.movers.down, 3) }] }
        : null,
    };
  }
  if (chart === "overview-free-share") {
    const points = o.freeShare.points;
    const any = points.some((p) => p.freeShare !== null);
    return {
      chart,
      title: "Free share of the market",
      summary: marketFreeShareSummary(o, interval),
      provenance: o.provenance,
      empty: any ? null : NO_USAGE,
      plot: any
        ? {
            type: "time",
            kind: "line",
            scale: "linear",
            x: interval,
            y: "share",
            rows: points.map((p) => ({ x: p.period, s0: p.freeShare, partial: p.partial })),
            series: [{ key: "s0", label: "Free share", color: 2 }],
          }
        : null,
    };
  }
  return null;
}
