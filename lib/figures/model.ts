/** The model page's charts: adoption, top apps, free vs paid variants, price history. */
import type { ModelDetailResult } from "@/lib/queries/types";
import { formatDay, formatPricePerM } from "@/lib/format";
import { shortName } from "@/lib/ui/labels";
import { usageSummary } from "@/lib/ui/summaries";
import type { Scale } from "@/lib/view/state";
import { appBarItems, topAppsSummary, topAppsTitle } from "./apps";
import { usageHasData, usagePlot } from "./plot";
import type { Figure, PlotRow } from "./types";

export function modelName(d: ModelDetailResult): string {
  return shortName(d.model.name, d.model.publicId);
}

export function adoptionTitle(name: string): string {
  return `Adoption of ${name}`;
}

export const NO_MODEL_USAGE = "No usage for these models in this range";

export function priceHistorySummary(d: ModelDetailResult): string {
  const h = d.priceHistory;
  if (!h.length) return "No list price recorded.";
  const first = h[0];
  const last = h[h.length - 1];
  const now = `${formatPricePerM(last.inputPerM)} input and ${formatPricePerM(last.outputPerM)} output`;
  if (h.length === 1) return `Listed at ${now} since ${formatDay(first.from)}, unchanged.`;
  return `Listed at ${now} since ${formatDay(last.from)}; it started at ${formatPricePerM(first.inputPerM)} input and ${formatPricePerM(first.outputPerM)} output on ${formatDay(first.from)} (${h.length - 1} change${h.length > 2 ? "s" : ""}).`;
}

/** Price steps: one row per change, plus the last price carried to the last day seen. */
export function priceHistoryRows(d: ModelDetailResult): PlotRow[] {
  const h = d.priceHistory;
  const rows: PlotRow[] = h.map((p) => ({ x: p.from, in: p.inputPerM === null ? null : Number(p.inputPerM), out: p.outputPerM === null ? null : Number(p.outputPerM) }));
  const last = h[h.length - 1];
  if (last && last.to !== last.from) rows.push({ x: last.to, in: rows[rows.length - 1].in, out: rows[rows.length - 1].out });
  return rows;
}

export function priceHistoryEmpty(d: ModelDetailResult): Figure["empty"] {
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

export function modelFigure(chart: string, d: ModelDetailResult, scale: Scale): Figure | null {
  const name = modelName(d);
  if (chart === "model-adoption") {
    const has = usageHasData(d.adoption);
    return {
      chart,
      title: adoptionTitle(name),
      summary: usageSummary(d.adoption),
      provenance: d.adoption.provenance,
      empty: has ? null : { message: NO_MODEL_USAGE, suggestion: "Try a longer date range, or calendar alignment." },
      plot: has ? usagePlot(d.adoption, scale) : null,
    };
  }
  if (chart === "model-top-apps") {
    const a = d.apps;
    return {
      chart,
      title: topAppsTitle(a),
      summary: topAppsSummary(a, name),
      provenance: a.provenance,
      empty: a.apps.length ? null : { message: "No app usage for this model in this range", suggestion: "Apps are often reported per month: try a range covering whole months." },
      plot: a.apps.length ? { type: "bars", sharedMax: false, panels: [{ items: appBarItems(a, 0) }] } : null,
    };
  }
  if (chart === "model-variants") {
    if (d.variants.length < 2) return null;
    const has = usageHasData(d.variantSplit);
    return {
      chart,
      title: "Free vs paid variants",
      summary: usageSummary(d.variantSplit),
      provenance: d.variantSplit.provenance,
      empty: has ? null : { message: NO_MODEL_USAGE, suggestion: "Try a longer date range." },
      plot: has ? usagePlot(d.variantSplit) : null,
    };
  }
  if (chart === "model-price-history") {
    const empty = priceHistoryEmpty(d);
    return {
      chart,
      title: "Price history",
      summary: priceHistorySummary(d),
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
            rows: priceHistoryRows(d),
            series: [
              { key: "in", label: "Input $/M", color: 0 },
              { key: "out", label: "Output $/M", color: 1 },
            ],
          },
    };
  }
  return null;
}
