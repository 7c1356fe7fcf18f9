/**
 * The overview's charts: share of all tokens (stacked, top models then "Others"), biggest movers, free share
 * of the market. Titles, summaries and the folding of small series are defined here once, for the page's
 * chart frames (components/views/overview/*) and for embeds and images.
 */
import { OTHERS_KEY } from "@/lib/domain/buckets";
import type { OverviewResult } from "@/lib/queries/types";
import { formatDay, formatPeriod, formatPoints, formatShare } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { Interval } from "@/lib/view/state";
import { seriesPlot } from "./series";
import { shareStackSummary } from "./summaries";
import { plotNotes } from "./marks";
import type { Figure, Plot } from "./types";
import { usageTable } from "./usage";

function moversTitle(o: OverviewResult): string {
  return o.week ? `Biggest movers, week to ${formatDay(o.week.to)}` : "Biggest movers";
}

function moversSummary(o: OverviewResult): string {
  const [up] = o.movers.up;
  const [down] = o.movers.down;
  if (!up && !down) return "No change in share between the last two weeks.";
  const parts = [];
  if (up) parts.push(`${shortName(up.label, up.key)} gained the most share (${formatPoints(up.shareChange)}, now ${formatShare(up.share)})`);
  if (down) parts.push(`${shortName(down.label, down.key)} lost the most (${formatPoints(down.shareChange)}, now ${formatShare(down.share)})`);
  return `Week over week, ${parts.join("; ")}.`;
}

function marketFreeShareSummary(o: OverviewResult, interval: Interval): string {
  const withData = o.freeShare.points.filter((p) => p.freeShare !== null);
  const last = withData[withData.length - 1];
  const peak = withData.reduce<(typeof withData)[number] | null>((b, p) => (!b || p.freeShare! > b.freeShare! ? p : b), null);
  return last && peak
    ? `${formatShare(o.freeShare.week ?? last.freeShare!)} of named models' tokens went to free variants in the latest week; the peak was ${formatShare(peak.freeShare!)} (${formatPeriod(peak.period, interval)}).`
    : "No usage in this range.";
}

const NO_USAGE = { message: "No usage in this range", suggestion: "Ingest a snapshot, or pick a range with data." };

export function overviewShareFigure(o: OverviewResult): Figure {
  // The query keeps the top N (the page's Top control) and folds the rest into "Others".
  const shown = o.share.series;
  const any = shown.some((s) => s.points.some((p) => p.tokens !== "0"));
  const plot: Plot | null = any ? { type: "time", kind: "stacked-area", scale: "linear", x: o.share.interval, y: "share", domain: [0, 1], height: 320, ...seriesPlot(shown) } : null;
  return {
    chart: "overview-share",
    title: "Share of all tokens",
    summary: shareStackSummary(shown, o.share.interval, OTHERS_KEY),
    provenance: o.share.provenance,
    empty: any ? null : NO_USAGE,
    plot,
    footnotes: plotNotes(plot),
    table: usageTable({ ...o.share, series: shown }),
  };
}

export function moversFigure(o: OverviewResult): Figure {
  const all = [...o.movers.up, ...o.movers.down];
  // One scale for gains and losses: losses point left (a separate scale per side would make a small loss look as big as a large gain).
  const items = [...all]
    .sort((a, b) => b.shareChange - a.shareChange)
    .map((m) => ({ key: m.key, label: shortName(m.label, m.key), value: m.shareChange, text: formatPoints(m.shareChange), color: m.shareChange >= 0 ? 2 : 3 }));
  return {
    chart: "overview-movers",
    title: moversTitle(o),
    summary: moversSummary(o),
    provenance: o.provenance,
    empty: all.length ? null : { message: "No movers yet", suggestion: "Movers need two weeks of data." },
    plot: all.length ? { type: "bars", sharedMax: false, diverging: true, panels: [{ items }] } : null,
    footnotes: [],
    table: {
      columns: [
        { key: "model", label: "Model", kind: "text" },
        { key: "share", label: "Share", kind: "share" },
        { key: "previous_share", label: "Prior week", kind: "share" },
        { key: "share_change", label: "Change", kind: "points" },
      ],
      rows: all.map((m) => ({ model: m.key, share: m.share, previous_share: m.previousShare, share_change: m.shareChange })),
    },
  };
}

export function marketFreeShareFigure(o: OverviewResult, interval: Interval): Figure {
  const points = o.freeShare.points;
  const any = points.some((p) => p.freeShare !== null);
  const plot: Plot | null = any
    ? {
        type: "time",
        kind: "line",
        scale: "linear",
        x: interval,
        y: "share",
        height: 220,
        rows: points.map((p) => ({ x: p.period, s0: p.freeShare, partial: p.partial })),
        series: [{ key: "s0", label: "Free share", color: 2 }],
      }
    : null;
  return {
    chart: "overview-free-share",
    title: "Free share of the market",
    summary: marketFreeShareSummary(o, interval),
    provenance: o.provenance,
    empty: any ? null : NO_USAGE,
    plot,
    footnotes: plotNotes(plot),
    table: {
      columns: [
        { key: "period", label: "Period", kind: "period" },
        { key: "free_tokens", label: "Free tokens", kind: "tokens" },
        { key: "paid_tokens", label: "Paid tokens", kind: "tokens" },
        { key: "free_share", label: "Free share", kind: "share" },
      ],
      rows: points.map((p) => ({ period: p.period, free_tokens: p.freeTokens, paid_tokens: p.paidTokens, free_share: p.freeShare })),
      interval,
    },
  };
}

export function overviewFigure(chart: string, o: OverviewResult, interval: Interval): Figure | null {
  if (chart === "overview-share") return overviewShareFigure(o);
  if (chart === "overview-movers") return moversFigure(o);
  if (chart === "overview-free-share") return marketFreeShareFigure(o, interval);
  return null;
}
