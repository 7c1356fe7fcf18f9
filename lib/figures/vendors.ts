/** The vendors page's charts: free share over time and over the range, rankings by all or paid tokens. */
import { modelHref, vendorHref } from "@/lib/domain/hrefs";
import { vendorName } from "@/lib/domain/vendors";
import { subsidyCsv } from "@/lib/csv";
import type { SubsidyResult } from "@/lib/queries/types";
import { formatRatio, formatShare, formatTokens } from "@/lib/format";
import { cleanText, shortName } from "@/lib/labels";
import type { ViewState } from "@/lib/view/state";
import { colorSlots, PALETTE_SIZE } from "./palette";
import { comparePeriods } from "./series";
import { rangeText } from "./summaries";
import { plotNotes } from "./marks";
import type { Figure, FigureTable, Plot, PlotRow, PlotSeries } from "./types";

/** The free-share chart draws the first 8 vendors (one palette). */
const MAX_FREE_SHARE_AUTHORS = 8;

/** "2 free variants" an author lists that never reached the source's published models. */
function unseenText(a: SubsidyResult["authors"][number]): string {
  const n = a.unreportedFreeVariants.length;
  return n ? ` (${n} free variant${n === 1 ? "" : "s"} below the reporting threshold)` : "";
}

function freeShareSummary(s: SubsidyResult): string {
  const withTokens = s.authors.filter((a) => a.freeShare !== null);
  if (!withTokens.length) return `No usage between ${rangeText(s.from, s.to)}.`;
  const sorted = [...withTokens].sort((a, b) => b.freeShare! - a.freeShare!);
  const top = sorted[0];
  const none = sorted.filter((a) => a.freeShare === 0).map((a) => `${cleanText(vendorName(a.author))}${unseenText(a)}`);
  return (
    `From ${rangeText(s.from, s.to)}, ${formatShare(top.freeShare!)} of ${cleanText(vendorName(top.author))}'s reported tokens went to free variants` +
    (sorted[1] ? `, against ${formatShare(sorted[1].freeShare!)} for ${cleanText(vendorName(sorted[1].author))}` : "") +
    (none.length ? `; ${none.slice(0, 3).join(", ")} ${none.length === 1 ? "has" : "have"} none among reported models.` : ".")
  );
}

/** What every free share cannot see, under each vendor chart (the `other` bucket, unreported free variants). */
function visibilityNotes(s: SubsidyResult): string[] {
  const notes: string[] = [];
  if (s.otherShare !== null && s.otherShare > 0) {
    notes.push(
      `Free shares count reported models only: ${formatShare(s.otherShare)} of all tokens in this range sit in the source's "other" bucket ` +
        `(models below its published top list), whose free/paid split is unknown.`,
    );
  }
  const unseen = s.authors.filter((a) => a.unreportedFreeVariants.length);
  if (unseen.length) {
    notes.push(
      `Free variants listed in the catalogue but not reported in this range: ` +
        unseen.map((a) => `${cleanText(vendorName(a.author))}: ${a.unreportedFreeVariants.slice(0, 4).map(cleanText).join(", ")}${a.unreportedFreeVariants.length > 4 ? ` and ${a.unreportedFreeVariants.length - 4} more` : ""}`).join("; ") +
        ".",
    );
  }
  return notes;
}

