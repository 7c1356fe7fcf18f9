/** The vendors page's charts: free share over time and over the range, rankings by all or paid tokens. */
import type { SubsidyResult } from "@/lib/queries/types";
import { formatRatio, formatTokens } from "@/lib/format";
import { cleanText, shortName } from "@/lib/ui/labels";
import { formatShare } from "@/lib/ui/metric-format";
import { PALETTE_SIZE } from "@/lib/ui/palette";
import { rangeText } from "@/lib/ui/summaries";
import { comparePeriods } from "@/lib/ui/chart-data";
import type { ViewState } from "@/lib/view/state";
import type { Figure, PlotRow } from "./types";

/** The free-share chart draws the first 8 vendors (one palette). */
export const MAX_FREE_SHARE_AUTHORS = 8;

export function freeShareSummary(s: SubsidyResult): string {
  const withTokens = s.authors.filter((a) => a.freeShare !== null);
  if (!withTokens.length) return `No usage between ${rangeText(s.from, s.to)}.`;
  const sorted = [...withTokens].sort((a, b) => b.freeShare! - a.freeShare!);
  const top = sorted[0];
  const none = sorted.filter((a) => a.freeShare === 0).map((a) => cleanText(a.author));
  return (
    `From ${rangeText(s.from, s.to)}, ${formatShare(top.freeShare!)} of ${cleanText(top.author)}'s tokens went to free variants` +
    (sorted[1] ? `, against ${formatShare(sorted[1].freeShare!)} for ${cleanText(sorted[1].author)}` : "") +
    (none.length ? `; ${none.slice(0, 3).join(", ")} ${none.length === 1 ? "has" : "have"} none.` : ".")
  );
}

/** One row per period, a field per vendor (s0…): the free share. */
export function freeShareRows(authors: SubsidyResult["authors"]): PlotRow[] {
  const byPeriod = new Map<string, PlotRow>();
  authors.forEach((a, i) => {
    for (const p of a.points) {
      const row = byPeriod.get(p.period) ?? { x: p.period };
      row[`s${i}`] = p.freeShare;
      if (p.partial) row.partial = true;
      byPeriod.set(p.period, row);
    }
  });
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.x, b.x));
}

export function freeShareTotalTitle(s: SubsidyResult): string {
  return `Free share by vendor, ${rangeText(s.from, s.to)}`;
}

export function freeShareTotalSummary(s: SubsidyResult): string {
  const authors = s.authors.filter((a) => a.freeShare !== null);
  const market = s.market.freeShare;
  return authors.length
    ? `${authors.map((a) => `${cleanText(a.author)} ${formatShare(a.freeShare!)}`).join(", ")}${market !== null ? `; the whole market ${formatShare(market)}` : ""}.`
    : "No usage in this range.";
}

export function rankingTitle(what: "Vendors" | "Models", paid: boolean, s: SubsidyResult): string {
  return `${what} by ${paid ? "paid tokens" : "all tokens"}, ${rangeText(s.from, s.to)}`;
}

/** "google leads with 1.2T tokens, 3.1× anthropic's 390B." */
export function rankingLead(items: { label: string; tokens: string }[], paid: boolean): string {
  const [a, b] = items;
  if (!a) return "No usage in this range.";
  const what = paid ? "paid tokens" : "tokens";
  if (!b || b.tokens === "0") return `${cleanText(a.label)} leads with ${formatTokens(a.tokens)} ${what}.`;
  return `${cleanText(a.label)} leads with ${formatTokens(a.tokens)} ${what}, ${formatRatio(Number(a.tokens) / Number(b.tokens))} ${cleanText(b.label)}'s ${formatTokens(b.tokens)}.`;
}

export function vendorRankingItems(s: SubsidyResult, paid: boolean) {
  return (paid ? s.rankingPaid : s.rankingAll).slice(0, 10).map((r) => ({ label: cleanText(r.author), tokens: r.tokens }));
}

export function modelRankingItems(s: SubsidyResult, paid: boolean) {
  return (paid ? s.modelRankingPaid : s.modelRankingAll).slice(0, 10).map((m) => ({ label: shortName(m.name, m.publicId), tokens: paid ? m.paidTokens : m.tokens, m }));
}

const NO_VENDOR_USAGE = { message: "No usage for these vendors in this range", suggestion: "Try a longer range or other vendors." };

export function vendorsFigure(chart: string, s: SubsidyResult, state: ViewState): Figure | null {
  const paid = state.variant === "paid";
  if (chart === "vendor-free-share") {
    const authors = s.authors.slice(0, MAX_FREE_SHARE_AUTHORS);
    const has = authors.some((a) => a.freeShare !== null);
    return {
      chart,
      title: "Free share of each vendor's tokens",
      summary: freeShareSummary(s),
      provenance: s.provenance,
      empty: has ? null : NO_VENDOR_USAGE,
      plot: has
        ? {
            type: "time",
            kind: "line",
            scale: "linear",
            x: s.interval,
            y: "share",
            domain: [0, 1],
            rows: freeShareRows(authors),
            series: authors.map((a, i) => ({ key: `s${i}`, label: cleanText(a.author), color: i, dashed: i >= PALETTE_SIZE || undefined })),
          }
        : null,
    };
  }
  if (chart === "vendor-free-share-total") {
    const authors = s.authors.filter((a) => a.freeShare !== null);
    return {
      chart,
      title: freeShareTotalTitle(s),
      summary: freeShareTotalSummary(s),
      provenance: s.provenance,
      empty: authors.length ? null : { message: "No usage for these vendors in this range", suggestion: "Try a longer range." },
      plot: authors.length
        ? {
            type: "bars",
            sharedMax: false,
            panels: [{ items: authors.map((a, i) => ({ key: a.author, label: cleanText(a.author), value: a.freeShare ?? 0, text: formatShare(a.freeShare ?? 0), color: i })) }],
          }
        : null,
    };
  }
  if (chart === "vendor-ranking" || chart === "model-ranking") {
    const items = chart === "vendor-ranking" ? vendorRankingItems(s, paid) : modelRankingItems(s, paid);
    return {
      chart,
      title: rankingTitle(chart === "vendor-ranking" ? "Vendors" : "Models", paid, s),
      summary: rankingLead(items, paid),
      provenance: s.provenance,
      empty: items.length ? null : { message: "No usage in this range", suggestion: "Try a longer range." },
      plot: items.length
        ? { type: "bars", sharedMax: false, panels: [{ items: items.map((it) => ({ key: it.label, label: it.label, value: Number(it.tokens), text: formatTokens(Number(it.tokens)), color: 0 })) }] }
        : null,
    };
  }
  return null;
}
