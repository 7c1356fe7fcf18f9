/** The model page's charts: adoption, top apps, free vs paid variants, price history. */
import type { ModelDetailResult, ModelEvent, UsageResult } from "@/lib/queries/types";
import { formatDay, formatPricePerM } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { EventDisplay, Scale, ViewState } from "@/lib/view/state";
import { latestEventSentence, plotEvents } from "./events";
import { topAppsFigure } from "./apps";
import type { Figure, PlotRow } from "./types";
import { usageFigure } from "./usage";

export function modelName(d: Pick<ModelDetailResult, "model">): string {
  return shortName(d.model.name, d.model.publicId);
}

export function adoptionFigure(u: UsageResult, name: string, scale: Scale, events?: readonly ModelEvent[], showEvents?: EventDisplay): Figure {
  return usageFigure("model-adoption", u, { title: `Adoption of ${name}`, scale, events, showEvents });
}

export function variantsFigure(u: UsageResult): Figure {
  return usageFigure("model-variants", u, { title: "Free vs paid variants", emptySuggestion: "Try a longer date range." });
}

function priceHistorySummary(d: ModelDetailResult): string {
  const h = d.priceHistory;
  if (!h.length) return "No list price recorded.";
  const first = h[0];
  const last = h[h.length - 1];
  const now = `${formatPricePerM(last.inputPerM)} input and ${formatPricePerM(last.outputPerM)} output`;
  if (h.length === 1) return `Listed at ${now} since ${formatDay(first.from)}, unchanged.`;
  return `Listed at ${now} since ${formatDay(last.from)}; it started at ${formatPricePerM(first.inputPerM)} input and ${formatPricePerM(first.outputPerM)} output on ${formatDay(first.from)} (${h.length - 1} change${h.length > 2 ? "s" : ""}).`;
}

/** Price steps: one row per change, plus the last price carried to the last day seen. */
function priceHistoryRows(d: ModelDetailResult): PlotRow[] {
  const h = d.priceHistory;
  const rows: PlotRow[] = h.map((p) => ({ x: p.from, in: p.inputPerM === null ? null : Number(p.inputPerM), out: p.outputPerM === null ? null : Number(p.outputPerM) }));
  const last = h[h.length - 1];
  if (last && last.to !== last.from) rows.push({ x: last.to, in: rows[rows.length - 1].in, out: rows[rows.length - 1].out });
  return rows;
}

function priceHistoryEmpty(d: ModelDetailResult): Figure["empty"] {
  const h = d.priceHistory;
  if (!h.length) return { message: "No list price recorded for this model", suggestion: "Ingest the models catalogue to get prices." };
  if (h.length === 1 && h[0].from === h[0].to) {
    return {
      message: `One price observed: ${formatPricePerM(h[0].inputPerM)} input, ${formatPricePerM(h[0].outputPerM)} output (${formatDay(h[0].from)})`,
      suggestion: "The history grows as catalogue snapshots arrive; the table has the figures.",
    };
  }
  return null;
}

export function priceHistoryFigure(d: ModelDetailResult, showEvents?: EventDisplay): Figure {
  const empty = priceHistoryEmpty(d);
  const rows = empty ? [] : priceHistoryRows(d);
  // Pinned permalinks made before events existed carry none.
  const markers = plotEvents({ rows, x: "date" }, d.events, showEvents);
  return {
    chart: "model-price-history",
    title: "Price history",
    summary: priceHistorySummary(d) + latestEventSentence(markers),
    provenance: d.provenance,
    empty,
    plot: empty
      ? null
      : {
          type: "time",
          kind: "step",
          scale: "linear",
          x: "date",
          y: "price",
          height: 220,
          rows,
          ...(markers.length ? { events: markers } : {}),
          series: [
            { key: "in", label: "Input $/M", color: 0 },
            { key: "out", label: "Output $/M", color: 1 },
          ],
        },
    footnotes: [],
    table: {
      columns: [
        { key: "from", label: "From", kind: "day" },
        { key: "to", label: "To", kind: "day" },
        { key: "input_per_m", label: "Input $/M", kind: "price" },
        { key: "output_per_m", label: "Output $/M", kind: "price" },
        { key: "cache_read_per_m", label: "Cache read $/M", kind: "price" },
      ],
      rows: d.priceHistory.map((p) => ({ from: p.from, to: p.to, input_per_m: p.inputPerM, output_per_m: p.outputPerM, cache_read_per_m: p.cacheReadPerM })),
    },
  };
}

/** The model page's charts from one detail answer (embeds, images, pinned permalinks). */
export function modelFigure(chart: string, d: ModelDetailResult, state: Pick<ViewState, "scale" | "events">): Figure | null {
  const name = modelName(d);
  if (chart === "model-adoption") return adoptionFigure(d.adoption, name, state.scale, d.events, state.events);
  if (chart === "model-top-apps") return topAppsFigure(d.apps, name);
  if (chart === "model-variants") return d.variants.length < 2 ? null : variantsFigure(d.variantSplit);
  if (chart === "model-price-history") return priceHistoryFigure(d, state.events);
  return null;
}
