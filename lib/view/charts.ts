/**
 * The shareable charts: every chart frame of every view has a stable id (its `data-chart-id`, CSV file
 * name, embed and image address). The id names its view, so `/embed/<view>/<chart>` can be checked, and
 * each view has a default chart (what a link to the page previews and embeds).
 */
import type { View } from "./state";

interface ChartInfo {
  view: View;
  /** A sensible iframe height in CSS pixels for the embed snippet (embed.js then fits it exactly). */
  height: number;
}

export const CHARTS = {
  "overview-share": { view: "overview", height: 560 },
  "overview-movers": { view: "overview", height: 470 },
  "overview-free-share": { view: "overview", height: 460 },
  "model-adoption": { view: "model", height: 520 },
  "model-top-apps": { view: "model", height: 520 },
  "model-variants": { view: "model", height: 500 },
  "model-price-history": { view: "model", height: 460 },
  "compare-usage": { view: "compare", height: 540 },
  "compare-top-apps": { view: "compare", height: 560 },
  "compare-spend": { view: "compare", height: 420 },
  "vendor-free-share": { view: "vendors", height: 520 },
  "vendor-free-share-total": { view: "vendors", height: 440 },
  "vendor-ranking": { view: "vendors", height: 520 },
  "model-ranking": { view: "vendors", height: 520 },
  "app-volume": { view: "app", height: 480 },
  "app-model-mix": { view: "app", height: 540 },
} as const satisfies Record<string, ChartInfo>;

export type ChartId = keyof typeof CHARTS;
export const CHART_IDS = Object.keys(CHARTS) as ChartId[];

/** What a link to the page previews (OG image) and embeds (oEmbed) when no chart is named. */
export const DEFAULT_CHART: Readonly<Record<View, ChartId>> = Object.freeze({
  overview: "overview-share",
  model: "model-adoption",
  compare: "compare-usage",
  vendors: "vendor-free-share",
  app: "app-model-mix",
});

export function isChartId(value: unknown): value is ChartId {
  return typeof value === "string" && Object.hasOwn(CHARTS, value);
}

/** The charts of a view, in page order. */
export function chartsOf(view: View): ChartId[] {
  return CHART_IDS.filter((id) => CHARTS[id].view === view);
}
