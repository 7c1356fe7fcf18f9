/**
 * A chart as data: what embeds, link-preview images, SVG/PNG downloads and oEmbed titles draw. Built from
 * the same query results and the same title/summary functions as the page's chart frames (lib/figures/<view>.ts),
 * so an embed says what the page says. Plain JSON, no functions: renderers in lib/figures/render/ turn it
 * into SVG markup or next/og elements.
 */
import type { Provenance } from "@/lib/queries/types";
import type { ChartId } from "@/lib/view/charts";
import type { Interval, Scale } from "@/lib/view/state";

/** How values are written on axes and bars. */
export type ValueKind = "tokens" | "share" | "usd" | "price" | "points";

/** A palette slot (lib/ui/palette.ts: Okabe–Ito), or the neutral of "others" buckets. */
export type ColorRef = number | "other";

export interface PlotSeries {
  /** Field of the series in each row (s0, s1…). */
  key: string;
  label: string;
  color: ColorRef;
  /** Dashed: a series past the palette's size, whose colour repeats. */
  dashed?: boolean;
}

export interface PlotRow {
  /** Period key: first day (YYYY-MM-DD) or day index since launch; a day for price history. */
  x: string;
  partial?: boolean;
  [series: string]: string | number | boolean | null | undefined;
}

export interface TimePlot {
  type: "time";
  kind: "line" | "stacked-area" | "step";
  scale: Scale;
  /** Ticks of x: periods of an interval, or plain days (price history). */
  x: Interval | "date";
  y: ValueKind;
  /** Fixed value domain, e.g. [0, 1] for shares. */
  domain?: [number, number];
  rows: PlotRow[];
  series: PlotSeries[];
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** The value as written at the bar's end. */
  text: string;
  color: ColorRef;
}

export interface BarPlot {
  type: "bars";
  /** One or more lists side by side (e.g. the top apps of each compared model), each optionally titled. */
  panels: { title?: string; color?: ColorRef; items: BarItem[] }[];
  /** One scale for every panel (bar lengths compare across panels). */
  sharedMax: boolean;
}

export type Plot = TimePlot | BarPlot;

export interface Figure {
  chart: ChartId;
  title: string;
  /** One sentence from the data: the chart's description everywhere. */
  summary: string;
  provenance: Provenance | null;
  /** Null when there is nothing to draw (then `empty` says why). */
  plot: Plot | null;
  empty: { message: string; suggestion?: string } | null;
  /** A note under the chart (how spend is estimated…). */
  footnote?: string;
}