/** One row per period, a field per vendor (s0…): the free share. */
function freeShareRows(authors: SubsidyResult["authors"]): PlotRow[] {
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

function freeShareTotalTitle(s: SubsidyResult): string {
  return `Free share by vendor, ${rangeText(s.from, s.to)}`;
}

function freeShareTotalSummary(s: SubsidyResult): string {
  const authors = s.authors.filter((a) => a.freeShare !== null);
  const market = s.market.freeShare;
  return authors.length
    ? `${authors.map((a) => `${cleanText(vendorName(a.author))} ${formatShare(a.freeShare!)}${a.freeShare === 0 ? unseenText(a) : ""}`).join(", ")}` +
        `${market !== null ? `; the whole market ${formatShare(market)}` : ""} (reported models only).`
    : "No usage in this range.";
}

function rankingTitle(what: "Vendors" | "Models", paid: boolean, s: SubsidyResult): string {
  return `${what} by ${paid ? "paid tokens" : "all tokens"}, ${rangeText(s.from, s.to)}`;
}

/** "google leads with 1.2T tokens, 3.1× anthropic's 390B." */
function rankingLead(items: { label: string; tokens: string }[], paid: boolean): string {
  const [a, b] = items;
  if (!a) return "No usage in this range.";
  const what = paid ? "paid tokens" : "tokens";
  if (!b || b.tokens === "0") return `${cleanText(a.label)} leads with ${formatTokens(a.tokens)} ${what}.`;
  return `${cleanText(a.label)} leads with ${formatTokens(a.tokens)} ${what}, ${formatRatio(Number(a.tokens) / Number(b.tokens))} ${cleanText(b.label)}'s ${formatTokens(b.tokens)}.`;
}

function vendorRankingItems(s: SubsidyResult, paid: boolean) {
  return (paid ? s.rankingPaid : s.rankingAll).slice(0, 10).map((r) => ({ label: cleanText(vendorName(r.author)), tokens: r.tokens, href: vendorHref(r.author) }));
}

function modelRankingItems(s: SubsidyResult, paid: boolean) {
  return (paid ? s.modelRankingPaid : s.modelRankingAll).slice(0, 10).map((m) => ({ label: shortName(m.name, m.publicId), tokens: paid ? m.paidTokens : m.tokens, href: modelHref(m.publicId), m }));
}

/** One line per vendor, each in the vendor's own colour. */
function authorSeries(authors: SubsidyResult["authors"]): PlotSeries[] {
  const colors = colorSlots(authors.map((a) => a.author));
  return authors.map((a, i) => ({ key: `s${i}`, label: cleanText(vendorName(a.author)), color: colors[i], dashed: colors[i] >= PALETTE_SIZE || undefined }));
}

const NO_VENDOR_USAGE = { message: "No usage for these vendors in this range", suggestion: "Try a longer range or other vendors." };

export function freeShareFigure(s: SubsidyResult): Figure {
  const authors = s.authors.slice(0, MAX_FREE_SHARE_AUTHORS);
  const has = authors.some((a) => a.freeShare !== null);
  const plot: Plot | null = has
    ? {
        type: "time",
        kind: "line",
        scale: "linear",
        x: s.interval,
        y: "share",
        height: 300,
        rows: freeShareRows(authors),
        series: authorSeries(authors),
      }
    : null;
  return {
    chart: "vendor-free-share",
    title: "Free share of each vendor's tokens",
    summary: freeShareSummary(s),
    provenance: s.provenance,
    empty: has ? null : NO_VENDOR_USAGE,
    plot,
    footnotes: [...plotNotes(plot), ...visibilityNotes(s)],
    table: {
      columns: [
        { key: "author", label: "Vendor", kind: "text" },
        { key: "period", label: "Period", kind: "period" },
        { key: "free_tokens", label: "Free tokens", kind: "tokens" },
        { key: "paid_tokens", label: "Paid tokens", kind: "tokens" },
        { key: "free_share", label: "Free share", kind: "share" },
      ],
      rows: authors.flatMap((a) => a.points.map((p) => ({ author: a.author, period: p.period, free_tokens: p.freeTokens, paid_tokens: p.paidTokens, free_share: p.freeShare }))),
      interval: s.interval,
      csv: subsidyCsv({ ...s, authors }),
    },
  };
}

export function freeShareTotalFigure(s: SubsidyResult): Figure {
  const authors = s.authors.filter((a) => a.freeShare !== null);
  const colors = colorSlots(authors.map((a) => a.author));
  return {
    chart: "vendor-free-share-total",
    title: freeShareTotalTitle(s),
    summary: freeShareTotalSummary(s),
    provenance: s.provenance,
    empty: authors.length ? null : { message: "No usage for these vendors in this range", suggestion: "Try a longer range." },
    plot: authors.length
      ? {
          type: "bars",
          sharedMax: false,
          panels: [{ items: authors.map((a, i) => ({ key: a.author, label: cleanText(vendorName(a.author)), value: a.freeShare ?? 0, text: formatShare(a.freeShare ?? 0), color: colors[i] })) }],
        }
      : null,
    footnotes: visibilityNotes(s),
    table: {
      columns: [
        { key: "author", label: "Vendor", kind: "text" },
        { key: "free_tokens", label: "Free tokens", kind: "tokens" },
        { key: "paid_tokens", label: "Paid tokens", kind: "tokens" },
        { key: "free_share", label: "Free share", kind: "share" },
      ],
      rows: authors.map((a) => ({ author: a.author, free_tokens: a.freeTokens, paid_tokens: a.paidTokens, free_share: a.freeShare })),
    },
  };
}

function vendorRankingTable(s: SubsidyResult, paid: boolean): FigureTable {
  return {
    columns: [
      { key: "author", label: "Vendor", kind: "text" },
      { key: "tokens", label: paid ? "Paid tokens" : "Tokens", kind: "tokens" },
    ],
    rows: vendorRankingItems(s, paid).map((v) => ({ author: v.label, tokens: v.tokens })),
  };
}

function modelRankingTable(s: SubsidyResult, paid: boolean): FigureTable {
  return {
    columns: [
      { key: "model", label: "Model", kind: "text" },
      { key: "author", label: "Vendor", kind: "text" },
      { key: "tokens", label: "Tokens", kind: "tokens" },
      { key: "paid_tokens", label: "Paid tokens", kind: "tokens" },
      { key: "free_tokens", label: "Free tokens", kind: "tokens" },
    ],
    rows: modelRankingItems(s, paid).map(({ m }) => ({ model: m.publicId, author: vendorName(m.author), tokens: m.tokens, paid_tokens: m.paidTokens, free_tokens: m.freeTokens })),
  };
}

export function rankingFigure(chart: "vendor-ranking" | "model-ranking", s: SubsidyResult, paid: boolean): Figure {
  const vendors = chart === "vendor-ranking";
  const models = vendors ? [] : modelRankingItems(s, paid);
  const items = vendors ? vendorRankingItems(s, paid) : models;
  // Each bar in its vendor's or model's own colour, as on every other chart of it.
  const colors = colorSlots(vendors ? items.map((v) => v.label) : models.map(({ m }) => m.publicId));
  return {
    chart,
    title: rankingTitle(vendors ? "Vendors" : "Models", paid, s),
    summary: rankingLead(items, paid),
    provenance: s.provenance,
    empty: items.length ? null : { message: "No usage in this range", suggestion: "Try a longer range." },
    plot: items.length
      ? { type: "bars", sharedMax: false, panels: [{ items: items.map((it, i) => ({ key: `${i}`, label: it.label, value: Number(it.tokens), text: formatTokens(Number(it.tokens)), color: colors[i], href: it.href })) }] }
      : null,
    footnotes: [],
    table: vendors ? vendorRankingTable(s, paid) : modelRankingTable(s, paid),
    links: items.length ? { label: vendors ? "Vendor pages" : "Model pages", items: items.slice(0, 5).map(({ label, href }) => ({ label, href })) } : undefined,
  };
}

export function vendorsFigure(chart: string, s: SubsidyResult, state: Pick<ViewState, "variant">): Figure | null {
  const paid = state.variant === "paid";
  if (chart === "vendor-free-share") return freeShareFigure(s);
  if (chart === "vendor-free-share-total") return freeShareTotalFigure(s);
  if (chart === "vendor-ranking" || chart === "model-ranking") return rankingFigure(chart, s, paid);
  return null;
}
